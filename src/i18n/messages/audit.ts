import type { Messages } from "#src/i18n/message.ts";

// The audit log.

export const audit = {
  "audit.at": {
    en: "When",
    fr: "Quand",
    es: "Cuándo",
  },
  "audit.actor": {
    en: "Who",
    fr: "Qui",
    es: "Quién",
  },
  "audit.action": {
    en: "What",
    fr: "Quoi",
    es: "Qué",
  },
  "audit.entity": {
    en: "Record",
    fr: "Fiche",
    es: "Registro",
  },
  "audit.empty": {
    en: "Nothing has been recorded yet.",
    fr: "Rien n'a encore été enregistré.",
    es: "Todavía no se ha registrado nada.",
  },
  "audit.action.organization.create": {
    en: "Created the organization",
    fr: "A créé l'organisation",
    es: "Creó la organización",
  },
  "audit.action.organization.update": {
    en: "Edited the organization",
    fr: "A modifié l'organisation",
    es: "Editó la organización",
  },
  "audit.action.organization.deactivate": {
    en: "Deactivated the organization",
    fr: "A désactivé l'organisation",
    es: "Desactivó la organización",
  },
  "audit.action.organization.reactivate": {
    en: "Reactivated the organization",
    fr: "A réactivé l'organisation",
    es: "Reactivó la organización",
  },
  "audit.action.user.create": {
    en: "Created the user",
    fr: "A créé l'utilisateur",
    es: "Creó el usuario",
  },
  "audit.action.user.update": {
    en: "Edited the user",
    fr: "A modifié l'utilisateur",
    es: "Editó el usuario",
  },
  "audit.action.user.deactivate": {
    en: "Deactivated the user",
    fr: "A désactivé l'utilisateur",
    es: "Desactivó el usuario",
  },
  "audit.action.user.reactivate": {
    en: "Reactivated the user",
    fr: "A réactivé l'utilisateur",
    es: "Reactivó el usuario",
  },
  "audit.action.user.password": {
    en: "Changed their password",
    fr: "A changé son mot de passe",
    es: "Cambió su contraseña",
  },
  "audit.action.session.create": {
    en: "Signed in",
    fr: "S'est connecté·e",
    es: "Inició sesión",
  },
  "audit.action.session.delete": {
    en: "Signed out",
    fr: "S'est déconnecté·e",
    es: "Cerró sesión",
  },
  "audit.action.session.denied": {
    en: "Failed sign-in",
    fr: "Connexion refusée",
    es: "Inicio de sesión fallido",
  },
  "audit.action.demo.load": {
    en: "Loaded the demo content",
    fr: "A chargé le contenu de démonstration",
    es: "Cargó el contenido de demostración",
  },
  "audit.system": {
    en: "System",
    fr: "Système",
    es: "Sistema",
  },
} as const satisfies Messages;
