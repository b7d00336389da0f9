import type { Publication } from "#src/publishing/publication.ts";
import { serializeMdast, text, typstString } from "#src/publishing/typst/serialize.ts";
import { translator } from "#src/i18n/i18n.ts";
import { typeset } from "#src/i18n/typography.ts";
import { formatEditionDate } from "#src/features/editions/texts.ts";

const SERIF = '"Source Serif 4"';
const SANS = '"Source Sans 3"';

/** A translated template with {placeholders} as a Typst string expression of Typst values. */
function template(message: string, values: Record<string, string>): string {
  return message
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((part) => (/^\{\w+\}$/.test(part) ? values[part.slice(1, -1)] ?? typstString(part) : typstString(part)))
    .join(" + ");
}

/** The whole publication as one Typst document: title page, contents, chapters, running heads. */
export function typstDocument(pub: Publication): string {
  const t = translator(pub.lang);
  const [year, month, day] = pub.date.split("-").map(Number);
  const longDate = formatEditionDate(pub.date, pub.lang, pub.dateStyle);
  const subtitle = pub.edition ? t("pdf.edition", { label: pub.edition }) : t("pdf.draftOf", { date: longDate });
  // The edition's own words, in the primary language where this one lacks them (and marked so).
  const own = (field: "title" | "subtitle" | "foreword", value: string) => {
    const lang = pub.textLangs[field] ?? pub.lang;
    const words = text(typeset(value, lang));
    return lang === pub.lang ? words : `#text(lang: ${typstString(lang)})[${words}]`;
  };
  const pageOf = template(t("pdf.pageOf", { page: "{page}", pages: "{pages}" }), { page: "str(counter(page).get().first())", pages: "str(counter(page).final().first())" });
  const lines: string[] = [
    `#set document(title: ${typstString(`${pub.title} — ${subtitle}`)}, author: ${typstString(pub.reportTitle)},${pub.subtitle ? ` description: ${typstString(pub.subtitle)},` : ""} date: datetime(year: ${year}, month: ${month}, day: ${day}))`,
    `#set text(font: ${SERIF}, size: 10.5pt, lang: ${typstString(pub.lang)}, hyphenate: true)`,
    `#set par(justify: true, leading: 0.68em, spacing: 1.1em)`,
    `#show heading: set text(font: ${SANS}, fill: rgb("#143a52"), hyphenate: false)`,
    `#show heading.where(level: 1): it => { pagebreak(weak: true); v(2.5em); text(size: 20pt, it); v(1em) }`,
    `#show heading.where(level: 2): set text(size: 13pt)`,
    `#set heading(numbering: "1.1")`,
    `#show link: set text(fill: rgb("#1f4e6b"))`,
    `#set table(stroke: 0.5pt + gray)`,
    `#show figure.where(kind: table): set figure.caption(position: top)`,
    `#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))`,
    `#set page(paper: "a4", margin: (x: 2.3cm, top: 2.6cm, bottom: 2.4cm),`,
    // The running head names the chapter, except on the page where a chapter opens.
    `  header: context { let page = here().page(); let all = query(heading.where(level: 1, outlined: true)); if all.any(h => h.location().page() == page) { return }; let before = all.filter(h => h.location().page() < page); if before.len() > 0 { align(right, text(font: ${SANS}, size: 8.5pt, fill: gray, before.last().body)) } },`,
    `  footer: context { if counter(page).get().first() > 1 { align(center, text(font: ${SANS}, size: 8.5pt, fill: gray, ${pageOf})) } },`,
    pub.draft ? `  background: rotate(-40deg, text(font: ${SANS}, size: 90pt, weight: "bold", fill: rgb(164, 38, 44, 28), ${typstString(t("pdf.draft"))})),` : "",
    `)`,
    // Title page
    `#page(header: none, footer: none)[`,
    `  #v(30%)`,
    `  #text(font: ${SANS}, size: 26pt, weight: "bold", fill: rgb("#143a52"))[${own("title", pub.title)}]`,
    pub.subtitle ? `  #v(0.6em)\n  #text(font: ${SANS}, size: 16pt, fill: rgb("#143a52"))[${own("subtitle", pub.subtitle)}]` : "",
    `  #v(1em)`,
    `  #text(font: ${SANS}, size: 14pt, fill: rgb("#a35a1c"))[${text(subtitle)}]`,
    `  #v(0.5em)`,
    `  #text(size: 11pt)[${text(longDate)}]`,
    pub.foreword ? `  #v(3em)\n  #block(width: 80%)[#emph[${own("foreword", pub.foreword)}]]` : "",
    `]`,
    `#outline(title: ${typstString(t("draft.contents"))}, depth: 2, indent: auto)`,
  ];
  for (const chapter of pub.chapters) {
    lines.push(`#heading(level: 1)[${text(chapter.title)}] <${typstLabel(chapter.slug)}>`);
    for (const section of chapter.sections) {
      const body = serializeMdast(section.tree, translator(section.lang), pub.figures, pub.recommendations);
      const lang =
        section.lang === pub.lang
          ? ""
          : `#text(size: 0.85em, fill: gray)[#emph[${text(t("edition.notTranslated", { lang: t(`language.${pub.lang}`), primary: t(`language.${section.lang}`) }))}]]\n\n#set text(lang: ${typstString(section.lang)})\n`;
      lines.push(`#heading(level: 2)[${text(typeset(section.heading, section.lang))}] <${typstLabel(`${chapter.slug}-${section.slug}`)}>`, `#[\n${lang}${body}\n]`);
    }
  }
  lines.push(figureData(pub));
  return lines.filter(Boolean).join("\n") + "\n";
}

/** "Data behind the figures": after the chapters, each figure's title and the rows it was drawn from. */
function figureData(pub: Publication): string {
  const t = translator(pub.lang);
  const figures = Object.values(pub.figures).filter((f) => f.data.rows.length);
  if (!figures.length) return "";
  const out = [`#heading(level: 1)[${text(t("chart.appendix"))}] <s-figure-data>`, text(t("chart.appendixLead"))];
  for (const f of figures) {
    // The world map's country codes are for drawing; readers have the countries' names.
    const shown = f.data.columns.map((c, i) => [c, i] as const).filter(([c]) => c !== "code");
    const numeric = (c: string) => c === "organizations" || c === "share";
    const cell = (c: string, v: string | number | undefined) => (c === "share" ? text(t("chart.percent", { value: Number(v) })) : text(String(v ?? "")));
    const header = shown.map(([c]) => `[#strong[${text(t(`figure.column.${c}` as "figure.column.answer"))}]]`).join(", ");
    const rows = f.data.rows.map((row) => shown.map(([c, i]) => `[${cell(c, row[i])}]`).join(", ")).join(",\n  ");
    const align = shown.map(([c]) => (numeric(c) ? "right" : "left")).join(", ");
    out.push(
      `#block(breakable: true, above: 1.6em)[#text(font: ${SANS}, weight: "bold")[${text(f.title)}] #linebreak() #text(size: 0.9em)[${text(t("content.figureNote", { n: f.n, source: f.source }))}]]`,
      `#text(font: ${SANS}, size: 9pt)[#table(columns: ${shown.length}, align: (${align},), table.header(${header}),\n  ${rows})]`,
    );
  }
  return out.join("\n");
}

// Labels are made from our own slugs (letters, digits, hyphens), never from free text.
const typstLabel = (slug: string) => `s-${slug.replace(/[^a-z0-9-]/g, "")}`;
