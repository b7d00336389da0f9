import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative, sep } from "node:path";
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { closePool } from "#src/lib/pool.ts";
import { FORMAT_NAMES, FORMATS } from "#src/publishing/formats.ts";
import { exportSite, SiteRefusal, type SiteSummary } from "#src/publishing/site.ts";
import { openTestDatabase } from "#test/helpers/db.ts";

// The demo's current edition written as a static site, served by a plain file server under a
// path prefix (no directory indexes, nothing else), and crawled from index.html as a reader's
// browser would: every link, picture, script, style sheet and font must be there, inside the prefix.

const publicUrl = "http://reports.example.org";
const PREFIX = "/some/prefix/";
const REPORT = "disruptive-technologies";

let database: Database;
let dir: string;
let summary: SiteSummary;
const steps: string[] = [];
let server: Server;
let origin: string;
/** Every path the server was asked for, and its answer. */
const requests: { path: string; status: number }[] = [];

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".xml": "application/atom+xml" };

/** A plain static server: files under the prefix, by their exact path; no index, no rewrite, no redirect. */
function serve(root: string): Promise<Server> {
  const s = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path.slice(PREFIX.length)));
    const ok = path.startsWith(PREFIX) && file.startsWith(root + sep) && statSync(file, { throwIfNoEntry: false })?.isFile();
    requests.push({ path, status: ok ? 200 : 404 });
    if (!ok) response.writeHead(404).end();
    else response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"));

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemoIfEmpty(database.db, publicUrl);
  dir = mkdtempSync(join(tmpdir(), "lr-site-"));
  summary = await exportSite(database.db, { report: REPORT, out: dir, publicUrl, progress: (_done, _total, what) => steps.push(what) });
  server = await serve(dir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
  await closePool();
  await database?.close();
});

type Found = { from: string; url: string; element: string; rel: string };

/** Every address a page names: href, src, srcset, action, data, poster. */
function addressesOf(html: string): Omit<Found, "from">[] {
  const out: Omit<Found, "from">[] = [];
  visit(fromHtml(html), "element", (node: Element) => {
    const p = node.properties;
    const rel = Array.isArray(p.rel) ? p.rel.join(" ") : String(p.rel ?? "");
    for (const name of ["href", "src", "action", "data", "poster", "formAction"]) if (typeof p[name] === "string") out.push({ url: p[name], element: node.tagName, rel });
    const srcset = Array.isArray(p.srcSet) ? p.srcSet.join(",") : typeof p.srcSet === "string" ? p.srcSet : "";
    for (const c of srcset.split(",").map((x) => x.trim().split(/\s+/)[0]).filter(Boolean)) out.push({ url: c!, element: node.tagName, rel });
  });
  return out;
}

/** The ids a page's anchors may point at. */
function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  visit(fromHtml(html), "element", (node: Element) => {
    if (typeof node.properties.id === "string") ids.add(node.properties.id);
    if (node.tagName === "a" && typeof node.properties.name === "string") ids.add(node.properties.name);
  });
  return ids;
}

describe("the report as a static site", () => {
  it("crawls from index.html under a path prefix with no broken link, no anchor missing and nothing outside the prefix", async () => {
    expect(summary.editions).toEqual(["2022"]);
    expect(summary.missing).toEqual([]);
    const start = `${origin}${PREFIX}index.html`;
    const queue = [start];
    const seen = new Set(queue);
    const broken: string[] = [];
    const escapes: string[] = [];
    const anchors: { page: string; id: string; from: string }[] = [];
    const pages = new Map<string, string>();
    const follow = (raw: string, base: string, from: string, element: string, rel: string): void => {
      if (/^(mailto|tel|data):/i.test(raw) || raw.startsWith("#")) return;
      if (raw.startsWith("/")) {
        escapes.push(`${from}: absolute path ${raw}`);
        return;
      }
      const url = new URL(raw, base);
      if (url.origin !== origin) {
        // The permanent public address may stay only where a page names itself (canonical, its other languages).
        if (url.href.startsWith(publicUrl) && !(element === "link" && /canonical|alternate/.test(rel))) escapes.push(`${from}: back to the application ${raw}`);
        return;
      }
      if (!url.pathname.startsWith(PREFIX)) {
        escapes.push(`${from}: outside the prefix ${raw}`);
        return;
      }
      if (url.hash) anchors.push({ page: url.origin + url.pathname, id: decodeURIComponent(url.hash.slice(1)), from });
      url.hash = "";
      if (!seen.has(url.href)) {
        seen.add(url.href);
        queue.push(url.href);
      }
    };
    while (queue.length) {
      const url = queue.shift()!;
      const response = await fetch(url);
      if (response.status !== 200) {
        broken.push(`${url} (${response.status})`);
        continue;
      }
      const type = response.headers.get("content-type") ?? "";
      if (type.startsWith("text/html")) {
        const html = await response.text();
        pages.set(url, html);
        for (const a of addressesOf(html)) follow(a.url, url, url, a.element, a.rel);
      } else if (type.startsWith("text/css")) {
        const css = await response.text();
        for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) follow(m[1]!, url, url, "css", "");
      } else {
        await response.arrayBuffer();
      }
    }
    expect(broken).toEqual([]);
    expect(escapes).toEqual([]);
    expect(requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(anchors.filter((a) => !pages.has(a.page) || !idsOf(pages.get(a.page)!).has(a.id)).map((a) => `${a.from} → ${a.page}#${a.id}`)).toEqual([]);

    // Everything written is reached from the way in: every language's pages, the figures, the exports and the feed.
    const reached = new Set([...seen].map((u) => decodeURIComponent(new URL(u).pathname.slice(PREFIX.length))));
    const written = filesUnder(dir);
    expect(written.filter((f) => !reached.has(f))).toEqual([]);
    const base = `reports/${REPORT}/2022`;
    for (const lang of ["en", "fr", "es"]) {
      for (const page of ["index.html", "blockchain/index.html", "annex-case-studies/index.html"]) expect(reached, `${lang}/${page}`).toContain(`${base}/${lang}/${page}`);
      for (const format of FORMAT_NAMES) expect(reached).toContain(`${base}/${lang}/export/${REPORT}-2022-${lang}.${FORMATS[format].extension}`);
      expect([...reached].some((f) => f.startsWith(`${base}/${lang}/figures/`) && f.endsWith(".svg"))).toBe(true);
      expect([...reached].some((f) => f.startsWith(`${base}/${lang}/figures/`) && f.endsWith(".csv"))).toBe(true);
    }
    expect(reached).toContain(`reports/${REPORT}/feed.xml`);
    expect([...reached].some((f) => f.endsWith(".woff2"))).toBe(true);
  });

  it("keeps what readers read and takes out what only the application answers", () => {
    const page = (path: string) => readFileSync(join(dir, ...path.split("/")), "utf8");
    const chapter = page(`reports/${REPORT}/2022/es/blockchain/index.html`);
    expect(chapter).toContain('lang="es"');
    // The canonical address is the permanent one; a case study of the annex stays an anchor there.
    expect(chapter).toContain(`<link rel="canonical" href="${publicUrl}/reports/${REPORT}/2022/es/blockchain">`);
    expect(chapter).toMatch(/href="\.\.\/annex-case-studies\/index\.html#cs-[a-z0-9-]+"/);
    expect(chapter).toContain('href="../../en/blockchain/index.html"');
    for (const path of [`reports/${REPORT}/2022/fr/index.html`, `reports/${REPORT}/2022/en/annex-case-studies/index.html`, "index.html"]) {
      const html = page(path);
      // No sign-in, search, library, language switch or comparison: a static host cannot answer them.
      expect(html).not.toMatch(/(href|action|src)="\/(?!\/)/);
      expect(html).not.toMatch(/sign-in|\/search|\/language\/|\/compare|\/case-studies\/|\/subscribe/);
      expect(html).not.toMatch(/<form/);
    }
    const contents = page(`reports/${REPORT}/2022/fr/index.html`);
    expect(contents).toContain(`href="export/${REPORT}-2022-fr.pdf"`);
    // The way in is the list of editions, with the other languages' lists one link away.
    const index = page("index.html");
    expect(index).toContain(`href="reports/${REPORT}/2022/en/index.html"`);
    expect(index).toContain(`href="reports/${REPORT}/index.fr.html"`);
    expect(index).toContain(`href="reports/${REPORT}/feed.xml"`);
    expect(readFileSync(join(dir, "reports", REPORT, "2022", "en", "export", `${REPORT}-2022-en.pdf`)).subarray(0, 5).toString()).toBe("%PDF-");
    const feed = page(`reports/${REPORT}/feed.xml`);
    expect(feed).toContain("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    // The feed lists the editions the folder holds (the demo's 2019 edition is not in it), at their public address.
    expect(feed).toContain(`<link rel="alternate" type="text/html" href="${publicUrl}/reports/${REPORT}/2022/`);
    expect(feed).not.toContain(`/reports/${REPORT}/2019/`);
    // Progress: each page and each export named as it is written.
    expect(steps).toContain("2022/fr/blockchain");
    expect(steps).toContain("2022/es PDF");
  });

  it("refuses an edition that is not published and a report that does not exist", async () => {
    await expect(exportSite(database.db, { report: REPORT, edition: "2031", out: dir, publicUrl })).rejects.toBeInstanceOf(SiteRefusal);
    await expect(exportSite(database.db, { report: "no-such-report", out: dir, publicUrl })).rejects.toBeInstanceOf(SiteRefusal);
  });
});
