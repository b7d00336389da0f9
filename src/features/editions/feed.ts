import type { EditionRow } from "#src/features/editions/repository.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { editionDate, editionTexts, type EditionText } from "#src/features/editions/texts.ts";
import { translator } from "#src/i18n/i18n.ts";
import { typeset } from "#src/i18n/typography.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import type { ReportRow } from "#src/features/catalog/repository.ts";

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

const shown = (text: EditionText) => typeset(text.text, text.lang);

/**
 * An Atom feed of a report's published editions, newest first, in the report's primary language;
 * each entry also links to the edition in the other languages, with its title in that language.
 */
export function atomFeed(report: ReportRow, editions: EditionRow[], publicUrl: string): string {
  const primary = primaryOf(report);
  const t = translator(primary);
  const self = `${publicUrl}/reports/${report.slug}/feed.xml`;
  const updated = editions.map((e) => (e.withdrawnAt ?? e.publishedAt)!).sort((a, b) => b.getTime() - a.getTime())[0] ?? new Date(0);
  const entries = editions.map((e) => {
    const url = `${publicUrl}${editionUrls(report, e).contents(primary)}`;
    const { title, subtitle } = editionTexts(e, primary, primary);
    const edition = `${t("pdf.edition", { label: e.label })}, ${editionDate(e, primary)}`;
    const summary = e.status === "withdrawn" ? typeset(`${t("edition.status.withdrawn")}: ${e.withdrawnReason ?? ""}`, primary) : subtitle ? `${typeset(subtitle.text, subtitle.lang)} — ${edition}` : edition;
    const translations = report.languages
      .filter((l) => l !== primary)
      .map((l) => `\n    <link rel="alternate" type="text/html" hreflang="${l}" title="${escapeXml(shown(editionTexts(e, primary, l).title))}" href="${escapeXml(`${publicUrl}${editionUrls(report, e).contents(l)}`)}"/>`)
      .join("");
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(shown(title))}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>${translations}
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
