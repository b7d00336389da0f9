import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { Language } from "#src/domain/languages.ts";
import { typeset } from "#src/i18n/typography.ts";

/**
 * The typography of the language a text is written in (`file.data.lang`), on its prose: only
 * text nodes, so code, URLs, directive attributes and Markdown syntax are never touched; nor is
 * an address shown as its own link text. Every output renders from this tree, so pages, PDF and
 * DOCX agree.
 */
export const typography = () => (tree: Root, file: { data: Record<string, unknown> }) => {
  const lang = file.data.lang as Language | undefined;
  if (!lang) return;
  visit(tree, "text", (node, index, parent) => {
    if (parent?.type === "link" && parent.url.endsWith(node.value)) return;
    node.value = typeset(node.value, lang, (index ?? 0) > 0);
  });
};
