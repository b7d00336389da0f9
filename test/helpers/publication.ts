import { parseMarkdown } from "#src/content/parse.ts";
import type { Language } from "#src/domain/languages.ts";
import type { Publication, PublicationSection } from "#src/publishing/publication.ts";

/** One section as the renderers receive it: its Markdown and the tree parsed from it. */
export const sectionOf = (heading: string, slug: string, markdown: string, lang: Language = "en"): PublicationSection => ({
  heading,
  slug,
  markdown,
  tree: parseMarkdown(markdown),
  lang,
});

/** A published English edition holding only what `parts` gives it. */
export const publicationOf = (parts: Partial<Publication>): Publication => ({
  reportTitle: "Study Report",
  title: "Study Report",
  edition: "2026",
  date: "2026-03-31",
  lang: "en",
  draft: false,
  subtitle: null,
  foreword: null,
  dateStyle: "long",
  textLangs: {},
  caseStudies: [],
  figures: {},
  recommendations: {},
  chapters: [],
  ...parts,
});
