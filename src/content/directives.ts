import type { Root } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import { visit } from "unist-util-visit";
import { REFERENCE_KINDS, type ReferenceKind } from "#src/domain/reports.ts";

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** A directive that embeds evidence, e.g. `::figure{ref=blockchain-stage}`. */
export type Reference = { kind: ReferenceKind; ref: string };

export const isReferenceKind = (name: string): name is ReferenceKind => (REFERENCE_KINDS as readonly string[]).includes(name);

// References are slugs: what the evidence registries use as stable keys.
export const REF_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** The evidence a parsed text embeds, each once, in order of appearance. */
export function extractReferences(tree: Root): Reference[] {
  const seen = new Map<string, Reference>();
  visit(tree, (node) => {
    if (node.type !== "containerDirective" && node.type !== "leafDirective" && node.type !== "textDirective") return;
    const directive = node;
    const ref = directive.attributes?.ref ?? "";
    if (isReferenceKind(directive.name) && REF_PATTERN.test(ref)) seen.set(`${directive.name}:${ref}`, { kind: directive.name, ref });
  });
  return [...seen.values()];
}
