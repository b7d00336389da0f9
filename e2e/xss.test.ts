import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, signIn } from "#e2e/helpers/browser.ts";
import { HttpSession } from "#e2e/helpers/http.ts";
import { demoAccount, startProductServer, type RunningServer } from "#e2e/helpers/server.ts";
import { activeContent, ALL, CORPUS, poke, recordDialogs } from "#e2e/helpers/xss.ts";

// An XSS corpus entered in the text fields of organizations, users, sections (heading and
// Markdown), case studies, events and search, then every page that shows them opened in Chromium
// as the secretariat: no dialog opens, no injected element or handler is in the DOM. The export
// formats are checked the same way in xss-exports.test.ts.

describe.skipIf(!hasChromium)("hostile input", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("stays inert in every field where the secretariat and members enter text", async () => {
    const admin = await new HttpSession(server.url).signIn(demoAccount(server, "admin").email, demoAccount(server, "admin").password);
    const member = await new HttpSession(server.url).signIn(demoAccount(server, "contributor").email, demoAccount(server, "contributor").password);
    const pages: string[] = [];
    const sent = async (what: string, res: { status: number; location: string | null }) => {
      expect(res.status, what).toBe(303);
      if (res.location) pages.push(res.location);
    };

    await sent("organization", await admin.post("/admin/organizations", { name: CORPUS.slice(0, 4).join(" ").slice(0, 200), shortName: CORPUS[1]!.slice(0, 40), kind: "academia", country: "", regionCode: "", memberSince: "", memberUntil: "" }));
    // An invitation: the name is also in the mail the outbox shows.
    await sent("user", await admin.post("/admin/users", { name: CORPUS[6]!, email: "xss@example.org", role: "contributor", organizationId: "", language: "en" }));
    const invitationMail = /href="(\/admin\/outbox\/[0-9a-f-]{36})"/.exec((await admin.get("/admin/outbox")).body)?.[1];
    expect(invitationMail).toBeDefined();
    const outline = await admin.get("/editor/reports/disruptive-technologies");
    const section = /\/editor\/sections\/([0-9a-f-]{36})\/en/.exec(outline.body)![1]!;
    const editPage = await admin.get(`/editor/sections/${section}/en`);
    const base = /name="baseRevisionId" value="(\d*)"/.exec(editPage.body)![1]!;
    await sent("section", await admin.post(`/editor/sections/${section}/en`, { heading: CORPUS[0]!, body: ALL, baseRevisionId: base, summary: CORPUS[2]! }));
    // A link must be http(s): a script URL is refused outright.
    expect((await member.post("/member/case-studies", { title: "Links", language: "en", links: "javascript:alert('x16')" })).status).toBe(400);
    await sent("case study", await member.post("/member/case-studies", { title: CORPUS[0]!, language: "en", summary: ALL, problem: ALL, solution: ALL, results: CORPUS[4]!, lessons: ALL, partners: CORPUS[9]!, contact: CORPUS[3]!, links: "https://example.org/?q=\"><script>alert(1)</script>" }));
    await sent("event", await admin.post("/editor/reports/disruptive-technologies/events", { kind: "workshop", title: CORPUS[1]!, slug: "xss-event", startsOn: "2024-05-01", endsOn: "2024-05-02", place: CORPUS[5]!.slice(0, 200), online: "", regionCode: "", organizers: CORPUS[11]!, summary: ALL }));

    const visit = [
      ...pages,
      "/admin/organizations",
      "/admin/users",
      "/admin/outbox",
      invitationMail!,
      "/draft/disruptive-technologies/en/",
      `/draft/disruptive-technologies/en/${/href="\/draft\/disruptive-technologies\/en\/([a-z0-9-]+)"/.exec((await admin.get("/draft/disruptive-technologies/en/")).body)?.[1] ?? ""}`,
      `/editor/sections/${section}/en`,
      `/editor/sections/${section}/en/history`,
      "/reports/disruptive-technologies/events/xss-event",
      "/reports/disruptive-technologies/timeline",
      `/search?q=${encodeURIComponent(CORPUS[0]!)}&edition=draft`,
      `/case-studies?q=${encodeURIComponent(CORPUS[1]!)}`,
      "/member",
    ];
    const context = await browser.newContext();
    const page = await signIn(context, server.url, demoAccount(server, "admin").email, demoAccount(server, "admin").password);
    const dialogs = recordDialogs(page);
    // The detector itself sees what it looks for.
    await page.setContent(`<img src="x" onerror="void 0"><a href="javascript:void 0">x</a><iframe></iframe>`);
    expect(await activeContent(page)).toHaveLength(3);
    const problems: string[] = [];
    for (const path of [...new Set(visit)]) {
      const res = await page.goto(server.url + path);
      if (!res || res.status() >= 500) problems.push(`${path}: ${res?.status()}`);
      await poke(page);
      for (const found of await activeContent(page)) problems.push(`${path}: ${found}`);
    }
    // The member's own view of the case study.
    const memberPage = await signIn(await browser.newContext(), server.url, demoAccount(server, "contributor").email, demoAccount(server, "contributor").password);
    memberPage.on("dialog", (d) => {
      dialogs.push(`${memberPage.url()}: ${d.message()}`);
      void d.dismiss();
    });
    for (const path of pages.filter((p) => p.startsWith("/member/"))) {
      await memberPage.goto(server.url + path);
      for (const found of await activeContent(memberPage)) problems.push(`member ${path}: ${found}`);
    }
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    // The words are still there, as text.
    await page.goto(`${server.url}/reports/disruptive-technologies/events/xss-event`);
    expect(await page.locator("main").textContent()).toContain('alert("x2")');
  });
});
