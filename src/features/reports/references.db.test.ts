import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseStudies } from "#src/db/schema/case-studies.ts";
import { recommendations } from "#src/db/schema/events.ts";
import { surveys } from "#src/db/schema/surveys.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import type { ReferenceItem } from "#src/features/reports/references.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildUser } from "#test/helpers/factories.ts";

// The editor's pickers read this endpoint: evidence and sections of the demo report, found by
// the words typed in any of the report's languages, each flagged when placing it would block publishing.

const env = useTestApp();
const REPORT = "disruptive-technologies";
let editor: Browser;

beforeAll(async () => {
  expect(await loadDemoIfEmpty(env.database.db, "http://localhost")).toHaveLength(3);
  const user = await buildUser(env.database.db, { role: "editor" });
  editor = await new Browser(env.app).signInAs(env.database, user.email);
});

const get = (browser: Browser, query: string, report = REPORT) => browser.get(`/editor/reports/${report}/references?${query}`, { accept: "application/json" });
async function items(query: string): Promise<ReferenceItem[]> {
  const res = await get(editor, query);
  expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
  expect(res.headers["cache-control"]).toBe("no-store");
  return res.json<{ items: ReferenceItem[] }>().items;
}
const refs = (list: ReferenceItem[]) => list.map((i) => i.ref);

describe("the references the editor's pickers list", () => {
  it("finds figures by the words of their titles in English or French, with or without accents, and by technology", async () => {
    const byEnglish = await items("kind=figure&q=adoption%20technology");
    expect(refs(byEnglish)).toEqual(expect.arrayContaining(["adoption-by-technology", "adoption-by-technology-2021"]));
    expect(refs(byEnglish)).not.toContain("blockchain-world-map");
    const figure = byEnglish.find((i) => i.ref === "adoption-by-technology")!;
    expect(figure).toMatchObject({ kind: "figure", title: "Stage of adoption by technology (2024)", status: "ready", statusLabel: "Ready", usable: true, thumbnail: "/figures/adoption-by-technology.svg", href: null });

    // French words find the same figure; titles come in the language asked.
    const byFrench = await items("kind=figure&q=%C3%A9tape%20adoption&lang=fr");
    expect(byFrench.find((i) => i.ref === "adoption-by-technology")?.title).toBe("Étape d'adoption par technologie (2024)");
    expect(refs(await items("kind=figure&q=etape%20ADOPTION"))).toContain("adoption-by-technology");

    // The technology a figure shows, by its name in any language: "chaîne de blocs" is blockchain.
    const byTechnology = await items("kind=figure&q=chaine%20de%20blocs");
    expect(refs(byTechnology).sort()).toEqual(["blockchain-stage-by-region", "blockchain-world-map"]);
    expect(byTechnology[0]!.technology).toBe("Blockchain and distributed ledgers");
    expect((await items("kind=figure&q=blockchain&lang=fr"))[0]!.technology).toBe("Chaîne de blocs et registres distribués");
    // A word typed in part already finds (the list narrows as one types).
    expect(refs(await items("kind=figure&q=radar"))).toEqual(["technology-radar"]);
    expect(refs(await items("kind=figure&q=rad"))).toContain("technology-radar");
  });

  it("finds case studies and recommendations by their words and technologies, and sections by their headings", async () => {
    const drones = await items("kind=case-study&q=drones");
    expect(refs(drones)).toEqual(["us-cbp-uas"]);
    expect(drones[0]).toMatchObject({ title: "Unmanned aircraft for border surveillance", technology: "Drones", status: "published", usable: true, thumbnail: null });
    expect(drones[0]!.context).toBeTruthy(); // the organization
    expect(refs(await items("kind=case-study&q=ledger%20commerce"))).toEqual(["ae-dubai-ecommerce-ledger"]);
    // Technology names in French find case studies written in English.
    expect(refs(await items("kind=case-study&q=biom%C3%A9trie")).sort()).toEqual(["au-smartgate", "ca-cbsa-kiosks", "us-cbp-biometric-exit"]);

    const business = await items("kind=recommendation&q=business%20problem");
    expect(refs(business)).toEqual(["start-with-the-business-problem"]);
    expect(business[0]).toMatchObject({ title: "Begin with the business problem a technology should solve, not with the technology.", status: "endorsed", statusLabel: "Endorsed", usable: true });
    // In French where the register has French words, else in the primary language.
    expect((await items("kind=recommendation&q=probl%C3%A8me%20m%C3%A9tier&lang=fr"))[0]?.title).toBe("Partir du problème métier qu'une technologie doit résoudre, et non de la technologie.");
    expect((await items("kind=recommendation&ref=prove-value-in-pilots&lang=fr"))[0]?.title).toMatch(/^Test a new technology/);

    // Sections: the headings in any language, linked as the chapter being written would write them.
    const draft = await loadDraft(env.database.db, REPORT);
    const chapter = draft.chapters.find((c) => c.sections.length >= 2)!;
    const section = chapter.sections[1]!;
    const other = draft.chapters.find((c) => c !== chapter && c.sections.length > 0)!;
    const heading = section.texts.en!.heading;
    const found = await items(`kind=section&q=${encodeURIComponent(heading)}&chapter=${chapter.slug}`);
    const item = found.find((i) => i.ref === `${chapter.slug}#${section.slug}`)!;
    expect(item).toMatchObject({ kind: "section", title: heading, context: chapter.titles.en, href: `#${section.slug}`, usable: true });
    const elsewhere = (await items(`kind=section&q=${encodeURIComponent(heading)}&chapter=${other.slug}`)).find((i) => i.ref === item.ref)!;
    expect(elsewhere.href).toBe(`${chapter.slug}#${section.slug}`);
    if (section.texts.fr) expect((await items(`kind=section&ref=${encodeURIComponent(item.ref)}&lang=fr`))[0]?.title).toBe(section.texts.fr.heading);
  });

  it("answers one item for a reference, none for an unknown one, and says where a section link points", async () => {
    expect(refs(await items("kind=case-study&ref=tradelens"))).toEqual(["tradelens"]);
    expect(refs(await items("kind=figure&ref=technology-radar&q=unrelated%20words"))).toEqual(["technology-radar"]);
    expect(await items("kind=figure&ref=no-such-figure")).toEqual([]);
    expect(await items("kind=recommendation&ref=Not%20A%20Slug")).toEqual([]);

    const draft = await loadDraft(env.database.db, REPORT);
    const [chapter, other] = draft.chapters.filter((c) => c.sections.length > 0);
    const section = chapter!.sections[0]!;
    // `#slug` in its own chapter; the same from another chapter is found, written as it must be, and not usable as written.
    expect(await items(`kind=section&ref=${encodeURIComponent(`#${section.slug}`)}&chapter=${chapter!.slug}`)).toMatchObject([{ ref: `${chapter!.slug}#${section.slug}`, href: `#${section.slug}`, usable: true }]);
    expect(await items(`kind=section&ref=${encodeURIComponent(`#h-${section.slug}`)}&chapter=${other!.slug}`)).toMatchObject([{ href: `${chapter!.slug}#${section.slug}`, usable: false }]);
    expect(await items(`kind=section&ref=${encodeURIComponent(`${chapter!.slug}#${section.slug}`)}&chapter=${other!.slug}`)).toMatchObject([{ usable: true }]);
    expect(await items(`kind=section&ref=${encodeURIComponent(`${other!.slug}#${section.slug}-nowhere`)}`)).toEqual([]);
    expect(await items(`kind=section&ref=${encodeURIComponent("https://example.org/")}`)).toEqual([]);
  });

  it("flags what would block publishing: a case study not published, a recommendation proposed or retired, a figure with nothing to show", async () => {
    const { db } = env.database;
    await db.update(caseStudies).set({ state: "in_review" }).where(eq(caseStudies.slug, "tradelens"));
    await db.update(recommendations).set({ status: "retired" }).where(eq(recommendations.slug, "share-experience"));
    await db.update(recommendations).set({ status: "proposed" }).where(eq(recommendations.slug, "settle-the-legal-basis"));
    // Every group of the 2021 survey under its threshold: its figures show nothing to the public.
    const [survey] = await db.select().from(surveys).where(eq(surveys.slug, "adoption-2021"));
    await db.update(surveys).set({ minGroup: 100_000 }).where(eq(surveys.slug, "adoption-2021"));

    expect(await items("kind=case-study&ref=tradelens")).toMatchObject([{ status: "in_review", statusLabel: expect.any(String), usable: false }]);
    // Usable ones come first.
    const ledgers = await items("kind=case-study&q=ledger");
    expect(ledgers.at(-1)).toMatchObject({ ref: "tradelens", usable: false });
    expect(ledgers.slice(0, -1).every((i) => i.usable)).toBe(true);

    const register = await items("kind=recommendation&limit=50");
    const status = Object.fromEntries(register.map((i) => [i.ref, [i.status, i.usable]]));
    expect(status["share-experience"]).toEqual(["retired", false]);
    expect(status["start-with-the-business-problem"]).toEqual(["endorsed", true]);
    expect(status["settle-the-legal-basis"]).toEqual(["proposed", false]);
    expect(register.findIndex((i) => !i.usable)).toBeGreaterThan(register.findLastIndex((i) => i.usable));
    expect(new Set(register.map((i) => i.statusLabel)).size).toBe(3);

    expect(await items("kind=figure&ref=adoption-by-technology-2021")).toMatchObject([{ status: "suppressed", statusLabel: "Hidden: groups too small to show", usable: false }]);
    expect(await items("kind=figure&ref=adoption-by-technology")).toMatchObject([{ status: "ready", usable: true }]);
    const french = await editor.get(`/editor/reports/${REPORT}/references?kind=case-study&ref=tradelens`, { accept: "application/json", "accept-language": "fr" });
    expect(french.statusCode).toBe(200);

    await db.update(caseStudies).set({ state: "published" }).where(eq(caseStudies.slug, "tradelens"));
    await db.update(recommendations).set({ status: "proposed" }).where(eq(recommendations.slug, "share-experience"));
    await db.update(recommendations).set({ status: "endorsed" }).where(eq(recommendations.slug, "settle-the-legal-basis"));
    await db.update(surveys).set({ minGroup: survey!.minGroup }).where(eq(surveys.slug, "adoption-2021"));
  });

  it("is for the secretariat only, and knows only existing reports", async () => {
    const contributor = await buildUser(env.database.db, { role: "contributor" });
    const member = await new Browser(env.app).signInAs(env.database, contributor.email);
    const refused = await get(member, "kind=figure");
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect((await get(new Browser(env.app), "kind=figure")).statusCode).toBe(401);
    const unknown = await get(editor, "kind=figure", "no-such-report");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect((await get(editor, "kind=figure", "Not_A_Slug")).statusCode).toBe(404);
  });

  it("keeps its answers bounded and refuses what is not a question", async () => {
    expect((await items("kind=case-study")).length).toBe(14);
    expect((await items("kind=case-study&limit=3")).length).toBe(3);
    expect((await items("kind=case-study&limit=1")).length).toBe(1);
    expect((await items("kind=case-study&limit=50")).length).toBe(14);
    for (const query of ["kind=case-study&limit=0", "kind=case-study&limit=51", "kind=case-study&limit=-1", "kind=case-study&limit=2.5", "kind=case-study&limit=many", "kind=edition", "", "kind=figure&lang=de", "kind=section&chapter=..%2Fx", "kind=figure&q=a&q=b", `kind=figure&ref=${"x".repeat(301)}`]) {
      const res = await get(editor, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    }
    // Five kilobytes of words is no question; two hundred characters still is.
    expect((await get(editor, `kind=figure&q=${"ledger ".repeat(750)}`)).statusCode).toBe(400);
    expect(await items(`kind=figure&q=${encodeURIComponent("zzyzx ".repeat(33))}`)).toEqual([]);
    expect((await get(editor, "kind=figure&q=a%00b")).statusCode).toBe(400);
  });

  it("matches what was typed literally: wildcards, quotes and SQL are only characters", async () => {
    for (const kind of ["figure", "case-study", "recommendation", "section"]) {
      for (const q of ["%", "_", "\\", "%%", "_%_", "''", '""', "' or '1'='1", "'); drop table figures; --", "ledger%", "\\%", "*", "[a-z]", "$1", ":name", "%' --", "％", "＿", "＼", "ledger％"]) {
        const res = await get(editor, `kind=${kind}&q=${encodeURIComponent(q)}`);
        expect(res.statusCode, `${kind} ${q}`).toBe(200);
        expect(res.json<{ items: unknown[] }>().items, `${kind} ${q}`).toEqual([]);
      }
    }
    // The tables are still there, and an underscore in a slug-like word does not stand for any character.
    expect(refs(await items("kind=figure&q=technology-radar"))).toEqual(["technology-radar"]);
    expect(await items("kind=figure&q=technology_radar")).toEqual([]);
    // A quote is a character like any other.
    expect(refs(await items(`kind=figure&q=${encodeURIComponent("d'adoption")}`))).toEqual(expect.arrayContaining(["adoption-by-technology", "adoption-by-technology-2021"]));
  });
});
