import type { DocumentInfo, EventRow, OutcomeRow, PartRow } from "#src/features/events/repository.ts";
import { regionName, textIn, type Region } from "#src/features/events/views.tsx";
import { reportTitle } from "#src/domain/languages.ts";
import type { ReportRow, TechnologyRow } from "#src/features/catalog/repository.ts";
import { DateTime } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** An event as readers see it: what, when, where, its documents and what it produced. */
export function PublicEventPage(props: { ctx: PageContext; report: ReportRow; event: EventRow; parts: PartRow[]; documents: DocumentInfo[]; outcomes: OutcomeRow[]; regions: Region[]; technologies: TechnologyRow[] }) {
  const { ctx, report, event, parts, documents, outcomes, regions } = props;
  const { t, lang } = ctx;
  const groups: { part: PartRow | null; outcomes: OutcomeRow[] }[] = [{ part: null, outcomes: outcomes.filter((o) => !o.partId) }, ...parts.map((p) => ({ part: p, outcomes: outcomes.filter((o) => o.partId === p.id) }))];
  return (
    <Layout ctx={ctx} title={event.title} section="reports">
      <p class="breadcrumb">
        <a href={`/reports/${report.slug}`}>{reportTitle(report, lang)}</a> › <a href={`/reports/${report.slug}/timeline`}>{t("timeline.title")}</a>
      </p>
      <h1>{event.title}</h1>
      <p class="muted">
        {t(`event.kind.${event.kind}`)} · <DateTime value={event.startsOn} lang={lang} />
        {event.endsOn !== event.startsOn && (
          <>
            {" – "}
            <DateTime value={event.endsOn} lang={lang} />
          </>
        )}
        {[event.place, event.online ? t("event.online") : "", regionName(regions, event.regionCode, lang)].filter(Boolean).map((x) => ` · ${x}`)}
      </p>
      {event.organizers && (
        <p>
          {t("event.organizers")}: {event.organizers}
        </p>
      )}
      {event.summary && <p>{event.summary}</p>}
      {groups
        .filter((g) => g.outcomes.length || g.part)
        .map((g) => (
          <section>
            <h2>{g.part ? `${g.part.title}` : t("event.outcomes")}</h2>
            {g.part && <p class="muted small">{t(`event.part.${g.part.kind}`)}</p>}
            {g.outcomes.length === 0 ? (
              <p class="empty">{t("event.noOutcomes")}</p>
            ) : (
              <ul>
                {g.outcomes.map((o) => (
                  <li id={`outcome-${o.id}`}>
                    <strong>{t(`outcome.kind.${o.kind}`)}:</strong> {textIn(o.texts, lang)}
                    {o.producedBy && <span class="muted small"> — {o.producedBy}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      {documents.length > 0 && (
        <section>
          <h2>{t("event.documents")}</h2>
          <ul>
            {documents.map((d) => (
              <li>
                <strong>{d.code}</strong> {d.title}
                {d.fileName && (
                  <>
                    {" · "}
                    <a href={`/files/event-documents/${d.id}`}>{d.fileName}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
