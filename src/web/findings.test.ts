import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { Finding } from "#src/domain/editions.ts";
import { translator } from "#src/i18n/i18n.ts";
import { FindingsList } from "#src/web/findings.tsx";

const t = translator("en");
const finding = (over: Partial<Finding> & Pick<Finding, "code" | "severity">): Finding => ({ where: {}, params: {}, fix: "/fix", ...over });
const list = (findings: Finding[], compact = false) =>
  renderToString(h(FindingsList, { t, compact, findings: { findings, errors: findings.filter((f) => f.severity === "error").length, warnings: findings.filter((f) => f.severity === "warning").length } }));

describe("FindingsList", () => {
  it("says when there is nothing to fix", () => {
    expect(list([])).toContain("No problem found: nothing stands in the way of publishing.");
    expect(list([], true)).toContain("No problem found in this section.");
  });

  it("counts, then errors and warnings grouped by chapter; one line for the same problem in several languages, a fix link per language", () => {
    const where = (chapter: string, section: string, language?: string) => ({ where: { chapterId: chapter, chapterSlug: chapter, sectionId: section, sectionSlug: section, ...(language ? { language } : {}) }, params: { chapter: `Chapter ${chapter}`, section: `Section ${section}` } });
    const html = list([
      finding({ code: "sectionEmpty", severity: "error", ...where("a", "s1", "en"), fix: "/editor/sections/s1/en" }),
      finding({ code: "translationMissing", severity: "warning", ...where("a", "s2", "fr"), fix: "/editor/sections/s2/fr" }),
      finding({ code: "translationMissing", severity: "warning", ...where("a", "s2", "es"), fix: "/editor/sections/s2/es" }),
      finding({ code: "editionTextMissing", severity: "warning", where: { language: "fr" }, fix: "/editor/editions/e#texts-fr" }),
    ]);
    expect(html).toContain("1 error</span>");
    expect(html).toContain("3 warnings</span>");
    expect(html.indexOf("findings-error")).toBeLessThan(html.indexOf("findings-warning"));
    expect(html).toContain("<summary>Chapter a <span");
    // The chapter's count matches the lines listed: one line for the French and Spanish of s2.
    expect(html).toContain('<summary>Chapter a <span class="muted small">(1 finding)</span>');
    expect(html).not.toContain("(2 findings)");
    expect(html).toContain("The edition's own texts");
    expect(html.match(/Not translated: readers/g)).toHaveLength(1);
    expect(html).toContain('Fix <a href="/editor/sections/s2/fr" lang="fr">Français</a> <a href="/editor/sections/s2/es" lang="es">Español</a>');
    expect(html).toContain("<strong class=\"finding-where\">Section s1</strong>");
  });

  it("folds the chapters of a long list of warnings but never errors; the compact list names no section", () => {
    const many = Array.from({ length: 20 }, (_, i) => finding({ code: "sectionDraft", severity: "warning", where: { chapterId: "c", sectionId: `s${i}` }, params: { chapter: "C", section: `S${i}` } }));
    expect(list(many)).toContain('<details class="findings-chapter"><summary>C');
    expect(list(many.slice(0, 5))).toContain('<details class="findings-chapter" open><summary>C');
    const errors = many.map((f) => ({ ...f, severity: "error" as const }));
    expect(list(errors)).toContain('<details class="findings-chapter" open>');
    const compact = list(many.slice(0, 2), true);
    expect(compact).not.toContain("<details");
    expect(compact).not.toContain("finding-where");
    expect(compact).toContain("The section is still marked Draft.");
  });
});
