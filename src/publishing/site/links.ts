import { posix } from "node:path";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";

// A published page, moved into a folder of files: every address that points into the site
// becomes a path relative to the page's own file, every address only the application answers
// (sign-in, search, the library, comparisons) is taken out, and the rest (other sites, anchors
// on the same page, the canonical address) stays as it is.

/**
 * Where an address of the application lives in the folder (a file path such as
 * `reports/r/2022/en/index.html`), or undefined when only the application can answer it.
 */
export type Locate = (url: URL) => string | undefined;

export type Relocation = {
  /** The page's own file in the folder. */
  file: string;
  /** The page's address in the application, to read relative addresses against. */
  url: string;
  /** The application's public address (PUBLIC_URL): its origin is the application's. */
  origin: string;
  locate: Locate;
};

/** An address's path as the application reads it (percent-decoded); undefined when it cannot be decoded (no page answers it). */
export function decodedPath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}

/** The attributes that hold one address, by element (srcset is handled apart). */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src"],
  source: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  iframe: ["src"],
  embed: ["src"],
  object: ["data"],
  form: ["action"],
  button: ["formAction"],
  input: ["formAction", "src"],
};

const toHtml = unified().use(rehypeStringify, { allowDangerousHtml: false });

/** The path from one file of the folder to another, explicit down to the file name (works from file:// and any host). */
export const relativeFile = (from: string, to: string) => posix.relative(posix.dirname(from), to) || posix.basename(to);

/**
 * What an address on the page becomes: undefined to keep it as written, null when only the
 * application answers it, else the relative path (with the anchor) to use instead.
 */
function relocateUrl(raw: string, place: Relocation): string | null | undefined {
  const value = raw.trim();
  if (value === "" || value.startsWith("#")) return undefined;
  let url: URL;
  try {
    url = new URL(value, new URL(place.url, place.origin));
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(place.origin).origin) return undefined;
  const file = place.locate(url);
  if (file === undefined) return null;
  return `${relativeFile(place.file, file)}${url.hash}`;
}

const isWhitespace = (node: RootContent | ElementContent) => node.type === "comment" || (node.type === "text" && node.value.trim() === "");

/** What a link turned into plain text keeps. */
const PLAIN_TEXT_PROPERTIES = new Set(["lang", "dir", "id", "title"]);

/** Elements whose only job was the link or form they held: taken out with it. */
const WRAPPERS = new Set(["li", "p"]);

/**
 * Rewrites one HTML page for the folder. Links to the application become plain text (their
 * paragraph or list item goes when the link was all it held), forms posting to it, scripts,
 * styles and pictures it alone serves are taken out. The canonical link and the alternate
 * languages' links keep the permanent public address.
 */
export function relocateHtml(html: string, place: Relocation): string {
  const tree = fromHtml(html);
  relocateChildren(tree, place);
  return toHtml.stringify(tree);
}

/**
 * Rewrites the children of an element. Answers whether something was taken out and nothing but
 * spaces and the plain text of links is left: a paragraph or list item in that state held only
 * what went (a "compare" paragraph, a menu entry), so it goes too.
 */
function relocateChildren(parent: Root | Element, place: Relocation): boolean {
  const kept: (RootContent | ElementContent)[] = [];
  let takenOut = false;
  let onlyLeftovers = true;
  for (const node of parent.children) {
    if (node.type !== "element") {
      kept.push(node);
      if (!isWhitespace(node)) onlyLeftovers = false;
      continue;
    }
    const outcome = relocateElement(node, place);
    if (outcome === "remove") {
      takenOut = true;
      continue;
    }
    if (outcome === "unwrap") {
      takenOut = true;
      // Plain text: nothing of the link stays (no class that styles it as one), only its words' language, direction and title.
      const properties = Object.fromEntries(Object.entries(node.properties).filter(([name]) => PLAIN_TEXT_PROPERTIES.has(name)));
      kept.push({ type: "element", tagName: "span", properties, children: node.children });
      continue;
    }
    onlyLeftovers = false;
    kept.push(node);
  }
  parent.children = kept;
  return takenOut && onlyLeftovers;
}

/** Rewrites an element's addresses (then its children's); says when it must go or become plain text. */
function relocateElement(node: Element, place: Relocation): "keep" | "remove" | "unwrap" {
  const tag = node.tagName;
  if (tag === "link" && isPermanentAddress(node)) return "keep";
  let unreachable = false;
  for (const name of URL_ATTRIBUTES[tag] ?? []) {
    const value = node.properties[name];
    if (typeof value !== "string") continue;
    const moved = relocateUrl(value, place);
    if (moved === null) unreachable = true;
    else if (moved !== undefined) node.properties[name] = moved;
  }
  const srcset = node.properties.srcSet;
  if (Array.isArray(srcset) || typeof srcset === "string") {
    const candidates = (Array.isArray(srcset) ? srcset.map(String) : srcset.split(",")).map((c) => c.trim()).filter(Boolean);
    node.properties.srcSet = candidates
      .map((candidate) => {
        const [url = "", ...descriptor] = candidate.split(/\s+/);
        const to = relocateUrl(url, place);
        if (to === null) unreachable = true;
        return [to ?? url, ...descriptor].join(" ");
      })
      .join(", ");
  }
  if (tag === "style") {
    for (const child of node.children) if (child.type === "text") child.value = relocateCss(child.value, (url) => relocateUrl(url, place));
  }
  if (unreachable) return tag === "a" ? "unwrap" : "remove";
  const emptied = relocateChildren(node, place);
  return emptied && WRAPPERS.has(tag) ? "remove" : "keep";
}

/** The canonical address and the other languages' addresses of a page, when written in full, are its permanent public ones. */
function isPermanentAddress(node: Element) {
  const rel = node.properties.rel;
  const rels = (Array.isArray(rel) ? rel.map(String) : String(rel ?? "").split(/\s+/)).map((r) => r.toLowerCase());
  const absolute = typeof node.properties.href === "string" && /^https?:\/\//i.test(node.properties.href);
  return absolute && (rels.includes("canonical") || (rels.includes("alternate") && node.properties.hrefLang !== undefined));
}

/**
 * Rewrites the addresses of a style sheet (`url(...)`, `@import "..."`) with the function given:
 * undefined keeps an address, null or a string replaces it (null: left as written).
 */
export function relocateCss(css: string, move: (url: string) => string | null | undefined): string {
  const replace = (url: string) => move(url) ?? url;
  return css
    .replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (_all, quote: string, url: string) => `url(${quote}${replace(url)}${quote})`)
    .replace(/@import\s+(["'])([^"']+)\1/g, (_all, quote: string, url: string) => `@import ${quote}${replace(url)}${quote}`);
}
