import type { Messages } from "#src/i18n/message.ts";

// The shell every page shares: name, navigation, footer, common words, language names, differences.

export const site = {
  "app.name": {
    en: "Living Report",
    fr: "Living Report",
    es: "Living Report",
  },
  "nav.skip": {
    en: "Skip to main content",
    fr: "Aller au contenu principal",
    es: "Ir al contenido principal",
  },
  "nav.main": {
    en: "Main",
    fr: "Navigation principale",
    es: "Navegación principal",
  },
  "nav.home": {
    en: "Home",
    fr: "Accueil",
    es: "Inicio",
  },
  "nav.admin": {
    en: "Administration",
    fr: "Administration",
    es: "Administración",
  },
  "nav.account": {
    en: "My account",
    fr: "Mon compte",
    es: "Mi cuenta",
  },
  "nav.signIn": {
    en: "Sign in",
    fr: "Se connecter",
    es: "Iniciar sesión",
  },
  "nav.signOut": {
    en: "Sign out",
    fr: "Se déconnecter",
    es: "Cerrar sesión",
  },
  "nav.language": {
    en: "Language",
    fr: "Langue",
    es: "Idioma",
  },
  "nav.signedInAs": {
    en: "Signed in as {name}",
    fr: "Connecté·e en tant que {name}",
    es: "Sesión iniciada como {name}",
  },
  "footer.text": {
    en: "Living Report keeps a structured, multilingual report and publishes it as dated editions.",
    fr: "Living Report tient un rapport structuré et multilingue et le publie en éditions datées.",
    es: "Living Report mantiene un informe estructurado y multilingüe y lo publica en ediciones fechadas.",
  },
  "common.save": {
    en: "Save",
    fr: "Enregistrer",
    es: "Guardar",
  },
  "common.create": {
    en: "Create",
    fr: "Créer",
    es: "Crear",
  },
  "common.cancel": {
    en: "Cancel",
    fr: "Annuler",
    es: "Cancelar",
  },
  "common.deactivate": {
    en: "Deactivate",
    fr: "Désactiver",
    es: "Desactivar",
  },
  "common.reactivate": {
    en: "Reactivate",
    fr: "Réactiver",
    es: "Reactivar",
  },
  "common.active": {
    en: "Active",
    fr: "Actif",
    es: "Activo",
  },
  "common.inactive": {
    en: "Deactivated",
    fr: "Désactivé",
    es: "Desactivado",
  },
  "common.search": {
    en: "Search",
    fr: "Rechercher",
    es: "Buscar",
  },
  "common.filter": {
    en: "Filter",
    fr: "Filtrer",
    es: "Filtrar",
  },
  "common.all": {
    en: "All",
    fr: "Tous",
    es: "Todos",
  },
  "common.optional": {
    en: "optional",
    fr: "facultatif",
    es: "opcional",
  },
  "common.showing": {
    en: "Showing {count, number}",
    fr: "{count, plural, one {# résultat} other {# résultats}}",
    es: "{count, plural, one {# resultado} other {# resultados}}",
  },
  "common.formHasErrors": {
    en: "{count, plural, one {Please correct the field marked below.} other {Please correct the # fields marked below.}}",
    fr: "{count, plural, one {Veuillez corriger le champ signalé ci-dessous.} other {Veuillez corriger les # champs signalés ci-dessous.}}",
    es: "{count, plural, one {Corrija el campo señalado abajo.} other {Corrija los # campos señalados abajo.}}",
  },
  "common.next": {
    en: "Next",
    fr: "Suivant",
    es: "Siguiente",
  },
  "nav.editor": {
    en: "Editing",
    fr: "Rédaction",
    es: "Redacción",
  },
  "nav.draft": {
    en: "Living draft",
    fr: "Projet vivant",
    es: "Borrador vivo",
  },
  "diff.title": {
    en: "Changes from revision {from} to revision {to}",
    fr: "Modifications de la révision {from} à la révision {to}",
    es: "Cambios de la revisión {from} a la revisión {to}",
  },
  "diff.inline": {
    en: "Inline",
    fr: "En ligne",
    es: "En línea",
  },
  "diff.sideBySide": {
    en: "Side by side",
    fr: "Côte à côte",
    es: "Lado a lado",
  },
  "diff.none": {
    en: "No differences.",
    fr: "Aucune différence.",
    es: "Sin diferencias.",
  },
  "diff.added": {
    en: "added",
    fr: "ajouté",
    es: "añadido",
  },
  "diff.removed": {
    en: "removed",
    fr: "supprimé",
    es: "eliminado",
  },
  "nav.reports": {
    en: "Reports",
    fr: "Rapports",
    es: "Informes",
  },
  "language.en": {
    en: "English",
    fr: "anglais",
    es: "inglés",
  },
  "language.fr": {
    en: "French",
    fr: "français",
    es: "francés",
  },
  "language.es": {
    en: "Spanish",
    fr: "espagnol",
    es: "español",
  },
  "nav.caseStudies": {
    en: "Case studies",
    fr: "Études de cas",
    es: "Estudios de caso",
  },
  "nav.member": {
    en: "My work",
    fr: "Mon travail",
    es: "Mi trabajo",
  },
  "nav.unread": {
    en: "{count, number} unread",
    fr: "{count, plural, one {# non lu} other {# non lus}}",
    es: "{count, number} sin leer",
  },
  "common.moveUp": {
    en: "Move up",
    fr: "Monter",
    es: "Subir",
  },
  "common.moveDown": {
    en: "Move down",
    fr: "Descendre",
    es: "Bajar",
  },
  "common.system": {
    en: "System",
    fr: "Système",
    es: "Sistema",
  },
  "common.saved": {
    en: "Saved.",
    fr: "Enregistré.",
    es: "Guardado.",
  },
} as const satisfies Messages;
