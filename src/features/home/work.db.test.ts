import { describe, expect, it } from "vitest";
import { topicProposals } from "#src/db/schema/reviews.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { emptyFields, type CaseStudyFields } from "#src/domain/case-studies.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { createCaseStudy, moveCaseStudy, saveCaseStudy } from "#src/features/case-studies/service.ts";
import { insertTechnologyLink } from "#src/features/catalog/repository.ts";
import { daysLeft, secretariatWork } from "#src/features/home/work.ts";
import * as reviews from "#src/features/reviews/service.ts";
import { updateSurvey } from "#src/features/surveys/repository.ts";
import { createSurvey, inviteOrganizations, setSurveyStatus } from "#src/features/surveys/service.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser, ensureTechnology, TEST_PASSWORD } from "#test/helpers/factories.ts";

const env = useTestApp();

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
/** The HTML of a page's section, from its heading's id to the next h2. */
const part = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const next = html.indexOf("<h2", start + 1);
  return html.slice(start, next === -1 ? undefined : next);
};

let n = 0;
/** An organization with a contributor, an editor, an administrator, a report and a retired technology. */
async function setting() {
  const db = env.database.db;
  n += 1;
  const org = await buildOrganization(db);
  const member = await buildUser(db, { role: "contributor", organizationId: org.id });
  const editor = await buildUser(db, { role: "editor" });
  const admin = await buildUser(db, { role: "admin" });
  const draft = await buildReport(db);
  const ai = await ensureTechnology(db, "artificial-intelligence", "Artificial intelligence");
  const old = await ensureTechnology(db, "big-data-2019", "Big data (until 2019)");
  await insertTechnologyLink(db, { fromId: old.id, toId: ai.id, kind: "merged_into" }).catch(() => undefined);
  const caller = { ...SYSTEM_ACTOR, userId: member.id, role: "contributor" as const, organizationId: org.id };
  const editorCaller = { ...SYSTEM_ACTOR, userId: editor.id, role: "editor" as const, organizationId: null };
  return { db, org, member, editor, admin, draft, caller, editorCaller };
}

const complete = (title: string, technologies = ["artificial-intelligence"]): CaseStudyFields => ({ ...emptyFields("en"), title, technologies, stage: "pilot", summary: "A summary.", solution: "A solution.", consent: true });

async function signIn(browser: Browser, email: string, next?: string) {
  return browser.submit("/sign-in", "/sign-in", { email, password: TEST_PASSWORD, ...(next === undefined ? {} : { next }) });
}

describe("signing in lands on the person's work", () => {
  it("takes a member to My work and the secretariat to its work page, unless they asked for a page", async () => {
    const { member, editor, admin } = await setting();
    for (const [user, landing] of [
      [member, "/member"],
      [editor, "/editor/work"],
      [admin, "/editor/work"],
    ] as const) {
      const browser = new Browser(env.app);
      const res = await signIn(browser, user.email);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(landing);
      expect((await browser.get(landing)).statusCode).toBe(200);
      // From the public home (the header's link carries next=/): the same landing.
      expect((await signIn(new Browser(env.app), user.email, "/")).headers.location).toBe(landing);
      // An explicit page still wins.
      expect((await signIn(new Browser(env.app), user.email, "/case-studies?q=x")).headers.location).toBe("/case-studies?q=x");
    }
  });

  it("keeps members out of the secretariat's work page", async () => {
    const { member } = await setting();
    const browser = await new Browser(env.app).signInAs(env.database, member.email);
    expect((await browser.get("/editor/work")).statusCode).toBe(403);
  });
});

describe("My work", () => {
  it("says what to do when there is nothing yet", async () => {
    const { db } = await setting();
    const lone = await buildOrganization(db);
    const someone = await buildUser(db, { role: "contributor", organizationId: lone.id });
    const page = await (await new Browser(env.app).signInAs(env.database, someone.email)).get("/member");
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain("Nothing to answer right now");
    expect(body).toContain("No review round is open for your organization");
    expect(body).toContain("Your organization has no case study yet");
    expect(body).toContain("Your organization has not proposed a topic yet");
  });

  it("lists surveys with their deadline and answer, rounds with comments, case studies by state, proposals and notifications", async () => {
    const { db, org, member, draft, caller, editorCaller } = await setting();
    // An open survey closing in three days, not started.
    const survey = await createSurvey(db, SYSTEM_ACTOR, { slug: `work-${n}`, title: `Adoption survey ${n}`, year: 2031, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(["artificial-intelligence"]) });
    await inviteOrganizations(db, SYSTEM_ACTOR, survey.id, [org.id]);
    await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "open");
    await updateSurvey(db, survey.id, { closesOn: inDays(3) });
    // An open review round with one comment from the organization.
    const round = await reviews.openRound(db, SYSTEM_ACTOR, draft.report.id, { title: `Spring review ${n}`, editionId: null, opensOn: inDays(-1), closesOn: inDays(10), visibility: "secretariat", instructions: "", organizationIds: [org.id] });
    const section = draft.chapters[0]!.sections[0]!;
    await reviews.addComment(db, caller, round.id, { sectionId: section.id, body: "Please say more.", quote: null, parentId: null });
    // Case studies: a draft, and one sent back with a message (which also notifies the member).
    await createCaseStudy(db, caller, { organizationId: null, fields: { ...emptyFields("en"), title: "Draft about drones" } });
    const sent = await createCaseStudy(db, caller, { organizationId: null, fields: complete("Scanning at the border") });
    await moveCaseStudy(db, caller, sent.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
    await moveCaseStudy(db, editorCaller, sent.id, { from: "submitted", to: "changes_requested", message: "Please add results from 2023.", reason: null, supersededBy: null });
    // A topic proposal of the organization.
    await reviews.propose(db, caller, draft.report.id, { title: "Quantum sensing", rationale: "Emerging.", technologySlugs: [] });

    const page = await (await new Browser(env.app).signInAs(env.database, member.email)).get("/member");
    expect(page.statusCode).toBe(200);
    const html = page.body;

    const surveys = text(part(html, "surveys-title"));
    expect(surveys).toContain(`Adoption survey ${n}`);
    expect(surveys).toContain("Not started");
    expect(surveys).toContain("closes in 3 days");

    const rounds = text(part(html, "rounds-title"));
    expect(rounds).toContain(`Spring review ${n}`);
    expect(rounds).toContain("1 comment from your organization");
    expect(rounds).toContain("closes in 10 days");

    // Changes requested come first, with the secretariat's message; then drafts.
    const cases = part(html, "cs-title");
    expect(text(cases)).toContain("Changes requested (1)");
    expect(text(cases)).toContain("Draft (1)");
    expect(cases.indexOf("Scanning at the border")).toBeLessThan(cases.indexOf("Draft about drones"));
    expect(text(cases)).toContain("Please add results from 2023.");

    const proposals = text(part(html, "proposals-title"));
    expect(proposals).toContain("Quantum sensing");
    expect(proposals).toContain("Open");

    const notes = part(html, "notes-title");
    expect(notes).toMatch(/<li class="unread">/);
    expect(notes).toContain('href="/notifications"');

    // Their order on the page: what to answer first, notifications last.
    const order = ["surveys-title", "rounds-title", "cs-title", "proposals-title", "notes-title"].map((id) => html.indexOf(`id="${id}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("counts days to a closing day in UTC days", () => {
    expect(daysLeft("2030-05-10", "2030-05-07")).toBe(3);
    expect(daysLeft("2030-05-10", "2030-05-10")).toBe(0);
    expect(daysLeft("2030-05-10", "2030-05-11")).toBe(-1);
  });
});

describe("the secretariat's work page", () => {
  it("lists a case study waiting for moderation and an open round with its comments without a disposition", async () => {
    const { db, org, editor, admin, draft, caller } = await setting();
    const cs = await createCaseStudy(db, caller, { organizationId: null, fields: complete(`Waiting case ${n}`) });
    await moveCaseStudy(db, caller, cs.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
    const round = await reviews.openRound(db, SYSTEM_ACTOR, draft.report.id, { title: `Round to dispose ${n}`, editionId: null, opensOn: inDays(-1), closesOn: inDays(5), visibility: "secretariat", instructions: "", organizationIds: [org.id] });
    await reviews.addComment(db, caller, round.id, { sectionId: draft.chapters[0]!.sections[0]!.id, body: "Unclear.", quote: null, parentId: null });

    const page = await (await new Browser(env.app).signInAs(env.database, editor.email)).get("/editor/work");
    expect(page.statusCode).toBe(200);
    const waiting = part(page.body, "work-cs");
    expect(waiting).toContain(`href="/member/case-studies/${cs.id}"`);
    expect(text(waiting)).toContain(`Waiting case ${n}`);
    expect(waiting).toContain('href="/editor/case-studies"');
    const rounds = part(page.body, "work-rounds");
    expect(rounds).toContain(`href="/editor/reviews/${round.id}"`);
    expect(text(rounds)).toContain("1 comment without a disposition");
    // The header's "My work" leads here; failed mail is for administrators only.
    expect(page.body).toMatch(/<a href="\/editor\/work" aria-current="page">My work<\/a>/);
    expect(page.body).not.toContain('id="work-mail"');
    const asAdmin = await (await new Browser(env.app).signInAs(env.database, admin.email)).get("/editor/work");
    expect(text(part(asAdmin.body, "work-mail"))).toMatch(/failed message/);
  });
});

describe("retired technologies in forms", () => {
  it("are not offered for a new case study, but stay on one that has them", async () => {
    const { db, member, caller } = await setting();
    // A technology retired after a case study used it.
    const ai = await ensureTechnology(db, "artificial-intelligence", "Artificial intelligence");
    const gone = await ensureTechnology(db, `old-scanning-${n}`, "Old scanning");
    const old = await createCaseStudy(db, caller, { organizationId: null, fields: complete("Old analytics", [gone.slug]) });
    await insertTechnologyLink(db, { fromId: gone.id, toId: ai.id, kind: "merged_into" });

    const browser = await new Browser(env.app).signInAs(env.database, member.email);
    const fresh = await browser.get("/member/case-studies/new");
    expect(fresh.body).toContain('value="artificial-intelligence"');
    expect(fresh.body).not.toContain('value="big-data-2019"');
    expect(fresh.body).not.toContain(`value="${gone.slug}"`);

    const edit = await browser.get(`/member/case-studies/${old.id}/edit`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toMatch(new RegExp(`value="${gone.slug}"[^>]*checked`));
  });

  it("are refused when posted for a case study that does not have them (a stale form), and kept on one that does", async () => {
    const { db, caller } = await setting();
    const ai = await ensureTechnology(db, "artificial-intelligence", "Artificial intelligence");
    const gone = await ensureTechnology(db, `old-sensing-${n}`, "Old sensing");
    const old = await createCaseStudy(db, caller, { organizationId: null, fields: complete("Old sensing pilot", [gone.slug]) });
    await insertTechnologyLink(db, { fromId: gone.id, toId: ai.id, kind: "merged_into" });

    // A new case study, or another one, cannot take the retired technology.
    await expect(createCaseStudy(db, caller, { organizationId: null, fields: complete("New with old", [gone.slug]) })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { technologies: "field.invalid" } });
    const other = await createCaseStudy(db, caller, { organizationId: null, fields: complete("Another") });
    await expect(saveCaseStudy(db, caller, other.id, complete("Another", ["artificial-intelligence", gone.slug]), other.currentVersionId)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    // The case study that already has it keeps it on a new save.
    const saved = await saveCaseStudy(db, caller, old.id, complete("Old sensing pilot, revised", [gone.slug, "artificial-intelligence"]), old.currentVersionId);
    expect(saved.title).toBe("Old sensing pilot, revised");
  });
});

describe("topic proposals waiting for the secretariat", () => {
  it("lists the oldest open proposals first, even when more than a hundred wait", async () => {
    const { db, editor, member, draft } = await setting();
    const at = (i: number) => new Date(Date.UTC(1990, 0, 1) + i * 60_000);
    await db.insert(topicProposals).values(Array.from({ length: 105 }, (_, i) => ({ reportId: draft.report.id, title: `Waiting proposal ${n}-${i}`, rationale: "Old.", authorId: member.id, createdAt: at(i) })));
    const work = await secretariatWork(db, editor);
    expect(work.proposals).toHaveLength(100);
    expect(work.proposals.slice(0, 3).map((p) => p.title)).toEqual([0, 1, 2].map((i) => `Waiting proposal ${n}-${i}`));
    const times = work.proposals.map((p) => p.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
