import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { renameChapter } from "#src/features/reports/structure.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();

describe("renaming a chapter from the outline", () => {
  it("saves the title in the language chosen in the form, never the interface's, and comes back to it", async () => {
    const draft = await buildReport(env.database.db);
    const chapter = draft.chapters[0]!;
    const editor = await buildUser(env.database.db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const outline = `/editor/reports/${draft.report.slug}`;

    // The fix link of a missing French title preselects French; the field holds the French title (none yet).
    const page = await browser.get(`${outline}?lang=fr`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`<select id="rename-lang-${chapter.id}" name="language"[^>]*><option value="en">English</option><option value="fr" selected>Français</option>`));
    expect(page.body).toMatch(new RegExp(`<input id="rename-${chapter.id}" name="title" class="input" lang="fr" value placeholder="Blockchain"`));
    // Without ?lang= the primary language is preselected, with its title.
    expect((await browser.get(outline)).body).toMatch(new RegExp(`<input id="rename-${chapter.id}" name="title" class="input" lang="en" value="Blockchain"`));

    // An English interface (the default) renaming in French.
    const saved = await browser.submit(`${outline}?lang=fr`, `/editor/chapters/${chapter.id}/rename`, { language: "fr", title: "Chaîne de blocs" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${outline}?lang=fr#ch-${chapter.id}`);
    const after = (await loadDraft(env.database.db, draft.report.slug)).chapters[0]!;
    expect(after.titles).toMatchObject({ en: "Blockchain", fr: "Chaîne de blocs" });
    expect(after.titles.es).toBeUndefined();
  });

  it("refuses a language the report is not written in", async () => {
    const draft = await buildReport(env.database.db);
    const { updateReport } = await import("#src/features/catalog/repository.ts");
    await updateReport(env.database.db, draft.report.id, { languages: ["en", "fr"] });
    await expect(renameChapter(env.database.db, SYSTEM_ACTOR, draft.chapters[0]!.id, "es", "Cadena de bloques")).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { language: "field.invalid" } });
    expect((await loadDraft(env.database.db, draft.report.slug)).chapters[0]!.titles).toEqual({ en: "Blockchain" });
  });
});
