import type { DiffPart } from "#src/lib/merge.ts";
import type { PageContext } from "#src/web/render.ts";

/** A word diff with insertions and deletions marked (and announced, not only coloured). */
export function InlineDiff({ ctx, parts }: { ctx: PageContext; parts: DiffPart[] }) {
  if (!parts.some((p) => p.added || p.removed)) return <p class="muted">{ctx.t("diff.none")}</p>;
  return (
    <div class="diff">
      {parts.map((p) =>
        p.added ? (
          <ins title={ctx.t("diff.added")}>{p.value}</ins>
        ) : p.removed ? (
          <del title={ctx.t("diff.removed")}>{p.value}</del>
        ) : (
          <span>{p.value}</span>
        ),
      )}
    </div>
  );
}
