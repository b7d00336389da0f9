import type { Messages } from "#src/i18n/message.ts";

// Readers' subscriptions to a report's new editions: the form, the confirmation (double opt-in) and their mails.

export const subscriptions = {
  "subscription.formTitle": {
    en: "Get an e-mail when a new edition is published",
    fr: "Recevoir un courriel à chaque nouvelle édition",
    es: "Recibir un correo cuando se publique una nueva edición",
  },
  "subscription.formHint": {
    en: "One message per new edition, nothing else. You will first be asked to confirm the address, and every message has a link to stop them.",
    fr: "Un message par nouvelle édition, rien d'autre. Il vous sera d'abord demandé de confirmer l'adresse, et chaque message contient un lien pour ne plus en recevoir.",
    es: "Un mensaje por cada nueva edición, nada más. Primero se le pedirá que confirme la dirección, y cada mensaje incluye un enlace para dejar de recibirlos.",
  },
  "subscription.email": {
    en: "Your e-mail address",
    fr: "Votre adresse électronique",
    es: "Su dirección de correo electrónico",
  },
  "subscription.submit": {
    en: "Subscribe",
    fr: "S'abonner",
    es: "Suscribirse",
  },
  "subscription.checkTitle": {
    en: "Check your mail",
    fr: "Consultez votre messagerie",
    es: "Revise su correo",
  },
  "subscription.checkBody": {
    en: "To receive the new editions of {report}, open the link in the message sent to {email} and confirm. If this address is already subscribed, there is nothing more to do.",
    fr: "Pour recevoir les nouvelles éditions de « {report} », ouvrez le lien du message envoyé à {email} et confirmez. Si cette adresse est déjà abonnée, vous n'avez rien d'autre à faire.",
    es: "Para recibir las nuevas ediciones de «{report}», abra el enlace del mensaje enviado a {email} y confirme. Si esta dirección ya está suscrita, no tiene que hacer nada más.",
  },
  "subscription.checkNote": {
    en: "No message? Look in your spam folder. Nothing is sent about new editions until you confirm.",
    fr: "Pas de message ? Regardez dans vos indésirables. Aucune édition ne vous sera annoncée avant votre confirmation.",
    es: "¿No le llega? Mire en la carpeta de correo no deseado. No se le enviará nada sobre nuevas ediciones hasta que confirme.",
  },
  "subscription.backToReport": {
    en: "Back to {report}",
    fr: "Retour à « {report} »",
    es: "Volver a «{report}»",
  },
  "subscription.confirmTitle": {
    en: "Confirm your subscription",
    fr: "Confirmer votre abonnement",
    es: "Confirme su suscripción",
  },
  "subscription.confirmBody": {
    en: "{email} will receive an e-mail whenever a new edition of {report} is published.",
    fr: "{email} recevra un courriel à chaque nouvelle édition de « {report} ».",
    es: "{email} recibirá un correo cada vez que se publique una nueva edición de «{report}».",
  },
  "subscription.confirmSubmit": {
    en: "Confirm the subscription",
    fr: "Confirmer l'abonnement",
    es: "Confirmar la suscripción",
  },
  "subscription.confirmed": {
    en: "Subscription confirmed: you will get an e-mail when a new edition of {report} is published.",
    fr: "Abonnement confirmé : vous recevrez un courriel à chaque nouvelle édition de « {report} ».",
    es: "Suscripción confirmada: recibirá un correo cuando se publique una nueva edición de «{report}».",
  },
  "subscription.mail.confirmSubject": {
    en: "Confirm your subscription to {report}",
    fr: "Confirmez votre abonnement à « {report} »",
    es: "Confirme su suscripción a «{report}»",
  },
  "subscription.mail.confirmIntro": {
    en: "Someone, probably you, asked for an e-mail at this address whenever a new edition of {report} is published.",
    fr: "Quelqu'un, sans doute vous, a demandé à recevoir un courriel à cette adresse à chaque nouvelle édition de « {report} ».",
    es: "Alguien, probablemente usted, pidió recibir un correo en esta dirección cada vez que se publique una nueva edición de «{report}».",
  },
  "subscription.mail.confirmAction": {
    en: "Confirm the subscription",
    fr: "Confirmer l'abonnement",
    es: "Confirmar la suscripción",
  },
  "subscription.mail.confirmIgnore": {
    en: "If you did not ask for this, ignore this message: nothing more will be sent.",
    fr: "Si vous n'avez rien demandé, ignorez ce message : vous ne recevrez rien d'autre.",
    es: "Si no lo pidió, ignore este mensaje: no se le enviará nada más.",
  },
  "subscription.mail.editionSubject": {
    en: "New edition of {report}: {edition}",
    fr: "Nouvelle édition de « {report} » : {edition}",
    es: "Nueva edición de «{report}»: {edition}",
  },
  "subscription.mail.editionIntro": {
    en: "A new edition of {report} has been published: {edition} (edition {label}).",
    fr: "Une nouvelle édition de « {report} » est publiée : {edition} (édition {label}).",
    es: "Se ha publicado una nueva edición de «{report}»: {edition} (edición {label}).",
  },
  "subscription.mail.editionAction": {
    en: "Read the edition",
    fr: "Lire l'édition",
    es: "Leer la edición",
  },
  "subscription.mail.downloads": {
    en: "It can also be downloaded:",
    fr: "Elle peut aussi être téléchargée :",
    es: "También puede descargarse:",
  },
  "subscription.mail.editionWhy": {
    en: "You receive this message because this address subscribed to new editions of {report}.",
    fr: "Vous recevez ce message parce que cette adresse est abonnée aux nouvelles éditions de « {report} ».",
    es: "Recibe este mensaje porque esta dirección está suscrita a las nuevas ediciones de «{report}».",
  },
  "subscription.expiredTitle": {
    en: "This confirmation link can no longer be used",
    fr: "Ce lien de confirmation n'est plus valable",
    es: "Este enlace de confirmación ya no es válido",
  },
  "subscription.expiredBody": {
    en: "A confirmation link works for 7 days, and not after the subscription it was sent for has ended. To get an e-mail when a new edition of {report} is published, ask again: a new link will be sent to {email}.",
    fr: "Un lien de confirmation est valable 7 jours, et plus après la fin de l'abonnement pour lequel il a été envoyé. Pour recevoir un courriel à chaque nouvelle édition de « {report} », faites une nouvelle demande : un nouveau lien sera envoyé à {email}.",
    es: "Un enlace de confirmación es válido durante 7 días, y deja de serlo cuando termina la suscripción para la que se envió. Para recibir un correo cuando se publique una nueva edición de «{report}», vuelva a pedirlo: se enviará un nuevo enlace a {email}.",
  },
  "subscription.askAgain": {
    en: "Subscribe again",
    fr: "S'abonner de nouveau",
    es: "Volver a suscribirse",
  },
  "subscription.editionsLink": {
    en: "Get an e-mail when a new edition is published",
    fr: "Recevoir un courriel à chaque nouvelle édition",
    es: "Recibir un correo cuando se publique una nueva edición",
  },
  "audit.action.subscription.requested": {
    en: "Subscription requested",
    fr: "Abonnement demandé",
    es: "Suscripción solicitada",
  },
  "audit.action.subscription.confirmed": {
    en: "Subscription confirmed",
    fr: "Abonnement confirmé",
    es: "Suscripción confirmada",
  },
  "audit.action.subscription.ended": {
    en: "Subscription ended",
    fr: "Abonnement terminé",
    es: "Suscripción terminada",
  },
} as const satisfies Messages;
