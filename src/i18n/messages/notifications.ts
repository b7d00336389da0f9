import type { Messages } from "#src/i18n/message.ts";

// Notifications: what people are told (in the centre and by mail), the centre, the choice of
// mail per kind, the daily digest and the unsubscribe page.

export const notifications = {
  "notify.survey.invitation": {
    en: "Your organization is invited to answer the survey “{survey}”.",
    fr: "Votre organisation est invitée à répondre à l'enquête « {survey} ».",
    es: "Su organización está invitada a responder la encuesta «{survey}».",
  },
  "notify.survey.reminder": {
    en: "The survey “{survey}” closes on {date}; your organization has not submitted its answers yet.",
    fr: "L'enquête « {survey} » se termine le {date} ; votre organisation n'a pas encore envoyé ses réponses.",
    es: "La encuesta «{survey}» se cierra el {date}; su organización aún no ha enviado sus respuestas.",
  },
  "notify.survey.closed": {
    en: "The survey “{survey}” is closed.",
    fr: "L'enquête « {survey} » est close.",
    es: "La encuesta «{survey}» está cerrada.",
  },
  "notify.review.opened": {
    en: "The review round “{round}” is open for your comments until {date}.",
    fr: "La consultation « {round} » est ouverte à vos commentaires jusqu'au {date}.",
    es: "La ronda de revisión «{round}» está abierta a sus comentarios hasta el {date}.",
  },
  "notify.review.reminder": {
    en: "The review round “{round}” closes on {date}.",
    fr: "La consultation « {round} » se termine le {date}.",
    es: "La ronda de revisión «{round}» se cierra el {date}.",
  },
  "notify.review.disposed": {
    en: "Your comment in the review round “{round}” was {disposition, select, accepted {accepted} partly_accepted {partly accepted} not_accepted {not accepted} other {noted}}.",
    fr: "Votre commentaire dans la consultation « {round} » a été {disposition, select, accepted {accepté} partly_accepted {accepté en partie} not_accepted {refusé} other {pris en compte}}.",
    es: "Su comentario en la ronda de revisión «{round}» fue {disposition, select, accepted {aceptado} partly_accepted {aceptado en parte} not_accepted {rechazado} other {tomado en cuenta}}.",
  },
  "notify.proposal.decided": {
    en: "The topic proposal “{title}” was {decision, select, accepted {accepted} other {declined}}.",
    fr: "La proposition de sujet « {title} » a été {decision, select, accepted {acceptée} other {refusée}}.",
    es: "La propuesta de tema «{title}» fue {decision, select, accepted {aceptada} other {rechazada}}.",
  },
  "notify.edition.published": {
    en: "A new edition of “{report}” is published: {edition}.",
    fr: "Une nouvelle édition de « {report} » est publiée : {edition}.",
    es: "Se ha publicado una nueva edición de «{report}»: {edition}.",
  },

  // The kinds, as the centre labels them and the preferences page names them.
  "notifications.kind.survey_invitation": { en: "Survey invitation", fr: "Invitation à une enquête", es: "Invitación a una encuesta" },
  "notifications.kind.survey_reminder": { en: "Survey reminder", fr: "Rappel d'enquête", es: "Recordatorio de encuesta" },
  "notifications.kind.survey_closed": { en: "Survey closed", fr: "Enquête close", es: "Encuesta cerrada" },
  "notifications.kind.review_opened": { en: "Review round opened", fr: "Consultation ouverte", es: "Ronda de revisión abierta" },
  "notifications.kind.review_reminder": { en: "Review round reminder", fr: "Rappel de consultation", es: "Recordatorio de ronda de revisión" },
  "notifications.kind.comment_disposed": { en: "Decision on your comment", fr: "Suite donnée à votre commentaire", es: "Decisión sobre su comentario" },
  "notifications.kind.case_study_moderated": { en: "Case study moderation", fr: "Modération d'étude de cas", es: "Moderación de estudio de caso" },
  "notifications.kind.proposal_decided": { en: "Topic proposal decision", fr: "Décision sur une proposition de sujet", es: "Decisión sobre una propuesta de tema" },
  "notifications.kind.edition_published": { en: "New edition", fr: "Nouvelle édition", es: "Nueva edición" },

  // When each kind happens, under its name on the preferences page.
  "notifications.when.survey_invitation": {
    en: "When your organization is invited to answer a survey.",
    fr: "Quand votre organisation est invitée à répondre à une enquête.",
    es: "Cuando su organización es invitada a responder una encuesta.",
  },
  "notifications.when.survey_reminder": {
    en: "A few days before a survey closes, while your organization's answers are not submitted.",
    fr: "Quelques jours avant la clôture d'une enquête, tant que votre organisation n'a pas envoyé ses réponses.",
    es: "Unos días antes de que se cierre una encuesta, mientras su organización no haya enviado sus respuestas.",
  },
  "notifications.when.survey_closed": {
    en: "When a survey your organization was invited to closes.",
    fr: "Quand une enquête à laquelle votre organisation était invitée se termine.",
    es: "Cuando se cierra una encuesta a la que su organización fue invitada.",
  },
  "notifications.when.review_opened": {
    en: "When a review round your organization is invited to opens.",
    fr: "Quand une consultation à laquelle votre organisation est invitée s'ouvre.",
    es: "Cuando se abre una ronda de revisión a la que su organización está invitada.",
  },
  "notifications.when.review_reminder": {
    en: "A few days before a review round closes.",
    fr: "Quelques jours avant la clôture d'une consultation.",
    es: "Unos días antes de que se cierre una ronda de revisión.",
  },
  "notifications.when.comment_disposed": {
    en: "When the secretariat records what it did with a comment you made.",
    fr: "Quand le secrétariat indique la suite donnée à un de vos commentaires.",
    es: "Cuando la secretaría registra qué hizo con un comentario suyo.",
  },
  "notifications.when.case_study_moderated": {
    en: "When a case study of your organization moves on: submitted, in review, changes requested, accepted, published or retired.",
    fr: "Quand une étude de cas de votre organisation avance : soumise, en examen, modifications demandées, acceptée, publiée ou retirée.",
    es: "Cuando un estudio de caso de su organización avanza: presentado, en examen, cambios solicitados, aceptado, publicado o retirado.",
  },
  "notifications.when.proposal_decided": {
    en: "When the secretariat accepts or declines a topic proposal you made.",
    fr: "Quand le secrétariat accepte ou refuse une proposition de sujet que vous avez faite.",
    es: "Cuando la secretaría acepta o rechaza una propuesta de tema que usted hizo.",
  },
  "notifications.when.edition_published": {
    en: "When a new edition of a report is published.",
    fr: "Quand une nouvelle édition d'un rapport est publiée.",
    es: "Cuando se publica una nueva edición de un informe.",
  },

  "notifications.mode.immediately": { en: "Immediately", fr: "Immédiatement", es: "De inmediato" },
  "notifications.mode.digest": { en: "In a daily digest", fr: "Dans un résumé quotidien", es: "En un resumen diario" },
  "notifications.mode.off": { en: "Not by e-mail", fr: "Pas par courriel", es: "No por correo" },

  // The centre
  "notifications.title": { en: "Notifications", fr: "Notifications", es: "Notificaciones" },
  "notifications.lead": {
    en: "What the secretariat and the platform told you, newest first.",
    fr: "Ce que le secrétariat et la plateforme vous ont signalé, du plus récent au plus ancien.",
    es: "Lo que la secretaría y la plataforma le han comunicado, de lo más reciente a lo más antiguo.",
  },
  "notifications.empty": {
    en: "You have no notifications yet. Survey invitations, review rounds, moderation outcomes and new editions will appear here.",
    fr: "Vous n'avez encore aucune notification. Les invitations aux enquêtes, les consultations, les décisions de modération et les nouvelles éditions apparaîtront ici.",
    es: "Aún no tiene notificaciones. Aquí aparecerán las invitaciones a encuestas, las rondas de revisión, las decisiones de moderación y las nuevas ediciones.",
  },
  "notifications.unreadCount": {
    en: "{count, plural, =0 {Everything is read.} one {# unread notification.} other {# unread notifications.}}",
    fr: "{count, plural, =0 {Tout est lu.} one {# notification non lue.} other {# notifications non lues.}}",
    es: "{count, plural, =0 {Todo está leído.} one {# notificación sin leer.} other {# notificaciones sin leer.}}",
  },
  "notifications.new": { en: "New", fr: "Nouveau", es: "Nuevo" },
  "notifications.markAllRead": { en: "Mark all as read", fr: "Tout marquer comme lu", es: "Marcar todo como leído" },
  "notifications.allRead": {
    en: "All your notifications are marked as read.",
    fr: "Toutes vos notifications sont marquées comme lues.",
    es: "Todas sus notificaciones están marcadas como leídas.",
  },
  "notifications.seeAll": { en: "All notifications", fr: "Toutes les notifications", es: "Todas las notificaciones" },
  "notifications.newer": { en: "Newer notifications", fr: "Notifications plus récentes", es: "Notificaciones más recientes" },
  "notifications.older": { en: "Older notifications", fr: "Notifications plus anciennes", es: "Notificaciones más antiguas" },
  "notifications.paging": { en: "Pages of notifications", fr: "Pages de notifications", es: "Páginas de notificaciones" },
  "notifications.chooseMail": {
    en: "Choose which notifications are e-mailed to you",
    fr: "Choisir les notifications envoyées par courriel",
    es: "Elegir qué notificaciones recibe por correo",
  },

  // Preferences
  "notifications.preferences.title": { en: "Notification e-mails", fr: "Courriels de notification", es: "Correos de notificación" },
  "notifications.preferences.lead": {
    en: "Every notification is listed in your notification centre. Choose, for each kind, whether it is also e-mailed to you at once, gathered in one e-mail a day, or not e-mailed.",
    fr: "Chaque notification figure dans votre centre de notifications. Choisissez pour chaque type si elle vous est aussi envoyée par courriel aussitôt, regroupée dans un courriel par jour, ou pas du tout.",
    es: "Cada notificación aparece en su centro de notificaciones. Elija para cada tipo si también se le envía por correo de inmediato, reunida en un correo al día, o no se le envía.",
  },
  "notifications.preferences.save": { en: "Save my choices", fr: "Enregistrer mes choix", es: "Guardar mis preferencias" },
  "notifications.preferences.saved": {
    en: "Your notification e-mail choices are saved.",
    fr: "Vos choix de courriels de notification sont enregistrés.",
    es: "Sus preferencias de correos de notificación están guardadas.",
  },
  "notifications.preferences.link": { en: "Notification e-mails", fr: "Courriels de notification", es: "Correos de notificación" },
  "notifications.preferences.linkLead": {
    en: "Choose which notifications are e-mailed to you, at once or in a daily digest.",
    fr: "Choisissez les notifications envoyées par courriel, aussitôt ou dans un résumé quotidien.",
    es: "Elija qué notificaciones recibe por correo, de inmediato o en un resumen diario.",
  },

  // Mail
  "mail.notification.open": { en: "Open", fr: "Ouvrir", es: "Abrir" },
  "mail.notification.centre": { en: "All your notifications", fr: "Toutes vos notifications", es: "Todas sus notificaciones" },
  "mail.notification.preferences": {
    en: "Choose which e-mails you receive",
    fr: "Choisir les courriels que vous recevez",
    es: "Elegir qué correos recibe",
  },
  "mail.digest.subject": {
    en: "Your daily summary: {count, plural, one {# notification} other {# notifications}}",
    fr: "Votre résumé du jour : {count, plural, one {# notification} other {# notifications}}",
    es: "Su resumen del día: {count, plural, one {# notificación} other {# notificaciones}}",
  },
  "mail.digest.lead": {
    en: "Here is what happened since your last summary.",
    fr: "Voici ce qui s'est passé depuis votre dernier résumé.",
    es: "Esto es lo que ha ocurrido desde su último resumen.",
  },
  "mail.digest.note": {
    en: "You receive this summary once a day because you chose a daily digest for these notifications.",
    fr: "Vous recevez ce résumé une fois par jour parce que vous avez choisi un résumé quotidien pour ces notifications.",
    es: "Recibe este resumen una vez al día porque eligió un resumen diario para estas notificaciones.",
  },

  // Unsubscribe
  "unsubscribe.title": { en: "Stop these e-mails", fr: "Ne plus recevoir ces courriels", es: "Dejar de recibir estos correos" },
  "unsubscribe.kindLead": {
    en: "This link stops e-mails about: {kind}. The notifications stay listed in your notification centre.",
    fr: "Ce lien arrête les courriels sur : {kind}. Les notifications restent dans votre centre de notifications.",
    es: "Este enlace detiene los correos sobre: {kind}. Las notificaciones siguen en su centro de notificaciones.",
  },
  "unsubscribe.subscriptionLead": {
    en: "This link ends your subscription to new editions of “{report}”.",
    fr: "Ce lien met fin à votre abonnement aux nouvelles éditions de « {report} ».",
    es: "Este enlace pone fin a su suscripción a las nuevas ediciones de «{report}».",
  },
  "unsubscribe.digestLead": {
    en: "This link stops your daily digest: the notifications it gathered will no longer be e-mailed. They stay listed in your notification centre.",
    fr: "Ce lien arrête votre résumé quotidien : les notifications qu'il regroupait ne vous seront plus envoyées par courriel. Elles restent dans votre centre de notifications.",
    es: "Este enlace detiene su resumen diario: las notificaciones que reunía ya no se le enviarán por correo. Siguen en su centro de notificaciones.",
  },
  "unsubscribe.button": { en: "Stop these e-mails", fr: "Ne plus recevoir ces courriels", es: "Dejar de recibir estos correos" },
  "unsubscribe.done": {
    en: "Done: you will receive no more of these e-mails.",
    fr: "C'est fait : vous ne recevrez plus ces courriels.",
    es: "Hecho: ya no recibirá estos correos.",
  },
  "unsubscribe.already": {
    en: "These e-mails are already stopped.",
    fr: "Ces courriels sont déjà arrêtés.",
    es: "Estos correos ya están detenidos.",
  },
  "unsubscribe.changeAll": {
    en: "Choose for every kind of notification",
    fr: "Choisir pour chaque type de notification",
    es: "Elegir para cada tipo de notificación",
  },
  "unsubscribe.invalid": {
    en: "This unsubscribe link is not valid. Copy the whole link from the e-mail, or sign in and choose your e-mails in your account.",
    fr: "Ce lien de désabonnement n'est pas valide. Copiez le lien entier depuis le courriel, ou connectez-vous et choisissez vos courriels dans votre compte.",
    es: "Este enlace para darse de baja no es válido. Copie el enlace completo del correo, o inicie sesión y elija sus correos en su cuenta.",
  },
} as const satisfies Messages;
