import type { Messages } from "#src/i18n/message.ts";

// The living draft: outline, chapter templates, the section editor, history, translations.

export const reports = {
  "template.technology.whatItIs": {
    en: "What it is",
    fr: "De quoi s'agit-il",
    es: "Qué es",
  },
  "template.technology.currentUse": {
    en: "How it is used today",
    fr: "Utilisation actuelle",
    es: "Uso actual",
  },
  "template.technology.benefitsRisks": {
    en: "Benefits and risks",
    fr: "Avantages et risques",
    es: "Beneficios y riesgos",
  },
  "template.technology.futureUse": {
    en: "Potential future use",
    fr: "Utilisation future possible",
    es: "Posible uso futuro",
  },
  "template.technology.links": {
    en: "Links with other technologies",
    fr: "Liens avec d'autres technologies",
    es: "Vínculos con otras tecnologías",
  },
  "template.technology.implementation": {
    en: "Implementation by members",
    fr: "Mise en œuvre par les membres",
    es: "Aplicación por los miembros",
  },
  "template.crossCutting.overview": {
    en: "Overview",
    fr: "Vue d'ensemble",
    es: "Panorama",
  },
  "template.crossCutting.issues": {
    en: "Issues across technologies",
    fr: "Questions communes aux technologies",
    es: "Cuestiones comunes a las tecnologías",
  },
  "template.crossCutting.wayForward": {
    en: "The way forward",
    fr: "Perspectives",
    es: "Perspectivas",
  },
  "template.name.blank": {
    en: "Blank chapter",
    fr: "Chapitre vide",
    es: "Capítulo vacío",
  },
  "template.name.technology": {
    en: "Technology chapter (six sections)",
    fr: "Chapitre technologie (six sections)",
    es: "Capítulo de tecnología (seis secciones)",
  },
  "template.name.crossCutting": {
    en: "Cross-cutting chapter (three sections)",
    fr: "Chapitre transversal (trois sections)",
    es: "Capítulo transversal (tres secciones)",
  },
  "chapterKind.front_matter": {
    en: "Front matter",
    fr: "Liminaires",
    es: "Preliminares",
  },
  "chapterKind.topic": {
    en: "Topic chapter",
    fr: "Chapitre thématique",
    es: "Capítulo temático",
  },
  "chapterKind.cross_cutting": {
    en: "Cross-cutting",
    fr: "Transversal",
    es: "Transversal",
  },
  "chapterKind.recommendations": {
    en: "Recommendations",
    fr: "Recommandations",
    es: "Recomendaciones",
  },
  "chapterKind.conclusion": {
    en: "Conclusion",
    fr: "Conclusion",
    es: "Conclusión",
  },
  "chapterKind.annex": {
    en: "Annex",
    fr: "Annexe",
    es: "Anexo",
  },
  "sectionStatus.draft": {
    en: "Draft",
    fr: "Brouillon",
    es: "Borrador",
  },
  "sectionStatus.ready": {
    en: "Ready",
    fr: "Prêt",
    es: "Lista",
  },
  "outline.title": {
    en: "Outline",
    fr: "Plan",
    es: "Estructura",
  },
  "outline.addChapter": {
    en: "Add a chapter",
    fr: "Ajouter un chapitre",
    es: "Añadir un capítulo",
  },
  "outline.chapterTitle": {
    en: "Chapter title",
    fr: "Titre du chapitre",
    es: "Título del capítulo",
  },
  "outline.kind": {
    en: "Kind",
    fr: "Type",
    es: "Tipo",
  },
  "outline.technology": {
    en: "Technology",
    fr: "Technologie",
    es: "Tecnología",
  },
  "outline.template": {
    en: "Start from",
    fr: "Partir de",
    es: "Partir de",
  },
  "outline.addSection": {
    en: "Add a section",
    fr: "Ajouter une section",
    es: "Añadir una sección",
  },
  "outline.sectionHeading": {
    en: "Section heading",
    fr: "Titre de la section",
    es: "Título de la sección",
  },
  "outline.moveUp": {
    en: "Move up",
    fr: "Monter",
    es: "Subir",
  },
  "outline.moveDown": {
    en: "Move down",
    fr: "Descendre",
    es: "Bajar",
  },
  "outline.moveTo": {
    en: "Move to chapter",
    fr: "Déplacer vers le chapitre",
    es: "Mover al capítulo",
  },
  "outline.move": {
    en: "Move",
    fr: "Déplacer",
    es: "Mover",
  },
  "outline.remove": {
    en: "Remove",
    fr: "Retirer",
    es: "Quitar",
  },
  "outline.titleLanguage": {
    en: "Language of the title",
    fr: "Langue du titre",
    es: "Idioma del título",
  },
  "outline.rename": {
    en: "Rename",
    fr: "Renommer",
    es: "Cambiar el nombre",
  },
  "outline.empty": {
    en: "This report has no chapters yet.",
    fr: "Ce rapport n'a pas encore de chapitre.",
    es: "Este informe todavía no tiene capítulos.",
  },
  "outline.noSections": {
    en: "No sections yet.",
    fr: "Pas encore de section.",
    es: "Todavía no hay secciones.",
  },
  "outline.edit": {
    en: "Edit",
    fr: "Modifier",
    es: "Editar",
  },
  "outline.readDraft": {
    en: "Read the draft",
    fr: "Lire le projet",
    es: "Leer el borrador",
  },
  "outline.removed": {
    en: "“{name}” removed. Its history is kept.",
    fr: "« {name} » retiré. Son historique est conservé.",
    es: "«{name}» quitado. Se conserva su historial.",
  },
  "outline.saved": {
    en: "Saved.",
    fr: "Enregistré.",
    es: "Guardado.",
  },
  "outline.chapterActions": {
    en: "Actions for chapter “{name}”",
    fr: "Actions pour le chapitre « {name} »",
    es: "Acciones para el capítulo «{name}»",
  },
  "outline.sectionActions": {
    en: "Actions for section “{name}”",
    fr: "Actions pour la section « {name} »",
    es: "Acciones para la sección «{name}»",
  },
  "editor.heading": {
    en: "Heading",
    fr: "Titre",
    es: "Título",
  },
  "editor.body": {
    en: "Text",
    fr: "Texte",
    es: "Texto",
  },
  "editor.hint.body": {
    en: "Markdown: **bold**, *italic*, lists, tables (a “Table: …” paragraph after one is its caption), footnotes[^1]. Evidence: ::figure'{ref=…}', :case-study[label]'{ref=…}', ::recommendation'{ref=…}'.",
    fr: "Markdown : **gras**, *italique*, listes, tableaux (un paragraphe « Tableau : … » après un tableau en est la légende), notes[^1]. Contributions : ::figure'{ref=…}', :case-study[libellé]'{ref=…}', ::recommendation'{ref=…}'.",
    es: "Markdown: **negrita**, *cursiva*, listas, tablas (un párrafo «Tabla: …» después de una es su título), notas[^1]. Contribuciones: ::figure'{ref=…}', :case-study[etiqueta]'{ref=…}', ::recommendation'{ref=…}'.",
  },
  "editor.summary": {
    en: "Summary of the change",
    fr: "Résumé de la modification",
    es: "Resumen del cambio",
  },
  "editor.save": {
    en: "Save",
    fr: "Enregistrer",
    es: "Guardar",
  },
  "editor.preview": {
    en: "Preview",
    fr: "Aperçu",
    es: "Vista previa",
  },
  "editor.history": {
    en: "History",
    fr: "Historique",
    es: "Historial",
  },
  "editor.status": {
    en: "Status",
    fr: "Statut",
    es: "Estado",
  },
  "editor.setStatus": {
    en: "Set status",
    fr: "Changer le statut",
    es: "Cambiar el estado",
  },
  "editor.saved": {
    en: "Saved as revision {id}.",
    fr: "Enregistré comme révision {id}.",
    es: "Guardado como revisión {id}.",
  },
  "editor.unchanged": {
    en: "Nothing changed, so no revision was made.",
    fr: "Rien n'a changé : aucune révision créée.",
    es: "No cambió nada: no se creó ninguna revisión.",
  },
  "editor.toolbar": {
    en: "Formatting",
    fr: "Mise en forme",
    es: "Formato",
  },
  "editor.warnings": {
    en: "Warnings in this text",
    fr: "Avertissements dans ce texte",
    es: "Advertencias en este texto",
  },
  "editor.translations": {
    en: "Translations",
    fr: "Traductions",
    es: "Traducciones",
  },
  "editor.revision": {
    en: "Revision {id}",
    fr: "Révision {id}",
    es: "Revisión {id}",
  },
  "editor.newSection": {
    en: "New section, not saved yet",
    fr: "Nouvelle section, pas encore enregistrée",
    es: "Sección nueva, aún sin guardar",
  },
  "tb.heading": {
    en: "Heading",
    fr: "Titre",
    es: "Título",
  },
  "tb.list": {
    en: "List",
    fr: "Liste",
    es: "Lista",
  },
  "tb.link": {
    en: "Link",
    fr: "Lien",
    es: "Enlace",
  },
  "tb.table": {
    en: "Table",
    fr: "Tableau",
    es: "Tabla",
  },
  "tb.footnote": {
    en: "Footnote",
    fr: "Note",
    es: "Nota",
  },
  "tb.figure": {
    en: "Figure",
    fr: "Figure",
    es: "Figura",
  },
  "tb.caseStudy": {
    en: "Case study",
    fr: "Étude de cas",
    es: "Estudio de caso",
  },
  "tb.recommendation": {
    en: "Recommendation",
    fr: "Recommandation",
    es: "Recomendación",
  },
  "history.title": {
    en: "History",
    fr: "Historique",
    es: "Historial",
  },
  "history.revision": {
    en: "Revision",
    fr: "Révision",
    es: "Revisión",
  },
  "history.author": {
    en: "Author",
    fr: "Auteur",
    es: "Autor",
  },
  "history.when": {
    en: "When",
    fr: "Quand",
    es: "Cuándo",
  },
  "history.summary": {
    en: "Summary",
    fr: "Résumé",
    es: "Resumen",
  },
  "history.compare": {
    en: "Compare",
    fr: "Comparer",
    es: "Comparar",
  },
  "history.from": {
    en: "From",
    fr: "De",
    es: "Desde",
  },
  "history.to": {
    en: "To",
    fr: "À",
    es: "Hasta",
  },
  "history.current": {
    en: "current",
    fr: "actuelle",
    es: "actual",
  },
  "translation.title": {
    en: "Translation into {lang}",
    fr: "Traduction en {lang}",
    es: "Traducción al {lang}",
  },
  "translation.source": {
    en: "Source: {lang}, revision {id}",
    fr: "Source : {lang}, révision {id}",
    es: "Original: {lang}, revisión {id}",
  },
  "translation.outOfDate": {
    en: "Out of date: the source has changed since this translation.",
    fr: "Périmée : la source a changé depuis cette traduction.",
    es: "Desactualizada: el original cambió desde esta traducción.",
  },
  "translation.sourceChanges": {
    en: "Changes in the source since it was translated",
    fr: "Modifications de la source depuis la traduction",
    es: "Cambios en el original desde la traducción",
  },
  "translation.upToDate": {
    en: "Up to date",
    fr: "À jour",
    es: "Al día",
  },
  "translation.missing": {
    en: "Not translated",
    fr: "Non traduit",
    es: "Sin traducir",
  },
  "status.title": {
    en: "Completeness",
    fr: "Avancement",
    es: "Avance",
  },
  "status.since": {
    en: "Not touched since",
    fr: "Pas modifié depuis",
    es: "Sin cambios desde",
  },
  "status.empty": {
    en: "Empty",
    fr: "Vide",
    es: "Vacía",
  },
  "status.stale": {
    en: "Untouched",
    fr: "Inchangé",
    es: "Sin cambios",
  },
  "status.chapter": {
    en: "Chapter",
    fr: "Chapitre",
    es: "Capítulo",
  },
  "status.sections": {
    en: "Sections",
    fr: "Sections",
    es: "Secciones",
  },
  "draft.notice": {
    en: "This is the living draft. It changes as the secretariat works and is not a published edition.",
    fr: "Ceci est le projet vivant. Il évolue au fil du travail du secrétariat et n'est pas une édition publiée.",
    es: "Este es el borrador vivo. Cambia a medida que trabaja la secretaría y no es una edición publicada.",
  },
  "draft.contents": {
    en: "Contents",
    fr: "Sommaire",
    es: "Índice",
  },
  "draft.notTranslated": {
    en: "Not yet translated into {lang}; shown in {primary}.",
    fr: "Pas encore traduit en {lang} ; affiché en {primary}.",
    es: "Aún no traducido al {lang}; se muestra en {primary}.",
  },
  "draft.chapterNotTranslated": {
    en: "Parts of this chapter are not yet translated and are shown in {primary}.",
    fr: "Certaines parties de ce chapitre ne sont pas encore traduites et sont affichées en {primary}.",
    es: "Partes de este capítulo aún no están traducidas y se muestran en {primary}.",
  },
  "chapter.notTranslated": {
    en: "This chapter is not available in {lang}; it is shown in {primary}.",
    fr: "Ce chapitre n’est pas disponible en {lang} ; il est affiché en {primary}.",
    es: "Este capítulo no está disponible en {lang}; se muestra en {primary}.",
  },
} as const satisfies Messages;
