import type { Messages } from "#src/i18n/message.ts";

// Outgoing mail: what every message carries around its content, and the administrators' outbox.

export const mail = {
  "mail.footer.sender": {
    en: "This message was sent by {site}.",
    fr: "Ce message vous a été envoyé par {site}.",
    es: "Este mensaje le ha sido enviado por {site}.",
  },
  "mail.footer.unsubscribe": {
    en: "Stop receiving these messages",
    fr: "Ne plus recevoir ces messages",
    es: "Dejar de recibir estos mensajes",
  },
  "mail.link.fallback": {
    en: "If the button does not work, copy this address into your browser:",
    fr: "Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :",
    es: "Si el botón no funciona, copie esta dirección en su navegador:",
  },
  "mail.outbox.title": {
    en: "Outbox",
    fr: "Boîte d'envoi",
    es: "Bandeja de salida",
  },
  "mail.outbox.lead": {
    en: "Every message the site has written, newest first: invitations, password resets, notifications.",
    fr: "Tous les messages rédigés par le site, du plus récent au plus ancien : invitations, réinitialisations de mot de passe, notifications.",
    es: "Todos los mensajes que ha redactado el sitio, del más reciente al más antiguo: invitaciones, restablecimientos de contraseña, notificaciones.",
  },
  "mail.outbox.smtp": {
    en: "Mail is sent through the SMTP server {server}.",
    fr: "Le courrier est envoyé par le serveur SMTP {server}.",
    es: "El correo se envía a través del servidor SMTP {server}.",
  },
  "mail.outbox.noSmtp": {
    en: "No SMTP server is configured (SMTP_URL is not set): messages are kept here and nothing is sent.",
    fr: "Aucun serveur SMTP n'est configuré (SMTP_URL n'est pas défini) : les messages sont conservés ici et rien n'est envoyé.",
    es: "No hay ningún servidor SMTP configurado (SMTP_URL no está definido): los mensajes se conservan aquí y no se envía nada.",
  },
  "mail.outbox.noSmtpHandOver": {
    en: "To pass an invitation or a password reset on yourself, open the message and make its link.",
    fr: "Pour transmettre vous-même une invitation ou une réinitialisation de mot de passe, ouvrez le message et créez son lien.",
    es: "Para entregar usted mismo una invitación o un restablecimiento de contraseña, abra el mensaje y genere su enlace.",
  },
  "mail.outbox.byStatus": {
    en: "Messages by state",
    fr: "Messages par état",
    es: "Mensajes por estado",
  },
  "mail.outbox.empty": {
    en: "No message here.",
    fr: "Aucun message ici.",
    es: "No hay ningún mensaje aquí.",
  },
  "mail.outbox.newer": {
    en: "Newer messages",
    fr: "Messages plus récents",
    es: "Mensajes más recientes",
  },
  "mail.outbox.older": {
    en: "Older messages",
    fr: "Messages plus anciens",
    es: "Mensajes más antiguos",
  },
  "mail.outbox.failed": {
    en: "{count, plural, =0 {No failed message} one {# failed message} other {# failed messages}}",
    fr: "{count, plural, =0 {Aucun échec d'envoi} one {# échec d'envoi} other {# échecs d'envoi}}",
    es: "{count, plural, =0 {Ningún envío fallido} one {# envío fallido} other {# envíos fallidos}}",
  },
  "mail.status.queued": {
    en: "Waiting",
    fr: "En attente",
    es: "En espera",
  },
  "mail.status.sending": {
    en: "Sending",
    fr: "En cours d'envoi",
    es: "Enviándose",
  },
  "mail.status.sent": {
    en: "Sent",
    fr: "Envoyé",
    es: "Enviado",
  },
  "mail.status.failed": {
    en: "Failed",
    fr: "Échec",
    es: "Fallido",
  },
  "mail.status.held": {
    en: "Kept here",
    fr: "Conservé ici",
    es: "Conservado aquí",
  },
  "mail.status.cancelled": {
    en: "Cancelled",
    fr: "Annulé",
    es: "Cancelado",
  },
  "mail.error.LINK_INVALID": {
    en: "Not sent: its one-time link was used, revoked or had expired before it could go out.",
    fr: "Non envoyé : son lien à usage unique avait été utilisé, révoqué ou avait expiré avant l'envoi.",
    es: "No enviado: su enlace de un solo uso se había utilizado, revocado o había caducado antes del envío.",
  },
  "mail.error.USER_DEACTIVATED": {
    en: "Not sent: the recipient's account was deactivated before it could go out.",
    fr: "Non envoyé : le compte du destinataire a été désactivé avant l'envoi.",
    es: "No enviado: la cuenta del destinatario se desactivó antes del envío.",
  },
  "mail.error.ABANDONED": {
    en: "The sender stopped while sending it too many times.",
    fr: "L'expéditeur s'est arrêté trop de fois pendant son envoi.",
    es: "El remitente se detuvo demasiadas veces durante su envío.",
  },
  "mail.error.SMTP": {
    en: "The SMTP server refused it (code {code}): {detail}",
    fr: "Le serveur SMTP l'a refusé (code {code}) : {detail}",
    es: "El servidor SMTP lo rechazó (código {code}): {detail}",
  },
  "mail.error.NETWORK": {
    en: "The SMTP server could not be reached: {detail}",
    fr: "Le serveur SMTP est injoignable : {detail}",
    es: "No se pudo contactar con el servidor SMTP: {detail}",
  },
  "mail.error.ERROR": {
    en: "Sending failed: {detail}",
    fr: "L'envoi a échoué : {detail}",
    es: "El envío falló: {detail}",
  },
  "mail.outbox.retention": {
    en: "Sent and cancelled messages are deleted after {sentDays} days, failed ones after {failedDays} days.",
    fr: "Les messages envoyés et annulés sont supprimés au bout de {sentDays} jours, ceux en échec au bout de {failedDays} jours.",
    es: "Los mensajes enviados y cancelados se eliminan a los {sentDays} días; los fallidos, a los {failedDays} días.",
  },
  "mail.sendHeld.lead": {
    en: "{count, plural, one {# message was kept here while no SMTP server was configured.} other {# messages were kept here while no SMTP server was configured.}}",
    fr: "{count, plural, one {# message a été conservé ici faute de serveur SMTP configuré.} other {# messages ont été conservés ici faute de serveur SMTP configuré.}}",
    es: "{count, plural, one {# mensaje se conservó aquí mientras no había ningún servidor SMTP configurado.} other {# mensajes se conservaron aquí mientras no había ningún servidor SMTP configurado.}}",
  },
  "mail.sendHeld.button": {
    en: "{count, plural, one {Send it now} other {Send all # now}}",
    fr: "{count, plural, one {L'envoyer maintenant} other {Envoyer les # maintenant}}",
    es: "{count, plural, one {Enviarlo ahora} other {Enviar los # ahora}}",
  },
  "mail.sendHeld.done": {
    en: "{count, plural, =0 {No message was waiting.} one {# message is queued and will be sent in a moment.} other {# messages are queued and will be sent in a moment.}}",
    fr: "{count, plural, =0 {Aucun message n'attendait.} one {# message est en file d'attente et partira dans un instant.} other {# messages sont en file d'attente et partiront dans un instant.}}",
    es: "{count, plural, =0 {No había ningún mensaje en espera.} one {# mensaje está en cola y se enviará en un momento.} other {# mensajes están en cola y se enviarán en un momento.}}",
  },
  "audit.action.mail.send_held": {
    en: "Messages kept in the outbox sent",
    fr: "Messages conservés dans la boîte d'envoi envoyés",
    es: "Mensajes conservados en la bandeja de salida enviados",
  },
  "mail.created": {
    en: "Written",
    fr: "Rédigé le",
    es: "Redactado el",
  },
  "mail.to": {
    en: "To",
    fr: "Destinataire",
    es: "Destinatario",
  },
  "mail.subject": {
    en: "Subject",
    fr: "Objet",
    es: "Asunto",
  },
  "mail.template": {
    en: "Kind",
    fr: "Type",
    es: "Tipo",
  },
  "mail.status": {
    en: "State",
    fr: "État",
    es: "Estado",
  },
  "mail.attempts": {
    en: "Attempts",
    fr: "Tentatives",
    es: "Intentos",
  },
  "mail.lastError": {
    en: "Last error",
    fr: "Dernière erreur",
    es: "Último error",
  },
  "mail.nextAttempt": {
    en: "Next attempt",
    fr: "Prochaine tentative",
    es: "Próximo intento",
  },
  "mail.sentAt": {
    en: "Sent",
    fr: "Envoyé le",
    es: "Enviado el",
  },
  "mail.headers": {
    en: "Headers",
    fr: "En-têtes",
    es: "Encabezados",
  },
  "mail.text": {
    en: "Plain text",
    fr: "Texte brut",
    es: "Texto sin formato",
  },
  "mail.html": {
    en: "HTML version (source)",
    fr: "Version HTML (source)",
    es: "Versión HTML (código fuente)",
  },
  "mail.actions": {
    en: "What to do with it",
    fr: "Que faire de ce message",
    es: "Qué hacer con este mensaje",
  },
  "mail.send.button": {
    en: "Send now",
    fr: "Envoyer maintenant",
    es: "Enviar ahora",
  },
  "mail.send.done": {
    en: "The message is queued and will be sent in a moment.",
    fr: "Le message est en file d'attente et partira dans un instant.",
    es: "El mensaje está en cola y se enviará en un momento.",
  },
  "mail.link.button": {
    en: "Make the link to pass on",
    fr: "Créer le lien à transmettre",
    es: "Generar el enlace para entregar",
  },
  "mail.link.hint": {
    en: "The link made here replaces the one in the message: the mailed link stops working. Sending the message again brings the mailed link back, and the link made here stops working.",
    fr: "Le lien créé ici remplace celui du message : le lien envoyé par courriel cesse de fonctionner. Renvoyer le message rétablit le lien envoyé, et celui créé ici cesse de fonctionner.",
    es: "El enlace generado aquí sustituye al del mensaje: el enlace enviado por correo deja de funcionar. Reenviar el mensaje restablece el enlace enviado, y el generado aquí deja de funcionar.",
  },
  "mail.link.made": {
    en: "Here is the link. Copy it now and pass it on to the recipient: it is shown only this once.",
    fr: "Voici le lien. Copiez-le maintenant et transmettez-le au destinataire : il n'est affiché qu'une fois.",
    es: "Este es el enlace. Cópielo ahora y entrégueselo al destinatario: solo se muestra esta vez.",
  },
  "mail.link.label": {
    en: "One-time link",
    fr: "Lien à usage unique",
    es: "Enlace de un solo uso",
  },
  "audit.action.mail.send": {
    en: "Message sent again",
    fr: "Message renvoyé",
    es: "Mensaje reenviado",
  },
  "audit.action.mail.link": {
    en: "One-time link made by hand",
    fr: "Lien à usage unique créé manuellement",
    es: "Enlace de un solo uso generado manualmente",
  },
  "error.MAIL_STATE": {
    en: "This message cannot be sent again or given a link in its current state. Reload the page to see where it stands.",
    fr: "Ce message ne peut être ni renvoyé ni doté d'un lien dans son état actuel. Rechargez la page pour voir où il en est.",
    es: "Este mensaje no se puede reenviar ni recibir un enlace en su estado actual. Vuelva a cargar la página para ver en qué punto está.",
  },
  "error.MAIL_LINK_INVALID": {
    en: "This message's one-time link can no longer be used (it was used, revoked or has expired). Send a new invitation or password reset instead.",
    fr: "Le lien à usage unique de ce message n'est plus utilisable (il a été utilisé, révoqué ou a expiré). Envoyez plutôt une nouvelle invitation ou une nouvelle réinitialisation de mot de passe.",
    es: "El enlace de un solo uso de este mensaje ya no se puede usar (se utilizó, se revocó o caducó). Envíe en su lugar una nueva invitación o un nuevo restablecimiento de contraseña.",
  },
  "error.SMTP_NOT_CONFIGURED": {
    en: "No SMTP server is configured (SMTP_URL is not set), so nothing can be sent. Set SMTP_URL and restart the site, or make the link and pass it on yourself.",
    fr: "Aucun serveur SMTP n'est configuré (SMTP_URL n'est pas défini) : rien ne peut être envoyé. Définissez SMTP_URL et redémarrez le site, ou créez le lien et transmettez-le vous-même.",
    es: "No hay ningún servidor SMTP configurado (SMTP_URL no está definido), así que no se puede enviar nada. Defina SMTP_URL y reinicie el sitio, o genere el enlace y entréguelo usted mismo.",
  },
} as const satisfies Messages;
