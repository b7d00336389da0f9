import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { extractReferences, type Reference } from "#src/content/directives.ts";
import { renderHtml, type ContentWarning, type ResolvedReference, type Resolver } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import type { Language } from "#src/domain/languages.ts";
import { runInPool } from "#src/lib/pool.ts";
import { translator } from "#src/i18n/i18n.ts";

// Markdown to HTML for pages: small texts inline, large ones on the worker pool (with its time
// limit), and each result kept in memory, bounded by bytes, until the text or what its
// references resolve to changes.

/** Texts up to this many characters render inline: within the limits they take a few milliseconds. */
export const INLINE_MAX_CHARS = 2_000;

/**
 * Everything a rendering depends on, as plain data a worker can receive. `lang` is the page's
 * (notes, warnings); `textLang` the one the text is written in, for its typography when known.
 */
export type RenderRequest = { markdown: string; lang: Language; textLang?: Language | undefined; idPrefix: string; resolutions: [string, ResolvedReference | undefined][]; warnings?: "show" | "hide" | undefined };
export type Rendered = { html: string; warnings: ContentWarning[] };

const referenceKey = (kind: string, ref: string) => `${kind}:${ref}`;

/** Renders now, on this thread (the worker's task, and the inline path for small texts). */
export function renderNow(request: RenderRequest): Rendered {
  const resolutions = new Map(request.resolutions);
  const resolve: Resolver = (kind, ref) => resolutions.get(referenceKey(kind, ref));
  // A text shown on a page in another language: the words the pipeline adds are the page's, and marked so.
  const chromeLang = request.textLang && request.textLang !== request.lang ? request.lang : undefined;
  return renderHtml(parseMarkdown(request.markdown, request.textLang), { t: translator(request.lang), idPrefix: request.idPrefix, resolve, chromeLang, warnings: request.warnings });
}

/** The evidence a text embeds, parsed now (the worker's task). */
export const referencesNow = (markdown: string): Reference[] => extractReferences(parseMarkdown(markdown));

const sha = (text: string) => createHash("sha256").update(text).digest("base64url");

// Rendered pages of a large report run to a few megabytes; 32 MiB keeps every section of a
// living draft in all its languages, and the least recently read give way first.
const rendered = new LRUCache<string, Rendered>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (r, key) => 2 * (r.html.length + key.length) + 200 * r.warnings.length + 100 });
const references = new LRUCache<string, Reference[]>({ maxSize: 4 * 1024 * 1024, sizeCalculation: (refs, key) => 2 * key.length + 300 * refs.length + 100 });

/** The evidence references a text embeds, each once, in order. */
export async function referencesOf(markdown: string): Promise<Reference[]> {
  const key = sha(markdown);
  const cached = references.get(key);
  if (cached) return cached;
  const found = markdown.length <= INLINE_MAX_CHARS ? referencesNow(markdown) : await runInPool<Reference[]>("references", markdown);
  references.set(key, found);
  return found;
}

/**
 * A text as sanitized HTML in a language, its references shown through `resolve`. `warnings:
 * "hide"` shows a broken reference as a reader would see it instead of the secretariat's warning.
 */
export async function renderMarkdown(markdown: string, options: { lang: Language; textLang?: Language; idPrefix: string; resolve?: Resolver; warnings?: "show" | "hide" }): Promise<Rendered> {
  const resolve = options.resolve ?? (() => "pending" as const);
  const resolutions = (await referencesOf(markdown)).map((r): [string, ResolvedReference | undefined] => [referenceKey(r.kind, r.ref), resolve(r.kind, r.ref)]);
  const request: RenderRequest = { markdown, lang: options.lang, textLang: options.textLang, idPrefix: options.idPrefix, resolutions, warnings: options.warnings };
  const key = `${sha(markdown)}|${options.lang}|${options.textLang ?? ""}|${options.idPrefix}|${options.warnings ?? "show"}|${sha(JSON.stringify(resolutions))}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  const result = markdown.length <= INLINE_MAX_CHARS ? renderNow(request) : await runInPool<Rendered>("markdown", request);
  rendered.set(key, result);
  return result;
}
