import type { Messages } from "#src/i18n/message.ts";

// Comparing two versions of a report: editions, or an edition and the living draft.

export const compare = {
  "compare.title": {
    en: "What changed from {from} to {to}",
    fr: "Ce qui a changé de {from} à {to}",
    es: "Qué cambió de {from} a {to}",
  },
  "compare.pageTitle": {
    en: "Compare editions",
    fr: "Comparer des éditions",
    es: "Comparar ediciones",
  },
  "compare.lead": {
    en: "Chapters and sections are followed by identity, so a renamed or moved one is shown as such. Texts are compared as readers see them: insertions are underlined, deletions struck through.",
    fr: "Les chapitres et les sections sont suivis d'une version à l'autre : un chapitre renommé ou une section déplacée apparaissent comme tels. Les textes sont comparés tels que les lecteurs les voient : les ajouts sont soulignés, les suppressions barrées.",
    es: "Los capítulos y las secciones se siguen de una versión a otra: uno renombrado o movido aparece como tal. Los textos se comparan tal como los ven los lectores: lo añadido aparece subrayado y lo suprimido, tachado.",
  },
  "compare.draft": {
    en: "the living draft",
    fr: "le projet vivant",
    es: "el borrador vivo",
  },
  "compare.from": {
    en: "From",
    fr: "De",
    es: "De",
  },
  "compare.to": {
    en: "To",
    fr: "À",
    es: "A",
  },
  "compare.show": {
    en: "Compare",
    fr: "Comparer",
    es: "Comparar",
  },
  "compare.nothing": {
    en: "No differences.",
    fr: "Aucune différence.",
    es: "Sin diferencias.",
  },
  "compare.noEarlier": {
    en: "There is no earlier edition to compare {to} with. Choose two versions above.",
    fr: "Il n'y a pas d'édition antérieure à comparer avec {to}. Choisissez deux versions ci-dessus.",
    es: "No hay una edición anterior con la que comparar {to}. Elija dos versiones arriba.",
  },
  "compare.notFound": {
    en: "One of these versions does not exist, or is not public.",
    fr: "L'une de ces versions n'existe pas ou n'est pas publique.",
    es: "Una de estas versiones no existe o no es pública.",
  },
  "compare.editionLink": {
    en: "Compare with another edition",
    fr: "Comparer avec une autre édition",
    es: "Comparar con otra edición",
  },
  "compare.chapterLink": {
    en: "What changed in this chapter",
    fr: "Ce qui a changé dans ce chapitre",
    es: "Qué cambió en este capítulo",
  },
  "compare.withPrevious": {
    en: "Compare with the previous edition",
    fr: "Comparer avec l'édition précédente",
    es: "Comparar con la edición anterior",
  },
  "compare.summary": {
    en: "In short",
    fr: "En bref",
    es: "En resumen",
  },
  "compare.count.chaptersAdded": {
    en: "{n, plural, one {# chapter added} other {# chapters added}}",
    fr: "{n, plural, one {# chapitre ajouté} other {# chapitres ajoutés}}",
    es: "{n, plural, one {# capítulo añadido} other {# capítulos añadidos}}",
  },
  "compare.count.chaptersRemoved": {
    en: "{n, plural, one {# chapter removed} other {# chapters removed}}",
    fr: "{n, plural, one {# chapitre retiré} other {# chapitres retirés}}",
    es: "{n, plural, one {# capítulo quitado} other {# capítulos quitados}}",
  },
  "compare.count.chaptersRenamed": {
    en: "{n, plural, one {# chapter renamed} other {# chapters renamed}}",
    fr: "{n, plural, one {# chapitre renommé} other {# chapitres renommés}}",
    es: "{n, plural, one {# capítulo renombrado} other {# capítulos renombrados}}",
  },
  "compare.count.chaptersMoved": {
    en: "{n, plural, one {# chapter moved} other {# chapters moved}}",
    fr: "{n, plural, one {# chapitre déplacé} other {# chapitres déplacés}}",
    es: "{n, plural, one {# capítulo movido} other {# capítulos movidos}}",
  },
  "compare.count.sectionsAdded": {
    en: "{n, plural, one {# section added} other {# sections added}}",
    fr: "{n, plural, one {# section ajoutée} other {# sections ajoutées}}",
    es: "{n, plural, one {# sección añadida} other {# secciones añadidas}}",
  },
  "compare.count.sectionsRemoved": {
    en: "{n, plural, one {# section removed} other {# sections removed}}",
    fr: "{n, plural, one {# section retirée} other {# sections retirées}}",
    es: "{n, plural, one {# sección quitada} other {# secciones quitadas}}",
  },
  "compare.count.sectionsMoved": {
    en: "{n, plural, one {# section moved} other {# sections moved}}",
    fr: "{n, plural, one {# section déplacée} other {# sections déplacées}}",
    es: "{n, plural, one {# sección movida} other {# secciones movidas}}",
  },
  "compare.count.sectionsRenamed": {
    en: "{n, plural, one {# section renamed} other {# sections renamed}}",
    fr: "{n, plural, one {# section renommée} other {# sections renommées}}",
    es: "{n, plural, one {# sección renombrada} other {# secciones renombradas}}",
  },
  "compare.count.sectionsChanged": {
    en: "{n, plural, one {# section changed} other {# sections changed}}",
    fr: "{n, plural, one {# section modifiée} other {# sections modifiées}}",
    es: "{n, plural, one {# sección modificada} other {# secciones modificadas}}",
  },
  "compare.count.sectionsUnchanged": {
    en: "{n, plural, one {# section unchanged} other {# sections unchanged}}",
    fr: "{n, plural, one {# section inchangée} other {# sections inchangées}}",
    es: "{n, plural, one {# sección sin cambios} other {# secciones sin cambios}}",
  },
  // Tags name what happened (nouns): the same word fits a section (feminine) and a chapter (masculine).
  "compare.tag.added": {
    en: "Added",
    fr: "Ajout",
    es: "Incorporación",
  },
  "compare.tag.removed": {
    en: "Removed",
    fr: "Retrait",
    es: "Supresión",
  },
  "compare.tag.renamed": {
    en: "Renamed",
    fr: "Nouveau titre",
    es: "Nuevo título",
  },
  "compare.tag.moved": {
    en: "Moved",
    fr: "Déplacement",
    es: "Traslado",
  },
  "compare.tag.changed": {
    en: "Text changed",
    fr: "Texte modifié",
    es: "Texto modificado",
  },
  "compare.renamed": {
    en: "Renamed: “{from}” → “{to}”",
    fr: "Renommé : « {from} » → « {to} »",
    es: "Renombrado: «{from}» → «{to}»",
  },
  "compare.chapterMoved": {
    en: "Moved: chapter {from} → chapter {to}",
    fr: "Déplacé : chapitre {from} → chapitre {to}",
    es: "Movido: capítulo {from} → capítulo {to}",
  },
  "compare.sectionMoved": {
    en: "Moved: {from} in “{fromChapter}” → {to} in “{toChapter}”",
    fr: "Déplacée : {from} dans « {fromChapter} » → {to} dans « {toChapter} »",
    es: "Movida: {from} en «{fromChapter}» → {to} en «{toChapter}»",
  },
  "compare.sectionMovedWithin": {
    en: "Moved within its chapter: {from} → {to}",
    fr: "Déplacée dans son chapitre : {from} → {to}",
    es: "Movida dentro de su capítulo: {from} → {to}",
  },
  "compare.chapterIn": {
    en: "Chapter {number} in {version}",
    fr: "Chapitre {number} dans {version}",
    es: "Capítulo {number} en {version}",
  },
  "compare.sectionIn": {
    en: "Section {number} in {version}",
    fr: "Section {number} dans {version}",
    es: "Sección {number} en {version}",
  },
  "compare.edition": {
    en: "the {label} edition",
    fr: "l'édition {label}",
    es: "la edición {label}",
  },
  "compare.shownIn": {
    en: "Text shown in {from} in {fromVersion} and in {to} in {toVersion}.",
    fr: "Texte affiché en {from} dans {fromVersion} et en {to} dans {toVersion}.",
    es: "Texto mostrado en {from} en {fromVersion} y en {to} en {toVersion}.",
  },
  "compare.unchangedBlocks": {
    en: "{n, plural, one {# unchanged paragraph} other {# unchanged paragraphs}}",
    fr: "{n, plural, one {# paragraphe inchangé} other {# paragraphes inchangés}}",
    es: "{n, plural, one {# párrafo sin cambios} other {# párrafos sin cambios}}",
  },
  "compare.inserted": {
    en: "Inserted:",
    fr: "Ajouté :",
    es: "Añadido:",
  },
  "compare.deleted": {
    en: "Deleted:",
    fr: "Supprimé :",
    es: "Suprimido:",
  },
  "compare.endOfChange": {
    en: "(end)",
    fr: "(fin)",
    es: "(fin)",
  },
  "compare.block.figure": {
    en: "Figure:",
    fr: "Figure :",
    es: "Figura:",
  },
  "compare.block.recommendation": {
    en: "Recommendation:",
    fr: "Recommandation :",
    es: "Recomendación:",
  },
  "compare.block.case-study": {
    en: "Case study:",
    fr: "Étude de cas :",
    es: "Estudio de caso:",
  },
  "compare.sectionsOf": {
    en: "Sections",
    fr: "Sections",
    es: "Secciones",
  },
} as const satisfies Messages;
