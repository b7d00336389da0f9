import type { Messages } from "#src/i18n/message.ts";

// The EPUB book: its download link and the words of its navigation document.

export const epub = {
  "export.epub": {
    en: "E-book (EPUB)",
    fr: "Livre numérique (EPUB)",
    es: "Libro electrónico (EPUB)",
  },
  "epub.landmarks": {
    en: "Guide",
    fr: "Repères",
    es: "Guía",
  },
  "epub.titlePage": {
    en: "Title page",
    fr: "Page de titre",
    es: "Portada",
  },
  "epub.start": {
    en: "Start of the text",
    fr: "Début du texte",
    es: "Comienzo del texto",
  },
} satisfies Messages;
