import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEvents } from "#src/db/schema/audit.ts";
import { reviewComments, reviewImports } from "#src/db/schema/reviews.ts";
import { SYSTEM_ACTOR, type Caller } from "#src/domain/actors.ts";
import { sectionMark } from "#src/domain/review-suggestions.ts";
import { freezeEdition } from "#src/features/editions/service.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import * as imports from "#src/features/reviews/imports-repository.ts";
import { roundDocument } from "#src/features/reviews/read.ts";
import * as reviews from "#src/features/reviews/service.ts";
import { reviewDocx } from "#src/features/reviews/word-export.ts";
import { cancelReviewImport, confirmReviewImport, importReviewFile, MAX_PENDING_REVIEW_IMPORTS, previewReviewImport } from "#src/features/reviews/word-import.ts";
import { isAppError } from "#src/lib/errors.ts";
import { reviewImportLines } from "#src/cli/review-import.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser } from "#test/helpers/factories.ts";
import { hasCommand, prerequisite } from "#test/helpers/prerequisites.ts";
import { editInLibreOffice, hasLibreOfficeBridge, type LibreOfficeEdit } from "#test/fixtures/review-word/libreoffice.ts";
import { inDays, today } from "#test/helpers/dates.ts";
import { codeOf } from "#test/helpers/outcome.ts";

// Review files made by real programs (LibreOffice through its Python bridge, pandoc) from a round
// this file creates, so that their section marks name real sections and revisions.

const env = useTestApp();

const hasLibreOffice = hasLibreOfficeBridge();
const hasPandoc = prerequisite("pandoc", hasCommand("pandoc"), "apt-get install pandoc");

const work = mkdtempSync(join(tmpdir(), "review-word-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let files = 0;

/** The file opened in LibreOffice, edited with recording on as `spec` says, saved as Word (no spec: saved unchanged). */
function throughLibreOffice(docx: Buffer, spec?: LibreOfficeEdit): Buffer {
  const n = ++files;
  const input = join(work, `in-${n}.docx`);
  const output = join(work, `out-${n}.docx`);
  writeFileSync(input, docx);
  editInLibreOffice(input, output, spec);
  return readFileSync(output);
}

function throughPandoc(markdown: string): Buffer {
  const output = join(work, `pandoc-${++files}.docx`);
  const run = spawnSync("pandoc", ["-f", "markdown", "-o", output], { input: markdown, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pandoc failed: ${run.stderr}`);
  return readFileSync(output);
}

const BODY_1 = "Ledgers are shared among the members.\n\nThey keep a **record** of every trade.";
const BODY_2 = "Energy use is high.";

async function setting() {
  const db = env.database.db;
  const draft = await buildReport(db);
  const [first, second] = draft.chapters[0]!.sections;
  const write = async (section: typeof first, body: string) => {
    const head = section!.texts.en!;
    return (await saveSection(db, SYSTEM_ACTOR, { sectionId: section!.id, language: "en", heading: head.heading, body, baseRevisionId: head.revisionId, summary: null })).revision;
  };
  const r1 = await write(first, BODY_1);
  const r2 = await write(second, BODY_2);
  const invitedOrg = await buildOrganization(db);
  const otherOrg = await buildOrganization(db);
  const as = async (organizationId: string | null, role: "contributor" | "editor" = "contributor") => {
    const user = await buildUser(db, { role, organizationId });
    return { user, caller: { ...SYSTEM_ACTOR, userId: user.id, role, organizationId } as Caller };
  };
  const member = await as(invitedOrg.id);
  const outsider = await as(otherOrg.id);
  const editor = await as(null, "editor");
  const round = await reviews.openRound(db, editor.caller, draft.report.id, { title: "First reading", editionId: null, opensOn: today(), closesOn: inDays(10), visibility: "secretariat", instructions: "", organizationIds: [invitedOrg.id] });
  const chapters = await roundDocument(db, round, "en");
  const exported = await reviewDocx({ title: "Study Report", roundTitle: round.title, lang: "en", chapters });
  const s1 = chapters[0]!.sections.find((s) => s.id === first!.id)!;
  const s2 = chapters[0]!.sections.find((s) => s.id === second!.id)!;
  return { db, draft, first: first!, second: second!, round, invitedOrg, member, outsider, editor, exported, chapters, s1, s2, r1, r2 };
}

/** Our export of these chapters, its section marks naming the revisions given (a forged file when they are not the round's). */
const fileNaming = (chapters: Awaited<ReturnType<typeof roundDocument>>, names: Record<string, number>) =>
  reviewDocx({ title: "Study Report", roundTitle: "Round", lang: "en", chapters: chapters.map((c) => ({ ...c, sections: c.sections.map((s) => ({ ...s, revisionId: names[s.id] ?? s.revisionId })) })) });
const refusedSections = (preview: { unplaced: { reason: string; sectionId: string | null }[] }) => preview.unplaced.filter((u) => u.reason === "unknown-section").map((u) => u.sectionId);

const importedComments = (db: typeof env.database.db, importId: string) => db.select().from(reviewComments).where(eq(reviewComments.importId, importId));
const importsOf = async (db: typeof env.database.db, roundId: string) => (await db.select({ n: count() }).from(reviewImports).where(eq(reviewImports.roundId, roundId)))[0]!.n;

describe("a reviewed Word file uploaded to a round", () => {
  it.skipIf(!hasLibreOffice)("opened and saved by LibreOffice without a change, brings nothing", { timeout: 180_000 }, async () => {
    const { db, round, member, exported } = await setting();
    const resaved = throughLibreOffice(exported);
    const { preview } = await previewReviewImport(db, member.caller, round.id, { filename: "resaved.docx", data: resaved, language: "en" });
    expect(preview.sections).toBeGreaterThanOrEqual(2);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([]);
  });

  it.skipIf(!hasLibreOffice)("turns changes LibreOffice tracked into suggestions on their sections, once, keeping the file", { timeout: 180_000 }, async () => {
    const { db, round, member, editor, exported, s1, s2, r1, r2, invitedOrg } = await setting();
    const tracked = throughLibreOffice(exported, { replace: [["shared", "distributed"]], insertAfter: [["Energy use is high", ", even very high"]] });
    const { id, preview } = await previewReviewImport(db, member.caller, round.id, { filename: "tracked.docx", data: tracked, language: "en" });
    expect(preview.tracked).toBe(true);
    expect(preview.unplaced).toEqual([]);
    const [a, b] = preview.items;
    expect(a).toMatchObject({ kind: "suggestion", sectionId: s1.id, revisionId: r1.id, author: "Ana Reviewer", suggestion: { exact: "shared", replacement: "distributed" } });
    expect(b).toMatchObject({ kind: "suggestion", sectionId: s2.id, revisionId: r2.id });
    // Wherever the insertion is anchored, applying it gives the sentence the member wrote.
    const s = b!.kind === "suggestion" ? b!.suggestion : undefined;
    expect(BODY_2.slice(0, s!.start) + s!.replacement + BODY_2.slice(s!.end)).toBe("Energy use is high, even very high.");

    // What the command line prints for it: one line per suggestion, with its section and kind of change.
    const names = new Map([s1, s2].map((s) => [s.id, { number: s.number, heading: s.heading }]));
    expect(reviewImportLines(preview, names)).toMatchObject([
      { kind: "suggestion", section: s1.number, sectionId: s1.id, heading: s1.heading, change: "replace", replacement: "distributed", author: "Ana Reviewer" },
      { kind: "suggestion", section: s2.number, sectionId: s2.id },
    ]);

    // Nothing is written before the confirmation; then exactly the previewed items, as the uploader's organization's.
    expect(await importedComments(db, id)).toEqual([]);
    const created = await confirmReviewImport(db, member.caller, id);
    expect(created).toHaveLength(2);
    const rows = await importedComments(db, id);
    expect(rows.map((r) => [r.sectionId, r.origin, r.wordAuthor, r.organizationId, r.authorId, r.body, r.parentId]).sort()).toEqual(
      [
        [s1.id, "word", "Ana Reviewer", invitedOrg.id, member.user.id, "", null],
        [s2.id, "word", "Ana Reviewer", invitedOrg.id, member.user.id, "", null],
      ].sort(),
    );
    expect(rows.find((r) => r.sectionId === s1.id)).toMatchObject({ revisionId: r1.id, quote: "shared", suggestion: { exact: "shared", replacement: "distributed" } });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "review.import"), eq(auditEvents.entityId, round.id)));
    expect(audit?.data).toMatchObject({ importId: id, suggestions: 2, comments: 0, unplaced: 0 });

    // A second confirmation finds none, and neither does a cancellation; the file stays as sent.
    expect(await codeOf(confirmReviewImport(db, member.caller, id))).toBe("NOT_FOUND");
    expect(await codeOf(cancelReviewImport(db, member.caller, id))).toBe("NOT_FOUND");
    expect(await importedComments(db, id)).toHaveLength(2);
    const kept = await imports.reviewImportFile(db, id);
    expect(Buffer.compare(kept!.data, tracked)).toBe(0);
    expect((await imports.getReviewImport(db, id))!.status).toBe("confirmed");
    // Someone else's upload is not theirs to confirm, editor or not.
    const again = await previewReviewImport(db, member.caller, round.id, { filename: "tracked.docx", data: tracked, language: "en" });
    expect(await codeOf(confirmReviewImport(db, editor.caller, again.id))).toBe("NOT_FOUND");
  });

  it.skipIf(!hasPandoc)("reads the tracked changes and comments pandoc writes, on the sections its bookmarks name", async () => {
    const { db, round, member, s1, s2, r1, r2 } = await setting();
    // Word bookmark names start with a letter for pandoc, so ours go in as raw OOXML inside the headings.
    const mark = (id: string, revisionId: number, n: number) => `\`<w:bookmarkStart w:id="${900 + n}" w:name="${sectionMark(id, revisionId)}"/><w:bookmarkEnd w:id="${900 + n}"/>\`{=openxml}`;
    const by = (kind: string, who: string) => `{.${kind} author="${who}" date="2026-01-15T10:00:00Z"}`;
    const markdown = [
      `# 1 Blockchain`,
      `## ${mark(s1.id, r1.id, 1)}${s1.number} ${s1.heading}`,
      `Ledgers are [shared]${by("deletion", "Bea Pandoc")}[distributed]${by("insertion", "Bea Pandoc")} among the members.`,
      `They keep a [Which record?]{.comment-start id="0" author="Carl Note" date="2026-01-15T10:00:00Z"}**record**[]{.comment-end id="0"} of every trade.`,
      `## ${mark(s2.id, r2.id, 2)}${s2.number} ${s2.heading}`,
      `Energy use is high[, even very high]${by("insertion", "Bea Pandoc")}.`,
    ].join("\n\n");
    const { id, preview } = await previewReviewImport(db, member.caller, round.id, { filename: "pandoc.docx", data: throughPandoc(markdown), language: "en" });
    expect(preview.unplaced).toEqual([]);
    expect(preview.items).toHaveLength(3);
    expect(preview.items.find((i) => i.kind === "comment")).toMatchObject({ sectionId: s1.id, revisionId: r1.id, quote: "record", body: "Which record?", author: "Carl Note" });
    expect(preview.items.filter((i) => i.kind === "suggestion").map((i) => [i.sectionId, i.kind === "suggestion" && i.suggestion.replacement.includes("distributed")])).toEqual([
      [s1.id, true],
      [s2.id, false],
    ]);
    await confirmReviewImport(db, member.caller, id);
    const rows = await importedComments(db, id);
    expect(rows.find((r) => r.suggestion === null)).toMatchObject({ sectionId: s1.id, quote: "record", body: "Which record?", wordAuthor: "Carl Note", origin: "word" });
  });

  it.skipIf(!hasPandoc)("refuses whoever may not comment, files that are no Word file, and a closed round, writing nothing", async () => {
    const { db, round, member, outsider, editor, s1 } = await setting();
    const docx = throughPandoc(`## ${s1.number} ${s1.heading}\n\nLedgers are [shared]{.deletion author="A" date="2026-01-15T10:00:00Z"} among the members.\n\nThey keep a **record** of every trade.`);
    expect(await codeOf(previewReviewImport(db, outsider.caller, round.id, { filename: "f.docx", data: docx, language: "en" }))).toBe("NOT_FOUND");
    expect(await codeOf(previewReviewImport(db, member.caller, round.id, { filename: "f.docx", data: Buffer.from("%PDF-1.4 not a Word file"), language: "en" }))).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(await importsOf(db, round.id)).toBe(0);

    // The secretariat may upload too; a file without marks is matched on "<number> <heading>".
    const byEditor = await previewReviewImport(db, editor.caller, round.id, { filename: "f.docx", data: docx, language: "en" });
    expect(byEditor.preview.items).toMatchObject([{ kind: "suggestion", sectionId: s1.id, suggestion: { replacement: "" } }]);
    expect(byEditor.preview.items[0]!.kind === "suggestion" && byEditor.preview.items[0]!.suggestion.exact.trim()).toBe("shared");

    // Closed between the preview and the confirmation: nothing is created, the upload still waits.
    const { id } = await previewReviewImport(db, member.caller, round.id, { filename: "f.docx", data: docx, language: "en" });
    await reviews.closeRound(db, editor.caller, round.id, true);
    expect(await codeOf(confirmReviewImport(db, member.caller, id))).toBe("ROUND_CLOSED");
    expect(await importedComments(db, id)).toEqual([]);
    expect((await imports.getReviewImport(db, id))!.status).toBe("pending");
    expect(await codeOf(previewReviewImport(db, member.caller, round.id, { filename: "f.docx", data: docx, language: "en" }))).toBe("ROUND_CLOSED");
    await cancelReviewImport(db, member.caller, id);
    expect(await imports.getReviewImport(db, id)).toBeUndefined();
  });

  it("reads a section mark only if it names what the round showed: no newer draft, no other language", async () => {
    const { db, draft, first, second, round, member, editor, chapters, s1, s2, r1, r2 } = await setting();
    // A living-draft round shows the current text in the file's language (English, from its first mark): a French revision of a section is not it.
    const french = (await saveSection(db, SYSTEM_ACTOR, { sectionId: s2.id, language: "fr", heading: "Énergie", body: "Texte en cours de traduction.", baseRevisionId: second.texts.fr?.revisionId ?? null, summary: null })).revision;
    const honest = await previewReviewImport(db, member.caller, round.id, { filename: "a.docx", data: await fileNaming(chapters, {}), language: "en" });
    expect(refusedSections(honest.preview)).toEqual([]);
    const otherLanguage = await previewReviewImport(db, member.caller, round.id, { filename: "b.docx", data: await fileNaming(chapters, { [s2.id]: french.id }), language: "en" });
    expect(otherLanguage.preview.language).toBe("en");
    expect(refusedSections(otherLanguage.preview)).toEqual([s2.id]);
    expect(JSON.stringify(otherLanguage.preview)).not.toContain("traduction");

    // An edition round shows the edition's revision exactly: not the draft written since, nor an older one.
    const older = first.texts.en!.revisionId;
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2026", title: "Edition 2026", editionDate: today(), foreword: null });
    const newer = (await saveSection(db, SYSTEM_ACTOR, { sectionId: s1.id, language: "en", heading: s1.heading, body: "Unpublished draft words.", baseRevisionId: r1.id, summary: null })).revision;
    const onEdition = await reviews.openRound(db, editor.caller, draft.report.id, { title: "Edition reading", editionId: edition.id, opensOn: today(), closesOn: inDays(10), visibility: "secretariat", instructions: "", organizationIds: [member.caller.organizationId!] });
    const shown = await roundDocument(db, onEdition, "en");
    expect(shown[0]!.sections.map((s) => s.revisionId)).toEqual(expect.arrayContaining([r1.id, r2.id]));
    const asShown = await previewReviewImport(db, member.caller, onEdition.id, { filename: "c.docx", data: await fileNaming(shown, {}), language: "en" });
    expect(refusedSections(asShown.preview)).toEqual([]);
    for (const forged of [newer.id, older]) {
      const { preview } = await previewReviewImport(db, member.caller, onEdition.id, { filename: "d.docx", data: await fileNaming(shown, { [s1.id]: forged }), language: "en" });
      expect(refusedSections(preview)).toEqual([s1.id]);
      expect(JSON.stringify(preview)).not.toContain("Unpublished draft words");
    }
  });

  it("records uploads and cancellations in the audit log, with the write", async () => {
    const { db, round, member, chapters } = await setting();
    const { id } = await previewReviewImport(db, member.caller, round.id, { filename: "a.docx", data: await fileNaming(chapters, {}), language: "en" });
    const events = async () => (await db.select().from(auditEvents).where(eq(auditEvents.entityId, round.id))).filter((e) => e.action.startsWith("review.import")).map((e) => [e.action, (e.data as { importId?: string }).importId]);
    expect(await events()).toEqual([["review.importUpload", id]]);
    await cancelReviewImport(db, member.caller, id);
    expect((await events()).sort()).toEqual([["review.importCancel", id], ["review.importUpload", id]].sort());
  });

  it("keeps the cap on waiting uploads when they come at the same time", async () => {
    const { db, round, member, chapters } = await setting();
    const empty = { language: "en" as const, tracked: false, sections: 0, items: [], unplaced: [] };
    for (let i = 0; i < MAX_PENDING_REVIEW_IMPORTS - 2; i++) await imports.insertReviewImport(db, { roundId: round.id, createdBy: member.user.id, organizationId: member.caller.organizationId, filename: `f${i}.docx`, data: Buffer.from("x"), preview: empty });
    const data = await fileNaming(chapters, {});
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => codeOf(previewReviewImport(db, member.caller, round.id, { filename: `n${i}.docx`, data, language: "en" }))));
    expect(results.filter((r) => r === "resolved")).toHaveLength(2);
    expect(await importsOf(db, round.id)).toBe(MAX_PENDING_REVIEW_IMPORTS);
  });

  it("imports in one go for the command line, leaving nothing behind when refused", async () => {
    const { db, round, member, editor, chapters } = await setting();
    const data = await fileNaming(chapters, {});
    const done = await importReviewFile(db, member.caller, round.id, { filename: "a.docx", data, language: "en" });
    expect((await imports.getReviewImport(db, done.id))!.status).toBe("confirmed");
    await reviews.closeRound(db, editor.caller, round.id, true);
    expect(await codeOf(importReviewFile(db, member.caller, round.id, { filename: "b.docx", data, language: "en" }))).toBe("ROUND_CLOSED");
    expect(await importsOf(db, round.id)).toBe(1);
  });

  it("shows the preview in words and keeps the file for its uploader, then for the secretariat", async () => {
    const { db, round, member, editor, s1, r1 } = await setting();
    const suggestion = { start: 0, end: 7, exact: "Ledgers", prefix: "", suffix: " are shared among the members.", replacement: "Books \\*of record\\*" };
    const preview = {
      language: "en" as const,
      tracked: true,
      sections: 2,
      items: [
        { kind: "suggestion" as const, sectionId: s1.id, revisionId: r1.id, suggestion, quote: "Ledgers", author: null, date: null },
        { kind: "comment" as const, sectionId: "00000000-0000-4000-8000-000000000000", revisionId: null, quote: null, body: "Gone?", author: null, date: null },
      ],
      unplaced: [
        { kind: "suggestion" as const, reason: "unsupported" as const, text: "text-box", count: 2, body: null, sectionId: null, heading: null, author: null },
        { kind: "suggestion" as const, reason: "too-many" as const, text: "", count: 3, body: null, sectionId: null, heading: null, author: null },
      ],
    };
    const row = await imports.insertReviewImport(db, { roundId: round.id, createdBy: member.user.id, organizationId: member.caller.organizationId, filename: "kept.docx", data: Buffer.from("the bytes as sent"), preview });
    const browser = await new Browser(env.app).signInAs(env.database, member.user.email);
    const page = await browser.get(`/reviews/${round.id}/imports/${row.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<ins>Books *of record*</ins>");
    expect(page.body).not.toContain("\\*");
    expect(page.body).toContain("2 text boxes");
    expect(page.body).toContain("3 more suggestions and comments, left out");
    expect(page.body).toContain("A section no longer in the round");
    expect(page.body).not.toContain("00000000-0000-4000-8000-000000000000</h2>");
    expect(page.body).toContain(`href="/reviews/${round.id}/imports/${row.id}/file"`);
    // Under another round's address there is none.
    expect((await browser.get(`/reviews/${crypto.randomUUID()}/imports/${row.id}`)).statusCode).toBe(404);

    const file = await browser.get(`/reviews/${round.id}/imports/${row.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toContain("kept.docx");
    expect(file.rawPayload.toString()).toBe("the bytes as sent");
    const asEditor = await new Browser(env.app).signInAs(env.database, editor.user.email);
    expect((await asEditor.get(`/reviews/${round.id}/imports/${row.id}/file`)).statusCode).toBe(404);
    await db.update(reviewImports).set({ status: "confirmed" }).where(eq(reviewImports.id, row.id));
    expect((await asEditor.get(`/reviews/${round.id}/imports/${row.id}/file`)).statusCode).toBe(200);
    const colleague = await new Browser(env.app).signInAs(env.database, (await buildUser(db, { organizationId: member.caller.organizationId })).email);
    expect((await colleague.get(`/reviews/${round.id}/imports/${row.id}/file`)).statusCode).toBe(404);
  });

  it("keeps at most ten uploads waiting per person and round, and the clean-up forgets old ones but not confirmed ones", async () => {
    const { db, round, member } = await setting();
    const empty = { language: "en" as const, tracked: false, sections: 0, items: [], unplaced: [] };
    const rows = [];
    for (let i = 0; i < MAX_PENDING_REVIEW_IMPORTS; i++) rows.push(await imports.insertReviewImport(db, { roundId: round.id, createdBy: member.user.id, organizationId: member.caller.organizationId, filename: `f${i}.docx`, data: Buffer.from("x"), preview: empty }));
    const refused = await previewReviewImport(db, member.caller, round.id, { filename: "f.docx", data: Buffer.from("x"), language: "en" }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code === "VALIDATION_FAILED" && refused.fields).toEqual({ document: "reviewImport.tooManyPending" });

    await db.update(reviewImports).set({ createdAt: sql`now() - interval '8 days'` }).where(eq(reviewImports.roundId, round.id));
    await db.update(reviewImports).set({ status: "confirmed" }).where(eq(reviewImports.id, rows[0]!.id));
    expect(await imports.purgeStaleReviewImports(db)).toBeGreaterThanOrEqual(MAX_PENDING_REVIEW_IMPORTS - 1);
    expect(await importsOf(db, round.id)).toBe(1);
  });

  it.skipIf(!hasLibreOffice)("works through the pages: upload, preview with its counts, confirm, back on the round with a flash", { timeout: 180_000 }, async () => {
    const { round, member, editor, exported } = await setting();
    const tracked = throughLibreOffice(exported, { replace: [["shared", "distributed"]], insertAfter: [["Energy use is high", ", even very high"]] });
    const browser = await new Browser(env.app).signInAs(env.database, member.user.email);
    const roundPage = await browser.get(`/reviews/${round.id}`);
    expect(roundPage.body).toContain("Upload a reviewed Word file");
    const refused = await browser.upload(`/reviews/${round.id}`, `/reviews/${round.id}/imports`, "document", { filename: "notes.docx", data: Buffer.from("plain text") });
    expect(refused.statusCode).toBe(415);
    expect(refused.body).toContain("Upload a reviewed Word file");

    const uploaded = await browser.upload(`/reviews/${round.id}`, `/reviews/${round.id}/imports`, "document", { filename: "tracked.docx", data: tracked });
    expect(uploaded.statusCode).toBe(303);
    const previewUrl = uploaded.headers.location as string;
    expect(previewUrl).toMatch(new RegExp(`^/reviews/${round.id}/imports/[0-9a-f-]{36}$`));
    const page = await browser.get(previewUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("2 suggestions, 0 comments, 0 passages that could not be placed");
    expect(page.body).toContain("<ins>distributed</ins>");
    expect(page.body).toContain("In the file by Ana Reviewer");
    // Only the uploader sees it.
    const other = await new Browser(env.app).signInAs(env.database, (await buildUser(env.database.db, { organizationId: member.caller.organizationId })).email);
    expect((await other.get(previewUrl)).statusCode).toBe(404);

    const confirmed = await browser.submit(previewUrl, `${previewUrl}/confirm`, {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/reviews/${round.id}`);
    const back = await browser.get(`/reviews/${round.id}`);
    expect(back.body).toContain("2 comments were created from tracked.docx.");
    expect((await browser.get(previewUrl)).statusCode).toBe(404);
    // Each comment leads its uploader and the secretariat to the file as it was sent; a colleague gets no link.
    const fileLink = `href="${previewUrl}/file"`;
    expect(back.body.split(fileLink).length - 1).toBe(2);
    expect((await browser.get(`${previewUrl}/file`)).rawPayload.equals(tracked)).toBe(true);
    expect((await other.get(`/reviews/${round.id}`)).body).not.toContain(fileLink);

    // The secretariat uploads from its own page of the round and comes back to it.
    const asEditor = await new Browser(env.app).signInAs(env.database, editor.user.email);
    const editorPage = await asEditor.get(`/editor/reviews/${round.id}`);
    expect(editorPage.statusCode).toBe(200);
    expect(editorPage.body).toContain(fileLink);
    expect(editorPage.body).toContain("Upload a reviewed Word file");
    const fromEditor = await asEditor.upload(`/editor/reviews/${round.id}`, `/reviews/${round.id}/imports`, "document", { filename: "tracked.docx", data: tracked }, { from: "editor" });
    expect(fromEditor.statusCode, fromEditor.body.slice(fromEditor.body.indexOf("<main"), fromEditor.body.indexOf("<main") + 800)).toBe(303);
    expect(fromEditor.headers.location).toMatch(/\?from=editor$/);
    const editorPreview = fromEditor.headers.location as string;
    const done = await asEditor.submit(editorPreview, `${editorPreview.replace("?from=editor", "")}/confirm`, { from: "editor" });
    expect(done.headers.location).toBe(`/editor/reviews/${round.id}`);
  });
});
