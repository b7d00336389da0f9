import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { caseStudies, caseStudyEvents } from "#src/db/schema/case-studies.ts";
import { editions } from "#src/db/schema/editions.ts";
import { organizations, users } from "#src/db/schema/members.ts";
import { reports } from "#src/db/schema/reports.ts";
import { CHAPTERS_2019 } from "#src/demo/content.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { loadSnapshot } from "#src/features/editions/snapshot.ts";
import { signIn } from "#src/features/members/auth.ts";
import { loadPublication } from "#src/publishing/publication.ts";
import { openTestDatabase } from "#test/helpers/db.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const rows = async (table: typeof organizations | typeof reports | typeof editions | typeof caseStudies | typeof users) => (await database.db.select({ n: count() }).from(table))[0]!.n;

describe("demo content", () => {
  it("loads once, into an empty database, all in one transaction, with accounts that sign in", async () => {
    const db = database.db;
    const accounts = await loadDemoIfEmpty(db, "http://localhost:3000");
    expect(accounts?.map((a) => a.role)).toEqual(["admin", "editor", "contributor"]);
    for (const a of accounts!) expect((await signIn(db, SYSTEM_ACTOR, { email: a.email, password: a.password, userAgent: null })).token).toBeTruthy();
    // Real organizations of all six regions, beside the synthetic survey respondents.
    const real = await db.select({ region: organizations.regionCode }).from(organizations).where(eq(organizations.kind, "customs_administration"));
    expect(new Set(real.map((r) => r.region))).toEqual(new Set(["ESA", "EUR", "AP", "MENA", "AMS", "WCA"]));
    expect(await rows(caseStudies)).toBeGreaterThanOrEqual(12);
    expect(await rows(reports)).toBe(1);
    expect((await db.select({ label: editions.label, status: editions.status }).from(editions).orderBy(editions.label))).toEqual([
      { label: "2019", status: "published" },
      { label: "2022", status: "published" },
    ]);
    // 2019: introduction, seven technologies, conclusion. 2022: the later structure, with the
    // technologies in the same order as in 2019 (the order the demo writes them in).
    const technologies = CHAPTERS_2019.filter((c) => c.kind === "topic").map((c) => c.key);
    expect([...technologies].sort()).toEqual(["3d-printing", "artificial-intelligence", "biometrics", "blockchain", "drones", "internet-of-things", "virtual-reality"]);
    const y2019 = await loadPublication(db, "disruptive-technologies", "2019", "en");
    expect(y2019.chapters.map((c) => c.slug)).toEqual(["introduction", ...technologies, "conclusion", "annex-case-studies"]);
    const y2022 = await loadPublication(db, "disruptive-technologies", "2022", "en");
    expect(y2022.chapters.map((c) => c.slug)).toEqual(["introduction", "using-technologies-together-for-smart-customs", ...technologies, "wco-wto-joint-initiatives", "recommendations", "conclusion", "annex-case-studies"]);
    expect(y2022.chapters[2]!.title).toBe("Blockchain and distributed ledger technology");
    // Two chapters complete in French and Spanish; the others fall back to English.
    for (const lang of ["fr", "es"] as const) {
      const p = await loadPublication(db, "disruptive-technologies", "2022", lang);
      for (const slug of ["introduction", "blockchain"]) expect(p.chapters.find((c) => c.slug === slug)!.sections.every((s) => s.lang === lang), `${slug} ${lang}`).toBe(true);
      expect(p.chapters.find((c) => c.slug === "drones")!.sections.every((s) => s.lang === "en")).toBe(true);
    }
    expect(await loadDemoIfEmpty(db, "http://localhost:3000")).toBeNull();
    expect(await rows(reports)).toBe(1);
  }, 120_000);

  it("dates the case studies and editions as they happened, not when the demo was loaded", async () => {
    const db = database.db;
    const published = await db.select({ id: caseStudies.id, slug: caseStudies.slug, createdAt: caseStudies.createdAt, submittedAt: caseStudies.submittedAt, publishedAt: caseStudies.publishedAt }).from(caseStudies);
    const day = (d: Date | null) => d!.toISOString().slice(0, 10);
    for (const cs of published) {
      expect(day(cs.publishedAt) >= "2018-01-01" && day(cs.publishedAt) <= "2024-12-31", cs.slug).toBe(true);
      expect(cs.createdAt < cs.submittedAt! && cs.submittedAt! < cs.publishedAt!, cs.slug).toBe(true);
      // The moderation history says the same.
      const moves = await db.select({ to: caseStudyEvents.toState, at: caseStudyEvents.createdAt }).from(caseStudyEvents).where(eq(caseStudyEvents.caseStudyId, cs.id)).orderBy(caseStudyEvents.id);
      expect(moves.map((m) => m.to)).toEqual(["draft", "submitted", "accepted", "published"]);
      expect(moves.at(-1)!.at).toEqual(cs.publishedAt);
      expect(moves.map((m) => m.at.getTime())).toEqual(moves.map((m) => m.at.getTime()).sort((a, b) => a - b));
    }
    const bySlug = new Map(published.map((c) => [c.slug, c]));
    const labelled = await db.select().from(editions).orderBy(editions.editionDate);
    expect(labelled.map((e) => [e.label, e.editionDate])).toEqual([
      ["2019", "2019-06-28"],
      ["2022", "2022-06-30"],
    ]);
    for (const edition of labelled) {
      // Published on its date, and every case study it cites or annexes was published before.
      expect(day(edition.publishedAt), edition.label).toBe(edition.editionDate);
      const snapshot = await loadSnapshot(db, edition.id);
      expect(snapshot.caseStudies.length).toBeGreaterThan(0);
      for (const cs of snapshot.caseStudies) expect(day(bySlug.get(cs.slug)!.publishedAt) < edition.editionDate, `${cs.slug} in ${edition.label}`).toBe(true);
    }
    // A case study of 2020 joins the annex in 2022, not before.
    const annexOf = async (label: string) => (await loadSnapshot(db, labelled.find((e) => e.label === label)!.id)).caseStudies.filter((c) => c.annexed).map((c) => c.slug);
    expect(await annexOf("2019")).toEqual(["pe-cadena", "ke-ug-rects", "hk-single-e-lock", "au-smartgate"]);
    expect(await annexOf("2022")).toEqual(["pe-cadena", "ke-ug-rects", "hk-single-e-lock", "ae-dubai-ecommerce-ledger", "au-smartgate"]);
  });

  it("freezes the adopted recommendations the editions place, numbered, with where they came from", async () => {
    const db = database.db;
    const y2022 = await loadPublication(db, "disruptive-technologies", "2022", "en");
    const placed = Object.entries(y2022.recommendations).sort(([, a], [, b]) => a.number! - b.number!);
    expect(placed.map(([slug, r]) => [slug, r.number, r.status])).toEqual([
      ["start-with-the-business-problem", 1, "endorsed"],
      ["prove-value-in-pilots", 2, "endorsed"],
      ["partner-beyond-government", 3, "endorsed"],
      ["settle-the-legal-basis", 4, "endorsed"],
      ["use-shared-data-standards", 5, "endorsed"],
      ["build-skills-and-manage-change", 6, "endorsed"],
    ]);
    // Every one names the events it came from; two workshops led to "prove value in pilots".
    for (const [slug, r] of placed) expect(r.sources!.length, slug).toBeGreaterThan(0);
    expect(y2022.recommendations["prove-value-in-pilots"]!.sources!.map((s) => s.event)).toEqual(["Permanent Technical Committee, October 2017 session", "Regional workshop on disruptive technologies, Asia/Pacific"]);
    const y2019 = await loadPublication(db, "disruptive-technologies", "2019", "en");
    expect(Object.entries(y2019.recommendations).map(([slug, r]) => [slug, r.number])).toEqual([["start-with-the-business-problem", 1]]);
  });
});
