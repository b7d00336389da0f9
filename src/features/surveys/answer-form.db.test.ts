import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { surveys } from "#src/db/schema/surveys.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { Definition } from "#src/domain/surveys.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { createSurvey, inviteOrganizations, setSurveyStatus } from "#src/features/surveys/service.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildUser, ensureTechnology } from "#test/helpers/factories.ts";

// The member's answer form as a reader meets it: stable numbers with conditional questions, an
// error summary that names each question, drafts saved without checks (whole form or only what
// changed, as the page's script sends), and progress over the questions that apply.

const env = useTestApp();

const LONG = `${"What is your administration's main reason for looking at new technologies, ".repeat(4)}and who decides?`;
const yesNo = [
  { value: "yes", label: { en: "Yes", fr: "Oui" } },
  { value: "no", label: { en: "No", fr: "Non" } },
];
const definition: Definition = {
  sections: [
    {
      id: "about",
      title: { en: "About you" },
      questions: [
        { id: "unit", type: "single", required: true, text: { en: LONG }, options: yesNo },
        { id: "staff", type: "number", required: false, min: 0, text: { en: "How many staff work in it?" }, showIf: { question: "unit", equals: "yes" } },
        { id: "budget", type: "short", required: false, text: { en: "What is its budget?" }, showIf: { question: "unit", equals: "yes" } },
        { id: "priority", type: "scale", required: true, min: 1, max: 5, text: { en: "How high a priority are new technologies?" } },
      ],
    },
    {
      id: "tech",
      title: { en: "Technologies" },
      questions: [
        { id: "uses", type: "multiple", required: false, text: { en: "What do you use?" }, options: [{ value: "ai", label: { en: "AI" } }, { value: "drones", label: { en: "Drones" } }] },
        { id: "ai_detail", type: "long", required: true, text: { en: "What does AI do for you?" }, showIf: { question: "uses", equals: "ai" } },
        { id: "adoption", type: "matrix", required: true, text: { en: "How far has each technology gone?" }, technologies: ["form-drones"], followUps: [] },
        { id: "contact", type: "short", required: false, text: { en: "Who may we contact?" } },
      ],
    },
  ],
};

let n = 0;
async function setting() {
  const db = env.database.db;
  n += 1;
  await ensureTechnology(db, "form-drones", "Drones");
  const survey = await createSurvey(db, SYSTEM_ACTOR, { slug: `answer-form-${n}`, title: "Form survey", year: 2031, kind: "technology-adoption", intro: null, minGroup: 5, definition });
  await db.update(surveys).set({ titles: { en: "Form survey", fr: "Enquête du formulaire", es: "Encuesta del formulario" } }).where(eq(surveys.id, survey.id));
  const org = await buildOrganization(db);
  const member = await buildUser(db, { role: "contributor", organizationId: org.id });
  await inviteOrganizations(db, SYSTEM_ACTOR, survey.id, [org.id]);
  await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "open");
  const browser = await new Browser(env.app).signInAs(env.database, member.email);
  const url = `/member/surveys/${survey.id}`;
  const token = async () => /name="_csrf" value="([^"]+)"/.exec((await browser.get(url)).body)![1]!;
  /** Posts like the form (HTML) or like the page's script (JSON), in a language. */
  const post = async (fields: Record<string, string | string[]>, options: { json?: boolean; lang?: string } = {}) => {
    const body = new URLSearchParams({ _csrf: await token() });
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return env.app.inject({ method: "POST", url, headers: { accept: options.json ? "application/json" : "text/html", "accept-language": options.lang ?? "en", cookie: browser.cookieHeader, "content-type": "application/x-www-form-urlencoded" }, payload: body.toString() });
  };
  const stored = async () => (await repo.getResponse(db, survey.id, org.id))?.answers;
  return { db, survey, org, browser, url, post, stored };
}

const numbersIn = (html: string) => [...html.matchAll(/<span class="question-number">([^<]+)<\/span>/g)].map((m) => m[1]);
const progressIn = (html: string) => /<span id="survey-progress-text"[^>]*>([^<]*)<\/span>/.exec(html)?.[1];
const decode = (s: string) => s.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

describe("the survey answer form", () => {
  it("numbers questions 1, 2, 3 without gaps and conditional ones after their question (1a, 1b), the same before and after they apply, and in the results", async () => {
    const { url, browser, post, survey } = await setting();
    const expected = ["1.", "1a.", "1b.", "2.", "3.", "3a.", "4.", "5."];
    const blank = (await browser.get(url)).body;
    expect(numbersIn(blank)).toEqual(expected);
    // The condition names its question by the same number.
    expect(decode(blank)).toContain("Answer only if you answered “Yes” to question 1.");
    expect(decode(blank)).toContain("Answer only if you answered “AI” to question 3.");

    // "No": the staff questions no longer apply and are hidden; nobody's number moves.
    expect((await post({ "q.unit": "no", intent: "save" })).statusCode).toBe(303);
    const saidNo = (await browser.get(url)).body;
    expect(numbersIn(saidNo)).toEqual(expected);
    expect(saidNo).toMatch(/<fieldset[^>]*id="f-staff"[^>]*hidden/);
    expect(saidNo).not.toMatch(/<fieldset[^>]*id="f-priority"[^>]*hidden/);
    expect((await post({ "q.unit": "yes", intent: "save" })).statusCode).toBe(303);
    const saidYes = (await browser.get(url)).body;
    expect(numbersIn(saidYes)).toEqual(expected);
    expect(saidYes).not.toMatch(/<fieldset[^>]*id="f-staff"[^>]*hidden/);

    const results = decode((await browser.get(`/surveys/${survey.slug}/results`)).body);
    expect([...results.matchAll(/<h2>\s*([0-9]+[a-z]*)\. /g)].map((m) => m[1])).toEqual(["1", "1a", "1b", "2", "3", "3a", "4", "5"]);
  });

  it("names each question to correct in the summary, by number and title, links to it, and counts questions (plurals in French)", async () => {
    const { post, stored } = await setting();
    const res = await post({ intent: "submit", "q.contact": "Innovation office" });
    expect(res.statusCode).toBe(400);
    const html = decode(res.body);
    expect(html).toContain("3 questions need an answer.");
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)![0];
    const links = [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ target: m[1]!, text: m[2]! }));
    expect(links.map((l) => l.text)).toEqual([
      "Question 1 – What is your administration's main reason for looking at…: An answer is required.",
      "Question 2 – How high a priority are new technologies?: An answer is required.",
      "Question 4 – How far has each technology gone? (Drones): An answer is required.",
    ]);
    // Each link's target is in the page, and can take the focus.
    for (const { target } of links) expect(html).toMatch(new RegExp(`<fieldset[^>]*id="${target.replace(/\./g, "\\.")}"[^>]*tabindex="-1"|<fieldset[^>]*tabindex="-1"[^>]*id="${target.replace(/\./g, "\\.")}"`));
    // A refused submit keeps what was typed, as a draft.
    expect(await stored()).toEqual({ contact: "Innovation office" });
    expect(html).toMatch(/Draft saved at \d\d:\d\d UTC\./);

    const french = decode((await post({ intent: "submit", "q.unit": "yes", "q.priority": "3" }, { lang: "fr" })).body);
    expect(french).toContain("1 question attend une réponse.");
    expect(french).toContain("Question 4 – How far has each technology gone? (Drones): Une réponse est requise.");
    const spanish = decode((await post({ intent: "submit", "q.contact": "" }, { lang: "es" })).body);
    expect(spanish).toContain("3 preguntas necesitan una respuesta.");
    // Not a number and a missing answer: the summary asks for attention, not only answers.
    const mixed = decode((await post({ intent: "submit", "q.unit": "yes", "q.staff": "many", "q.priority": "2" })).body);
    expect(mixed).toContain("2 questions need your attention.");
    expect(mixed).toContain("Question 1a – How many staff work in it?: “many” is not a number.");
  });

  it("saves in place when Enter is pressed in a text field: the form's default button is a hidden save, out of the tab order", async () => {
    const { url, browser, post, stored } = await setting();
    const form = /<form[^>]*survey-form[^>]*>([\s\S]*?)<\/form>/.exec((await browser.get(url)).body)![1]!;
    // A browser's implicit submission uses the first submit button of the form, in document order.
    const first = /<button[^>]*type="submit"[^>]*>/.exec(form)![0];
    expect(first).toContain('name="intent"');
    expect(first).toContain('value="save"');
    expect(first).toContain('tabindex="-1"');
    expect(first).toContain('aria-hidden="true"');
    expect(first).toContain('class="visually-hidden"');
    // The visible "go on to the next section" button is still there, after it.
    expect(form.indexOf('value="next:tech"')).toBeGreaterThan(form.indexOf(first));
    const saved = await post({ "q.unit": "no", "q.contact": "Ana", intent: /value="([^"]+)"/.exec(first)![1]! });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(url);
    expect(await stored()).toEqual({ unit: "no", contact: "Ana" });
  });

  it("saves a draft without checking required answers, keeps hidden answers, merges what the script sends, and refuses once closed", async () => {
    const { db, survey, post, stored, browser, url } = await setting();
    // Without the script: the whole form, hidden conditional answers included; "next" goes on to the next section.
    const next = await post({ "q.unit": "no", "q.staff": "12", "q.budget": "", "q.contact": "Ana", intent: "next:tech" });
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toBe(`${url}#s-tech`);
    expect(await stored()).toEqual({ unit: "no", staff: 12, contact: "Ana" });
    expect((await browser.get(url)).body).toMatch(/<span id="survey-save-status" class="save-status" role="status">Draft saved at \d\d:\d\d UTC\.<\/span>/);

    // The script: only what changed in its tab, merged; two tabs do not undo each other.
    const tabA = await post({ partial: "1", changed: "priority", "q.priority": "4", intent: "save" }, { json: true });
    expect(tabA.statusCode).toBe(200);
    expect(tabA.json()).toMatchObject({ status: expect.stringMatching(/^Draft saved at \d\d:\d\d UTC\.$/), problems: [] });
    const tabB = await post({ partial: "1", changed: ["uses", "contact"], "q.uses": ["ai", "drones"], "q.contact": "Ana Ruiz", intent: "save" }, { json: true });
    expect(tabB.statusCode).toBe(200);
    expect(await stored()).toEqual({ unit: "no", staff: 12, priority: 4, uses: ["ai", "drones"], contact: "Ana Ruiz" });
    // A changed key sent without a value is cleared (every box unticked); a value that cannot be read keeps the stored one.
    await post({ partial: "1", changed: "uses", intent: "save" }, { json: true });
    const unreadable = await post({ partial: "1", changed: ["staff", "budget"], "q.staff": "a dozen", "q.budget": "small", intent: "save" }, { json: true });
    expect(unreadable.statusCode).toBe(200);
    expect(unreadable.json()).toMatchObject({ problems: ["staff"], status: expect.stringContaining("Not saved, to correct: Question 1a – How many staff work in it?") });
    expect(await stored()).toEqual({ unit: "no", staff: 12, budget: "small", priority: 4, contact: "Ana Ruiz" });
    // The same without the script: the rest is saved, the unreadable answer stays on the form, marked.
    const page = await post({ "q.unit": "yes", "q.staff": "a dozen", "q.priority": "4", intent: "save" });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('value="a dozen"');
    expect(page.body).toContain('data-unsaved="staff"');
    // (The whole form replaces the draft: what it does not hold, such as the contact, is cleared.)
    const before = await stored();
    expect(before).toEqual({ unit: "yes", staff: 12, priority: 4 });

    await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "closed");
    const closed = await post({ partial: "1", changed: "contact", "q.contact": "Late", intent: "save" }, { json: true });
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, "SURVEY_CLOSED"]);
    const closedForm = await post({ "q.contact": "Late", intent: "save" });
    expect(closedForm.statusCode).toBe(409);
    expect(closedForm.body).toContain("This survey is not open for answers.");
    expect(await stored()).toEqual(before);
  });

  it("counts progress over the questions that apply: a hidden conditional question is not counted", async () => {
    const { post, browser, url } = await setting();
    expect(progressIn((await browser.get(url)).body)).toBe("0 of 5 answered");
    await post({ "q.unit": "no", "q.staff": "3", "q.uses": "drones", "q.contact": "Ana", intent: "save" });
    // Applicable: unit, priority, uses, adoption, contact (staff, budget and the AI question are hidden).
    const no = (await browser.get(url)).body;
    expect(progressIn(no)).toBe("3 of 5 answered");
    expect(no).toMatch(/<progress id="survey-progress" max="5" value="3"/);
    await post({ "q.unit": "yes", "q.staff": "3", "q.uses": ["drones", "ai"], "q.contact": "Ana", intent: "save" });
    expect(progressIn((await browser.get(url)).body)).toBe("4 of 8 answered");
    expect(progressIn((await browser.get(url, { "accept-language": "fr" })).body)).toBe("Réponses données\u202f: 4 sur 8");
  });
});
