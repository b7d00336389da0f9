import type { EditionRow } from "#src/features/editions/repository.ts";
import type { Snapshot, SnapshotChapter } from "#src/features/editions/snapshot.ts";
import { ANNEX_PATH } from "#src/domain/editions.ts";
import type { CaseStudyVersion, PinnedCaseStudy } from "#src/features/reports/evidence-kinds.ts";
import { CaseStudyFacts, CaseStudyText } from "#src/features/case-studies/views/parts.tsx";
import type { TechnologyRow } from "#src/features/catalog/repository.ts";
import type { Language } from "#src/domain/languages.ts";
import { localized, primaryOf } from "#src/domain/languages.ts";
import { editionDate, editionTexts, formatEditionDate, type EditionText } from "#src/features/editions/texts.ts";
import { typeset } from "#src/i18n/typography.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import { assetUrl } from "#src/web/assets.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { ChapterSections, type RenderedSection } from "#src/features/reports/views/sections.tsx";
import { SubscribeForm } from "#src/features/notifications/subscription-views.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";


/** Where things live on the public site; these URLs are a promise and never change. */
export const editionUrls = (report: ReportRow, edition: Pick<EditionRow, "label">) => {
  const base = `/reports/${report.slug}/${edition.label}`;
  return { contents: (lang: Language) => `${base}/${lang}/`, chapter: (lang: Language, slug: string) => `${base}/${lang}/${slug}` };
};

type PageProps = { ctx: PageContext; report: ReportRow; edition: EditionRow; snapshot: Snapshot; lang: Language; publicUrl: string };

/** A date of the edition, written as its language's date style says. */
const formatDate = (date: string, lang: Language, edition: Pick<EditionRow, "dateStyles">) => formatEditionDate(date, lang, edition.dateStyles[lang]);

/** Some of an edition's words, marked with their language when it is not the page's. */
const Words = ({ text, pageLang }: { text: EditionText; pageLang: Language }) => (text.lang === pageLang ? <>{shown(text)}</> : <span lang={text.lang}>{shown(text)}</span>);

/** An edition's words as readers see them, with their language's typography. */
const shown = (text: EditionText) => typeset(text.text, text.lang);

/** The language attribute of an edition's words shown in another language (the primary's, untranslated). */
const langIf = (text: EditionText, lang: Language) => (text.lang === lang ? undefined : text.lang);

/** The language attribute of a chapter title shown in another language (as `localized` picks it: the primary's, untranslated). */
const titleLangIf = (titles: Partial<Record<Language, string>>, lang: Language, primary: Language) =>
  titles[lang] !== undefined ? undefined : titles[primary] !== undefined ? primary : (Object.keys(titles)[0] as Language | undefined);

/** The notice every page of an edition that is not simply published carries. */
function EditionNotice({ ctx, edition }: { ctx: PageContext; edition: EditionRow }) {
  const { t } = ctx;
  if (edition.status === "withdrawn") {
    return (
      <p class="notice notice-action" role="note">
        {t("edition.withdrawnNotice", { date: edition.withdrawnAt ? formatDate(edition.withdrawnAt.toISOString().slice(0, 10), ctx.lang, edition) : "", reason: edition.withdrawnReason ?? "" })}
      </p>
    );
  }
  if (edition.status !== "published") {
    return (
      <p class="notice notice-action" role="note">
        {t("edition.unpublishedNotice", { status: t(`edition.status.${edition.status}`) })}
      </p>
    );
  }
  return null;
}

/** Where a page of an edition sits: the report, the edition (its label and date), and the page itself when it is not the contents. */
function EditionHeader({ ctx, report, edition, lang, here }: Omit<PageProps, "snapshot" | "publicUrl"> & { here?: { title: string; lang?: Language | undefined } }) {
  const { t } = ctx;
  const urls = editionUrls(report, edition);
  const primary = primaryOf(report);
  const name = t("reading.edition", { label: edition.label, date: editionDate(edition, lang) });
  return (
    <>
      <EditionNotice ctx={ctx} edition={edition} />
      <nav class="breadcrumb" aria-label={t("reading.breadcrumb")}>
        <ol>
          <li>
            <a href={`/reports/${report.slug}/`} lang={titleLangIf(report.titles, lang, primary)}>
              {localized(report.titles, lang, primary)}
            </a>
          </li>
          <li>{here ? <a href={urls.contents(lang)}>{name}</a> : <span aria-current="page">{name}</span>}</li>
          {here && (
            <li>
              <span aria-current="page" lang={here.lang}>
                {here.title}
              </span>
            </li>
          )}
        </ol>
      </nav>
    </>
  );
}

/** The way to the report page's subscription form, at the foot of every page of an edition (pre-rendered pages carry no form token, so no form). */
function SubscribeLink({ ctx, report }: { ctx: PageContext; report: ReportRow }) {
  return (
    <p class="small subscribe-link">
      <a href={`/reports/${report.slug}/subscribe`}>{ctx.t("subscription.editionsLink")}</a>
    </p>
  );
}

const languageLinks = (report: ReportRow, url: (lang: Language) => string) => Object.fromEntries(report.languages.map((l) => [l, url(l)]));

/** Plain-text citation with a copyable stable URL. */
function Cite({ label, text, id, hint }: { label: string; text: string; id: string; hint?: string }) {
  return (
    <details class="cite">
      <summary>{label}</summary>
      <textarea id={id} class="input cite-text" readonly rows={3} aria-label={label} aria-describedby={hint ? `${id}-hint` : undefined}>
        {text}
      </textarea>
      {hint && (
        <p class="cite-hint small muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </details>
  );
}

/** An edition's contents page in one language. */
export function EditionContentsPage({ ctx, report, edition, snapshot, lang, publicUrl }: PageProps) {
  const { t } = ctx;
  const primary = primaryOf(report);
  const urls = editionUrls(report, edition);
  const { title, subtitle, foreword } = editionTexts(edition, primary, lang);
  return (
    <Layout ctx={ctx} title={title.text} section="reports" languageLinks={languageLinks(report, urls.contents)} head={<link rel="canonical" href={`${publicUrl}${urls.contents(lang)}`} />}>
      <EditionHeader ctx={ctx} report={report} edition={edition} lang={lang} />
      <h1 lang={langIf(title, lang)}>{shown(title)}</h1>
      {subtitle && (
        <p class="lead" lang={langIf(subtitle, lang)}>
          <strong>{shown(subtitle)}</strong>
        </p>
      )}
      {foreword && (
        <p class="lead" lang={langIf(foreword, lang)}>
          {shown(foreword)}
        </p>
      )}
      <h2>{t("draft.contents")}</h2>
      <ol class="toc">
        {snapshot.chapters.map((chapter) => (
          <li>
            <a href={urls.chapter(lang, chapter.slug)} lang={titleLangIf(chapter.titles, lang, primary)}>
              {localized(chapter.titles, lang, primary)}
            </a>
          </li>
        ))}
        {snapshot.caseStudies.some((c) => c.annexed) && (
          <li>
            <a href={urls.chapter(lang, ANNEX_PATH)}>{t("annex.chapterTitle")}</a>
          </li>
        )}
      </ol>
      <p class="downloads">
        {t("export.downloads")} <a href={`/reports/${report.slug}/${edition.label}/${lang}/export/pdf`}>{t("export.pdf")}</a> ·{" "}
        <a href={`/reports/${report.slug}/${edition.label}/${lang}/export/docx`}>{t("export.docx")}</a> ·{" "}
        <a href={`/reports/${report.slug}/${edition.label}/${lang}/export/epub`}>{t("export.epub")}</a> ·{" "}
        <a href={`/reports/${report.slug}/${edition.label}/${lang}/export/html`}>{t("export.html")}</a> ·{" "}
        <a href={`/reports/${report.slug}/${edition.label}/${lang}/export/zip`}>{t("export.zip")}</a>
      </p>
      <p>
        <a href={`/reports/${report.slug}/compare?to=${edition.label}&lang=${lang}`}>{t("compare.editionLink")}</a>
      </p>
      <Cite
        id="cite-edition"
        label={t("edition.citeEdition")}
        text={t("edition.citationEdition", { report: localized(report.titles, lang, primary), edition: edition.label, date: editionDate(edition, lang), url: `${publicUrl}${urls.contents(lang)}` })}
      />
      <SubscribeLink ctx={ctx} report={report} />
    </Layout>
  );
}

/** A chapter's sections as links, numbered as the text numbers them. */
function SectionLinks({ lang, chapterNumber, sections }: { lang: Language; chapterNumber: number; sections: RenderedSection[] }) {
  return (
    <ol class="page-toc-list">
      {sections.map((s, i) => (
        <li>
          <a href={`#${s.slug}`} lang={s.lang === lang ? undefined : s.lang}>
            <span class="page-toc-number">{chapterNumber}.{i + 1}</span> {typeset(s.heading, s.lang)}
          </a>
        </li>
      ))}
    </ol>
  );
}

/**
 * "On this page": a chapter's own contents. Wide screens show it in a column beside the text,
 * where it stays in view; narrow ones above the text, folded in a disclosure that needs no
 * script. CSS shows one of the two, so assistive technology meets only one. Both come before the
 * text in source order, so the keyboard and a screen reader reach them first; the grid puts the
 * column on the right.
 */
function OnThisPage({ t, lang, chapterNumber, sections, where }: { t: PageContext["t"]; lang: Language; chapterNumber: number; sections: RenderedSection[]; where: "side" | "fold" }) {
  if (sections.length < 2) return null;
  if (where === "side") {
    return (
      <nav class="page-toc page-toc-side" aria-labelledby="page-toc-side-title">
        <p class="page-toc-title" id="page-toc-side-title">
          {t("reading.onThisPage")}
        </p>
        <SectionLinks lang={lang} chapterNumber={chapterNumber} sections={sections} />
      </nav>
    );
  }
  return (
    <details class="page-toc page-toc-fold">
      <summary>{t("reading.onThisPage")}</summary>
      <nav aria-label={t("reading.onThisPage")}>
        <SectionLinks lang={lang} chapterNumber={chapterNumber} sections={sections} />
      </nav>
    </details>
  );
}

type PagerLink = { href: string; title: string; lang?: Language | undefined };

/** The way to the previous and the next page of an edition, each named, in the page's language. */
function Pager({ t, previous, next }: { t: PageContext["t"]; previous: PagerLink; next?: PagerLink | undefined }) {
  return (
    <nav class="pager" aria-label={t("reading.chapters")}>
      <a class="pager-link pager-previous" href={previous.href} rel="prev">
        <span class="pager-label">← {t("reading.previous")}</span>
        <span class="pager-title" lang={previous.lang}>
          {previous.title}
        </span>
      </a>
      {next && (
        <a class="pager-link pager-next" href={next.href} rel="next">
          <span class="pager-label">{t("reading.next")} →</span>
          <span class="pager-title" lang={next.lang}>
            {next.title}
          </span>
        </a>
      )}
    </nav>
  );
}

/** One chapter of an edition: where it sits, its own contents, a citation under every section's heading, the chapters around it. */
export function EditionChapterPage(props: PageProps & { chapter: SnapshotChapter; index: number; sections: RenderedSection[] }) {
  const { ctx, report, edition, snapshot, lang, publicUrl, chapter, index, sections } = props;
  const { t } = ctx;
  const primary = primaryOf(report);
  const urls = editionUrls(report, edition);
  const title = localized(chapter.titles, lang, primary);
  const titleLang = titleLangIf(chapter.titles, lang, primary);
  const previous = snapshot.chapters[index - 1];
  const next = snapshot.chapters[index + 1];
  const pageUrl = `${publicUrl}${urls.chapter(lang, chapter.slug)}`;
  const chapterLink = (c: SnapshotChapter): PagerLink => ({ href: urls.chapter(lang, c.slug), title: localized(c.titles, lang, primary), lang: titleLangIf(c.titles, lang, primary) });
  const hasAnnex = snapshot.caseStudies.some((c) => c.annexed);
  return (
    <Layout ctx={ctx} title={title} section="reports" languageLinks={languageLinks(report, (l) => urls.chapter(l, chapter.slug))} head={
        <>
          <link rel="canonical" href={pageUrl} />
          <script src={assetUrl("keep-position.js")} defer />
        </>
      }>
      <EditionHeader ctx={ctx} report={report} edition={edition} lang={lang} here={{ title, lang: titleLang }} />
      <div class="chapter-layout">
        <OnThisPage t={t} lang={lang} chapterNumber={index + 1} sections={sections} where="side" />
        <article class="chapter">
          <h1>
            <span class="chapter-number">{index + 1}.</span> <span lang={titleLang}>{title}</span>
          </h1>
          <p class="small">
            <a href={`/reports/${report.slug}/compare?to=${edition.label}&lang=${lang}#chapter-${chapter.slug}`}>{t("compare.chapterLink")}</a>
          </p>
          <OnThisPage t={t} lang={lang} chapterNumber={index + 1} sections={sections} where="fold" />
          <ChapterSections
            t={t}
            lang={lang}
            chapterNumber={index + 1}
            sections={sections}
            fallbackNote="edition.notTranslated"
            underHeading={(s, number) => (
              <Cite
                id={`cite-${s.slug}`}
                label={t("edition.cite")}
                hint={t("reading.citeHint")}
                text={t("reading.citation", {
                  report: localized(report.titles, lang, primary),
                  edition: edition.label,
                  date: editionDate(edition, lang),
                  chapter: index + 1,
                  chapterTitle: title,
                  number,
                  heading: typeset(s.heading, s.lang),
                  url: `${pageUrl}#${s.slug}`,
                })}
              />
            )}
          />
        </article>
      </div>
      <Pager
        t={t}
        previous={previous ? chapterLink(previous) : { href: urls.contents(lang), title: t("reading.backToContents") }}
        next={next ? chapterLink(next) : hasAnnex ? { href: urls.chapter(lang, ANNEX_PATH), title: t("annex.chapterTitle") } : undefined}
      />
      <SubscribeLink ctx={ctx} report={report} />
    </Layout>
  );
}

type AnnexEntry = { pinned: PinnedCaseStudy; version: CaseStudyVersion };

/** The edition's annex: each case study as it was when the edition was frozen. */
export function EditionAnnexPage(props: PageProps & { entries: AnnexEntry[]; technologies: TechnologyRow[] }) {
  const { ctx, report, edition, snapshot, lang, publicUrl, entries, technologies } = props;
  const { t } = ctx;
  const primary = primaryOf(report);
  const urls = editionUrls(report, edition);
  const title = t("annex.chapterTitle");
  const last = snapshot.chapters.at(-1);
  return (
    <Layout ctx={ctx} title={title} section="reports" languageLinks={languageLinks(report, (l) => urls.chapter(l, ANNEX_PATH))} head={<link rel="canonical" href={`${publicUrl}${urls.chapter(lang, ANNEX_PATH)}`} />}>
      <EditionHeader ctx={ctx} report={report} edition={edition} lang={lang} here={{ title }} />
      <article class="chapter">
        <h1>{title}</h1>
        <ol class="toc">
          {entries.map((e) => (
            <li>
              <a href={`#cs-${e.pinned.slug}`} lang={e.version.fields.language === lang ? undefined : e.version.fields.language}>
                {e.version.fields.title}
              </a>
            </li>
          ))}
        </ol>
        {entries.map((e, i) => (
          <section id={`cs-${e.pinned.slug}`} class="annex-entry">
            <h2 lang={e.version.fields.language}>
              <span class="chapter-number">{t("annex.entryNumber", { n: i + 1 })}</span> {e.version.fields.title}
            </h2>
            <p class="muted">{t("cs.credit", { organization: e.pinned.organization })}</p>
            <CaseStudyFacts ctx={ctx} fields={e.version.fields} technologies={technologies.filter((x) => e.version.fields.technologies.includes(x.slug))} organization={e.pinned.organization} />
            <CaseStudyText ctx={ctx} fields={e.version.fields} idPrefix={`cs-${e.pinned.slug}`} headingLevel={3} />
            <p class="small">
              <a href={`/case-studies/${e.pinned.slug}`}>{t("annex.latest")}</a>
            </p>
          </section>
        ))}
      </article>
      <Pager
        t={t}
        previous={last ? { href: urls.chapter(lang, last.slug), title: localized(last.titles, lang, primary), lang: titleLangIf(last.titles, lang, primary) } : { href: urls.contents(lang), title: t("reading.backToContents") }}
      />
      <SubscribeLink ctx={ctx} report={report} />
    </Layout>
  );
}

/** The day of a moment, as edition dates are kept (YYYY-MM-DD, UTC). */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * An edition's status and dates on the list: the current one says so, a withdrawn one says when;
 * the edition date, then the publication date only when it is another day.
 */
function EditionDates({ ctx, edition: e, current }: { ctx: PageContext; edition: EditionRow; current: boolean }) {
  const { t, lang } = ctx;
  const published = e.publishedAt && dayOf(e.publishedAt) !== e.editionDate ? e.publishedAt : null;
  const status =
    e.status === "withdrawn"
      ? e.withdrawnAt
        ? t("edition.withdrawnOn", { date: formatDate(dayOf(e.withdrawnAt), lang, e) })
        : t("edition.status.withdrawn")
      : current
        ? t("edition.current")
        : published
          ? null // "Published <date>" follows
          : t("edition.status.published");
  return (
    <p>
      {status && (
        <>
          <span class={`tag ${e.status === "withdrawn" ? "tag-outOfDate" : "tag-ok"}`}>{status}</span>{" "}
        </>
      )}
      <time dateTime={e.editionDate}>{t("edition.dateOn", { date: formatDate(e.editionDate, lang, e) })}</time>
      {published && (
        <span class="muted small">
          {" · "}
          <time dateTime={published.toISOString()}>{t("edition.publishedOn", { date: formatDate(dayOf(published), lang, e) })}</time>
        </span>
      )}
    </p>
  );
}

/** A report's editions, newest first, for readers. */
export function EditionListPage({ ctx, report, editions }: { ctx: PageContext; report: ReportRow; editions: EditionRow[] }) {
  const { t, lang } = ctx;
  const primary = primaryOf(report);
  const current = editions.find((e) => e.status === "published");
  const readLang = report.languages.includes(lang) ? lang : primary;
  return (
    <Layout ctx={ctx} title={localized(report.titles, lang, primary)} section="reports" head={<link rel="alternate" type="application/atom+xml" href={`/reports/${report.slug}/feed.xml`} />}>
      <h1>{localized(report.titles, lang, primary)}</h1>
      <h2>{t("edition.list")}</h2>
      {editions.length === 0 ? (
        <p class="empty">{t("edition.noPublished")}</p>
      ) : (
        <ul class="cards">
          {editions.map((e) => (
            <li class="card">
              <h3>
                <a href={editionUrls(report, e).contents(readLang)}>
                  <Words text={editionTexts(e, primary, readLang).title} pageLang={lang} />
                </a>
              </h3>
              <p class="muted small">{t("edition.named", { label: e.label })}</p>
              <EditionDates ctx={ctx} edition={e} current={e.id === current?.id} />
              <p class="small">
                {report.languages.map((l) => (
                  <>
                    <a href={editionUrls(report, e).contents(l)} lang={l} hreflang={l}>
                      {LANGUAGE_NAMES[l]}
                    </a>{" "}
                  </>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/reports/${report.slug}/feed.xml`}>{t("edition.feed")}</a>
      </p>
      <SubscribeForm ctx={ctx} report={report} />
    </Layout>
  );
}
