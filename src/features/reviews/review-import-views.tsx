import { suggestionKind, type ImportedItem, type ReviewImportPreview, type UnplacedItem } from "#src/domain/review-suggestions.ts";
import type { RoundRow } from "#src/features/reviews/repository.ts";
import { suggestionView } from "#src/features/reviews/suggestions.ts";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary, Form } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

// A reviewed Word file coming back: the upload form on a round's pages, and the preview of what
// the file would create before anything is saved. Plain forms: no script needed.

export type PendingUpload = { id: string; filename: string; createdAt: Date };

/** The upload form of a round's page (member or editor), with the uploads still waiting for confirmation. */
export function ReviewUploadPanel(props: { ctx: PageContext; roundId: string; uploadLimitMb: number; pending: PendingUpload[]; error?: AppError | undefined; from?: "editor" | undefined }) {
  const { ctx, roundId, error } = props;
  const { t } = ctx;
  return (
    <details class="panel" id="review-upload" open={Boolean(error) || props.pending.length > 0}>
      <summary>{t("reviewImport.upload")}</summary>
      <p>{t("reviewImport.uploadLead")}</p>
      {error && <ErrorSummary t={t} errors={error.fields} code={error.code} />}
      {props.pending.length > 0 && (
        <>
          <h3>{t("reviewImport.pending")}</h3>
          <ul>
            {props.pending.map((p) => (
              <li>
                <a href={`/reviews/${roundId}/imports/${p.id}${props.from ? "?from=editor" : ""}`}>{p.filename}</a> · <DateTime value={p.createdAt} lang={ctx.lang} withTime />
              </li>
            ))}
          </ul>
        </>
      )}
      <form method="post" action={`/reviews/${roundId}/imports`} enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        {props.from && <input type="hidden" name="from" value={props.from} />}
        <div class="field">
          <label for="f-review-file">{t("reviewImport.file")}</label>
          <p class="hint" id="h-review-file">
            {t("reviewImport.fileHint", { limit: props.uploadLimitMb })}
          </p>
          <input type="file" id="f-review-file" name="document" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="h-review-file" required />
        </div>
        <button type="submit" class="button">
          {t("reviewImport.uploadButton")}
        </button>
      </form>
    </details>
  );
}

type SectionName = { number: string; heading: string };

function ItemView({ ctx, item }: { ctx: PageContext; item: ImportedItem }) {
  const { t } = ctx;
  const author = item.author && <p class="small muted">{t("reviewImport.wordAuthor", { author: item.author })}</p>;
  if (item.kind === "comment")
    return (
      <li class="comment">
        <p>
          <strong>{t("reviewImport.comment")}</strong>
        </p>
        {item.quote && (
          <blockquote>
            <span class="visually-hidden">{t("reviewImport.quote")} </span>
            {item.quote}
          </blockquote>
        )}
        <p class="comment-body">{item.body}</p>
        {author}
      </li>
    );
  const kind = suggestionKind(item.suggestion);
  // Reader words, not Markdown: the text round the change as its own context gives it (the preview keeps no section text).
  const words = suggestionView("", item.suggestion);
  return (
    <li class="comment suggestion">
      <p>
        <strong>{t("reviewImport.suggestion")}</strong>
      </p>
      {kind === "insert" ? (
        words.before || !words.after ? (
          <p>
            {t("reviewImport.insertAfter")} <q>{words.before || item.quote}</q>
          </p>
        ) : (
          <p>
            {t("reviewImport.insertBefore")} <q>{words.after}</q>
          </p>
        )
      ) : (
        <p>
          {t("reviewImport.removed")} <del>{item.quote}</del>
        </p>
      )}
      {kind !== "delete" && (
        <p>
          {t("reviewImport.added")} <ins>{words.added}</ins>
        </p>
      )}
      {author}
    </li>
  );
}

const UNSUPPORTED_KINDS = ["text-box", "object", "footnote"] as const;

/** An entry standing for several, in words: "2 text boxes", "3 more suggestions and comments, left out". */
function countedText({ t }: PageContext, item: UnplacedItem, count: number): string {
  if (item.reason === "too-many") return t("reviewImport.dropped", { count });
  const kind = UNSUPPORTED_KINDS.find((k) => k === item.text) ?? "other";
  return t(`reviewImport.unsupported.${kind}`, { count });
}

function UnplacedView({ ctx, item }: { ctx: PageContext; item: UnplacedItem }) {
  const { t } = ctx;
  return (
    <li>
      <p>
        <strong>{t(`reviewImport.unplacedKind.${item.kind}`)}</strong>
        {item.heading ? ` · ${item.heading}` : ""}: {item.count === undefined ? <q>{item.text}</q> : countedText(ctx, item, item.count)}
      </p>
      {item.body && <p class="comment-body">{item.body}</p>}
      <p class="small">{t(`reviewImport.reason.${item.reason}`)}</p>
      {item.author && <p class="small muted">{t("reviewImport.wordAuthor", { author: item.author })}</p>}
    </li>
  );
}

/** What an uploaded file would create, per section, and what it could not place, with why; then confirm or cancel. */
export function ReviewImportPage(props: { ctx: PageContext; round: RoundRow; importId: string; filename: string; preview: ReviewImportPreview; sections: Map<string, SectionName>; back: string; from?: "editor" | undefined }) {
  const { ctx, round, preview, sections } = props;
  const { t } = ctx;
  const suggestions = preview.items.filter((i) => i.kind === "suggestion").length;
  const bySection = new Map<string, ImportedItem[]>();
  for (const item of preview.items) bySection.set(item.sectionId, [...(bySection.get(item.sectionId) ?? []), item]);
  const base = `/reviews/${round.id}/imports/${props.importId}`;
  return (
    <Layout ctx={ctx} title={t("reviewImport.title", { filename: props.filename })} section="member">
      <p class="breadcrumb">
        <a href={props.back}>{round.title}</a>
      </p>
      <h1>{t("reviewImport.title", { filename: props.filename })}</h1>
      <p class="lead">{t("reviewImport.lead")}</p>
      <p role="status" class="import-counts">
        {t("reviewImport.counts", { suggestions, comments: preview.items.length - suggestions, unplaced: preview.unplaced.length })}
      </p>
      <p>
        <a href={`${base}/file`} download>
          {t("reviewImport.originalFile")}
        </a>
      </p>
      {!preview.tracked && suggestions > 0 && <p class="hint">{t("reviewImport.compared")}</p>}
      {preview.items.length === 0 && <p class="empty">{t("reviewImport.nothing")}</p>}
      {[...bySection].map(([sectionId, items]) => {
        const name = sections.get(sectionId);
        return (
          <section class="panel" aria-labelledby={`is-${sectionId}`}>
            <h2 id={`is-${sectionId}`}>{name ? `${name.number} ${name.heading}` : t("reviewImport.sectionGone")}</h2>
            <ol class="comments">
              {items.map((item) => (
                <ItemView ctx={ctx} item={item} />
              ))}
            </ol>
          </section>
        );
      })}
      {preview.unplaced.length > 0 && (
        <section class="panel" aria-labelledby="unplaced-h">
          <h2 id="unplaced-h">{t("reviewImport.unplacedTitle")}</h2>
          <p>{t("reviewImport.unplacedLead")}</p>
          <ul>
            {preview.unplaced.map((item) => (
              <UnplacedView ctx={ctx} item={item} />
            ))}
          </ul>
        </section>
      )}
      <div class="actions">
        <Form ctx={ctx} action={`${base}/confirm`}>
          {props.from && <input type="hidden" name="from" value={props.from} />}
          <button type="submit" class="button">
            {t("reviewImport.confirm")}
          </button>
        </Form>
        <Form ctx={ctx} action={`${base}/cancel`}>
          {props.from && <input type="hidden" name="from" value={props.from} />}
          <button type="submit" class="button button-secondary">
            {t("reviewImport.cancel")}
          </button>
        </Form>
      </div>
    </Layout>
  );
}
