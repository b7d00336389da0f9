// PDF and DOCX of the demo edition and of a synthetic report of about 200 pages: time and peak
// memory. Baseline in the same run: the same content as one HTML file printed by Chromium's
// page.pdf() (needs Debian's chromium).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { register } from "tsx/esm/api";

register();
const { parseMarkdown } = await import("../src/content/parse.ts");
const pdfModule = await import("../src/publishing/pdf.ts");
const { typstDocument } = await import("../src/publishing/typst/document.ts");
const { renderDocx } = await import("../src/publishing/docx.ts");
const { renderHtmlFile } = await import("../src/publishing/html-file.tsx");

const { createPglite, fromPglite } = await import("../src/db/client.ts");
const { migrate } = await import("../src/db/migrate.ts");
const { loadDemoIfEmpty } = await import("../src/demo/load.ts");
const { loadPublication } = await import("../src/publishing/publication.ts");

const PARAGRAPH = "Border agencies weigh the cost of a pilot against the time it saves, ask partners to share data early, and plan how staff will learn the new tools. ";
const BODY = `${PARAGRAPH.repeat(5)}[^n]\n\n| Stage | Members | Share |\n|---|---:|---:|\n| Pilot | 12 | 7% |\n| Production | 3 | 2% |\n\n${PARAGRAPH.repeat(6)}\n\n- first point\n- second point\n\n${PARAGRAPH.repeat(5)}\n\n[^n]: A note on the source.`;

function synthetic() {
  return {
    reportTitle: "Synthetic report",
    title: "Synthetic report",
    edition: "2026",
    date: "2026-01-01",
    lang: "en",
    draft: false,
    subtitle: null,
    foreword: null,
    dateStyle: "long",
    textLangs: {},
    chapters: Array.from({ length: 20 }, (_, c) => ({
      title: `Chapter ${c + 1}`,
      slug: `chapter-${c + 1}`,
      sections: Array.from({ length: 10 }, (_, s) => ({ heading: `Section ${c + 1}.${s + 1}`, slug: `s${s + 1}`, markdown: BODY, tree: parseMarkdown(BODY), lang: "en" })),
    })),
  };
}

const pages = (pdf) => {
  const file = join(mkdtempSync(join(tmpdir(), "lr-bench-pdf-")), "x.pdf");
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
};

async function measure(name, pub) {
  let t = performance.now();
  const pdf = await pdfModule.compilePdf(typstDocument(pub), { timestamp: 0 });
  const pdfMs = performance.now() - t;
  const pdfRss = pdfModule.lastWorkerMaxRssKb / 1024;
  const before = process.memoryUsage().rss;
  t = performance.now();
  const docx = await renderDocx(pub);
  const docxMs = performance.now() - t;
  const docxRss = (process.memoryUsage().rss - before) / 2 ** 20;
  let chromiumMs = NaN;
  if (existsSync("/usr/bin/chromium")) {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    const page = await browser.newPage();
    const html = renderHtmlFile(pub).toString();
    t = performance.now();
    await page.setContent(html);
    await page.pdf({ format: "A4" });
    chromiumMs = performance.now() - t;
    await browser.close();
  }
  return [
    { benchmark: `${name}: PDF (Typst, ${pages(pdf)} pages, child process, peak ${pdfRss.toFixed(0)} MiB)`, value: `${pdfMs.toFixed(0)} ms`, baseline: `Chromium page.pdf() ${chromiumMs.toFixed(0)} ms`, ratio: `${(pdfMs / chromiumMs).toFixed(2)}×` },
    { benchmark: `${name}: DOCX (${Math.round(docx.length / 1024)} KB, +${docxRss.toFixed(0)} MiB RSS)`, value: `${docxMs.toFixed(0)} ms`, baseline: "", ratio: "" },
  ];
}

export async function run() {
  const database = fromPglite(await createPglite());
  await migrate(database);
  await loadDemoIfEmpty(database.db, "http://localhost:3000");
  const demo = await loadPublication(database.db, "disruptive-technologies", "2022", "en");
  await database.close();
  return [...(await measure("demo edition", demo)), ...(await measure("synthetic 200 sections", synthetic()))];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
