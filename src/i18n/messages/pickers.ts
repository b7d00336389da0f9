import type { Messages } from "#src/i18n/message.ts";

// The section editor's evidence pickers and the work it keeps in the browser until it is saved.

export const pickers = {
  "picker.title.figure": {
    en: "Insert a figure",
    fr: "Insérer une figure",
    es: "Insertar una figura",
  },
  "picker.title.case-study": {
    en: "Insert a case study",
    fr: "Insérer une étude de cas",
    es: "Insertar un estudio de caso",
  },
  "picker.title.recommendation": {
    en: "Insert a recommendation",
    fr: "Insérer une recommandation",
    es: "Insertar una recomendación",
  },
  "picker.title.section": {
    en: "Link to a section",
    fr: "Lier une section",
    es: "Enlazar una sección",
  },
  "picker.search": {
    en: "Search by title, technology or reference",
    fr: "Chercher par titre, technologie ou référence",
    es: "Buscar por título, tecnología o referencia",
  },
  "picker.hint": {
    en: "Type to filter the list. Up and down arrows move through it, Enter chooses, Escape closes.",
    fr: "Tapez pour filtrer la liste. Les flèches haut et bas la parcourent, Entrée choisit, Échap ferme.",
    es: "Escriba para filtrar la lista. Las flechas arriba y abajo la recorren, Intro elige, Escape cierra.",
  },
  "picker.results": {
    en: "Results",
    fr: "Résultats",
    es: "Resultados",
  },
  "picker.count": {
    en: "Results: {count}",
    fr: "Résultats : {count}",
    es: "Resultados: {count}",
  },
  "picker.more": {
    en: "Only the first {count} are shown: type more words to narrow the list.",
    fr: "Seuls les {count} premiers sont affichés : tapez d'autres mots pour réduire la liste.",
    es: "Solo se muestran los {count} primeros: escriba más palabras para acotar la lista.",
  },
  "picker.none": {
    en: "Nothing matches these words.",
    fr: "Rien ne correspond à ces mots.",
    es: "Nada coincide con estas palabras.",
  },
  "picker.loading": {
    en: "Searching…",
    fr: "Recherche en cours…",
    es: "Buscando…",
  },
  "picker.error": {
    en: "The list could not be loaded. Type again to retry.",
    fr: "La liste n'a pas pu être chargée. Tapez à nouveau pour réessayer.",
    es: "No se pudo cargar la lista. Vuelva a escribir para reintentarlo.",
  },
  "picker.notUsable": {
    en: "Would block publishing",
    fr: "Bloquerait la publication",
    es: "Bloquearía la publicación",
  },
  "picker.notUsableHint": {
    en: "Items marked “Would block publishing” can be placed while the text is drafted, but the checks before publishing refuse them until their state changes.",
    fr: "Les éléments marqués « Bloquerait la publication » peuvent être placés pendant la rédaction, mais les vérifications avant publication les refusent tant que leur état ne change pas.",
    es: "Los elementos marcados «Bloquearía la publicación» pueden colocarse mientras se redacta, pero las comprobaciones previas a la publicación los rechazan hasta que cambie su estado.",
  },
  "picker.cancel": {
    en: "Cancel",
    fr: "Annuler",
    es: "Cancelar",
  },
  "picker.figureStatus.ready": {
    en: "Ready",
    fr: "Prête",
    es: "Lista",
  },
  "picker.figureStatus.suppressed": {
    en: "Hidden: groups too small to show",
    fr: "Masquée : groupes trop petits pour être montrés",
    es: "Oculta: grupos demasiado pequeños para mostrarse",
  },
  "picker.figureStatus.empty": {
    en: "No answers yet",
    fr: "Pas encore de réponses",
    es: "Aún sin respuestas",
  },
  "autosave.kept": {
    en: "Unsaved work from {time} was kept in this browser.",
    fr: "Un travail non enregistré du {time} a été conservé dans ce navigateur.",
    es: "Se conservó en este navegador un trabajo sin guardar del {time}.",
  },
  "autosave.keptStale": {
    en: "Unsaved work from {time} was kept in this browser, but someone has saved a newer version of this section since. If you restore it, saving will show both versions so that nothing is overwritten.",
    fr: "Un travail non enregistré du {time} a été conservé dans ce navigateur, mais quelqu'un a enregistré depuis une version plus récente de cette section. Si vous le restaurez, l'enregistrement montrera les deux versions : rien ne sera écrasé.",
    es: "Se conservó en este navegador un trabajo sin guardar del {time}, pero alguien ha guardado desde entonces una versión más reciente de esta sección. Si lo restaura, al guardar verá ambas versiones y nada se sobrescribirá.",
  },
  "autosave.restore": {
    en: "Restore",
    fr: "Restaurer",
    es: "Restaurar",
  },
  "autosave.discard": {
    en: "Discard",
    fr: "Abandonner",
    es: "Descartar",
  },
  "autosave.restored": {
    en: "Your unsaved work is back in the form. Save to keep it.",
    fr: "Votre travail non enregistré est revenu dans le formulaire. Enregistrez pour le garder.",
    es: "Su trabajo sin guardar ha vuelto al formulario. Guarde para conservarlo.",
  },
  "autosave.discarded": {
    en: "The work kept in this browser was discarded.",
    fr: "Le travail conservé dans ce navigateur a été abandonné.",
    es: "Se descartó el trabajo conservado en este navegador.",
  },
} as const satisfies Messages;

/** What the browser's picker and autosave show, in the page's language (given to them by the page). */
export const CLIENT_MESSAGE_KEYS = Object.keys(pickers).filter((k) => !k.startsWith("picker.figureStatus.")) as Exclude<keyof typeof pickers, `picker.figureStatus.${string}`>[];
