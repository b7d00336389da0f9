import type { Messages } from "#src/i18n/message.ts";

// Reports and technologies: the lookups the evidence hangs on.

export const catalog = {
  "linkKind.feeds": {
    en: "feeds",
    fr: "alimente",
    es: "alimenta",
  },
  "linkKind.related": {
    en: "is related to",
    fr: "est liée à",
    es: "está relacionada con",
  },
  "linkKind.merged_into": {
    en: "was merged into",
    fr: "a été fusionnée dans",
    es: "se fusionó en",
  },
  "linkKind.split_from": {
    en: "was split from",
    fr: "est issue de la scission de",
    es: "se separó de",
  },
  "reports.title": {
    en: "Reports",
    fr: "Rapports",
    es: "Informes",
  },
  "reports.new": {
    en: "New report",
    fr: "Nouveau rapport",
    es: "Nuevo informe",
  },
  "reports.slug": {
    en: "Short name used in addresses",
    fr: "Nom court utilisé dans les adresses",
    es: "Nombre corto usado en las direcciones",
  },
  "reports.hint.slug": {
    en: "Lower-case letters, digits and hyphens, e.g. disruptive-technologies. It never changes.",
    fr: "Minuscules, chiffres et tirets, par ex. technologies-de-rupture. Il ne change jamais.",
    es: "Minúsculas, cifras y guiones, p. ej. tecnologias-disruptivas. No cambia nunca.",
  },
  "reports.titleField": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "reports.primaryLanguage": {
    en: "Primary language",
    fr: "Langue principale",
    es: "Idioma principal",
  },
  "reports.translations": {
    en: "Translated into",
    fr: "Traduit en",
    es: "Traducido al",
  },
  "reports.none": {
    en: "No report yet.",
    fr: "Aucun rapport pour l'instant.",
    es: "Todavía no hay informes.",
  },
  "reports.created": {
    en: "Report “{title}” created.",
    fr: "Rapport « {title} » créé.",
    es: "Informe «{title}» creado.",
  },
  "tech.title": {
    en: "Technologies",
    fr: "Technologies",
    es: "Tecnologías",
  },
  "tech.new": {
    en: "New technology",
    fr: "Nouvelle technologie",
    es: "Nueva tecnología",
  },
  "tech.slug": {
    en: "Short name used in references",
    fr: "Nom court utilisé dans les références",
    es: "Nombre corto usado en las referencias",
  },
  "tech.name": {
    en: "Name in {lang}",
    fr: "Nom en {lang}",
    es: "Nombre en {lang}",
  },
  "tech.description": {
    en: "Short description (English)",
    fr: "Brève description (anglais)",
    es: "Breve descripción (inglés)",
  },
  "tech.links": {
    en: "Relations",
    fr: "Relations",
    es: "Relaciones",
  },
  "tech.addLink": {
    en: "Add the relation",
    fr: "Ajouter la relation",
    es: "Añadir la relación",
  },
  "tech.target": {
    en: "Other technology",
    fr: "Autre technologie",
    es: "Otra tecnología",
  },
  "tech.linkKind": {
    en: "Relation",
    fr: "Relation",
    es: "Relación",
  },
  "tech.created": {
    en: "Technology “{name}” created.",
    fr: "Technologie « {name} » créée.",
    es: "Tecnología «{name}» creada.",
  },
  "tech.saved": {
    en: "Technology “{name}” saved.",
    fr: "Technologie « {name} » enregistrée.",
    es: "Tecnología «{name}» guardada.",
  },
  "tech.none": {
    en: "No technology yet.",
    fr: "Aucune technologie pour l'instant.",
    es: "Todavía no hay tecnologías.",
  },
  "tech.noLinks": {
    en: "No relation recorded.",
    fr: "Aucune relation enregistrée.",
    es: "No hay relaciones registradas.",
  },
} as const satisfies Messages;
