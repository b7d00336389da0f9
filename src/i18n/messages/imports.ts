import type { Messages } from "#src/i18n/message.ts";

// The Word import's review screen: each passage of the document, where it came from and where it
// goes, before anything is saved; and the member's imports waiting for that review.

export const imports = {
  "import.title": {
    en: "Check the import of {filename}",
    fr: "Vérifier l'importation de {filename}",
    es: "Revisar la importación de {filename}",
  },
  "import.lead": {
    en: "Nothing is saved yet. Each passage of your document is shown under the field it will go to. Move a passage to another field with its list, check the title, technologies, stage and period, then create the draft.",
    fr: "Rien n'est encore enregistré. Chaque passage de votre document figure sous le champ où il ira. Déplacez un passage vers un autre champ avec sa liste, vérifiez le titre, les technologies, le stade et la période, puis créez le brouillon.",
    es: "Todavía no se ha guardado nada. Cada pasaje de su documento aparece bajo el campo al que irá. Mueva un pasaje a otro campo con su lista, revise el título, las tecnologías, la etapa y el período, y luego cree el borrador.",
  },
  "import.about": {
    en: "Title, technologies, stage and period",
    fr: "Titre, technologies, stade et période",
    es: "Título, tecnologías, etapa y período",
  },
  "import.titleFrom.title": {
    en: "Taken from the document's title.",
    fr: "Repris du titre du document.",
    es: "Tomado del título del documento.",
  },
  "import.titleFrom.heading": {
    en: "Taken from the text under the document's title heading.",
    fr: "Repris du texte placé sous l'intitulé « Titre » du document.",
    es: "Tomado del texto situado bajo el encabezado «Título» del documento.",
  },
  "import.titleFrom.label": {
    en: "Taken from a “Title:” line of the document.",
    fr: "Repris d'une ligne « Titre : » du document.",
    es: "Tomado de una línea «Título:» del documento.",
  },
  "import.titleFrom.first-line": {
    en: "Taken from the document's first line: check it.",
    fr: "Repris de la première ligne du document : vérifiez-le.",
    es: "Tomado de la primera línea del documento: revíselo.",
  },
  "import.titleFrom.filename": {
    en: "The document has no title: this is its file name. Check it.",
    fr: "Le document n'a pas de titre : voici le nom de son fichier. Vérifiez-le.",
    es: "El documento no tiene título: este es el nombre de su archivo. Revíselo.",
  },
  "import.readFor": {
    en: "Passages read to suggest this choice (they are not copied into the case study):",
    fr: "Passages lus pour proposer ce choix (ils ne sont pas recopiés dans l'étude de cas) :",
    es: "Pasajes leídos para proponer esta elección (no se copian en el estudio de caso):",
  },
  "import.empty": {
    en: "No passage goes here.",
    fr: "Aucun passage ne va ici.",
    es: "Ningún pasaje va aquí.",
  },
  "import.unplaced.title": {
    en: "Not imported",
    fr: "Non importé",
    es: "No importado",
  },
  "import.unplaced.lead": {
    en: "These passages fit no field. They will not be imported unless you move them to a field.",
    fr: "Ces passages ne correspondent à aucun champ. Ils ne seront pas importés, sauf si vous les déplacez vers un champ.",
    es: "Estos pasajes no corresponden a ningún campo. No se importarán a menos que los mueva a un campo.",
  },
  "import.unplaced.none": {
    en: "Every passage of the document goes to a field.",
    fr: "Chaque passage du document va dans un champ.",
    es: "Cada pasaje del documento va a un campo.",
  },
  "import.passage": {
    en: "Passage {n}",
    fr: "Passage {n}",
    es: "Pasaje {n}",
  },
  "import.origin.heading": {
    en: "Passage {n}, under the heading “{heading}”",
    fr: "Passage {n}, sous l'intitulé « {heading} »",
    es: "Pasaje {n}, bajo el encabezado «{heading}»",
  },
  "import.origin.label": {
    en: "Passage {n}, from a line “{field}: …”",
    fr: "Passage {n}, tiré d'une ligne « {field} : … »",
    es: "Pasaje {n}, tomado de una línea «{field}: …»",
  },
  "import.origin.before": {
    en: "Passage {n}, before the first heading",
    fr: "Passage {n}, avant le premier intitulé",
    es: "Pasaje {n}, antes del primer encabezado",
  },
  "import.origin.other": {
    en: "Passage {n}, under the heading “{heading}”, which names no field",
    fr: "Passage {n}, sous l'intitulé « {heading} », qui ne désigne aucun champ",
    es: "Pasaje {n}, bajo el encabezado «{heading}», que no corresponde a ningún campo",
  },
  "import.origin.organization": {
    en: "Passage {n}, under the heading “{heading}”: the case study's organization is your account's, not the document's",
    fr: "Passage {n}, sous l'intitulé « {heading} » : l'organisation de l'étude de cas est celle de votre compte, pas celle du document",
    es: "Pasaje {n}, bajo el encabezado «{heading}»: la organización del estudio de caso es la de su cuenta, no la del documento",
  },
  "import.move": {
    en: "Move passage {n} to",
    fr: "Déplacer le passage {n} vers",
    es: "Mover el pasaje {n} a",
  },
  "import.target.unplaced": {
    en: "Not imported",
    fr: "Non importé",
    es: "No importado",
  },
  "import.picture": {
    en: "[picture: {caption}]",
    fr: "[image : {caption}]",
    es: "[imagen: {caption}]",
  },
  "import.pictureNoCaption": {
    en: "[picture]",
    fr: "[image]",
    es: "[imagen]",
  },
  "import.dropped.title": {
    en: "Left out of the import",
    fr: "Laissé de côté par l'importation",
    es: "Omitido en la importación",
  },
  "import.dropped.lead": {
    en: "The document contains these, which are not imported:",
    fr: "Le document contient les éléments suivants, qui ne sont pas importés :",
    es: "El documento contiene lo siguiente, que no se importa:",
  },
  "import.dropped.tracked-changes": {
    en: "{count, plural, one {# tracked change} other {# tracked changes}}",
    fr: "{count, plural, one {# modification suivie} other {# modifications suivies}}",
    es: "{count, plural, one {# cambio con control de cambios} other {# cambios con control de cambios}}",
  },
  "import.dropped.trackedDetail": {
    en: "{inserted, plural, one {# insertion kept} other {# insertions kept}}, {deleted, plural, one {# deletion left out} other {# deletions left out}}",
    fr: "{inserted, plural, one {# insertion conservée} other {# insertions conservées}}, {deleted, plural, one {# suppression écartée} other {# suppressions écartées}}",
    es: "{inserted, plural, one {# inserción conservada} other {# inserciones conservadas}}, {deleted, plural, one {# eliminación descartada} other {# eliminaciones descartadas}}",
  },
  "import.dropped.comments": {
    en: "{count, plural, one {# comment} other {# comments}}",
    fr: "{count, plural, one {# commentaire} other {# commentaires}}",
    es: "{count, plural, one {# comentario} other {# comentarios}}",
  },
  "import.dropped.embedded-objects": {
    en: "{count, plural, one {# embedded object} other {# embedded objects}}",
    fr: "{count, plural, one {# objet incorporé} other {# objets incorporés}}",
    es: "{count, plural, one {# objeto incrustado} other {# objetos incrustados}}",
  },
  "import.dropped.images": {
    en: "{count, plural, one {# picture that could not be read} other {# pictures that could not be read}}",
    fr: "{count, plural, one {# image illisible} other {# images illisibles}}",
    es: "{count, plural, one {# imagen ilegible} other {# imágenes ilegibles}}",
  },
  "import.dropped.text-boxes": {
    en: "{count, plural, one {# text box} other {# text boxes}}",
    fr: "{count, plural, one {# zone de texte} other {# zones de texte}}",
    es: "{count, plural, one {# cuadro de texto} other {# cuadros de texto}}",
  },
  "import.dropped.fields": {
    en: "{count, plural, one {# Word field (such as a date or a table of contents)} other {# Word fields (such as a date or a table of contents)}}",
    fr: "{count, plural, one {# champ Word (date, table des matières…)} other {# champs Word (date, table des matières…)}}",
    es: "{count, plural, one {# campo de Word (fecha, índice…)} other {# campos de Word (fecha, índice…)}}",
  },
  "import.warnings": {
    en: "What the conversion from Word reported",
    fr: "Ce que la conversion depuis Word a signalé",
    es: "Lo que señaló la conversión desde Word",
  },
  "import.document": {
    en: "The document",
    fr: "Le document",
    es: "El documento",
  },
  "import.update": {
    en: "Update the preview",
    fr: "Mettre à jour l'aperçu",
    es: "Actualizar la vista previa",
  },
  "import.confirm": {
    en: "Create the draft",
    fr: "Créer le brouillon",
    es: "Crear el borrador",
  },
  "import.cancel": {
    en: "Cancel the import",
    fr: "Annuler l'importation",
    es: "Cancelar la importación",
  },
  "import.flash.created": {
    en: "The draft “{title}” was made from your Word file. Check each field, then save or submit.",
    fr: "Le brouillon « {title} » a été créé à partir de votre fichier Word. Vérifiez chaque champ, puis enregistrez ou soumettez.",
    es: "El borrador «{title}» se creó a partir de su archivo de Word. Revise cada campo y luego guárdelo o envíelo.",
  },
  "import.flash.cancelled": {
    en: "The import of {filename} was cancelled: nothing was saved.",
    fr: "L'importation de {filename} a été annulée : rien n'a été enregistré.",
    es: "Se canceló la importación de {filename}: no se guardó nada.",
  },
  "import.tooManyPending": {
    en: "You already have 10 Word files waiting for your review. Create the draft of one or cancel it, then upload this file again.",
    fr: "Vous avez déjà 10 fichiers Word en attente de votre vérification. Créez le brouillon de l'un d'eux ou annulez-le, puis téléversez de nouveau ce fichier.",
    es: "Ya tiene 10 archivos de Word pendientes de su revisión. Cree el borrador de uno de ellos o cancélelo y vuelva a subir este archivo.",
  },
  "import.pending.title": {
    en: "Waiting for your review",
    fr: "En attente de votre vérification",
    es: "Pendiente de su revisión",
  },
  "import.pending.lead": {
    en: "Word files read but not made into drafts yet. They are deleted after {days} days.",
    fr: "Fichiers Word lus mais pas encore transformés en brouillons. Ils sont supprimés au bout de {days} jours.",
    es: "Archivos de Word leídos pero aún no convertidos en borradores. Se eliminan al cabo de {days} días.",
  },
} as const satisfies Messages;
