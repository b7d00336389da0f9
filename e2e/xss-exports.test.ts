import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, signIn } from "#e2e/helpers/browser.ts";
import { HttpSession } from "#e2e/helpers/http.ts";
import { demoAccount, startProductServer, type RunningServer } from "#e2e/helpers/server.ts";
import { activeContent, ALL, CORPUS, fit, poke, recordDialogs } from "#e2e/helpers/xss.ts";

// The XSS corpus entered everywhere that reaches the downloads (a section's heading, Markdown and
// table, a figure's title, alt text and caption, a case study of the annex, a recommendation, the
// edition's title and foreword), then every format checked for what could run: the single HTML
// file opened in Chromium, the DOCX's parts, the PDF's objects, the open-data zip's files.

const REPORT = "disruptive-technologies";
// The payloads Markdown shows exactly as typed (the others are links, whose words alone remain).
const LITERAL = CORPUS.filter((p) => !/^!?\[/.test(p));
const squash = (s: string) => s.replace(/\u00ad/g, "").replace(/\s+/g, "");
const unescapeXml = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);

describe.skipIf(!hasChromium)("hostile input in downloads", () => {
  let server: RunningServer;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "lr-xss-"));

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Requests an export as the signed-in page's user, waits for its job, and answers the file. */
  const download = async (page: Page, edition: string, format: string): Promise<Buffer> => {
    const first = await page.request.get(`${server.url}/reports/${REPORT}/${edition}/en/export/${format}`, { maxRedirects: 0 });
    if (first.status() === 200) return first.body();
    expect(first.status(), `${edition} ${format}`).toBe(303);
    const job = first.headers().location!;
    for (;;) {
      const state = (await (await page.request.get(server.url + job, { headers: { accept: "application/json" } })).json()) as { status: string; message: string | null };
      expect(state.status, `${edition} ${format}: ${state.message}`).not.toBe("failed");
      if (state.status === "done") break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const file = await page.request.get(`${server.url}${job}/download`);
    expect(file.status()).toBe(200);
    return file.body();
  };

  it("stays inert in the single HTML file, the DOCX, the PDF and the open-data zip", async () => {
    const admin = await new HttpSession(server.url).signIn(demoAccount(server, "admin").email, demoAccount(server, "admin").password);
    const member = await new HttpSession(server.url).signIn(demoAccount(server, "contributor").email, demoAccount(server, "contributor").password);
    const sent = async (what: string, res: { status: number; location: string | null }) => {
      expect(res.status, what).toBe(303);
      return res.location ?? "";
    };

    // A figure and a recommendation, placed in a section whose words are the corpus.
    const survey = /\/editor\/surveys\/([0-9a-f-]{36})/.exec((await admin.get("/editor/surveys")).body)![1]!;
    await sent("figure", await admin.post(`/editor/surveys/${survey}/figures/new`, { slug: "xss-figure", question: "adoption", breakdown: "technology", chart: "stage-by-technology", title: fit(300, 15), caption: fit(1000, 3), alt: fit(1000, 15) }));
    await sent("recommendation", await admin.post(`/editor/reports/${REPORT}/recommendations`, { slug: "xss-rec", text_en: ALL, status: "endorsed", statusNote: "", themes: "" }));
    const sections = [...new Set([...(await admin.get(`/editor/reports/${REPORT}`)).body.matchAll(/\/editor\/sections\/([0-9a-f-]{36})\/en/g)].map((m) => m[1]!))];
    const section = sections[1]!;
    const base = /name="baseRevisionId" value="(\d*)"/.exec((await admin.get(`/editor/sections/${section}/en`)).body)![1]!;
    const body = [ALL, "::figure{ref=xss-figure}", "::recommendation{ref=xss-rec}", `| ${fit(200)} | b |\n|---|---|\n| ${fit(200, 8)} | c |`].join("\n\n");
    await sent("section", await admin.post(`/editor/sections/${section}/en`, { heading: fit(300, 15), body, baseRevisionId: base, summary: "" }));

    // A case study, published and made the whole annex.
    const cs = await sent("case study", await member.post("/member/case-studies", { title: fit(300, 15), language: "en", technologies: "blockchain", stage: "pilot", periodStart: "", periodEnd: "", summary: ALL, problem: ALL, solution: ALL, results: ALL, lessons: ALL, partners: fit(1000, 9), contact: fit(1000, 3), links: "https://example.org/?q=\"><script>alert(1)</script>", consent: "on" }));
    const move = (who: HttpSession, from: string, to: string) => who.post(`${cs}/move`, { from, to, message: "", reason: "", supersededBy: "" });
    await member.get(cs);
    await sent("submit", await move(member, "draft", "submitted"));
    await admin.get(cs);
    await sent("accept", await move(admin, "submitted", "accepted"));
    await sent("publish", await move(admin, "accepted", "published"));
    await sent("annex", await admin.post(`/editor/reports/${REPORT}/annex`, { caseStudies: cs.split("/").pop()! }));
    await admin.get(`/editor/reports/${REPORT}/editions`);
    await sent("edition", await admin.post(`/editor/reports/${REPORT}/editions`, { label: "xss-check", title: fit(300, 15), editionDate: "2026-02-01", foreword: fit(2000) }));

    const context = await browser.newContext();
    const page = await signIn(context, server.url, demoAccount(server, "admin").email, demoAccount(server, "admin").password);

    // The single HTML file (the edition's and the draft's), opened from disk in Chromium.
    const dialogs = recordDialogs(page);
    for (const edition of ["xss-check", "draft"]) {
      const file = join(dir, `${edition}.html`);
      writeFileSync(file, await download(page, edition, "html"));
      await page.goto(pathToFileURL(file).href);
      await poke(page);
      expect(await activeContent(page), edition).toEqual([]);
      expect(await page.evaluate(() => document.scripts.length), edition).toBe(0);
      // The words are there, as text: in the body, the figure's description and the window's title.
      const text = squash((await page.locator("body").textContent()) ?? "");
      for (const p of LITERAL) expect(text, edition).toContain(squash(p));
      expect(await page.locator('[role="img"]').evaluateAll((els) => els.map((el) => el.getAttribute("aria-label"))), edition).toContain(fit(1000, 15));
      if (edition !== "draft") expect(await page.title()).toContain(CORPUS[15]);
    }
    expect(dialogs).toEqual([]);

    // The DOCX: the corpus as text, no field codes, embedded HTML or external targets that run script.
    const docx = unzipSync(new Uint8Array(await download(page, "xss-check", "docx")));
    const xml = strFromU8(docx["word/document.xml"]!);
    const words = unescapeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    for (const p of LITERAL) expect(squash(words)).toContain(squash(p));
    for (const [name, bytes] of Object.entries(docx)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const part = strFromU8(bytes);
      // No embedded HTML, objects or controls, whatever the words around them.
      expect(/<(w:altChunk|w:object|o:OLEObject|w:control|w:subDoc)\b/.exec(part)?.[0], name).toBeUndefined();
      // Field codes are the contents and page numbers the document makes itself, never a link or an include.
      const fields = [...part.matchAll(/<w:instrText[^>]*>([^<]*)<|w:instr="([^"]*)"/g)].map((m) => unescapeXml(m[1] ?? m[2]!).trim());
      expect(fields.filter((f) => !/^(TOC|PAGEREF|PAGE|NUMPAGES|SEQ)\b/.test(f)), name).toEqual([]);
      // Relationships point into the package, or out to the web or mail only.
      for (const [rel] of part.matchAll(/<Relationship\b[^>]*>/g)) {
        const target = unescapeXml(/Target="([^"]*)"/.exec(rel)?.[1] ?? "");
        if (/TargetMode="External"/.test(rel)) expect(target, name).toMatch(/^(https?:|mailto:)/);
        else expect(target, name).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      }
    }
    expect(strFromU8(docx["[Content_Types].xml"]!)).not.toMatch(/html|activeX|vbaProject|oleObject/i);

    // The PDF: the corpus as literal text; no script, launch action or script URL among its objects.
    const pdf = join(dir, "edition.pdf");
    writeFileSync(pdf, await download(page, "xss-check", "pdf"));
    const printed = squash(spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 256 << 20 }).stdout);
    for (const p of LITERAL) expect(printed).toContain(squash(p));
    const expanded = join(dir, "expanded.pdf");
    const qpdf = spawnSync("qpdf", ["--qdf", "--object-streams=disable", pdf, expanded]);
    expect([0, 3], String(qpdf.stderr)).toContain(qpdf.status);
    const objects = readFileSync(expanded, "latin1");
    expect(objects).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia)\b/);
    for (const [, uri] of objects.matchAll(/\/URI\s*\(([^)]*)\)/g)) expect(uri).toMatch(/^(https?:|mailto:)/);

    // The open-data zip: safe names, JSON that parses, CSV whose cells hold the words as text.
    const zip = unzipSync(new Uint8Array(await download(page, "xss-check", "zip")));
    for (const name of Object.keys(zip)) expect(name).toMatch(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]+$/);
    const edition = JSON.parse(strFromU8(zip["edition.json"]!)) as { title: string; chapters: { sections: { markdown: string }[] }[] };
    expect(edition.chapters.flatMap((c) => c.sections).some((s) => s.markdown === body)).toBe(true);
    for (const name of Object.keys(zip).filter((n) => n.endsWith(".csv"))) {
      const rows = parse(strFromU8(zip[name]!), { bom: true });
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) expect(row.length, name).toBe(rows[0]!.length);
    }
    const cells = (name: string) => parse(strFromU8(zip[name]!), { bom: true }).flat();
    expect(cells("sections.csv").some((c) => c.includes(CORPUS[15]!))).toBe(true);
    expect(cells("case-studies.csv").some((c) => c.includes(CORPUS[15]!))).toBe(true);
    expect(cells("recommendations.csv").some((c) => c.includes(CORPUS[15]!))).toBe(true);
  }, 600_000);
});
