import type { Messages } from "#src/i18n/message.ts";

// The home page and a member's own page (“My work”).

export const home = {
  "home.title": {
    en: "A living study report",
    fr: "Un rapport d'étude vivant",
    es: "Un informe de estudio vivo",
  },
  "home.lead": {
    en: "The secretariat assembles a structured report from the evidence members send in, and publishes it as dated, citable editions on the web, as PDF, as DOCX and as open data.",
    fr: "Le secrétariat assemble un rapport structuré à partir des contributions des membres et le publie en éditions datées et citables : sur le web, en PDF, en DOCX et en données ouvertes.",
    es: "La secretaría arma un informe estructurado con las contribuciones de los miembros y lo publica en ediciones fechadas y citables: en la web, en PDF, en DOCX y como datos abiertos.",
  },
  "home.setupNeeded": {
    en: "This installation has no administrator yet.",
    fr: "Cette installation n'a pas encore d'administrateur.",
    es: "Esta instalación todavía no tiene administrador.",
  },
  "home.setupLink": {
    en: "Create the first administrator account",
    fr: "Créer le premier compte administrateur",
    es: "Crear la primera cuenta de administrador",
  },
  "home.readers.title": {
    en: "For readers",
    fr: "Pour les lecteurs",
    es: "Para lectores",
  },
  "home.readers.text": {
    en: "Read the current edition in English, French or Spanish, search it, and download it.",
    fr: "Lisez l'édition en vigueur en anglais, en français ou en espagnol, faites-y des recherches et téléchargez-la.",
    es: "Lea la edición vigente en inglés, francés o español, busque en ella y descárguela.",
  },
  "home.members.title": {
    en: "For members",
    fr: "Pour les membres",
    es: "Para miembros",
  },
  "home.members.text": {
    en: "Submit case studies, answer surveys and comment on drafts for your organization.",
    fr: "Soumettez des études de cas, répondez aux enquêtes et commentez les projets au nom de votre organisation.",
    es: "Envíe estudios de caso, responda encuestas y comente borradores en nombre de su organización.",
  },
  "home.secretariat.title": {
    en: "For the secretariat",
    fr: "Pour le secrétariat",
    es: "Para la secretaría",
  },
  "home.secretariat.text": {
    en: "Edit chapters, moderate evidence, run review rounds and publish editions.",
    fr: "Rédigez les chapitres, modérez les contributions, organisez les cycles de relecture et publiez les éditions.",
    es: "Redacte capítulos, modere contribuciones, organice rondas de revisión y publique ediciones.",
  },
  "home.welcomeBack": {
    en: "Welcome, {name}.",
    fr: "Bienvenue, {name}.",
    es: "Bienvenido/a, {name}.",
  },
  "member.title": {
    en: "My work",
    fr: "Mon travail",
    es: "Mi trabajo",
  },
  "member.notifications": {
    en: "Messages",
    fr: "Messages",
    es: "Mensajes",
  },
  "member.noNotifications": {
    en: "No messages yet. You will be told here when the secretariat acts on your submissions.",
    fr: "Aucun message pour l'instant. Vous serez averti ici lorsque le secrétariat traitera vos contributions.",
    es: "Aún no hay mensajes. Aquí se le avisará cuando la secretaría actúe sobre sus contribuciones.",
  },
  "member.markRead": {
    en: "Mark all as read",
    fr: "Tout marquer comme lu",
    es: "Marcar todo como leído",
  },
  "member.new": {
    en: "New",
    fr: "Nouveau",
    es: "Nuevo",
  },
  "member.caseStudies": {
    en: "Case studies",
    fr: "Études de cas",
    es: "Estudios de caso",
  },
  "member.caseStudiesOf": {
    en: "Case studies of {organization}",
    fr: "Études de cas de {organization}",
    es: "Estudios de caso de {organization}",
  },
  "member.surveys": {
    en: "Surveys to answer",
    fr: "Enquêtes à remplir",
    es: "Encuestas por responder",
  },
  "home.currentEdition": {
    en: "Current edition: {label}",
    fr: "Édition en vigueur : {label}",
    es: "Edición vigente: {label}",
  },
  "home.read": {
    en: "Read the {label} edition",
    fr: "Lire l’édition {label}",
    es: "Leer la edición {label}",
  },
  "home.allEditions": {
    en: "All editions ({count})",
    fr: "Toutes les éditions ({count})",
    es: "Todas las ediciones ({count})",
  },
  "home.timeline": {
    en: "How the report was made",
    fr: "Comment le rapport a été fait",
    es: "Cómo se hizo el informe",
  },
} as const satisfies Messages;
