import type { Messages } from "#src/i18n/message.ts";

// Suggested changes in review rounds: proposed by members, accepted, edited or rejected by the secretariat.

export const reviewSuggestions = {
  "suggestion.change": {
    en: "Suggest a change to the passage",
    fr: "Proposer une modification du passage",
    es: "Proponer un cambio en el pasaje",
  },
  "suggestion.change.none": {
    en: "No, a comment only",
    fr: "Non, un commentaire seulement",
    es: "No, solo un comentario",
  },
  "suggestion.change.replace": {
    en: "Replace it with…",
    fr: "Le remplacer par…",
    es: "Sustituirlo por…",
  },
  "suggestion.change.insert": {
    en: "Insert after it…",
    fr: "Insérer après lui…",
    es: "Insertar después…",
  },
  "suggestion.change.delete": {
    en: "Delete it",
    fr: "Le supprimer",
    es: "Suprimirlo",
  },
  "suggestion.changeHint": {
    en: "Select the passage on the page, or copy it into “Quoted passage”. The comment is optional when you suggest a change.",
    fr: "Sélectionnez le passage sur la page ou copiez-le dans « Passage cité ». Le commentaire est facultatif si vous proposez une modification.",
    es: "Seleccione el pasaje en la página o cópielo en «Pasaje citado». El comentario es opcional si propone un cambio.",
  },
  "suggestion.replacement": {
    en: "Proposed text",
    fr: "Texte proposé",
    es: "Texto propuesto",
  },
  "suggestion.replacementHint": {
    en: "Required to replace or insert. Plain text: it appears exactly as typed (no Markdown formatting).",
    fr: "Obligatoire pour remplacer ou insérer. Texte brut : il apparaît tel que saisi (sans mise en forme Markdown).",
    es: "Obligatorio para sustituir o insertar. Texto sin formato: aparece tal como se escribe (sin formato Markdown).",
  },
  "suggestion.quoteMissing": {
    en: "This passage is not in the section’s text; copy it from the page.",
    fr: "Ce passage ne figure pas dans le texte de la section ; copiez-le depuis la page.",
    es: "Este pasaje no está en el texto de la sección; cópielo de la página.",
  },
  "suggestion.quoteAmbiguous": {
    en: "This passage appears more than once in the section; quote a few more words.",
    fr: "Ce passage figure plusieurs fois dans la section ; citez quelques mots de plus.",
    es: "Este pasaje aparece más de una vez en la sección; cite algunas palabras más.",
  },
  "suggestion.noText": {
    en: "This section has no text yet to change.",
    fr: "Cette section n’a pas encore de texte à modifier.",
    es: "Esta sección aún no tiene texto que modificar.",
  },
  "suggestion.notASuggestion": {
    en: "This comment proposes no change.",
    fr: "Ce commentaire ne propose aucune modification.",
    es: "Este comentario no propone ningún cambio.",
  },
  "suggestion.summary": {
    en: "Suggested by {organization}, accepted by {editor}",
    fr: "Proposé par {organization}, accepté par {editor}",
    es: "Propuesto por {organization}, aceptado por {editor}",
  },
  "suggestion.summaryEdited": {
    en: "Suggested by {organization}, accepted with changes by {editor}",
    fr: "Proposé par {organization}, accepté avec des modifications par {editor}",
    es: "Propuesto por {organization}, aceptado con cambios por {editor}",
  },
  "suggestion.kind.replace": {
    en: "Suggested replacement",
    fr: "Remplacement proposé",
    es: "Sustitución propuesta",
  },
  "suggestion.kind.insert": {
    en: "Suggested insertion",
    fr: "Insertion proposée",
    es: "Inserción propuesta",
  },
  "suggestion.kind.delete": {
    en: "Suggested deletion",
    fr: "Suppression proposée",
    es: "Supresión propuesta",
  },
  "suggestion.removed": {
    en: "removed",
    fr: "supprimé",
    es: "suprimido",
  },
  "suggestion.added": {
    en: "added",
    fr: "ajouté",
    es: "añadido",
  },
  "suggestion.wordFile": {
    en: "The Word file it came from, as sent",
    fr: "Le fichier Word d'où il vient, tel qu'envoyé",
    es: "El archivo Word del que procede, tal como se envió",
  },
  "suggestion.wordAuthor": {
    en: "In the Word file by {author}",
    fr: "Dans le fichier Word, par {author}",
    es: "En el archivo Word, por {author}",
  },
  "suggestion.stale": {
    en: "Apply by hand",
    fr: "À appliquer à la main",
    es: "Aplicar a mano",
  },
  "suggestion.staleHint": {
    en: "The passage was changed since this suggestion was made: it is no longer found once, with the words around it, in the current text. Make the change in the editor, then record the disposition.",
    fr: "Le passage a été modifié depuis cette suggestion : il ne figure plus une seule fois, avec les mots qui l’entourent, dans le texte actuel. Faites la modification dans l’éditeur, puis enregistrez la suite donnée.",
    es: "El pasaje se modificó después de esta sugerencia: ya no se encuentra una sola vez, con las palabras que lo rodean, en el texto actual. Haga el cambio en el editor y registre después la respuesta.",
  },
  "suggestion.accept": {
    en: "Accept",
    fr: "Accepter",
    es: "Aceptar",
  },
  "suggestion.editAccept": {
    en: "Edit and accept",
    fr: "Modifier et accepter",
    es: "Editar y aceptar",
  },
  "suggestion.editedText": {
    en: "Text to apply",
    fr: "Texte à appliquer",
    es: "Texto que se aplicará",
  },
  "suggestion.editReason": {
    en: "What was changed (optional)",
    fr: "Ce qui a été modifié (facultatif)",
    es: "Qué se modificó (opcional)",
  },
  "suggestion.acceptEdited": {
    en: "Apply this text",
    fr: "Appliquer ce texte",
    es: "Aplicar este texto",
  },
  "suggestion.reject": {
    en: "Reject",
    fr: "Refuser",
    es: "Rechazar",
  },
  "suggestion.rejectReason": {
    en: "Reason for rejecting",
    fr: "Motif du refus",
    es: "Motivo del rechazo",
  },
  "suggestion.rejectButton": {
    en: "Reject the suggestion",
    fr: "Refuser la suggestion",
    es: "Rechazar la sugerencia",
  },
  "suggestion.accepted": {
    en: "Suggestion from {who} applied as a new revision.",
    fr: "Suggestion de {who} appliquée dans une nouvelle révision.",
    es: "Sugerencia de {who} aplicada en una nueva revisión.",
  },
  "suggestion.rejected": {
    en: "Suggestion from {who} rejected.",
    fr: "Suggestion de {who} refusée.",
    es: "Sugerencia de {who} rechazada.",
  },
  "suggestion.byHand": {
    en: "Apply this change by hand in the section’s editor, then record the disposition below and name the revision.",
    fr: "Appliquez cette modification à la main dans l’éditeur de la section, puis enregistrez la suite donnée ci-dessous en indiquant la révision.",
    es: "Aplique este cambio a mano en el editor de la sección y luego registre la respuesta abajo indicando la revisión.",
  },
  "suggestion.fate": {
    en: "Your suggestion: {disposition, select, accepted {accepted} partly_accepted {accepted with changes} not_accepted {not accepted} other {noted}}",
    fr: "Votre suggestion : {disposition, select, accepted {acceptée} partly_accepted {acceptée avec des modifications} not_accepted {non retenue} other {prise en compte}}",
    es: "Su sugerencia: {disposition, select, accepted {aceptada} partly_accepted {aceptada con cambios} not_accepted {no aceptada} other {se tomó nota}}",
  },
  "suggestion.matrix.replace": {
    en: "Replace “{from}” with “{to}”",
    fr: "Remplacer « {from} » par « {to} »",
    es: "Sustituir «{from}» por «{to}»",
  },
  "suggestion.matrix.insert": {
    en: "Insert “{text}” after “{after}”",
    fr: "Insérer « {text} » après « {after} »",
    es: "Insertar «{text}» después de «{after}»",
  },
  "suggestion.matrix.delete": {
    en: "Delete “{text}”",
    fr: "Supprimer « {text} »",
    es: "Suprimir «{text}»",
  },
} as const satisfies Messages;
