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
} as const satisfies Messages;
