import type { Image, Root, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit, SKIP } from "unist-util-visit";
import { STAGES, TEXT_FIELDS } from "#src/domain/case-studies.ts";
import type { ImportedFields, PassageTarget, PreviewChoices, WordPreview } from "#src/domain/case-study-imports.ts";
import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { translator } from "#src/i18n/i18n.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { checkDocx, IMAGE_TYPES, sniff } from "#src/lib/file-checks.ts";
import { capPassages, cutPassages } from "#src/features/case-studies/word-passages.ts";
import { fold, periodOf, stageOf, technologiesOf, type TechnologyNames } from "#src/features/case-studies/word-words.ts";
import { docxParts, droppedImages, droppedInXml, tableAlignments } from "#src/features/case-studies/word-xml.ts";

// A Word document into a preview of a case study: mammoth reads the .docx as HTML, the HTML is
// sanitized and turned into Markdown (footnotes kept as footnotes), what mammoth loses (table
// alignment, what it leaves out) is read from the document's XML, and the document is cut into
// passages that go to the fields their headings or labels name (word-passages.ts), or nowhere.
// The member reviews the preview; fieldsFromPreview makes the fields from it and their choices.

export { FIELD_HEADINGS, STAGE_WORDS, type TechnologyNames } from "#src/features/case-studies/word-words.ts";

export type ImportedImage = { placeholder: string; data: Buffer; mediaType: string; alt: string };

const STOP_WORDS: Record<Language, string[]> = {
  en: ["the", "and", "of", "to", "with", "was", "were", "for"],
  fr: ["les", "des", "une", "est", "avec", "pour", "dans", "sur"],
  es: ["los", "las", "del", "una", "con", "para", "por", "fue"],
};

/** The language most of a text's common words belong to, or the fallback when it is unclear. */
export function guessLanguage(text: string, fallback: Language): Language {
  const words = fold(text).split(" ");
  const counts = (Object.keys(STOP_WORDS) as Language[]).map((lang) => [lang, words.filter((w) => STOP_WORDS[lang].includes(w)).length] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 3 ? best[0] : fallback;
}

const IMAGE_PLACEHOLDER = (n: number) => `case-study-image-${n}`;

/** Rewrites image placeholders once the images are stored and have addresses. */
export function replaceImagePlaceholders(text: string, urls: Map<string, string>): string {
  return text.replace(/case-study-image-\d+/g, (p) => urls.get(p) ?? p);
}

/**
 * Sanitized HTML to Markdown (GFM), footnotes kept: the same conversion as a paste from Word
 * (content/paste.ts), headings as written and the pictures' placeholders kept.
 */
export async function htmlToMarkdown(html: string): Promise<string> {
  const { officeHtmlToMarkdown } = await import("#src/content/paste.ts"); // and the hast packages: loaded with the first Word file
  return officeHtmlToMarkdown(html, { headings: "as-written", keepImage: (src) => /^case-study-image-\d+$/.test(src) });
}

// The template's help texts, in every language: left in a filled template, they are not content.
let hints: Set<string> | undefined;
function templateHints(): Set<string> {
  if (hints) return hints;
  const keys = ["cs.template.intro", "cs.template.technologiesHelp", "cs.template.periodHelp", "cs.template.partnersHelp", "cs.contactHint", "cs.linksHint", ...TEXT_FIELDS.map((f) => `cs.hint.${f}` as const)] as const;
  hints = new Set(LANGUAGES.flatMap((lang) => {
    const t = translator(lang);
    return [...keys.map((k) => fold(t(k))), fold(STAGES.map((s) => t(`cs.stage.${s}`)).join(" / "))];
  }));
  return hints;
}

/**
 * Word styles mammoth should read as Markdown's: the title, and quotes as Word (Quote, Intense
 * Quote), pandoc (Block Text) and LibreOffice (Quotations) write them.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...["Quote", "Intense Quote", "Block Text", "Quotations", "Citation", "Cita"].map((name) => `p[style-name='${name}'] => blockquote > p:fresh`),
];

/** Paragraph styles of a picture's caption: Word and pandoc (Caption, Image Caption), LibreOffice (Figure, Figure Caption, Illustration…). */
const CAPTION_STYLES = new Set(["caption", "image caption", "figure caption", "figurecaption", "figure", "illustration", "drawing", "legende", "leyenda"]);
/** A caption by its words: "Figure 2: …", "Fig. 1 –", "Illustration 3.", "Imagen 1:". */
const CAPTION_WORDS = /^(?:fig(?:ure|\.)?|figura|illustration|ilustraci[oó]n|image|imagen|photo|foto|graphique|gr[aá]fico|chart|diagram(?:me|a)?)\s?\d{1,4}\s?[:.–—-]/i;

type MammothNode = { type?: string; styleName?: string | null; value?: string; children?: MammothNode[] };

/** The texts of the caption-styled paragraphs of mammoth's document (walked without recursion). */
function captionTexts(document: MammothNode): Set<string> {
  const found = new Set<string>();
  const stack: MammothNode[] = [document];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "paragraph" && node.styleName && CAPTION_STYLES.has(fold(node.styleName))) {
      let text = "";
      const inner = [...(node.children ?? [])];
      while (inner.length) {
        const n = inner.shift()!;
        if (n.type === "text") text += n.value ?? "";
        else if (n.children) inner.unshift(...n.children);
      }
      if (text.trim()) found.add(fold(text));
    } else for (const child of node.children ?? []) stack.push(child);
  }
  return found;
}

/** Sets the column alignment read from the XML on the tables, matched in document order by their number of columns. */
function alignTables(root: Root, alignments: ReturnType<typeof tableAlignments>): void {
  const tables: Table[] = [];
  visit(root, (node) => {
    if (node.type === "footnoteDefinition") return SKIP;
    if (node.type === "table") tables.push(node);
    return undefined;
  });
  const width = (t: Table) => Math.max(0, ...t.children.map((row) => row.children.length));
  let from = 0;
  for (const [i, table] of tables.entries()) {
    const columns = width(table);
    let found = tables.length === alignments.length ? i : alignments.findIndex((a, k) => k >= from && a.length === columns);
    if (found < 0 || found >= alignments.length) continue;
    if (alignments[found]!.length !== columns) found = -1;
    if (found < 0) continue;
    table.align = alignments[found]!;
    from = found + 1;
  }
}

/**
 * A picture's caption kept once: the caption paragraph that follows a picture (by its style or
 * its "Figure 1:" words) joins the picture's paragraph, below it, and the picture's text
 * alternative is emptied when it only repeats the caption (pandoc writes it twice), so that the
 * page shows the caption once and a screen reader reads it once. Answers the captions by placeholder.
 */
function joinCaptions(root: Root, styled: Set<string>): Map<string, string> {
  const captions = new Map<string, string>();
  const children = root.children;
  for (let i = 0; i + 1 < children.length; i++) {
    const picture = children[i]!;
    const next = children[i + 1]!;
    if (picture.type !== "paragraph" || next.type !== "paragraph") continue;
    const images = picture.children.filter((n): n is Image => n.type === "image");
    const onlyImage = images.length === 1 && picture.children.every((n) => n.type === "image" || n.type === "break" || (n.type === "text" && !n.value.trim()));
    if (!onlyImage || next.children.some((n) => n.type === "image")) continue;
    const caption = toString(next).trim();
    if (!caption || (!styled.has(fold(caption)) && !CAPTION_WORDS.test(caption))) continue;
    const image = images[0]!;
    captions.set(image.url, caption);
    if (fold(image.alt ?? "") === fold(caption) || fold(image.alt ?? "") === fold(caption.replace(CAPTION_WORDS, ""))) image.alt = "";
    picture.children = [image, { type: "break" }, ...next.children];
    children.splice(i + 1, 1);
  }
  return captions;
}

/** Reads a .docx into a preview of a case study and its pictures; mammoth only sees the parts checkDocx checked. */
export async function importWord(data: Buffer, technologies: TechnologyNames[], language: Language): Promise<{ preview: WordPreview; images: ImportedImage[] }> {
  const checked = await checkDocx(data);
  const images: ImportedImage[] = [];
  const leftOut: string[] = [];
  let styledCaptions = new Set<string>();
  const { default: mammoth } = await import("mammoth"); // loaded when a Word file comes, not at start
  const result = await mammoth.convertToHtml(
    { buffer: checked },
    {
      styleMap: STYLE_MAP,
      transformDocument: (document: MammothNode) => {
        styledCaptions = captionTexts(document);
        return document;
      },
      convertImage: mammoth.images.imgElement(async (image) => {
        const bytes = Buffer.from(await image.readAsBuffer());
        const mediaType = await sniff(bytes);
        // Only pictures browsers show safely are kept; others (EMF, WMF, SVG) are reported.
        if (!mediaType || !IMAGE_TYPES.includes(mediaType)) {
          leftOut.push(image.contentType || mediaType || "");
          return { src: "" };
        }
        const placeholder = IMAGE_PLACEHOLDER(images.length + 1);
        images.push({ placeholder, data: bytes, mediaType, alt: (image as { altText?: string }).altText ?? "" });
        return { src: `${placeholder}:` };
      }),
    },
  );
  const markdown = await htmlToMarkdown(result.value.replace(/case-study-image-(\d+):/g, "case-study-image-$1"));
  const root = parseMarkdown(markdown);
  const parts = docxParts(checked);
  alignTables(root, tableAlignments(parts.document));
  const captions = joinCaptions(root, styledCaptions);
  const cut = cutPassages(root, (text) => templateHints().has(fold(text)));
  // A document that names no title starts with it: its first line, when alone, is not a passage too.
  const [first] = cut.passages;
  if (!cut.title && first && !first.markdown.includes("\n") && fold(first.markdown) === fold(cut.firstLine)) {
    cut.passages = cut.passages.slice(1).map((p) => ({ ...p, n: p.n - 1 }));
  }
  cut.passages = capPassages(cut.passages);
  const said = (target: PassageTarget) => cut.passages.filter((p) => p.target === target).map((p) => p.markdown).join("\n\n");
  const preview: WordPreview = {
    // No words of ours: a document without any text has no title (the caller names it after the file).
    title: cut.title?.text || cut.firstLine.replace(/^#+\s*/, ""),
    titleFrom: cut.title?.from ?? "first-line",
    language: guessLanguage(markdown, language),
    passages: cut.passages,
    technologies: technologiesOf(said("technologies"), technologies),
    stage: stageOf(said("stage")),
    ...periodOf(said("period")),
    otherHeadings: cut.otherHeadings,
    dropped: [...droppedInXml(parts), ...droppedImages(leftOut)],
    warnings: result.messages.filter((m) => m.type === "warning" && !/^Unrecognised (paragraph|run) style/.test(m.message)).map((m) => m.message).slice(0, 50),
    images: images.map(({ placeholder, mediaType, alt }) => ({ placeholder, mediaType, alt, caption: captions.get(placeholder) ?? "" })),
  };
  return { preview, images };
}

/** Web addresses in Markdown: its links' targets and the addresses written as text. */
function addressesIn(markdown: string): string[] {
  const found: string[] = [];
  visit(parseMarkdown(markdown), (node) => {
    if (node.type === "link" && /^https?:\/\//i.test(node.url)) found.push(node.url);
    if (node.type === "text") found.push(...(node.value.match(/https?:\/\/[^\s<>)\]]+/g) ?? []));
  });
  return [...new Set(found)];
}

/**
 * The fields a preview makes, with the member's choices: each text field is its passages joined
 * in document order; period passages give the years, links passages the addresses; title,
 * technologies, stage and period are the member's when chosen. Unplaced passages go nowhere.
 */
export function fieldsFromPreview(preview: WordPreview, choices: PreviewChoices = {}): ImportedFields {
  const targetOf = (p: WordPreview["passages"][number]) => choices.targets?.[p.n] ?? p.target;
  const joined = (target: PassageTarget) =>
    preview.passages
      .filter((p) => targetOf(p) === target)
      .map((p) => p.markdown)
      .join("\n\n")
      .trim();
  const period = periodOf(joined("period"));
  return {
    title: (choices.title ?? preview.title).trim().slice(0, 300),
    language: preview.language,
    technologies: choices.technologies ?? preview.technologies,
    stage: choices.stage !== undefined ? choices.stage : preview.stage,
    periodStart: choices.periodStart !== undefined ? choices.periodStart : period.periodStart,
    periodEnd: choices.periodEnd !== undefined ? choices.periodEnd : period.periodEnd,
    summary: joined("summary"),
    problem: joined("problem"),
    solution: joined("solution"),
    results: joined("results"),
    lessons: joined("lessons"),
    partners: joined("partners"),
    // Contact details are plain text: e-mail autolinks lose their angle brackets.
    contact: joined("contact").replace(/<([^<>\s]+@[^<>\s]+)>/g, "$1"),
    links: addressesIn(joined("links")).slice(0, 10),
  };
}
