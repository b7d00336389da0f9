import type { Messages } from "#src/i18n/message.ts";

// A reviewed Word file uploaded to a round: the form, the preview of what it would create (with
// the reason each passage could not be placed), its confirmation.

export const reviewImport = {
  "reviewImport.upload": {
    en: "Upload a reviewed Word file",
    fr: "Déposer un fichier Word relu",
    es: "Subir un archivo de Word revisado",
  },
  "reviewImport.uploadLead": {
    en: "Download the text for review, edit it in Word or LibreOffice with Track Changes on and add comments, then upload it here. You will see what it would create before anything is saved.",
    fr: "Téléchargez le texte pour relecture, modifiez-le dans Word ou LibreOffice avec le suivi des modifications activé et ajoutez des commentaires, puis déposez-le ici. Vous verrez ce qu'il créera avant que rien ne soit enregistré.",
    es: "Descargue el texto para revisión, modifíquelo en Word o LibreOffice con el control de cambios activado y añada comentarios, y luego súbalo aquí. Verá lo que crearía antes de que se guarde nada.",
  },
  "reviewImport.file": {
    en: "Reviewed Word file (.docx)",
    fr: "Fichier Word relu (.docx)",
    es: "Archivo de Word revisado (.docx)",
  },
  "reviewImport.fileHint": {
    en: "At most {limit} MB. Tracked changes become suggestions and Word comments become comments; a file edited without tracking is compared with the text it was downloaded from.",
    fr: "{limit} Mo au plus. Les modifications suivies deviennent des suggestions et les commentaires Word des commentaires ; un fichier modifié sans suivi est comparé au texte téléchargé.",
    es: "{limit} MB como máximo. Los cambios controlados se convierten en sugerencias y los comentarios de Word en comentarios; un archivo modificado sin control de cambios se compara con el texto descargado.",
  },
  "reviewImport.uploadButton": {
    en: "Read the file",
    fr: "Lire le fichier",
    es: "Leer el archivo",
  },
  "reviewImport.pending": {
    en: "Files waiting for your confirmation",
    fr: "Fichiers en attente de votre confirmation",
    es: "Archivos pendientes de su confirmación",
  },
  "reviewImport.title": {
    en: "Check what {filename} brings",
    fr: "Vérifier ce qu'apporte {filename}",
    es: "Revisar lo que aporta {filename}",
  },
  "reviewImport.lead": {
    en: "Nothing is saved yet. Create these comments to add them to the round under your organization's name, or cancel.",
    fr: "Rien n'est encore enregistré. Créez ces commentaires pour les ajouter à la consultation au nom de votre organisation, ou annulez.",
    es: "Todavía no se ha guardado nada. Cree estos comentarios para añadirlos a la ronda en nombre de su organización, o cancele.",
  },
  "reviewImport.counts": {
    en: "{suggestions, plural, one {# suggestion} other {# suggestions}}, {comments, plural, one {# comment} other {# comments}}, {unplaced, plural, one {# passage that could not be placed} other {# passages that could not be placed}}",
    fr: "{suggestions, plural, one {# suggestion} other {# suggestions}}, {comments, plural, one {# commentaire} other {# commentaires}}, {unplaced, plural, one {# passage qui n'a pas pu être placé} other {# passages qui n'ont pas pu être placés}}",
    es: "{suggestions, plural, one {# sugerencia} other {# sugerencias}}, {comments, plural, one {# comentario} other {# comentarios}}, {unplaced, plural, one {# pasaje que no se pudo ubicar} other {# pasajes que no se pudieron ubicar}}",
  },
  "reviewImport.compared": {
    en: "The file had no tracked changes: its differences from the text it was downloaded from are shown as suggestions.",
    fr: "Le fichier ne contenait aucune modification suivie : ses différences avec le texte téléchargé sont présentées comme des suggestions.",
    es: "El archivo no tenía cambios controlados: sus diferencias con el texto descargado se muestran como sugerencias.",
  },
  "reviewImport.nothing": {
    en: "The file brings no change and no comment.",
    fr: "Le fichier n'apporte aucune modification ni aucun commentaire.",
    es: "El archivo no aporta ningún cambio ni comentario.",
  },
  "reviewImport.suggestion": {
    en: "Suggestion",
    fr: "Suggestion",
    es: "Sugerencia",
  },
  "reviewImport.comment": {
    en: "Comment",
    fr: "Commentaire",
    es: "Comentario",
  },
  "reviewImport.removed": {
    en: "Removed:",
    fr: "Supprimé :",
    es: "Suprimido:",
  },
  "reviewImport.added": {
    en: "Added:",
    fr: "Ajouté :",
    es: "Añadido:",
  },
  "reviewImport.insertAfter": {
    en: "Inserted after:",
    fr: "Inséré après :",
    es: "Insertado después de:",
  },
  "reviewImport.insertBefore": {
    en: "Inserted before:",
    fr: "Inséré avant :",
    es: "Insertado antes de:",
  },
  "reviewImport.unsupported.text-box": {
    en: "{count, plural, one {# text box} other {# text boxes}}",
    fr: "{count, plural, one {# zone de texte} other {# zones de texte}}",
    es: "{count, plural, one {# cuadro de texto} other {# cuadros de texto}}",
  },
  "reviewImport.unsupported.object": {
    en: "{count, plural, one {# embedded object} other {# embedded objects}}",
    fr: "{count, plural, one {# objet incorporé} other {# objets incorporés}}",
    es: "{count, plural, one {# objeto incrustado} other {# objetos incrustados}}",
  },
  "reviewImport.unsupported.footnote": {
    en: "{count, plural, one {# footnote} other {# footnotes}}",
    fr: "{count, plural, one {# note de bas de page} other {# notes de bas de page}}",
    es: "{count, plural, one {# nota al pie} other {# notas al pie}}",
  },
  "reviewImport.unsupported.other": {
    en: "{count, plural, one {# other place} other {# other places}}",
    fr: "{count, plural, one {# autre endroit} other {# autres endroits}}",
    es: "{count, plural, one {# otro lugar} other {# otros lugares}}",
  },
  "reviewImport.dropped": {
    en: "{count, plural, one {# more suggestion or comment, left out} other {# more suggestions and comments, left out}}",
    fr: "{count, plural, one {# suggestion ou commentaire de plus, laissé de côté} other {# suggestions et commentaires de plus, laissés de côté}}",
    es: "{count, plural, one {# sugerencia o comentario más, omitido} other {# sugerencias y comentarios más, omitidos}}",
  },
  "reviewImport.sectionGone": {
    en: "A section no longer in the round",
    fr: "Une section qui ne fait plus partie de la consultation",
    es: "Una sección que ya no forma parte de la ronda",
  },
  "reviewImport.originalFile": {
    en: "Download the file as it was sent",
    fr: "Télécharger le fichier tel qu'il a été envoyé",
    es: "Descargar el archivo tal como se envió",
  },
  "reviewImport.quote": {
    en: "On the passage:",
    fr: "Sur le passage :",
    es: "Sobre el pasaje:",
  },
  "reviewImport.wordAuthor": {
    en: "In the file by {author}",
    fr: "Dans le fichier, par {author}",
    es: "En el archivo, por {author}",
  },
  "reviewImport.unplacedTitle": {
    en: "Passages that could not be placed",
    fr: "Passages qui n'ont pas pu être placés",
    es: "Pasajes que no se pudieron ubicar",
  },
  "reviewImport.unplacedLead": {
    en: "These will not be created. Add them by hand on the round's page if they matter.",
    fr: "Ils ne seront pas créés. Ajoutez-les à la main sur la page de la consultation s'ils sont importants.",
    es: "No se crearán. Añádalos a mano en la página de la ronda si son importantes.",
  },
  "reviewImport.unplacedKind.suggestion": {
    en: "Change",
    fr: "Modification",
    es: "Cambio",
  },
  "reviewImport.unplacedKind.comment": {
    en: "Comment",
    fr: "Commentaire",
    es: "Comentario",
  },
  "reviewImport.reason.outside-sections": {
    en: "It is outside the sections (before the first section's heading).",
    fr: "Il se trouve hors des sections (avant l'intitulé de la première section).",
    es: "Está fuera de las secciones (antes del encabezado de la primera sección).",
  },
  "reviewImport.reason.unknown-section": {
    en: "It is under a section this round does not know (a file from another round, or a section since removed).",
    fr: "Il se trouve sous une section que cette consultation ne connaît pas (un fichier d'une autre consultation, ou une section supprimée depuis).",
    es: "Está bajo una sección que esta ronda no conoce (un archivo de otra ronda o una sección eliminada desde entonces).",
  },
  "reviewImport.reason.generated": {
    en: "It is in text the report generates (a figure's title, a recommendation, a case study's card), which no one edits there.",
    fr: "Il se trouve dans un texte que le rapport génère (titre de figure, recommandation, fiche d'étude de cas), que personne ne modifie à cet endroit.",
    es: "Está en un texto que el informe genera (el título de una figura, una recomendación, la ficha de un estudio de caso), que nadie edita allí.",
  },
  "reviewImport.reason.heading": {
    en: "It is in a section's heading: headings are changed in the outline, not in a round.",
    fr: "Il se trouve dans l'intitulé d'une section : les intitulés se modifient dans le plan, pas lors d'une consultation.",
    es: "Está en el encabezado de una sección: los encabezados se cambian en el esquema, no en una ronda.",
  },
  "reviewImport.reason.section-deleted": {
    en: "A whole section was deleted: say so in a comment instead.",
    fr: "Une section entière a été supprimée : dites-le plutôt dans un commentaire.",
    es: "Se eliminó una sección entera: dígalo mejor en un comentario.",
  },
  "reviewImport.reason.not-found": {
    en: "The passage is not in the text the file was downloaded from.",
    fr: "Le passage ne figure pas dans le texte téléchargé.",
    es: "El pasaje no está en el texto descargado.",
  },
  "reviewImport.reason.ambiguous": {
    en: "The passage appears more than once and nothing tells which is meant.",
    fr: "Le passage apparaît plusieurs fois et rien n'indique lequel est visé.",
    es: "El pasaje aparece más de una vez y nada indica a cuál se refiere.",
  },
  "reviewImport.reason.unsupported": {
    en: "It is in a text box, a field or an embedded object, which are not read.",
    fr: "Il se trouve dans une zone de texte, un champ ou un objet incorporé, qui ne sont pas lus.",
    es: "Está en un cuadro de texto, un campo o un objeto incrustado, que no se leen.",
  },
  "reviewImport.reason.too-many": {
    en: "The file brings more suggestions and comments than one upload takes.",
    fr: "Le fichier apporte plus de suggestions et de commentaires qu'un seul dépôt n'en accepte.",
    es: "El archivo aporta más sugerencias y comentarios de los que admite una sola subida.",
  },
  "reviewImport.outside": {
    en: "Outside the sections",
    fr: "Hors des sections",
    es: "Fuera de las secciones",
  },
  "reviewImport.confirm": {
    en: "Create these comments",
    fr: "Créer ces commentaires",
    es: "Crear estos comentarios",
  },
  "reviewImport.cancel": {
    en: "Cancel",
    fr: "Annuler",
    es: "Cancelar",
  },
  "reviewImport.confirmed": {
    en: "{count, plural, =0 {Nothing was created from {filename}.} one {# comment was created from {filename}.} other {# comments were created from {filename}.}}",
    fr: "{count, plural, =0 {Rien n'a été créé à partir de {filename}.} one {# commentaire a été créé à partir de {filename}.} other {# commentaires ont été créés à partir de {filename}.}}",
    es: "{count, plural, =0 {No se creó nada a partir de {filename}.} one {Se creó # comentario a partir de {filename}.} other {Se crearon # comentarios a partir de {filename}.}}",
  },
  "reviewImport.cancelled": {
    en: "The upload was cancelled; nothing was saved.",
    fr: "Le dépôt a été annulé ; rien n'a été enregistré.",
    es: "La subida se canceló; no se guardó nada.",
  },
  "reviewImport.tooManyPending": {
    en: "You already have 10 files waiting for confirmation in this round: confirm or cancel one first.",
    fr: "Vous avez déjà 10 fichiers en attente de confirmation dans cette consultation : confirmez-en ou annulez-en un d'abord.",
    es: "Ya tiene 10 archivos pendientes de confirmación en esta ronda: confirme o cancele uno primero.",
  },
  "reviewImport.tooLong": {
    en: "A change or comment in the file is longer than a comment may be (8,000 characters): shorten it and upload the file again.",
    fr: "Une modification ou un commentaire du fichier dépasse la longueur permise d'un commentaire (8 000 caractères) : raccourcissez-le et déposez à nouveau le fichier.",
    es: "Un cambio o comentario del archivo supera la longitud permitida de un comentario (8000 caracteres): acórtelo y vuelva a subir el archivo.",
  },
} as const satisfies Messages;
