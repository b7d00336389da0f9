import type { Messages } from "#src/i18n/message.ts";

// Charts as readers meet them on pages and in print: the words that describe a figure drawn
// without a text alternative of its own, and the data behind every figure (its table and its CSV).

export const charts = {
  "chart.alt": {
    en: "{chart}: {title}. It shows {items}. Drawn from {n, plural, one {# organization} other {# organizations}}; the numbers are in the table of the data, under the figure.",
    fr: "{chart} : {title}. Elle montre {items}. D'après {n, plural, one {# organisation} other {# organisations}} ; les chiffres sont dans le tableau des données, sous la figure.",
    es: "{chart}: {title}. Muestra {items}. A partir de {n, plural, one {# organización} other {# organizaciones}}; las cifras están en la tabla de datos, debajo de la figura.",
  },
  "chart.altMore": {
    en: "{items} and {n, plural, one {# other} other {# others}}",
    fr: "{items} et {n, plural, one {# autre} other {# autres}}",
    es: "{items} y {n, plural, one {# más} other {# más}}",
  },
  "chart.showData": {
    en: "Show the data",
    fr: "Afficher les données",
    es: "Mostrar los datos",
  },
  "chart.dataCaption": {
    en: "The data of “{title}” ({n, plural, one {# organization} other {# organizations}})",
    fr: "Les données de « {title} » ({n, plural, one {# organisation} other {# organisations}})",
    es: "Los datos de «{title}» ({n, plural, one {# organización} other {# organizaciones}})",
  },
  "chart.percent": {
    en: "{value, number, percent}",
    fr: "{value, number, percent}",
    es: "{value, number, percent}",
  },
  "chart.download": {
    en: "Download the data (CSV)",
    fr: "Télécharger les données (CSV)",
    es: "Descargar los datos (CSV)",
  },
  "chart.appendix": {
    en: "Data behind the figures",
    fr: "Données des figures",
    es: "Datos de las figuras",
  },
  "chart.appendixLead": {
    en: "The numbers each figure was drawn from.",
    fr: "Les chiffres d'après lesquels chaque figure a été dessinée.",
    es: "Las cifras con las que se dibujó cada figura.",
  },
} as const satisfies Messages;
