import type { Messages } from "#src/i18n/message.ts";

// What the Markdown pipeline writes into a rendered text: evidence placeholders, notes, warnings.

export const content = {
  "content.warning.unknownDirective": {
    en: "Unknown directive “{name}”.",
    fr: "Directive inconnue « {name} ».",
    es: "Directiva desconocida «{name}».",
  },
  "content.warning.missingRef": {
    en: "The “{name}” directive needs a valid ref attribute.",
    fr: "La directive « {name} » doit avoir un attribut ref valide.",
    es: "La directiva «{name}» necesita un atributo ref válido.",
  },
  "content.warning.unknownRef": {
    en: "No {name} is known as “{ref}”.",
    fr: "Aucun élément {name} ne s'appelle « {ref} ».",
    es: "Ningún elemento {name} se llama «{ref}».",
  },
  "content.figure": {
    en: "Figure: {ref}",
    fr: "Figure : {ref}",
    es: "Figura: {ref}",
  },
  "content.case-study": {
    en: "Case study: {ref}",
    fr: "Étude de cas : {ref}",
    es: "Estudio de caso: {ref}",
  },
  "content.recommendation": {
    en: "Recommendation: {ref}",
    fr: "Recommandation : {ref}",
    es: "Recomendación: {ref}",
  },
  "content.pendingNote": {
    en: "Shown here once this kind of evidence is managed in the platform.",
    fr: "Affiché ici dès que ce type de contribution est géré par la plateforme.",
    es: "Se mostrará aquí cuando la plataforma gestione este tipo de contribución.",
  },
  "content.footnotes": {
    en: "Notes",
    fr: "Notes",
    es: "Notas",
  },
  "content.backToText": {
    en: "Back to the text",
    fr: "Retour au texte",
    es: "Volver al texto",
  },
  "content.figureNote": {
    en: "n = {n}. Source: {source}.",
    fr: "n = {n}. Source : {source}.",
    es: "n = {n}. Fuente: {source}.",
  },
  "content.figureData": {
    en: "Data (CSV)",
    fr: "Données (CSV)",
    es: "Datos (CSV)",
  },
  "content.recommendationLabel": {
    en: "Recommendation",
    fr: "Recommandation",
    es: "Recomendación",
  },
  "content.recommendationRetired": {
    en: "This recommendation has been retired.",
    fr: "Cette recommandation a été retirée.",
    es: "Esta recomendación fue retirada.",
  },
} as const satisfies Messages;
