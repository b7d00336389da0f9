import type { Messages } from "#src/i18n/message.ts";

// The page shell on every screen: the header's search box, the phone menu, the library's filters.

export const shell = {
  "shell.menu": {
    en: "Menu",
    fr: "Menu",
    es: "Menú",
  },
  "shell.searchLabel": {
    en: "Search the site",
    fr: "Rechercher sur le site",
    es: "Buscar en el sitio",
  },
  "shell.searchPlaceholder": {
    en: "Search…",
    fr: "Rechercher…",
    es: "Buscar…",
  },
  "shell.searchButton": {
    en: "Search",
    fr: "Rechercher",
    es: "Buscar",
  },
  "shell.filter": {
    en: "Filter{count, plural, =0 {} one { (# active)} other { (# active)}}",
    fr: "Filtrer{count, plural, =0 {} one { (# actif)} other { (# actifs)}}",
    es: "Filtrar{count, plural, =0 {} one { (# activo)} other { (# activos)}}",
  },
  "shell.sortApply": {
    en: "Sort",
    fr: "Trier",
    es: "Ordenar",
  },
} as const satisfies Messages;
