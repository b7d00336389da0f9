import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { queryRows } from "#src/db/client.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildUser, ensureTechnology } from "#test/helpers/factories.ts";
import { handZip } from "#test/helpers/zips.ts";

const env = useTestApp();
const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "test/fixtures/word", name));
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function signedIn(role: "contributor" | "editor", organizationId: string | null) {
  const user = await buildUser(env.database.db, { role, organizationId });
  return { user, browser: await new Browser(env.app).signInAs(env.database, user.email) };
}

/** Uploads a Word file, then confirms its review screen as proposed: the draft's edit page. */
async function importAndConfirm(browser: Browser, file: { filename: string; data: Uint8Array }) {
  const res = await browser.upload("/member", "/member/case-studies/import", "document", { ...file, type: DOCX });
  expect(res.statusCode).toBe(303);
  const review = String(res.headers.location);
  expect(review).toMatch(/^\/member\/case-studies\/imports\/[0-9a-f-]+$/);
  const page = await browser.get(review);
  const fields: Record<string, string | string[]> = { intent: "confirm", title: /id="f-title"[^>]* value="([^"]*)"/.exec(page.body)![1]!.replace(/&amp;/g, "&"), technologies: [...page.body.matchAll(/name="technologies" value="([^"]+)" checked/g)].map((m) => m[1]!) };
  for (const m of page.body.matchAll(/<select id="f-(target-\d+)"[\s\S]*?<option value="([a-z]+)" selected/g)) fields[m[1]!] = m[2]!;
  return browser.submit(review, review, fields);
}

const counts = async () =>
  (await queryRows<{ studies: number; files: number; imports: number }>(env.database.db, sql`select (select count(*)::int from case_studies) as studies, (select count(*)::int from case_study_files) as files, (select count(*)::int from case_study_imports) as imports`))[0]!;

describe("case studies over HTTP", () => {
  it("a Word upload becomes a draft to review; the original and its picture stay downloadable", async () => {
    const db = env.database.db;
    await ensureTechnology(db, "blockchain", "Blockchain");
    await ensureTechnology(db, "internet-of-things", "Internet of Things");
    const org = await buildOrganization(db);
    const { browser } = await signedIn("contributor", org.id);
    const res = await importAndConfirm(browser, { filename: "Ledger pilot.docx", data: fixture("pandoc-en.docx") });
    expect(res.statusCode).toBe(303);
    const editUrl = String(res.headers.location);
    expect(editUrl).toMatch(/^\/member\/case-studies\/[0-9a-f-]+\/edit$/);
    const form = await browser.get(editUrl);
    expect(form.body).toContain("Container release on a shared ledger at Puerto Nuevo");
    expect(form.body).toMatch(/value="blockchain" checked/);
    expect(form.body).toContain("was made from your Word file");

    const page = await browser.get(editUrl.replace(/\/edit$/, ""));
    const links = [...page.body.matchAll(/href="(\/files\/case-studies\/[0-9a-f-]+)">([^<]+)</g)].map((m) => ({ href: m[1]!, name: m[2]! }));
    const original = links.find((l) => l.name === "Ledger pilot.docx")!;
    const download = await browser.get(original.href);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe(DOCX);
    expect(download.rawPayload.equals(fixture("pandoc-en.docx"))).toBe(true);
    // Not public: the case study is a draft, and originals are for members only.
    expect((await env.app.inject({ url: original.href })).statusCode).toBe(404);
    const picture = await browser.get(links.find((l) => l.name.startsWith("image-1"))!.href);
    expect(picture.headers["content-type"]).toBe("image/png");
    expect(picture.headers["content-security-policy"]).toContain("sandbox");
  });

  it("refuses a zip bomb, an executable named .pdf and an oversized file, storing nothing", async () => {
    const org = await buildOrganization(env.database.db);
    const { browser } = await signedIn("contributor", org.id);
    const before = await counts();

    const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const bomb = zipSync({ "[Content_Types].xml": new TextEncoder().encode(contentTypes), "word/document.xml": new Uint8Array(300 * 1024 * 1024) }, { level: 9 });
    const refusedBomb = await browser.upload("/member", "/member/case-studies/import", "document", { filename: "report.docx", data: bomb, type: DOCX });
    expect(refusedBomb.statusCode).toBe(400);
    expect(refusedBomb.body).toContain("far more data than a Word document");

    // An attachment goes on a draft of the organization's own.
    const draft = await browser.submit("/member/case-studies/new", "/member/case-studies", { title: "Gate cameras", language: "en", intent: "save" });
    const casePage = String(draft.headers.location);
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(60), Buffer.from("PE\0\0", "latin1"), Buffer.alloc(500)]);
    const refusedExe = await browser.upload(casePage, `${casePage}/files`, "attachment", { filename: "minutes.pdf", data: exe, type: "application/pdf" });
    expect(refusedExe.statusCode).toBe(415);
    expect(refusedExe.body).toContain("This kind of file is not accepted here");

    const big = Buffer.alloc(21 * 1024 * 1024, 0x25);
    big.write("%PDF-1.7\n");
    const refusedBig = await browser.upload(casePage, `${casePage}/files`, "attachment", { filename: "big.pdf", data: big, type: "application/pdf" });
    expect(refusedBig.statusCode).toBe(413);
    expect(refusedBig.body).toContain("too large");

    const after = await counts();
    expect(after).toEqual({ studies: before.studies + 1, files: before.files, imports: before.imports });
  });

  it("refuses a Word file whose zip headers understate a part, quickly and storing nothing", async () => {
    const org = await buildOrganization(env.database.db);
    const { browser } = await signedIn("contributor", org.id);
    const before = await counts();
    // A real document whose body grows to 50 MiB of blanks while every header keeps its real size.
    const parts = Object.entries(unzipSync(fixture("pandoc-en.docx"))).map(([name, data]) => {
      if (name !== "word/document.xml") return { name, data };
      const padded = Buffer.concat([Buffer.from(data), Buffer.alloc(50 * 1024 * 1024, 0x20)]);
      return { name, data: padded, localSize: data.length, centralSize: data.length };
    });
    const lying = handZip(parts);
    expect(lying.length).toBeLessThan(1024 * 1024);
    const refused = await browser.upload("/member", "/member/case-studies/import", "document", { filename: "report.docx", data: lying, type: DOCX });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("far more data than a Word document");
    expect(await counts()).toEqual(before);
  });

  it("stores file names without bidi controls and sends them back in a clean Content-Disposition", async () => {
    const db = env.database.db;
    const org = await buildOrganization(db);
    const { browser } = await signedIn("contributor", org.id);
    // U+202E (right-to-left override) and the isolates make a name display other than what it is.
    const imported = await importAndConfirm(browser, { filename: "invoice\u202Excod.exe.docx", data: fixture("pandoc-en.docx") });
    expect(imported.statusCode).toBe(303);
    const caseUrl = String(imported.headers.location).replace(/\/edit$/, "");
    const attached = await browser.upload(caseUrl, `${caseUrl}/files`, "attachment", { filename: "\u2066map\u2069\u200F\u061C of the port\u202A.png", data: fixture("scan-map.png"), type: "image/png" });
    expect(attached.statusCode).toBe(303);

    const caseId = caseUrl.split("/").pop()!;
    const stored = await queryRows<{ id: string; filename: string }>(db, sql`select id, filename from case_study_files where case_study_id = ${caseId} and filename not like 'image-%' order by filename`);
    expect(stored.map((f) => f.filename)).toEqual(["invoicexcod.exe.docx", "map of the port.png"]);
    const original = await browser.get(`/files/case-studies/${stored[0]!.id}`);
    expect(original.headers["content-disposition"]).toBe(`attachment; filename="invoicexcod.exe.docx"; filename*=UTF-8''invoicexcod.exe.docx`);
    const picture = await browser.get(`/files/case-studies/${stored[1]!.id}`);
    expect(picture.headers["content-disposition"]).toBe(`inline; filename="map of the port.png"; filename*=UTF-8''map%20of%20the%20port.png`);

    // A name stored before names were cleaned is cleaned on the way out.
    await queryRows(db, sql`update case_study_files set filename = ${"r\u00e9sum\u00e9\u202Efdp.exe"} where id = ${stored[1]!.id}`);
    const old = await browser.get(`/files/case-studies/${stored[1]!.id}`);
    expect(old.headers["content-disposition"]).toBe(`inline; filename="resumefdp.exe"; filename*=UTF-8''r%C3%A9sum%C3%A9fdp.exe`);
  });

  it("contributor submits, editor asks for changes, contributor resubmits, editor publishes, a reader finds it", async () => {
    const db = env.database.db;
    await ensureTechnology(db, "drones", "Drones", "Drones");
    const org = await buildOrganization(db, { regionCode: "WCA" });
    const member = await signedIn("contributor", org.id);
    const editor = await signedIn("editor", null);

    // Submitting with fields missing: each message beside its field, nothing saved.
    const before = await counts();
    const incomplete = await member.browser.submit("/member/case-studies/new", "/member/case-studies", { title: "Drones over the lagoon", language: "en", intent: "submit" });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('id="e-summary"');
    expect(incomplete.body).toContain('id="e-consent"');
    expect(incomplete.body).toContain('value="Drones over the lagoon"');
    expect((await counts()).studies).toBe(before.studies);

    const fields = {
      title: "Drones over the lagoon",
      language: "en",
      technologies: ["drones"],
      stage: "pilot",
      periodStart: "2022",
      summary: "Two drones patrol the lagoon where small boats land undeclared goods.",
      solution: "Flights follow a weekly plan; images reach the control room live.",
      consent: "on",
      intent: "submit",
    };
    const submitted = await member.browser.submit("/member/case-studies/new", "/member/case-studies", fields);
    expect(submitted.statusCode).toBe(303);
    const url = String(submitted.headers.location);

    const queue = await editor.browser.get("/editor/case-studies");
    expect(queue.body).toContain("Drones over the lagoon");
    const asked = await editor.browser.submit(url, `${url}/move`, { from: "submitted", to: "changes_requested", message: "Please give the number of seizures." });
    expect(asked.statusCode).toBe(303);

    const home = await member.browser.get("/member");
    expect(home.body).toContain("The secretariat asks for changes to “Drones over the lagoon”.");
    expect(home.body).toContain('class="count-badge"');
    const resubmitted = await member.browser.submit(`${url}/edit`, `${url}/edit`, { ...fields, results: "Seizures doubled in the first year.", baseVersion: /name="baseVersion" value="(\d+)"/.exec((await member.browser.get(`${url}/edit`)).body)![1]! });
    expect(resubmitted.statusCode).toBe(303);

    for (const [from, to] of [["submitted", "accepted"], ["accepted", "published"]]) {
      expect((await editor.browser.submit(url, `${url}/move`, { from: from!, to: to! })).statusCode).toBe(303);
    }
    const diff = await editor.browser.get(`${url}/compare`);
    expect(diff.body).toContain("<ins");

    const reader = new Browser(env.app);
    const found = await reader.get("/case-studies?q=lagoon&technology=drones&region=WCA&stage=pilot");
    expect(found.body).toContain("Drones over the lagoon");
    const slug = /href="\/case-studies\/([a-z0-9-]+)" hreflang/.exec(found.body)![1]!;
    const detail = await reader.get(`/case-studies/${slug}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain("Seizures doubled in the first year.");
    expect(detail.body).toContain(org.name);
  });
});
