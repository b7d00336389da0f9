import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import type { Element, ElementContent, Parents, Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import { h } from "hastscript";
import { SKIP, visit } from "unist-util-visit";
import { ANNEX_PATH } from "#src/domain/editions.ts";
import type { Language } from "#src/domain/languages.ts";
import type { FrozenFigure } from "#src/features/reports/evidence-kinds.ts";
import { formatEditionDate } from "#src/features/editions/texts.ts";
import { translator, type Translate } from "#src/i18n/i18n.ts";
import { typeset } from "#src/i18n/typography.ts";
import { BOOK_CSS } from "#src/publishing/epub/style.ts";
import { escapeAttribute, escapeText, toXml } from "#src/publishing/epub/xml.ts";
import { sectionTree } from "#src/publishing/html-file.tsx";
import type { Publication } from "#src/publishing/publication.ts";
import { ASSETS_DIR } from "#src/web/assets.ts";

// The publication as an EPUB 3 book: a title page, the navigation document (contents and
// landmarks), one XHTML file per chapter (the annex last), each figure an SVG file with its alt
// text and its data as a table, footnotes as EPUB notes. Sections are the single HTML file's trees (html-file.tsx), written
// out as XML. Links that lead nowhere inside the book or out to the web keep their words only.

const XHTML_NS = "http://www.w3.org/1999/xhtml";
const OPS_NS = "http://www.idpf.org/2007/ops";
const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

type BookFile = { name: string; mediaType: string; data: Uint8Array; properties?: string };
type Chapter = { file: string; body: Element };

/** A stable identifier: the same edition in the same language is the same book, whatever its title becomes. */
export function bookIdentifier(pub: Publication): string {
  const name = pub.editionId ? `edition:${pub.editionId}:${pub.lang}` : `draft:${pub.reportTitle}:${pub.date}:${pub.lang}`;
  const hex = createHash("sha1").update(name).digest("hex");
  // A name-based UUID (version 5 layout, RFC 4122 variant).
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const langProps = (lang: Language | undefined) => (lang ? { lang, xmlLang: lang } : {});

function xhtml(lang: Language, title: string, body: ElementContent[], bodyProps: Record<string, string> = {}): Uint8Array {
  const tree = h("html", { xmlns: XHTML_NS, "xmlns:epub": OPS_NS, ...langProps(lang) }, [
    h("head", [h("meta", { charSet: "utf-8" }), h("title", title), h("link", { rel: "stylesheet", type: "text/css", href: "style.css" })]),
    h("body", bodyProps, body),
  ]);
  return strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${toXml(tree)}\n`);
}

/** A figure's drawing as an SVG file of its own, or undefined when there is no drawing to write. */
function svgFile(figure: FrozenFigure): Uint8Array | undefined {
  const root = fromHtml(figure.svg, { fragment: true }).children.find((c): c is Element => c.type === "element" && c.tagName === "svg");
  if (!root) return undefined;
  root.properties = { ...root.properties, xmlns: SVG_NS, xmlnsXLink: XLINK_NS };
  return strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n${toXml(root)}\n`);
}

// An id must be an XML name without colons (a slug may start with a digit).
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const safeName = (id: string) => (NAME.test(id) ? id : `id-${id.replace(/[^A-Za-z0-9._-]/g, "_")}`);

const textOf = (nodes: ElementContent[]): string => nodes.map((n) => (n.type === "text" ? n.value : n.type === "element" ? textOf(n.children) : "")).join("");

/** Replaces an element by other nodes, in place. */
function replace(parent: Parents, index: number, nodes: ElementContent[]) {
  (parent.children as ElementContent[]).splice(index, 1, ...nodes);
}

/**
 * The footnotes of a section as EPUB notes: each reference a noteref, each note an aside that
 * links back, numbered as the references are. The label the web page hides goes: its id is the
 * same in every section, and a note read on its own needs none.
 */
function epubNotes(tree: HastRoot, t: Translate) {
  visit(tree, "element", (el: Element, index, parent) => {
    if (el.tagName === "a" && el.properties.dataFootnoteRef !== undefined) {
      el.properties = { ...el.properties, "epub:type": "noteref", role: "doc-noteref", ariaDescribedBy: undefined };
      return;
    }
    if (!parent || index === undefined || el.tagName !== "section" || el.properties.dataFootnotes === undefined) return;
    const list = el.children.find((c): c is Element => c.type === "element" && c.tagName === "ol");
    const items = (list?.children ?? []).filter((c): c is Element => c.type === "element" && c.tagName === "li");
    const notes = items.map((li, i) => {
      visit(li, "element", (a: Element) => {
        if (a.tagName === "a" && a.properties.dataFootnoteBackref !== undefined) a.properties.role = "doc-backlink";
      });
      const number = h("span", { className: ["note-number"] }, `${i + 1}. `);
      const first = li.children.find((c): c is Element => c.type === "element");
      if (first?.tagName === "p") first.children.unshift(number);
      else li.children.unshift(h("p", number));
      return h("aside", { id: li.properties.id, "epub:type": "footnote", role: "doc-footnote" }, li.children);
    });
    replace(parent, index, notes.length ? [h("section", { className: ["footnotes"], ariaLabel: t("content.footnotes") }, notes)] : []);
    return [SKIP, index];
  });
}

/** Table cells' alignment as a style (the align attribute is not XHTML5's). */
function alignAsStyle(tree: HastRoot) {
  visit(tree, "element", (el: Element) => {
    if ((el.tagName === "td" || el.tagName === "th") && typeof el.properties.align === "string") {
      el.properties = { ...el.properties, align: undefined, style: `text-align: ${el.properties.align}` };
    }
  });
}

/**
 * A figure's data shown, not folded: reading systems are not sure to open a `details`, and a
 * book's table has its caption to say what it is.
 */
function figureDataOpen(tree: HastRoot) {
  visit(tree, "element", (el: Element) => {
    const classes = Array.isArray(el.properties.className) ? el.properties.className : [];
    if (el.tagName !== "details" || !classes.includes("figure-data")) return;
    el.tagName = "div";
    el.children = el.children.filter((c) => !(c.type === "element" && c.tagName === "summary"));
  });
}

/**
 * Every id made an XML name and unique in its file; then every link pointed inside the book (the
 * chapter file holding its target), out to the web or mail, or unwrapped; pictures from the web
 * become links to them (a book may not load them), other pictures their words.
 */
function fixReferences(chapters: Chapter[], own: WeakSet<Element>) {
  // The first place of each id in the book, and each chapter's own places: a link goes to its
  // own chapter's target when there is one there.
  const where = new Map<string, { file: string; id: string }>();
  const inFile = new Map<string, Map<string, { file: string; id: string }>>();
  for (const chapter of chapters) {
    const taken = new Set<string>();
    const here = new Map<string, { file: string; id: string }>();
    inFile.set(chapter.file, here);
    visit(chapter.body, "element", (el: Element) => {
      const id = el.properties.id;
      if (id === undefined || id === null) return;
      const original = String(id);
      let safe = safeName(original);
      for (let n = 2; taken.has(safe); n++) safe = `${safeName(original)}-${n}`;
      taken.add(safe);
      el.properties.id = safe;
      if (!here.has(original)) here.set(original, { file: chapter.file, id: safe });
      if (!where.has(original)) where.set(original, { file: chapter.file, id: safe });
    });
  }
  for (const chapter of chapters) {
    const here = inFile.get(chapter.file)!;
    const find = (id: string) => here.get(id) ?? here.get(safeDecode(id)) ?? where.get(id) ?? where.get(safeDecode(id));
    visit(chapter.body, "element", (el: Element, index, parent) => {
      if (!parent || index === undefined) return;
      if (el.tagName === "img" && !own.has(el)) {
        const alt = typeof el.properties.alt === "string" ? el.properties.alt : "";
        const src = typeof el.properties.src === "string" ? webUrl(el.properties.src) : undefined;
        replace(parent, index, [src ? h("a", { href: src }, alt || src) : h("span", alt)]);
        return index;
      }
      if (el.tagName !== "a" || typeof el.properties.href !== "string") return;
      const href = el.properties.href;
      const target = href.startsWith("#") ? find(href.slice(1)) : undefined;
      const to = target ? (target.file === chapter.file ? `#${target.id}` : `${target.file}#${target.id}`) : href.startsWith("#") ? undefined : webUrl(href);
      if (to) {
        el.properties.href = to;
        return;
      }
      replace(parent, index, el.children);
      return index;
    });
  }
  return where;
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** An address on the web or a mail address, written as a URL parser writes it; anything else is undefined. */
function webUrl(href: string): string | undefined {
  if (!/^(https?|mailto):/i.test(href.trim())) return undefined;
  try {
    return new URL(href.trim()).href;
  } catch {
    return undefined;
  }
}

/**
 * The fonts the web pages declare (src/web/assets/*.woff2), carried with their @font-face rules;
 * none when the pages load none. Read once per thread.
 */
let fonts: { css: string; files: BookFile[] } | undefined;
function bookFonts() {
  if (fonts) return fonts;
  fonts = { css: "", files: [] };
  const appCss = existsSync(join(ASSETS_DIR, "app.css")) ? readFileSync(join(ASSETS_DIR, "app.css"), "utf8") : "";
  const seen = new Set<string>();
  for (const [rule] of appCss.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const urls = [...rule.matchAll(/url\(\s*["']?([^"')]+\.woff2)(?:[?#][^"')]*)?["']?\s*\)/g)].map((m) => basename(m[1]!));
    const file = urls.find((u) => /^[A-Za-z0-9._-]+$/.test(u) && existsSync(join(ASSETS_DIR, u)));
    if (!file) continue;
    const declarations = rule
      .replace(/^@font-face\s*\{|\}$/g, "")
      .split(";")
      .map((d) => d.trim())
      .filter((d) => /^(font-family|font-weight|font-style|font-stretch|unicode-range|font-display)\s*:/.test(d));
    fonts.css += `@font-face { ${[...declarations, `src: url("fonts/${file}") format("woff2")`].join("; ")}; }\n`;
    if (!seen.has(file)) fonts.files.push({ name: `fonts/${file}`, mediaType: "font/woff2", data: readFileSync(join(ASSETS_DIR, file)) });
    seen.add(file);
  }
  return fonts;
}

function packageDocument(pub: Publication, files: BookFile[], spine: string[], hasFigures: boolean): string {
  const id = (name: string) => `item-${name.replace(/[^A-Za-z0-9]/g, "-")}`;
  const meta = (property: string, value: string) => `    <meta property="${property}">${escapeText(value)}</meta>\n`;
  const dc = (name: string, value: string, attrs = "") => `    <dc:${name}${attrs}>${escapeText(value)}</dc:${name}>\n`;
  const title = pub.edition ? `${pub.title} — ${pub.edition}` : pub.title;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${pub.lang}">\n` +
    `  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n` +
    dc("identifier", bookIdentifier(pub), ' id="book-id"') +
    dc("title", title, pub.textLangs.title ? ` xml:lang="${pub.textLangs.title}"` : "") +
    dc("language", pub.lang) +
    dc("creator", pub.reportTitle) +
    dc("date", pub.date) +
    (pub.subtitle ? dc("description", pub.subtitle) : "") +
    meta("dcterms:modified", `${pub.date}T00:00:00Z`) +
    meta("schema:accessMode", "textual") +
    (hasFigures ? meta("schema:accessMode", "visual") : "") +
    meta("schema:accessModeSufficient", "textual") +
    meta("schema:accessibilityFeature", "structuralNavigation") +
    meta("schema:accessibilityFeature", "tableOfContents") +
    (hasFigures ? meta("schema:accessibilityFeature", "alternativeText") : "") +
    meta("schema:accessibilityHazard", "none") +
    `  </metadata>\n  <manifest>\n` +
    files.map((f) => `    <item id="${id(f.name)}" href="${escapeAttribute(f.name)}" media-type="${f.mediaType}"${f.properties ? ` properties="${f.properties}"` : ""}/>\n`).join("") +
    `  </manifest>\n  <spine>\n` +
    spine.map((name) => `    <itemref idref="${id(name)}"/>\n`).join("") +
    `  </spine>\n</package>\n`
  );
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** The publication as an EPUB 3 file. Its entries carry the edition's date, so the same edition gives the same bytes. */
export function renderEpub(pub: Publication): Buffer {
  const t = translator(pub.lang);
  const longDate = formatEditionDate(pub.date, pub.lang, pub.dateStyle);
  const line = pub.edition ? t("pdf.edition", { label: pub.edition }) : t("pdf.draftOf", { date: longDate });
  const own = (field: "title" | "subtitle" | "foreword", value: string) => typeset(value, pub.textLangs[field] ?? pub.lang);

  // Each figure placed once as a file, whichever sections place it.
  const figureFiles = new Map<string, BookFile | null>();
  const ownImages = new WeakSet<Element>();
  const place = (ref: string, figure: FrozenFigure): ElementContent => {
    if (!figureFiles.has(ref)) {
      const data = svgFile(figure);
      figureFiles.set(ref, data ? { name: `figures/figure-${figureFiles.size + 1}.svg`, mediaType: "image/svg+xml", data } : null);
    }
    const file = figureFiles.get(ref);
    if (!file) return h("p", figure.alt);
    const img = h("img", { src: file.name, alt: figure.alt });
    ownImages.add(img);
    return img;
  };

  const chapters: Chapter[] = pub.chapters.map((c, ci) => {
    const sections = c.sections.map((s, si) => {
      const tree = sectionTree(pub, s.tree, s.lang, `${c.slug}-${s.slug}`, place);
      epubNotes(tree, translator(s.lang));
      alignAsStyle(tree);
      figureDataOpen(tree);
      return h("section", { id: `${c.slug}-${s.slug}`, ...langProps(s.lang) }, [
        h("h2", `${ci + 1}.${si + 1} ${typeset(s.heading, s.lang)}`),
        h("div", { className: ["prose"] }, tree.children as ElementContent[]),
      ]);
    });
    const annex = c.slug === ANNEX_PATH;
    const kind = annex ? { "epub:type": "appendix", role: "doc-appendix" } : { "epub:type": "chapter", role: "doc-chapter" };
    const body = h("section", { id: c.slug, ...kind }, [h("h1", [h("span", { className: ["chapter-number"] }, `${ci + 1}.`), ` ${c.title}`]), ...sections]);
    return { file: `chapter-${String(ci + 1).padStart(2, "0")}.xhtml`, body };
  });
  const ids = fixReferences(chapters, ownImages);
  const anchor = (file: string, id: string) => {
    const at = ids.get(id);
    return at ? `${at.file}#${at.id}` : file;
  };

  const titlePage = xhtml(
    pub.lang,
    pub.title,
    [
      h("section", { className: ["title-page"], "epub:type": "titlepage" }, [
        ...(pub.draft ? [h("p", { className: ["notice"], role: "note" }, t("pdf.draft"))] : []),
        h("h1", langProps(pub.textLangs.title), own("title", pub.title)),
        ...(pub.subtitle ? [h("p", { className: ["lead"], ...langProps(pub.textLangs.subtitle) }, own("subtitle", pub.subtitle))] : []),
        h("p", { className: ["lead"] }, `${line} · ${longDate}`),
        ...(pub.reportTitle !== pub.title ? [h("p", pub.reportTitle)] : []),
        ...(pub.foreword ? [h("p", langProps(pub.textLangs.foreword), own("foreword", pub.foreword))] : []),
      ]),
    ],
  );

  const contents = t("draft.contents");
  const tocItems = chapters.length
    ? pub.chapters.map((c, ci) => {
        const file = chapters[ci]!.file;
        const sections = c.sections.map((s) => h("li", [h("a", { href: anchor(file, `${c.slug}-${s.slug}`) }, typeset(s.heading, s.lang))]));
        return h("li", [h("a", { href: file }, `${ci + 1}. ${c.title}`), ...(sections.length ? [h("ol", sections)] : [])]);
      })
    : [h("li", [h("a", { href: "title.xhtml" }, t("epub.titlePage"))])];
  const nav = xhtml(pub.lang, contents, [
    h("nav", { "epub:type": "toc", role: "doc-toc", id: "toc", ariaLabelledBy: "toc-title" }, [h("h1", { id: "toc-title" }, contents), h("ol", tocItems)]),
    h("nav", { "epub:type": "landmarks", ariaLabel: t("epub.landmarks"), hidden: true }, [
      h("h2", t("epub.landmarks")),
      h("ol", [
        h("li", [h("a", { "epub:type": "titlepage", href: "title.xhtml" }, t("epub.titlePage"))]),
        h("li", [h("a", { "epub:type": "toc", href: "nav.xhtml#toc" }, contents)]),
        ...(chapters.length ? [h("li", [h("a", { "epub:type": "bodymatter", href: chapters[0]!.file }, t("epub.start"))])] : []),
      ]),
    ]),
  ]);

  const { css: fontCss, files: fontFiles } = bookFonts();
  const figures = [...figureFiles.values()].filter((f): f is BookFile => f !== null);
  const files: BookFile[] = [
    { name: "title.xhtml", mediaType: "application/xhtml+xml", data: titlePage },
    { name: "nav.xhtml", mediaType: "application/xhtml+xml", data: nav, properties: "nav" },
    ...pub.chapters.map((c, ci) => ({ name: chapters[ci]!.file, mediaType: "application/xhtml+xml", data: xhtml(pub.lang, textOf([chapters[ci]!.body.children[0]!]) || c.title, [chapters[ci]!.body]) })),
    { name: "style.css", mediaType: "text/css", data: strToU8(fontCss + BOOK_CSS) },
    ...figures,
    ...fontFiles,
  ];
  const spine = ["title.xhtml", "nav.xhtml", ...chapters.map((c) => c.file)];

  const mtime = new Date(`${pub.date}T00:00:00Z`);
  // The mimetype first and stored, as the format requires; the rest compressed.
  const zip: Zippable = { mimetype: [strToU8("application/epub+zip"), { level: 0, mtime }] };
  zip["META-INF/container.xml"] = [strToU8(CONTAINER), { mtime }];
  zip["EPUB/package.opf"] = [strToU8(packageDocument(pub, files, spine, figures.length > 0)), { mtime }];
  for (const f of files) zip[`EPUB/${f.name}`] = [f.data, { mtime, level: f.mediaType === "font/woff2" ? 0 : 6 }];
  return Buffer.from(zipSync(zip));
}
