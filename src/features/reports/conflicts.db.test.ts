import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { getHead, listRevisions } from "#src/features/reports/repository.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

// A save that comes too late, through the editor's forms: merged when it can be, else a page
// with both versions of each passage both writers changed and a choice for each. Nothing is saved
// until the writer chooses, and never over a revision the writer has not seen.

const env = useTestApp();
const db = () => env.database.db;
let them: { id: string };
let me: Browser;

const INTRO = "Drones watch the green border. They carry cameras. Pictures are kept a week.";
const BODY = `${INTRO}\n\nSecond paragraph about costs.\n\nThird paragraph about rules.`;

beforeAll(async () => {
  them = await buildUser(db(), { role: "editor", name: "Ana Ortega" });
  const writer = await buildUser(db(), { role: "editor", name: "Ben Writer" });
  me = await new Browser(env.app).signInAs(env.database, writer.email);
});

/** A section with BODY as its English text; returns its id and that revision's id. */
async function section(index = 0) {
  const draft = await buildReport(db());
  const s = draft.chapters[0]!.sections[index]!;
  const first = await saveSection(db(), SYSTEM_ACTOR, { sectionId: s.id, language: "en", heading: "What it is", body: BODY, baseRevisionId: s.texts.en!.revisionId, summary: null });
  return { id: s.id, url: `/editor/sections/${s.id}/en`, base: first.revision.id };
}

/** Their save, through the service, as the other editor. */
const theirSave = (id: string, base: number, body: string, heading = "What it is") =>
  saveSection(db(), { ...SYSTEM_ACTOR, userId: them.id }, { sectionId: id, language: "en", heading, body, baseRevisionId: base, summary: "theirs" });

/** My save from the editor form, on the revision I opened. */
const mySave = (url: string, base: number, body: string, heading = "What it is") => me.submit(url, url, { heading, body, summary: "mine", baseRevisionId: String(base), intent: "save" });

const hiddenFields = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
const decode = (s: string) => s.replace(/&#10;/g, "\n").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const textareaValue = (html: string, id: string) => decode(new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? "");

/** Posts the conflict page's form with the given choices and edit boxes, as a browser would. */
async function resolve(url: string, page: string, fields: Record<string, string>) {
  return me.post(`${url}/resolve`, { ...hiddenFields(page), summary: "resolved", ...fields });
}

const noMarkers = (html: string) => expect(html).not.toMatch(/^(<{7}|={7}|>{7})/m);

describe("a stale save", () => {
  it("merges changes to different paragraphs, shows the merged text in the form, and saves nothing", async () => {
    const s = await section();
    const theirs = await theirSave(s.id, s.base, BODY.replace("Second paragraph about costs.", "Second paragraph about costs, revised."));
    const res = await mySave(s.url, s.base, BODY.replace("Third paragraph about rules.", "Third paragraph about rules and data."));
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("Someone saved this section while you were editing");
    expect(res.body).toContain("Ana Ortega saved while you were writing");
    expect(textareaValue(res.body, "f-body")).toBe(`${INTRO}\n\nSecond paragraph about costs, revised.\n\nThird paragraph about rules and data.`);
    expect(res.body).toContain(`name="baseRevisionId" value="${theirs.revision.id}"`);
    expect((await getHead(db(), s.id, "en"))!.id).toBe(theirs.revision.id);
    noMarkers(res.body);
  });

  it("merges two changes to different sentences of one paragraph, sentence by sentence", async () => {
    const s = await section();
    await theirSave(s.id, s.base, BODY.replace("They carry cameras.", "They carry thermal cameras."));
    const res = await mySave(s.url, s.base, BODY.replace("Pictures are kept a week.", "Pictures are kept for a week at most."));
    expect(res.statusCode).toBe(409);
    expect(textareaValue(res.body, "f-body")).toBe(BODY.replace("They carry cameras.", "They carry thermal cameras.").replace("Pictures are kept a week.", "Pictures are kept for a week at most."));
  });

  it("shows a passage both changed side by side, and saves nothing until each passage has a choice", async () => {
    const s = await section();
    const theirs = await theirSave(s.id, s.base, BODY.replace("They carry cameras.", "They carry *thermal* cameras.").replace("Third paragraph about rules.", "Third paragraph, theirs."));
    const page = await mySave(s.url, s.base, BODY.replace("They carry cameras.", "They carry small cameras."));
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain("Passage 1 of 1");
    expect(page.body).toContain("One passage was changed both by you and by Ana Ortega");
    // Both versions as readers see them, theirs with who saved it.
    expect(page.body).toContain("They carry <em>thermal</em> cameras.");
    expect(page.body).toContain("They carry small cameras.");
    expect(page.body).toContain(`Saved by Ana Ortega, revision ${theirs.revision.id}`);
    // Their other change merged without asking, folded.
    expect(page.body).toContain("One other change was merged automatically");
    expect(page.body).toContain("Third paragraph, theirs.");
    for (const choice of ["mine", "theirs", "both", "edit"]) expect(page.body).toContain(`name="choice-0" value="${choice}"`);
    expect(page.body).toContain("Keep both: theirs first, then mine");
    noMarkers(page.body);
    noMarkers(textareaValue(page.body, "f-edit-0"));
    expect(textareaValue(page.body, "f-edit-0")).toBe(`Drones watch the green border. They carry *thermal* cameras. Pictures are kept a week.\n\n${INTRO.replace("They carry cameras.", "They carry small cameras.")}`);

    const none = await resolve(s.url, page.body, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#f-choice-0"');
    expect(none.body).toContain("Choose what to keep for this passage.");
    const empty = await resolve(s.url, page.body, { "choice-0": "edit", "edit-0": "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#f-edit-0"');
    expect(empty.body).toContain("Write the text to keep, or choose another option.");
    expect(empty.body).toMatch(/name="choice-0" value="edit" checked/);
    expect((await getHead(db(), s.id, "en"))!.id).toBe(theirs.revision.id);

    const both = await resolve(s.url, page.body, { "choice-0": "both" });
    expect(both.statusCode).toBe(303);
    const head = (await getHead(db(), s.id, "en"))!;
    expect(head.baseRevisionId).toBe(theirs.revision.id);
    expect(head.summary).toBe("resolved");
    expect(head.body).toBe(
      "Drones watch the green border. They carry *thermal* cameras. Pictures are kept a week.\n\n" +
        "Drones watch the green border. They carry small cameras. Pictures are kept a week.\n\n" +
        "Second paragraph about costs.\n\nThird paragraph, theirs.",
    );
  });

  it("saves each choice as chosen: mine, theirs, or an edited text", async () => {
    for (const [fields, expected] of [
      [{ "choice-0": "mine" }, "Mine only."],
      [{ "choice-0": "theirs" }, "Theirs only."],
      [{ "choice-0": "edit", "edit-0": "\r\nAgreed words.\r\n\r\nAnd a second paragraph.\r\n" }, "Agreed words.\n\nAnd a second paragraph."],
    ] as const) {
      const s = await section();
      await theirSave(s.id, s.base, BODY.replace(INTRO, "Theirs only."));
      const page = await mySave(s.url, s.base, BODY.replace(INTRO, "Mine only."));
      expect(page.statusCode).toBe(409);
      expect((await resolve(s.url, page.body, fields)).statusCode).toBe(303);
      expect((await getHead(db(), s.id, "en"))!.body).toBe(BODY.replace(INTRO, expected));
    }
  });

  it("asks about a heading both changed, apart from the text", async () => {
    const s = await section();
    await theirSave(s.id, s.base, BODY, "What it is, theirs");
    const page = await mySave(s.url, s.base, BODY.replace("Third paragraph about rules.", "Third, mine."), "What it is, mine");
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain("The section's heading");
    expect(page.body).not.toContain('name="choice-heading" value="both"');
    const saved = await resolve(s.url, page.body, { "choice-heading": "theirs" });
    expect(saved.statusCode).toBe(303);
    const head = (await getHead(db(), s.id, "en"))!;
    expect([head.heading, head.body]).toEqual(["What it is, theirs", BODY.replace("Third paragraph about rules.", "Third, mine.")]);
  });

  it("never overwrites a revision saved while the writer was choosing: it merges again", async () => {
    const s = await section();
    const theirs = await theirSave(s.id, s.base, BODY.replace(INTRO, "Theirs only."));
    const page = await mySave(s.url, s.base, BODY.replace(INTRO, "Mine only."));
    // A third editor changes the same passage again before the choice is sent.
    const third = await theirSave(s.id, theirs.revision.id, BODY.replace(INTRO, "A third version."));
    const again = await resolve(s.url, page.body, { "choice-0": "mine" });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("Passage 1 of 1");
    expect(again.body).toContain("A third version.");
    expect(again.body).toContain(`name="theirsRevisionId" value="${third.revision.id}"`);
    expect((await getHead(db(), s.id, "en"))!.id).toBe(third.revision.id);
    const revisions = await listRevisions(db(), s.id, "en");
    expect(revisions.map((r) => r.revision.body)).not.toContain(BODY.replace(INTRO, "Mine only."));
    // Settled on the newest revision, it saves.
    expect((await resolve(s.url, again.body, { "choice-0": "mine" })).statusCode).toBe(303);
    expect((await getHead(db(), s.id, "en"))!.body).toBe(BODY.replace(INTRO, "Mine only."));
  });

  it("recomputes the merge from the revisions: revisions of another section are not found", async () => {
    const s = await section();
    const other = await section(1);
    await theirSave(s.id, s.base, BODY.replace(INTRO, "Theirs only."));
    const page = await mySave(s.url, s.base, BODY.replace(INTRO, "Mine only."));
    const fields = { ...hiddenFields(page.body), "choice-0": "mine" };
    const res = await me.post(`${s.url}/resolve`, { ...fields, theirsRevisionId: String(other.base) });
    expect(res.statusCode).toBe(404);
  });
});
