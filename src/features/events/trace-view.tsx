import { INPUT_KINDS, type InputKind, type Matrix } from "#src/features/reports/provenance.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** Inputs × chapters: which evidence, outcomes and comments fed which chapter, filterable by kind. */
export function TraceabilityPage({ ctx, report, matrix, kind }: { ctx: PageContext; report: ReportRow; matrix: Matrix; kind: InputKind | undefined }) {
  const { t, lang } = ctx;
  const base = `/editor/reports/${report.slug}/traceability`;
  return (
    <Layout ctx={ctx} title={t("trace.title")} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href={`/editor/reports/${report.slug}`}>{report.titles[lang] ?? report.titles.en}</a>
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
