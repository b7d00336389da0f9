import type { ImportSummary } from "#src/features/case-studies/imports-repository.ts";
import { KEEP_PENDING_DAYS } from "#src/lib/file-checks.ts";
import { DateTime } from "#src/web/components.tsx";
import type { PageContext } from "#src/web/render.ts";

/** A member's Word imports waiting for their review, each linking to its review screen (nothing when there is none). */
export function PendingImports({ ctx, imports }: { ctx: PageContext; imports: ImportSummary[] | undefined }) {
  const { t, lang } = ctx;
  if (!imports?.length) return null;
  return (
    <section aria-labelledby="pending-imports-title" class="notice notice-action">
      <h3 id="pending-imports-title">{t("import.pending.title")}</h3>
      <p>{t("import.pending.lead", { days: KEEP_PENDING_DAYS })}</p>
      <ul class="plain-list">
        {imports.map((i) => (
          <li>
            <a href={`/member/case-studies/imports/${i.id}`}>{i.title || i.filename}</a> <span class="muted small">{i.title ? `${i.filename}, ` : ""}<DateTime value={i.createdAt} lang={lang} withTime /></span>
          </li>
        ))}
      </ul>
    </section>
  );
}
