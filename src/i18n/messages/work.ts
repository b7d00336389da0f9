import type { Messages } from "#src/i18n/message.ts";

// "My work": a member's home ordered by what they have to do, and the secretariat's work page.

export const work = {
  "work.noNotifications": {
    en: "No messages yet. You will be told here when members submit, comment or answer.",
    fr: "Aucun message pour l'instant. Vous serez averti ici lorsque les membres soumettront, commenteront ou répondront.",
    es: "Aún no hay mensajes. Aquí se le avisará cuando los miembros envíen, comenten o respondan.",
  },
  "work.lead": {
    en: "What your organization has to do, the most urgent first.",
    fr: "Ce que votre organisation a à faire, le plus urgent d'abord.",
    es: "Lo que su organización tiene pendiente, lo más urgente primero.",
  },
  "work.closesIn": {
    en: "{days, plural, =0 {closes today} one {closes in # day} other {closes in # days}}",
    fr: "{days, plural, =0 {se termine aujourd'hui} one {se termine dans # jour} other {se termine dans # jours}}",
    es: "{days, plural, =0 {cierra hoy} one {cierra en # día} other {cierra en # días}}",
  },
  "work.closed": {
    en: "closed",
    fr: "clôturée",
    es: "cerrada",
  },
  "work.answer.notStarted": {
    en: "Not started",
    fr: "Pas commencée",
    es: "Sin empezar",
  },
  "work.answer.draft": {
    en: "Draft saved",
    fr: "Brouillon enregistré",
    es: "Borrador guardado",
  },
  "work.answer.submitted": {
    en: "Submitted",
    fr: "Envoyée",
    es: "Enviada",
  },
  "work.surveys.empty": {
    en: "Nothing to answer right now. You will be told here when a survey opens for your organization.",
    fr: "Rien à remplir pour l'instant. Vous serez averti ici lorsqu'une enquête s'ouvrira pour votre organisation.",
    es: "Nada que responder por ahora. Aquí se le avisará cuando se abra una encuesta para su organización.",
  },
  "work.rounds.title": {
    en: "Review rounds",
    fr: "Cycles de relecture",
    es: "Rondas de revisión",
  },
  "work.rounds.comments": {
    en: "{count, plural, =0 {no comment from your organization yet} one {# comment from your organization} other {# comments from your organization}}",
    fr: "{count, plural, =0 {aucun commentaire de votre organisation pour l'instant} one {# commentaire de votre organisation} other {# commentaires de votre organisation}}",
    es: "{count, plural, =0 {aún ningún comentario de su organización} one {# comentario de su organización} other {# comentarios de su organización}}",
  },
  "work.rounds.empty": {
    en: "No review round is open for your organization. When the secretariat opens one, it appears here.",
    fr: "Aucun cycle de relecture n'est ouvert pour votre organisation. Lorsque le secrétariat en ouvrira un, il apparaîtra ici.",
    es: "No hay ninguna ronda de revisión abierta para su organización. Cuando la secretaría abra una, aparecerá aquí.",
  },
  "work.cs.group": {
    en: "{state} ({count, number})",
    fr: "{state} ({count, number})",
    es: "{state} ({count, number})",
  },
  "work.cs.message": {
    en: "The secretariat wrote:",
    fr: "Message du secrétariat :",
    es: "La secretaría escribió:",
  },
  "work.cs.empty": {
    en: "Your organization has no case study yet. Write one, or import a Word file below.",
    fr: "Votre organisation n'a pas encore d'étude de cas. Rédigez-en une, ou importez un fichier Word ci-dessous.",
    es: "Su organización aún no tiene estudios de caso. Redacte uno o importe un archivo Word más abajo.",
  },
  "work.proposals.mine": {
    en: "Your organization's proposals",
    fr: "Les propositions de votre organisation",
    es: "Las propuestas de su organización",
  },
  "work.proposals.none": {
    en: "Your organization has not proposed a topic yet.",
    fr: "Votre organisation n'a pas encore proposé de sujet.",
    es: "Su organización aún no ha propuesto ningún tema.",
  },
  "work.notifications.unread": {
    en: "{count, plural, one {# unread} other {# unread}}",
    fr: "{count, plural, one {# non lue} other {# non lues}}",
    es: "{count, plural, one {# sin leer} other {# sin leer}}",
  },
  "work.editor.lead": {
    en: "What is waiting for the secretariat, the oldest first. Each item links to where the work is done.",
    fr: "Ce qui attend le secrétariat, le plus ancien d'abord. Chaque élément mène à l'endroit où le travail se fait.",
    es: "Lo que espera a la secretaría, lo más antiguo primero. Cada elemento lleva al lugar donde se hace el trabajo.",
  },
  "work.editor.caseStudies": {
    en: "Case studies to moderate",
    fr: "Études de cas à modérer",
    es: "Estudios de caso por moderar",
  },
  "work.editor.caseStudiesEmpty": {
    en: "No case study is waiting for moderation.",
    fr: "Aucune étude de cas n'attend de modération.",
    es: "Ningún estudio de caso espera moderación.",
  },
  "work.editor.submitted": {
    en: "submitted {date}",
    fr: "envoyée le {date}",
    es: "enviado el {date}",
  },
  "work.editor.queue": {
    en: "Open the moderation queue",
    fr: "Ouvrir la file de modération",
    es: "Abrir la cola de moderación",
  },
  "work.editor.rounds": {
    en: "Open review rounds",
    fr: "Cycles de relecture ouverts",
    es: "Rondas de revisión abiertas",
  },
  "work.editor.undisposed": {
    en: "{count, plural, =0 {every comment has a disposition} one {# comment without a disposition} other {# comments without a disposition}}",
    fr: "{count, plural, =0 {chaque commentaire a une suite} one {# commentaire sans suite donnée} other {# commentaires sans suite donnée}}",
    es: "{count, plural, =0 {todos los comentarios tienen una decisión} one {# comentario sin decisión} other {# comentarios sin decisión}}",
  },
  "work.editor.roundsEmpty": {
    en: "No review round is open.",
    fr: "Aucun cycle de relecture n'est ouvert.",
    es: "No hay ninguna ronda de revisión abierta.",
  },
  "work.editor.surveys": {
    en: "Open surveys",
    fr: "Enquêtes ouvertes",
    es: "Encuestas abiertas",
  },
  "work.editor.responses": {
    en: "responses received: {submitted, number} of {invited, plural, one {# invited organization} other {# invited organizations}}",
    fr: "réponses reçues : {submitted, number} sur {invited, plural, one {# organisation invitée} other {# organisations invitées}}",
    es: "respuestas recibidas: {submitted, number} de {invited, plural, one {# organización invitada} other {# organizaciones invitadas}}",
  },
  "work.editor.noDeadline": {
    en: "no closing date",
    fr: "sans date de clôture",
    es: "sin fecha de cierre",
  },
  "work.editor.surveysEmpty": {
    en: "No survey is open.",
    fr: "Aucune enquête n'est ouverte.",
    es: "No hay ninguna encuesta abierta.",
  },
  "work.editor.proposals": {
    en: "Topic proposals awaiting a decision",
    fr: "Propositions de sujets en attente de décision",
    es: "Propuestas de temas pendientes de decisión",
  },
  "work.editor.proposalsEmpty": {
    en: "No topic proposal is waiting.",
    fr: "Aucune proposition de sujet n'est en attente.",
    es: "Ninguna propuesta de tema está pendiente.",
  },
  "work.editor.mail": {
    en: "Mail",
    fr: "Courriels",
    es: "Correo",
  },
} as const satisfies Messages;
