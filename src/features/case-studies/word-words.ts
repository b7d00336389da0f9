import type { Stage } from "#src/domain/case-studies.ts";
import type { Language } from "#src/domain/languages.ts";

// The words a Word document uses for its fields, stages and technologies, in English, French and
// Spanish, and how a heading, a label or a phrase is matched against them: without case or
// accents, on whole words, in time proportional to the text.

/** Compared without case, accents or punctuation: "Étape de l'idée" → "etape de l idee", "mise en œuvre" → "mise en oeuvre". */
export const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** What a heading or a label can name: a field, the title, or the organization (never imported). */
export type Named = "summary" | "problem" | "solution" | "results" | "lessons" | "partners" | "period" | "contact" | "links" | "technologies" | "stage" | "title" | "organization";

/** Headings (and labels) recognised for each field, folded; a leading article is also allowed ("Le problème"). */
export const FIELD_HEADINGS: Record<Named, string[]> = {
  title: ["title", "titre", "titulo", "project title", "project name", "case study title", "title of the case study", "titre du projet", "nom du projet", "intitule", "titre de l etude de cas", "titulo del proyecto", "nombre del proyecto", "titulo del estudio de caso", "name of the project", "title of the project", "intitule du projet", "nom de l etude de cas", "titulo de la iniciativa", "nombre de la iniciativa"],
  organization: ["organization", "organisation", "organizacion", "administration", "administracion", "customs administration", "administration des douanes", "administracion de aduanas", "member", "membre", "miembro", "country", "pays", "pais", "submitted by", "soumis par", "presentado por", "author", "auteur", "autor"],
  summary: ["summary", "abstract", "overview", "executive summary", "in brief", "resume", "synthese", "apercu", "resume executif", "en bref", "resumen", "sintesis", "resumen ejecutivo", "en resumen", "project summary", "summary of the project", "brief summary", "short summary", "resume du projet", "bref resume", "synthese du projet", "resumen del proyecto", "breve resumen"],
  problem: ["problem", "problems", "challenge", "challenges", "problem statement", "background", "context", "context and challenges", "probleme", "problematique", "contexte", "enjeu", "enjeux", "defi", "defis", "contexte et enjeux", "situation initiale", "problema", "problematica", "contexto", "desafio", "desafios", "reto", "retos", "antecedentes", "contexto y desafios", "background and challenges", "background and context", "context and background", "challenges faced", "problem description", "problem addressed", "contexte et problematique", "contexte et defis", "problematique et contexte", "defis rencontres", "probleme rencontre", "antecedentes y desafios", "contexto y antecedentes", "contexto y problematica", "problema abordado", "desafios encontrados", "retos encontrados"],
  solution: ["solution", "approach", "project", "project description", "description", "implementation", "what was done", "approche", "projet", "description du projet", "mise en oeuvre", "solucion", "enfoque", "proyecto", "descripcion", "descripcion del proyecto", "implementacion", "puesta en marcha", "the solution", "solution implemented", "solution description", "description of the solution", "methodology", "solution mise en oeuvre", "description de la solution", "solution retenue", "demarche", "methodologie", "solucion implementada", "descripcion de la solucion", "solucion adoptada", "metodologia"],
  results: ["results", "result", "outcomes", "outcome", "impact", "impacts", "benefits", "achievements", "results and impact", "resultats", "resultat", "retombees", "benefices", "avantages", "resultats et impact", "resultados", "resultado", "beneficios", "impacto", "logros", "resultados e impacto", "key results", "main results", "results achieved", "outcomes and impact", "results and benefits", "impact and results", "principaux resultats", "resultats obtenus", "resultats cles", "resultats et benefices", "impact et resultats", "principales resultados", "resultados obtenidos", "resultados clave", "resultados y beneficios", "impacto y resultados"],
  lessons: ["lessons", "lessons learnt", "lessons learned", "key lessons", "learnings", "lecons", "lecons apprises", "lecons tirees", "enseignements", "enseignements tires", "lecciones", "lecciones aprendidas", "ensenanzas", "key lessons learned", "key lessons learnt", "lessons learned and recommendations", "main lessons", "principaux enseignements", "lecons apprises et recommandations", "principales lecciones", "lecciones aprendidas y recomendaciones"],
  partners: ["partners", "partner", "stakeholders", "partners and stakeholders", "partenaires", "partenaire", "parties prenantes", "socios", "socio", "asociados", "partes interesadas", "key partners", "main partners", "partners involved", "stakeholders involved", "principaux partenaires", "partenaires impliques", "principales socios", "socios involucrados"],
  period: ["period", "timeline", "timeframe", "duration", "dates", "periode", "calendrier", "duree", "periodo", "calendario", "duracion", "fechas", "project period", "implementation period", "time frame", "project duration", "periode du projet", "periode de mise en oeuvre", "duree du projet", "periodo del proyecto", "periodo de ejecucion", "periodo de implementacion", "duracion del proyecto"],
  contact: ["contact", "contacts", "contact person", "contact details", "personne de contact", "coordonnees", "contacto", "persona de contacto", "datos de contacto", "contact information", "contact point", "point of contact", "informations de contact", "point de contact", "interlocuteur", "informacion de contacto", "punto de contacto"],
  links: ["links", "link", "references", "further reading", "more information", "websites", "liens", "lien", "references et liens", "pour en savoir plus", "plus d informations", "sites web", "enlaces", "enlace", "referencias", "mas informacion", "sitios web", "useful links", "further information", "liens utiles", "informations complementaires", "enlaces utiles", "informacion adicional"],
  technologies: ["technologies", "technology", "technologies used", "disruptive technologies", "technologies utilisees", "technologie", "technologies de rupture", "tecnologias", "tecnologia", "tecnologias utilizadas", "tecnologias disruptivas", "technologies employed", "technologies involved", "technologies applied", "technology used", "technologies employees", "technologies mises en oeuvre", "technologie utilisee", "tecnologias empleadas", "tecnologias aplicadas", "tecnologias usadas", "tecnologia utilizada", "tecnologia empleada"],
  stage: ["stage", "status", "maturity", "project stage", "current stage", "stage of development", "project phase", "etape", "stade", "etat", "maturite", "etat d avancement", "avancement", "stade de developpement", "phase du projet", "etapa", "estado", "madurez", "etapa del proyecto", "fase del proyecto", "estado de avance", "etape du projet", "stade du projet", "project status", "status of the project", "current status", "development stage", "implementation status", "etat du projet", "statut", "statut du projet", "niveau de maturite", "estado del proyecto", "estado actual", "etapa de desarrollo", "nivel de madurez", "grado de madurez"],
};

const HEADING_INDEX = new Map<string, Named>(Object.entries(FIELD_HEADINGS).flatMap(([field, words]) => words.map((w) => [w, field as Named] as const)));
const ARTICLE = /^(?:the|le|la|les|l|el|los|las|lo) /;
const nameOfPart = (part: string): Named | undefined => HEADING_INDEX.get(part) ?? HEADING_INDEX.get(part.replace(ARTICLE, ""));

/** Numbering written before a heading: "1.", "2)", "1.2", "A.", "iv.", "(3)", "1 -". */
const NUMBERING = /^\s*(?:\(?(?:\d{1,3}(?:\.\d{1,3}){0,4}|[A-Za-z]|[IVXLCivxlc]{1,6})[.)]|\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3}){0,4}(?=\s)|\d{1,3}\s?[-–—])\s*/;
/** Between the languages of a combined heading: "Titre/Title", "Title – Titre", "Summary (Résumé)". */
const SEPARATORS = /\s*(?:[/|\\;,()[\]–—]|\s-\s)\s*/;
/** The same, and a hyphen between words ("Title-Titre"), tried when the heading as a whole names nothing. */
const SEPARATORS_AND_HYPHENS = /\s*(?:[/|\\;,()[\]–—-])\s*/;

/** What every part of a heading names, when they all name the same thing. */
function namedParts(bare: string, separators: RegExp): Named | undefined {
  let found: Named | undefined;
  for (const raw of bare.split(separators)) {
    const part = fold(raw);
    if (!part) continue;
    const named = nameOfPart(part);
    if (!named || (found && found !== named)) return undefined;
    found = named;
  }
  return found;
}

/**
 * What a heading (or a label, or a bold paragraph) names, as written: alone or combined in several
 * languages (also "Title-Titre"), numbered or not, with or without a trailing colon. Every part of a combined heading
 * must name the same thing ("Problème / Problem"); "Problem / Solution" names nothing.
 */
export function nameOf(text: string): Named | undefined {
  // A heading of more than a line names no field; it is not even read further.
  if (text.length > 160) return undefined;
  const bare = text.replace(NUMBERING, "").replace(/[\s:：.]+$/, "");
  // "Lessons-learned" is one heading; "Title-Titre" is two languages of one.
  return namedParts(bare, SEPARATORS) ?? (bare.includes("-") ? namedParts(bare, SEPARATORS_AND_HYPHENS) : undefined);
}

/**
 * A label at the start of a line: "Stage: pilot", "Période : 2020–2022", "**Etapa:** piloto".
 * Answers what it names and where its text starts, or undefined when the words before the first
 * colon (five at most) name nothing.
 */
export function labelOf(line: string): { named: Named; rest: number } | undefined {
  const colon = line.slice(0, 120).search(/[:：]/);
  if (colon <= 0) return undefined;
  const before = line.slice(0, colon);
  if (before.trim().split(/\s+/).length > 5) return undefined;
  const named = nameOf(before);
  return named ? { named, rest: colon + 1 } : undefined;
}

/** Words and phrases that name a stage, in our three languages, folded. */
export const STAGE_WORDS: Record<Stage, string[]> = {
  idea: ["idea", "idea stage", "concept stage", "conceptual stage", "concept phase", "ideation", "idee", "stade de l idee", "etape de l idee", "stade du concept", "etape conceptuelle", "idea inicial", "etapa de idea", "fase de idea", "etapa conceptual", "fase conceptual"],
  proof_of_concept: ["proof of concept", "poc", "proof of concept stage", "preuve de concept", "demonstration de faisabilite", "validation de concept", "prueba de concepto", "demostracion de concepto"],
  pilot: ["pilot", "pilot project", "pilot phase", "pilot stage", "piloting", "trial", "trials", "field trial", "pilote", "projet pilote", "phase pilote", "phase d essai", "experimentation", "piloto", "proyecto piloto", "fase piloto", "prueba piloto", "etapa piloto"],
  production: ["production", "in production", "live", "operational", "in operation", "deployed", "rolled out", "fully deployed", "in use", "en production", "operationnel", "operationnelle", "deploye", "deployee", "en service", "en exploitation", "en produccion", "produccion", "operativo", "operativa", "en funcionamiento", "desplegado", "implantado", "en operacion"],
  discontinued: ["discontinued", "stopped", "abandoned", "cancelled", "canceled", "ended", "abandonne", "abandonnee", "arrete", "arretee", "interrompu", "interrumpido", "abandonado", "suspendido", "cancelado"],
};

/** Phrases indexed by their first word, longest first: found on whole words in one pass. */
type PhraseIndex<T> = Map<string, { words: string[]; value: T }[]>;

function phraseIndex<T>(entries: [string, T][]): PhraseIndex<T> {
  const index: PhraseIndex<T> = new Map();
  for (const [phrase, value] of entries) {
    const words = fold(phrase).split(" ").filter(Boolean);
    if (!words.length) continue;
    const list = index.get(words[0]!) ?? [];
    list.push({ words, value });
    index.set(words[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** Every phrase found in a text, in reading order, the longest at each place, none overlapping. */
function findPhrases<T>(text: string, index: PhraseIndex<T>): T[] {
  const words = fold(text).split(" ");
  const found: T[] = [];
  for (let i = 0; i < words.length; ) {
    const match = index.get(words[i]!)?.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (match) {
      found.push(match.value);
      i += match.words.length;
    } else i++;
  }
  return found;
}

const STAGE_INDEX = phraseIndex(Object.entries(STAGE_WORDS).flatMap(([stage, words]) => words.map((w) => [w, stage as Stage] as [string, Stage])));

/** The stage a text names: the first one written, on whole words and phrases, the longest at each place. */
export function stageOf(text: string): Stage | null {
  return findPhrases(text, STAGE_INDEX)[0] ?? null;
}

/** A technology as the import knows it: its slug, its names and its aliases (search's list), in every language. */
export type TechnologyNames = { slug: string; names: Record<string, string | undefined>; aliases: Partial<Record<Language, string[]>> };

/**
 * The technologies a text names, by slug, each once, in the list's order: its slug, a name or an
 * alias in any language, matched on whole words ("IA" is not found in "via").
 */
export function technologiesOf(text: string, technologies: TechnologyNames[]): string[] {
  const index = phraseIndex(
    technologies.flatMap((t) => [t.slug.replace(/[-_]/g, " "), ...Object.values(t.names), ...Object.values(t.aliases ?? {}).flat()].filter((n): n is string => Boolean(n)).map((n) => [n, t.slug] as [string, string])),
  );
  const found = new Set(findPhrases(text, index));
  return technologies.map((t) => t.slug).filter((slug) => found.has(slug));
}

/** Years in a text (1950–2099), for a period. */
export function periodOf(text: string): { periodStart: number | null; periodEnd: number | null } {
  const years = (text.match(/\b(?:19[5-9]\d|20\d\d)\b/g) ?? []).map(Number);
  if (!years.length) return { periodStart: null, periodEnd: null };
  const some = years.slice(0, 1000);
  return { periodStart: Math.min(...some), periodEnd: some.length > 1 ? Math.max(...some) : null };
}
