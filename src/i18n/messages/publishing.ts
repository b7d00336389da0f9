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
    en: "Working: {message}",
    fr: "En cours : {message}",
    es: "En curso: {message}",
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
} as const satisfies Messages;
