import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { exportReviewFile, formatRoundLines, roundLines } from "#src/cli/review.ts";
import { CliError } from "#src/cli/errors.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { chapterMark, sectionMark } from "#src/domain/review-suggestions.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import * as reviews from "#src/features/reviews/service.ts";
import { POOL_FROM_CHARS } from "#src/features/reviews/review-file.ts";
import { closePool } from "#src/lib/pool.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser } from "#test/helpers/factories.ts";
import { inDays, today } from "#test/helpers/dates.ts";

// "Download for review" on a round's pages and in the CLI: who may, which part, which language.

const env = useTestApp();

async function setting() {
  const db = env.database.db;
  const built = await buildReport(db);
  const chapter = built.chapters[0]!;
  const [first, second] = chapter.sections;
  const head = first!.texts.en!;
  const { revision } = await saveSection(db, SYSTEM_ACTOR, { sectionId: first!.id, language: "en", heading: head.heading, body: "Ledgers are **shared**.\n\n- one\n- two", baseRevisionId: head.revisionId, summary: null });
  const invited = await buildOrganization(db, { regionCode: "ESA" });
  const other = await buildOrganization(db, { regionCode: "AP" });
  const member = await buildUser(db, { role: "contributor", organizationId: invited.id });
  const outsider = await buildUser(db, { role: "contributor", organizationId: other.id });
  const editor = await buildUser(db, { role: "editor" });
  const round = await reviews.openRound(db, SYSTEM_ACTOR, built.report.id, { title: "Spring review", editionId: null, opensOn: today(), closesOn: inDays(14), visibility: "secretariat", instructions: "", organizationIds: [invited.id] });
  const draft = await loadDraft(db, built.report.slug);
  return { db, draft, chapter, first: first!, second, revision, round, member, outsider, editor };
}

const bookmarks = (docx: Uint8Array) => [...strFromU8(unzipSync(docx)["word/document.xml"]!).matchAll(/w:name="(_lr[^"]+)"/g)].map((m) => m[1]);

describe("review file downloads", () => {
  const dir = mkdtempSync(join(tmpdir(), "review-file-"));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await closePool();
  });

  it("gives invited members and the secretariat the text, each section marked with the revision they read", async () => {
    const { draft, chapter, first, revision, round, member, outsider, editor } = await setting();
    const asMember = await new Browser(env.app).signInAs(env.database, member.email);
    const page = await asMember.get(`/reviews/${round.id}`);
    expect(page.body).toContain(`action="/reviews/${round.id}/review.docx"`);
    expect(page.body).toContain(`<option value="${chapter.slug}">`);

    const whole = await asMember.get(`/reviews/${round.id}/review.docx`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers["content-type"]).toContain("wordprocessingml");
    expect(whole.headers["content-disposition"]).toContain(`review-${round.opensOn}-draft-en.docx`);
    const marks = bookmarks(whole.rawPayload);
    const expected = [chapterMark(1), ...draft.chapters[0]!.sections.filter((s) => s.texts.en).map((s) => sectionMark(s.id, s.texts.en!.revisionId))];
    expect(marks).toEqual(expected);
    expect(marks).toContain(sectionMark(first.id, revision.id));

    // A chapter by its short name or number; French falls back to the English text, marked with its revision.
    const french = await asMember.get(`/reviews/${round.id}/review.docx?chapter=${chapter.slug}&lang=fr`);
    expect(french.statusCode).toBe(200);
    expect(french.headers["content-disposition"]).toContain(`review-${round.opensOn}-${chapter.slug}-fr.docx`);
    expect(bookmarks(french.rawPayload)).toEqual(expected);
    expect(strFromU8(unzipSync(french.rawPayload)["word/document.xml"]!)).toContain("Comment relire ce fichier");
    expect((await asMember.get(`/reviews/${round.id}/review.docx?chapter=1`)).statusCode).toBe(200);

    // Bad requests are 400s; someone not invited does not learn the round exists.
    expect((await asMember.get(`/reviews/${round.id}/review.docx?chapter=no-such-chapter`)).statusCode).toBe(400);
    expect((await asMember.get(`/reviews/${round.id}/review.docx?lang=de`)).statusCode).toBe(400);
    const asOutsider = await new Browser(env.app).signInAs(env.database, outsider.email);
    expect((await asOutsider.get(`/reviews/${round.id}/review.docx`)).statusCode).toBe(404);
    expect((await new Browser(env.app).get(`/reviews/${round.id}/review.docx`)).statusCode).not.toBe(200);

    const asEditor = await new Browser(env.app).signInAs(env.database, editor.email);
    expect((await asEditor.get(`/editor/reviews/${round.id}`)).body).toContain(`action="/reviews/${round.id}/review.docx"`);
    const editorFile = await asEditor.get(`/reviews/${round.id}/review.docx?chapter=draft`);
    expect(editorFile.statusCode).toBe(200);
    expect(bookmarks(editorFile.rawPayload)).toEqual(expected);
  });

  it("lists rounds and writes the same file from the command line", async () => {
    const { db, draft, chapter, round } = await setting();
    const lines = await roundLines(db, draft.report.slug);
    expect(lines).toEqual([{ id: round.id, title: "Spring review", state: "open", opens: round.opensOn, closes: round.closesOn, edition: null, comments: 0, open: 0 }]);
    const table = formatRoundLines(lines, false);
    expect(table[0]).toMatch(/^ID\s+TITLE\s+STATE\s+OPENS\s+CLOSES\s+COMMENTS\s+OPEN$/);
    expect(table[1]).toContain(round.id);
    expect(JSON.parse(formatRoundLines(lines, true)[0]!)).toMatchObject({ id: round.id, state: "open" });
    await expect(roundLines(db, "no-such-report")).rejects.toBeInstanceOf(CliError);

    const out = join(dir, "chapter.docx");
    const written = await exportReviewFile(db, { round: round.id, chapter: chapter.slug, lang: "es", out });
    expect(written.filename).toBe(`review-${round.opensOn}-${chapter.slug}-es.docx`);
    expect(bookmarks(new Uint8Array(readFileSync(out)))).toEqual([chapterMark(1), ...draft.chapters[0]!.sections.filter((s) => s.texts.en).map((s) => sectionMark(s.id, s.texts.en!.revisionId))]);
    await expect(exportReviewFile(db, { round: round.id, chapter: "nope", out })).rejects.toThrow(/no chapter "nope"/);

    // A large text is written on a worker thread: the same file.
    const second = draft.chapters[0]!.sections[1]!;
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of a long section, long enough for the worker pool to write it.`).join("\n\n");
    expect(long.length).toBeGreaterThan(POOL_FROM_CHARS);
    const { revision } = await saveSection(db, SYSTEM_ACTOR, { sectionId: second.id, language: "en", heading: second.texts.en!.heading, body: long, baseRevisionId: second.texts.en!.revisionId, summary: null });
    await exportReviewFile(db, { round: round.id, out });
    const pooled = new Uint8Array(readFileSync(out));
    expect(bookmarks(pooled)).toContain(sectionMark(second.id, revision.id));
    expect(strFromU8(unzipSync(pooled)["word/document.xml"]!)).toContain("Paragraph 59 of a long section");
    await expect(exportReviewFile(db, { round: "not-an-id", out })).rejects.toBeInstanceOf(CliError);
    await expect(exportReviewFile(db, { round: round.id, lang: "de", out })).rejects.toThrow(/--lang/);
  });
});
