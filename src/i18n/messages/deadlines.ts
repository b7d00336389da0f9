import type { Messages } from "#src/i18n/message.ts";

// Closing dates: when answers are due, as the survey editor sets them and members see them.

export const deadlines = {
  "deadline.closesOn": {
    en: "Closing date",
    fr: "Date de clôture",
    es: "Fecha de cierre",
  },
  "deadline.closesOnHint": {
    en: "Invited organizations that have not submitted are reminded {days, plural, one {# day} other {# days}} before. Leave blank for no closing date.",
    fr: "Les organisations invitées qui n'ont pas encore répondu reçoivent un rappel {days, plural, one {# jour} other {# jours}} avant. Laissez vide pour ne pas fixer de date.",
    es: "Las organizaciones invitadas que aún no han respondido reciben un recordatorio {days, plural, one {# día} other {# días}} antes. Déjelo en blanco para no fijar fecha.",
  },
  "deadline.answersDue": {
    en: "Answers are due by {date}.",
    fr: "Les réponses sont attendues au plus tard le {date}.",
    es: "Las respuestas deben enviarse a más tardar el {date}.",
  },
  "deadline.closesLine": {
    en: "closing date passed on {date}",
    fr: "date de clôture dépassée depuis le {date}",
    es: "fecha de cierre vencida el {date}",
  },
} as const satisfies Messages;
