import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "#src/db/client.ts";
import { SYSTEM_ACTOR, type Caller } from "#src/domain/actors.ts";
import { previewImport, withTitle } from "#src/features/case-studies/import.ts";
import { reviewValues } from "#src/features/case-studies/import-choices.ts";
import type { Passage, WordPreview } from "#src/domain/case-study-imports.ts";
import { getImport, insertImport, purgeStaleImports } from "#src/features/case-studies/imports-repository.ts";
import { createTechnology, setTechnologyLink } from "#src/features/catalog/technologies.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildUser, ensureTechnology } from "#test/helpers/factories.ts";
import { hasCommand, prerequisite } from "#test/helpers/prerequisites.ts";

// The Word import in two steps, over HTTP: upload → a pending import and its review screen, where
// passages move between fields; nothing is saved until the member confirms, and only once.

const env = useTestApp();
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const corpus = (name: string) => readFileSync(join(PROJECT_ROOT, "test/fixtures/word/corpus", name));
const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "test/fixtures/word", name));

const counts = async () =>
  (
    await queryRows<{ studies: number; imports: number; files: number }>(
      env.database.db,
      sql`select (select count(*)::int from case_studies) as studies, (select count(*)::int from case_study_imports) as imports, (select count(*)::int from case_study_files) as files`,
    )
  )[0]!;

async function member(organizationId?: string) {
  const orgId = organizationId ?? (await buildOrganization(env.database.db)).id;
  const user = await buildUser(env.database.db, { role: "contributor", organizationId: orgId });
  return { user, orgId, browser: await new Browser(env.app).signInAs(env.database, user.email) };
}

/** The HTML of one field's section on the review screen. */
const section = (html: string, field: string) => {
  const start = html.indexOf(`id="section-${field}"`);
  expect(start, field).toBeGreaterThan(-1);
  const end = html.indexOf("<section", start);
  return html.slice(start, end === -1 ? undefined : end);
};

/** The review form's fields as the page proposes them, with changes. */
function formFields(values: Record<string, unknown>, changes: Record<string, string | string[]>): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(values)) fields[name] = Array.isArray(value) ? value.map(String) : String(value);
  return { ...fields, ...changes };
}

async function upload(browser: Browser, data: Buffer, filename = "Scellés.docx") {
  const res = await browser.upload("/member", "/member/case-studies/import", "document", { filename, data, type: DOCX });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  const url = String(res.headers.location);
  expect(url).toMatch(/^\/member\/case-studies\/imports\/[0-9a-f-]{36}$/);
  return { url, id: url.split("/").pop()! };
}

/** A pending import with a preview made up for the test, over a real Word file (confirming reads it again). */
async function pendingWith(userId: string, preview: Partial<WordPreview>, filename = "Scellés.docx") {
  const full: WordPreview = { title: "Gate cameras", titleFrom: "title", language: "en", passages: [], technologies: [], stage: null, periodStart: null, periodEnd: null, otherHeadings: [], dropped: [], warnings: [], images: [], ...preview };
  const row = await insertImport(env.database.db, { createdBy: userId, organizationId: null, filename, data: corpus("02-pandoc-fr-colons.docx"), language: "en", preview: full });
  return { id: row.id, url: `/member/case-studies/imports/${row.id}`, preview: full };
}
const passage = (n: number, target: Passage["target"], markdown: string): Passage => ({ n, markdown, heading: "Summary", target, reason: "heading" });

describe("Word import review", () => {
  it("previews without saving, regroups passages on update, makes one draft on confirm with the member's choices, and never twice", async () => {
    const db = env.database.db;
    await ensureTechnology(db, "blockchain", "Blockchain", "Chaîne de blocs");
    await ensureTechnology(db, "drones", "Drones", "Drones");
    const { browser, user, orgId } = await member();
    const before = await counts();

    const { url, id } = await upload(browser, corpus("02-pandoc-fr-colons.docx"));
    expect(await counts()).toEqual({ ...before, imports: before.imports + 1 });
    const row = (await getImport(db, id))!;
    expect(row.createdBy).toBe(user.id);
    expect(row.filename).toBe("Scellés.docx");
    const note = row.preview.passages.find((p) => p.markdown.includes("préparé pour l’atelier"))!;
    expect(note.target).toBe("unplaced");
    expect(row.preview.technologies).toContain("blockchain");

    // The review screen: passages under their fields with their origins; the note among the unplaced.
    const page = await browser.get(url);
    expect(page.statusCode).toBe(200);
    // The note comes before the first field heading, after the document's title.
    expect(page.body).toContain(`Passage ${note.n}, before the first heading`);
    expect(page.body).toMatch(/Passage \d+, from a line “Stage: …”/);
    expect(page.body).toMatch(/Passage \d+, under the heading “1\. Résumé :?”/);
    expect(section(page.body, "unplaced")).toContain("préparé pour l’atelier");
    expect(section(page.body, "unplaced")).toContain("will not be imported unless you move them");
    expect(page.body).toContain(`<label for="f-target-${note.n}">Move passage ${note.n} to</label>`);
    expect(page.body).toMatch(/value="blockchain" checked/);
    expect(page.body).toContain('value="Scellés électroniques sur les camions en transit à Montaubrac"');

    // Update: the note is shown under Summary, nothing is saved.
    const values = reviewValues(row.preview);
    const updated = await browser.submit(url, url, formFields(values, { intent: "update", [`target-${note.n}`]: "summary" }));
    expect(updated.statusCode).toBe(200);
    expect(section(updated.body, "summary")).toContain("préparé pour l’atelier");
    expect(section(updated.body, "unplaced")).not.toContain("préparé pour l’atelier");
    expect(await counts()).toEqual({ ...before, imports: before.imports + 1 });

    // Confirm with the note moved to Lessons and the technologies changed.
    const confirmed = await browser.submit(url, url, formFields(values, { intent: "confirm", [`target-${note.n}`]: "lessons", technologies: ["drones"], stage: "pilot" }));
    expect(confirmed.statusCode).toBe(303);
    const editUrl = String(confirmed.headers.location);
    expect(editUrl).toMatch(/^\/member\/case-studies\/[0-9a-f-]+\/edit$/);
    const caseId = editUrl.split("/")[3]!;
    expect(await counts()).toEqual({ studies: before.studies + 1, imports: before.imports, files: before.files + 1 });
    const [version] = await queryRows<{ fields: Record<string, unknown> }>(db, sql`select v.fields from case_study_versions v join case_studies c on c.current_version_id = v.id where c.id = ${caseId}`);
    expect(version!.fields.lessons).toContain("préparé pour l’atelier");
    expect(version!.fields.lessons).toContain("Les transporteurs ont accepté");
    expect(version!.fields.summary).not.toContain("préparé pour l’atelier");
    expect(version!.fields.technologies).toEqual(["drones"]);
    expect(version!.fields.stage).toBe("pilot");
    expect(version!.fields.title).toBe("Scellés électroniques sur les camions en transit à Montaubrac");
    const [cs] = await queryRows<{ organization_id: string; state: string }>(db, sql`select organization_id, state from case_studies where id = ${caseId}`);
    expect(cs).toEqual({ organization_id: orgId, state: "draft" });
    const [original] = await queryRows<{ kind: string; data: Buffer }>(db, sql`select kind, data from case_study_files where case_study_id = ${caseId}`);
    expect(original!.kind).toBe("original");
    expect(Buffer.from(original!.data).equals(corpus("02-pandoc-fr-colons.docx"))).toBe(true);
    const form = await browser.get(editUrl);
    expect(form.body).toContain("was made from your Word file");

    // A second confirmation (back button, double click) finds no pending import and makes nothing.
    const again = await browser.post(url, formFields(values, { _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!, intent: "confirm" }));
    expect(again.statusCode).toBe(404);
    expect((await browser.get(url)).statusCode).toBe(404);
    expect((await counts()).studies).toBe(before.studies + 1);
  });

  it("stores the pictures the draft shows as attachments, placeholders replaced", async () => {
    const db = env.database.db;
    const { browser } = await member();
    const { url } = await upload(browser, fixture("pandoc-en.docx"), "Ledger pilot.docx");
    const page = await browser.get(url);
    expect(page.body).toMatch(/\[picture: [^\]]+\]|\[picture\]/);
    expect(page.body).not.toContain('src="case-study-image');
    const confirmed = await browser.submit(url, url, formFields(reviewValues((await getImport(db, url.split("/").pop()!))!.preview), { intent: "confirm" }));
    expect(confirmed.statusCode).toBe(303);
    const caseId = String(confirmed.headers.location).split("/")[3]!;
    const files = (await queryRows<{ id: string; kind: string; filename: string; media_type: string }>(db, sql`select id, kind, filename, media_type from case_study_files where case_study_id = ${caseId}`)).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(files.map((f) => [f.kind, f.filename, f.media_type])).toEqual([
      ["attachment", "image-1.png", "image/png"],
      ["original", "Ledger pilot.docx", DOCX],
    ]);
    const [version] = await queryRows<{ text: string }>(db, sql`select v.fields::text as text from case_study_versions v join case_studies c on c.current_version_id = v.id where c.id = ${caseId}`);
    expect(version!.text).toContain(`/files/case-studies/${files[0]!.id}`);
    expect(version!.text).not.toContain("case-study-image-");
  });

  it("shows a pending import to its member only; cancelling deletes it; the home lists it until then", async () => {
    const { browser, orgId } = await member();
    const colleague = await member(orgId);
    const before = await counts();
    const { url, id } = await upload(browser, corpus("02-pandoc-fr-colons.docx"));
    const home = await browser.get("/member");
    expect(home.body).toContain("Waiting for your review");
    expect(home.body).toContain(`href="${url}"`);
    expect((await colleague.browser.get("/member")).body).not.toContain(`href="${url}"`);

    expect((await colleague.browser.get(url)).statusCode).toBe(404);
    const refused = await colleague.browser.submit("/member", url, { intent: "cancel" });
    expect(refused.statusCode).toBe(404);
    expect(await getImport(env.database.db, id)).toBeDefined();

    const cancelled = await browser.submit(url, url, { intent: "cancel" });
    expect(cancelled.statusCode).toBe(303);
    expect(cancelled.headers.location).toBe("/member");
    expect(await getImport(env.database.db, id)).toBeUndefined();
    expect(await counts()).toEqual(before);
    expect((await browser.get("/member")).body).toContain("was cancelled: nothing was saved");
  });

  it("refuses invalid choices with 400, naming each field, and writes nothing", async () => {
    const db = env.database.db;
    const { browser } = await member();
    const { url, id } = await upload(browser, corpus("02-pandoc-fr-colons.docx"));
    const preview = (await getImport(db, id))!.preview;
    const n = preview.passages[0]!.n;
    const before = await counts();
    const res = await browser.submit(
      url,
      url,
      formFields(reviewValues(preview), { intent: "confirm", [`target-${n}`]: "appendix", technologies: ["no-such-technology"], stage: "concept", periodStart: "1800", title: "" }),
    );
    expect(res.statusCode).toBe(400);
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(res.body)![0];
    for (const named of [`Passage ${n}: `, "Technologies: ", "Stage: ", "Start year", "Title: "]) expect(summary).toContain(named);
    expect(summary).toContain(`href="#f-target-${n}"`);
    expect(await counts()).toEqual(before);
    // The form keeps what was sent, and the pending import is still there to fix.
    expect(res.body).toContain('value="1800"');
    expect(await getImport(db, id)).toBeDefined();

    const reversed = await browser.submit(url, url, formFields(reviewValues(preview), { intent: "confirm", periodStart: "2022", periodEnd: "2020" }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain("The end year cannot be before the start year.");
    expect(await counts()).toEqual(before);
  });

  it.skipIf(!prerequisite("pandoc", hasCommand("pandoc"), "apt-get install pandoc"))("never recognises or offers a retired technology", async () => {
    const db = env.database.db;
    const ai = await createTechnology(db, SYSTEM_ACTOR, { slug: "big-data-ai", nameEn: "Big data, analytics and artificial intelligence", nameFr: "Mégadonnées, analytique et intelligence artificielle", nameEs: null, descriptionEn: null, aliasesEn: ["artificial intelligence"] });
    const retired = await createTechnology(db, SYSTEM_ACTOR, { slug: "big-data", nameEn: "Big data (until 2019)", nameFr: null, nameEs: null, descriptionEn: null, aliasesEn: ["big data"] });
    await setTechnologyLink(db, SYSTEM_ACTOR, { fromId: retired.id, toId: ai.id, kind: "merged_into" }, true);
    const dir = mkdtempSync(join(tmpdir(), "lr-import-"));
    try {
      writeFileSync(join(dir, "risk.md"), "# Risk scoring of air cargo\n\n## Summary\n\nShipments are scored before arrival.\n\n## Technologies\n\nArtificial intelligence, big data\n");
      execFileSync("pandoc", [join(dir, "risk.md"), "-o", join(dir, "risk.docx")]);
      const { user, orgId, browser } = await member();
      const caller: Caller = { ...SYSTEM_ACTOR, userId: user.id, role: "contributor", organizationId: orgId };
      const { id, preview } = await previewImport(db, caller, { organizationId: null, filename: "risk.docx", data: readFileSync(join(dir, "risk.docx")), language: "en" });
      expect(preview.technologies).toContain("big-data-ai");
      expect(preview.technologies).not.toContain("big-data");
      const page = await browser.get(`/member/case-studies/imports/${id}`);
      expect(page.body).toMatch(/value="big-data-ai" checked/);
      expect(page.body).not.toContain('value="big-data"');
      // Nor can the retired one be sent back.
      const sent = await browser.submit(`/member/case-studies/imports/${id}`, `/member/case-studies/imports/${id}`, formFields(reviewValues(preview), { intent: "confirm", technologies: ["big-data"] }));
      expect(sent.statusCode).toBe(400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("deletes pending imports left for more than seven days", async () => {
    const db = env.database.db;
    const { user } = await member();
    const preview = (await queryRows<{ preview: never }>(db, sql`select preview from case_study_imports limit 1`))[0]?.preview ?? { title: "x", titleFrom: "first-line" as const, language: "en" as const, passages: [], technologies: [], stage: null, periodStart: null, periodEnd: null, otherHeadings: [], dropped: [], warnings: [], images: [] };
    const old = await insertImport(db, { createdBy: user.id, organizationId: null, filename: "old.docx", data: Buffer.from("x"), language: "en", preview });
    const fresh = await insertImport(db, { createdBy: user.id, organizationId: null, filename: "fresh.docx", data: Buffer.from("x"), language: "en", preview });
    await queryRows(db, sql`update case_study_imports set created_at = now() - interval '8 days' where id = ${old.id}`);
    expect(await purgeStaleImports(db)).toBeGreaterThanOrEqual(1);
    expect(await getImport(db, old.id)).toBeUndefined();
    expect(await getImport(db, fresh.id)).toBeDefined();
  });

  it("refuses an upload past ten waiting imports, saying why, and takes it again once one is cancelled", async () => {
    const { browser, user } = await member();
    const waiting = [];
    for (let i = 0; i < 10; i++) waiting.push(await pendingWith(user.id, { title: `Import ${i}` }));
    const before = await counts();
    const res = await browser.upload("/member", "/member/case-studies/import", "document", { filename: "one-more.docx", data: corpus("02-pandoc-fr-colons.docx"), type: DOCX });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("You already have 10 Word files waiting for your review");
    expect(await counts()).toEqual(before);
    expect((await browser.submit(waiting[0]!.url, waiting[0]!.url, { intent: "cancel" })).statusCode).toBe(303);
    await upload(browser, corpus("02-pandoc-fr-colons.docx"));
  });

  it("refuses a field over 20,000 characters or more than ten addresses, naming the section, instead of cutting them", async () => {
    const { browser, user } = await member();
    const long = "Cameras read plates at the gate. ".repeat(700);
    const addresses = Array.from({ length: 11 }, (_, i) => `- https://example.org/page-${i}`).join("\n");
    const { url, id, preview } = await pendingWith(user.id, { passages: [passage(1, "summary", long), passage(2, "unplaced", "A short note."), passage(3, "links", addresses)] });
    const before = await counts();
    const res = await browser.submit(url, url, formFields(reviewValues(preview), { intent: "confirm" }));
    expect(res.statusCode).toBe(400);
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(res.body)![0];
    expect(summary).toContain('<a href="#f-summary">Summary: ');
    expect(summary).toContain('<a href="#f-links">Links: ');
    expect(res.body).toContain('id="f-summary"');
    expect(res.body).toContain('id="f-links"');
    expect(await counts()).toEqual(before);
    // The passages moved out of the way, the draft is made with every word of what remains.
    const ok = await browser.submit(url, url, formFields(reviewValues(preview), { intent: "confirm", "target-1": "unplaced", "target-2": "summary", "target-3": "unplaced" }));
    expect(ok.statusCode).toBe(303);
    expect(await getImport(env.database.db, id)).toBeUndefined();
  });

  it("names a document-wide refusal on the page it links to", async () => {
    const { browser, user } = await member();
    const { url } = await pendingWith(user.id, { passages: [passage(1, "summary", "Cameras read plates.")] });
    const page = await browser.get(url);
    expect(page.body).toContain('id="f-document"');
  });

  it("shows passages as readers will see them, with no raw HTML, and offers no move into technologies, stage or period", async () => {
    const { browser, user } = await member();
    const { url, preview } = await pendingWith(user.id, {
      passages: [passage(1, "summary", "Cameras read **plates** <script>alert(1)</script>\\*\n\nSecond paragraph"), passage(2, "stage", "Stage: pilot")],
    });
    const page = await browser.get(url);
    // Rendered and sanitized like any text: emphasis shown, the script gone, the escape kept as a character.
    expect(section(page.body, "summary")).toMatch(/<p>Cameras read <strong>plates<\/strong>[^<]*\*<\/p>\s*<p>Second paragraph<\/p>/);
    expect(page.body).not.toContain("<script>alert(1)");
    const select = (n: number) => /<select[^>]*name="target-(\d+)"[\s\S]*?<\/select>/g.exec(page.body.slice(page.body.indexOf(`id="f-target-${n}"`) - 200))![0];
    expect(select(1)).not.toMatch(/value="(technologies|stage|period)"/);
    expect(select(1)).toContain('value="lessons"');
    expect(select(2)).toContain('value="stage" selected');
    const moved = await browser.submit(url, url, formFields(reviewValues(preview), { intent: "update", "target-1": "stage" }));
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain('href="#f-target-1"');
  });

  it("says tracked changes in the page's language, and a missing title comes from the file name", async () => {
    const untitled = { title: "", titleFrom: "first-line", passages: [] } as unknown as WordPreview;
    expect(withTitle(untitled, "Scellés.DOCX").title).toBe("Scellés");
    expect(withTitle({ ...untitled, title: "Seals" }, "Scellés.docx").title).toBe("Seals");
    const { browser, user } = await member();
    const dropped: WordPreview["dropped"] = [
      { kind: "tracked-changes", count: 3, inserted: 2, deleted: 1 },
      { kind: "comments", count: 2, detail: "Ana Ruiz, Jean Dupont" },
    ];
    const { url } = await pendingWith(user.id, { title: "Scellés", titleFrom: "first-line", passages: [passage(1, "summary", "Texte.")], dropped });
    const fr = await browser.get(url, { "accept-language": "fr" });
    expect(fr.body).toContain("3 modifications suivies (2 insertions conservées, 1 suppression écartée)");
    expect(fr.body).toContain("2 commentaires (Ana Ruiz, Jean Dupont)");
    expect(fr.body).not.toMatch(/inserted|deleted/);
    expect(fr.body).toContain("Vérifier l'importation de Scellés.docx");
    expect(fr.body).toMatch(/Le document n'a pas de titre\s?: voici le nom de son fichier\./u);
    const es = await browser.get(url, { "accept-language": "es" });
    expect(es.body).toContain("2 inserciones conservadas, 1 eliminación descartada");
  });
});
