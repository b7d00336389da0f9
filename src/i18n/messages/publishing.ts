import type { Messages } from "#src/i18n/message.ts";

// Exports: PDF and DOCX running text, export jobs, download links.

export const publishing = {
  "pdf.pageOf": {
    en: "Page {page} of {pages}",
    fr: "Page {page} sur {pages}",
    es: "Página {page} de {pages}",
  },
  "pdf.draft": {
    en: "DRAFT",
    fr: "PROJET",
    es: "BORRADOR",
  },
  "pdf.edition": {
    en: "{label} edition",
    fr: "Édition {label}",
    es: "Edición {label}",
  },
  "pdf.draftOf": {
    en: "Living draft as of {date}, not a published edition",
    fr: "Projet vivant au {date}, pas une édition publiée",
    es: "Borrador vivo al {date}, no es una edición publicada",
  },
  "job.title": {
    en: "Preparing your file",
    fr: "Préparation de votre fichier",
    es: "Preparando su archivo",
  },
  "job.queued": {
    en: "Waiting to start…",
    fr: "En attente…",
    es: "En espera…",
  },
  "job.retrying": {
    en: "An attempt did not succeed; trying again shortly (attempt {attempt} of {max}).",
    fr: "Une tentative n'a pas abouti ; nouvel essai sous peu (tentative {attempt} sur {max}).",
    es: "Un intento no tuvo éxito; se volverá a intentar en breve (intento {attempt} de {max}).",
  },
  "job.running": {
    en: "Working…",
    fr: "En cours…",
    es: "En curso…",
  },
  "job.step.reading": {
    en: "Reading the content…",
    fr: "Lecture du contenu…",
    es: "Leyendo el contenido…",
  },
  "job.step.typesetting": {
    en: "Typesetting the file…",
    fr: "Composition du fichier…",
    es: "Componiendo el archivo…",
  },
  "job.step.checking": {
    en: "Checking the edition…",
    fr: "Vérification de l'édition…",
    es: "Comprobando la edición…",
  },
  "job.step.pages": {
    en: "Rendering the pages: {done} of {total}",
    fr: "Rendu des pages : {done} sur {total}",
    es: "Generando las páginas: {done} de {total}",
  },
  "job.step.downloads": {
    en: "Preparing the downloads…",
    fr: "Préparation des téléchargements…",
    es: "Preparando las descargas…",
  },
  "job.done": {
    en: "Your file is ready.",
    fr: "Votre fichier est prêt.",
    es: "Su archivo está listo.",
  },
  "job.failed": {
    en: "The export failed. The secretariat has been told; try again later.",
    fr: "L'export a échoué. Le secrétariat en est informé ; réessayez plus tard.",
    es: "La exportación falló. La secretaría está informada; inténtelo más tarde.",
  },
  "job.download": {
    en: "Download {filename}",
    fr: "Télécharger {filename}",
    es: "Descargar {filename}",
  },
  "job.refresh": {
    en: "This page updates by itself while it is open.",
    fr: "Cette page se met à jour toute seule tant qu'elle est ouverte.",
    es: "Esta página se actualiza sola mientras está abierta.",
  },
  "export.downloads": {
    en: "Download:",
    fr: "Télécharger :",
    es: "Descargar:",
  },
  "export.pdf": {
    en: "PDF",
    fr: "PDF",
    es: "PDF",
  },
  "export.docx": {
    en: "Word (DOCX)",
    fr: "Word (DOCX)",
    es: "Word (DOCX)",
  },
  "export.html": {
    en: "Single HTML file",
    fr: "Fichier HTML unique",
    es: "Archivo HTML único",
  },
  "export.zip": {
    en: "Open data (zip)",
    fr: "Données ouvertes (zip)",
    es: "Datos abiertos (zip)",
  },
  "job.checkAgain": {
    en: "Check again",
    fr: "Vérifier à nouveau",
    es: "Comprobar de nuevo",
  },
  "pdf.figure": {
    en: "Figure {n}.",
    fr: "Figure {n}.",
    es: "Figura {n}.",
  },
  "pdf.table": {
    en: "Table {n}.",
    fr: "Tableau {n}.",
    es: "Tabla {n}.",
  },
  "publish.title": {
    en: "Publish this edition",
    fr: "Publier cette édition",
    es: "Publicar esta edición",
  },
  "publish.intro": {
    en: "A published edition never changes: readers and citations rely on it. Before it goes out, the checks below must show no error, and any warning is acknowledged with a note.",
    fr: "Une édition publiée ne change jamais : lecteurs et citations s'y fient. Avant sa sortie, les vérifications ci-dessous ne doivent montrer aucune erreur, et chaque avertissement est reconnu par une note.",
    es: "Una edición publicada nunca cambia: lectores y citas dependen de ella. Antes de publicarla, las comprobaciones de abajo no deben mostrar ningún error, y cada advertencia se reconoce con una nota.",
  },
  "publish.checks": {
    en: "What the checks found",
    fr: "Résultat des vérifications",
    es: "Resultado de las comprobaciones",
  },
  "publish.clean": {
    en: "The checks found nothing to fix.",
    fr: "Les vérifications n'ont rien trouvé à corriger.",
    es: "Las comprobaciones no encontraron nada que corregir.",
  },
  "publish.blocked": {
    en: "{count, plural, one {# error blocks} other {# errors block}} publishing. Fix {count, plural, one {it} other {them}} in the living draft, then refresh the edition.",
    fr: "{count, plural, one {# erreur bloque} other {# erreurs bloquent}} la publication. Corrigez-{count, plural, one {la} other {les}} dans le projet vivant, puis actualisez l'édition.",
    es: "{count, plural, one {# error impide} other {# errores impiden}} la publicación. {count, plural, one {Corríjalo} other {Corríjalos}} en el borrador vivo y luego actualice la edición.",
  },
  "publish.confirm": {
    en: "Type the edition's label ({label}) to confirm",
    fr: "Saisissez le libellé de l'édition ({label}) pour confirmer",
    es: "Escriba la etiqueta de la edición ({label}) para confirmar",
  },
  "publish.confirmMismatch": {
    en: "This is not the edition's label.",
    fr: "Ce n'est pas le libellé de l'édition.",
    es: "No es la etiqueta de la edición.",
  },
  "publish.note": {
    en: "{count, plural, one {Why it goes out with # warning} other {Why it goes out with # warnings}}",
    fr: "{count, plural, one {Pourquoi elle sort avec # avertissement} other {Pourquoi elle sort avec # avertissements}}",
    es: "{count, plural, one {Por qué se publica con # advertencia} other {Por qué se publica con # advertencias}}",
  },
  "publish.warningsChanged": {
    en: "The checks found warnings since this page was shown. Read them above, and say in the note why it goes out with them.",
    fr: "Les vérifications ont trouvé des avertissements depuis l'affichage de cette page. Lisez-les ci-dessus et indiquez dans la note pourquoi elle sort avec eux.",
    es: "Las comprobaciones encontraron advertencias desde que se mostró esta página. Léalas arriba e indique en la nota por qué se publica con ellas.",
  },
  "publish.noteHint": {
    en: "Kept with the edition and in the audit log.",
    fr: "Conservée avec l'édition et dans le journal d'audit.",
    es: "Se conserva con la edición y en el registro de auditoría.",
  },
  "publish.withdrawTitle": {
    en: "Withdraw this edition",
    fr: "Retirer cette édition",
    es: "Retirar esta edición",
  },
  "publish.withdrawIntro": {
    en: "Its pages stay readable for reference, with a notice and the reason.",
    fr: "Ses pages restent consultables pour référence, avec un avis et le motif.",
    es: "Sus páginas siguen disponibles como referencia, con un aviso y el motivo.",
  },
  "publish.acknowledged": {
    en: "{count, plural, =0 {Published with no known warning} one {Published with # known warning} other {Published with # known warnings}}",
    fr: "{count, plural, =0 {Publiée sans avertissement connu} one {Publiée avec # avertissement connu} other {Publiée avec # avertissements connus}}",
    es: "{count, plural, =0 {Publicada sin advertencias conocidas} one {Publicada con # advertencia conocida} other {Publicada con # advertencias conocidas}}",
  },
  "publish.acknowledgedCodes": {
    en: "{count, plural, one {The kind of warning acknowledged} other {The # kinds of warning acknowledged}}",
    fr: "{count, plural, one {Le type d'avertissement reconnu} other {Les # types d'avertissement reconnus}}",
    es: "{count, plural, one {El tipo de advertencia reconocido} other {Los # tipos de advertencia reconocidos}}",
  },
  "publish.acknowledgedBy": {
    en: "Acknowledged by {name}, {date}.",
    fr: "Reconnu par {name}, {date}.",
    es: "Reconocido por {name}, {date}.",
  },
  "publishJob.title.published": {
    en: "Publishing edition {label}",
    fr: "Publication de l'édition {label}",
    es: "Publicación de la edición {label}",
  },
  "publishJob.title.withdrawn": {
    en: "Withdrawing edition {label}",
    fr: "Retrait de l'édition {label}",
    es: "Retirada de la edición {label}",
  },
  "publishJob.done.published": {
    en: "Edition {label} is published.",
    fr: "L'édition {label} est publiée.",
    es: "La edición {label} está publicada.",
  },
  "publishJob.done.withdrawn": {
    en: "Edition {label} is withdrawn.",
    fr: "L'édition {label} est retirée.",
    es: "La edición {label} está retirada.",
  },
  "publishJob.downloads": {
    en: "Its downloads (PDF, Word, HTML and open data) are being prepared in every language.",
    fr: "Ses téléchargements (PDF, Word, HTML et données ouvertes) sont en préparation dans chaque langue.",
    es: "Sus descargas (PDF, Word, HTML y datos abiertos) se están preparando en todos los idiomas.",
  },
  "publishJob.failed": {
    en: "Edition {label} was not changed.",
    fr: "L'édition {label} n'a pas été modifiée.",
    es: "La edición {label} no se modificó.",
  },
  "publishJob.error.PUBLISH_BLOCKED": {
    en: "The checks found errors since it was confirmed (the evidence it places may have changed). Fix them, refresh the edition and publish it again.",
    fr: "Les vérifications ont trouvé des erreurs depuis la confirmation (les éléments qu'elle cite ont pu changer). Corrigez-les, actualisez l'édition et publiez-la de nouveau.",
    es: "Las comprobaciones encontraron errores desde la confirmación (las pruebas que cita pueden haber cambiado). Corríjalos, actualice la edición y vuelva a publicarla.",
  },
  "publishJob.error.WARNINGS_NOT_ACKNOWLEDGED": {
    en: "The checks found warnings that were not acknowledged when it was confirmed. Read them on the edition's page and publish it again with a note.",
    fr: "Les vérifications ont trouvé des avertissements dont il n'avait pas été pris acte lors de la confirmation. Lisez-les sur la page de l'édition et publiez-la de nouveau avec une note.",
    es: "Las comprobaciones encontraron advertencias que no se reconocieron al confirmar. Léalas en la página de la edición y vuelva a publicarla con una nota.",
  },
  "publishJob.failedOther": {
    en: "Something went wrong while rendering its pages. Try again from the edition's page.",
    fr: "Un problème est survenu pendant le rendu de ses pages. Réessayez depuis la page de l'édition.",
    es: "Algo falló al generar sus páginas. Vuelva a intentarlo desde la página de la edición.",
  },
  "publishJob.edition": {
    en: "Back to the edition's page",
    fr: "Retour à la page de l'édition",
    es: "Volver a la página de la edición",
  },
  "publishJob.read": {
    en: "Read edition {label}",
    fr: "Lire l'édition {label}",
    es: "Leer la edición {label}",
  },
  "audit.action.edition.published": {
    en: "Published the edition",
    fr: "A publié l'édition",
    es: "Publicó la edición",
  },
  "audit.action.edition.withdrawn": {
    en: "Withdrew the edition",
    fr: "A retiré l'édition",
    es: "Retiró la edición",
  },
  "audit.action.edition.in_review": {
    en: "Sent the edition to review",
    fr: "A envoyé l'édition en relecture",
    es: "Envió la edición a revisión",
  },
  "audit.action.edition.draft": {
    en: "Returned the edition to draft",
    fr: "A remis l'édition en brouillon",
    es: "Devolvió la edición a borrador",
  },
} as const satisfies Messages;
