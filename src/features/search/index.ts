import { sql } from "drizzle-orm";
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { queryRows, transaction, type Db } from "#src/db/client.ts";
import type { Directive } from "#src/content/directives.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { SEARCH_CONFIG } from "#src/domain/case-studies.ts";
import { loadEditionContent, type EditionContent } from "#src/features/editions/render.ts";
import { getEdition } from "#src/features/editions/repository.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import type { Language } from "#src/domain/languages.ts";
import { chooseText, primaryOf } from "#src/domain/languages.ts";

// Writes the search entries of a published edition: each section, in each language it is read in,
// as plain text with the words of the recommendations and figures it places.

/** A section's Markdown as the words a reader sees (directives replaced by what they show). */
export function plainText(markdown: string, words: (d: Directive) => string = () => ""): string {
  const tree = parseMarkdown(markdown);
  const walk = (node: Nodes): string => {
    if (node.type === "leafDirective" || node.type === "containerDirective" || node.type === "textDirective") {
      const d = node as unknown as Directive;
      return ` ${toString(d)} ${words(d)} `;
    }
    if ("children" in node) return (node.children as Nodes[]).map(walk).join(node.type === "root" || node.type === "list" ? "\n" : node.type === "paragraph" ? "" : " ");
    return toString(node);
  };
  return walk(tree).replace(/[ \t]+/g, " ").trim();
}

export async function indexEdition(tx: Db, content: EditionContent): Promise<number> {
  const { report, edition, snapshot, revisions } = content;
  await tx.execute(sql`delete from search_entries where edition_id = ${edition.id}`);
  const primary = primaryOf(report);
  const urls = editionUrls(report, edition);
  const chapterTech = new Map(
    (await queryRows<{ id: string; slug: string | null }>(tx, sql`select c.id, t.slug from chapters c left join technologies t on t.id = c.technology_id where c.report_id = ${report.id}`)).map((r) => [r.id, r.slug]),
  );
  let count = 0;
  for (const lang of report.languages) {
    const words = (d: Directive) => {
      const ref = d.attributes?.ref ?? "";
      if (d.name === "recommendation") {
        const r = snapshot.recommendations.find((x) => x.slug === ref);
        return r ? (r.texts[lang] ?? r.texts[primary] ?? "") : "";
      }
      if (d.name === "figure") {
        const f = snapshot.figures.find((x) => x.slug === ref);
        const frozen = f?.languages[lang] ?? (f ? Object.values(f.languages)[0] : undefined);
        return frozen ? `${frozen.title} ${frozen.caption}` : "";
      }
      return "";
    };
    for (const chapter of snapshot.chapters) {
      const tech = chapterTech.get(chapter.id);
      for (const s of chapter.sections) {
        const chosen = chooseText(revisions.get(s.revisions[lang] ?? -1), revisions.get(s.revisions[primary] ?? -1), lang as Language, primary);
        if (!chosen.text) continue;
        const body = plainText(chosen.text.body, words);
        const config = SEARCH_CONFIG[chosen.lang];
        await tx.execute(sql`
          insert into search_entries (edition_id, language, text_language, title, body, url, technologies, document)
          values (${edition.id}, ${lang}, ${chosen.lang}, ${chosen.text.heading}, ${body}, ${`${urls.chapter(lang as Language, chapter.slug)}#${s.slug}`},
            ${tech ? sql`array[${tech}]::text[]` : sql`'{}'::text[]`},
            setweight(to_tsvector(${config}::regconfig, ${chosen.text.heading}), 'A') || setweight(to_tsvector(${config}::regconfig, ${body}), 'B'))`);
        count++;
      }
    }
  }
  return count;
}

/** Indexes published editions that have no search entries yet (editions published before search existed). */
export async function indexMissingEditions(db: Db): Promise<number> {
  const missing = await queryRows<{ id: string }>(db, sql`select id from editions ed where status = 'published' and not exists (select 1 from search_entries e where e.edition_id = ed.id)`);
  for (const { id } of missing) {
    await transaction(db, async (tx) => {
      const edition = (await getEdition(tx, id))!;
      await indexEdition(tx, await loadEditionContent(tx, (await getReport(tx, edition.reportId))!, edition));
    });
  }
  return missing.length;
}
