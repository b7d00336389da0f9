// The weight of a published chapter page as a reader's browser downloads it: the HTML, its
// stylesheet, the web fonts and scripts it asks for. The budget is 150 KB compressed.
//
// Chromium (390 px wide, as a phone) loads the demo's chapter page and lists what it requested; each
// file is then fetched again with `Accept-Encoding: br, gzip` to see what the server sends. When the
// server does not compress a text file, its compressed size is what gzip -9 gives (zlib level 9)
// and what brotli gives (quality 11): what a compressing proxy or CDN in front would send. The fonts
// are WOFF2, compressed already. A second row counts every font app.css declares, the most any
// page can load.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { startProduct } from "./published-page.mjs";

const PAGE = "/reports/disruptive-technologies/2022/en/blockchain";
const BUDGET = 150 * 1024;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";


const TEXT = /^(text\/|application\/(javascript|json|xml)|image\/svg)/;

/** One file as the server sends it, and its size compressed if the server did not compress it. */
async function weigh(url) {
  const res = await fetch(url, { headers: { "accept-encoding": "br, gzip" } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const type = res.headers.get("content-type") ?? "";
  const encoding = res.headers.get("content-encoding");
  // fetch decodes a compressed body; its wire size is the content-length the server declared.
  const body = Buffer.from(await res.arrayBuffer());
  const wire = encoding ? Number(res.headers.get("content-length") ?? NaN) : body.length;
  const text = TEXT.test(type);
  return {
    path: new URL(url).pathname,
    type: type.split(";")[0],
    raw: body.length,
    served: wire,
    encoding: encoding ?? "none",
    gzip: encoding || !text ? wire : gzipSync(body, { level: 9 }).length,
    brotli: encoding || !text ? wire : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export async function run() {
  if (!existsSync(CHROMIUM)) throw new Error(`page-weight needs Chromium at ${CHROMIUM}`);
  const { chromium } = await import("playwright-core");
  const dataDir = mkdtempSync(join(tmpdir(), "lr-bench-weight-"));
  const product = await startProduct(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  let files, declared;
  try {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const requested = new Set();
    page.on("request", (request) => requested.add(request.url().split("#")[0]));
    await page.goto(product.url + PAGE, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState("networkidle");
    files = await Promise.all([...requested].filter((u) => u.startsWith(product.url)).map(weigh));
    // Every font the stylesheet declares, whether this page needs it or not.
    const css = files.find((f) => f.type === "text/css");
    const cssText = await (await fetch(product.url + css.path)).text();
    const fontUrls = [...cssText.matchAll(/url\(([^)]+\.woff2[^)]*)\)/g)].map((m) => new URL(m[1], product.url + css.path).href);
    declared = await Promise.all(fontUrls.map(weigh));
  } finally {
    await browser.close();
    await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log(`\nPage weight of ${PAGE} (Chromium at 390 px; served = bytes the server sent)\n`);
  console.log("| file | type | raw | served (encoding) | gzip -9 | brotli 11 |\n|---|---|---|---|---|---|");
  for (const f of files) console.log(`| ${f.path} | ${f.type} | ${f.raw} | ${f.served} (${f.encoding}) | ${f.gzip} | ${f.brotli} |`);
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const fonts = files.filter((f) => f.type === "font/woff2");
  const other = files.filter((f) => f.type !== "font/woff2");
  const allFonts = sum(other, "gzip") + sum(declared, "gzip");
  const compressed = sum(files, "gzip");
  const served = sum(files, "served");
  const compressing = files.some((f) => f.encoding !== "none");
  return [
    {
      benchmark: `published chapter page as a phone loads it (${files.length} files: HTML, CSS, ${fonts.length} fonts, scripts, figures), compressed (gzip -9 where the server sends plain text)`,
      value: `${kb(compressed)} (brotli ${kb(sum(files, "brotli"))})`,
      baseline: `budget ${kb(BUDGET)}`,
      ratio: `${(compressed / BUDGET).toFixed(2)}×`,
    },
    {
      benchmark: `the same, as this server sends it (${compressing ? "compressed" : "no compression"})`,
      value: kb(served),
      baseline: `uncompressed ${kb(sum(files, "raw"))}`,
      ratio: `${(served / BUDGET).toFixed(2)}× budget`,
    },
    {
      benchmark: `the same with all ${declared.length} fonts app.css declares (the most a page can load), compressed`,
      value: kb(allFonts),
      baseline: `budget ${kb(BUDGET)}`,
      ratio: `${(allFonts / BUDGET).toFixed(2)}×`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run();
  console.table(rows);
  if (Number.parseFloat(rows[0].ratio) > 1) process.exitCode = 1;
}
