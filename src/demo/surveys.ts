import type { Db } from "#src/db/client.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { insertOrganization, listOrganizations } from "#src/features/members/repository.ts";
import { ADOPTION_STAGES } from "#src/domain/surveys.ts";
import { insertFigure } from "#src/features/surveys/repository.ts";
import { createSurvey, importResponses, inviteOrganizations, setSurveyStatus, type Table } from "#src/features/surveys/service.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";

// Demo surveys with SYNTHETIC answers (clearly labelled: the respondents are invented
// organizations named "Synthetic respondent …"), so that results, figures and the radar have
// something to show. The figures match no real survey.

const REGIONS = ["AMS", "EUR", "AP", "ESA", "WCA", "MENA"];
// Four countries per region, five synthetic respondents each: enough for a public map to show them.
const COUNTRIES: Record<string, string[]> = { AMS: ["BR", "MX", "PE", "CA"], EUR: ["FR", "DE", "ES", "PL"], AP: ["JP", "KR", "AU", "IN"], ESA: ["KE", "ZA", "ET", "TZ"], WCA: ["NG", "SN", "CI", "GH"], MENA: ["MA", "EG", "SA", "JO"] };
export const DEMO_SURVEY_TECHNOLOGIES = ["blockchain", "iot", "ai", "biometrics", "drones", "virtual-reality"];

// How far each technology has got, on average (0 no plans … 4 production), in 2021 and in 2024.
const LEVEL: Record<string, [number, number]> = { blockchain: [1.2, 1.8], iot: [1.9, 2.5], ai: [1.6, 2.6], biometrics: [2.3, 2.7], drones: [1.1, 1.5], "virtual-reality": [0.4, 0.9] };

/** A small deterministic random source, so the demo is the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function syntheticTable(orgIds: string[], yearIndex: 0 | 1, seed: number): Table {
  const next = random(seed);
  const columns = ["organization", "innovation_unit", "priority", ...DEMO_SURVEY_TECHNOLOGIES.map((t) => `adoption.${t}.stage`), "benefits"];
  const rows = orgIds.map((id, i) => {
    const cells: Record<string, string | number> = { organization: id, innovation_unit: next() < 0.55 + yearIndex * 0.1 ? "yes" : next() < 0.5 ? "planned" : "no", priority: 1 + Math.floor(next() * 5) };
    for (const tech of DEMO_SURVEY_TECHNOLOGIES) {
      // Regions differ a little; each answer scatters around the technology's level.
      const level = LEVEL[tech]![yearIndex] + (i % 6 === 1 ? 0.4 : i % 6 === 4 ? -0.4 : 0) + (next() - 0.5) * 2.4;
      cells[`adoption.${tech}.stage`] = ADOPTION_STAGES[Math.max(0, Math.min(4, Math.round(level)))]!;
    }
    cells.benefits = ["risk", "fraud", "speed", "compliance"].filter(() => next() < 0.45).join(";") || "none";
    return { line: i + 2, cells };
  });
  return { columns, rows, cellRef: (line, column) => `${column}:${line}` };
}

/** 120 synthetic respondents, two adoption surveys (2021 closed, 2024 open) and three figures. */
export async function loadDemoSurveys(db: Db) {
  const orgIds: string[] = [];
  for (let i = 1; i <= 120; i++) {
    const org = await insertOrganization(db, { name: `Synthetic respondent ${String(i).padStart(3, "0")} (synthetic data)`, shortName: `SYN${String(i).padStart(3, "0")}`, kind: "customs_administration", country: COUNTRIES[REGIONS[i % 6]!]![Math.floor(i / 6) % 4]!, regionCode: REGIONS[i % 6]!, memberSince: null, memberUntil: null });
    orgIds.push(org.id);
  }
  const definition = adoptionTemplate(DEMO_SURVEY_TECHNOLOGIES);
  const surveys = [];
  for (const [index, year] of [2021, 2024].entries()) {
    const survey = await createSurvey(db, SYSTEM_ACTOR, {
      slug: `adoption-${year}`,
      title: `Technology adoption survey ${year} (synthetic demo data)`,
      year,
      kind: "technology-adoption",
      intro: "Demo survey: the answers were generated for the demonstration and describe no real administration.",
      minGroup: 5,
      // The open survey is due a couple of weeks after the demo is loaded, so "My work" shows a closing date.
      closesOn: year === 2024 ? new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10) : null,
      definition,
    });
    await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "open");
    const result = await importResponses(db, SYSTEM_ACTOR, survey.id, syntheticTable(orgIds, index as 0 | 1, year), "import: synthetic demo data");
    if (!result.ok) throw new Error(`Demo survey answers refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
    if (year === 2021) await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "closed");
    surveys.push(survey);
  }
  const [y2021, y2024] = surveys as [(typeof surveys)[number], (typeof surveys)[number]];
  // The demo contributor's organization is invited to the open survey, so "My work" has one to answer.
  const kcs = (await listOrganizations(db, {})).find((o) => o.name === "Korea Customs Service");
  if (kcs) await inviteOrganizations(db, SYSTEM_ACTOR, y2024.id, [kcs.id]);
  await insertFigure(db, { slug: "blockchain-stage-by-region", surveyId: y2021.id, query: { kind: "stage-by-region", question: "adoption", technology: "blockchain" }, chart: "stage-by-region", titles: { en: "Blockchain: how far administrations have gone, by region (2021)", fr: "Chaîne de blocs : où en sont les administrations, par région (2021)", es: "Cadena de bloques: hasta dónde han llegado las administraciones, por región (2021)" }, captions: { en: "Synthetic demo data.", fr: "Données de démonstration synthétiques.", es: "Datos de demostración sintéticos." }, alts: { en: "Stacked bars, one per region, showing the share of administrations at each stage with blockchain; most are planning or testing it.", fr: "Barres empilées, une par région, montrant la part des administrations à chaque étape pour la chaîne de blocs ; la plupart la préparent ou la testent.", es: "Barras apiladas, una por región, con la proporción de administraciones en cada etapa para la cadena de bloques; la mayoría la prepara o la prueba." } });
  await insertFigure(db, { slug: "blockchain-world-map", surveyId: y2024.id, query: { kind: "world-map", question: "adoption", technology: "blockchain" }, chart: "world-map", titles: { en: "Blockchain: most common stage by country (2024)", fr: "Chaîne de blocs : étape la plus fréquente par pays (2024)", es: "Cadena de bloques: etapa más frecuente por país (2024)" }, captions: { en: "Synthetic demo data; a country shows only where at least five of its organizations answered.", fr: "Données synthétiques ; un pays n'apparaît que si au moins cinq de ses organisations ont répondu.", es: "Datos sintéticos; un país solo aparece si respondieron al menos cinco de sus organizaciones." }, alts: { en: "World map colouring 24 countries by the stage most of their administrations report for blockchain; the others are grey.", fr: "Carte du monde colorant 24 pays selon l'étape la plus déclarée pour la chaîne de blocs ; les autres sont en gris.", es: "Mapa del mundo que colorea 24 países según la etapa más declarada para la cadena de bloques; los demás están en gris." } });
  await insertFigure(db, { slug: "adoption-by-technology-2021", surveyId: y2021.id, query: { kind: "stage-by-technology", question: "adoption" }, chart: "stage-by-technology", titles: { en: "Stage of adoption by technology (2021)", fr: "Étape d'adoption par technologie (2021)", es: "Etapa de adopción por tecnología (2021)" }, captions: { en: "Synthetic demo data.", fr: "Données de démonstration synthétiques.", es: "Datos de demostración sintéticos." }, alts: { en: "Stacked bars, one per technology; biometrics is furthest along, virtual reality least.", fr: "Barres empilées, une par technologie ; la biométrie est la plus avancée, la réalité virtuelle la moins.", es: "Barras apiladas, una por tecnología; la biometría es la más avanzada, la realidad virtual la menos." } });
  await insertFigure(db, { slug: "adoption-by-technology", surveyId: y2024.id, query: { kind: "stage-by-technology", question: "adoption" }, chart: "stage-by-technology", titles: { en: "Stage of adoption by technology (2024)", fr: "Étape d'adoption par technologie (2024)", es: "Etapa de adopción por tecnología (2024)" }, captions: { en: "Synthetic demo data.", fr: "Données de démonstration synthétiques.", es: "Datos de demostración sintéticos." }, alts: { en: "Stacked bars, one per technology; biometrics and AI are furthest along, virtual reality least.", fr: "Barres empilées, une par technologie ; la biométrie et l'IA sont les plus avancées, la réalité virtuelle la moins.", es: "Barras apiladas, una por tecnología; la biometría y la IA son las más avanzadas, la realidad virtual la menos." } });
  await insertFigure(db, { slug: "technology-radar", surveyId: y2024.id, query: { kind: "radar", question: "adoption" }, chart: "radar", titles: { en: "Technology radar (2024, compared with 2021)", fr: "Radar des technologies (2024, comparé à 2021)", es: "Radar de tecnologías (2024, comparado con 2021)" }, captions: { en: "Synthetic demo data. ▲ moved towards the centre since 2021, ▼ moved out, ★ new.", fr: "Données synthétiques. ▲ rapproché du centre depuis 2021, ▼ éloigné, ★ nouveau.", es: "Datos sintéticos. ▲ más cerca del centro desde 2021, ▼ más lejos, ★ nueva." }, alts: { en: "A radar of four rings from in production (centre) to watching; each technology is a dot in the ring its average stage puts it in.", fr: "Un radar de quatre anneaux, de en production (centre) à en veille ; chaque technologie est un point dans l'anneau de son étape moyenne.", es: "Un radar de cuatro anillos, de en producción (centro) a en observación; cada tecnología es un punto en el anillo que le da su etapa media." } });
  await recordAudit(db, SYSTEM_ACTOR, { action: "demo.surveys", entityType: "platform", data: { organizations: orgIds.length, surveys: surveys.length } });
}
