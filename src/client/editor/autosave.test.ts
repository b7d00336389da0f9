import { describe, expect, it } from "vitest";
import { autosaveKey, decide, draftPayload, parseStored } from "#src/client/editor/autosave.ts";

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
