import type { Messages } from "#src/i18n/message.ts";

// A save that came too late: their text and the writer's, merged, and the passages both changed
// shown side by side with a choice for each.

export const conflicts = {
  "conflict.title": {
    en: "Someone saved this section while you were editing",
    fr: "Quelqu'un a enregistré cette section pendant que vous la modifiiez",
    es: "Alguien guardó esta sección mientras usted la editaba",
  },
  "conflict.combined": {
    en: "{name} saved while you were writing (revision {id}). Their changes and yours were combined below: check the text, then save it. Nothing has been saved yet.",
    fr: "{name} a enregistré pendant que vous écriviez (révision {id}). Ses modifications et les vôtres ont été réunies ci-dessous : vérifiez le texte, puis enregistrez-le. Rien n'a encore été enregistré.",
    es: "{name} guardó mientras usted escribía (revisión {id}). Sus cambios y los suyos se combinaron abajo: revise el texto y guárdelo. Todavía no se ha guardado nada.",
  },
  "conflict.merge": {
    en: "Proposed merge",
    fr: "Fusion proposée",
    es: "Fusión propuesta",
  },
  "conflict.lead": {
    en: "Your text has not been saved yet, and nothing is lost. {count, plural, one {One passage was} other {# passages were}} changed both by you and by {name}: for each, choose what to keep, then save.",
    fr: "Votre texte n'a pas encore été enregistré, et rien n'est perdu. {count, plural, one {Un passage a été modifié} other {# passages ont été modifiés}} à la fois par vous et par {name} : pour chacun, choisissez ce qu'il faut garder, puis enregistrez.",
    es: "Su texto aún no se ha guardado y no se pierde nada. {count, plural, one {Un pasaje fue modificado} other {# pasajes fueron modificados}} a la vez por usted y por {name}: elija qué conservar en cada uno y guarde.",
  },
  "conflict.autoMerged": {
    en: "{count, plural, one {One other change was} other {# other changes were}} merged automatically",
    fr: "{count, plural, one {Une autre modification a été fusionnée} other {# autres modifications ont été fusionnées}} automatiquement",
    es: "{count, plural, one {Otro cambio se fusionó} other {Otros # cambios se fusionaron}} automáticamente",
  },
  "conflict.from.theirs": {
    en: "From their version",
    fr: "De leur version",
    es: "De la otra versión",
  },
  "conflict.from.yours": {
    en: "From your version",
    fr: "De votre version",
    es: "De su versión",
  },
  "conflict.from.both": {
    en: "The same change in both versions",
    fr: "La même modification dans les deux versions",
    es: "El mismo cambio en ambas versiones",
  },
  "conflict.from.combined": {
    en: "Both versions' changes, combined",
    fr: "Les modifications des deux versions, réunies",
    es: "Los cambios de ambas versiones, combinados",
  },
  "conflict.removed": {
    en: "Removed:",
    fr: "Supprimé :",
    es: "Eliminado:",
  },
  "conflict.headingChanged": {
    en: "Heading:",
    fr: "Titre :",
    es: "Título:",
  },
  "conflict.passage": {
    en: "Passage {n} of {count}",
    fr: "Passage {n} sur {count}",
    es: "Pasaje {n} de {count}",
  },
  "conflict.headingPassage": {
    en: "The section's heading",
    fr: "Le titre de la section",
    es: "El título de la sección",
  },
  "conflict.theirVersion": {
    en: "Their version",
    fr: "Leur version",
    es: "La otra versión",
  },
  "conflict.theirs": {
    en: "Saved by {name}, revision {id},",
    fr: "Enregistrée par {name}, révision {id},",
    es: "Guardada por {name}, revisión {id},",
  },
  "conflict.yours": {
    en: "Your version",
    fr: "Votre version",
    es: "Su versión",
  },
  "conflict.yoursNote": {
    en: "Not saved yet",
    fr: "Pas encore enregistrée",
    es: "Aún no guardada",
  },
  "conflict.empty": {
    en: "Removed in this version.",
    fr: "Supprimé dans cette version.",
    es: "Eliminado en esta versión.",
  },
  "conflict.markdown": {
    en: "Markdown",
    fr: "Markdown",
    es: "Markdown",
  },
  "conflict.choose": {
    en: "What to keep",
    fr: "Ce qu'il faut garder",
    es: "Qué conservar",
  },
  "conflict.keepMine": {
    en: "Keep mine",
    fr: "Garder la mienne",
    es: "Conservar la mía",
  },
  "conflict.keepTheirs": {
    en: "Keep theirs",
    fr: "Garder la leur",
    es: "Conservar la otra",
  },
  "conflict.keepBoth": {
    en: "Keep both: theirs first, then mine",
    fr: "Garder les deux : la leur d'abord, puis la mienne",
    es: "Conservar ambas: primero la otra, luego la mía",
  },
  "conflict.edit": {
    en: "Edit: write this passage myself",
    fr: "Modifier : rédiger ce passage moi-même",
    es: "Editar: redactar este pasaje yo mismo",
  },
  "conflict.editLabel": {
    en: "Your text for passage {n}",
    fr: "Votre texte pour le passage {n}",
    es: "Su texto para el pasaje {n}",
  },
  "conflict.editHeadingLabel": {
    en: "Your heading",
    fr: "Votre titre",
    es: "Su título",
  },
  "conflict.editHint": {
    en: "Used only when “Edit” is chosen. It starts with both versions, theirs first.",
    fr: "Utilisé seulement si « Modifier » est choisi. Il contient d'abord les deux versions, la leur en premier.",
    es: "Solo se usa si se elige «Editar». Empieza con ambas versiones, primero la otra.",
  },
  "conflict.editHeadingHint": {
    en: "Used only when “Edit” is chosen.",
    fr: "Utilisé seulement si « Modifier » est choisi.",
    es: "Solo se usa si se elige «Editar».",
  },
  "conflict.save": {
    en: "Save with these choices",
    fr: "Enregistrer avec ces choix",
    es: "Guardar con estas elecciones",
  },
  "conflict.discard": {
    en: "Leave without saving and open their version",
    fr: "Quitter sans enregistrer et ouvrir leur version",
    es: "Salir sin guardar y abrir la otra versión",
  },
  "field.conflictChoice": {
    en: "Choose what to keep for this passage.",
    fr: "Choisissez ce qu'il faut garder pour ce passage.",
    es: "Elija qué conservar en este pasaje.",
  },
  "field.conflictEdit": {
    en: "Write the text to keep, or choose another option.",
    fr: "Rédigez le texte à garder, ou choisissez une autre option.",
    es: "Escriba el texto que desea conservar o elija otra opción.",
  },
} as const satisfies Messages;
