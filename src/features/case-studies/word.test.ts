import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkAttachment, checkDocx } from "#src/lib/file-checks.ts";
import { wordTemplate } from "#src/features/case-studies/template.ts";
import { fieldsFromPreview, importWord, type TechnologyNames } from "#src/features/case-studies/word.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";
import { docxParts, handZip, type HandEntry } from "#test/helpers/zips.ts";

// Fixtures: test/fixtures/word/source-*.md turned into .docx by pandoc, and by LibreOffice from
// pandoc's ODT (see test/fixtures/word/README.md).
const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "test/fixtures/word", name));
const technologies: TechnologyNames[] = [
  { slug: "blockchain", names: { en: "Blockchain", fr: "Chaîne de blocs" }, aliases: {} },
  { slug: "internet-of-things", names: { en: "Internet of Things" }, aliases: { fr: ["Internet des objets"] } },
  { slug: "drones", names: { en: "Drones" }, aliases: {} },
];
const FIELDS_IN_ORDER = ["summary", "problem", "solution", "results", "lessons", "technologies", "stage", "period", "partners", "contact", "links"];
/** The targets of a preview's passages, each once, in the order found. */
const targetsOf = (preview: { passages: { target: string }[] }) => [...new Set(preview.passages.map((p) => p.target))];

describe("Word import", () => {
  for (const file of ["pandoc-en.docx", "libreoffice-en.docx"]) {
    it(`keeps the structure of a document written by ${file.split("-")[0]}`, async () => {
      const data = fixture(file);
      await checkDocx(data);
      const { preview, images } = await importWord(data, technologies, "en");
      const fields = fieldsFromPreview(preview);
      expect(preview.titleFrom).toBe("title");
      expect(targetsOf(preview)).toEqual(FIELDS_IN_ORDER);
      expect(fields.title).toBe("Container release on a shared ledger at Puerto Nuevo");
      expect(fields.technologies).toEqual(["blockchain", "internet-of-things"]);
      expect(fields).toMatchObject({ stage: "pilot", periodStart: 2019, periodEnd: 2021, links: ["https://example.org/ledger-pilot"] });
      // Emphasis, a footnote with its text, accented words.
      expect(fields.problem).toContain("**four parties**");
      expect(fields.problem).toMatch(/\[\^(\w+)\][\s\S]*\[\^\1\]: Based on the gate logs of 2018\./);
      expect(fields.results).toContain("Café-owners");
      // A numbered list with a nested list, and a table with its header row.
      expect(fields.solution).toMatch(/^1\. Customs issues the release/m);
      expect(fields.solution).toMatch(/^ {3}[-1]\.? ?.*the terminal checks the container number;/m);
      expect(fields.solution).toContain("| Measure");
      expect(fields.solution).toMatch(/\| Average release time \| 6 h +\| 25 min \|/);
      // The picture becomes an attachment, referenced where it stood.
      expect(images).toHaveLength(1);
      expect(images[0]!.mediaType).toBe("image/png");
      expect(fields.solution).toContain(`](${images[0]!.placeholder})`);
      expect(fields.lessons).toBe("- Agree on the data model before choosing a platform.\n- Keep a fallback for partners without a node.");
    });
  }

  it("recognises French headings and the language of the text", async () => {
    const { preview } = await importWord(fixture("pandoc-fr.docx"), technologies, "en");
    const fields = fieldsFromPreview(preview);
    expect(fields.language).toBe("fr");
    expect(targetsOf(preview)).toEqual(expect.arrayContaining(["summary", "problem", "solution", "results", "lessons", "technologies", "stage", "period"]));
    expect(fields).toMatchObject({ stage: "production", technologies: ["drones"], periodStart: 2020 });
    expect(fields.summary).toContain("L’administration des douanes a testé des drones");
  });

  for (const lang of ["en", "fr", "es"] as const) {
    it(`recognises every heading of its own ${lang} template and drops the help texts`, async () => {
      const template = await wordTemplate(lang);
      await checkDocx(template);
      const { preview } = await importWord(template, technologies, lang);
      // Every heading named a field (none is left over), and no help text became a passage.
      expect(preview.otherHeadings).toEqual([]);
      expect(preview.passages).toEqual([]);
      expect(preview.titleFrom).toBe("title");
      expect(preview.stage).toBeNull();
    });
  }

  /** A .docx whose body is the given WordprocessingML paragraphs. */
  const docxOf = (body: string) => handZip(docxParts(new TextEncoder().encode(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`)));
  const para = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;

  it("reads a document of thousands of short paragraphs into at most 400 passages, every word kept", async () => {
    // 2 000 here (the cutting of 20 000 is measured in word-passages.test.ts): the first line, the title, is not joined to the others.
    const started = Date.now();
    const lines = Array.from({ length: 2_000 }, (_, i) => `Line ${i}.`);
    const data = docxOf(lines.map((line) => para(line)).join(""));
    expect(data.length).toBeLessThan(100_000);
    const { preview } = await importWord(data, technologies, "en");
    // The first line is the title; the others are all kept, unplaced, in 400 passages.
    expect(preview.title).toBe("Line 0.");
    expect(preview.passages).toHaveLength(400);
    expect(preview.passages.every((p) => p.target === "unplaced")).toBe(true);
    expect(preview.passages.map((p) => p.markdown).join("\n\n")).toBe(lines.slice(1).join("\n\n"));
    expect(JSON.stringify(preview).length).toBeLessThan(100_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("gives a document without any text no title of its own words (the caller names it after the file)", async () => {
    const { preview } = await importWord(docxOf("<w:p/>"), technologies, "fr");
    expect(preview).toMatchObject({ title: "", titleFrom: "first-line", passages: [] });
    expect(fieldsFromPreview(preview).title).toBe("");
  });

  it("refuses a zip bomb disguised as a Word document before inflating it", async () => {
    // 20 MiB of zeros packs into a few kilobytes: far past the expansion a Word file has.
    const bomb = zipSync({ "[Content_Types].xml": new TextEncoder().encode('<?xml version="1.0"?><Types/>'), "word/document.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    await expect(checkDocx(bomb)).rejects.toMatchObject({ code: "UNSAFE_ARCHIVE" });
  });

  describe("a part whose headers understate its size", () => {
    // 50 MiB of zeros declared as one kilobyte; a part that packs badly (ratio under 2) for the
    // case where only the local header lies, so that the directory alone passes every limit.
    const zeros = new Uint8Array(50 * 1024 * 1024);
    const noise = new TextEncoder().encode(Array.from({ length: 150_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join(" "));
    const withPart = (part: Omit<HandEntry, "name">) => handZip([...docxParts(new TextEncoder().encode("<w:document/>")).filter((p) => p.name !== "word/document.xml"), { name: "word/document.xml", ...part }]);
    const cases: [string, Buffer][] = [
      ["both the local header and the directory", withPart({ data: zeros, localSize: 1024, centralSize: 1024 })],
      ["only the central directory", withPart({ data: zeros, centralSize: 1024 })],
      ["only the local header", withPart({ data: noise, localSize: 1024 })],
      ["the data descriptor and the directory (flag bit 3)", withPart({ data: zeros, centralSize: 1024, descriptor: { size: 1024 } })],
      ["only the data descriptor", withPart({ data: noise, descriptor: { size: 1024 } })],
      ["a stored part", withPart({ data: noise, method: "store", centralSize: 1024, localSize: 1024 })],
    ];
    for (const [which, zip] of cases) {
      it(`is refused when ${which} lies, and mammoth never sees it`, async () => {
        expect(zip.length).toBeLessThan(2 * 1024 * 1024);
        await expect(checkDocx(zip)).rejects.toMatchObject({ code: "UNSAFE_ARCHIVE" });
        await expect(importWord(zip, technologies, "en")).rejects.toMatchObject({ code: "UNSAFE_ARCHIVE" });
      });
    }
  });

  it("reads a document whose parts carry their sizes in data descriptors, and drops a part the directory does not list", async () => {
    const parts: HandEntry[] = Object.entries(unzipSync(fixture("pandoc-en.docx"))).map(([name, data]) => ({ name, data, descriptor: {} }));
    // A bomb written between the parts but named by no directory entry is never handed to a reader.
    const zip = handZip([...parts.slice(0, 2), { name: "word/hidden.xml", data: new Uint8Array(10 * 1024 * 1024), listed: false }, ...parts.slice(2)]);
    const checked = await checkDocx(zip);
    expect(Object.keys(unzipSync(checked)).sort()).toEqual(parts.map((p) => p.name).sort());
    const { preview } = await importWord(zip, technologies, "en");
    expect(preview.title).toBe("Container release on a shared ledger at Puerto Nuevo");
  });

  it("refuses a part named __proto__ as unreadable, not with an internal error", async () => {
    const parts: HandEntry[] = Object.entries(unzipSync(fixture("pandoc-en.docx"))).map(([name, data]) => ({ name, data }));
    const zip = handZip([...parts, { name: "__proto__", data: new TextEncoder().encode("x") }]);
    await expect(checkDocx(zip)).rejects.toMatchObject({ code: "DOCUMENT_UNREADABLE" });
  });

  it("refuses a zip whose directory declares more than the total limit, before inflating it", async () => {
    const zip = zipSync({ "[Content_Types].xml": new TextEncoder().encode("<Types/>"), "word/document.xml": new TextEncoder().encode("<w:document/>") }, { level: 0 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Every central directory entry (signature PK\1\2) declares 200 MiB once unpacked.
    let patched = 0;
    for (let at = 0; at + 46 <= zip.length; at += 1) {
      if (view.getUint32(at, true) === 0x02014b50) {
        view.setUint32(at + 24, 200 * 1024 * 1024, true);
        patched += 1;
      }
    }
    expect(patched).toBe(2);
    await expect(checkDocx(zip)).rejects.toMatchObject({ code: "UNSAFE_ARCHIVE" });
  });

  it("judges files by their content, not their name", async () => {
    const executable = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(60), Buffer.from("PE\0\0", "latin1"), Buffer.alloc(200)]);
    await expect(checkAttachment(executable)).rejects.toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED" });
    await expect(checkAttachment(Buffer.from("<svg onload=alert(1)></svg>"))).rejects.toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED" });
    await expect(checkDocx(fixture("scan-map.png"))).rejects.toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED" });
    expect(await checkAttachment(fixture("scan-map.png"))).toBe("image/png");
  });
});
