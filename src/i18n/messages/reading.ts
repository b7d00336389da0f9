import type { Messages } from "#src/i18n/message.ts";

// Reading an edition: a chapter's own contents, where the page sits, the way to the next chapter,
// citations; and the API reference's frame.

export const reading = {
  "reading.onThisPage": {
    en: "On this page",
    fr: "Sur cette page",
    es: "En esta página",
  },
  "reading.breadcrumb": {
    en: "You are here",
    fr: "Vous êtes ici",
    es: "Usted está aquí",
  },
  "reading.edition": {
    en: "{label} edition, {date}",
    fr: "Édition {label}, {date}",
    es: "Edición {label}, {date}",
  },
  "reading.chapters": {
    en: "Previous and next chapters",
    fr: "Chapitres précédent et suivant",
    es: "Capítulos anterior y siguiente",
  },
  "reading.previous": {
    en: "Previous",
    fr: "Précédent",
    es: "Anterior",
  },
  "reading.next": {
    en: "Next",
    fr: "Suivant",
    es: "Siguiente",
  },
  "reading.backToContents": {
    en: "Contents of the edition",
    fr: "Sommaire de l'édition",
    es: "Índice de la edición",
  },
  "reading.citation": {
    en: "{report}, {edition} edition ({date}), chapter {chapter}, “{chapterTitle}”, section {number}, “{heading}”. {url}",
    fr: "{report}, édition {edition} ({date}), chapitre {chapter}, « {chapterTitle} », section {number}, « {heading} ». {url}",
    es: "{report}, edición {edition} ({date}), capítulo {chapter}, «{chapterTitle}», sección {number}, «{heading}». {url}",
  },
  "reading.citeHint": {
    en: "Select the text to copy it; the address leads to this section of this edition.",
    fr: "Sélectionnez le texte pour le copier ; l'adresse mène à cette section de cette édition.",
    es: "Seleccione el texto para copiarlo; la dirección lleva a esta sección de esta edición.",
  },
  "reading.apiInEnglish": {
    en: "The operations, their parameters and their answers are described in English, as the OpenAPI document describes them.",
    fr: "Les opérations, leurs paramètres et leurs réponses sont décrits en anglais, comme dans le document OpenAPI.",
    es: "Las operaciones, sus parámetros y sus respuestas se describen en inglés, como en el documento OpenAPI.",
  },
  "reading.apiDocument": {
    en: "The OpenAPI document",
    fr: "Le document OpenAPI",
    es: "El documento OpenAPI",
  },
  "reading.apiTag.Account": {
    en: "Account",
    fr: "Compte",
    es: "Cuenta",
  },
  "reading.apiTag.Case studies": {
    en: "Case studies",
    fr: "Études de cas",
    es: "Estudios de caso",
  },
  "reading.apiTag.Editions": {
    en: "Editions",
    fr: "Éditions",
    es: "Ediciones",
  },
  "reading.apiTag.Events": {
    en: "Events",
    fr: "Événements",
    es: "Eventos",
  },
  "reading.apiTag.Jobs": {
    en: "Jobs",
    fr: "Tâches",
    es: "Tareas",
  },
  "reading.apiTag.Living draft": {
    en: "Living draft",
    fr: "Projet vivant",
    es: "Borrador vivo",
  },
  "reading.apiTag.Reports": {
    en: "Reports",
    fr: "Rapports",
    es: "Informes",
  },
  "reading.apiTag.Reviews": {
    en: "Reviews",
    fr: "Relectures",
    es: "Revisiones",
  },
  "reading.apiTag.Search": {
    en: "Search",
    fr: "Recherche",
    es: "Búsqueda",
  },
} as const satisfies Messages;
