import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportedFields, WordPreview } from "#src/domain/case-study-imports.ts";
import { fieldsFromPreview, importWord, type TechnologyNames } from "#src/features/case-studies/word.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

// The Word corpus (test/fixtures/word/corpus, see its README): case studies written the way
// member organizations write them, made by pandoc and by LibreOffice, each read field by field
// against expected.json, which says what a careful human reader of the document would expect.

const CORPUS = join(PROJECT_ROOT, "test/fixtures/word/corpus");
const read = (name: string) => readFileSync(join(CORPUS, name));

type Fragment = string | { re: string; flags?: string };
type Expected = { contains: string[]; excludes?: string[] } | "";
type Entry = {
  file: string;
  producer: "pandoc" | "libreoffice";
  language: "en" | "fr" | "es";
  title: string;
  technologies: string[];
  stage: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  summary: Expected;
  problem: Expected;
  solution: Expected;
  results: Expected;
  lessons: Expected;
  partners: Expected;
  contact: Expected;
  links: string[];
  unplaced: string[];
  unplacedCount?: number;
  otherHeadings?: string[];
  markdown: Partial<Record<TextKey, Fragment[]>>;
  captionOnce?: string;
  images?: number;
  imageCaptions?: string[];
  dropped: string[];
  keep: string[];
};

const TEXT_KEYS = ["summary", "problem", "solution", "results", "lessons", "partners", "contact"] as const;
type TextKey = (typeof TEXT_KEYS)[number];
/** The kinds of content an import must report when the document has them, and only then. */
const REPORTED = ["comments", "tracked-changes", "embedded-objects"];

const entries = JSON.parse(read("expected.json").toString("utf8")) as Entry[];
const technologies = JSON.parse(read("technologies.json").toString("utf8")) as TechnologyNames[];
const slugs = technologies.map((t) => t.slug);

const occurrences = (text: string, part: string) => text.split(part).length - 1;

// The text of a WordprocessingML part, one line per paragraph (deleted text is w:delText, not w:t).
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))
    .join("\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

describe("the Word corpus itself", () => {
  it("has at least 14 files made by pandoc and by LibreOffice, in three languages, each with its expectations", () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith(".docx")).sort();
    expect(entries.map((e) => e.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const producer of ["pandoc", "libreoffice"]) expect(entries.filter((e) => e.producer === producer).length, producer).toBeGreaterThanOrEqual(5);
    for (const language of ["en", "fr", "es"]) expect(entries.filter((e) => e.language === language).length, language).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(read(file).length, `${file} size`).toBeLessThan(100_000);
  });

  it("offers only active technologies (the retired big data is not passed by callers)", () => {
    expect(slugs).toEqual(["blockchain", "iot", "ai", "3d-printing", "biometrics", "drones", "virtual-reality"]);
  });

  it("quotes each document as it is written (so that a typo in expected.json cannot pass unnoticed)", () => {
    for (const entry of entries) {
      const parts = unzipSync(new Uint8Array(read(entry.file)));
      const text = ["word/document.xml", "word/footnotes.xml"].map((p) => (parts[p] ? paragraphs(strFromU8(parts[p])) : "")).join("\n");
      const quoted = [...TEXT_KEYS.flatMap((k) => (entry[k] === "" ? [] : entry[k].contains)), ...entry.unplaced, ...entry.keep, entry.title];
      for (const part of quoted) expect.soft(text, `${entry.file}: "${part}"`).toContain(part);
      expect(entry.keep.length, `${entry.file}: sentences kept`).toBeGreaterThanOrEqual(3);
    }
  });

  for (const entry of entries) {
    it(`${entry.file} was really made by ${entry.producer}`, () => {
      const parts = unzipSync(new Uint8Array(read(entry.file)));
      const app = parts["docProps/app.xml"] ? strFromU8(parts["docProps/app.xml"]) : "";
      const document = strFromU8(parts["word/document.xml"]!);
      if (entry.producer === "libreoffice") expect(app, `${entry.file}: docProps/app.xml`).toMatch(/<Application>LibreOffice\//);
      else {
        expect(app, `${entry.file}: docProps/app.xml`).not.toMatch(/LibreOffice/);
        // Pandoc's own paragraph styles, which neither Word nor LibreOffice writes.
        expect(document, `${entry.file}: pandoc's style ids`).toMatch(/w:pStyle w:val="(FirstParagraph|Compact)"/);
      }
    });
  }
});

describe("Word import of the corpus, field by field", () => {
  for (const entry of entries) {
    describe(entry.file, () => {
      const at = (what: string) => `${entry.file}: ${what}`;
      let preview: WordPreview;
      let fields: ImportedFields;
      let imageCount: number;
      beforeAll(async () => {
        const result = await importWord(read(entry.file), technologies, "en");
        preview = result.preview;
        imageCount = result.images.length;
        fields = fieldsFromPreview(preview);
      });

      it("finds the title, language, technologies, stage and period", () => {
        expect.soft(preview.language, at("language")).toBe(entry.language);
        expect.soft(fields.language, at("fields.language")).toBe(entry.language);
        expect.soft(fields.title, at("title")).toBe(entry.title);
        expect.soft(fields.technologies, at("technologies")).toEqual(entry.technologies);
        expect.soft(fields.stage, at("stage")).toBe(entry.stage);
        expect.soft(fields.periodStart, at("periodStart")).toBe(entry.periodStart);
        expect.soft(fields.periodEnd, at("periodEnd")).toBe(entry.periodEnd);
        expect.soft(fields.links, at("links")).toEqual(entry.links);
      });

      it("never matches a retired or unknown technology", () => {
        for (const list of [preview.technologies, fields.technologies]) {
          expect.soft(list, at("technologies (retired)")).not.toContain("big-data");
          for (const slug of list) expect.soft(slugs, at(`technology ${slug}`)).toContain(slug);
        }
      });

      for (const key of TEXT_KEYS) {
        it(`fills ${key} with its own text and nothing else`, () => {
          const want = entry[key];
          const text = fields[key];
          if (want === "") {
            expect(text, at(`${key} must be empty`)).toBe("");
            return;
          }
          for (const part of want.contains) expect.soft(text, at(`${key} contains`)).toContain(part);
          for (const part of want.excludes ?? []) expect.soft(text, at(`${key} excludes`)).not.toContain(part);
          // No document here has sub-headings inside a field: a heading in one is a misfiled heading.
          expect.soft(text, at(`${key} has no heading`)).not.toMatch(/^#{1,6} /m);
        });
      }

      it("keeps the formatting: quotes, table alignment, nested lists, footnotes, pictures", () => {
        for (const [key, fragments] of Object.entries(entry.markdown) as [TextKey, Fragment[]][]) {
          for (const fragment of fragments) {
            if (typeof fragment === "string") expect.soft(fields[key], at(`${key} markdown`)).toContain(fragment);
            else expect.soft(fields[key], at(`${key} markdown`)).toMatch(new RegExp(fragment.re, fragment.flags ?? ""));
          }
        }
        if (entry.captionOnce) {
          const all = TEXT_KEYS.map((k) => fields[k]).join("\n\n");
          expect.soft(occurrences(all, entry.captionOnce), at(`caption "${entry.captionOnce}" appears once`)).toBe(1);
        }
        if (entry.images !== undefined) expect.soft(imageCount, at("images")).toBe(entry.images);
        if (entry.imageCaptions) expect.soft(preview.images.map((i) => i.caption), at("image captions")).toEqual(entry.imageCaptions);
      });

      it("leaves text that fits no field unplaced, and only that", () => {
        const unplaced = preview.passages.filter((p) => p.target === "unplaced").map((p) => p.markdown);
        for (const part of entry.unplaced) expect.soft(unplaced.some((m) => m.includes(part)), at(`unplaced has "${part}"`)).toBe(true);
        if (entry.unplacedCount !== undefined) expect.soft(unplaced, at("unplaced passages")).toHaveLength(entry.unplacedCount);
        for (const heading of entry.otherHeadings ?? []) expect.soft(preview.otherHeadings.some((h) => h.includes(heading)), at(`other heading "${heading}"`)).toBe(true);
      });

      it("reports what it dropped, by name", () => {
        const kinds = preview.dropped.filter((d) => d.count > 0).map((d) => d.kind);
        for (const kind of REPORTED) expect.soft(kinds.includes(kind as never), at(`dropped ${kind}`)).toBe(entry.dropped.includes(kind));
      });

      it("loses no text: every paragraph is in a passage or the title", () => {
        const all = [fields.title, ...preview.passages.map((p) => p.markdown)].join("\n\n");
        for (const sentence of entry.keep) expect.soft(all, at(`kept "${sentence}"`)).toContain(sentence);
      });
    });
  }
});
