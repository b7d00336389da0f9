import type { Messages } from "#src/i18n/message.ts";

// Signing in, the first administrator, accounts, organizations, users and personal API tokens.

export const members = {
  "signIn.title": {
    en: "Sign in",
    fr: "Connexion",
    es: "Iniciar sesión",
  },
  "signIn.lead": {
    en: "Sign in with your e-mail address and your password.",
    fr: "Connectez-vous avec votre adresse électronique et votre mot de passe.",
    es: "Inicie sesión con su dirección de correo y su contraseña.",
  },
  "signIn.email": {
    en: "E-mail address",
    fr: "Adresse électronique",
    es: "Correo electrónico",
  },
  "signIn.password": {
    en: "Password",
    fr: "Mot de passe",
    es: "Contraseña",
  },
  "signIn.submit": {
    en: "Sign in",
    fr: "Se connecter",
    es: "Iniciar sesión",
  },
  "signIn.already": {
    en: "You are already signed in as {name}.",
    fr: "Vous êtes déjà connecté·e en tant que {name}.",
    es: "Ya inició sesión como {name}.",
  },
  "signOut.done": {
    en: "You have been signed out.",
    fr: "Vous êtes déconnecté·e.",
    es: "Ha cerrado la sesión.",
  },
  "setup.title": {
    en: "First-run setup",
    fr: "Première configuration",
    es: "Configuración inicial",
  },
  "setup.lead": {
    en: "Create the administrator account. This page disappears as soon as an administrator exists.",
    fr: "Créez le compte administrateur. Cette page disparaît dès qu'un administrateur existe.",
    es: "Cree la cuenta de administrador. Esta página desaparece en cuanto existe un administrador.",
  },
  "setup.submit": {
    en: "Create administrator",
    fr: "Créer l'administrateur",
    es: "Crear administrador",
  },
  "account.title": {
    en: "My account",
    fr: "Mon compte",
    es: "Mi cuenta",
  },
  "account.details": {
    en: "Your details",
    fr: "Vos informations",
    es: "Sus datos",
  },
  "account.changePassword": {
    en: "Change password",
    fr: "Changer de mot de passe",
    es: "Cambiar la contraseña",
  },
  "account.currentPassword": {
    en: "Current password",
    fr: "Mot de passe actuel",
    es: "Contraseña actual",
  },
  "account.newPassword": {
    en: "New password",
    fr: "Nouveau mot de passe",
    es: "Nueva contraseña",
  },
  "account.passwordChanged": {
    en: "Your password has been changed. Your other sessions were signed out.",
    fr: "Votre mot de passe a été changé. Vos autres sessions ont été fermées.",
    es: "Su contraseña ha cambiado. Se cerraron sus demás sesiones.",
  },
  "account.submitPassword": {
    en: "Change password",
    fr: "Changer le mot de passe",
    es: "Cambiar la contraseña",
  },
  "admin.title": {
    en: "Administration",
    fr: "Administration",
    es: "Administración",
  },
  "admin.lead": {
    en: "Members, accounts and the record of every change.",
    fr: "Membres, comptes et trace de chaque modification.",
    es: "Miembros, cuentas y el registro de cada cambio.",
  },
  "admin.organizations": {
    en: "Organizations",
    fr: "Organisations",
    es: "Organizaciones",
  },
  "admin.users": {
    en: "Users",
    fr: "Utilisateurs",
    es: "Usuarios",
  },
  "admin.audit": {
    en: "Audit log",
    fr: "Journal d'audit",
    es: "Registro de auditoría",
  },
  "admin.recent": {
    en: "Recent changes",
    fr: "Modifications récentes",
    es: "Cambios recientes",
  },
  "org.new": {
    en: "New organization",
    fr: "Nouvelle organisation",
    es: "Nueva organización",
  },
  "org.edit": {
    en: "Edit organization",
    fr: "Modifier l'organisation",
    es: "Editar la organización",
  },
  "org.name": {
    en: "Name",
    fr: "Nom",
    es: "Nombre",
  },
  "org.shortName": {
    en: "Short name or acronym",
    fr: "Nom court ou sigle",
    es: "Nombre corto o sigla",
  },
  "org.kind": {
    en: "Kind",
    fr: "Type",
    es: "Tipo",
  },
  "org.country": {
    en: "Country or customs territory",
    fr: "Pays ou territoire douanier",
    es: "País o territorio aduanero",
  },
  "org.region": {
    en: "Region",
    fr: "Région",
    es: "Región",
  },
  "org.memberSince": {
    en: "Member since",
    fr: "Membre depuis",
    es: "Miembro desde",
  },
  "org.memberUntil": {
    en: "Member until",
    fr: "Membre jusqu'au",
    es: "Miembro hasta",
  },
  "org.status": {
    en: "Status",
    fr: "Statut",
    es: "Estado",
  },
  "org.users": {
    en: "Users",
    fr: "Utilisateurs",
    es: "Usuarios",
  },
  "org.none": {
    en: "None",
    fr: "Aucun",
    es: "Ninguno",
  },
  "org.noneFound": {
    en: "No organization matches.",
    fr: "Aucune organisation ne correspond.",
    es: "Ninguna organización coincide.",
  },
  "org.created": {
    en: "Organization “{name}” created.",
    fr: "Organisation « {name} » créée.",
    es: "Organización «{name}» creada.",
  },
  "org.saved": {
    en: "Organization “{name}” saved.",
    fr: "Organisation « {name} » enregistrée.",
    es: "Organización «{name}» guardada.",
  },
  "org.deactivated": {
    en: "Organization “{name}” deactivated.",
    fr: "Organisation « {name} » désactivée.",
    es: "Organización «{name}» desactivada.",
  },
  "org.reactivated": {
    en: "Organization “{name}” reactivated.",
    fr: "Organisation « {name} » réactivée.",
    es: "Organización «{name}» reactivada.",
  },
  "org.kind.customs_administration": {
    en: "Customs administration",
    fr: "Administration des douanes",
    es: "Administración de aduanas",
  },
  "org.kind.private_sector": {
    en: "Private sector",
    fr: "Secteur privé",
    es: "Sector privado",
  },
  "org.kind.international_organization": {
    en: "International organization",
    fr: "Organisation internationale",
    es: "Organización internacional",
  },
  "org.kind.academia": {
    en: "Academia",
    fr: "Milieu universitaire",
    es: "Academia",
  },
  "org.kind.secretariat": {
    en: "Secretariat",
    fr: "Secrétariat",
    es: "Secretaría",
  },
  "org.hint.country": {
    en: "Members are administrations of countries and of customs territories.",
    fr: "Les membres sont les administrations de pays et de territoires douaniers.",
    es: "Los miembros son administraciones de países y de territorios aduaneros.",
  },
  "org.hint.membership": {
    en: "Leave “member until” empty while the membership lasts.",
    fr: "Laissez « membre jusqu'au » vide tant que l'adhésion dure.",
    es: "Deje «miembro hasta» vacío mientras dure la membresía.",
  },
  "user.new": {
    en: "New user",
    fr: "Nouvel utilisateur",
    es: "Nuevo usuario",
  },
  "user.name": {
    en: "Full name",
    fr: "Nom complet",
    es: "Nombre completo",
  },
  "user.email": {
    en: "E-mail address",
    fr: "Adresse électronique",
    es: "Correo electrónico",
  },
  "user.organization": {
    en: "Organization",
    fr: "Organisation",
    es: "Organización",
  },
  "user.role": {
    en: "Role",
    fr: "Rôle",
    es: "Función",
  },
  "user.language": {
    en: "Preferred language",
    fr: "Langue préférée",
    es: "Idioma preferido",
  },
  "user.password": {
    en: "Password",
    fr: "Mot de passe",
    es: "Contraseña",
  },
  "user.passwordConfirm": {
    en: "Repeat the password",
    fr: "Répétez le mot de passe",
    es: "Repita la contraseña",
  },
  "user.lastSignIn": {
    en: "Last sign-in",
    fr: "Dernière connexion",
    es: "Último inicio de sesión",
  },
  "user.never": {
    en: "Never",
    fr: "Jamais",
    es: "Nunca",
  },
  "user.noneFound": {
    en: "No user matches.",
    fr: "Aucun utilisateur ne correspond.",
    es: "Ningún usuario coincide.",
  },
  "user.created": {
    en: "User “{name}” created.",
    fr: "Utilisateur « {name} » créé.",
    es: "Usuario «{name}» creado.",
  },
  "user.saved": {
    en: "User “{name}” saved.",
    fr: "Utilisateur « {name} » enregistré.",
    es: "Usuario «{name}» guardado.",
  },
  "user.deactivated": {
    en: "User “{name}” deactivated and signed out everywhere.",
    fr: "Utilisateur « {name} » désactivé et déconnecté partout.",
    es: "Usuario «{name}» desactivado y desconectado en todas partes.",
  },
  "user.reactivated": {
    en: "User “{name}” reactivated.",
    fr: "Utilisateur « {name} » réactivé.",
    es: "Usuario «{name}» reactivado.",
  },
  "user.role.contributor": {
    en: "Contributor",
    fr: "Contributeur",
    es: "Colaborador",
  },
  "user.role.editor": {
    en: "Editor",
    fr: "Éditeur",
    es: "Editor",
  },
  "user.role.admin": {
    en: "Administrator",
    fr: "Administrateur",
    es: "Administrador",
  },
  "user.role.hint": {
    en: "Contributors submit evidence and comment for their organization; editors run the report; administrators also manage members and accounts.",
    fr: "Les contributeurs soumettent des contributions et commentent pour leur organisation ; les éditeurs font vivre le rapport ; les administrateurs gèrent aussi les membres et les comptes.",
    es: "Los colaboradores envían contribuciones y comentan por su organización; los editores llevan el informe; los administradores también gestionan miembros y cuentas.",
  },
  "token.title": {
    en: "API tokens",
    fr: "Jetons d’API",
    es: "Tokens de API",
  },
  "token.lead": {
    en: "A personal token lets a program read and write through the API as you. Treat it like a password: anyone who has it acts with your rights until you revoke it.",
    fr: "Un jeton personnel permet à un programme de lire et d’écrire par l’API en votre nom. Gardez-le comme un mot de passe : quiconque le détient agit avec vos droits jusqu’à ce que vous le révoquiez.",
    es: "Un token personal permite que un programa lea y escriba mediante la API en su nombre. Guárdelo como una contraseña: quien lo tenga actúa con sus derechos hasta que usted lo revoque.",
  },
  "token.created": {
    en: "Your new token is below. Copy it now: it will not be shown again.",
    fr: "Voici votre nouveau jeton. Copiez-le maintenant : il ne sera plus affiché.",
    es: "Este es su nuevo token. Cópielo ahora: no se volverá a mostrar.",
  },
  "token.name": {
    en: "Token name",
    fr: "Nom du jeton",
    es: "Nombre del token",
  },
  "token.nameHint": {
    en: "What the token is for, e.g. “survey import script”.",
    fr: "À quoi sert le jeton, par exemple « script d’import de l’enquête ».",
    es: "Para qué sirve el token, por ejemplo «script de importación de la encuesta».",
  },
  "token.createdAt": {
    en: "Created",
    fr: "Créé le",
    es: "Creado",
  },
  "token.lastUsed": {
    en: "Last used",
    fr: "Dernière utilisation",
    es: "Último uso",
  },
  "token.state": {
    en: "State",
    fr: "État",
    es: "Estado",
  },
  "token.revoked": {
    en: "Revoked",
    fr: "Révoqué",
    es: "Revocado",
  },
  "token.revoke": {
    en: "Revoke",
    fr: "Révoquer",
    es: "Revocar",
  },
  "token.revokeNamed": {
    en: "Revoke the token “{name}”",
    fr: "Révoquer le jeton « {name} »",
    es: "Revocar el token «{name}»",
  },
  "token.create": {
    en: "Create a token",
    fr: "Créer un jeton",
    es: "Crear un token",
  },
  "token.docs": {
    en: "API reference",
    fr: "Référence de l’API",
    es: "Referencia de la API",
  },
  "token.revokedFlash": {
    en: "The token is revoked; programs using it are now refused.",
    fr: "Le jeton est révoqué ; les programmes qui l’utilisent sont désormais refusés.",
    es: "El token está revocado; los programas que lo usan ahora son rechazados.",
  },
  "token.scopes": {
    en: "Scopes",
    fr: "Portées",
    es: "Ámbitos",
  },
  "token.scopesHint": {
    en: "What programs holding the token may do. Only what your role allows is offered; give a token no more than its script needs.",
    fr: "Ce que peuvent faire les programmes qui détiennent le jeton. Seul ce que permet votre rôle est proposé ; ne donnez à un jeton que ce dont son script a besoin.",
    es: "Lo que pueden hacer los programas que tengan el token. Solo se ofrece lo que su rol permite; no dé a un token más de lo que su script necesita.",
  },
  "token.scope.read": {
    en: "Read",
    fr: "Lecture",
    es: "Lectura",
  },
  "token.scope.comment": {
    en: "Comment in review rounds",
    fr: "Commentaires dans les cycles de relecture",
    es: "Comentarios en las rondas de revisión",
  },
  "token.scope.edit": {
    en: "Edit the living draft and editions",
    fr: "Modification du projet vivant et des éditions",
    es: "Edición del borrador vivo y de las ediciones",
  },
  "token.scope.publish": {
    en: "Publish and withdraw editions",
    fr: "Publication et retrait des éditions",
    es: "Publicación y retirada de ediciones",
  },
  "field.tokenScopeBeyondRole": {
    en: "Your role does not allow one of these scopes: a token cannot do more than you.",
    fr: "Votre rôle ne permet pas l’une de ces portées : un jeton ne peut pas faire plus que vous.",
    es: "Su rol no permite uno de estos ámbitos: un token no puede hacer más que usted.",
  },
} as const satisfies Messages;
