import type { Messages } from "#src/i18n/message.ts";

// The header's menus: the secretariat's destinations and the signed-in person's account.

export const navigation = {
  "menu.secretariat": {
    en: "Secretariat",
    fr: "Secrétariat",
    es: "Secretaría",
  },
  "menu.account": {
    en: "Account",
    fr: "Compte",
    es: "Cuenta",
  },
  "menu.work": {
    en: "Across reports",
    fr: "Tous les rapports",
    es: "Todos los informes",
  },
  "menu.allReports": {
    en: "Reports being written",
    fr: "Rapports en rédaction",
    es: "Informes en redacción",
  },
  "menu.overview": {
    en: "Overview",
    fr: "Vue d'ensemble",
    es: "Resumen",
  },
} as const satisfies Messages;
