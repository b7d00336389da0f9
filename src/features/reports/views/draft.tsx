import type { Language } from "#src/domain/languages.ts";
import { translationState, type Draft, type DraftChapter } from "#src/features/reports/draft.ts";
import { localized, primaryOf, readingLanguage } from "#src/domain/languages.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { ChapterSections, type RenderedSection } from "#src/features/reports/views/sections.tsx";
import { FindingsList, type FindingsView } from "#src/web/findings.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";


function DraftNotice({ ctx }: { ctx: PageContext }) {
  return (
    <p class="notice" role="note">
      {ctx.t("draft.notice")}
    </p>
  );
}

/** A list of reports: their living drafts (members), or their published editions (base /reports). */
export function DraftReportsPage({ ctx, reports, base = "/draft", title }: { ctx: PageContext; reports: ReportRow[]; base?: string; title?: string }) {
  const { t, lang } = ctx;
  const published = base === "/reports";
  return (
    <Layout ctx={ctx} title={title ?? t("nav.draft")} section={published ? "reports" : "draft"}>
      <h1>{title ?? t("nav.draft")}</h1>
      {!published && <DraftNotice ctx={ctx} />}
      {reports.length === 0 ? (
        <p class="empty">{t("reports.none")}</p>
      ) : (
        <ul class="cards">
          {reports.map((r) => (
            <li class="card">
              <h2>
                <a href={published ? `/reports/${r.slug}/` : `/draft/${r.slug}/${readingLanguage(r, lang)}/`}>{localized(r.titles, lang, primaryOf(r))}</a>
              </h2>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function DraftLanguages({ draft, lang, path }: { draft: Draft; lang: Language; path: (l: Language) => string }) {
  return (
    <ul class="lang-tabs">
      {draft.report.languages.map((l) => (
        <li>
          <a href={path(l)} lang={l} hreflang={l} aria-current={l === lang ? "page" : undefined}>
            {LANGUAGE_NAMES[l]}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The draft's table of contents in one language. */
export function DraftContentsPage({ ctx, draft, lang }: { ctx: PageContext; draft: Draft; lang: Language }) {
  const { t } = ctx;
  const base = `/draft/${draft.report.slug}`;
  const title = localized(draft.report.titles, lang, draft.primary);
  return (
    <Layout ctx={ctx} title={title} section="draft">
      <DraftNotice ctx={ctx} />
      <DraftLanguages draft={draft} lang={lang} path={(l) => `${base}/${l}/`} />
      <h1 lang={lang}>{title}</h1>
      <h2>{t("draft.contents")}</h2>
      <ol class="toc" lang={lang}>
        {draft.chapters.map((chapter) => (
          <li>
            <a href={`${base}/${lang}/${chapter.slug}`}>{localized(chapter.titles, lang, draft.primary)}</a>
            <ol>
              {chapter.sections.map((s) => (
                <li>
                  <a href={`${base}/${lang}/${chapter.slug}#${s.slug}`}>{(s.texts[lang] ?? s.texts[draft.primary])?.heading ?? s.slug}</a>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </Layout>
  );
}

/** One chapter of the draft, its sections anchored by slug; untranslated ones fall back, with a note. */
export function DraftChapterPage(props: { ctx: PageContext; draft: Draft; chapter: DraftChapter; lang: Language; sections: RenderedSection[]; index: number }) {
  const { ctx, draft, chapter, lang, sections, index } = props;
  const { t } = ctx;
  const base = `/draft/${draft.report.slug}`;
  const title = localized(chapter.titles, lang, draft.primary);
  const previous = draft.chapters[index - 1];
  const next = draft.chapters[index + 1];
  return (
    <Layout ctx={ctx} title={title} section="draft">
      <DraftNotice ctx={ctx} />
      <DraftLanguages draft={draft} lang={lang} path={(l) => `${base}/${l}/${chapter.slug}`} />
      <p class="breadcrumb">
        <a href={`${base}/${lang}/`}>{localized(draft.report.titles, lang, draft.primary)}</a>
      </p>
      <article class="chapter" lang={lang}>
        <h1>
          <span class="chapter-number">{index + 1}.</span> {title}
        </h1>
        <ChapterSections t={t} lang={lang} chapterNumber={index + 1} sections={sections} fallbackNote="draft.notTranslated" />
      </article>
      <nav class="pager" aria-label={t("draft.contents")}>
        {previous && <a href={`${base}/${lang}/${previous.slug}`}>← {localized(previous.titles, lang, draft.primary)}</a>}
        {next && <a href={`${base}/${lang}/${next.slug}`}>{localized(next.titles, lang, draft.primary)} →</a>}
      </nav>
    </Layout>
  );
}

type Counts = { sections: number; empty: number; draft: number; ready: number; outOfDate: number; missing: number; stale: number };

/** Per chapter and language: how much is empty, draft, ready, untranslated, out of date, untouched. */
export function StatusPage({ ctx, draft, since, findings }: { ctx: PageContext; draft: Draft; since: string | undefined; findings?: FindingsView | undefined }) {
  const { t, lang } = ctx;
  const sinceDate = since ? new Date(`${since}T00:00:00Z`) : undefined;
  const count = (chapter: DraftChapter, l: Language): Counts => {
    const c: Counts = { sections: chapter.sections.length, empty: 0, draft: 0, ready: 0, outOfDate: 0, missing: 0, stale: 0 };
    for (const s of chapter.sections) {
      const text = s.texts[l];
      if (sinceDate && (!text || text.updatedAt < sinceDate)) c.stale++;
      if (l === draft.primary) {
        if (!text?.body.trim()) c.empty++;
        else if (s.status === "ready") c.ready++;
        else c.draft++;
      } else {
        const state = translationState(s, draft.primary, l);
        if (state === "missing") c.missing++;
        else if (state === "outOfDate") c.outOfDate++;
        else c.ready++;
      }
    }
    return c;
  };
  const cell = (n: number, kind: string) => (n ? <span class={`tag tag-${kind}`}>{n}</span> : <span class="muted">0</span>);
  return (
    <Layout ctx={ctx} title={t("status.title")} section="editor">
      <p class="breadcrumb">
        <a href={`/editor/reports/${draft.report.slug}`}>{localized(draft.report.titles, lang, draft.primary)}</a>
      </p>
      <h1>{t("status.title")}</h1>
      {findings && (
        <section class="panel" aria-labelledby="findings-h">
          <h2 id="findings-h">{t("findings.title")}</h2>
          <p class="muted small">{t("findings.draftLead")}</p>
          <FindingsList t={t} lang={lang} findings={findings} />
        </section>
      )}
      <form method="get" class="filters">
        <div class="field">
          <label for="f-since">{t("status.since")}</label>
          <input id="f-since" type="date" name="since" class="input input-medium" value={since ?? ""} />
        </div>
        <div class="actions">
          <button class="button button-secondary">{t("common.filter")}</button>
        </div>
      </form>
      {draft.report.languages.map((l) => (
        <section aria-labelledby={`st-${l}`}>
          <h2 id={`st-${l}`}>{LANGUAGE_NAMES[l]}</h2>
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t("status.chapter")}</th>
                  <th scope="col" class="num">{t("status.sections")}</th>
                  {l === draft.primary ? (
                    <>
                      <th scope="col" class="num">{t("status.empty")}</th>
                      <th scope="col" class="num">{t("sectionStatus.draft")}</th>
                      <th scope="col" class="num">{t("sectionStatus.ready")}</th>
                    </>
                  ) : (
                    <>
                      <th scope="col" class="num">{t("translation.missing")}</th>
                      <th scope="col" class="num">{t("translation.outOfDate").split(":")[0]}</th>
                      <th scope="col" class="num">{t("translation.upToDate")}</th>
                    </>
                  )}
                  {sinceDate && <th scope="col" class="num">{t("status.stale")}</th>}
                </tr>
              </thead>
              <tbody>
                {draft.chapters.map((chapter) => {
                  const c = count(chapter, l);
                  return (
                    <tr>
                      <th scope="row">
                        <a href={`/editor/reports/${draft.report.slug}#ch-${chapter.id}`}>{localized(chapter.titles, lang, draft.primary)}</a>
                      </th>
                      <td class="num">{c.sections}</td>
                      {l === draft.primary ? (
                        <>
                          <td class="num">{cell(c.empty, "muted")}</td>
                          <td class="num">{cell(c.draft, "draft")}</td>
                          <td class="num">{cell(c.ready, "ready")}</td>
                        </>
                      ) : (
                        <>
                          <td class="num">{cell(c.missing, "missing")}</td>
                          <td class="num">{cell(c.outOfDate, "outOfDate")}</td>
                          <td class="num">{cell(c.ready, "upToDate")}</td>
                        </>
                      )}
                      {sinceDate && <td class="num">{cell(c.stale, "muted")}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  );
}
