import type { Finding, FindingSeverity } from "#src/domain/editions.ts";
import { isLanguage, isMessageKey, LANGUAGE_NAMES, type MessageKey, type Translate } from "#src/i18n/i18n.ts";

// The findings of the checks before publishing, as the edition page, the completeness dashboard
// and the section editor show them: counts first, then errors and warnings, each grouped by
// chapter (folded when there are many), the same problem in several languages on one line with a
// link to fix it in each.

/** What the checks answer (see features/editions/findings.ts). */
export type FindingsView = { findings: Finding[]; errors: number; warnings: number };

type Row = { first: Finding; languages: { language: string; fix: string }[] };
type Group = { key: string; title: string; rows: Row[]; count: number };

const SEVERITIES: FindingSeverity[] = ["error", "warning"];
/** Beyond this many findings of one severity, their chapters start folded. */
const OPEN_UP_TO = 12;

/** A finding's words in the page's language (its code when the catalogue has no message for it). */
export function findingMessage(t: Translate, finding: Finding): string {
  const key = `finding.${finding.code}`;
  return isMessageKey(key) ? (t as (k: MessageKey, p: Finding["params"]) => string)(key, finding.params) : finding.code;
}

/** Findings of one severity by chapter, in order; the same problem in several languages makes one row. */
function groupsOf(t: Translate, findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  const rows = new Map<string, Row>();
  for (const f of findings) {
    const key = f.where.chapterId ?? "edition";
    const group = groups.get(key) ?? { key, title: f.where.chapterId ? String(f.params.chapter ?? f.where.chapterSlug ?? "") : t("findings.edition"), rows: [], count: 0 };
    groups.set(key, group);
    const rowKey = JSON.stringify([key, f.where.sectionId ?? "", f.code, f.where.ref ?? "", f.params]);
    const row = rows.get(rowKey);
    if (row && f.where.language) {
      row.languages.push({ language: f.where.language, fix: f.fix });
      continue;
    }
    const created: Row = { first: f, languages: f.where.language ? [{ language: f.where.language, fix: f.fix }] : [] };
    if (!row) rows.set(rowKey, created);
    group.rows.push(created);
    // The chapter's count is of the lines it lists (a line may stand for several languages).
    group.count++;
  }
  return [...groups.values()];
}

const languageName = (code: string) => (isLanguage(code) ? LANGUAGE_NAMES[code] : code);

function FindingRow({ t, row, compact }: { t: Translate; row: Row; compact: boolean }) {
  const f = row.first;
  return (
    <li class="finding">
      {!compact && f.params.section !== undefined && <strong class="finding-where">{String(f.params.section)}</strong>}
      <span class="finding-message">{findingMessage(t, f)}</span>{" "}
      <span class="finding-fix">
        {row.languages.length ? (
          <>
            {t("findings.fix")}
            {row.languages.map((l) => (
              <>
                {" "}
                <a href={l.fix} lang={l.language}>
                  {languageName(l.language)}
                </a>
              </>
            ))}
          </>
        ) : (
          <a href={f.fix}>{t("findings.fix")}</a>
        )}
      </span>
    </li>
  );
}

/**
 * The findings: counts, then each severity, grouped by chapter (compact: one plain list, for a
 * single section). `level` is the level of the severities' headings, below the host's own (3).
 */
export function FindingsList({ t, findings, compact = false, level = 3 }: { t: Translate; lang?: string; findings: FindingsView; compact?: boolean; level?: 2 | 3 | 4 | 5 }) {
  const Heading = `h${level}` as "h3";
  if (!findings.findings.length) return <p class="notice notice-success findings-none">{compact ? t("findings.sectionNone") : t("findings.none")}</p>;
  return (
    <div class={compact ? "findings findings-compact" : "findings"}>
      <p class="findings-counts">
        <span class={findings.errors ? "tag tag-outOfDate" : "tag tag-muted"}>{t("findings.errors", { count: findings.errors })}</span>{" "}
        <span class={findings.warnings ? "tag tag-draft" : "tag tag-muted"}>{t("findings.warnings", { count: findings.warnings })}</span>
      </p>
      {SEVERITIES.map((severity) => {
        const these = findings.findings.filter((f) => f.severity === severity);
        if (!these.length) return null;
        const id = `findings-${severity}${compact ? "-section" : ""}`;
        const groups = groupsOf(t, these);
        return (
          <section class={`findings-group findings-${severity}`} aria-labelledby={id}>
            <Heading id={id}>{severity === "error" ? t("findings.errors", { count: these.length }) : t("findings.warnings", { count: these.length })}</Heading>
            <p class="muted small">{severity === "error" ? t("findings.errorsLead") : t("findings.warningsLead")}</p>
            {compact ? (
              <ul class="findings-items">
                {groups.flatMap((g) => g.rows).map((row) => (
                  <FindingRow t={t} row={row} compact />
                ))}
              </ul>
            ) : (
              groups.map((g) => (
                <details class="findings-chapter" open={severity === "error" || these.length <= OPEN_UP_TO}>
                  <summary>
                    {g.title} <span class="muted small">({t("findings.chapterCount", { count: g.count })})</span>
                  </summary>
                  <ul class="findings-items">
                    {g.rows.map((row) => (
                      <FindingRow t={t} row={row} compact={false} />
                    ))}
                  </ul>
                </details>
              ))
            )}
          </section>
        );
      })}
    </div>
  );
}
