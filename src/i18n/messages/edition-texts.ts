import type { Messages } from "#src/i18n/message.ts";

// An edition's own words in each language: title, subtitle, foreword and how its date is written.

export const editionTexts = {
  "editionTexts.heading": {
    en: "Title, subtitle and foreword in each language",
    fr: "Titre, sous-titre et avant-propos dans chaque langue",
    es: "Título, subtítulo y prólogo en cada idioma",
  },
  "editionTexts.lead": {
    en: "Readers see these on the contents page, in breadcrumbs, in the feed and on the cover of every download. A language without its own words shows the {primary} ones.",
    fr: "Les lecteurs les voient sur la page de sommaire, dans le fil d'Ariane, dans le flux et sur la couverture de chaque téléchargement. Une langue sans ses propres textes affiche ceux en {primary}.",
    es: "Los lectores los ven en la página de índice, en la ruta de navegación, en el canal de novedades y en la portada de cada descarga. Un idioma sin textos propios muestra los del {primary}.",
  },
  "editionTexts.readOnly": {
    en: "This edition is published: its words never change.",
    fr: "Cette édition est publiée : ses textes ne changent plus.",
    es: "Esta edición está publicada: sus textos ya no cambian.",
  },
  "editionTexts.primary": {
    en: "Primary language",
    fr: "Langue principale",
    es: "Idioma principal",
  },
  "editionTexts.source": {
    en: "The {lang} words, to translate from",
    fr: "Les textes en {lang}, à traduire",
    es: "Los textos en {lang}, para traducir",
  },
  "editionTexts.title": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "editionTexts.subtitle": {
    en: "Subtitle",
    fr: "Sous-titre",
    es: "Subtítulo",
  },
  "editionTexts.foreword": {
    en: "Foreword",
    fr: "Avant-propos",
    es: "Prólogo",
  },
  "editionTexts.forewordHint": {
    en: "One short paragraph, shown under the title.",
    fr: "Un court paragraphe, affiché sous le titre.",
    es: "Un párrafo breve, que aparece bajo el título.",
  },
  "editionTexts.dateStyle": {
    en: "How the edition's date is written",
    fr: "Écriture de la date de l'édition",
    es: "Cómo se escribe la fecha de la edición",
  },
  "editionTexts.style.full": {
    en: "Full",
    fr: "Complète",
    es: "Completa",
  },
  "editionTexts.style.long": {
    en: "Long",
    fr: "Longue",
    es: "Larga",
  },
  "editionTexts.style.medium": {
    en: "Medium",
    fr: "Moyenne",
    es: "Media",
  },
  "editionTexts.style.short": {
    en: "Short",
    fr: "Courte",
    es: "Corta",
  },
  "editionTexts.save": {
    en: "Save the {lang} words",
    fr: "Enregistrer les textes en {lang}",
    es: "Guardar los textos en {lang}",
  },
  "editionTexts.saved": {
    en: "The {lang} words of edition {label} are saved.",
    fr: "Les textes en {lang} de l'édition {label} sont enregistrés.",
    es: "Los textos en {lang} de la edición {label} están guardados.",
  },
  "editionTexts.none": {
    en: "None",
    fr: "Aucun",
    es: "Ninguno",
  },
  "editionTexts.partly": {
    en: "Partly translated: {fields, select, subtitle {no subtitle} foreword {no foreword} other {no subtitle or foreword}}",
    fr: "Traduit en partie : {fields, select, subtitle {sans sous-titre} foreword {sans avant-propos} other {sans sous-titre ni avant-propos}}",
    es: "Traducido en parte: {fields, select, subtitle {sin subtítulo} foreword {sin prólogo} other {sin subtítulo ni prólogo}}",
  },
  "editionTexts.readersSee": {
    en: "Readers see the {lang}:",
    fr: "Les lecteurs voient le texte en {lang} :",
    es: "Los lectores ven el texto en {lang}:",
  },
  "editionTexts.styleOption": {
    en: "{style}: {example}",
    fr: "{style} : {example}",
    es: "{style}: {example}",
  },
  "audit.action.edition.texts": {
    en: "Edition's words in a language saved",
    fr: "Textes d'une édition enregistrés dans une langue",
    es: "Textos de una edición guardados en un idioma",
  },
} as const satisfies Messages;
