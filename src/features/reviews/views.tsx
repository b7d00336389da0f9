import { reportTitle, type Language } from "#src/domain/languages.ts";
import { can } from "#src/access/index.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";
import type { ReportRow, TechnologyRow } from "#src/features/catalog/repository.ts";
import { ReviewDownload } from "#src/features/reviews/review-file-views.tsx";
import { DISPOSITIONS, ROUND_VISIBILITIES } from "#src/domain/reviews.ts";
import type { RoundChapter } from "#src/features/reviews/read.ts";
import { applicableRevisions } from "#src/features/reviews/dispositions.ts";
import { InvitePicker, type Invitable, type RegionRow } from "#src/features/reviews/picker.tsx";
import type { CommentView, ProposalView, RevisionChoice, RoundRow } from "#src/features/reviews/repository.ts";
import { SUGGESTION_CHANGES } from "#src/features/reviews/schemas.ts";
import type { ShownSuggestion } from "#src/features/reviews/suggestion-service.ts";
import { MAX_REPLACEMENT_CHARS } from "#src/domain/review-suggestions.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import { isMessageKey, LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import type { AppError } from "#src/lib/errors.ts";
import { assetUrl } from "#src/web/assets.ts";
import { CheckboxGroup, DateTime, ErrorSummary, Form, SelectField, TextAreaField, TextField, valueOf, type FormValues } from "#src/web/components.tsx";
import type { ComponentChildren } from "preact";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Org = { id: string; name: string };

/** A moment as the pages write it (see DateTime), as plain text: for option labels and messages. */
export const formatDateTime = (value: Date, lang: Language) => `${new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(value)} UTC`;

function RoundStatus({ ctx, round }: { ctx: PageContext; round: RoundRow }) {
  const { t, lang } = ctx;
  return (
    <p>
      <span class={round.status === "open" ? "tag tag-ok" : "tag tag-muted"}>{t(`review.status.${round.status}`)}</span> <DateTime value={round.opensOn} lang={lang} /> – <DateTime value={round.closesOn} lang={lang} /> ·{" "}
      {t(`review.visibility.${round.visibility}`)}
    </p>
  );
}

export function RoundsPage(props: {
  ctx: PageContext;
  report: ReportRow;
  rounds: { round: RoundRow; editionLabel: string | null; comments: number; open: number }[];
  editions: EditionRow[];
  organizations: Invitable[];
  regions: RegionRow[];
  values?: FormValues | undefined;
  error?: AppError | undefined;
  /** A region just ticked by its button (the picker without JavaScript). */
  added?: { region: string; count: number } | undefined;
}) {
  const { ctx, report, rounds, editions, organizations, values, error } = props;
  const { t, lang } = ctx;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Layout ctx={ctx} title={t("review.title")} section="editor" head={<script src={assetUrl("invite.js")} defer />}>
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href={`/editor/reports/${report.slug}`}>{reportTitle(report, ctx.lang)}</a>
      </p>
      <h1>{t("review.title")}</h1>
      {rounds.length === 0 ? (
        <p class="empty">{t("review.none")}</p>
      ) : (
        <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("review.roundTitle")}</th>
              <th scope="col">{t("review.target")}</th>
              <th scope="col">{t("review.closesOn")}</th>
              <th scope="col">{t("review.status")}</th>
              <th scope="col">{t("review.comments")}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map(({ round, editionLabel, comments, open }) => (
              <tr>
                <td>
                  <a href={`/editor/reviews/${round.id}`}>{round.title}</a>
                </td>
                <td>{editionLabel ? t("rec.edition", { label: editionLabel }) : t("rec.livingDraft")}</td>
                <td>
                  <DateTime value={round.closesOn} lang={lang} />
                </td>
                <td>{t(`review.status.${round.status}`)}</td>
                <td class="num">{open ? t("review.openOf", { open, total: comments }) : comments}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <details class="panel" open={Boolean(error || values)}>
        <summary>{t("review.new")}</summary>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
        <Form ctx={ctx} action={`/editor/reports/${report.slug}/reviews`} class="stack round-form">
          {/* The form's default button (Enter in a field): opening the round, not the first region button of the picker. */}
          <button class="visually-hidden" tabindex={-1} aria-hidden="true">
            {t("review.open")}
          </button>
          <TextField t={t} name="title" label={t("review.roundTitle")} values={values} errors={error?.fields} required maxLength={300} />
          <SelectField
            t={t}
            name="editionId"
            label={t("review.target")}
            values={values}
            errors={error?.fields}
            empty={t("rec.livingDraft")}
            options={editions.filter((e) => e.status === "draft" || e.status === "in_review").map((e) => [e.id, `${t("rec.edition", { label: e.label })} (${t(`edition.status.${e.status}` as "edition.status.draft")})`])}
          />
          <div class="inline-fields">
            <TextField t={t} name="opensOn" type="date" label={t("review.opensOn")} values={values ?? { opensOn: today }} errors={error?.fields} required size="medium" />
            <TextField t={t} name="closesOn" type="date" label={t("review.closesOn")} values={values} errors={error?.fields} required size="medium" />
          </div>
          <SelectField t={t} name="visibility" label={t("review.visibility")} hint={t("review.visibilityHint")} values={values} options={ROUND_VISIBILITIES.map((v) => [v, t(`review.visibility.${v}`)])} />
          <TextAreaField t={t} name="instructions" label={t("review.instructions")} values={values} optional rows={3} maxLength={4000} />
          <InvitePicker t={t} lang={lang} regions={props.regions} organizations={organizations} checked={[values?.organizationIds ?? []].flat().map(String)} errors={error?.fields} added={props.added} />
          <button class="button">{t("review.open")}</button>
        </Form>
      </details>
    </Layout>
  );
}

function Quote({ text }: { text: string | null }) {
  return text ? <blockquote class="quote">{text}</blockquote> : null;
}

/** A suggested change as it reads: the words around it, what goes (struck) and what comes (underlined). */
function SuggestionChange({ ctx, comment, shown }: { ctx: PageContext; comment: CommentView; shown: ShownSuggestion }) {
  const { t } = ctx;
  return (
    <div class="suggestion">
      <p class="suggestion-kind">
        <strong>{t(`suggestion.kind.${shown.kind}`)}</strong>
        {shown.stale && !comment.disposition && (
          <>
            {" "}
            <span class="tag tag-outOfDate" title={t("suggestion.staleHint")}>
              {t("suggestion.stale")}
            </span>
          </>
        )}
      </p>
      <p class="suggestion-text">
        {shown.before && <span class="suggestion-context">…{shown.before}</span>}
        {shown.removed && (
          <del>
            <span class="visually-hidden">[{t("suggestion.removed")}: </span>
            {shown.removed}
            <span class="visually-hidden">]</span>
          </del>
        )}
        {shown.added && (
          <ins>
            <span class="visually-hidden">[{t("suggestion.added")}: </span>
            {shown.added}
            <span class="visually-hidden">]</span>
          </ins>
        )}
        {shown.after && <span class="suggestion-context">{shown.after}…</span>}
      </p>
      {comment.wordAuthor && <p class="small muted">{t("suggestion.wordAuthor", { author: comment.wordAuthor })}</p>}
    </div>
  );
}

function Thread({ ctx, comment, replies, shown }: { ctx: PageContext; comment: CommentView; replies: CommentView[]; shown?: ShownSuggestion | undefined }) {
  const { t, lang } = ctx;
  return (
    <>
      <p class="comment-meta">
        <strong>{comment.authorName}</strong> · {comment.organizationName ?? t("review.secretariat")} · <DateTime value={comment.createdAt} lang={lang} withTime />
      </p>
      {shown ? <SuggestionChange ctx={ctx} comment={comment} shown={shown} /> : <Quote text={comment.quote} />}
      {!shown && comment.wordAuthor && <p class="small muted">{t("suggestion.wordAuthor", { author: comment.wordAuthor })}</p>}
      {comment.importId && ctx.user && (ctx.user.id === comment.authorId || roleAtLeast(ctx.user.role, "editor")) && (
        // The file as it was sent, for its uploader and the secretariat (the route decides the same).
        <p class="small">
          <a href={`/reviews/${comment.roundId}/imports/${comment.importId}/file`}>{t("suggestion.wordFile")}</a>
        </p>
      )}
      {comment.body && <p class="comment-body">{comment.body}</p>}
      {replies.length > 0 && (
        <ul class="replies">
          {replies.map((r) => (
            <li>
              <p class="comment-meta">
                <strong>{r.authorName}</strong> · {r.organizationName ?? t("review.secretariat")} · <DateTime value={r.createdAt} lang={lang} withTime />
              </p>
              <p class="comment-body">{r.body}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A revision as the disposition's list names it: when, who, why, its language when not the commented one, and whether it is current. */
function revisionLabel(ctx: PageContext, revision: RevisionChoice, commentLanguage: string | undefined) {
  const { t, lang } = ctx;
  const summary = revision.summary ? (revision.summary.length > 80 ? `${revision.summary.slice(0, 79)}…` : revision.summary) : t("review.noSummary");
  const parts = [formatDateTime(revision.createdAt, lang), revision.authorName ?? "—", summary];
  if (commentLanguage && revision.language !== commentLanguage) parts.push(LANGUAGE_NAMES[revision.language as Language] ?? revision.language);
  return `${parts.join(" · ")}${revision.current ? ` (${t("review.currentRevision")})` : ""}`;
}

/**
 * The secretariat's answer to one comment: the disposition, the reason, and the revision that
 * applied it, chosen among the section's revisions saved since the comment (the server checks the same).
 */
function DispositionForm({ ctx, comment: c, revisions, error, values }: { ctx: PageContext; comment: CommentView; revisions: RevisionChoice[]; error?: AppError | undefined; values?: FormValues | undefined }) {
  const { t } = ctx;
  const fields = error?.fields ?? {};
  // The comment in error takes the form's ids, so that the error summary's links reach its fields.
  const id = (name: string, prefix: string) => (error ? `f-${name}` : `${prefix}-${c.id}`);
  // The revision already recorded stays offered even if it no longer meets the rule (the server keeps accepting it).
  const kept = c.appliedRevisionId === null ? undefined : revisions.find((r) => r.id === c.appliedRevisionId);
  const applicable = applicableRevisions(c, revisions);
  const choices = kept && !applicable.includes(kept) ? [...applicable, kept] : applicable;
  const commented = revisions.find((r) => r.id === c.revisionId)?.language;
  const disposition = values ? valueOf(values, "disposition") : (c.disposition ?? "");
  const applied = values ? valueOf(values, "appliedRevisionId") : c.appliedRevisionId ? String(c.appliedRevisionId) : "";
  const appliedRevision = c.appliedRevisionId ? revisions.find((r) => r.id === c.appliedRevisionId) : undefined;
  const hint = `vh-${c.id}`;
  const message = (name: string) =>
    fields[name] && (
      <p class="error-message" id={`e-${name}`}>
        {isMessageKey(fields[name]) ? t(fields[name]) : t("field.invalid")}
      </p>
    );
  return (
    <>
      {c.disposition && (
        <p class="disposition-recorded">
          <strong>{t(`review.disposition.${c.disposition}`)}</strong>
          {c.reason && <> — {c.reason}</>}
          {appliedRevision && <> · {t("review.appliedIn", { date: formatDateTime(appliedRevision.createdAt, ctx.lang) })}</>}
        </p>
      )}
      <Form ctx={ctx} action={`/editor/review-comments/${c.id}/disposition`} class="disposition-form">
        <div class="field">
          <label for={id("disposition", "d")}>{t("review.disposition")}</label>
          {message("disposition")}
          <select id={id("disposition", "d")} name="disposition" class="input" required aria-invalid={fields.disposition ? "true" : undefined} aria-describedby={fields.disposition ? "e-disposition" : undefined}>
            <option value="">—</option>
            {DISPOSITIONS.map((d) => (
              <option value={d} selected={disposition === d}>
                {t(`review.disposition.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id("appliedRevisionId", "v")}>{t("review.appliedRevision")}</label>
          {message("appliedRevisionId")}
          <select
            id={id("appliedRevisionId", "v")}
            name="appliedRevisionId"
            class="input"
            aria-describedby={[fields.appliedRevisionId ? "e-appliedRevisionId" : "", hint].filter(Boolean).join(" ")}
            aria-invalid={fields.appliedRevisionId ? "true" : undefined}
          >
            <option value="">{t("review.noRevision")}</option>
            {choices.map((r) => (
              <option value={String(r.id)} selected={applied === String(r.id)}>
                {revisionLabel(ctx, r, commented)}
              </option>
            ))}
            {c.appliedRevisionId !== null && !kept && (
              <option value={String(c.appliedRevisionId)} selected={applied === String(c.appliedRevisionId)}>
                #{c.appliedRevisionId}
              </option>
            )}
          </select>
          <p class="hint" id={hint}>
            {choices.length ? t("review.appliedRevisionHint") : t("review.noRevisionYet")}
          </p>
        </div>
        <div class="field field-wide">
          <label for={id("reason", "r")}>{t("review.reason")}</label>
          {message("reason")}
          <input id={id("reason", "r")} name="reason" class="input" value={values ? valueOf(values, "reason") : (c.reason ?? "")} maxLength={2000} aria-invalid={fields.reason ? "true" : undefined} aria-describedby={fields.reason ? "e-reason" : undefined} />
        </div>
        <div class="disposition-submit">
          <button class="button button-small">{t("review.record")}</button>
        </div>
      </Form>
    </>
  );
}

/** Accept, edit and accept, or reject a suggested change (the disposition form below stays for anything else). */
function SuggestionActions({ ctx, comment: c, error, values }: { ctx: PageContext; comment: CommentView; error?: AppError | undefined; values?: FormValues | undefined }) {
  const { t } = ctx;
  const fields = error?.fields ?? {};
  const message = (name: string) =>
    fields[name] && (
      <p class="error-message" id={`e-${name}-${c.id}`}>
        {isMessageKey(fields[name]) ? t(fields[name]) : t("field.invalid")}
      </p>
    );
  const invalid = (name: string) => (fields[name] ? { "aria-invalid": "true" as const, "aria-describedby": `e-${name}-${c.id}` } : {});
  return (
    <div class="suggestion-actions">
      <Form ctx={ctx} action={`/editor/review-comments/${c.id}/accept`}>
        <button class="button button-small">{t("suggestion.accept")}</button>
      </Form>
      <details open={Boolean(fields.replacement)}>
        <summary>{t("suggestion.editAccept")}</summary>
        <Form ctx={ctx} action={`/editor/review-comments/${c.id}/accept`} class="stack">
          <div class="field">
            <label for={`sr-${c.id}`}>{t("suggestion.editedText")}</label>
            {message("replacement")}
            <textarea id={`sr-${c.id}`} name="replacement" class="input" rows={3} maxLength={MAX_REPLACEMENT_CHARS} {...invalid("replacement")}>
              {values && typeof values.replacement === "string" ? values.replacement : (c.suggestion?.replacement ?? "")}
            </textarea>
          </div>
          <div class="field">
            <label for={`se-${c.id}`}>{t("suggestion.editReason")}</label>
            <input id={`se-${c.id}`} name="reason" class="input" maxLength={2000} />
          </div>
          <button class="button button-small">{t("suggestion.acceptEdited")}</button>
        </Form>
      </details>
      <details open={Boolean(fields.reason)}>
        <summary>{t("suggestion.reject")}</summary>
        <Form ctx={ctx} action={`/editor/review-comments/${c.id}/reject`} class="stack">
          <div class="field">
            <label for={`sj-${c.id}`}>{t("suggestion.rejectReason")}</label>
            {message("reason")}
            <input id={`sj-${c.id}`} name="reason" class="input" required maxLength={2000} {...invalid("reason")} />
          </div>
          <button class="button button-small button-secondary">{t("suggestion.rejectButton")}</button>
        </Form>
      </details>
    </div>
  );
}

/** The secretariat's page of a round: every comment by section, a disposition for each, closing, exports. */
export function RoundEditorPage(props: {
  ctx: PageContext;
  report: ReportRow;
  round: RoundRow;
  document: RoundChapter[];
  comments: CommentView[];
  /** The revisions of the commented sections, newest first (open rounds only). */
  revisions: RevisionChoice[];
  /** The suggested changes among the comments, by comment id. */
  suggestions?: Map<string, ShownSuggestion> | undefined;
  invited: Org[];
  organizations: Org[];
  error?: AppError | undefined;
  errorComment?: string | undefined;
  /** The form to upload a reviewed Word file, while the round is open. */
  uploadPanel?: ComponentChildren;
  values?: FormValues | undefined;
}) {
  const { ctx, report, round, document, comments, invited } = props;
  const { t } = ctx;
  const base = `/editor/reviews/${round.id}`;
  const top = comments.filter((c) => !c.parentId);
  const open = top.filter((c) => !c.disposition).length;
  return (
    <Layout ctx={ctx} title={round.title} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href={`/editor/reports/${report.slug}`}>{reportTitle(report, ctx.lang)}</a> › <a href={`/editor/reports/${report.slug}/reviews`}>{t("review.title")}</a>
      </p>
      <div class="page-head">
        <h1>{round.title}</h1>
        <div class="actions">
          <a class="button button-secondary" href={`/reviews/${round.id}`}>
            {t("review.membersView")}
          </a>
          <a class="button button-secondary" href={`${base}/matrix.xlsx`}>
            {t("review.matrixXlsx")}
          </a>
          <a class="button button-secondary" href={`${base}/matrix.docx`}>
            {t("review.matrixDocx")}
          </a>
        </div>
      </div>
      <RoundStatus ctx={ctx} round={round} />
      <details class="invited-list">
        <summary>{t("review.invitedCount", { count: invited.length })}</summary>
        <ul>
          {invited.map((o) => (
            <li>{o.name}</li>
          ))}
        </ul>
      </details>
      <p role="status">{t("review.progress", { open, total: top.length })}</p>
      <ReviewDownload ctx={ctx} roundId={round.id} languages={report.languages} chapters={document} />
      {props.uploadPanel}
      {props.error && !props.errorComment && <ErrorSummary t={t} errors={props.error.fields} code={props.error.code} />}
      {top.length === 0 && <p class="empty">{t("review.noComments")}</p>}
      {document.map((chapter) =>
        chapter.sections
          .filter((s) => top.some((c) => c.sectionId === s.id))
          .map((s) => (
            <section class="panel" aria-labelledby={`s-${s.id}`}>
              <h2 id={`s-${s.id}`}>
                {s.number} {s.heading}
              </h2>
              <ol class="comments">
                {top
                  .filter((c) => c.sectionId === s.id)
                  .map((c) => (
                    <li id={`comment-${c.id}`} class="comment">
                      <Thread ctx={ctx} comment={c} replies={comments.filter((r) => r.parentId === c.id)} shown={props.suggestions?.get(c.id)} />
                      {props.errorComment === c.id && <ErrorSummary t={t} errors={props.error?.fields} code={props.error?.code} />}
                      {props.errorComment === c.id && (props.error?.code === "SUGGESTION_NOT_FOUND" || props.error?.code === "SUGGESTION_AMBIGUOUS") && <p class="notice">{t("suggestion.byHand")}</p>}
                      {round.status === "open" && !c.disposition && c.suggestion && props.suggestions?.has(c.id) && (
                        <SuggestionActions ctx={ctx} comment={c} {...(props.errorComment === c.id ? { error: props.error, values: props.values } : {})} />
                      )}
                      {round.status === "open" ? (
                        <DispositionForm ctx={ctx} comment={c} revisions={props.revisions} {...(props.errorComment === c.id ? { error: props.error, values: props.values } : {})} />
                      ) : (
                        <p>
                          <strong>{c.disposition ? t(`review.disposition.${c.disposition}`) : t("review.noDisposition")}</strong>
                          {c.reason && <> — {c.reason}</>}
                        </p>
                      )}
                    </li>
                  ))}
              </ol>
            </section>
          )),
      )}
      {round.status === "open" && (
        <section class="panel" aria-labelledby="close-h">
          <h2 id="close-h">{t("review.close")}</h2>
          <Form ctx={ctx} action={`${base}/close`} class="stack">
            {open > 0 && (
              <label class="check">
                <input type="checkbox" name="force" value="1" /> {t("review.forceClose", { count: open })}
              </label>
            )}
            <button class="button">{t("review.closeButton")}</button>
          </Form>
        </section>
      )}
    </Layout>
  );
}

/** A round as an invited member sees it: the text, section by section, with comments and forms. */
export function RoundMemberPage(props: { ctx: PageContext; report: ReportRow; round: RoundRow; document: (Omit<RoundChapter, "sections"> & { sections: (RoundChapter["sections"][number] & { html: string })[] })[]; comments: CommentView[]; suggestions?: Map<string, ShownSuggestion> | undefined; mayComment: boolean; whyNot?: string | undefined; values?: FormValues | undefined; error?: AppError | undefined; errorSection?: string | undefined; uploadPanel?: ComponentChildren }) {
  const { ctx, report, round, document, comments, mayComment } = props;
  const { t } = ctx;
  const top = comments.filter((c) => !c.parentId);
  return (
    <Layout ctx={ctx} title={round.title} section="member" head={<script src={assetUrl("review.js")} defer />}>
      <p class="breadcrumb">
        <a href="/member">{t("nav.member")}</a>
      </p>
      <h1>{round.title}</h1>
      <p class="muted">{reportTitle(report, ctx.lang)}</p>
      <RoundStatus ctx={ctx} round={round} />
      {round.instructions && <p class="lead">{round.instructions}</p>}
      {mayComment ? <p class="hint">{t("review.howTo")}</p> : <p class="notice">{props.whyNot ?? t("review.readOnly")}</p>}
      <ReviewDownload ctx={ctx} roundId={round.id} languages={report.languages} chapters={document} />
      {mayComment && props.uploadPanel}
      {round.visibility === "secretariat" && round.status === "open" && <p class="small muted">{t("review.privateNote")}</p>}
      {document.map((chapter) => (
        <section aria-labelledby={`ch-${chapter.number}`}>
          <h2 id={`ch-${chapter.number}`}>
            {chapter.number} {chapter.title}
          </h2>
          {chapter.sections.map((s) => {
            const here = top.filter((c) => c.sectionId === s.id);
            return (
              <article class="review-section" id={`s-${s.id}`} aria-labelledby={`h-${s.id}`}>
                <h3 id={`h-${s.id}`}>
                  {s.number} {s.heading}
                </h3>
                <div class="prose" data-quote-source={`q-${s.id}`} lang={s.lang} dangerouslySetInnerHTML={{ __html: s.html }} />
                {here.length > 0 && (
                  <ol class="comments" aria-label={t("review.commentsOn", { section: s.number })}>
                    {here.map((c) => (
                      <li id={`comment-${c.id}`} class="comment">
                        <Thread ctx={ctx} comment={c} replies={comments.filter((r) => r.parentId === c.id)} shown={props.suggestions?.get(c.id)} />
                        {/* The author's own organization sees its disposition as soon as it is recorded (it is told by a notification). */}
                        {c.disposition && (round.status === "closed" || (c.organizationId !== null && c.organizationId === ctx.user?.organizationId)) && (
                          <p class="small disposition-recorded">
                            <strong>{c.suggestion ? t("suggestion.fate", { disposition: c.disposition }) : t(`review.disposition.${c.disposition}`)}</strong>
                            {c.reason && <> — {c.reason}</>}
                          </p>
                        )}
                        {mayComment && (
                          <details>
                            <summary>{t("review.reply")}</summary>
                            <Form ctx={ctx} action={`/reviews/${round.id}/comments`} class="stack">
                              <input type="hidden" name="sectionId" value={s.id} />
                              <input type="hidden" name="parentId" value={c.id} />
                              <label for={`reply-${c.id}`}>{t("review.yourReply")}</label>
                              <textarea id={`reply-${c.id}`} name="body" class="input" rows={2} required maxLength={8000} />
                              <button class="button button-small button-secondary">{t("review.sendReply")}</button>
                            </Form>
                          </details>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
                {mayComment && (
                  <details class="comment-form" open={props.errorSection === s.id}>
                    <summary>{t("review.commentOn", { section: s.number })}</summary>
                    {props.errorSection === s.id && <ErrorSummary t={t} errors={props.error?.fields} code={props.error?.code} />}
                    <Form ctx={ctx} action={`/reviews/${round.id}/comments`} class="stack">
                      <input type="hidden" name="sectionId" value={s.id} />
                      <div class="field">
                        <label for={`q-${s.id}`}>
                          {t("review.quote")} <span class="optional">({t("common.optional")})</span>
                        </label>
                        <p class="hint" id={`qh-${s.id}`}>
                          {t("review.quoteHint")}
                        </p>
                        {props.errorSection === s.id && props.error?.fields?.quote && (
                          <p class="error-message" id={`e-quote-${s.id}`}>
                            {isMessageKey(props.error.fields.quote) ? t(props.error.fields.quote) : t("field.invalid")}
                          </p>
                        )}
                        <textarea
                          id={`q-${s.id}`}
                          name="quote"
                          class="input"
                          rows={2}
                          maxLength={2000}
                          aria-describedby={[`qh-${s.id}`, props.errorSection === s.id && props.error?.fields?.quote ? `e-quote-${s.id}` : ""].filter(Boolean).join(" ")}
                          aria-invalid={props.errorSection === s.id && props.error?.fields?.quote ? "true" : undefined}
                        >
                          {props.errorSection === s.id ? String(props.values?.quote ?? "") : ""}
                        </textarea>
                      </div>
                      <SuggestFields ctx={ctx} sectionId={s.id} values={props.errorSection === s.id ? props.values : undefined} errors={props.errorSection === s.id ? props.error?.fields : undefined} />
                      <div class="field">
                        <label for={`c-${s.id}`}>{t("review.yourComment")}</label>
                        {props.errorSection === s.id && props.error?.fields?.body && (
                          <p class="error-message" id={`e-body-${s.id}`}>
                            {isMessageKey(props.error.fields.body) ? t(props.error.fields.body) : t("field.invalid")}
                          </p>
                        )}
                        <textarea id={`c-${s.id}`} name="body" class="input" rows={4} maxLength={8000} aria-describedby={`sh-${s.id}`}>
                          {props.errorSection === s.id ? String(props.values?.body ?? "") : ""}
                        </textarea>
                      </div>
                      <input type="hidden" name="language" value={ctx.lang} />
                      <button class="button">{t("review.send")}</button>
                    </Form>
                  </details>
                )}
              </article>
            );
          })}
        </section>
      ))}
    </Layout>
  );
}

/** The member's choice to propose a change to the quoted passage, and the proposed text. */
function SuggestFields({ ctx, sectionId, values, errors }: { ctx: PageContext; sectionId: string; values?: FormValues | undefined; errors?: Record<string, string> | undefined }) {
  const { t } = ctx;
  const chosen = values ? valueOf(values, "change") || "none" : "none";
  const error = (name: string) =>
    errors?.[name] && (
      <p class="error-message" id={`e-${name}-${sectionId}`}>
        {isMessageKey(errors[name]) ? t(errors[name]) : t("field.invalid")}
      </p>
    );
  return (
    <>
      <fieldset class="field suggest-change" aria-describedby={`sh-${sectionId}`}>
        <legend>{t("suggestion.change")}</legend>
        <p class="hint" id={`sh-${sectionId}`}>
          {t("suggestion.changeHint")}
        </p>
        {error("change")}
        {SUGGESTION_CHANGES.map((change) => (
          <label class="check">
            <input type="radio" name="change" value={change} checked={chosen === change} /> {t(`suggestion.change.${change}`)}
          </label>
        ))}
      </fieldset>
      <div class="field suggest-text">
        <label for={`p-${sectionId}`}>{t("suggestion.replacement")}</label>
        <p class="hint" id={`ph-${sectionId}`}>
          {t("suggestion.replacementHint")}
        </p>
        {error("replacement")}
        <textarea
          id={`p-${sectionId}`}
          name="replacement"
          class="input"
          rows={3}
          maxLength={MAX_REPLACEMENT_CHARS}
          aria-describedby={[`ph-${sectionId}`, errors?.replacement ? `e-replacement-${sectionId}` : ""].filter(Boolean).join(" ")}
          aria-invalid={errors?.replacement ? "true" : undefined}
        >
          {values && typeof values.replacement === "string" ? values.replacement : ""}
        </textarea>
      </div>
    </>
  );
}

// Topic proposals

export function ProposalsPage(props: { ctx: PageContext; report: ReportRow; proposals: ProposalView[]; technologies: TechnologyRow[]; values?: FormValues | undefined; error?: AppError | undefined }) {
  const { ctx, report, proposals, technologies, values, error } = props;
  const { t, lang } = ctx;
  const techName = (slug: string) => technologies.find((x) => x.slug === slug)?.names[lang] ?? slug;
  return (
    <Layout ctx={ctx} title={t("proposal.title")} section="member">
      <p class="breadcrumb">
        <a href={`/reports/${report.slug}`}>{reportTitle(report, ctx.lang)}</a>
      </p>
      <h1>{t("proposal.title")}</h1>
      <p class="lead">{t("proposal.lead")}</p>
      {proposals.length === 0 ? (
        <p class="empty">{t("proposal.none")}</p>
      ) : (
        <ul class="cards">
          {proposals.map((p) => (
            <li class="card" id={`proposal-${p.id}`}>
              <h2>{p.title}</h2>
              <p class="muted small">
                {p.organizationName ?? p.authorName} · <DateTime value={p.createdAt} lang={lang} /> · {t("proposal.endorsements", { count: p.endorsements })} ·{" "}
                <span class={p.status === "accepted" ? "tag tag-ok" : p.status === "declined" ? "tag tag-muted" : "tag"}>{t(`proposal.status.${p.status}`)}</span>
              </p>
              <p>{p.rationale}</p>
              {p.technologySlugs.length > 0 && <p class="small">{p.technologySlugs.map(techName).join(", ")}</p>}
              {p.decisionNote && (
                <p class="small">
                  <strong>{t("proposal.decision")}:</strong> {p.decisionNote}
                </p>
              )}
              {p.chapterId && <p class="small">{t("proposal.becameChapter")}</p>}
              {can(ctx.user, "endorse", { kind: "proposal", proposal: p }) && (
                <Form ctx={ctx} action={`/proposals/${p.id}/endorse`}>
                  <button class="button button-small button-secondary" disabled={p.endorsedByMe}>
                    {p.endorsedByMe ? t("proposal.endorsed") : t("proposal.endorse")}
                  </button>
                </Form>
              )}
              {can(ctx.user, "decide", { kind: "proposal", proposal: p }) && (
                <details>
                  <summary>{t("proposal.decide")}</summary>
                  <Form ctx={ctx} action={`/proposals/${p.id}/decision`} class="stack">
                    <div class="field">
                      <label for={`ds-${p.id}`}>{t("proposal.decision")}</label>
                      <select id={`ds-${p.id}`} name="status" class="input">
                        <option value="accepted">{t("proposal.status.accepted")}</option>
                        <option value="declined">{t("proposal.status.declined")}</option>
                      </select>
                    </div>
                    <div class="field">
                      <label for={`dn-${p.id}`}>{t("proposal.note")}</label>
                      <input id={`dn-${p.id}`} name="note" class="input" maxLength={2000} />
                    </div>
                    <label class="check">
                      <input type="checkbox" name="makeChapter" value="1" /> {t("proposal.makeChapter")}
                    </label>
                    <button class="button button-small">{t("proposal.record")}</button>
                  </Form>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <section class="panel" aria-labelledby="propose-h">
        <h2 id="propose-h">{t("proposal.new")}</h2>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
        <Form ctx={ctx} action={`/reports/${report.slug}/proposals`} class="stack form-wide">
          <TextField t={t} name="title" label={t("proposal.topic")} values={values} errors={error?.fields} required maxLength={200} />
          <TextAreaField t={t} name="rationale" label={t("proposal.rationale")} values={values} errors={error?.fields} required rows={4} maxLength={4000} />
          <CheckboxGroup t={t} name="technologies" legend={t("proposal.technologies")} options={technologies.map((x) => [x.slug, x.names[lang] ?? x.names.en])} checked={[values?.technologies ?? []].flat().map(String)} />
          <button class="button">{t("proposal.submit")}</button>
        </Form>
      </section>
    </Layout>
  );
}
