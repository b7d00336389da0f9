import type { Messages } from "#src/i18n/message.ts";

// Traceability, what a section reflects, and the timeline.

export const provenance = {
  "trace.title": {
    en: "Traceability",
    fr: "Traçabilité",
    es: "Trazabilidad",
  },
  "trace.lead": {
    en: "Which inputs fed which chapter of the living draft: each cell counts the chapter's sections.",
    fr: "Quelles contributions ont nourri quel chapitre du projet évolutif : chaque case compte les sections du chapitre.",
    es: "Qué aportaciones alimentaron cada capítulo del borrador vivo: cada celda cuenta las secciones del capítulo.",
  },
  "trace.filter": {
    en: "Kinds of input",
    fr: "Types de contribution",
    es: "Tipos de aportación",
  },
  "trace.kind": {
    en: "Kind",
    fr: "Type",
    es: "Tipo",
  },
  "trace.kind.case-study": {
    en: "Case study",
    fr: "Étude de cas",
    es: "Estudio de caso",
  },
  "trace.kind.figure": {
    en: "Figure",
    fr: "Figure",
    es: "Figura",
  },
  "trace.kind.recommendation": {
    en: "Recommendation",
    fr: "Recommandation",
    es: "Recomendación",
  },
  "trace.kind.outcome": {
    en: "Event outcome",
    fr: "Résultat d'événement",
    es: "Resultado de evento",
  },
  "trace.kind.comment": {
    en: "Review comment",
    fr: "Commentaire de relecture",
    es: "Comentario de revisión",
  },
  "trace.input": {
    en: "Input",
    fr: "Contribution",
    es: "Aportación",
  },
  "trace.total": {
    en: "Sections",
    fr: "Sections",
    es: "Secciones",
  },
  "trace.xlsx": {
    en: "Download as XLSX",
    fr: "Télécharger en XLSX",
    es: "Descargar en XLSX",
  },
  "trace.empty": {
    en: "No inputs of this kind feed the draft yet.",
    fr: "Aucune contribution de ce type ne nourrit encore le projet.",
    es: "Ninguna aportación de este tipo alimenta aún el borrador.",
  },
  "trace.caption": {
    en: "Inputs by chapter",
    fr: "Contributions par chapitre",
    es: "Aportaciones por capítulo",
  },
  "trace.chapters": {
    en: "Chapter numbers",
    fr: "Numéros des chapitres",
    es: "Números de los capítulos",
  },
  "timeline.title": {
    en: "Timeline",
    fr: "Chronologie",
    es: "Cronología",
  },
  "timeline.lead": {
    en: "The meetings that fed the report and the editions it produced.",
    fr: "Les réunions qui ont nourri le rapport et les éditions publiées.",
    es: "Las reuniones que alimentaron el informe y las ediciones publicadas.",
  },
  "timeline.empty": {
    en: "Nothing recorded yet.",
    fr: "Rien d'enregistré pour l'instant.",
    es: "Aún no hay nada registrado.",
  },
  "timeline.edition": {
    en: "Edition",
    fr: "Édition",
    es: "Edición",
  },
  "provenance.title": {
    en: "Provenance",
    fr: "Provenance",
    es: "Procedencia",
  },
  "provenance.lead": {
    en: "What fed this section.",
    fr: "Ce qui a nourri cette section.",
    es: "Lo que alimentó esta sección.",
  },
  "provenance.caseStudies": {
    en: "Case studies",
    fr: "Études de cas",
    es: "Estudios de caso",
  },
  "provenance.figures": {
    en: "Figures",
    fr: "Figures",
    es: "Figuras",
  },
  "provenance.recommendations": {
    en: "Recommendations",
    fr: "Recommandations",
    es: "Recomendaciones",
  },
  "provenance.outcomes": {
    en: "Event outcomes behind them",
    fr: "Résultats d'événements à l'origine",
    es: "Resultados de eventos de origen",
  },
  "provenance.comments": {
    en: "Review comments",
    fr: "Commentaires de relecture",
    es: "Comentarios de revisión",
  },
  "provenance.none": {
    en: "Nothing yet.",
    fr: "Rien pour l'instant.",
    es: "Nada por ahora.",
  },
} as const satisfies Messages;
