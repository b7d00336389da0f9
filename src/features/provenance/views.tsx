import { reportTitle } from "#src/domain/languages.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import type { EventRow } from "#src/features/events/repository.ts";
import { regionName, type Region } from "#src/features/events/views.tsx";
import { INPUT_KINDS, type InputKind, type Matrix } from "#src/features/provenance/provenance.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";
import { DateTime } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** Inputs × chapters: which evidence, outcomes and comments fed which chapter, filterable by kind. */
export function TraceabilityPage({ ctx, report, matrix, kind }: { ctx: PageContext; report: ReportRow; matrix: Matrix; kind: InputKind | undefined }) {
  const { t, lang } = ctx;
  const base = `/editor/reports/${report.slug}/traceability`;
  return (
    <Layout ctx={ctx} title={t("trace.title")} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href={`/editor/reports/${report.slug}`}>{reportTitle(report, lang)}</a>
      </p>
      <div class="page-head">
        <h1>{t("trace.title")}</h1>
        <a class="button button-secondary" href={`${base}.xlsx${kind ? `?kind=${kind}` : ""}`}>
          {t("trace.xlsx")}
        </a>
      </div>
      <p class="lead">{t("trace.lead")}</p>
      <nav aria-label={t("trace.filter")} class="lang-tabs">
        <a href={base} aria-current={kind ? undefined : "page"}>
          {t("common.all")}
        </a>
        {INPUT_KINDS.map((k) => (
          <a href={`${base}?kind=${k}`} aria-current={k === kind ? "page" : undefined}>
            {t(`trace.kind.${k}`)}
          </a>
        ))}
      </nav>
      {matrix.rows.length === 0 ? (
        <p class="empty">{t("trace.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="data trace-matrix">
            <caption class="visually-hidden">{t("trace.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("trace.input")}</th>
                {matrix.chapters.map((c) => (
                  <th scope="col" title={c.title}>
                    {c.number}
                  </th>
                ))}
                <th scope="col">{t("trace.total")}</th>
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <span class="tag">{t(`trace.kind.${r.kind}`)}</span> {r.href ? <a href={r.href}>{r.label.length > 140 ? `${r.label.slice(0, 140)}…` : r.label}</a> : r.label}
                  </th>
                  {matrix.chapters.map((c) => (
                    <td class="num">{r.cells[c.id] ?? ""}</td>
                  ))}
                  <td class="num">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>{t("trace.chapters")}</summary>
        <ol>
          {matrix.chapters.map((c) => (
            <li>{c.title}</li>
          ))}
        </ol>
      </details>
    </Layout>
  );
}

/** A report's history on one line through time: its events and its editions, year by year. */
export function TimelinePage({ ctx, report, events, editions, regions }: { ctx: PageContext; report: ReportRow; events: EventRow[]; editions: EditionRow[]; regions: Region[] }) {
  const { t, lang } = ctx;
  type Entry = { date: string; kind: "event" | "edition"; node: preact.ComponentChildren };
  const entries: Entry[] = [
    ...events.map((e) => ({
      date: e.startsOn,
      kind: "event" as const,
      node: (
        <>
          <span class="tag">{t(`event.kind.${e.kind}`)}</span> <a href={`/reports/${report.slug}/events/${e.slug}`}>{e.title}</a>
          <span class="muted small"> {[e.place, e.online ? t("event.online") : "", regionName(regions, e.regionCode, lang)].filter(Boolean).join(" · ")}</span>
        </>
      ),
    })),
    ...editions.map((e) => ({
      date: e.editionDate,
      kind: "edition" as const,
      node: (
        <>
          <span class="tag tag-ok">{t("timeline.edition")}</span> <a href={`/reports/${report.slug}/${e.label}/`}>{t("rec.edition", { label: e.label })}</a>
          {e.status === "withdrawn" && <span class="muted small"> ({t("edition.status.withdrawn")})</span>}
        </>
      ),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === "edition" ? 1 : -1));
  const years = [...new Set(entries.map((e) => e.date.slice(0, 4)))];
  return (
    <Layout ctx={ctx} title={`${t("timeline.title")} — ${reportTitle(report, lang)}`} section="reports">
      <p class="breadcrumb">
        <a href={`/reports/${report.slug}`}>{reportTitle(report, lang)}</a>
      </p>
      <h1>{t("timeline.title")}</h1>
      <p class="lead">{t("timeline.lead")}</p>
      {entries.length === 0 ? (
        <p class="empty">{t("timeline.empty")}</p>
      ) : (
        <ol class="timeline">
          {years.map((year) => (
            <li class="timeline-year">
              <h2>{year}</h2>
              <ol>
                {entries
                  .filter((e) => e.date.startsWith(year))
                  .map((e) => (
                    <li class={`timeline-${e.kind}`}>
                      <DateTime value={e.date} lang={lang} /> — {e.node}
                    </li>
                  ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
