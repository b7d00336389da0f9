import type { Finding } from "#src/domain/editions.ts";
import { translator } from "#src/i18n/i18n.ts";
import { findingMessage } from "#src/web/findings.tsx";

/** Where a finding is, for a terminal: chapter/section [language], or the edition's own texts. */
const location = (f: Finding) => {
  const path = f.where.chapterSlug ? [f.where.chapterSlug, f.where.sectionSlug].filter(Boolean).join("/") : "edition";
  return f.where.language ? `${path} [${f.where.language}]` : path;
};

/**
 * The findings for a terminal, errors first, each in two lines: its severity, where it is and its
 * message (in English), then the page where it is fixed.
 */
export function findingLines(findings: Finding[], publicUrl: string): string[] {
  const t = translator("en");
  const ordered = [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")];
  return ordered.flatMap((f) => [`${f.severity.toUpperCase().padEnd(7)} ${location(f)}  ${findingMessage(t, f)}`, `        fix: ${f.fix.startsWith("/") ? publicUrl : ""}${f.fix}`]);
}
