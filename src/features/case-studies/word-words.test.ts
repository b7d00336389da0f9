import { describe, expect, it } from "vitest";
import { FIELD_HEADINGS, labelOf, nameOf, stageOf, technologiesOf, type TechnologyNames } from "#src/features/case-studies/word-words.ts";

// The words of a Word document: headings, labels, stages and technologies in three languages.

describe("field headings", () => {
  it("are recognised alone or combined, numbered, with a colon, without case or accents", () => {
    for (const heading of ["Summary", "RÉSUMÉ", "Résumé / Summary / Resumen", "1. Summary:", "2) Résumé", "A. Resumen", "IV. Summary", "Summary (Résumé)", "(3) summary", "Executive summary :"]) expect(nameOf(heading), heading).toBe("summary");
    expect(nameOf("Titre/Title")).toBe("title");
    expect(nameOf("Title – Titre")).toBe("title");
    expect(nameOf("Organisation/Organization")).toBe("organization");
    expect(nameOf("Le problème")).toBe("problem");
    expect(nameOf("Leçons apprises")).toBe("lessons");
    expect(nameOf("Lecciones aprendidas")).toBe("lessons");
  });

  it("are recognised in the common forms members write, in three languages, and joined by a bare hyphen", () => {
    const cases: [string, string][] = [
      ["Title-Titre", "title"],
      ["Titre-Title-Título", "title"],
      ["Résumé-Summary", "summary"],
      ["Étape du projet", "stage"],
      ["Estado del proyecto", "stage"],
      ["Project status", "stage"],
      ["Key results", "results"],
      ["Principaux résultats", "results"],
      ["Resultados obtenidos", "results"],
      ["Background and challenges", "problem"],
      ["Contexte et problématique", "problem"],
      ["Antecedentes y desafíos", "problem"],
      ["Tecnologías empleadas", "technologies"],
      ["Technologies employées", "technologies"],
      ["Technologies involved", "technologies"],
      ["Description de la solution", "solution"],
      ["Période de mise en œuvre", "period"],
      ["Mise en œuvre", "solution"],
      ["Punto de contacto", "contact"],
      ["Liens utiles", "links"],
      ["Lessons learned and recommendations", "lessons"],
    ];
    for (const [heading, field] of cases) expect(nameOf(heading), heading).toBe(field);
    // A hyphen inside one heading's words still reads as a whole; parts that disagree still name nothing.
    expect(nameOf("Lessons-learned")).toBe("lessons");
    expect(nameOf("Problem-Solution")).toBeUndefined();
    expect(nameOf("Post-implementation")).toBeUndefined();
  });

  it("name each phrase for one field only", () => {
    const all = Object.values(FIELD_HEADINGS).flat();
    expect(all.length).toBe(new Set(all).size);
  });

  it("name nothing when their parts disagree, or when they are sentences or punctuation", () => {
    expect(nameOf("Problem / Solution")).toBeUndefined();
    expect(nameOf("Phase 1")).toBeUndefined();
    expect(nameOf("Summary of the meeting with the port authority")).toBeUndefined();
    expect(nameOf("::: / --- / !!!")).toBeUndefined();
    expect(nameOf(`Summary ${"x".repeat(200)}`)).toBeUndefined();
    expect(nameOf("3D printing")).toBeUndefined();
  });
});

describe("labels", () => {
  it("are up to five words before the first colon that name a field", () => {
    expect(labelOf("Stage: pilot")).toEqual({ named: "stage", rest: 6 });
    expect(labelOf("Période : 2020–2022")?.named).toBe("period");
    expect(labelOf("Etapa: piloto")?.named).toBe("stage");
    expect(labelOf("Technologies utilisées : IA")?.named).toBe("technologies");
    expect(labelOf("Title: Drones over the yard")?.named).toBe("title");
  });

  it("are not sentences with a colon, nor addresses", () => {
    expect(labelOf("The officers said the following about the stage: it was too early")).toBeUndefined();
    expect(labelOf("https://example.org/stage")).toBeUndefined();
    expect(labelOf("Note: the stage was pilot")).toBeUndefined();
    expect(labelOf(":::::".repeat(100_000))).toBeUndefined();
  });
});

describe("stages", () => {
  it("are read on whole words and phrases, the longest at each place, in three languages", () => {
    const cases: [string, string | null][] = [
      ["Proof of concept", "proof_of_concept"],
      ["POC", "proof_of_concept"],
      ["Preuve de concept", "proof_of_concept"],
      ["Prueba de concepto", "proof_of_concept"],
      ["Concept stage", "idea"],
      ["Étape de l'idée", "idea"],
      ["Idée", "idea"],
      ["Pilot project", "pilot"],
      ["Projet pilote", "pilot"],
      ["Phase pilote", "pilot"],
      ["Prueba piloto", "pilot"],
      ["Trial", "pilot"],
      ["In production since 2021", "production"],
      ["Live", "production"],
      ["Rolled out nationally", "production"],
      ["Opérationnel", "production"],
      ["Déployé", "production"],
      ["En funcionamiento", "production"],
      ["Operativo", "production"],
      ["Abandonné en 2019", "discontinued"],
      ["Interrumpido", "discontinued"],
      ["Deliverables are due", null],
      ["Conceptual framework", null],
    ];
    for (const [text, stage] of cases) expect(stageOf(text), text).toBe(stage);
  });

  it("take the first stage written when a text names two", () => {
    expect(stageOf("Pilot, moving to production next year")).toBe("pilot");
    expect(stageOf("In production after a pilot")).toBe("production");
  });
});

describe("technologies", () => {
  const technologies: TechnologyNames[] = [
    { slug: "blockchain", names: { en: "Blockchain", fr: "Chaîne de blocs" }, aliases: { en: ["DLT", "distributed ledger"] } },
    { slug: "ai", names: { en: "Big data, analytics and artificial intelligence", fr: "Mégadonnées, analytique et intelligence artificielle" }, aliases: { en: ["artificial intelligence", "AI", "big data"], fr: ["intelligence artificielle", "IA", "mégadonnées"] } },
    { slug: "virtual-reality", names: { en: "Virtual reality" }, aliases: { fr: ["RV", "réalité virtuelle"] } },
  ];

  it("are found by slug, name or alias in any language, each once, in the list's order", () => {
    expect(technologiesOf("Artificial intelligence, big data", technologies)).toEqual(["ai"]);
    expect(technologiesOf("Intelligence artificielle ; chaîne de blocs", technologies)).toEqual(["blockchain", "ai"]);
    expect(technologiesOf("Mégadonnées, analytique et intelligence artificielle", technologies)).toEqual(["ai"]);
    expect(technologiesOf("IA et RV", technologies)).toEqual(["ai", "virtual-reality"]);
    expect(technologiesOf("A DLT", technologies)).toEqual(["blockchain"]);
  });

  it("match short aliases only as whole words", () => {
    expect(technologiesOf("Via the aid of service providers, drives", technologies)).toEqual([]);
    expect(technologiesOf("RVB colours; blockchains", technologies)).toEqual([]);
  });
});
