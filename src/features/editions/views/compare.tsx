import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import type { BlockChange, ChapterChange, Comparison, SectionChange } from "#src/features/editions/compare.ts";
import type { Language } from "#src/domain/languages.ts";
import { localized, primaryOf } from "#src/domain/languages.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import type { Translate } from "#src/i18n/i18n.ts";
import type { DiffPart } from "#src/lib/merge.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

// The comparison page: a form choosing two versions, then what changed, chapter by chapter.
// Every word comes from text nodes (never HTML), so nothing an author typed is interpreted.

/** A version one may compare: an edition's label (or "draft") and how the form names it. */
export type CompareChoice = { value: string; label: string };

/** How the page names the two versions in sentences ("the 2019 edition", "the living draft"). */
export type VersionNames = { from: string; to: string };

/** A run of diff parts, insertions and deletions marked and announced, not only coloured. */
function Parts({ t, parts }: { t: Translate; parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <>
            <span class="visually-hidden">{t("compare.inserted")} </span>
            <ins>{p.value}</ins>
            <span class="visually-hidden"> {t("compare.endOfChange")}</span>
          </>
        ) : p.removed ? (
          <>
            <span class="visually-hidden">{t("compare.deleted")} </span>
            <del>{p.value}</del>
            <span class="visually-hidden"> {t("compare.endOfChange")}</span>
            {/* Old and new words side by side stay apart. */}
            {parts[i + 1]?.added && !/\s$/.test(p.value) && !/^\s/.test(parts[i + 1]!.value) && " "}
          </>
        ) : (
          p.value
        ),
      )}
    </>
  );
}

/** A table row's parts cut into cells at the tabs between them, each piece keeping its mark. */
function cellsOf(parts: DiffPart[]): DiffPart[][] {
  const cells: DiffPart[][] = [[]];
  for (const part of parts) {
    part.value.split("\t").forEach((piece, i) => {
      if (i > 0) cells.push([]);
      if (piece) cells[cells.length - 1]!.push({ ...part, value: piece });
    });
  }
  return cells;
}

const blockClass = (b: BlockChange) => `compare-block compare-${b.status}`;

function Block({ t, block }: { t: Translate; block: BlockChange }) {
  const parts = <Parts t={t} parts={block.parts} />;
  switch (block.kind) {
    case "heading":
      return <h4 class={blockClass(block)}>{parts}</h4>;
    case "quote":
      return (
        <blockquote class={blockClass(block)}>
          <p>{parts}</p>
        </blockquote>
      );
    case "code":
      return <pre class={blockClass(block)}>{parts}</pre>;
    case "footnote":
      return <p class={`${blockClass(block)} small`}>{parts}</p>;
    case "figure":
    case "recommendation":
    case "case-study":
      return (
        <p class={`${blockClass(block)} compare-evidence`}>
          <strong>{t(`compare.block.${block.kind}`)}</strong> {parts}
        </p>
      );
    default:
      return <p class={blockClass(block)}>{parts}</p>;
  }
}

/** Blocks in order, consecutive list items gathered in lists and rows (with their caption) in tables. */
function Blocks({ t, blocks }: { t: Translate; blocks: BlockChange[] }) {
  const out: ComponentChildren[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i]!;
    if (block.kind === "item") {
      const items: BlockChange[] = [];
      while (blocks[i]?.kind === "item" && Boolean(blocks[i]!.ordered) === Boolean(block.ordered)) items.push(blocks[i++]!);
      const List = block.ordered ? "ol" : "ul";
      out.push(
        <List class="compare-list">
          {items.map((item) => (
            <li class={`${blockClass(item)} compare-level-${Math.min(item.level ?? 1, 4)}`}>
              <Parts t={t} parts={item.parts} />
            </li>
          ))}
        </List>,
      );
    } else if (block.kind === "row" || (block.kind === "caption" && blocks[i + 1]?.kind === "row")) {
      const caption = block.kind === "caption" ? blocks[i++]! : undefined;
      const rows: BlockChange[] = [];
      while (blocks[i]?.kind === "row") rows.push(blocks[i++]!);
      out.push(
        <div class="table-wrap">
          <table class="data compare-table">
            {caption && (
              <caption class={blockClass(caption)}>
                <Parts t={t} parts={caption.parts} />
              </caption>
            )}
            {rows.map((row) => (
              <tr class={blockClass(row)}>
                {cellsOf(row.parts).map((cell) =>
                  row.head ? (
                    <th scope="col">
                      <Parts t={t} parts={cell} />
                    </th>
                  ) : (
                    <td>
                      <Parts t={t} parts={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </table>
        </div>,
      );
    } else {
      out.push(<Block t={t} block={block} />);
      i++;
    }
  }
  return <>{out}</>;
}

/** A changed text: the changed blocks with one block of context each side; longer unchanged stretches folded. */
function ChangedText({ t, blocks }: { t: Translate; blocks: BlockChange[] }) {
  const near = blocks.map((_, i) => [i - 1, i, i + 1].some((j) => blocks[j] && blocks[j].status !== "same"));
  const runs: { folded: boolean; blocks: BlockChange[] }[] = [];
  blocks.forEach((block, i) => {
    const folded = !near[i];
    const last = runs[runs.length - 1];
    if (last && last.folded === folded) last.blocks.push(block);
    else runs.push({ folded, blocks: [block] });
  });
  return (
    <div class="compare-text">
      {runs.map((run) =>
        run.folded && run.blocks.length > 1 ? (
          <details class="compare-fold">
            <summary>{t("compare.unchangedBlocks", { n: run.blocks.length })}</summary>
            <Blocks t={t} blocks={run.blocks} />
          </details>
        ) : (
          <Blocks t={t} blocks={run.blocks} />
        ),
      )}
    </div>
  );
}

function Tags({ t, tags }: { t: Translate; tags: ("added" | "removed" | "renamed" | "moved" | "changed")[] }) {
  const tone = { added: "tag-ok", removed: "tag-outOfDate", renamed: "tag-draft", moved: "tag-draft", changed: "tag-muted" } as const;
  return (
    <p class="compare-tags">
      {tags.map((tag) => (
        <>
          <span class={`tag ${tone[tag]}`}>{t(`compare.tag.${tag}`)}</span>{" "}
        </>
      ))}
    </p>
  );
}

/** Links to the same chapter or section on each side that has it. */
function Places({ t, names, from, to, message }: { t: Translate; names: VersionNames; from?: { number: string | number; href: string } | undefined; to?: { number: string | number; href: string } | undefined; message: "compare.chapterIn" | "compare.sectionIn" }) {
  const links = [from && { ...from, version: names.from }, to && { ...to, version: names.to }].filter((x) => x !== undefined);
  return (
    <p class="compare-places small">
      {links.map((l, i) => (
        <>
          {i > 0 && " · "}
          <a href={l.href}>{t(message, { number: String(l.number), version: l.version })}</a>
        </>
      ))}
    </p>
  );
}

function Section({ t, names, section, lang }: { t: Translate; names: VersionNames; section: SectionChange; lang: Language }) {
  const shown = section.to ?? section.from!;
  const tags = section.status !== "kept" ? [section.status] : (["moved", "renamed", "changed"] as const).filter((k) => section[k]);
  return (
    <article class="compare-item" id={`section-${section.id}`}>
      <h3 lang={shown.lang === lang ? undefined : shown.lang}>
        <span class="chapter-number">{shown.number}</span> {shown.heading}
      </h3>
      <Tags t={t} tags={tags} />
      {section.renamed && section.from && section.to && (
        <p>
          <Parts t={t} parts={section.headingDiff} />
        </p>
      )}
      {section.moved && section.from && section.to && (
        <p class="muted">
          {section.from.chapter.id === section.to.chapter.id
            ? t("compare.sectionMovedWithin", { from: section.from.number, to: section.to.number })
            : t("compare.sectionMoved", { from: section.from.number, fromChapter: section.from.chapter.title, to: section.to.number, toChapter: section.to.chapter.title })}
        </p>
      )}
      {section.changed && section.from && section.to && section.from.lang !== section.to.lang && (
        <p class="muted">{t("compare.shownIn", { from: t(`language.${section.from.lang}`), fromVersion: names.from, to: t(`language.${section.to.lang}`), toVersion: names.to })}</p>
      )}
      <Places t={t} names={names} from={section.from} to={section.to} message="compare.sectionIn" />
      {section.changed && (
        <div lang={shown.lang === lang ? undefined : shown.lang}>
          <ChangedText t={t} blocks={section.blocks} />
        </div>
      )}
    </article>
  );
}

function Chapter({ t, names, chapter, lang }: { t: Translate; names: VersionNames; chapter: ChapterChange; lang: Language }) {
  const shown = chapter.to ?? chapter.from!;
  const tags = chapter.status !== "kept" ? [chapter.status] : (["renamed", "moved"] as const).filter((k) => chapter[k]);
  return (
    <section class="compare-chapter" id={`chapter-${shown.slug}`} aria-labelledby={`chapter-${chapter.id}`}>
      <h2 id={`chapter-${chapter.id}`}>
        <span class="chapter-number">{shown.number}.</span> {shown.title}
      </h2>
      {tags.length > 0 && <Tags t={t} tags={tags} />}
      {chapter.renamed && chapter.from && chapter.to && <p class="compare-renamed">{t("compare.renamed", { from: chapter.from.title, to: chapter.to.title })}</p>}
      {chapter.moved && chapter.from && chapter.to && <p class="muted">{t("compare.chapterMoved", { from: String(chapter.from.number), to: String(chapter.to.number) })}</p>}
      <Places t={t} names={names} from={chapter.from} to={chapter.to} message="compare.chapterIn" />
      {chapter.sections.map((section) => (
        <Section t={t} names={names} section={section} lang={lang} />
      ))}
    </section>
  );
}

/** What changed, chapter by chapter: the part of the page that is the same for every reader. */
export function ComparisonView({ t, comparison, names }: { t: Translate; comparison: Comparison; names: VersionNames }) {
  const { chapters, sections } = comparison.counts;
  const counts = [
    ["compare.count.chaptersAdded", chapters.added],
    ["compare.count.chaptersRemoved", chapters.removed],
    ["compare.count.chaptersRenamed", chapters.renamed],
    ["compare.count.chaptersMoved", chapters.moved],
    ["compare.count.sectionsAdded", sections.added],
    ["compare.count.sectionsRemoved", sections.removed],
    ["compare.count.sectionsMoved", sections.moved],
    ["compare.count.sectionsRenamed", sections.renamed],
    ["compare.count.sectionsChanged", sections.changed],
    ["compare.count.sectionsUnchanged", sections.unchanged],
  ] as const;
  if (!comparison.chapters.length) return <p class="empty">{t("compare.nothing")}</p>;
  return (
    <>
      <h2 class="visually-hidden">{t("compare.summary")}</h2>
      <ul class="compare-summary">
        {counts
          .filter(([, n]) => n > 0)
          .map(([key, n]) => (
            <li>{t(key, { n })}</li>
          ))}
      </ul>
      {comparison.chapters.map((chapter) => (
        <Chapter t={t} names={names} chapter={chapter} lang={comparison.lang} />
      ))}
    </>
  );
}

/** The comparison as HTML, for ComparePage's body (kept as it is when both versions never change). */
export const comparisonHtml = (t: Translate, comparison: Comparison, names: VersionNames) => renderToString(<ComparisonView t={t} comparison={comparison} names={names} />);

type Props = {
  ctx: PageContext;
  report: ReportRow;
  choices: CompareChoice[];
  from: string | undefined;
  to: string | undefined;
  names: VersionNames;
  /** The language compared (also the page's), and the others both versions are read in. */
  lang: Language;
  languageLinks: Partial<Record<Language, string>>;
  /** The comparison, already rendered (see ComparisonView); undefined when there is nothing to compare. */
  body: string | undefined;
  missing: boolean;
};

/** Choose two versions (editions, or an edition and the living draft) and see what changed. */
export function ComparePage({ ctx, report, choices, from, to, names, lang, languageLinks, body, missing }: Props) {
  const { t } = ctx;
  const title = from && to ? t("compare.title", { from: names.from, to: names.to }) : t("compare.pageTitle");
  return (
    <Layout ctx={ctx} title={title} section="reports" languageLinks={languageLinks}>
      <p class="breadcrumb">
        <a href={`/reports/${report.slug}/`}>{localized(report.titles, lang, primaryOf(report))}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t("compare.lead")}</p>
      <form method="get" class="filters">
        <input type="hidden" name="lang" value={lang} />
        {(["from", "to"] as const).map((field) => (
          <div class="field">
            <label for={`f-${field}`}>{t(`compare.${field}`)}</label>
            <select id={`f-${field}`} name={field} class="input">
              {choices.map((c) => (
                <option value={c.value} selected={c.value === (field === "from" ? from : to)}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div class="actions">
          <button class="button button-secondary">{t("compare.show")}</button>
        </div>
      </form>
      {missing && <p class="notice notice-action">{t("compare.notFound")}</p>}
      {!missing && !from && to && <p class="empty">{t("compare.noEarlier", { to: names.to })}</p>}
      {body !== undefined && <div class="compare" dangerouslySetInnerHTML={{ __html: body }} />}
    </Layout>
  );
}
