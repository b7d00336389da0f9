import type { Messages } from "#src/i18n/message.ts";

// Editions: freezing, publishing, citing (comparing: compare.ts).

export const editions = {
  "edition.list": {
    en: "Editions",
    fr: "Éditions",
    es: "Ediciones",
  },
  "edition.current": {
    en: "Current edition",
    fr: "Édition en vigueur",
    es: "Edición vigente",
  },
  "edition.publishedOn": {
    en: "Published {date}",
    fr: "Publiée le {date}",
    es: "Publicada el {date}",
  },
  "edition.named": {
    en: "{label} edition",
    fr: "Édition {label}",
    es: "Edición {label}",
  },
  "edition.dateOn": {
    en: "Edition date {date}",
    fr: "Date de l'édition : {date}",
    es: "Fecha de la edición: {date}",
  },
  "edition.withdrawnOn": {
    en: "Withdrawn {date}",
    fr: "Retirée le {date}",
    es: "Retirada el {date}",
  },
  "edition.withdrawnNotice": {
    en: "This edition was withdrawn on {date}. Reason: {reason} It stays readable for reference.",
    fr: "Cette édition a été retirée le {date}. Motif : {reason} Elle reste consultable pour référence.",
    es: "Esta edición se retiró el {date}. Motivo: {reason} Sigue disponible como referencia.",
  },
  "edition.unpublishedNotice": {
    en: "This edition is not published ({status}). Only signed-in members can see it.",
    fr: "Cette édition n'est pas publiée ({status}). Seuls les membres connectés peuvent la voir.",
    es: "Esta edición no está publicada ({status}). Solo la ven los miembros con sesión iniciada.",
  },
  "edition.status.draft": {
    en: "Draft",
    fr: "Brouillon",
    es: "Borrador",
  },
  "edition.status.in_review": {
    en: "In review",
    fr: "En relecture",
    es: "En revisión",
  },
  "edition.status.published": {
    en: "Published",
    fr: "Publiée",
    es: "Publicada",
  },
  "edition.status.withdrawn": {
    en: "Withdrawn",
    fr: "Retirée",
    es: "Retirada",
  },
  "edition.label": {
    en: "Label",
    fr: "Libellé",
    es: "Etiqueta",
  },
  "edition.labelHint": {
    en: "Used in addresses, e.g. 2022. It never changes.",
    fr: "Utilisé dans les adresses, par ex. 2022. Il ne change jamais.",
    es: "Se usa en las direcciones, p. ej. 2022. No cambia nunca.",
  },
  "edition.titleField": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "edition.date": {
    en: "Edition date",
    fr: "Date de l'édition",
    es: "Fecha de la edición",
  },
  "edition.foreword": {
    en: "Foreword for this edition",
    fr: "Avant-propos de cette édition",
    es: "Prólogo de esta edición",
  },
  "edition.freeze": {
    en: "Freeze the living draft as a new edition",
    fr: "Figer le projet vivant en une nouvelle édition",
    es: "Congelar el borrador vivo como nueva edición",
  },
  "edition.frozen": {
    en: "Edition {label} frozen from the living draft.",
    fr: "Édition {label} figée à partir du projet vivant.",
    es: "Edición {label} congelada a partir del borrador vivo.",
  },
  "edition.refresh": {
    en: "Refresh from the living draft",
    fr: "Actualiser depuis le projet vivant",
    es: "Actualizar desde el borrador vivo",
  },
  "edition.refreshed": {
    en: "Edition {label} refreshed from the living draft.",
    fr: "Édition {label} actualisée depuis le projet vivant.",
    es: "Edición {label} actualizada desde el borrador vivo.",
  },
  "edition.to.in_review": {
    en: "Send to review",
    fr: "Envoyer en relecture",
    es: "Enviar a revisión",
  },
  "edition.to.draft": {
    en: "Back to draft",
    fr: "Revenir au brouillon",
    es: "Volver a borrador",
  },
  "edition.to.published": {
    en: "Publish",
    fr: "Publier",
    es: "Publicar",
  },
  "edition.to.withdrawn": {
    en: "Withdraw",
    fr: "Retirer",
    es: "Retirar",
  },
  "edition.statusChanged": {
    en: "Edition {label} is now: {status}.",
    fr: "L'édition {label} est maintenant : {status}.",
    es: "La edición {label} ahora está: {status}.",
  },
  "edition.withdrawReason": {
    en: "Reason for withdrawal (shown to readers)",
    fr: "Motif du retrait (affiché aux lecteurs)",
    es: "Motivo de la retirada (se muestra a los lectores)",
  },
  "edition.hash": {
    en: "Content hash",
    fr: "Empreinte du contenu",
    es: "Huella del contenido",
  },
  "edition.read": {
    en: "Read",
    fr: "Lire",
    es: "Leer",
  },
  "edition.none": {
    en: "No edition yet.",
    fr: "Aucune édition pour l'instant.",
    es: "Todavía no hay ediciones.",
  },
  "edition.noPublished": {
    en: "No edition of this report has been published yet.",
    fr: "Aucune édition de ce rapport n'a encore été publiée.",
    es: "Todavía no se ha publicado ninguna edición de este informe.",
  },
  "edition.cite": {
    en: "Cite this section",
    fr: "Citer cette section",
    es: "Citar esta sección",
  },
  "edition.citeEdition": {
    en: "Cite this edition",
    fr: "Citer cette édition",
    es: "Citar esta edición",
  },
  "edition.citation": {
    en: "{report}, {edition} edition ({date}), section {number}, “{heading}”. {url}",
    fr: "{report}, édition {edition} ({date}), section {number}, « {heading} ». {url}",
    es: "{report}, edición {edition} ({date}), sección {number}, «{heading}». {url}",
  },
  "edition.citationEdition": {
    en: "{report}, {edition} edition ({date}). {url}",
    fr: "{report}, édition {edition} ({date}). {url}",
    es: "{report}, edición {edition} ({date}). {url}",
  },
  "edition.feed": {
    en: "Editions feed (Atom)",
    fr: "Flux des éditions (Atom)",
    es: "Canal de ediciones (Atom)",
  },
  "edition.immutable": {
    en: "A published edition never changes; it can only be withdrawn.",
    fr: "Une édition publiée ne change jamais ; elle peut seulement être retirée.",
    es: "Una edición publicada nunca cambia; solo puede retirarse.",
  },
  "edition.sectionCount": {
    en: "{count, plural, one {# section} other {# sections}}",
    fr: "{count, plural, one {# section} other {# sections}}",
    es: "{count, plural, one {# sección} other {# secciones}}",
  },
  "edition.publishedAt": {
    en: "Published",
    fr: "Publiée",
    es: "Publicada",
  },
  "edition.frozenAt": {
    en: "Frozen",
    fr: "Figée",
    es: "Congelada",
  },
  "edition.manage": {
    en: "Editions",
    fr: "Éditions",
    es: "Ediciones",
  },
  "edition.notTranslated": {
    en: "Not translated into {lang} in this edition; shown in {primary}.",
    fr: "Non traduit en {lang} dans cette édition ; affiché en {primary}.",
    es: "No traducido al {lang} en esta edición; se muestra en {primary}.",
  },
} as const satisfies Messages;
