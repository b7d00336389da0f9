import type { EditionStatus } from "#src/domain/editions.ts";
import { EVENT_KINDS, EVENT_PART_KINDS, OUTCOME_KINDS, RECOMMENDATION_STATUSES } from "#src/domain/events.ts";
import type { DocumentInfo, EventRow, OutcomeRow, PartRow, RecommendationRow, RegisterRow } from "#src/features/events/repository.ts";
import { LANGUAGES, type Language, reportTitle } from "#src/domain/languages.ts";
import type { ReportRow, TechnologyRow } from "#src/features/catalog/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { CheckboxGroup, DateTime, ErrorSummary, Form, SelectField, TextAreaField, TextField, valueOf, type FormValues } from "#src/web/components.tsx";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

export type Region = { code: string; names: Record<string, string> };
export const regionName = (regions: Region[], code: string | null, lang: Language) => {
  const r = regions.find((x) => x.code === code);
  return r ? (r.names[lang] ?? r.names.en ?? r.code) : "";
};
export const textIn = (texts: Partial<Record<Language, string>>, lang: Language) => texts[lang] || texts.en || Object.values(texts).find(Boolean) || "";
const techName = (technologies: TechnologyRow[], slug: string, lang: Language) => {
  const tech = technologies.find((x) => x.slug === slug);
  return tech ? (tech.names[lang] ?? tech.names.en) : slug;
};

function Breadcrumb({ ctx, report, children }: { ctx: PageContext; report: ReportRow; children?: preact.ComponentChildren }) {
  return (
    <p class="breadcrumb">
      <a href="/editor">{ctx.t("nav.editor")}</a> › <a href={`/editor/reports/${report.slug}`}>{reportTitle(report, ctx.lang)}</a>
      {children ? <> › {children}</> : null}
    </p>
  );
}

/** The fields of an event, for creating and editing. */
function EventFields({ ctx, regions, values, error }: { ctx: PageContext; regions: Region[]; values?: FormValues | undefined; error?: AppError | undefined }) {
  const { t, lang } = ctx;
  return (
    <>
      <SelectField t={t} name="kind" label={t("event.kind")} values={values} errors={error?.fields} options={EVENT_KINDS.map((k) => [k, t(`event.kind.${k}`)])} required />
      <TextField t={t} name="title" label={t("event.eventTitle")} values={values} errors={error?.fields} required maxLength={300} />
      <TextField t={t} name="slug" label={t("event.slug")} hint={t("event.slugHint")} values={values} errors={error?.fields} required size="medium" />
      <div class="inline-fields">
        <TextField t={t} name="startsOn" type="date" label={t("event.startsOn")} values={values} errors={error?.fields} required size="medium" />
        <TextField t={t} name="endsOn" type="date" label={t("event.endsOn")} values={values} errors={error?.fields} required size="medium" />
      </div>
      <TextField t={t} name="place" label={t("event.place")} values={values} errors={error?.fields} optional maxLength={200} />
      <label class="check">
        <input type="checkbox" name="online" value="1" checked={valueOf(values, "online") === "1" || values?.online === true} /> {t("event.online")}
      </label>
      <SelectField t={t} name="regionCode" label={t("event.region")} values={values} errors={error?.fields} empty={t("event.noRegion")} options={regions.map((r) => [r.code, regionName(regions, r.code, lang)])} />
      <TextField t={t} name="organizers" label={t("event.organizers")} values={values} errors={error?.fields} optional maxLength={300} />
      <TextAreaField t={t} name="summary" label={t("event.summary")} values={values} errors={error?.fields} optional rows={3} maxLength={4000} />
    </>
  );
}

export function EventsPage({ ctx, report, events, regions, values, error }: { ctx: PageContext; report: ReportRow; events: EventRow[]; regions: Region[]; values?: FormValues; error?: AppError | undefined }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("event.title")} section="editor">
      <Breadcrumb ctx={ctx} report={report} />
      <div class="page-head">
        <h1>{t("event.title")}</h1>
        <a class="button button-secondary" href={`/reports/${report.slug}/timeline`}>
          {t("timeline.title")}
        </a>
      </div>
      {events.length === 0 ? (
        <p class="empty">{t("event.none")}</p>
      ) : (
        <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("event.startsOn")}</th>
              <th scope="col">{t("event.eventTitle")}</th>
              <th scope="col">{t("event.kind")}</th>
              <th scope="col">{t("event.place")}</th>
            </tr>
          </thead>
          <tbody>
            {[...events].reverse().map((e) => (
              <tr>
                <td>
                  <DateTime value={e.startsOn} lang={lang} />
                </td>
                <td>
                  <a href={`/editor/events/${e.id}`}>{e.title}</a>
                </td>
                <td>{t(`event.kind.${e.kind}`)}</td>
                <td>{[e.place, e.online ? t("event.online") : "", regionName(regions, e.regionCode, lang)].filter(Boolean).join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <details class="panel" open={Boolean(error)}>
        <summary>{t("event.new")}</summary>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
        <Form ctx={ctx} action={`/editor/reports/${report.slug}/events`} class="stack form-wide">
          <EventFields ctx={ctx} regions={regions} values={values} error={error} />
          <button class="button" type="submit">
            {t("event.create")}
          </button>
        </Form>
      </details>
    </Layout>
  );
}

export type OutcomeView = OutcomeRow & { recommendations: { id: string; slug: string; status: string }[] };

type EventPageProps = {
  ctx: PageContext;
  report: ReportRow;
  event: EventRow;
  parts: PartRow[];
  documents: DocumentInfo[];
  outcomes: OutcomeView[];
  regions: Region[];
  technologies: TechnologyRow[];
  register: RecommendationRow[];
  values?: FormValues | undefined;
  error?: AppError | undefined;
  /** Which form the values and error belong to. */
  form?: "event" | "part" | "document" | "outcome" | undefined;
};

/** Texts in each language, one field per language (`<prefix>_<lang>`). */
function TextsFields({ ctx, prefix, label, values, error }: { ctx: PageContext; prefix: string; label: string; values?: FormValues | undefined; error?: AppError | undefined }) {
  return (
    <fieldset class="field">
      <legend>{label}</legend>
      {LANGUAGES.map((l) => (
        <TextAreaField t={ctx.t} name={`${prefix}_${l}`} label={LANGUAGE_NAMES[l]} values={values} errors={error?.fields} optional={l !== "en"} rows={2} maxLength={4000} />
      ))}
    </fieldset>
  );
}

export function EventPage(props: EventPageProps) {
  const { ctx, report, event, parts, documents, outcomes, regions, technologies, register } = props;
  const { t, lang } = ctx;
  const at = (form: EventPageProps["form"]) => (props.form === form ? { values: props.values, error: props.error } : { values: undefined, error: undefined });
  const partName = (id: string | null) => parts.find((p) => p.id === id)?.title;
  const base = `/editor/events/${event.id}`;
  const eventForm = at("event");
  return (
    <Layout ctx={ctx} title={event.title} section="editor">
      <Breadcrumb ctx={ctx} report={report}>
        <a href={`/editor/reports/${report.slug}/events`}>{t("event.title")}</a>
      </Breadcrumb>
      <div class="page-head">
        <h1>{event.title}</h1>
        <a class="button button-secondary" href={`/reports/${report.slug}/events/${event.slug}`}>
          {t("event.publicPage")}
        </a>
      </div>
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

      <section class="panel" aria-labelledby="parts-h">
        <h2 id="parts-h">{t("event.parts")}</h2>
        {parts.length === 0 ? (
          <p class="empty">{t("event.noParts")}</p>
        ) : (
          <ol>
            {parts.map((p) => (
              <li>
                {p.title} <span class="tag">{t(`event.part.${p.kind}`)}</span>
              </li>
            ))}
          </ol>
        )}
        <ErrorSummary t={t} errors={at("part").error?.fields} code={at("part").error?.code} />
        <Form ctx={ctx} action={`${base}/parts`} class="inline-fields">
          <SelectField t={t} name="partKind" label={t("event.partKind")} values={at("part").values} options={EVENT_PART_KINDS.map((k) => [k, t(`event.part.${k}`)])} />
          <TextField t={t} name="partTitle" label={t("event.partTitle")} values={at("part").values} errors={at("part").error?.fields} required maxLength={300} />
          <button class="button button-secondary">{t("event.addPart")}</button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="outcomes-h">
        <h2 id="outcomes-h">{t("event.outcomes")}</h2>
        {outcomes.length === 0 ? (
          <p class="empty">{t("event.noOutcomes")}</p>
        ) : (
          <ul class="outcomes">
            {outcomes.map((o) => (
              <li id={`outcome-${o.id}`} class="outcome">
                <p>
                  <span class={`tag tag-${o.kind}`}>{t(`outcome.kind.${o.kind}`)}</span> {partName(o.partId) && <span class="muted">{partName(o.partId)} · </span>}
                  {o.producedBy && <span class="muted">{o.producedBy}</span>}
                </p>
                <p>{textIn(o.texts, lang)}</p>
                {o.technologySlugs.length > 0 && <p class="small muted">{o.technologySlugs.map((s) => techName(technologies, s, lang)).join(", ")}</p>}
                {o.recommendations.length > 0 && (
                  <p class="small">
                    {t("outcome.feeds")}{" "}
                    {o.recommendations.map((r, i) => (
                      <>
                        {i > 0 && ", "}
                        <a href={`/editor/recommendations/${r.id}`}>{r.slug}</a>
                      </>
                    ))}
                  </p>
                )}
                {o.kind === "recommendation" && (
                  <details>
                    <summary>{t("outcome.toRegister")}</summary>
                    <Form ctx={ctx} action={`/editor/outcomes/${o.id}/recommendation`} class="inline-fields">
                      <div class="field">
                        <label for={`new-${o.id}`}>{t("outcome.newSlug")}</label>
                        <input id={`new-${o.id}`} name="slug" class="input input-medium" pattern="[a-z0-9][a-z0-9\-]{0,59}" />
                      </div>
                      <div class="field">
                        <label for={`existing-${o.id}`}>{t("outcome.orExisting")}</label>
                        <select id={`existing-${o.id}`} name="recommendationId" class="input">
                          <option value="">—</option>
                          {register
                            .filter((r) => r.status !== "retired")
                            .map((r) => (
                              <option value={r.id}>{r.slug}</option>
                            ))}
                        </select>
                      </div>
                      <button class="button button-small">{t("outcome.addToRegister")}</button>
                    </Form>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
        <details class="subpanel" open={props.form === "outcome"}>
          <summary>{t("event.addOutcome")}</summary>
          <ErrorSummary t={t} errors={at("outcome").error?.fields} code={at("outcome").error?.code} />
          <Form ctx={ctx} action={`${base}/outcomes`} class="stack form-wide">
            <SelectField t={t} name="outcomeKind" label={t("outcome.kind")} values={at("outcome").values} options={OUTCOME_KINDS.map((k) => [k, t(`outcome.kind.${k}`)])} />
            <SelectField t={t} name="partId" label={t("outcome.part")} values={at("outcome").values} errors={at("outcome").error?.fields} empty={t("outcome.wholeEvent")} options={parts.map((p) => [p.id, p.title])} />
            <TextsFields ctx={ctx} prefix="text" label={t("outcome.text")} values={at("outcome").values} error={at("outcome").error} />
            <TextField t={t} name="producedBy" label={t("outcome.producedBy")} hint={t("outcome.producedByHint")} values={at("outcome").values} optional maxLength={300} />
            <CheckboxGroup t={t} name="technologies" legend={t("outcome.technologies")} options={technologies.map((x) => [x.slug, x.names[lang] ?? x.names.en])} checked={[at("outcome").values?.technologies ?? []].flat().map(String)} />
            <button class="button">{t("event.addOutcome")}</button>
          </Form>
        </details>
      </section>

      <section class="panel" aria-labelledby="docs-h">
        <h2 id="docs-h">{t("event.documents")}</h2>
        {documents.length === 0 ? (
          <p class="empty">{t("event.noDocuments")}</p>
        ) : (
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
        )}
        <ErrorSummary t={t} errors={at("document").error?.fields} code={at("document").error?.code} />
        <form method="post" action={`${base}/documents`} enctype="multipart/form-data" class="stack form-wide">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <div class="inline-fields">
            <TextField t={t} name="docCode" label={t("event.docCode")} hint={t("event.docCodeHint")} values={at("document").values} errors={at("document").error?.fields} required size="medium" maxLength={80} />
            <TextField t={t} name="docTitle" label={t("event.docTitle")} values={at("document").values} errors={at("document").error?.fields} required maxLength={300} />
          </div>
          <div class="field">
            <label for="f-docFile">
              {t("event.docFile")} <span class="optional">({t("common.optional")})</span>
            </label>
            <input id="f-docFile" type="file" name="file" class="input" />
          </div>
          <button class="button button-secondary">{t("event.addDocument")}</button>
        </form>
      </section>

      <details class="panel" open={props.form === "event"}>
        <summary>{t("event.edit")}</summary>
        <ErrorSummary t={t} errors={eventForm.error?.fields} code={eventForm.error?.code} />
        <Form ctx={ctx} action={base} class="stack form-wide">
          <EventFields ctx={ctx} regions={regions} values={eventForm.values ?? { ...event, online: event.online ? "1" : "", place: event.place ?? "", regionCode: event.regionCode ?? "" }} error={eventForm.error} />
          <button class="button">{t("common.save")}</button>
        </Form>
      </details>
    </Layout>
  );
}

// The recommendation register

const statusLabel = (ctx: PageContext, r: { status: string; editions?: string[] }) =>
  r.editions?.length ? `${ctx.t(`rec.status.${r.status}` as "rec.status.proposed")} · ${ctx.t("rec.inEdition", { label: r.editions.join(", ") })}` : ctx.t(`rec.status.${r.status}` as "rec.status.proposed");

export type RegisterFilter = { status?: string | undefined; technology?: string | undefined; theme?: string | undefined };

export function RegisterPage({ ctx, report, rows, technologies, filter, values, error }: { ctx: PageContext; report: ReportRow; rows: RegisterRow[]; technologies: TechnologyRow[]; filter: RegisterFilter; values?: FormValues; error?: AppError | undefined }) {
  const { t, lang } = ctx;
  const themes = [...new Set(rows.flatMap((r) => r.themes))].sort();
  const shown = rows.filter((r) => (!filter.status || r.status === filter.status) && (!filter.technology || r.technologySlugs.includes(filter.technology)) && (!filter.theme || r.themes.includes(filter.theme)));
  return (
    <Layout ctx={ctx} title={t("rec.title")} section="editor">
      <Breadcrumb ctx={ctx} report={report} />
      <h1>{t("rec.title")}</h1>
      <form method="get" class="inline-fields filters" role="search" aria-label={t("rec.filter")}>
        <SelectField t={t} name="status" label={t("rec.status")} values={filter} empty={t("common.all")} options={RECOMMENDATION_STATUSES.map((s) => [s, t(`rec.status.${s}`)])} />
        <SelectField t={t} name="technology" label={t("rec.technology")} values={filter} empty={t("common.all")} options={technologies.map((x) => [x.slug, x.names[lang] ?? x.names.en])} />
        <SelectField t={t} name="theme" label={t("rec.theme")} values={filter} empty={t("common.all")} options={themes.map((x) => [x, x])} />
        <button class="button button-secondary">{t("rec.applyFilter")}</button>
      </form>
      <p class="muted">{t("rec.count", { count: shown.length, total: rows.length })}</p>
      {shown.length === 0 ? (
        <p class="empty">{t("rec.none")}</p>
      ) : (
        <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("rec.ref")}</th>
              <th scope="col">{t("rec.text")}</th>
              <th scope="col">{t("rec.status")}</th>
              <th scope="col">{t("rec.sources")}</th>
              <th scope="col">{t("rec.sections")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr>
                <td>
                  <a href={`/editor/recommendations/${r.id}`}>{r.slug}</a>
                </td>
                <td>
                  {textIn(r.texts, lang)}
                  {r.themes.length > 0 && <div class="small muted">{r.themes.join(" · ")}</div>}
                </td>
                <td>{statusLabel(ctx, r)}</td>
                <td class="num">{r.sources}</td>
                <td class="num">{r.sections}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <details class="panel" open={Boolean(error)}>
        <summary>{t("rec.new")}</summary>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
        <Form ctx={ctx} action={`/editor/reports/${report.slug}/recommendations`} class="stack form-wide">
          <RecommendationFields ctx={ctx} technologies={technologies} values={values} error={error} withSlug />
          <button class="button">{t("common.create")}</button>
        </Form>
      </details>
    </Layout>
  );
}

function RecommendationFields({ ctx, technologies, values, error, withSlug }: { ctx: PageContext; technologies: TechnologyRow[]; values?: FormValues | undefined; error?: AppError | undefined; withSlug?: boolean }) {
  const { t, lang } = ctx;
  return (
    <>
      {withSlug && <TextField t={t} name="slug" label={t("rec.ref")} hint={t("rec.refHint")} values={values} errors={error?.fields} required size="medium" />}
      <TextsFields ctx={ctx} prefix="text" label={t("rec.text")} values={values} error={error} />
      <SelectField t={t} name="status" label={t("rec.status")} values={values ?? { status: "proposed" }} options={RECOMMENDATION_STATUSES.map((s) => [s, t(`rec.status.${s}`)])} />
      <TextField t={t} name="statusNote" label={t("rec.statusNote")} values={values} optional maxLength={500} />
      <TextField t={t} name="themes" label={t("rec.themes")} hint={t("rec.themesHint")} values={values} optional maxLength={500} />
      <CheckboxGroup t={t} name="technologies" legend={t("rec.technologies")} options={technologies.map((x) => [x.id, x.names[lang] ?? x.names.en])} checked={[values?.technologies ?? []].flat().map(String)} />
    </>
  );
}

export type SourceView = { outcome: OutcomeRow; event: { id: string; slug: string; title: string; kind: string; startsOn: string }; part: { id: string; title: string; kind: string } | null };
/** Where a recommendation stands (sections that place it, editions that pinned it): the provenance feature reads it. */
export type ReflectedIn = {
  sections: { sectionId: string; sectionSlug: string; heading: string | null; chapterSlug: string; chapterTitles: Record<string, string> }[];
  editions: { id: string; label: string; status: EditionStatus; editionDate: string }[];
};

export function RecommendationPage(props: {
  ctx: PageContext;
  report: ReportRow;
  rec: RecommendationRow;
  mergedInto: RecommendationRow | undefined;
  sources: SourceView[];
  reflected: ReflectedIn;
  others: RecommendationRow[];
  technologies: TechnologyRow[];
  values: FormValues;
  error?: AppError | undefined;
}) {
  const { ctx, report, rec, sources, reflected } = props;
  const { t, lang } = ctx;
  const published = reflected.editions.filter((e) => e.status === "published").map((e) => e.label);
  return (
    <Layout ctx={ctx} title={rec.slug} section="editor">
      <Breadcrumb ctx={ctx} report={report}>
        <a href={`/editor/reports/${report.slug}/recommendations`}>{t("rec.title")}</a>
      </Breadcrumb>
      <h1>
        {t("content.recommendationLabel")}: <code>{rec.slug}</code>
      </h1>
      <p class="lead">{textIn(rec.texts, lang)}</p>
      <p>
        <span class="tag">{statusLabel(ctx, { status: rec.status, editions: published })}</span>
        {props.mergedInto && (
          <>
            {" "}
            {t("rec.mergedInto")} <a href={`/editor/recommendations/${props.mergedInto.id}`}>{props.mergedInto.slug}</a>
          </>
        )}
      </p>
      <p class="small muted">
        {t("rec.placeHint")} <code>{`::recommendation{ref=${rec.slug}}`}</code>
      </p>
      <div class="two-columns">
        <section class="panel" aria-labelledby="sources-h">
          <h2 id="sources-h">{t("rec.sources")}</h2>
          {sources.length === 0 ? (
            <p class="empty">{t("rec.noSources")}</p>
          ) : (
            <ul>
              {sources.map((s) => (
                <li>
                  <a href={`/editor/events/${s.event.id}#outcome-${s.outcome.id}`}>{s.event.title}</a> (<DateTime value={s.event.startsOn} lang={lang} />){s.part && <> · {s.part.title}</>}
                  <br />
                  <span class="small">{textIn(s.outcome.texts, lang)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="panel" aria-labelledby="reflected-h">
          <h2 id="reflected-h">{t("rec.reflectedIn")}</h2>
          {reflected.sections.length === 0 && reflected.editions.length === 0 ? (
            <p class="empty">{t("rec.notPlaced")}</p>
          ) : (
            <ul class="reflected">
              {reflected.sections.map((s) => (
                <li>
                  <a href={`/editor/sections/${s.sectionId}/${report.languages[0] ?? "en"}`}>
                    {s.chapterTitles[lang] ?? s.chapterTitles.en} › {s.heading ?? s.sectionSlug}
                  </a>{" "}
                  <span class="muted small">({t("rec.livingDraft")})</span>
                </li>
              ))}
              {reflected.editions.map((e) => (
                <li>
                  {t("rec.edition", { label: e.label })} <span class="muted small">({t(`edition.status.${e.status}` as "edition.status.draft")})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <details class="panel" open={Boolean(props.error)}>
        <summary>{t("rec.edit")}</summary>
        <ErrorSummary t={t} errors={props.error?.fields} code={props.error?.code} />
        <Form ctx={ctx} action={`/editor/recommendations/${rec.id}`} class="stack form-wide">
          <RecommendationFields ctx={ctx} technologies={props.technologies} values={props.values} error={props.error} />
          <button class="button">{t("common.save")}</button>
        </Form>
      </details>
      {rec.status !== "retired" && props.others.length > 0 && (
        <details class="panel">
          <summary>{t("rec.merge")}</summary>
          <p class="hint">{t("rec.mergeHint")}</p>
          <Form ctx={ctx} action={`/editor/recommendations/${rec.id}/merge`} class="inline-fields">
            <SelectField t={t} name="other" label={t("rec.mergeWhich")} options={props.others.map((o) => [o.id, `${o.slug}: ${textIn(o.texts, lang).slice(0, 80)}`])} required />
            <button class="button button-secondary">{t("rec.mergeButton")}</button>
          </Form>
        </details>
      )}
    </Layout>
  );
}
