import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { sectionReferences, sectionRevisions } from "#src/db/schema/reports.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { loadDraft, translationState } from "#src/features/reports/draft.ts";
import { saveSection, StaleRevisionError } from "#src/features/reports/revisions.ts";
import { moveSection, removeSection } from "#src/features/reports/structure.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildReport } from "#test/helpers/factories.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("section revisions", () => {
  it("builds a technology chapter from its template", async () => {
    const draft = await buildReport(database.db);
    const chapter = draft.chapters[0]!;
    expect(chapter.sections.map((s) => s.texts.en?.heading)).toEqual([
      "What it is",
      "How it is used today",
      "Benefits and risks",
      "Potential future use",
      "Links with other technologies",
      "Implementation by members",
    ]);
    expect(chapter.sections[0]!.slug).toBe("what-it-is");
  });

  it("makes an immutable revision per save and indexes the evidence used", async () => {
    const draft = await buildReport(database.db);
    const section = draft.chapters[0]!.sections[0]!;
    const base = section.texts.en!.revisionId;
    const body = "Ledgers shared by partners.[^1]\n\n::figure{ref=blockchain-stage}\n\n[^1]: A note.";
    const first = await saveSection(database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "What it is", body, baseRevisionId: base, summary: "first text" });
    expect(first.created).toBe(true);
    expect(first.revision).toMatchObject({ baseRevisionId: base, summary: "first text" });
    const same = await saveSection(database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "What it is", body, baseRevisionId: first.revision.id, summary: null });
    expect(same.created).toBe(false);
    const refs = await database.db.select().from(sectionReferences).where(eq(sectionReferences.sectionId, section.id));
    expect(refs).toEqual([{ sectionId: section.id, language: "en", kind: "figure", ref: "blockchain-stage" }]);
    const revisions = await database.db.select().from(sectionRevisions).where(eq(sectionRevisions.sectionId, section.id));
    expect(revisions).toHaveLength(2);
  });

  it("refuses a stale save with the current text, and refuses leftover conflict markers", async () => {
    const draft = await buildReport(database.db);
    const section = draft.chapters[0]!.sections[1]!;
    const base = section.texts.en!.revisionId;
    const input = { sectionId: section.id, language: "en" as const, heading: "How it is used today", baseRevisionId: base, summary: null };
    const winner = await saveSection(database.db, SYSTEM_ACTOR, { ...input, body: "Their words." });
    const stale = await saveSection(database.db, SYSTEM_ACTOR, { ...input, body: "My words." }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleRevisionError);
    expect((stale as StaleRevisionError).current?.id).toBe(winner.revision.id);
    expect((stale as StaleRevisionError).status).toBe(409);
    const marked = { ...input, baseRevisionId: winner.revision.id, body: "<<<<<<< THEIR VERSION\na\n======= YOUR VERSION\nb\n>>>>>>> END OF CONFLICT" };
    await expect(saveSection(database.db, SYSTEM_ACTOR, marked)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { body: "field.conflictMarkers" } });
  });

  it("lets exactly one of twenty concurrent saves on the same base win", async () => {
    const draft = await buildReport(database.db);
    const section = draft.chapters[0]!.sections[2]!;
    const base = section.texts.en!.revisionId;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        saveSection(database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "Benefits and risks", body: `Version ${i}.`, baseRevisionId: base, summary: null }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect(r.reason).toMatchObject({ code: "STALE_REVISION", status: 409 });
    // Only the winner's revision exists beyond the template's first one: losers wrote nothing.
    const revisions = await database.db.select().from(sectionRevisions).where(eq(sectionRevisions.sectionId, section.id));
    expect(revisions).toHaveLength(2);
    const after = await loadDraft(database.db, draft.report.slug);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof saveSection>>>).value.revision;
    expect(after.chapters[0]!.sections[2]!.texts.en!.revisionId).toBe(winner.id);
  });

  it("marks a translation out of date when its source changes, and up to date when re-translated", async () => {
    const draft = await buildReport(database.db);
    const section = draft.chapters[0]!.sections[3]!;
    const enBase = section.texts.en!.revisionId;
    const en1 = await saveSection(database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "Potential future use", body: "Drones may inspect cargo.", baseRevisionId: enBase, summary: null });
    const fr1 = await saveSection(database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "fr", heading: "Utilisation future", body: "Les drones pourraient inspecter les marchandises.", baseRevisionId: null, summary: null });
    expect(fr1.revision.sourceRevisionId).toBe(en1.revision.id);
    const state = async () => {
      const d = await loadDraft(database.db, draft.report.slug);
      return translationState(d.chapters[0]!.sections[3]!, "en", "fr");
    };
    expect(await state()).toBe("upToDate");
    const en2 = await saveSection(database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "Potential future use", body: "Drones may inspect cargo and borders.", baseRevisionId: en1.revision.id, summary: null });
    expect(await state()).toBe("outOfDate");
    await saveSection(database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "fr", heading: "Utilisation future", body: "Les drones pourraient inspecter marchandises et frontières.", baseRevisionId: fr1.revision.id, summary: null });
    expect(await state()).toBe("upToDate");
    expect(en2.revision.sourceRevisionId).toBeNull();
  });

  it("reorders and removes sections, keeping removed ones' history", async () => {
    const draft = await buildReport(database.db);
    const [first, second] = draft.chapters[0]!.sections;
    await moveSection(database.db, SYSTEM_ACTOR, second!.id, "up");
    let after = await loadDraft(database.db, draft.report.slug);
    expect(after.chapters[0]!.sections.slice(0, 2).map((s) => s.id)).toEqual([second!.id, first!.id]);
    await removeSection(database.db, SYSTEM_ACTOR, first!.id);
    after = await loadDraft(database.db, draft.report.slug);
    expect(after.chapters[0]!.sections.map((s) => s.id)).not.toContain(first!.id);
    const kept = await database.db.select().from(sectionRevisions).where(eq(sectionRevisions.sectionId, first!.id));
    expect(kept.length).toBeGreaterThan(0);
  });
});
