import type { Messages } from "#src/i18n/message.ts";

// The API reference page.

export const api = {
  "apiDocs.title": {
    en: "API reference",
    fr: "Référence de l’API",
    es: "Referencia de la API",
  },
  "apiDocs.tokens": {
    en: "Write operations need a personal token, created under",
    fr: "Les opérations d’écriture demandent un jeton personnel, créé sous",
    es: "Las operaciones de escritura requieren un token personal, creado en",
  },
  "apiDocs.scope": {
    en: "Token with the {scope} scope",
    fr: "Jeton de portée {scope}",
    es: "Token con el ámbito {scope}",
  },
  "apiDocs.scopeIncluded": {
    en: "Token with the {scope} scope, or {others}, which include it",
    fr: "Jeton de portée {scope}, ou {others}, qui la comprennent",
    es: "Token con el ámbito {scope}, o {others}, que lo incluyen",
  },
  "apiDocs.parameter": {
    en: "Parameter",
    fr: "Paramètre",
    es: "Parámetro",
  },
  "apiDocs.in": {
    en: "In",
    fr: "Dans",
    es: "En",
  },
  "apiDocs.type": {
    en: "Type",
    fr: "Type",
    es: "Tipo",
  },
  "apiDocs.description": {
    en: "Description",
    fr: "Description",
    es: "Descripción",
  },
  "apiDocs.responses": {
    en: "Responses",
    fr: "Réponses",
    es: "Respuestas",
  },
} as const satisfies Messages;
