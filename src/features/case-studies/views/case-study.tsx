import { RETIRE_REASONS, type CaseStudyState } from "#src/domain/case-studies.ts";
import type { CaseStudyRow, FileInfo, listEvents, listVersions, SimilarRow, VersionRow } from "#src/features/case-studies/repository.ts";
import { CaseStudyFacts, CaseStudyText, FileList, StateTag } from "#src/features/case-studies/views/parts.tsx";
import { can, isSecretariat, moveAction } from "#src/access/index.ts";
import type { DiffPart } from "#src/lib/merge.ts";
import type { TechnologyRow } from "#src/features/catalog/repository.ts";
import { InlineDiff } from "#src/web/diff.tsx";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary, Form, SelectField, TextAreaField, TextField } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

export type CaseStudyView = {
  caseStudy: CaseStudyRow;
  version: VersionRow;
  technologies: TechnologyRow[];
  organization: string;
  region: string | undefined;
  files: FileInfo[];
  events: Awaited<ReturnType<typeof listEvents>>;
  versions: Awaited<ReturnType<typeof listVersions>>;
  similar: SimilarRow[];
  supersededBy: CaseStudyRow | undefined;
};

type Props = CaseStudyView & { ctx: PageContext; mayEdit: boolean; uploadLimitMb: number; error?: AppError | undefined; openMove?: CaseStudyState | undefined };

const MOVE_ORDER: Exclude<CaseStudyState, "draft">[] = ["submitted", "in_review", "accepted", "published", "changes_requested", "retired"];

/** One case study as its organization and the secretariat see it: content, state, history, actions. */
export function CaseStudyPage(props: Props) {
  const { ctx, caseStudy: cs, version, files, events, versions, similar, mayEdit, error } = props;
  const { t, lang, user } = ctx;
  const isEditor = isSecretariat(user);
  const moves = MOVE_ORDER.filter((to) => {
    const action = moveAction(cs.state, to);
    return action !== undefined && can(user, action, { kind: "case-study", caseStudy: cs });
  });
  const base = `/member/case-studies/${cs.id}`;
  return (
    <Layout ctx={ctx} title={cs.title} section="member">
      <p class="breadcrumb">
        <a href="/member">{t("member.title")}</a>
        {isEditor && (
          <>
            {" · "}
            <a href="/editor/case-studies">{t("cs.queue")}</a>
          </>
        )}
      </p>
      <div class="page-head">
        <h1>{cs.title}</h1>
        <StateTag t={t} state={cs.state} />
      </div>
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
      {cs.stateMessage && (cs.state === "changes_requested" || cs.state === "retired") && (
        <div class="notice" role="note">
          <p>
            <strong>{t("cs.messageFromSecretariat")}</strong>
          </p>
          <p class="pre-wrap">{cs.stateMessage}</p>
        </div>
      )}
      {cs.state === "retired" && cs.retiredReason && (
        <p class="notice">
          {t(`cs.retired.${cs.retiredReason}`)}
          {props.supersededBy && (
            <>
              {" "}
              <a href={`/member/case-studies/${props.supersededBy.id}`}>{props.supersededBy.title}</a>
            </>
          )}
        </p>
      )}
      {cs.state === "published" && (
        <p>
          <a href={`/case-studies/${cs.slug}`}>{t("cs.publicPage")}</a>
        </p>
      )}
      <div class="toolbar">
        {mayEdit && (
          <a class="button" href={`${base}/edit`}>
            {t("cs.edit")}
          </a>
        )}
        {cs.submittedVersionId && cs.currentVersionId !== cs.submittedVersionId && (
          <a class="button button-secondary" href={`${base}/compare`}>
            {t("cs.compareWithSubmission")}
          </a>
        )}
      </div>

      {similar.length > 0 && (
        <section class="panel similar" aria-labelledby="similar-title">
          <h2 id="similar-title">{t("cs.similarTitle")}</h2>
          <p>{isEditor ? t("cs.similarEditor") : t("cs.similarContributor")}</p>
          <ul class="plain-list">
            {similar.map((s) => (
              <li>
                {isEditor || s.state === "published" ? <a href={isEditor ? `/member/case-studies/${s.id}` : `/case-studies/${s.slug}`}>{s.title}</a> : s.title} <span class="muted small">
                  · {s.organization} · <StateTag t={t} state={s.state} /> · {t("cs.similarity", { percent: Math.round(s.similarity * 100) })}
                  {s.sameOrganization && ` · ${t("cs.sameOrganization")}`}
                  {s.sameTechnology && ` · ${t("cs.sameTechnology")}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {moves.length > 0 && (
        <section class="panel" aria-labelledby="moves-title">
          <h2 id="moves-title">{t("cs.nextSteps")}</h2>
          <div class="stack">
            {moves.map((to) => (
              <MoveForm ctx={ctx} id={cs.id} from={cs.state} to={to} error={props.openMove === to ? error : undefined} />
            ))}
          </div>
        </section>
      )}

      <div class="columns">
        <section aria-labelledby="facts-title">
          <h2 id="facts-title" class="visually-hidden">
            {t("cs.facts")}
          </h2>
          <CaseStudyFacts ctx={ctx} fields={version.fields} technologies={props.technologies} organization={props.organization} region={props.region} />
        </section>
        <section aria-labelledby="files-title">
          <h2 id="files-title">{t("cs.files")}</h2>
          <FileList ctx={ctx} files={files} href={(f) => `/files/case-studies/${f.id}`} />
          {mayEdit && (
            <form method="post" action={`${base}/files`} enctype="multipart/form-data" class="stack">
              <input type="hidden" name="_csrf" value={ctx.csrf} />
              <div class="field">
                <label for="f-attachment">{t("cs.addAttachment")}</label>
                <p class="hint" id="h-attachment">
                  {t("cs.attachmentHint", { limit: props.uploadLimitMb })}
                </p>
                <input type="file" id="f-attachment" name="attachment" accept="application/pdf,image/png,image/jpeg,image/gif,image/webp" aria-describedby="h-attachment" required />
              </div>
              <button type="submit" class="button button-secondary button-small">
                {t("cs.upload")}
              </button>
            </form>
          )}
          {mayEdit &&
            files
              .filter((f) => f.kind === "attachment")
              .map((f) => (
                <Form ctx={ctx} action={`${base}/files/${f.id}/remove`} class="inline-form">
                  <button type="submit" class="link-button link-danger small">
                    {t("cs.removeFile", { name: f.filename })}
                  </button>
                </Form>
              ))}
        </section>
      </div>

      <CaseStudyText ctx={ctx} fields={version.fields} idPrefix={`cs-${cs.slug}`} />
      {version.fields.contact && (
        <section>
          <h2>{t("cs.contact")}</h2>
          <p class="pre-wrap">{version.fields.contact}</p>
        </section>
      )}

      <div class="columns">
        <section aria-labelledby="events-title">
          <h2 id="events-title">{t("cs.history")}</h2>
          <ol class="timeline">
            {events.map((e) => (
              <li>
                <DateTime value={e.createdAt} lang={lang} withTime /> · {e.actor ?? t("common.system")}: <StateTag t={t} state={e.toState as CaseStudyState} />
                {e.message && <p class="pre-wrap small">{e.message}</p>}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t("cs.versions")}</h2>
          <ol class="timeline">
            {versions.map((v) => (
              <li>
                {t("cs.versionN", { n: v.number })} · <DateTime value={v.createdAt} lang={lang} withTime /> · {v.author ?? t("common.system")} · {t(`cs.note.${v.note}` as "cs.note.draft")}
                {v.id !== cs.currentVersionId && (
                  <>
                    {" · "}
                    <a href={`${base}/compare?from=${v.id}&to=${cs.currentVersionId}`}>{t("cs.compareWithCurrent")}</a>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </Layout>
  );
}

/** One possible move, as a small form (with a message box or a reason where the move needs one). */
function MoveForm({ ctx, id, from, to, error }: { ctx: PageContext; id: string; from: CaseStudyState; to: Exclude<CaseStudyState, "draft">; error: AppError | undefined }) {
  const { t } = ctx;
  const withMessage = to === "changes_requested" || to === "retired";
  const button = (
    <button type="submit" class={to === "retired" ? "button button-danger" : to === "changes_requested" ? "button button-secondary" : "button"}>
      {t(`cs.move.${to}`)}
    </button>
  );
  if (!withMessage)
    return (
      <Form ctx={ctx} action={`/member/case-studies/${id}/move`} class="inline-form">
        <input type="hidden" name="from" value={from} />
        <input type="hidden" name="to" value={to} />
        {button} <span class="muted small">{t(`cs.moveHint.${to}`)}</span>
      </Form>
    );
  return (
    <details class="panel" open={Boolean(error)}>
      <summary>{t(`cs.move.${to}`)}</summary>
      <Form ctx={ctx} action={`/member/case-studies/${id}/move`} class="stack">
        <input type="hidden" name="from" value={from} />
        <input type="hidden" name="to" value={to} />
        {to === "retired" && (
          <>
            <SelectField t={t} name="reason" label={t("cs.retireReason")} errors={error?.fields} empty={t("cs.chooseReason")} options={RETIRE_REASONS.map((r) => [r, t(`cs.reason.${r}`)])} />
            <TextField t={t} name="supersededBy" label={t("cs.supersededBy")} hint={t("cs.supersededByHint")} errors={error?.fields} optional />
          </>
        )}
        <TextAreaField t={t} name="message" label={t("cs.messageToOrganization")} errors={error?.fields} optional={to !== "changes_requested"} rows={4} />
        {button}
      </Form>
    </details>
  );
}

/** What changed between two versions, field by field. */
export function CaseStudyComparePage(props: { ctx: PageContext; caseStudy: CaseStudyRow; from: VersionRow; to: VersionRow; diffs: { field: string; parts: DiffPart[] }[] }) {
  const { ctx, caseStudy: cs, from, to, diffs } = props;
  const { t } = ctx;
  const changed = diffs.filter((d) => d.parts.some((p) => p.added || p.removed));
  return (
    <Layout ctx={ctx} title={t("cs.compareTitle", { title: cs.title })} section="member">
      <p class="breadcrumb">
        <a href="/member">{t("member.title")}</a> › <a href={`/member/case-studies/${cs.id}`}>{cs.title}</a>
      </p>
      <h1>{t("cs.compareTitle", { title: cs.title })}</h1>
      <p class="lead">{t("cs.compareLead", { from: from.number, to: to.number })}</p>
      {changed.length === 0 && <p class="muted">{t("diff.none")}</p>}
      {changed.map((d) => (
        <section class="field-diff">
          <h3>{t(`cs.diffField.${d.field}` as "cs.diffField.title")}</h3>
          <InlineDiff ctx={ctx} parts={d.parts} />
        </section>
      ))}
    </Layout>
  );
}
