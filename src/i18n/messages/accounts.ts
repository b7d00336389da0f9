import type { Messages } from "#src/i18n/message.ts";

// Reaching an account by mail: invitations, password resets, the one-time links they carry, and
// the preferred language.

export const accounts = {
  // Inviting (administrators)
  "invitation.new": {
    en: "Invite a person",
    fr: "Inviter une personne",
    es: "Invitar a una persona",
  },
  "invitation.lead": {
    en: "The person receives an e-mail, in the language chosen below, with a link to set their own password. The link works once and expires after 7 days.",
    fr: "La personne reçoit un courriel, dans la langue choisie ci-dessous, avec un lien pour définir son propre mot de passe. Le lien ne sert qu'une fois et expire au bout de 7 jours.",
    es: "La persona recibe un correo, en el idioma elegido abajo, con un enlace para crear su propia contraseña. El enlace sirve una sola vez y caduca a los 7 días.",
  },
  "invitation.send": {
    en: "Send invitation",
    fr: "Envoyer l'invitation",
    es: "Enviar la invitación",
  },
  "invitation.sent": {
    en: "Invitation sent to {email}.",
    fr: "Invitation envoyée à {email}.",
    es: "Invitación enviada a {email}.",
  },
  "invitation.held": {
    en: "The invitation to {email} is kept in the outbox: no mail server is configured. An administrator can copy its link from the outbox.",
    fr: "L'invitation à {email} est gardée dans la boîte d'envoi : aucun serveur de messagerie n'est configuré. Un administrateur peut y copier son lien.",
    es: "La invitación a {email} se guarda en la bandeja de salida: no hay ningún servidor de correo configurado. Un administrador puede copiar allí su enlace.",
  },
  "invitation.heldNotice": {
    en: "No mail server is configured: invitations wait in the outbox, where an administrator can copy their links.",
    fr: "Aucun serveur de messagerie n'est configuré : les invitations attendent dans la boîte d'envoi, où un administrateur peut copier leurs liens.",
    es: "No hay ningún servidor de correo configurado: las invitaciones esperan en la bandeja de salida, donde un administrador puede copiar sus enlaces.",
  },
  "invitation.openOutbox": {
    en: "Open the outbox",
    fr: "Ouvrir la boîte d'envoi",
    es: "Abrir la bandeja de salida",
  },
  "invitation.title": {
    en: "Invitation",
    fr: "Invitation",
    es: "Invitación",
  },
  "invitation.state.pending": {
    en: "Pending, until {date}",
    fr: "En attente, jusqu'au {date}",
    es: "Pendiente, hasta el {date}",
  },
  "invitation.state.accepted": {
    en: "Accepted",
    fr: "Acceptée",
    es: "Aceptada",
  },
  "invitation.state.expired": {
    en: "Expired on {date}",
    fr: "Expirée le {date}",
    es: "Caducó el {date}",
  },
  "invitation.state.revoked": {
    en: "Revoked",
    fr: "Révoquée",
    es: "Revocada",
  },
  "invitation.state.none": {
    en: "None: this account was created with a password.",
    fr: "Aucune : ce compte a été créé avec un mot de passe.",
    es: "Ninguna: esta cuenta se creó con una contraseña.",
  },
  "invitation.resend": {
    en: "Send a new invitation",
    fr: "Envoyer une nouvelle invitation",
    es: "Enviar una nueva invitación",
  },
  "invitation.revoke": {
    en: "Revoke the invitation",
    fr: "Révoquer l'invitation",
    es: "Revocar la invitación",
  },
  "invitation.resent": {
    en: "A new invitation was sent to {email}; earlier links no longer work.",
    fr: "Une nouvelle invitation a été envoyée à {email} ; les liens précédents ne fonctionnent plus.",
    es: "Se envió una nueva invitación a {email}; los enlaces anteriores ya no funcionan.",
  },
  "invitation.revoked": {
    en: "The invitation to {email} was revoked; its link no longer works.",
    fr: "L'invitation à {email} a été révoquée ; son lien ne fonctionne plus.",
    es: "Se revocó la invitación a {email}; su enlace ya no funciona.",
  },
  "invitation.alreadyInvited": {
    en: "This person is already invited. Open their page to send a new invitation or revoke it.",
    fr: "Cette personne est déjà invitée. Ouvrez sa fiche pour lui envoyer une nouvelle invitation ou la révoquer.",
    es: "Esta persona ya está invitada. Abra su ficha para enviarle una nueva invitación o revocarla.",
  },
  "user.invited": {
    en: "Invited",
    fr: "Invitée",
    es: "Invitada",
  },
  "error.INVITATION_STATE": {
    en: "This invitation cannot be changed: the person has already set a password, the account is deactivated, or no invitation is pending.",
    fr: "Cette invitation ne peut pas être modifiée : la personne a déjà défini un mot de passe, le compte est désactivé, ou aucune invitation n'est en attente.",
    es: "Esta invitación no se puede modificar: la persona ya creó una contraseña, la cuenta está desactivada o no hay ninguna invitación pendiente.",
  },

  "error.RESET_STATE": {
    en: "No password reset link can be sent: the person has not set a password yet (send them a new invitation instead), or the account is deactivated.",
    fr: "Aucun lien de réinitialisation ne peut être envoyé : la personne n'a pas encore défini de mot de passe (envoyez-lui plutôt une nouvelle invitation), ou le compte est désactivé.",
    es: "No se puede enviar un enlace para restablecer la contraseña: la persona aún no ha creado una contraseña (envíele una nueva invitación) o la cuenta está desactivada.",
  },

  // An administrator sends a password reset link
  "user.resetLink.title": {
    en: "Password",
    fr: "Mot de passe",
    es: "Contraseña",
  },
  "user.resetLink.lead": {
    en: "Nobody types a password for someone else. The person receives an e-mail, in their language, with a link to choose a new password; it works once, within 1 hour.",
    fr: "Personne ne saisit le mot de passe d'un autre. La personne reçoit un courriel, dans sa langue, avec un lien pour choisir un nouveau mot de passe ; il ne sert qu'une fois, dans l'heure.",
    es: "Nadie escribe la contraseña de otra persona. La persona recibe un correo, en su idioma, con un enlace para elegir una nueva contraseña; sirve una sola vez, durante 1 hora.",
  },
  "user.resetLink.send": {
    en: "Send a password reset link",
    fr: "Envoyer un lien de réinitialisation du mot de passe",
    es: "Enviar un enlace para restablecer la contraseña",
  },
  "user.resetLink.sent": {
    en: "A password reset link was sent to {email}.",
    fr: "Un lien de réinitialisation du mot de passe a été envoyé à {email}.",
    es: "Se envió un enlace para restablecer la contraseña a {email}.",
  },
  "user.resetLink.held": {
    en: "The password reset link for {email} is kept in the outbox: no mail server is configured. An administrator can copy its link from the outbox.",
    fr: "Le lien de réinitialisation pour {email} est gardé dans la boîte d'envoi : aucun serveur de messagerie n'est configuré. Un administrateur peut y copier son lien.",
    es: "El enlace para restablecer la contraseña de {email} se guarda en la bandeja de salida: no hay ningún servidor de correo configurado. Un administrador puede copiar el enlace desde allí.",
  },

  // Accepting an invitation
  "invitation.welcome": {
    en: "Welcome, {name}",
    fr: "Bienvenue, {name}",
    es: "Bienvenido/a, {name}",
  },
  "invitation.welcomeLead": {
    en: "Choose a password to finish setting up your account ({email}). You will then be signed in.",
    fr: "Choisissez un mot de passe pour terminer la création de votre compte ({email}). Vous serez ensuite connecté·e.",
    es: "Elija una contraseña para terminar de configurar su cuenta ({email}). Después habrá iniciado sesión.",
  },
  "invitation.submit": {
    en: "Set my password and sign in",
    fr: "Enregistrer mon mot de passe et me connecter",
    es: "Guardar mi contraseña e iniciar sesión",
  },
  "invitation.accepted": {
    en: "Welcome, {name}. Your password is set and you are signed in.",
    fr: "Bienvenue, {name}. Votre mot de passe est enregistré et vous êtes connecté·e.",
    es: "Bienvenido/a, {name}. Su contraseña está guardada y ha iniciado sesión.",
  },

  // A one-time link that no longer works
  "accountLink.invalidTitle": {
    en: "This link is no longer valid",
    fr: "Ce lien n'est plus valable",
    es: "Este enlace ya no es válido",
  },
  "accountLink.invalidLead": {
    en: "It has been used already, replaced by a newer one, revoked, or it has expired: an invitation lasts 7 days, a password reset link one hour.",
    fr: "Il a déjà servi, a été remplacé par un plus récent, a été révoqué ou a expiré : une invitation dure 7 jours, un lien de réinitialisation du mot de passe une heure.",
    es: "Ya se usó, fue sustituido por uno más reciente, fue revocado o caducó: una invitación dura 7 días y un enlace para restablecer la contraseña, una hora.",
  },
  "accountLink.invited": {
    en: "Invited and not signed in yet? Ask the secretariat to send you a new invitation.",
    fr: "Invité·e sans vous être encore connecté·e ? Demandez au secrétariat de vous envoyer une nouvelle invitation.",
    es: "¿Le invitaron y aún no ha iniciado sesión? Pida a la secretaría que le envíe una nueva invitación.",
  },
  "accountLink.hasAccount": {
    en: "Already have a password? Sign in, or ask for a new reset link.",
    fr: "Vous avez déjà un mot de passe ? Connectez-vous ou demandez un nouveau lien de réinitialisation.",
    es: "¿Ya tiene contraseña? Inicie sesión o pida un nuevo enlace para restablecerla.",
  },

  // Password reset
  "passwordReset.forgotLink": {
    en: "Forgot your password?",
    fr: "Mot de passe oublié ?",
    es: "¿Olvidó su contraseña?",
  },
  "passwordReset.forgotTitle": {
    en: "Reset your password",
    fr: "Réinitialiser votre mot de passe",
    es: "Restablecer su contraseña",
  },
  "passwordReset.forgotLead": {
    en: "Enter the e-mail address of your account. We will send you a link to choose a new password.",
    fr: "Saisissez l'adresse électronique de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.",
    es: "Escriba la dirección de correo de su cuenta. Le enviaremos un enlace para elegir una nueva contraseña.",
  },
  "passwordReset.send": {
    en: "Send me a link",
    fr: "M'envoyer un lien",
    es: "Enviarme un enlace",
  },
  "passwordReset.sentTitle": {
    en: "Check your mail",
    fr: "Consultez votre messagerie",
    es: "Revise su correo",
  },
  "passwordReset.sent": {
    en: "If an account exists for {email}, a link to choose a new password is on its way. It works once, for one hour.",
    fr: "Si un compte existe pour {email}, un lien pour choisir un nouveau mot de passe est en route. Il ne sert qu'une fois, pendant une heure.",
    es: "Si existe una cuenta para {email}, le llega un enlace para elegir una nueva contraseña. Sirve una sola vez, durante una hora.",
  },
  "passwordReset.sentHint": {
    en: "Nothing after a few minutes? Look in your spam folder, or ask the secretariat.",
    fr: "Rien après quelques minutes ? Regardez dans vos courriers indésirables ou demandez au secrétariat.",
    es: "¿Nada después de unos minutos? Mire en su carpeta de correo no deseado o consulte a la secretaría.",
  },
  "passwordReset.title": {
    en: "Choose a new password",
    fr: "Choisir un nouveau mot de passe",
    es: "Elegir una nueva contraseña",
  },
  "passwordReset.lead": {
    en: "For the account {email}. Once it is saved, you are signed in here and signed out everywhere else.",
    fr: "Pour le compte {email}. Une fois enregistré, vous êtes connecté·e ici et déconnecté·e partout ailleurs.",
    es: "Para la cuenta {email}. Una vez guardada, iniciará sesión aquí y se cerrarán sus demás sesiones.",
  },
  "passwordReset.submit": {
    en: "Save the password and sign in",
    fr: "Enregistrer le mot de passe et me connecter",
    es: "Guardar la contraseña e iniciar sesión",
  },
  "passwordReset.done": {
    en: "Your new password is saved and you are signed in.",
    fr: "Votre nouveau mot de passe est enregistré et vous êtes connecté·e.",
    es: "Su nueva contraseña está guardada y ha iniciado sesión.",
  },

  // The mails
  "accountMail.greeting": {
    en: "Hello {name},",
    fr: "Bonjour {name},",
    es: "Hola, {name}:",
  },
  "accountMail.secretariat": {
    en: "The secretariat",
    fr: "Le secrétariat",
    es: "La secretaría",
  },
  "invitationMail.subject": {
    en: "Your invitation to {site}",
    fr: "Votre invitation à {site}",
    es: "Su invitación a {site}",
  },
  "invitationMail.withOrganization": {
    en: "{inviter} invites you to join {site} as {role, select, admin {an administrator} editor {an editor} other {a contributor}} for {organization}.",
    fr: "{inviter} vous invite à rejoindre {site} en tant que {role, select, admin {administrateur ou administratrice} editor {rédacteur ou rédactrice} other {contributeur ou contributrice}} pour {organization}.",
    es: "{inviter} le invita a unirse a {site} como {role, select, admin {administrador/a} editor {editor/a} other {colaborador/a}} de {organization}.",
  },
  "invitationMail.withoutOrganization": {
    en: "{inviter} invites you to join {site} as {role, select, admin {an administrator} editor {an editor} other {a contributor}}.",
    fr: "{inviter} vous invite à rejoindre {site} en tant que {role, select, admin {administrateur ou administratrice} editor {rédacteur ou rédactrice} other {contributeur ou contributrice}}.",
    es: "{inviter} le invita a unirse a {site} como {role, select, admin {administrador/a} editor {editor/a} other {colaborador/a}}.",
  },
  "invitationMail.action": {
    en: "Set your password",
    fr: "Définir votre mot de passe",
    es: "Crear su contraseña",
  },
  "invitationMail.expires": {
    en: "This link works once and expires on {date} (in 7 days). If it has expired, ask the secretariat for a new invitation.",
    fr: "Ce lien ne sert qu'une fois et expire le {date} (dans 7 jours). S'il a expiré, demandez une nouvelle invitation au secrétariat.",
    es: "Este enlace sirve una sola vez y caduca el {date} (dentro de 7 días). Si ha caducado, pida una nueva invitación a la secretaría.",
  },
  "invitationMail.ignore": {
    en: "If you did not expect this invitation, you can ignore this message.",
    fr: "Si vous n'attendiez pas cette invitation, vous pouvez ignorer ce message.",
    es: "Si no esperaba esta invitación, puede ignorar este mensaje.",
  },
  "resetMail.subject": {
    en: "Choose a new password for {site}",
    fr: "Choisissez un nouveau mot de passe pour {site}",
    es: "Elija una nueva contraseña para {site}",
  },
  "resetMail.body": {
    en: "Someone, hopefully you, asked to reset the password of your account on {site}.",
    fr: "Quelqu'un, sans doute vous, a demandé à réinitialiser le mot de passe de votre compte sur {site}.",
    es: "Alguien, probablemente usted, pidió restablecer la contraseña de su cuenta en {site}.",
  },
  "resetMail.action": {
    en: "Choose a new password",
    fr: "Choisir un nouveau mot de passe",
    es: "Elegir una nueva contraseña",
  },
  "resetMail.expires": {
    en: "This link works once and expires in one hour ({time} UTC).",
    fr: "Ce lien ne sert qu'une fois et expire dans une heure ({time} UTC).",
    es: "Este enlace sirve una sola vez y caduca dentro de una hora ({time} UTC).",
  },
  "resetMail.ignore": {
    en: "If you did not ask for this, ignore this message: your password stays as it is.",
    fr: "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
    es: "Si no lo pidió, ignore este mensaje: su contraseña no cambia.",
  },

  // The preferred language
  "account.languageHint": {
    en: "This language follows you to every sign-in and into your e-mails. The language switch at the top of a page changes only this browser's pages.",
    fr: "Cette langue vous suit à chaque connexion et dans vos courriels. Le sélecteur de langue en haut des pages ne change que les pages de ce navigateur.",
    es: "Este idioma le acompaña en cada inicio de sesión y en sus correos. El selector de idioma en la parte superior de las páginas solo cambia las páginas de este navegador.",
  },
  "account.languageChoose": {
    en: "Language of your pages and e-mails",
    fr: "Langue de vos pages et courriels",
    es: "Idioma de sus páginas y correos",
  },
  "account.saveLanguage": {
    en: "Save language",
    fr: "Enregistrer la langue",
    es: "Guardar el idioma",
  },
  "account.languageSaved": {
    en: "Language saved: pages and e-mails now use it.",
    fr: "Langue enregistrée : les pages et les courriels l'utilisent désormais.",
    es: "Idioma guardado: las páginas y los correos lo usan a partir de ahora.",
  },

  // The audit log
  "audit.action.user.invite": {
    en: "Invited the person",
    fr: "A invité la personne",
    es: "Invitó a la persona",
  },
  "audit.action.user.invitation.resend": {
    en: "Sent a new invitation",
    fr: "A envoyé une nouvelle invitation",
    es: "Envió una nueva invitación",
  },
  "audit.action.user.invitation.revoke": {
    en: "Revoked the invitation",
    fr: "A révoqué l'invitation",
    es: "Revocó la invitación",
  },
  "audit.action.user.invitation.accept": {
    en: "Accepted the invitation",
    fr: "A accepté l'invitation",
    es: "Aceptó la invitación",
  },
  "audit.action.user.reset.send": {
    en: "Sent a password reset link",
    fr: "A envoyé un lien de réinitialisation du mot de passe",
    es: "Envió un enlace para restablecer la contraseña",
  },
  "audit.action.password.reset.request": {
    en: "Asked for a password reset link",
    fr: "A demandé un lien de réinitialisation du mot de passe",
    es: "Pidió un enlace para restablecer la contraseña",
  },
  "audit.action.password.reset": {
    en: "Reset the password",
    fr: "A réinitialisé le mot de passe",
    es: "Restableció la contraseña",
  },
  "audit.action.user.language": {
    en: "Changed the preferred language",
    fr: "A changé de langue préférée",
    es: "Cambió el idioma preferido",
  },
} as const satisfies Messages;
