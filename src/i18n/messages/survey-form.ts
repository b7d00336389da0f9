import type { Messages } from "#src/i18n/message.ts";

// The answer form's guidance: question labels in the error summary, progress, draft saving.

export const surveyForm = {
  "surveyForm.questionLabel": {
    en: "Question {number} – {title}",
    fr: "Question {number} – {title}",
    es: "Pregunta {number} – {title}",
  },
  "surveyForm.needAnswer": {
    en: "{count, plural, one {# question needs an answer.} other {# questions need an answer.}}",
    fr: "{count, plural, one {# question attend une réponse.} other {# questions attendent une réponse.}}",
    es: "{count, plural, one {# pregunta necesita una respuesta.} other {# preguntas necesitan una respuesta.}}",
  },
  "surveyForm.needAttention": {
    en: "{count, plural, one {# question needs your attention.} other {# questions need your attention.}}",
    fr: "{count, plural, one {# question demande votre attention.} other {# questions demandent votre attention.}}",
    es: "{count, plural, one {# pregunta requiere su atención.} other {# preguntas requieren su atención.}}",
  },
  "surveyForm.progress": {
    en: "{answered} of {total} answered",
    fr: "Réponses données : {answered} sur {total}",
    es: "Preguntas respondidas: {answered} de {total}",
  },
  "surveyForm.savedAt": {
    en: "Draft saved at {time}.",
    fr: "Brouillon enregistré à {time}.",
    es: "Borrador guardado a las {time}.",
  },
  "surveyForm.savedOn": {
    en: "Draft saved on {date}.",
    fr: "Brouillon enregistré le {date}.",
    es: "Borrador guardado el {date}.",
  },
  "surveyForm.partlySaved": {
    en: "Draft saved at {time}. Not saved, to correct: {questions}.",
    fr: "Brouillon enregistré à {time}. Non enregistré, à corriger : {questions}.",
    es: "Borrador guardado a las {time}. No guardado, por corregir: {questions}.",
  },
  "surveyForm.saving": {
    en: "Saving…",
    fr: "Enregistrement…",
    es: "Guardando…",
  },
  "surveyForm.notSaved": {
    en: "Your latest answers could not be saved: {reason}",
    fr: "Vos dernières réponses n'ont pas pu être enregistrées : {reason}",
    es: "No se pudieron guardar sus últimas respuestas: {reason}",
  },
  "surveyForm.offline": {
    en: "the connection failed. They are still on this page; they will be saved at the next change, or with “Save and continue later”.",
    fr: "la connexion a échoué. Elles sont toujours sur cette page ; elles seront enregistrées à la prochaine modification, ou avec « Enregistrer et continuer plus tard ».",
    es: "falló la conexión. Siguen en esta página; se guardarán con el próximo cambio, o con «Guardar y seguir más tarde».",
  },
  "surveyForm.next": {
    en: "Save and go on to “{section}”",
    fr: "Enregistrer et passer à « {section} »",
    es: "Guardar y pasar a «{section}»",
  },
} as const satisfies Messages;
