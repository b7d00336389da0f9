import type { ParseRule, TagParseRule } from "prosemirror-model";
import { afterEach, describe, expect, it } from "vitest";
import { safeHref, schema, trustRawParsing } from "#src/client/editor/schema.ts";

// The rules by which ProseMirror reads markup (its own DOM, copies made in the editor): what they
// take from an element's attributes. An element is faked: the rules read attributes and text only.

const element = (attrs: Record<string, string>, text = "") => ({ getAttribute: (name: string) => attrs[name] ?? null, textContent: text }) as unknown as HTMLElement;

function read(rules: readonly ParseRule[] | undefined, tag: string, attrs: Record<string, string>, text?: string) {
  const rule = rules?.find((r): r is TagParseRule => "tag" in r && r.tag === tag);
  if (!rule?.getAttrs) throw new Error(`no rule for ${tag}`);
  return rule.getAttrs(element(attrs, text));
}

afterEach(() => trustRawParsing(false));

describe("the editor's parse rules", () => {
  it("keep links to the web, mail and the site only", () => {
    for (const href of ["https://example.org/a", "http://example.org", "mailto:a@example.org", "#slug", "chapter#slug", "/reports/x", "page.html"]) expect(safeHref(href), href).toBe(true);
    for (const href of ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd"]) expect(safeHref(href), href).toBe(false);
    const link = schema.marks.link.spec.parseDOM;
    expect(read(link, "a[href]", { href: "https://example.org", title: "T" })).toEqual({ href: "https://example.org", title: "T" });
    expect(read(link, "a[href]", { href: "javascript:alert(1)" })).toBe(false);
    expect(read(link, "span.rt-link", { "data-href": "javascript:alert(1)" })).toBe(false);
    expect(read(link, "span.rt-link", { "data-href": "#slug" })).toEqual({ href: "#slug", title: null });
  });

  it("take evidence only of a known kind, with a well-formed reference", () => {
    const block = schema.nodes.evidence.spec.parseDOM;
    expect(read(block, "div.rt-evidence", { "data-kind": "figure", "data-ref": "adoption-2024" })).toEqual({ kind: "figure", ref: "adoption-2024" });
    expect(read(block, "div.rt-evidence", { "data-kind": "script", "data-ref": "x" })).toBe(false);
    expect(read(block, "div.rt-evidence", { "data-kind": "figure", "data-ref": "x} ::raw{" })).toBe(false);
    expect(read(block, "div.rt-evidence", { "data-kind": "figure" })).toBe(false);
    const inline = schema.nodes.evidence_inline.spec.parseDOM;
    expect(read(inline, "span.rt-evidence-inline", { "data-kind": "case-study", "data-ref": "pe-cadena", "data-label": "CADENA" })).toEqual({ kind: "case-study", ref: "pe-cadena", label: "CADENA" });
    expect(read(inline, "span.rt-evidence-inline", { "data-kind": "figure", "data-ref": "pe-cadena" })).toBe(false);
    expect(read(inline, "span.rt-evidence-inline", { "data-kind": "case-study", "data-ref": "Bad Ref" })).toBe(false);
  });

  it("keep Markdown as typed only from a copy made in the editor", () => {
    const raw = schema.nodes.raw.spec.parseDOM;
    const rawInline = schema.nodes.raw_inline.spec.parseDOM;
    expect(read(raw, "pre.rt-raw", {}, "<script>x</script>")).toBe(false);
    expect(read(rawInline, "code.rt-raw-inline", {}, "<b>")).toBe(false);
    trustRawParsing(true);
    expect(read(raw, "pre.rt-raw", {}, "<div>kept</div>")).toEqual({ value: "<div>kept</div>" });
    expect(read(rawInline, "code.rt-raw-inline", {}, "<b>")).toEqual({ value: "<b>" });
  });
});
