import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Db } from "#src/db/client.ts";
import { ANNEX_PATH } from "#src/domain/editions.ts";
import { LANGUAGES, primaryOf, type Language } from "#src/domain/languages.ts";
import { FigureFile } from "#src/domain/surveys.ts";
import { getReportBySlug, type ReportRow } from "#src/features/catalog/repository.ts";
import { atomFeed } from "#src/features/editions/feed.ts";
import { loadEditionContent, renderEditionPage, type EditionContent } from "#src/features/editions/render.ts";
import * as editions from "#src/features/editions/repository.ts";
import { EditionListPage } from "#src/features/editions/views/public.tsx";
import { frozenSvg } from "#src/features/surveys/evidence.ts";
import { translator } from "#src/i18n/i18n.ts";
import { datasetCsv } from "#src/lib/csv.ts";
import { FORMAT_NAMES, FORMATS, type FormatName } from "#src/publishing/formats.ts";
import { exportKey, getExportFile } from "#src/publishing/jobs.ts";
import { loadPublication } from "#src/publishing/publication.ts";
import { decodedPath, relativeFile, relocateCss, relocateHtml } from "#src/publishing/site/links.ts";
import { ASSETS_DIR, BUILT_ASSETS_DIR } from "#src/web/assets.ts";
import type { PageContext } from "#src/web/render.ts";

// The published report as a folder of files any static host (or a CDN, or file://) can serve
// under any path prefix: the pages stored at publishing, with every address made relative, the
// style sheets, fonts, icons and scripts they use, the figures, every export format per language
// and the feed. Long work, for the command line only: never inside a request.

export type SiteOptions = {
  report: string;
  /** One edition by its label ("current" or none: the newest published edition). */
  edition?: string | undefined;
  /** Every edition readers can open (published, or withdrawn since), instead of one. */
  all?: boolean | undefined;
  /** The folder to write into (created when missing). */
  out: string;
  /** The application's public address: links to it become files of the folder; canonical and citation addresses keep it. */
  publicUrl: string;
  /** The export formats to write (default: every format of the registry). */
  formats?: readonly FormatName[] | undefined;
  progress?: (done: number, total: number, what: string) => void;
};

export type SiteSummary = { editions: string[]; pages: number; exports: number; files: number; bytes: number; missing: string[] };

/** A refusal of the command: no such report or edition, or nothing published. */
export class SiteRefusal extends Error {}

/** A file of the folder, made when it is written. */
type Producer = () => string | Buffer | Promise<string | Buffer>;

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const segment = (value: string) => {
  if (!SEGMENT.test(value) || value.includes("..")) throw new SiteRefusal(`Cannot write a file named "${value}".`);
  return value;
};

// The list of editions is rendered like the stored pages: no user, no form, the page's own language.
const staticContext = (lang: Language, path: string): PageContext => ({ t: translator(lang), lang, user: null, csrf: "", path, flash: undefined });

/** Writes the site of a report into `options.out` and says what it wrote. */
export async function exportSite(db: Db, options: SiteOptions): Promise<SiteSummary> {
  const report = await getReportBySlug(db, options.report);
  if (!report) throw new SiteRefusal(`No report has the short name "${options.report}".`);
  const visible = await editions.listPublicEditions(db, report.id);
  const chosen = await chooseEditions(db, report, visible, options);
  const formats = options.formats ?? FORMAT_NAMES;
  const origin = new URL(options.publicUrl).origin;
  const slug = segment(report.slug);
  const primary = primaryOf(report);
  const progress = options.progress ?? (() => {});

  const contents = new Map<string, EditionContent>();
  for (const e of chosen) contents.set(e.label, await loadEditionContent(db, report, e));
  const current = await editions.getCurrentEdition(db, report.id);

  // Where each page of the application lands in the folder.
  const listFile = (lang: Language) => `reports/${slug}/${lang === primary ? "index" : `index.${lang}`}.html`;
  const editionDir = (label: string) => `reports/${slug}/${segment(label)}`;
  const pagePaths = (content: EditionContent) => ["", ...content.snapshot.chapters.map((c) => c.slug), ...(content.snapshot.caseStudies.some((c) => c.annexed) && !content.snapshot.chapters.some((c) => c.slug === ANNEX_PATH) ? [ANNEX_PATH] : [])];
  const pageFile = (label: string, lang: Language, path: string) => `${editionDir(label)}/${lang}/${path ? `${segment(path)}/` : ""}index.html`;
  const exportFile = (label: string, lang: Language, format: FormatName) => `${editionDir(label)}/${lang}/export/${slug}-${segment(label)}-${lang}.${FORMATS[format].extension}`;
  const feedFile = `reports/${slug}/feed.xml`;

  const files = new Map<string, Producer>();
  const written = new Set<string>();
  const missing = new Set<string>();

  /** A shipped asset (src/web/assets or the built dist/assets), by its path under /assets/. */
  const asset = (rel: string): string | undefined => {
    const clean = posix.normalize(rel);
    if (clean.startsWith("..") || clean.startsWith("/") || clean.split("/").some((s) => !SEGMENT.test(s))) return undefined;
    const found = [ASSETS_DIR, BUILT_ASSETS_DIR].map((dir) => join(dir, ...clean.split("/"))).find((p) => existsSync(p) && statSync(p).isFile());
    if (!found) return undefined;
    const file = `assets/${clean}`;
    if (!files.has(file)) files.set(file, () => (file.endsWith(".css") ? relocateStyleSheet(readFileSync(found, "utf8"), file, `/assets/${clean}`) : readFileSync(found)));
    return file;
  };

  /** A figure as the edition froze it, in the page's language: its drawing (wide or narrow) or its rows. */
  const figure = (label: string, lang: Language, name: string): string | undefined => {
    const content = contents.get(label);
    const parsed = FigureFile.safeParse({ file: name });
    if (!content || !parsed.success) return undefined;
    const pinned = content.snapshot.figures.find((f) => f.slug === parsed.data.slug);
    const frozen = pinned && (pinned.languages[lang] ?? Object.values(pinned.languages)[0]);
    if (!frozen) return undefined;
    const file = `${editionDir(label)}/${lang}/figures/${name}`;
    if (!files.has(file)) files.set(file, () => (parsed.data.type === "csv" ? datasetCsv(frozen.data) : frozenSvg(frozen, parsed.data.narrow)));
    return file;
  };

  /** Where an address of the application lands, read as a page in `lang` reads it; undefined when only the application answers it. */
  const locate = (url: URL, lang: Language): string | undefined => {
    const path = decodedPath(url);
    if (path === undefined) return undefined;
    if (path.startsWith("/assets/")) return asset(path.slice("/assets/".length));
    if (path === "/" || path === "/reports" || path === "/reports/" || path === `/reports/${slug}` || path === `/reports/${slug}/`) return listFile(lang);
    const switched = /^\/language\/([a-z]{2})$/.exec(path);
    if (switched) {
      const to = switched[1] as Language;
      const next = url.searchParams.get("next");
      if (!LANGUAGES.includes(to) || !report.languages.includes(to) || !next?.startsWith("/") || next.startsWith("//")) return undefined;
      return locate(new URL(next, origin), to);
    }
    if (path === `/reports/${slug}/feed.xml`) return feedFile;
    const parts = path.split("/").slice(1);
    if (parts[0] !== "reports" || parts[1] !== slug || !parts[2]) return undefined;
    const label = parts[2] === "current" ? current?.label : parts[2];
    const content = label ? contents.get(label) : undefined;
    if (!label || !content) return undefined;
    const pageLang = parts[3] as Language | undefined;
    if (parts.length === 3) return pageFile(label, report.languages.includes(lang) ? lang : primary, "");
    if (!pageLang || !report.languages.includes(pageLang)) return undefined;
    const rest = parts.slice(4);
    if (rest.length === 0 || (rest.length === 1 && rest[0] === "")) return pageFile(label, pageLang, "");
    if (rest.length === 1) return pagePaths(content).includes(rest[0]!) ? pageFile(label, pageLang, rest[0]!) : undefined;
    if (rest.length === 2 && rest[0] === "export") return formats.includes(rest[1] as FormatName) ? exportFile(label, pageLang, rest[1] as FormatName) : undefined;
    if (rest.length === 2 && rest[0] === "figures") return figure(label, pageLang, rest[1]!);
    return undefined;
  };

  /** A style sheet with its fonts and pictures made relative to its own file. */
  function relocateStyleSheet(css: string, file: string, url: string): string {
    return relocateCss(css, (raw) => {
      if (raw.startsWith("data:") || raw.startsWith("#")) return undefined;
      const target = new URL(raw, new URL(url, origin));
      if (target.origin !== origin) return undefined;
      const found = locate(target, primary);
      if (!found) {
        missing.add(`${raw} (in ${file})`);
        return undefined;
      }
      return relativeFile(file, found) + target.hash;
    });
  }

  /** A page of the application as the folder holds it. */
  const placePage = (file: string, url: string, lang: Language, html: string) => {
    files.set(file, () => relocateHtml(html, { file, url, origin, locate: (u) => locate(u, lang) }));
  };

  // The pages: the edition list in every language (also the folder's way in), then each edition's stored pages.
  const listUrl = `/reports/${slug}/`;
  for (const lang of report.languages) {
    const html = `<!doctype html>${renderToString(h(EditionListPage, { ctx: staticContext(lang, listUrl), report, editions: visible }))}`;
    placePage(listFile(lang), listUrl, lang, html);
    if (lang === primary) placePage("index.html", listUrl, lang, html);
  }
  const pages: { label: string; lang: Language; path: string; content: EditionContent }[] = [];
  for (const [label, content] of contents) for (const lang of report.languages) for (const path of pagePaths(content)) pages.push({ label, lang, path, content });
  for (const fmt of formats) if (!(fmt in FORMATS)) throw new SiteRefusal(`No export format named ${fmt}.`);
  const exportsToWrite = chosen.flatMap((e) => report.languages.flatMap((lang) => formats.map((format) => ({ edition: e, lang, format }))));

  const total = pages.length + exportsToWrite.length + 1;
  let done = 0;
  mkdirSync(options.out, { recursive: true });
  let bytes = 0;
  const write = async (file: string) => {
    const make = files.get(file)!;
    const data = await make();
    const target = join(options.out, ...file.split("/"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    written.add(file);
    bytes += Buffer.byteLength(data);
  };

  let pageCount = 0;
  for (const { label, lang, path, content } of pages) {
    const stored = await editions.getPage(db, content.edition.id, lang, path);
    const html = stored?.html ?? renderEditionPage(content, lang, path, options.publicUrl)?.html;
    progress(done++, total, `${label}/${lang}/${path || "index"}`);
    if (!html) continue;
    const url = path ? `/reports/${slug}/${label}/${lang}/${path}` : `/reports/${slug}/${label}/${lang}/`;
    const file = pageFile(label, lang, path);
    placePage(file, url, lang, html);
    await write(file);
    pageCount++;
  }
  // The list pages, then what the pages asked for (style sheets first ask for their fonts).
  for (const file of [...files.keys()]) if (!written.has(file) && file.endsWith(".html")) await write(file);
  // The feed lists the editions the folder holds; its links keep the public address (PUBLIC_URL, where the copy is served).
  files.set(feedFile, () => atomFeed(report, chosen.filter((e) => e.publishedAt), options.publicUrl));
  for (let pending = [...files.keys()].filter((f) => !written.has(f)); pending.length; pending = [...files.keys()].filter((f) => !written.has(f))) {
    for (const file of pending) await write(file);
  }
  progress(done++, total, "assets, figures, feed");

  // Every export, in every language, as the server's export jobs render it (or the one they stored).
  let exportCount = 0;
  for (const { edition, lang, format } of exportsToWrite) {
    progress(done++, total, `${edition.label}/${lang} ${format.toUpperCase()}`);
    const file = exportFile(edition.label, lang, format);
    files.set(file, async () => {
      const stored = await getExportFile(db, exportKey(edition, format, lang));
      return stored ? Buffer.from(stored.bytes) : FORMATS[format].render(await loadPublication(db, report.slug, edition.label, lang), {});
    });
    await write(file);
    exportCount++;
  }
  progress(total, total, "done");
  return { editions: chosen.map((e) => e.label), pages: pageCount + report.languages.length + 1, exports: exportCount, files: written.size, bytes, missing: [...missing] };
}

async function chooseEditions(db: Db, report: ReportRow, visible: editions.EditionRow[], options: SiteOptions): Promise<editions.EditionRow[]> {
  if (options.all) {
    if (!visible.length) throw new SiteRefusal(`Report ${report.slug} has no published edition.`);
    return visible;
  }
  if (options.edition && options.edition !== "current") {
    const found = visible.find((e) => e.label === options.edition);
    if (!found) throw new SiteRefusal(`Report ${report.slug} has no published edition labelled "${options.edition}".`);
    return [found];
  }
  const current = await editions.getCurrentEdition(db, report.id);
  if (!current) throw new SiteRefusal(`Report ${report.slug} has no published edition.`);
  return [current];
}
