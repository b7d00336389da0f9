import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { renderEpub } from "#src/publishing/epub.ts";
import { loadPublication, type Publication } from "#src/publishing/publication.ts";
import { ALL, CORPUS } from "#e2e/helpers/xss.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { hasCommand, prerequisite } from "#test/helpers/prerequisites.ts";
import { sectionOf } from "#test/helpers/publication.ts";

// The demo's 2022 edition as books in English and French, and one holding the XSS corpus
// everywhere people write, each checked by EPUBCheck (the reference validator): no error, no warning.

/** How to run EPUBCheck: the command, or its jar through Java (Debian puts the jar itself on the PATH). */
function epubcheckCommand(): string[] | undefined {
  if (hasCommand("epubcheck")) return ["epubcheck"];
  const found = spawnSync("sh", ["-c", "command -v epubcheck"], { encoding: "utf8" }).stdout.trim();
  if (!found || !hasCommand("java")) return undefined;
  const jar = realpathSync(found);
  // A short-lived run: the quick compiler and the simple collector start faster.
  return jar.endsWith(".jar") ? ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar] : undefined;
}
const epubcheck = epubcheckCommand();
const present = prerequisite("epubcheck", epubcheck !== undefined, "apt-get install epubcheck (with a Java runtime)");

type Message = { ID: string; severity: string; message: string; locations: { path: string; line: number; column: number }[] };
/** EPUBCheck's findings on a book, but its usage hints and notes. */
async function check(book: Buffer, dir: string, name: string): Promise<string[]> {
  const file = join(dir, `${name}.epub`);
  const report = join(dir, `${name}.json`);
  writeFileSync(file, book);
  const [command, ...args] = epubcheck!;
  // It exits with 1 when it finds errors; the report says which.
  await promisify(execFile)(command!, [...args, file, "--json", report], { maxBuffer: 64 << 20 }).catch(() => undefined);
  const messages = (JSON.parse(readFileSync(report, "utf8")) as { messages: Message[] }).messages;
  return messages
    .filter((m) => ["FATAL", "ERROR", "WARNING"].includes(m.severity))
    .map((m) => `${m.severity} ${m.ID} ${m.message} @ ${m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(", ")}`);
}

let database: Database;
const dir = mkdtempSync(join(tmpdir(), "lr-epub-"));
const books: Partial<Record<"en" | "fr" | "hostile", { pub: Publication; files: Record<string, Uint8Array>; bytes: Buffer }>> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemoIfEmpty(database.db, "http://localhost:3000");
  for (const lang of ["en", "fr"] as const) {
    const pub = await loadPublication(database.db, "disruptive-technologies", "2022", lang);
    const bytes = renderEpub(pub);
    books[lang] = { pub, bytes, files: unzipSync(new Uint8Array(bytes)) };
  }
  // The corpus in the edition's words, a chapter title, a heading, a section's text and table, a
  // figure's title, alt text and caption, and a recommendation with its sources.
  const en = books.en!.pub;
  const figure = Object.values(en.figures)[0]!;
  const hostile: Publication = {
    ...en,
    title: CORPUS[15]!,
    subtitle: CORPUS[6]!,
    foreword: ALL,
    figures: { ...en.figures, "xss-figure": { ...figure, title: CORPUS[0]!, caption: ALL, alt: ALL, source: CORPUS[9]! } },
    recommendations: { ...en.recommendations, "xss-rec": { text: ALL, retired: false, number: 99, status: "endorsed", sources: [{ event: ALL, href: "javascript:alert(1)", date: CORPUS[1]!, by: CORPUS[2]!, outcome: ALL }] } },
    chapters: [
      ...en.chapters,
      {
        title: ALL,
        slug: "xss",
        sections: [sectionOf(CORPUS[16]!, "xss", [ALL, "::figure{ref=xss-figure}", "::recommendation{ref=xss-rec}", `| ${CORPUS[3]} | b |\n|---|---|\n| ${CORPUS[9]} | c |`, "Noted.[^x]\n\n[^x]: ]]> & <![CDATA[ x ]]>"].join("\n\n"))],
      },
    ],
  };
  const bytes = renderEpub(hostile);
  books.hostile = { pub: hostile, bytes, files: unzipSync(new Uint8Array(bytes)) };
}, 180_000);

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const xhtml = (lang: "en" | "fr" | "hostile", name: string) => strFromU8(books[lang]!.files[`EPUB/${name}`]!);

describe("the demo edition as EPUB", () => {
  it("lists every chapter and section in the navigation document, each chapter in its own file", () => {
    for (const lang of ["en", "fr"] as const) {
      const { pub, files } = books[lang]!;
      const nav = xhtml(lang, "nav.xhtml");
      pub.chapters.forEach((c, i) => {
        const file = `chapter-${String(i + 1).padStart(2, "0")}.xhtml`;
        expect(files[`EPUB/${file}`], `${lang} ${c.slug}`).toBeDefined();
        expect(nav).toContain(`<a href="${file}">`);
        for (const s of c.sections) expect(nav, `${lang} ${c.slug}/${s.slug}`).toMatch(new RegExp(`<a href="${file}#[A-Za-z_][\\w.-]*${s.slug}">`));
      });
      expect(Object.keys(files).filter((n) => /^EPUB\/chapter-\d+\.xhtml$/.test(n))).toHaveLength(pub.chapters.length);
      expect(pub.chapters.at(-1)!.slug).toBe("annex-case-studies");
    }
  });

  it("says the language of the book and of each part written in another", () => {
    expect(xhtml("fr", "nav.xhtml")).toContain('lang="fr" xml:lang="fr"');
    expect(strFromU8(books.fr!.files["EPUB/package.opf"]!)).toContain("<dc:language>fr</dc:language>");
    const fr = books.fr!.pub;
    // The blockchain chapter is translated; the drones chapter falls back to English, and says so.
    const at = (slug: string) => `chapter-${String(fr.chapters.findIndex((c) => c.slug === slug) + 1).padStart(2, "0")}.xhtml`;
    expect(xhtml("fr", at("blockchain"))).toMatch(/<section id="[^"]+" lang="fr" xml:lang="fr">/);
    expect(xhtml("fr", at("drones"))).toMatch(/<section id="[^"]+" lang="en" xml:lang="en">/);
    expect(xhtml("fr", at("blockchain"))).toMatch(/^<\?xml[^>]*>\n<!DOCTYPE html>\n<html [^>]*lang="fr" xml:lang="fr">/);
  });

  it("makes footnotes EPUB notes and figures SVG files with alt text", () => {
    const all = Object.entries(books.en!.files).filter(([n]) => n.endsWith(".xhtml")).map(([, b]) => strFromU8(b)).join("\n");
    expect(all).toMatch(/<a href="#[^"]+" id="[^"]+" data-footnote-ref="[^"]*" epub:type="noteref" role="doc-noteref">/);
    expect(all).toMatch(/<aside id="[^"]+" epub:type="footnote" role="doc-footnote">/);
    const images = [...all.matchAll(/<img src="(figures\/[^"]+\.svg)" alt="([^"]*)"\/>/g)];
    expect(images.length).toBeGreaterThan(0);
    for (const [, src, alt] of images) {
      expect(alt, src).not.toBe("");
      expect(strFromU8(books.en!.files[`EPUB/${src}`]!)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it.skipIf(!present)(
    "passes EPUBCheck with no error and no warning, in French, and in English holding hostile words",
    async () => {
      // The English book is inside the hostile one (its chapters, then the corpus's): one run less of a slow checker.
      for (const name of ["fr", "hostile"] as const) expect(await check(books[name]!.bytes, dir, name), name).toEqual([]);
    },
    120_000,
  );
});
