import { afterEach, describe, expect, it, vi } from "vitest";
import { autosaveKey, decide, draftPayload, parseStored, startAutosave } from "#src/client/editor/autosave.ts";

describe("the work autosave keeps in the browser", () => {
  it("is kept per section and language, with its base revision and time", () => {
    expect(autosaveKey("3f0c", "fr")).toBe("lr-unsaved:3f0c:fr");
    expect(autosaveKey("3f0c", "fr")).not.toBe(autosaveKey("3f0c", "en"));
    const draft = draftPayload("# Text", "41", new Date("2025-03-01T10:20:00Z"));
    expect(draft).toEqual({ markdown: "# Text", baseRevisionId: "41", savedAt: "2025-03-01T10:20:00.000Z" });
    expect(parseStored(JSON.stringify(draft))).toEqual(draft);
  });

  it("reads back nothing from values it did not write", () => {
    for (const raw of [null, "", "not json", "null", "42", '"text"', "[]", "{}", '{"markdown":1,"baseRevisionId":"1","savedAt":"2025-01-01"}', '{"markdown":"x","baseRevisionId":1,"savedAt":"2025-01-01"}', '{"markdown":"x","baseRevisionId":"1","savedAt":"yesterday"}']) {
      expect(parseStored(raw), String(raw)).toBeNull();
    }
    // An empty text is still work (everything was deleted), and a section with no text yet has base "".
    expect(parseStored('{"markdown":"","baseRevisionId":"","savedAt":"2025-01-01T00:00:00Z"}')).toEqual({ markdown: "", baseRevisionId: "", savedAt: "2025-01-01T00:00:00Z" });
  });

  it("offers kept work back only when it differs from the page, and says when the page has moved on", () => {
    const kept = draftPayload("Mine, unsaved.", "7");
    expect(decide(null, { markdown: "Theirs.", baseRevisionId: "7" })).toBe("none");
    // The page shows that very text (it was saved, or the form holds it again): nothing to offer, forget it.
    expect(decide(kept, { markdown: "Mine, unsaved.", baseRevisionId: "7" })).toBe("clear");
    expect(decide(kept, { markdown: "Mine, unsaved.", baseRevisionId: "8" })).toBe("clear");
    // Same base: plain restore. Another base: someone saved since, restoring must not overwrite them.
    expect(decide(kept, { markdown: "Saved text.", baseRevisionId: "7" })).toBe("offer");
    expect(decide(kept, { markdown: "Their newer text.", baseRevisionId: "9" })).toBe("offer-stale");
    expect(decide(draftPayload("First words.", ""), { markdown: "", baseRevisionId: "" })).toBe("offer");
    expect(decide(draftPayload("First words.", ""), { markdown: "Someone else's first words.", baseRevisionId: "12" })).toBe("offer-stale");
  });
});

/** Just enough of a page for the autosave: a form, its textarea, the browser's storage and events. */
function page(text: string) {
  const listeners = new Map<string, (() => void)[]>();
  const target = (prefix: string) => ({
    addEventListener: (type: string, listener: () => void) => listeners.set(prefix + type, [...(listeners.get(prefix + type) ?? []), listener]),
  });
  const fire = (name: string) => listeners.get(name)?.forEach((listener) => listener());
  const stored = new Map<string, string>();
  const localStorage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v), removeItem: (k: string) => void stored.delete(k) };
  const doc = { ...target("document:"), visibilityState: "visible", getElementById: () => null, documentElement: { lang: "en" } };
  vi.stubGlobal("window", { ...target("window:"), localStorage });
  vi.stubGlobal("document", doc);
  const textarea = { ...target("textarea:"), value: text };
  const form = { ...target("form:"), querySelector: () => ({ value: "7" }) };
  const kept = () => parseStored(stored.get("k") ?? null)?.markdown;
  return { textarea, form, fire, kept, doc, stored };
}

describe("the autosave while the page is open", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("keeps what is sent on saving: a refused save loses nothing, and the next page showing it forgets it", () => {
    vi.useFakeTimers();
    const p = page("Saved text.");
    startAutosave({ form: p.form as unknown as HTMLFormElement, textarea: p.textarea as unknown as HTMLTextAreaElement, key: "k", baseRevisionId: "7", onRestore: () => {} });
    p.textarea.value = "Saved text, and more.";
    p.fire("textarea:input");
    p.fire("form:submit");
    expect(p.kept()).toBe("Saved text, and more.");
    // The page after a save shows that very text: forgotten.
    const next = page("Saved text, and more.");
    next.stored.set("k", JSON.stringify(draftPayload("Saved text, and more.", "7")));
    startAutosave({ form: next.form as unknown as HTMLFormElement, textarea: next.textarea as unknown as HTMLTextAreaElement, key: "k", baseRevisionId: "8", onRestore: () => {} });
    expect(next.kept()).toBeUndefined();
  });

  it("brings the textarea up to date before keeping it, when the page is hidden or left", () => {
    vi.useFakeTimers();
    const p = page("Start.");
    let editor = "Start.";
    const beforeSave = () => (p.textarea.value = editor);
    startAutosave({ form: p.form as unknown as HTMLFormElement, textarea: p.textarea as unknown as HTMLTextAreaElement, key: "k", baseRevisionId: "7", onRestore: () => {}, beforeSave });
    p.textarea.value = editor = "Start. Typed";
    p.fire("textarea:input");
    // Typed on within the editor's moment of delay, then the tab goes to the background.
    editor = "Start. Typed the last words.";
    p.doc.visibilityState = "hidden";
    p.fire("document:visibilitychange");
    expect(p.kept()).toBe("Start. Typed the last words.");
    editor = "Start. Typed the last words, and left.";
    p.fire("window:pagehide");
    expect(p.kept()).toBe("Start. Typed the last words, and left.");
  });
});
