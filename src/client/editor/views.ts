import type { Node } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView, type NodeView } from "prosemirror-view";
import { footnoteNumbers, SECTION_LINK } from "#src/client/editor/commands.ts";
import { describe, type EvidenceItem, type PickerKind } from "#src/client/editor/evidence.ts";
import type { RichKey, RichMessages } from "#src/client/editor/messages.ts";
import { schema } from "#src/client/editor/schema.ts";

// How the editor shows what is not plain text: evidence as cards that say what they stand for
// (and, in the editor itself, when a reference resolves to nothing or would block publishing),
// footnote numbers as readers will see them, links to sections that lead nowhere, and Markdown
// kept as written.

const KIND_LABEL: Record<string, RichKey> = { figure: "rich.figure", "case-study": "rich.caseStudy", recommendation: "rich.recommendation" };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What a reference stands for: undefined while asking (or when the server cannot be asked), null when nothing. */
type Lookup = { state: "pending" } | { state: "done"; item: EvidenceItem | null } | { state: "failed" };

function lookup(kind: PickerKind, ref: string, then: (result: Lookup) => void): void {
  describe(kind, ref).then(
    (item) => then({ state: "done", item }),
    () => then({ state: "failed" }),
  );
}

/** The problem a looked-up reference has, in words, or null. */
function problemOf(m: RichMessages, kind: string, ref: string, result: Lookup): string | null {
  if (result.state !== "done") return null;
  if (!result.item) return m("rich.notFound", { kind: m(KIND_LABEL[kind] ?? "rich.figure"), ref });
  if (!result.item.usable) return m("rich.notUsable", { status: result.item.statusLabel });
  return null;
}

/**
 * A reference shown by what it stands for: asks the server once per reference (again only when
 * the node's attributes change) and draws itself from the answer. Subclasses draw.
 */
abstract class LookedUpView implements NodeView {
  private asked = "";

  constructor(
    public dom: HTMLElement,
    protected node: Node,
    protected readonly m: RichMessages,
  ) {
    this.dom.contentEditable = "false";
    this.render();
  }

  protected abstract show(result: Lookup): void;

  private render() {
    const { kind, ref, label } = this.node.attrs as { kind: string; ref: string; label?: string };
    const key = `${kind}:${ref}:${label ?? ""}`;
    if (key === this.asked) return;
    this.asked = key;
    this.show({ state: "pending" });
    lookup(kind as PickerKind, ref, (result) => {
      if (this.asked === key) this.show(result);
    });
  }

  update(node: Node) {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    return true;
  }

  ignoreMutation() {
    return true;
  }
}

/** A figure, recommendation or case study placed as a block: a card. */
class EvidenceCard extends LookedUpView {
  constructor(node: Node, m: RichMessages) {
    super(el("div", "rt-evidence"), node, m);
  }

  protected show(result: Lookup) {
    this.dom.dataset.kind = String(this.node.attrs.kind);
    this.dom.dataset.ref = String(this.node.attrs.ref);
    const { m } = this;
    const { kind, ref } = this.node.attrs as { kind: string; ref: string };
    const item = result.state === "done" ? result.item : null;
    const body = el("span", "rt-card-body");
    body.append(el("span", "rt-card-kind", m(KIND_LABEL[kind] ?? "rich.figure")));
    body.append(el("span", "rt-card-title", item?.title ?? (result.state === "pending" ? m("rich.loading", { ref }) : ref)));
    if (item) {
      const meta = [item.technology, item.kind === "section" ? null : item.ref].filter((x): x is string => Boolean(x)).join(" · ");
      if (meta) body.append(el("span", "rt-card-meta", meta));
      body.append(el("span", item.usable ? "tag" : "tag tag-outOfDate", item.statusLabel));
    }
    const problem = problemOf(m, kind, ref, result);
    if (problem) body.append(el("span", "rt-problem", `⚠ ${problem}`));
    this.dom.classList.toggle("is-problem", Boolean(problem));
    const parts: HTMLElement[] = [];
    if (item?.thumbnail && kind === "figure") {
      const img = el("img", "rt-thumb");
      img.alt = "";
      img.src = item.thumbnail;
      img.loading = "lazy";
      parts.push(img);
    }
    this.dom.replaceChildren(...parts, body);
  }
}

/** A case study named in running text: a chip with the writer's words. */
class EvidenceChip extends LookedUpView {
  constructor(node: Node, m: RichMessages) {
    super(el("span", "rt-evidence-inline"), node, m);
  }

  protected show(result: Lookup) {
    const { kind, ref, label } = this.node.attrs as { kind: string; ref: string; label: string };
    const item = result.state === "done" ? result.item : null;
    this.dom.title = item ? `${this.m(KIND_LABEL[kind] ?? "rich.caseStudy")}: ${item.title} (${item.statusLabel})` : `${this.m(KIND_LABEL[kind] ?? "rich.caseStudy")}: ${ref}`;
    const parts: (HTMLElement | string)[] = [el("span", "rt-chip-label", label || item?.title || ref)];
    const problem = problemOf(this.m, kind, ref, result);
    if (problem) parts.push(el("span", "rt-problem", ` ⚠ ${problem}`));
    this.dom.classList.toggle("is-problem", Boolean(problem));
    this.dom.replaceChildren(...parts);
  }
}

export const nodeViews = (m: RichMessages) => ({
  evidence: (node: Node) => new EvidenceCard(node, m),
  evidence_inline: (node: Node) => new EvidenceChip(node, m),
});

// ---------------------------------------------------------------------------------------------

const annotations = new PluginKey<DecorationSet>("annotations");

/** Section links already asked about: href → found (true), nothing there (false). */
const sectionLinks = new Map<string, boolean | "pending">();

function decorate(state: EditorState, m: RichMessages, ask: (href: string) => void): DecorationSet {
  const decorations: Decoration[] = [];
  const numbers = footnoteNumbers(state.doc);
  const link = schema.marks.link;
  state.doc.descendants((node, pos) => {
    if (node.type === schema.nodes.footnote_ref) {
      const n = numbers.get(String(node.attrs.label).toLowerCase());
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-n": n ? String(n) : "?", title: m("rich.footnoteText", { n: n ?? String(node.attrs.label) }) }));
    } else if (node.type === schema.nodes.footnote_definition) {
      const n = numbers.get(String(node.attrs.label).toLowerCase());
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-n": n ? String(n) : String(node.attrs.label) }));
    } else if (node.type === schema.nodes.raw || node.type === schema.nodes.raw_inline) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { title: m("rich.raw") }));
    } else if (node.isText) {
      const mark = link.isInSet(node.marks);
      const href = mark ? String(mark.attrs.href) : "";
      if (mark && SECTION_LINK.test(href)) {
        const known = sectionLinks.get(href);
        if (known === undefined) ask(href);
        else if (known === false) {
          decorations.push(Decoration.inline(pos, pos + node.nodeSize, { class: "rt-link-broken" }));
          const after = pos + node.nodeSize;
          const $after = state.doc.resolve(after);
          if (!$after.nodeAfter || !mark.isInSet($after.nodeAfter.marks)) {
            decorations.push(
              Decoration.widget(after, () => el("span", "rt-problem", ` ⚠ ${m("rich.linkBroken")}`), { side: -1, ignoreSelection: true, key: `broken:${href}:${after}` }),
            );
          }
        }
      }
    }
    return true;
  });
  return DecorationSet.create(state.doc, decorations);
}

/** Footnote numbers, section links that lead nowhere, and the hint on Markdown kept as written. */
export function annotationsPlugin(m: RichMessages): Plugin {
  let view: EditorView | undefined;
  const ask = (href: string) => {
    sectionLinks.set(href, "pending");
    describe("section", href).then(
      (item) => {
        sectionLinks.set(href, item !== null);
        view?.dispatch(view.state.tr.setMeta(annotations, "refresh"));
      },
      () => sectionLinks.delete(href),
    );
  };
  return new Plugin<DecorationSet>({
    key: annotations,
    state: {
      init: (_, state) => decorate(state, m, ask),
      apply: (tr, old, _, state) => (tr.docChanged || tr.getMeta(annotations) ? decorate(state, m, ask) : old),
    },
    props: { decorations: (state) => annotations.getState(state) },
    view: (v) => {
      view = v;
      return { destroy: () => (view = undefined) };
    },
  });
}
