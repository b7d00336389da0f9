import type { EditionRow } from "#src/features/editions/repository.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import type { ReportRow } from "#src/features/catalog/repository.ts";

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** An Atom feed of a report's published editions, newest first. */
export function atomFeed(report: ReportRow, editions: EditionRow[], publicUrl: string): string {
  const primary = primaryOf(report);
  const self = `${publicUrl}/reports/${report.slug}/feed.xml`;
  const updated = editions.map((e) => (e.withdrawnAt ?? e.publishedAt)!).sort((a, b) => b.getTime() - a.getTime())[0] ?? new Date(0);
  const entries = editions.map((e) => {
    const url = `${publicUrl}${editionUrls(report, e).contents(primary)}`;
    const title = e.titles[primary] ?? e.titles.en;
    const summary = e.status === "withdrawn" ? `Withdrawn: ${e.withdrawnReason ?? ""}` : `Edition ${e.label}, ${e.editionDate}`;
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <published>${e.publishedAt!.toISOString()}</published>
    <updated>${(e.withdrawnAt ?? e.publishedAt)!.toISOString()}</updated>
    <summary>${escapeXml(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${primary}">
  <id>${escapeXml(self)}</id>
  <title>${escapeXml(report.titles[primary] ?? report.titles.en)}</title>
  <link rel="self" href="${escapeXml(self)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${publicUrl}/reports/${report.slug}/`)}"/>
  <updated>${updated.toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
}
