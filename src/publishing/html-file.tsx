import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import { h } from "hastscript";
import { renderToString } from "preact-render-to-string";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { renderHtml, type Resolver } from "#src/content/html.ts";
import type { Root } from "mdast";
import type { Language } from "#src/domain/languages.ts";
import type { Publication } from "#src/publishing/publication.ts";
import type { FrozenFigure } from "#src/features/reports/evidence-kinds.ts";
import { ASSETS_DIR } from "#src/web/assets.ts";
import { translator } from "#src/i18n/i18n.ts";
import { typeset } from "#src/i18n/typography.ts";
import { formatEditionDate } from "#src/features/editions/texts.ts";

// The publication as one self-contained HTML file: styles inlined, no script, nothing fetched.
const CSS = readFileSync(join(ASSETS_DIR, "app.css"), "utf8");

function Document({ pub }: { pub: Publication }) {
  const t = translator(pub.lang);
  const longDate = formatEditionDate(pub.date, pub.lang, pub.dateStyle);
  const subtitle = pub.edition ? t("pdf.edition", { label: pub.edition }) : t("pdf.draftOf", { date: longDate });
  // Where this language lacks the edition's own words, the primary's are shown, marked with their language.
  const langOf = (field: "title" | "subtitle" | "foreword") => pub.textLangs[field];
  const own = (field: "title" | "subtitle" | "foreword", value: string) => typeset(value, langOf(field) ?? pub.lang);
  return (
    <html lang={pub.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${pub.title} — ${subtitle}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <main class="wrap">
          {pub.draft && (
            <p class="notice notice-action" role="note">
              {t("pdf.draft")}
            </p>
          )}
          <h1 lang={langOf("title")}>{own("title", pub.title)}</h1>
          {pub.subtitle && (
            <p class="lead" lang={langOf("subtitle")}>
              {own("subtitle", pub.subtitle)}
            </p>
          )}
          <p class="lead">
            {subtitle} · {longDate}
          </p>
          {pub.foreword && <p lang={langOf("foreword")}>{own("foreword", pub.foreword)}</p>}
          <nav aria-label={t("draft.contents")}>
            <h2>{t("draft.contents")}</h2>
            <ol class="toc">
              {pub.chapters.map((c) => (
                <li>
                  <a href={`#${c.slug}`}>{c.title}</a>
                  <ol>
                    {c.sections.map((s) => (
                      <li>
                        <a href={`#${c.slug}-${s.slug}`}>{typeset(s.heading, s.lang)}</a>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </nav>
          {pub.chapters.map((c, ci) => (
            <article class="chapter" id={c.slug}>
              <h1>
                <span class="chapter-number">{ci + 1}.</span> {c.title}
              </h1>
              {c.sections.map((s, si) => (
                <section id={`${c.slug}-${s.slug}`} lang={s.lang}>
                  <h2>
                    {ci + 1}.{si + 1} {typeset(s.heading, s.lang)}
                  </h2>
                  <div class="prose" dangerouslySetInnerHTML={{ __html: sectionHtml(pub, s.tree, s.lang, `${c.slug}-${s.slug}`) }} />
                </section>
              ))}
            </article>
          ))}
        </main>
      </body>
    </html>
  );
}

// Figures go inline as SVG: the sanitized text holds a placeholder image that is swapped, in the
// parsed tree, for the SVG our own renderer drew (never markup from a person), so the file needs
// nothing else. The data link has nowhere to go inside a single file and is dropped.
const FIGURE_HREF = /^#figure-([a-z0-9-]+)$/;
const toHtml = unified().use(rehypeStringify);

function sectionHtml(pub: Publication, tree: Root, lang: Language, idPrefix: string): string {
  const inline = (figure: FrozenFigure) => h("div", { role: "img", ariaLabel: figure.alt }, fromHtml(figure.svg, { fragment: true }).children as ElementContent[]);
  return toHtml.stringify(sectionTree(pub, tree, lang, idPrefix, (_ref, figure) => inline(figure)));
}

/**
 * A section's sanitized HTML as a tree, for a file on its own: recommendations name their events
 * without linking, each figure is what `place` makes of it and its data link is dropped.
 */
export function sectionTree(pub: Publication, tree: Root, lang: Language, idPrefix: string, place: (ref: string, figure: FrozenFigure) => ElementContent): HastRoot {
  const resolve: Resolver = (kind, ref) => {
    const r = kind === "recommendation" ? pub.recommendations[ref] : undefined;
    // The events' pages are links of the site: a file on its own names them without linking.
    if (r) return { title: ref, recommendation: { ...r, sources: r.sources?.map(({ href: _href, ...s }) => s) } };
    const f = kind === "figure" ? pub.figures[ref] : undefined;
    return f ? { title: f.title, figure: { src: `#figure-${ref}`, alt: f.alt, caption: f.caption, n: f.n, source: f.source, dataHref: `#figure-${ref}`, data: f.data } } : "pending";
  };
  const hast = fromHtml(renderHtml(tree, { t: translator(lang), idPrefix, resolve }).html, { fragment: true });
  visit(hast, "element", (el: Element, index, parent) => {
    if (!parent || index === undefined) return;
    const href = typeof el.properties.href === "string" ? el.properties.href : "";
    if (el.tagName === "a" && FIGURE_HREF.test(href)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const ref = el.tagName === "img" && typeof el.properties.src === "string" ? FIGURE_HREF.exec(el.properties.src)?.[1] : undefined;
    const figure = ref ? pub.figures[ref] : undefined;
    if (!figure) return;
    parent.children[index] = place(ref!, figure);
    return SKIP;
  });
  return hast;
}

/** The publication as a single HTML file. */
export function renderHtmlFile(pub: Publication): Buffer {
  return Buffer.from(`<!doctype html>${renderToString(<Document pub={pub} />)}`);
}
