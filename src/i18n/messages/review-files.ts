import type { Messages } from "#src/i18n/message.ts";

// Review files: a chapter or the whole draft of a review round as a Word document, to edit with
// Track Changes and comments and upload again.

export const reviewFiles = {
  "reviewFile.download": {
    en: "Download for review",
    fr: "Télécharger pour relecture",
    es: "Descargar para revisión",
  },
  "reviewFile.downloadLead": {
    en: "A Word file of the text as it is now: edit it with Track Changes on, comment with Word's comments, then upload it on this page.",
    fr: "Un fichier Word du texte tel qu'il est aujourd'hui : modifiez-le avec le suivi des modifications activé, commentez avec les commentaires de Word, puis déposez-le sur cette page.",
    es: "Un archivo Word del texto tal como está hoy: edítelo con el control de cambios activado, comente con los comentarios de Word y luego súbalo en esta página.",
  },
  "reviewFile.chapter": {
    en: "Part",
    fr: "Partie",
    es: "Parte",
  },
  "reviewFile.wholeDraft": {
    en: "The whole text",
    fr: "Le texte entier",
    es: "El texto completo",
  },
  "reviewFile.chapterOption": {
    en: "Chapter {number}: {title}",
    fr: "Chapitre {number} : {title}",
    es: "Capítulo {number}: {title}",
  },
  "reviewFile.language": {
    en: "Language of the file",
    fr: "Langue du fichier",
    es: "Idioma del archivo",
  },
  "reviewFile.get": {
    en: "Download (.docx)",
    fr: "Télécharger (.docx)",
    es: "Descargar (.docx)",
  },
  "reviewFile.unknownChapter": {
    en: "This round's text has no such chapter.",
    fr: "Le texte de cette consultation n'a pas ce chapitre.",
    es: "El texto de esta ronda no tiene ese capítulo.",
  },
  "reviewFile.unknownLanguage": {
    en: "The report is not kept in that language.",
    fr: "Le rapport n'existe pas dans cette langue.",
    es: "El informe no existe en ese idioma.",
  },
  // What the file says on its first page, in the file's language.
  "reviewFile.docTitle": {
    en: "{report}: text for review",
    fr: "{report} : texte soumis à relecture",
    es: "{report}: texto sometido a revisión",
  },
  "reviewFile.docRound": {
    en: "Review round: {round}",
    fr: "Consultation : {round}",
    es: "Ronda de revisión: {round}",
  },
  "reviewFile.docPart": {
    en: "Part: {part}",
    fr: "Partie : {part}",
    es: "Parte: {part}",
  },
  "reviewFile.docLanguage": {
    en: "Language: {language} · downloaded on {date}",
    fr: "Langue : {language} · téléchargé le {date}",
    es: "Idioma: {language} · descargado el {date}",
  },
  "reviewFile.docHowTo": {
    en: "How to review this file: turn on Track Changes (Word: Review › Track Changes; LibreOffice: Edit › Track Changes › Record) before you change anything, and comment with Word's comments on the words concerned. Leave the headings as they are: they tell which section and which version each part comes from. Then upload the file on the round's page; you will see what it brings before anything is saved. Text in grey italics is shown for reading only (figures, recommendations, case studies): changes there are not taken in.",
    fr: "Comment relire ce fichier : activez le suivi des modifications (Word : Révision › Suivi des modifications ; LibreOffice : Édition › Suivi des modifications › Enregistrer) avant toute modification, et commentez avec les commentaires de Word sur les mots concernés. Laissez les titres tels quels : ils indiquent de quelle section et de quelle version vient chaque partie. Déposez ensuite le fichier sur la page de la consultation ; vous verrez ce qu'il apporte avant tout enregistrement. Le texte en italique gris n'est là que pour la lecture (figures, recommandations, études de cas) : les modifications qui y sont faites ne sont pas reprises.",
    es: "Cómo revisar este archivo: active el control de cambios (Word: Revisar › Control de cambios; LibreOffice: Editar › Control de cambios › Grabar) antes de cambiar nada, y comente con los comentarios de Word sobre las palabras en cuestión. Deje los títulos como están: indican de qué sección y de qué versión viene cada parte. Después suba el archivo en la página de la ronda; verá lo que aporta antes de que se guarde nada. El texto en cursiva gris solo se muestra para la lectura (figuras, recomendaciones, estudios de caso): los cambios que se hagan ahí no se tienen en cuenta.",
  },
  "reviewFile.noText": {
    en: "This section has no text in this language yet: nothing to review here.",
    fr: "Cette section n'a pas encore de texte dans cette langue : rien à relire ici.",
    es: "Esta sección aún no tiene texto en este idioma: nada que revisar aquí.",
  },
} as const satisfies Messages;
