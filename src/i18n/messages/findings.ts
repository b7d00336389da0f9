import type { Messages } from "#src/i18n/message.ts";

// The checks before an edition goes out: one message per finding (`finding.<code>`), and the
// words of the lists that show them.

export const findings = {
  // Errors: they block publishing.
  "finding.unresolvedRef": {
    en: "{directive} refers to nothing: no evidence has this reference.",
    fr: "{directive} ne renvoie à rien : aucun élément de preuve ne porte cette référence.",
    es: "{directive} no remite a nada: ninguna evidencia tiene esta referencia.",
  },
  "finding.refNotPinned": {
    en: "{directive} was placed after the edition was frozen: refresh the edition to include it.",
    fr: "{directive} a été placé après le gel de l'édition : actualisez l'édition pour l'inclure.",
    es: "{directive} se colocó después de congelar la edición: actualice la edición para incluirlo.",
  },
  "finding.invalidDirective": {
    en: "A {name} directive has no valid reference (ref=…): readers would see nothing in its place.",
    fr: "Une directive {name} n'a pas de référence valide (ref=…) : les lecteurs ne verraient rien à sa place.",
    es: "Una directiva {name} no tiene una referencia válida (ref=…): los lectores no verían nada en su lugar.",
  },
  "finding.unknownDirective": {
    en: "“{name}” is not a kind of evidence: use figure, case-study or recommendation.",
    fr: "« {name} » n'est pas un type d'élément de preuve : utilisez figure, case-study ou recommendation.",
    es: "“{name}” no es un tipo de evidencia: use figure, case-study o recommendation.",
  },
  "finding.brokenLink": {
    en: "The link “{target}” leads to no section of this report.",
    fr: "Le lien « {target} » ne mène à aucune section de ce rapport.",
    es: "El enlace “{target}” no lleva a ninguna sección de este informe.",
  },
  "finding.linkOtherChapter": {
    en: "The link “{target}” names a section of another chapter: write “{elsewhere}”.",
    fr: "Le lien « {target} » désigne une section d'un autre chapitre : écrivez « {elsewhere} ».",
    es: "El enlace “{target}” designa una sección de otro capítulo: escriba “{elsewhere}”.",
  },
  "finding.caseStudyUnpublished": {
    en: "The case study “{ref}” is not published: readers could not open it.",
    fr: "L'étude de cas « {ref} » n'est pas publiée : les lecteurs ne pourraient pas l'ouvrir.",
    es: "El estudio de caso “{ref}” no está publicado: los lectores no podrían abrirlo.",
  },
  "finding.figureSuppressed": {
    en: "The figure “{ref}” shows nothing: every group is under the survey's threshold for publishing.",
    fr: "La figure « {ref} » ne montre rien : chaque groupe est sous le seuil de publication de l'enquête.",
    es: "La figura “{ref}” no muestra nada: todos los grupos están bajo el umbral de publicación de la encuesta.",
  },
  "finding.figureEmpty": {
    en: "The figure “{ref}” is empty: no submitted answer feeds it.",
    fr: "La figure « {ref} » est vide : aucune réponse soumise ne l'alimente.",
    es: "La figura “{ref}” está vacía: ninguna respuesta enviada la alimenta.",
  },
  "finding.recommendationProposed": {
    en: "The recommendation “{ref}” is only proposed: an edition includes adopted recommendations only.",
    fr: "La recommandation « {ref} » n'est que proposée : une édition ne comprend que des recommandations adoptées.",
    es: "La recomendación “{ref}” solo está propuesta: una edición incluye únicamente recomendaciones adoptadas.",
  },
  "finding.recommendationRetired": {
    en: "The recommendation “{ref}” is retired: remove it from the text or place the one that replaced it.",
    fr: "La recommandation « {ref} » est retirée : supprimez-la du texte ou placez celle qui la remplace.",
    es: "La recomendación “{ref}” está retirada: quítela del texto o coloque la que la sustituye.",
  },
  "finding.sectionEmpty": {
    en: "The section has no text.",
    fr: "La section n'a pas de texte.",
    es: "La sección no tiene texto.",
  },
  // Warnings: publishing them needs an acknowledgement.
  "finding.sectionDraft": {
    en: "The section is still marked Draft.",
    fr: "La section est encore marquée Brouillon.",
    es: "La sección sigue marcada como Borrador.",
  },
  "finding.translationMissing": {
    en: "Not translated: readers of this language get the original text.",
    fr: "Non traduite : les lecteurs de cette langue reçoivent le texte original.",
    es: "Sin traducir: los lectores de este idioma reciben el texto original.",
  },
  "finding.translationOutOfDate": {
    en: "Translation out of date: the original has changed since.",
    fr: "Traduction périmée : l'original a changé depuis.",
    es: "Traducción desactualizada: el original cambió desde entonces.",
  },
  "finding.editionTextMissing": {
    en: "{fields, select, title {The edition's title is not translated.} subtitle {The edition's subtitle is not translated.} foreword {The edition's foreword is not translated.} titleSubtitle {The edition's title and subtitle are not translated.} titleForeword {The edition's title and foreword are not translated.} subtitleForeword {The edition's subtitle and foreword are not translated.} titleSubtitleForeword {The edition's title, subtitle and foreword are not translated.} other {The edition's title, subtitle or foreword is not translated.}}",
    fr: "{fields, select, title {Le titre de l'édition n'est pas traduit.} subtitle {Le sous-titre de l'édition n'est pas traduit.} foreword {L'avant-propos de l'édition n'est pas traduit.} titleSubtitle {Le titre et le sous-titre de l'édition ne sont pas traduits.} titleForeword {Le titre et l'avant-propos de l'édition ne sont pas traduits.} subtitleForeword {Le sous-titre et l'avant-propos de l'édition ne sont pas traduits.} titleSubtitleForeword {Le titre, le sous-titre et l'avant-propos de l'édition ne sont pas traduits.} other {Le titre, le sous-titre ou l'avant-propos de l'édition n'est pas traduit.}}",
    es: "{fields, select, title {El título de la edición no está traducido.} subtitle {El subtítulo de la edición no está traducido.} foreword {El prólogo de la edición no está traducido.} titleSubtitle {El título y el subtítulo de la edición no están traducidos.} titleForeword {El título y el prólogo de la edición no están traducidos.} subtitleForeword {El subtítulo y el prólogo de la edición no están traducidos.} titleSubtitleForeword {El título, el subtítulo y el prólogo de la edición no están traducidos.} other {El título, el subtítulo o el prólogo de la edición no está traducido.}}",
  },
  "finding.editionTextOutOfDate": {
    en: "The translation of the edition's title, subtitle or foreword is out of date.",
    fr: "La traduction du titre, du sous-titre ou de l'avant-propos de l'édition est périmée.",
    es: "La traducción del título, el subtítulo o el prólogo de la edición está desactualizada.",
  },
  "finding.figureNoAlt": {
    en: "The figure “{ref}” has no text alternative in this language for readers who cannot see it.",
    fr: "La figure « {ref} » n'a pas d'équivalent textuel dans cette langue pour les lecteurs qui ne la voient pas.",
    es: "La figura “{ref}” no tiene texto alternativo en este idioma para los lectores que no pueden verla.",
  },
  "finding.longRun": {
    en: "“{run}” runs {length} characters without a break: print would split it at an arbitrary letter.",
    fr: "« {run} » compte {length} caractères sans coupure possible : l'impression le couperait n'importe où.",
    es: "“{run}” tiene {length} caracteres sin corte posible: la impresión lo cortaría en cualquier letra.",
  },
  "finding.draftLink": {
    en: "The link “{target}” leads to the living draft, which only members can read.",
    fr: "Le lien « {target} » mène au projet évolutif, que seuls les membres peuvent lire.",
    es: "El enlace “{target}” lleva al borrador vivo, que solo los miembros pueden leer.",
  },
  "finding.chapterEmpty": {
    en: "The chapter has no section.",
    fr: "Le chapitre n'a aucune section.",
    es: "El capítulo no tiene ninguna sección.",
  },
  "finding.chapterTitleMissing": {
    en: "The chapter's title is not translated.",
    fr: "Le titre du chapitre n'est pas traduit.",
    es: "El título del capítulo no está traducido.",
  },
  "finding.duplicateHeading": {
    en: "Another section of this chapter has the same heading, “{heading}”.",
    fr: "Une autre section de ce chapitre porte le même titre, « {heading} ».",
    es: "Otra sección de este capítulo tiene el mismo título, “{heading}”.",
  },
  // The lists.
  "findings.title": {
    en: "Checks before publishing",
    fr: "Vérifications avant publication",
    es: "Comprobaciones antes de publicar",
  },
  "findings.sectionTitle": {
    en: "Checks on this section",
    fr: "Vérifications de cette section",
    es: "Comprobaciones de esta sección",
  },
  "findings.errors": {
    en: "{count, plural, one {# error} other {# errors}}",
    fr: "{count, plural, one {# erreur} other {# erreurs}}",
    es: "{count, plural, one {# error} other {# errores}}",
  },
  "findings.warnings": {
    en: "{count, plural, one {# warning} other {# warnings}}",
    fr: "{count, plural, one {# avertissement} other {# avertissements}}",
    es: "{count, plural, one {# advertencia} other {# advertencias}}",
  },
  "findings.errorsLead": {
    en: "Errors block publishing until they are fixed.",
    fr: "Les erreurs empêchent la publication tant qu'elles ne sont pas corrigées.",
    es: "Los errores impiden publicar mientras no se corrijan.",
  },
  "findings.warningsLead": {
    en: "Warnings may go out, acknowledged with a note when publishing.",
    fr: "Les avertissements peuvent être publiés, reconnus par une note au moment de la publication.",
    es: "Las advertencias pueden publicarse, reconocidas con una nota al publicar.",
  },
  "findings.none": {
    en: "No problem found: nothing stands in the way of publishing.",
    fr: "Aucun problème trouvé : rien ne s'oppose à la publication.",
    es: "No se encontró ningún problema: nada impide publicar.",
  },
  "findings.sectionNone": {
    en: "No problem found in this section.",
    fr: "Aucun problème trouvé dans cette section.",
    es: "No se encontró ningún problema en esta sección.",
  },
  "findings.editionRefresh": {
    en: "Checked against what this edition pinned. Fix in the living draft, then refresh the edition to check again.",
    fr: "Vérifié sur ce que cette édition a figé. Corrigez dans le projet évolutif, puis actualisez l'édition pour vérifier à nouveau.",
    es: "Comprobado sobre lo que fijó esta edición. Corrija en el borrador vivo y luego actualice la edición para volver a comprobar.",
  },
  "findings.draftLead": {
    en: "What would stop an edition frozen from the living draft now, or need an acknowledgement.",
    fr: "Ce qui empêcherait de publier une édition gelée maintenant à partir du projet évolutif, ou demanderait une reconnaissance.",
    es: "Lo que impediría publicar una edición congelada ahora a partir del borrador vivo, o requeriría un reconocimiento.",
  },
  "findings.edition": {
    en: "The edition's own texts",
    fr: "Textes propres à l'édition",
    es: "Textos propios de la edición",
  },
  "findings.chapterCount": {
    en: "{count, plural, one {# finding} other {# findings}}",
    fr: "{count, plural, one {# constat} other {# constats}}",
    es: "{count, plural, one {# hallazgo} other {# hallazgos}}",
  },
  "findings.fix": {
    en: "Fix",
    fr: "Corriger",
    es: "Corregir",
  },
} as const satisfies Messages;
