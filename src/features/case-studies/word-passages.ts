import type { Heading, List, Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { directiveToMarkdown } from "mdast-util-directive";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown, type ConstructName, type Options as ToMarkdownOptions } from "mdast-util-to-markdown";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { TEXT_FIELDS } from "#src/domain/case-studies.ts";
import type { Passage, PassageReason, PassageTarget } from "#src/domain/case-study-imports.ts";
import { labelOf, nameOf, type Named } from "#src/features/case-studies/word-words.ts";

// A converted Word document cut into passages: one per top-level block (paragraph, list, table,
// quote, code, picture), each going where the heading above it (or its own label) says, or left
// unplaced. Nothing goes into a field that the document did not put under that field's name.
//
// The rules, in order:
// - A heading (or a short paragraph all in bold) that names a field opens that field; one naming
//   the title makes the next paragraph the title; one naming the organization opens an unplaced
//   section (the organization is the member's account, not the document's).
// - A heading that names no field, of the same or a higher level than the field's heading, ends
//   the field: its text is unplaced. A deeper one is a sub-heading: it stays in the field, with its
//   text ("Solution" › "Phase 1" › "Phase 2" is all Solution).
// - The first level-1 heading that names no field, before any field, is the title.
// - A line "Label: text" whose label (five words at most) names a field is a passage of that
//   field. Inside a text field (summary, problem…), only a bold label counts: there, "Context: …"
//   is a sentence of the text. Inside the other fields (contact, partners, links…), a plain label
//   counts only when it names the stage, the technologies or the period ("Organization: …" and
//   "Description: …" are lines of a contact); a title or organization label never splits a field.
//   A bold label of a prose field also opens that field.
// - Text before the first heading, and under headings that name nothing, is unplaced.
// - Past MAX_PASSAGES, consecutive passages with the same heading and target are joined (then, if
//   that is not enough, those with the same target; then the rest as one unplaced passage):
//   every word is kept, and the review page stays a page.

type Section = { target: PassageTarget; reason: PassageReason; level: number; heading: string | null };

export type Cut = {
  passages: Passage[];
  /** The title and where it came from, or null when the document names none. */
  title: { text: string; from: "title" | "heading" | "label" } | null;
  /** The document's first line, for a document that names no title. */
  firstLine: string;
  otherHeadings: string[];
};

const HEADING_CHARS = 300;
const OTHER_HEADINGS = 200;
/** Fields a bold label opens for the paragraphs that follow it: the ones written as prose. */
const PROSE: readonly string[] = [...TEXT_FIELDS, "partners", "contact", "links"];
const isText = (target: PassageTarget) => (TEXT_FIELDS as readonly string[]).includes(target);
/** What a plain label may name inside a field that is not a text field. */
const PLAIN_IN_FIELD: readonly Named[] = ["stage", "technologies", "period"];
/** The most passages a preview has: each is a choice on the review page. */
export const MAX_PASSAGES = 400;

// What would start a directive in the words is escaped, as in a paste (content/paste.ts), so
// that words in a document never become evidence.
const directiveEscapes = {
  unsafe: (directiveToMarkdown().unsafe ?? []).map((pattern) => {
    const { before: _before, ...unconditional } = pattern;
    const inText = pattern.character === ":" && !pattern.atBreak && !pattern.afterNode;
    return { ...(inText ? unconditional : pattern), notInConstruct: [...[pattern.notInConstruct ?? []].flat(), "destinationLiteral", "destinationRaw"] as ConstructName[] };
  }),
};

/** The house style of Markdown, as a paste writes it: `-` bullets, `*emphasis*`, `**strong**`. */
const HOUSE_STYLE: ToMarkdownOptions = { bullet: "-", emphasis: "*", strong: "*", rule: "-", fences: true, listItemIndent: "one", extensions: [gfmToMarkdown(), directiveEscapes] };

/** One block back to Markdown (the house style), with the definitions of the footnotes it references appended. */
export function markdownOf(node: RootContent, definitions: Map<string, RootContent>): string {
  const used = new Set<string>();
  visit(node as Nodes, "footnoteReference", (ref) => void used.add(ref.identifier));
  const defs = [...used].flatMap((id) => definitions.get(id) ?? []);
  return toMarkdown({ type: "root", children: [node, ...defs] }, HOUSE_STYLE).trim();
}

/** A paragraph's lines, split at its line breaks. */
function linesOf(paragraph: Paragraph): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === "break") lines.push([]);
    else lines.at(-1)!.push(child);
  }
  return lines.filter((line) => line.some((n) => n.type !== "text" || n.value.trim()));
}

/** The part of some inline content after a number of characters of its text. */
function cutAfter(nodes: PhrasingContent[], offset: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const node of nodes) {
    const length = toString(node).length;
    if (at >= offset) out.push(node);
    else if (at + length > offset) {
      const inside = offset - at;
      if (node.type === "text" || node.type === "inlineCode") out.push({ ...node, value: node.value.slice(inside) });
      else if ("children" in node) {
        const children = cutAfter(node.children, inside);
        if (children.length) out.push({ ...node, children });
      }
    }
    at += length;
  }
  // The text starts with words, not with the space after the colon.
  while (out[0]?.type === "text" && !out[0].value.trim()) out.shift();
  if (out[0]?.type === "text") out[0] = { ...out[0], value: out[0].value.trimStart() };
  return out;
}

/** Bold, or italic bold: the text of a line's leading bold run, if it starts with one. */
function leadingBold(nodes: PhrasingContent[]): string | undefined {
  let first = nodes.find((n) => n.type !== "text" || n.value.trim());
  if (first?.type === "emphasis" && first.children.length === 1) first = first.children[0];
  return first?.type === "strong" ? toString(first) : undefined;
}

/** A short paragraph all in bold ("**Summary**", "**Résumé :**") naming a field: a heading in all but style. */
function boldHeading(paragraph: Paragraph): { text: string; named: Named } | undefined {
  const kids = paragraph.children.filter((n) => !(n.type === "text" && /^[\s:：]*$/.test(n.value)));
  if (kids.length !== 1) return undefined;
  const text = leadingBold(kids);
  if (text === undefined || text.length > 120) return undefined;
  const named = nameOf(text);
  return named ? { text, named } : undefined;
}

/** A line read as "Label: text", if its label names something. */
function labelLine(line: PhrasingContent[]): { named: Named; label: string; rest: PhrasingContent[]; bold: boolean } | undefined {
  const text = toString({ type: "paragraph", children: line });
  const label = labelOf(text);
  if (!label) return undefined;
  const bold = leadingBold(line);
  const lead = text.length - text.trimStart().length;
  return { named: label.named, label: text.slice(0, label.rest - 1).trim(), rest: cutAfter(line, label.rest), bold: bold !== undefined && label.rest - lead <= bold.trim().length + 2 };
}

const clip = (s: string) => (s.length > HEADING_CHARS ? `${s.slice(0, HEADING_CHARS - 1)}…` : s);
const firstLineOf = (text: string) => text.trim().split("\n", 1)[0]!.trim();

/**
 * Cuts a converted document into passages (see the rules above). `skip` says which paragraphs
 * are the template's help texts, left out.
 */
export function cutPassages(root: Root, skip: (text: string) => boolean): Cut {
  const definitions = new Map<string, RootContent>();
  for (const node of root.children) if (node.type === "footnoteDefinition") definitions.set(node.identifier, node);
  const passages: Passage[] = [];
  const otherHeadings: string[] = [];
  let section: Section = { target: "unplaced", reason: "none", level: 0, heading: null };
  /** The heading the next passage is under: the section's, or a sub-heading inside it. */
  let under: string | null = null;
  let titleStyled: string | null = null;
  let titleHeading: string | null = null;
  let titleLabel: string | null = null;
  let awaitingTitle = false;
  let namedSeen = false;
  let lastDepth = 0;
  let firstLine = "";

  const titleTaken = () => titleStyled !== null || titleHeading !== null || titleLabel !== null;
  const push = (markdown: string, target: PassageTarget, reason: PassageReason) => {
    if (markdown.trim()) passages.push({ n: passages.length + 1, markdown, heading: under, target, reason });
  };
  const open = (named: Named, level: number, heading: string) => {
    namedSeen = true;
    under = clip(heading);
    if (named === "title") {
      awaitingTitle = !titleTaken();
      section = { target: "unplaced", reason: "none", level, heading: under };
    } else if (named === "organization") section = { target: "unplaced", reason: "organization", level, heading: under };
    else section = { target: named, reason: "heading", level, heading: under };
  };
  const paragraphOf = (lines: PhrasingContent[][]): Paragraph => ({ type: "paragraph", children: lines.flatMap((line, i) => (i ? [{ type: "break" }, ...line] : line)) });

  /** A paragraph's lines (or a list's items, when every one is a label) as passages; false when no line is a label. */
  const labelled = (lines: PhrasingContent[][], asItems: boolean): boolean => {
    const read = lines.map(labelLine);
    const allowed = (l: (typeof read)[number]) => {
      if (!l) return false;
      if (section.target === "unplaced") return true;
      if (l.named === "title" || l.named === "organization") return false;
      return l.bold || (!isText(section.target) && PLAIN_IN_FIELD.includes(l.named));
    };
    if (!read.some(allowed) || (asItems && !read.every(allowed))) return false;
    // Lines without a label continue the label above them (a contact's second line), or stand alone.
    let group: { lines: PhrasingContent[][]; target: PassageTarget; reason: PassageReason } | null = null;
    const flush = () => {
      if (group) push(markdownOf(paragraphOf(group.lines), definitions), group.target, group.reason);
      group = null;
    };
    lines.forEach((line, i) => {
      const label = read[i];
      if (!label || !allowed(label)) {
        if (group) group.lines.push(line);
        else group = { lines: [line], target: section.target, reason: section.reason };
        return;
      }
      flush();
      if (label.named === "title" && !titleTaken()) {
        titleLabel = toString({ type: "paragraph", children: label.rest }).trim().slice(0, 300);
        return;
      }
      if (label.named === "title") group = { lines: [line], target: "unplaced", reason: "none" };
      else if (label.named === "organization") group = { lines: [label.rest], target: "unplaced", reason: "organization" };
      else group = { lines: [label.rest], target: label.named, reason: "label" };
      if (label.bold && PROSE.includes(label.named)) {
        namedSeen = true;
        under = clip(label.label);
        section = { target: label.named as PassageTarget, reason: "heading", level: lastDepth + 1, heading: under };
      }
    });
    flush();
    return true;
  };

  for (const node of root.children) {
    if (node.type === "footnoteDefinition" || node.type === "definition" || node.type === "thematicBreak") continue;
    if (!firstLine) firstLine = firstLineOf(toString(node));
    if (node.type === "heading") {
      const text = toString(node).trim();
      const named = nameOf(text);
      awaitingTitle = false;
      if (named) {
        open(named, node.depth, text);
        lastDepth = node.depth;
        continue;
      }
      lastDepth = node.depth;
      if (node.depth === 1 && titleStyled === null && !namedSeen) {
        titleStyled = text.slice(0, 300);
        // What follows the title, before any field's heading, is "before the first heading".
        under = null;
        section = { target: "unplaced", reason: "none", level: 1, heading: null };
        continue;
      }
      if (section.heading !== null && section.target !== "unplaced" && node.depth > section.level) {
        // A sub-heading stays in its field, one level below the field's own heading on the page.
        const depth = Math.min(6, 3 + node.depth - section.level - 1) as Heading["depth"];
        under = clip(text);
        push(markdownOf({ ...node, depth }, definitions), section.target, section.reason);
        continue;
      }
      if (otherHeadings.length < OTHER_HEADINGS) otherHeadings.push(clip(text));
      under = clip(text);
      section = { target: "unplaced", reason: "none", level: node.depth, heading: under };
      continue;
    }
    if (node.type === "paragraph") {
      const text = toString(node);
      if (skip(text)) continue;
      const bold = boldHeading(node);
      if (bold) {
        awaitingTitle = false;
        open(bold.named, lastDepth + 1, bold.text.replace(/[\s:：]+$/, ""));
        continue;
      }
      if (awaitingTitle) {
        awaitingTitle = false;
        titleHeading = text.trim().slice(0, 300);
        continue;
      }
      if (labelled(linesOf(node), false)) continue;
    }
    if (node.type === "list" && listLines(node)) {
      if (labelled(listLines(node)!, true)) continue;
    }
    awaitingTitle = false;
    push(markdownOf(node, definitions), section.target, section.reason);
  }
  const title = titleStyled !== null ? { text: titleStyled, from: "title" as const } : titleHeading !== null ? { text: titleHeading, from: "heading" as const } : titleLabel !== null ? { text: titleLabel, from: "label" as const } : null;
  return { passages, title, firstLine: firstLine.slice(0, 300), otherHeadings };
}

/** Passages joined into one, under the first one's heading and target. */
const joined = (group: Passage[]): Passage => (group.length === 1 ? group[0]! : { ...group[0]!, markdown: group.map((p) => p.markdown).join("\n\n") });

/**
 * Runs of consecutive passages that `same` says belong together, each cut into groups of as few
 * passages as let the whole fit in `max` (when the runs alone do not fit, each run is one group).
 */
function joinRuns(passages: Passage[], max: number, same: (a: Passage, b: Passage) => boolean): Passage[] {
  const runs: Passage[][] = [];
  for (const p of passages) {
    const run = runs.at(-1);
    if (run && same(run.at(-1)!, p)) run.push(p);
    else runs.push([p]);
  }
  const count = (size: number) => runs.reduce((sum, run) => sum + Math.ceil(run.length / size), 0);
  // The smallest group size that fits, by halving (each count is linear in the passages).
  let low = 1;
  let high = runs.reduce((most, run) => Math.max(most, run.length), 1);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (count(mid) <= max) high = mid;
    else low = mid + 1;
  }
  return runs.flatMap((run) => Array.from({ length: Math.ceil(run.length / low) }, (_, i) => joined(run.slice(i * low, (i + 1) * low))));
}

/**
 * At most `max` passages, every word kept: consecutive passages with the same heading and target
 * are joined (into as few groups as needed), then those with the same target; what is still too
 * many (a document alternating fields thousands of times) keeps its first passages and becomes
 * one unplaced passage past them. Renumbered.
 */
export function capPassages(passages: Passage[], max = MAX_PASSAGES): Passage[] {
  if (passages.length <= max) return passages;
  let out = joinRuns(passages, max, (a, b) => a.target === b.target && a.heading === b.heading);
  if (out.length > max) out = joinRuns(out, max, (a, b) => a.target === b.target);
  if (out.length > max) out = [...out.slice(0, max - 1), { ...joined(out.slice(max - 1)), target: "unplaced", reason: "none" }];
  return out.map((p, i) => ({ ...p, n: i + 1 }));
}

/** A list whose items are each one line of text, as those lines; undefined for any other list. */
function listLines(list: List): PhrasingContent[][] | undefined {
  const lines: PhrasingContent[][] = [];
  for (const item of list.children) {
    const [only, ...more] = item.children;
    if (more.length || only?.type !== "paragraph" || only.children.some((n) => n.type === "break")) return undefined;
    lines.push(only.children);
  }
  return lines;
}
