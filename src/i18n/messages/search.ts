import type { Messages } from "#src/i18n/message.ts";

// Search.

export const search = {
  "search.title": {
    en: "Search",
    fr: "Rechercher",
    es: "Buscar",
  },
  "search.titleFor": {
    en: "Search: {q}",
    fr: "Recherche : {q}",
    es: "Búsqueda: {q}",
  },
  "search.query": {
    en: "Words to find",
    fr: "Mots à chercher",
    es: "Palabras que buscar",
  },
  "search.kind": {
    en: "In",
    fr: "Dans",
    es: "En",
  },
  "search.kind.section": {
    en: "Report sections",
    fr: "Sections du rapport",
    es: "Secciones del informe",
  },
  "search.kind.case-study": {
    en: "Case studies",
    fr: "Études de cas",
    es: "Estudios de caso",
  },
  "search.kind.event": {
    en: "Events",
    fr: "Événements",
    es: "Eventos",
  },
  "search.kind.recommendation": {
    en: "Recommendations",
    fr: "Recommandations",
    es: "Recomendaciones",
  },
  "search.edition": {
    en: "Edition",
    fr: "Édition",
    es: "Edición",
  },
  "search.edition.latest": {
    en: "Latest edition",
    fr: "Dernière édition",
    es: "Última edición",
  },
  "search.edition.all": {
    en: "All editions",
    fr: "Toutes les éditions",
    es: "Todas las ediciones",
  },
  "search.button": {
    en: "Search",
    fr: "Rechercher",
    es: "Buscar",
  },
  "search.count": {
    en: "Results: {count}",
    fr: "Résultats : {count}",
    es: "Resultados: {count}",
  },
  "search.none": {
    en: "Nothing found. Try fewer or other words, or another edition.",
    fr: "Aucun résultat. Essayez moins de mots, d'autres mots ou une autre édition.",
    es: "No se encontró nada. Pruebe con menos palabras, otras palabras u otra edición.",
  },
  "search.pages": {
    en: "Result pages",
    fr: "Pages de résultats",
    es: "Páginas de resultados",
  },
  "search.previous": {
    en: "Previous",
    fr: "Précédente",
    es: "Anterior",
  },
  "search.next": {
    en: "Next",
    fr: "Suivante",
    es: "Siguiente",
  },
  "search.pageOf": {
    en: "Page {page} of {pages}",
    fr: "Page {page} sur {pages}",
    es: "Página {page} de {pages}",
  },
  "search.kind.survey-question": {
    en: "Survey questions",
    fr: "Questions d’enquête",
    es: "Preguntas de encuesta",
  },
  "search.kind.chapter": {
    en: "Chapters",
    fr: "Chapitres",
    es: "Capítulos",
  },
  "search.language": {
    en: "Language: {language}",
    fr: "Langue : {language}",
    es: "Idioma: {language}",
  },
  "search.close": {
    en: "Few results match these words exactly; names spelled like them are shown too.",
    fr: "Peu de résultats contiennent exactement ces mots ; les noms d'orthographe proche sont aussi affichés.",
    es: "Pocos resultados contienen exactamente estas palabras; también se muestran los nombres de escritura parecida.",
  },
  "search.closeTag": {
    en: "Close spelling",
    fr: "Orthographe proche",
    es: "Escritura parecida",
  },
  "search.aliases": {
    en: "Other names in {lang}",
    fr: "Autres noms en {lang}",
    es: "Otros nombres en {lang}",
  },
  "search.aliasesHint": {
    en: "One per line, up to 20 of 80 characters at most: abbreviations and other words readers search for (“AI”, “distributed ledger”). Search finds the technology's chapters by them in any language.",
    fr: "Un par ligne, 20 au plus, de 80 caractères au plus : sigles et autres mots que les lecteurs cherchent (« IA », « registre distribué »). La recherche trouve par eux les chapitres de la technologie, dans toutes les langues.",
    es: "Uno por línea, hasta 20 de 80 caracteres como máximo: siglas y otras palabras que buscan los lectores («IA», «registro distribuido»). La búsqueda encuentra por ellos los capítulos de la tecnología en cualquier idioma.",
  },
  "field.tooManyAliases": {
    en: "Give at most 20 other names per language.",
    fr: "Indiquez au plus 20 autres noms par langue.",
    es: "Indique como máximo 20 otros nombres por idioma.",
  },
  "field.aliasTooLong": {
    en: "Each name may have at most 80 characters.",
    fr: "Chaque nom compte au plus 80 caractères.",
    es: "Cada nombre puede tener como máximo 80 caracteres.",
  },
} as const satisfies Messages;
