import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { caseStudies } from "#src/db/schema/case-studies.ts";
import { editions } from "#src/db/schema/editions.ts";
import { organizations, users } from "#src/db/schema/members.ts";
import { reports } from "#src/db/schema/reports.ts";
import { CHAPTERS_2019 } from "#src/demo/content.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
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
  });
});
