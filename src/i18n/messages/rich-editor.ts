import type { Messages } from "#src/i18n/message.ts";

// The rich section editor: its toolbar, the Markdown source switch, evidence cards and the link
// dialog. The page hands them to the browser in one JSON block; `{name}` is filled there.

export const richEditor = {
  "rich.source": {
    en: "Markdown source",
    fr: "Source Markdown",
    es: "Código Markdown",
  },
  "rich.toolbar": {
    en: "Formatting",
    fr: "Mise en forme",
    es: "Formato",
  },
  "rich.hint": {
    en: "Write as in a word processor: Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Alt+1 to 3 headings, Ctrl+Z undo. In a list or a table, Tab indents or moves to the next cell; elsewhere it leaves the text. Alt+F10 goes to the toolbar.",
    fr: "Écrivez comme dans un traitement de texte : Ctrl+B gras, Ctrl+I italique, Ctrl+K lien, Ctrl+Alt+1 à 3 titres, Ctrl+Z annuler. Dans une liste ou un tableau, Tab décale ou passe à la cellule suivante ; ailleurs, il quitte le texte. Alt+F10 mène à la barre d'outils.",
    es: "Escriba como en un procesador de textos: Ctrl+B negrita, Ctrl+I cursiva, Ctrl+K enlace, Ctrl+Alt+1 a 3 títulos, Ctrl+Z deshacer. En una lista o una tabla, Tab sangra o pasa a la celda siguiente; en otro lugar, sale del texto. Alt+F10 lleva a la barra de herramientas.",
  },
  "rich.style": {
    en: "Text style",
    fr: "Style du texte",
    es: "Estilo del texto",
  },
  "rich.paragraph": {
    en: "Paragraph",
    fr: "Paragraphe",
    es: "Párrafo",
  },
  "rich.heading1": {
    en: "Heading 1",
    fr: "Titre 1",
    es: "Título 1",
  },
  "rich.heading2": {
    en: "Heading 2",
    fr: "Titre 2",
    es: "Título 2",
  },
  "rich.heading3": {
    en: "Heading 3",
    fr: "Titre 3",
    es: "Título 3",
  },
  "rich.headingOther": {
    en: "Heading (Markdown level {level})",
    fr: "Titre (niveau Markdown {level})",
    es: "Título (nivel Markdown {level})",
  },
  "rich.bold": {
    en: "Bold",
    fr: "Gras",
    es: "Negrita",
  },
  "rich.italic": {
    en: "Italic",
    fr: "Italique",
    es: "Cursiva",
  },
  "rich.link": {
    en: "Link",
    fr: "Lien",
    es: "Enlace",
  },
  "rich.bulletList": {
    en: "Bulleted list",
    fr: "Liste à puces",
    es: "Lista con viñetas",
  },
  "rich.orderedList": {
    en: "Numbered list",
    fr: "Liste numérotée",
    es: "Lista numerada",
  },
  "rich.indent": {
    en: "Indent",
    fr: "Augmenter le retrait",
    es: "Aumentar sangría",
  },
  "rich.outdent": {
    en: "Outdent",
    fr: "Diminuer le retrait",
    es: "Reducir sangría",
  },
  "rich.quote": {
    en: "Quote",
    fr: "Citation",
    es: "Cita",
  },
  "rich.table": {
    en: "Table",
    fr: "Tableau",
    es: "Tabla",
  },
  "rich.rowAdd": {
    en: "Add row",
    fr: "Ajouter une ligne",
    es: "Añadir fila",
  },
  "rich.rowDelete": {
    en: "Delete row",
    fr: "Supprimer la ligne",
    es: "Eliminar fila",
  },
  "rich.columnAdd": {
    en: "Add column",
    fr: "Ajouter une colonne",
    es: "Añadir columna",
  },
  "rich.columnDelete": {
    en: "Delete column",
    fr: "Supprimer la colonne",
    es: "Eliminar columna",
  },
  "rich.caption": {
    en: "Caption",
    fr: "Légende",
    es: "Título de la tabla",
  },
  "rich.footnote": {
    en: "Footnote",
    fr: "Note de bas de page",
    es: "Nota al pie",
  },
  "rich.figure": {
    en: "Figure",
    fr: "Figure",
    es: "Figura",
  },
  "rich.caseStudy": {
    en: "Case study",
    fr: "Étude de cas",
    es: "Estudio de caso",
  },
  "rich.recommendation": {
    en: "Recommendation",
    fr: "Recommandation",
    es: "Recomendación",
  },
  "rich.sectionLink": {
    en: "Link to a section",
    fr: "Lien vers une section",
    es: "Enlace a una sección",
  },
  "rich.loading": {
    en: "Looking up “{ref}”…",
    fr: "Recherche de « {ref} »…",
    es: "Buscando «{ref}»…",
  },
  "rich.notFound": {
    en: "Not found: {kind} “{ref}”",
    fr: "Introuvable : {kind} « {ref} »",
    es: "No encontrado: {kind} «{ref}»",
  },
  "rich.notUsable": {
    en: "Blocks publishing: {status}",
    fr: "Bloque la publication : {status}",
    es: "Impide la publicación: {status}",
  },
  "rich.linkBroken": {
    en: "Link target not found",
    fr: "Cible du lien introuvable",
    es: "Destino del enlace no encontrado",
  },
  "rich.raw": {
    en: "Markdown kept as written",
    fr: "Markdown conservé tel quel",
    es: "Markdown conservado tal cual",
  },
  "rich.footnoteText": {
    en: "Footnote {n}",
    fr: "Note {n}",
    es: "Nota {n}",
  },
  "rich.linkDialog": {
    en: "Link",
    fr: "Lien",
    es: "Enlace",
  },
  "rich.linkUrl": {
    en: "Address (URL)",
    fr: "Adresse (URL)",
    es: "Dirección (URL)",
  },
  "rich.linkText": {
    en: "Text to show",
    fr: "Texte affiché",
    es: "Texto que se muestra",
  },
  "rich.linkApply": {
    en: "Apply",
    fr: "Appliquer",
    es: "Aplicar",
  },
  "rich.linkRemove": {
    en: "Remove link",
    fr: "Supprimer le lien",
    es: "Quitar el enlace",
  },
  "rich.linkToSection": {
    en: "Choose a section…",
    fr: "Choisir une section…",
    es: "Elegir una sección…",
  },
  "rich.cancel": {
    en: "Cancel",
    fr: "Annuler",
    es: "Cancelar",
  },
} satisfies Messages;
