import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { editionPages } from "#src/db/schema/editions.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { loadEditionContent, renderAllPages } from "#src/features/editions/render.ts";
import * as repo from "#src/features/editions/repository.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildReport } from "#test/helpers/factories.ts";

const env = useTestApp();

// A publish parses each text once for its pages, search entries and checks (content/parse.ts
// parsingOnce): the pages it stores must be, byte for byte, those each page renders on its own.

const TEXTS = {
  en: "A claim: see :case-study[the pilot]{ref=missing-case}.[^n]\n\n| Stage | Members |\n|---|---:|\n| Pilot | 12 |\n\nTable: Members by stage\n\n[^n]: The source.\n\n[^lost]: Nothing refers to this.",
  fr: "Une question : pourquoi ? « Oui ».[^n]\n\n| Étape | Membres |\n|---|---:|\n| Pilote | 12 |\n\nTableau : Membres par étape\n\n::figure{ref=stage-by-region}\n\n[^n]: Une note : la source.",
};

describe("publishing an edition", () => {
  it("stores the pages each one renders on its own, byte for byte, in every language", async () => {
    const db = env.database.db;
    const built = await buildReport(db);
    const section = built.chapters[0]!.sections[0]!;
    // English and French texts; Spanish pages show the English one (a fallback, parsed in both page languages).
    await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: section.texts.en!.heading, body: TEXTS.en, baseRevisionId: section.texts.en!.revisionId, summary: null });
    await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "fr", heading: "Chaîne de blocs", body: TEXTS.fr, baseRevisionId: null, summary: null });
    expect((await loadDraft(db, built.report.slug)).chapters[0]!.sections[0]!.texts.fr?.body).toBe(TEXTS.fr);
    const edition = await freezeEdition(db, SYSTEM_ACTOR, built.report.id, { label: "2024", title: "Edition 2024", editionDate: "2024-05-01", foreword: null });
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost:3000", acknowledgement: { note: "Known gaps." } });

    const published = (await repo.getEdition(db, edition.id))!;
    const content = await loadEditionContent(db, (await getReport(db, built.report.id))!, published);
    const expected = [...renderAllPages(content, "http://localhost:3000")].map((p) => ({ language: p.language, path: p.path, html: p.html, etag: p.etag }));
    const stored = await db.select({ language: editionPages.language, path: editionPages.path, html: editionPages.html, etag: editionPages.etag }).from(editionPages).where(eq(editionPages.editionId, edition.id));
    const key = (p: { language: string; path: string }) => `${p.language}/${p.path}`;
    expect(stored.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    const chapter = built.chapters[0]!.slug;
    expect(stored.find((p) => key(p) === `fr/${chapter}`)!.html).toContain("question\u202f:");
    expect(stored.find((p) => key(p) === `es/${chapter}`)!.html).toContain("A claim: see");
  });
});
