import mammoth from "mammoth";
import type { Nodes, Root, RootContent } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { STAGES, TEXT_FIELDS, type CaseStudyFields, type Stage } from "#src/domain/case-studies.ts";
import { checkDocx, IMAGE_TYPES, sniff } from "#src/lib/file-checks.ts";
import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { translator } from "#src/i18n/i18n.ts";
import { officeHtmlToMarkdown } from "#src/content/paste.ts";

// A Word document into a case study draft: mammoth reads the .docx as HTML, the HTML is sanitized
// and turned into Markdown (footnotes kept as footnotes), and the sections under headings the
// template uses (in any of our languages) fill the matching fields.

/** Headings recognised for each field, compared without case or accents. */
export const FIELD_HEADINGS: Record<string, string[]> = {
  summary: ["summary", "abstract", "overview", "executive summary", "resume", "synthese", "apercu", "resumen", "sintesis"],
  problem: ["problem", "challenge", "the problem", "background", "context", "probleme", "contexte", "enjeu", "problema", "contexto", "desafio", "reto"],
  solution: ["solution", "approach", "the solution", "project", "description", "approche", "projet", "solucion", "enfoque", "proyecto"],
  results: ["results", "outcomes", "impact", "benefits", "resultats", "retombees", "resultados", "beneficios"],
  lessons: ["lessons learnt", "lessons learned", "lessons", "lecons apprises", "lecons", "enseignements", "lecciones aprendidas", "lecciones"],
  partners: ["partners", "partenaires", "socios", "asociados"],
  period: ["period", "timeline", "dates", "periode", "calendrier", "periodo", "calendario"],
  contact: ["contact", "contact person", "contacto", "personne de contact"],
  links: ["links", "references", "further reading", "liens", "references et liens", "enlaces", "referencias"],
  technologies: ["technologies", "technology", "technologies utilisees", "technologie", "tecnologias", "tecnologia"],
  stage: ["stage", "status", "maturity", "etape", "stade", "etat", "maturite", "etapa", "estado", "madurez"],
};

/** Words that name a stage, in our three languages. */
const STAGE_WORDS: Record<Stage, string[]> = {
  idea: ["idea", "idee", "concept"],
  proof_of_concept: ["proof of concept", "poc", "preuve de concept", "prueba de concepto"],
  pilot: ["pilot", "pilote", "piloto", "trial"],
  production: ["production", "in production", "live", "operational", "en production", "produccion", "en produccion", "operativo", "operationnel"],
  discontinued: ["discontinued", "stopped", "abandonne", "arrete", "interrumpido", "abandonado"],
};

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const fieldOfHeading = (text: string) => Object.entries(FIELD_HEADINGS).find(([, words]) => words.includes(fold(text)))?.[0];

export type ImportedImage = { placeholder: string; data: Buffer; mediaType: string; alt: string };

export type WordImport = {
  fields: Partial<CaseStudyFields>;
  /** Fields filled from the document, in the order found. */
  recognised: string[];
  /** Headings that matched no field; their text went into the field above them. */
  otherHeadings: string[];
  images: ImportedImage[];
  /** What mammoth could not carry over (unknown styles, unsupported content). */
  warnings: string[];
};

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
export function htmlToMarkdown(html: string): string {
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

/** Splits a converted document at its headings and fills the fields the headings name. */
export function recognise(markdown: string, mdast: Root, technologies: { slug: string; names: Record<string, string | undefined> }[], language: Language): Omit<WordImport, "images" | "warnings"> {
  const fields: Partial<CaseStudyFields> = { language };
  const recognised: string[] = [];
  const otherHeadings: string[] = [];
  const chunks = new Map<string, string[]>();
  let current: string | null = null;
  let preamble: string[] = [];
  const definitions = mdast.children.filter((n) => n.type === "footnoteDefinition");
  for (const node of mdast.children) {
    if (node.type === "footnoteDefinition") continue;
    if (node.type === "paragraph" && templateHints().has(fold(toString(node)))) continue;
    const text = markdownOf(node, definitions);
    if (node.type === "heading") {
      const heading = toString(node);
      if (node.depth === 1 && !fields.title && !fieldOfHeading(heading)) {
        fields.title = heading.trim().slice(0, 300);
        recognised.push("title");
        continue;
      }
      const field = fieldOfHeading(heading);
      if (field) {
        current = field;
        if (!chunks.has(field)) recognised.push(field);
        chunks.set(field, chunks.get(field) ?? []);
        continue;
      }
      otherHeadings.push(heading);
    }
    if (current) chunks.get(current)!.push(text);
    else preamble.push(text);
  }
  const joined = (f: string) => (chunks.get(f) ?? []).join("\n\n").trim();
  for (const f of TEXT_FIELDS) if (chunks.has(f)) fields[f] = joined(f);
  if (chunks.has("partners")) fields.partners = joined("partners");
  // Contact details are plain text: e-mail autolinks lose their angle brackets.
  if (chunks.has("contact")) fields.contact = joined("contact").replace(/<([^<>\s]+@[^<>\s]+)>/g, "$1");
  if (chunks.has("links")) fields.links = [...new Set(joined("links").match(/https?:\/\/[^\s<>)\]]+/g) ?? [])].slice(0, 10);
  if (chunks.has("period")) {
    const years = (joined("period").match(/\b(19[5-9]\d|20\d\d)\b/g) ?? []).map(Number);
    if (years.length) {
      fields.periodStart = Math.min(...years);
      if (years.length > 1) fields.periodEnd = Math.max(...years);
    }
  }
  if (chunks.has("stage")) {
    const said = fold(joined("stage"));
    const stage = (Object.entries(STAGE_WORDS) as [Stage, string[]][]).find(([, words]) => words.some((w) => said.includes(w)))?.[0];
    if (stage && STAGES.includes(stage)) fields.stage = stage;
  }
  if (chunks.has("technologies")) {
    const said = fold(joined("technologies"));
    // Whole words only: "ai" must not be found in "chain".
    const padded = ` ${said} `;
    fields.technologies = technologies
      .filter((t) => [t.slug.replace(/-/g, " "), ...Object.values(t.names).filter(Boolean).map((n) => fold(n!))].some((name) => name && padded.includes(` ${name} `)))
      .map((t) => t.slug);
  }
  // Text before the first known heading: the summary when there is none, else the solution's start.
  preamble = preamble.filter((p) => p.trim());
  if (preamble.length) {
    if (!fields.summary) {
      fields.summary = preamble.join("\n\n");
      if (!recognised.length || recognised.every((r) => r === "title")) fields.summary = preamble[0]!;
      if (recognised.every((r) => r === "title") && preamble.length > 1) fields.solution = preamble.slice(1).join("\n\n");
    } else fields.solution = [preamble.join("\n\n"), fields.solution ?? ""].filter(Boolean).join("\n\n");
  }
  return { fields, recognised, otherHeadings };
}

// One block back to Markdown, with the definitions of the footnotes it references appended.
function markdownOf(node: RootContent, definitions: RootContent[]): string {
  const used = new Set<string>();
  visit(node as Nodes, "footnoteReference", (ref) => void used.add(ref.identifier));
  const defs = definitions.filter((d) => d.type === "footnoteDefinition" && used.has(d.identifier));
  return toMarkdown({ type: "root", children: [node, ...defs] }, { extensions: [gfmToMarkdown()], bullet: "-", emphasis: "_", rule: "-" }).trim();
}

/** Reads a .docx into case study fields, images and a report; mammoth only sees the parts checkDocx checked. */
export async function importWord(data: Buffer, technologies: { slug: string; names: Record<string, string | undefined> }[], language: Language): Promise<WordImport> {
  const checked = await checkDocx(data);
  const images: ImportedImage[] = [];
  const result = await mammoth.convertToHtml(
    { buffer: checked },
    {
      styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"],
      convertImage: mammoth.images.imgElement(async (image) => {
        const bytes = Buffer.from(await image.readAsBuffer());
        const mediaType = await sniff(bytes);
        // Only pictures browsers show safely are kept; others (EMF, WMF, SVG) are reported.
        if (!mediaType || !IMAGE_TYPES.includes(mediaType)) return { src: "" };
        const placeholder = IMAGE_PLACEHOLDER(images.length + 1);
        images.push({ placeholder, data: bytes, mediaType, alt: (image as { altText?: string }).altText ?? "" });
        return { src: `${placeholder}:` };
      }),
    },
  );
  const markdown = htmlToMarkdown(result.value.replace(/case-study-image-(\d+):/g, "case-study-image-$1"));
  const { parseMarkdown } = await import("#src/content/parse.ts");
  const recognisedFields = recognise(markdown, parseMarkdown(markdown), technologies, guessLanguage(markdown, language));
  if (!recognisedFields.fields.title) {
    const first = markdown.split("\n").find((l) => l.trim())?.replace(/^#+\s*/, "").trim();
    recognisedFields.fields.title = (first ?? "").slice(0, 300) || "Untitled";
  }
  return { ...recognisedFields, images, warnings: result.messages.filter((m) => m.type === "warning" && !/^Unrecognised (paragraph|run) style/.test(m.message)).map((m) => m.message).slice(0, 50) };
}

