import type { Messages } from "#src/i18n/message.ts";

// Events, their outcomes and the recommendation register.

export const events = {
  "event.title": {
    en: "Events",
    fr: "Événements",
    es: "Eventos",
  },
  "event.none": {
    en: "No events recorded yet.",
    fr: "Aucun événement enregistré.",
    es: "Aún no hay eventos registrados.",
  },
  "event.new": {
    en: "Record an event",
    fr: "Enregistrer un événement",
    es: "Registrar un evento",
  },
  "event.create": {
    en: "Record the event",
    fr: "Enregistrer l'événement",
    es: "Registrar el evento",
  },
  "event.edit": {
    en: "Edit the event",
    fr: "Modifier l'événement",
    es: "Editar el evento",
  },
  "event.kind": {
    en: "Kind",
    fr: "Type",
    es: "Tipo",
  },
  "event.kind.committee_session": {
    en: "Committee session",
    fr: "Session du comité",
    es: "Sesión del comité",
  },
  "event.kind.workshop": {
    en: "Workshop",
    fr: "Atelier",
    es: "Taller",
  },
  "event.kind.conference": {
    en: "Conference",
    fr: "Conférence",
    es: "Conferencia",
  },
  "event.kind.regional_workshop": {
    en: "Regional workshop",
    fr: "Atelier régional",
    es: "Taller regional",
  },
  "event.kind.webinar": {
    en: "Webinar",
    fr: "Webinaire",
    es: "Seminario web",
  },
  "event.eventTitle": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "event.slug": {
    en: "Short name",
    fr: "Nom court",
    es: "Nombre corto",
  },
  "event.slugHint": {
    en: "Used in the event's address, e.g. pc-2019-rw-asia.",
    fr: "Utilisé dans l'adresse de l'événement, p. ex. pc-2019-rw-asia.",
    es: "Se usa en la dirección del evento, p. ej. pc-2019-rw-asia.",
  },
  "event.startsOn": {
    en: "Start date",
    fr: "Date de début",
    es: "Fecha de inicio",
  },
  "event.endsOn": {
    en: "End date",
    fr: "Date de fin",
    es: "Fecha de fin",
  },
  "event.place": {
    en: "Place",
    fr: "Lieu",
    es: "Lugar",
  },
  "event.online": {
    en: "Online",
    fr: "En ligne",
    es: "En línea",
  },
  "event.region": {
    en: "Region",
    fr: "Région",
    es: "Región",
  },
  "event.noRegion": {
    en: "Not regional",
    fr: "Pas régional",
    es: "No regional",
  },
  "event.organizers": {
    en: "Organizers",
    fr: "Organisateurs",
    es: "Organizadores",
  },
  "event.summary": {
    en: "Summary",
    fr: "Résumé",
    es: "Resumen",
  },
  "event.publicPage": {
    en: "Public page",
    fr: "Page publique",
    es: "Página pública",
  },
  "event.parts": {
    en: "Agenda items and break-out groups",
    fr: "Points de l'ordre du jour et groupes de travail",
    es: "Puntos del orden del día y grupos de trabajo",
  },
  "event.noParts": {
    en: "None yet.",
    fr: "Aucun pour l'instant.",
    es: "Ninguno por ahora.",
  },
  "event.part.agenda_item": {
    en: "Agenda item",
    fr: "Point de l'ordre du jour",
    es: "Punto del orden del día",
  },
  "event.part.breakout_group": {
    en: "Break-out group",
    fr: "Groupe de travail",
    es: "Grupo de trabajo",
  },
  "event.partKind": {
    en: "Kind of part",
    fr: "Type de partie",
    es: "Tipo de parte",
  },
  "event.partTitle": {
    en: "Name",
    fr: "Nom",
    es: "Nombre",
  },
  "event.addPart": {
    en: "Add",
    fr: "Ajouter",
    es: "Añadir",
  },
  "event.outcomes": {
    en: "Outcomes",
    fr: "Résultats",
    es: "Resultados",
  },
  "event.noOutcomes": {
    en: "No outcomes recorded.",
    fr: "Aucun résultat enregistré.",
    es: "No hay resultados registrados.",
  },
  "event.addOutcome": {
    en: "Record an outcome",
    fr: "Enregistrer un résultat",
    es: "Registrar un resultado",
  },
  "event.documents": {
    en: "Documents",
    fr: "Documents",
    es: "Documentos",
  },
  "event.noDocuments": {
    en: "No documents.",
    fr: "Aucun document.",
    es: "No hay documentos.",
  },
  "event.docCode": {
    en: "Document code",
    fr: "Cote du document",
    es: "Código del documento",
  },
  "event.docCodeHint": {
    en: "As the committee cites it, e.g. PC0541 Annex E.",
    fr: "Telle que le comité la cite, p. ex. PC0541 Annexe E.",
    es: "Tal como lo cita el comité, p. ej. PC0541 Anexo E.",
  },
  "event.docTitle": {
    en: "Document title",
    fr: "Titre du document",
    es: "Título del documento",
  },
  "event.docFile": {
    en: "File (PDF, Word or image)",
    fr: "Fichier (PDF, Word ou image)",
    es: "Archivo (PDF, Word o imagen)",
  },
  "event.addDocument": {
    en: "Add the document",
    fr: "Ajouter le document",
    es: "Añadir el documento",
  },
  "outcome.kind": {
    en: "Kind of outcome",
    fr: "Type de résultat",
    es: "Tipo de resultado",
  },
  "outcome.kind.insight": {
    en: "Insight",
    fr: "Constat",
    es: "Observación",
  },
  "outcome.kind.recommendation": {
    en: "Recommendation",
    fr: "Recommandation",
    es: "Recomendación",
  },
  "outcome.kind.decision": {
    en: "Decision",
    fr: "Décision",
    es: "Decisión",
  },
  "outcome.part": {
    en: "From",
    fr: "Issu de",
    es: "Procedente de",
  },
  "outcome.wholeEvent": {
    en: "The whole event",
    fr: "L'ensemble de l'événement",
    es: "El evento en su conjunto",
  },
  "outcome.text": {
    en: "Text",
    fr: "Texte",
    es: "Texto",
  },
  "outcome.producedBy": {
    en: "Produced by",
    fr: "Produit par",
    es: "Elaborado por",
  },
  "outcome.producedByHint": {
    en: "People or groups, as they should be credited.",
    fr: "Personnes ou groupes, tels qu'ils doivent être cités.",
    es: "Personas o grupos, tal como deben citarse.",
  },
  "outcome.technologies": {
    en: "Technologies concerned",
    fr: "Technologies concernées",
    es: "Tecnologías afectadas",
  },
  "outcome.feeds": {
    en: "Feeds:",
    fr: "Alimente :",
    es: "Alimenta:",
  },
  "outcome.toRegister": {
    en: "Add to the recommendation register",
    fr: "Ajouter au registre des recommandations",
    es: "Añadir al registro de recomendaciones",
  },
  "outcome.newSlug": {
    en: "As a new recommendation, named",
    fr: "Comme nouvelle recommandation, nommée",
    es: "Como nueva recomendación, llamada",
  },
  "outcome.orExisting": {
    en: "or as a source of",
    fr: "ou comme source de",
    es: "o como fuente de",
  },
  "outcome.addToRegister": {
    en: "Add",
    fr: "Ajouter",
    es: "Añadir",
  },
  "rec.title": {
    en: "Recommendation register",
    fr: "Registre des recommandations",
    es: "Registro de recomendaciones",
  },
  "rec.filter": {
    en: "Filter recommendations",
    fr: "Filtrer les recommandations",
    es: "Filtrar recomendaciones",
  },
  "rec.applyFilter": {
    en: "Filter",
    fr: "Filtrer",
    es: "Filtrar",
  },
  "rec.count": {
    en: "{count, number} of {total, plural, one {# recommendation} other {# recommendations}}",
    fr: "{count, plural, one {# recommandation} other {# recommandations}} sur {total}",
    es: "{count, number} de {total, plural, one {# recomendación} other {# recomendaciones}}",
  },
  "rec.none": {
    en: "No recommendations match.",
    fr: "Aucune recommandation ne correspond.",
    es: "Ninguna recomendación coincide.",
  },
  "rec.new": {
    en: "Add a recommendation",
    fr: "Ajouter une recommandation",
    es: "Añadir una recomendación",
  },
  "rec.edit": {
    en: "Edit",
    fr: "Modifier",
    es: "Editar",
  },
  "rec.ref": {
    en: "Reference",
    fr: "Référence",
    es: "Referencia",
  },
  "rec.refHint": {
    en: "What a section uses to place it: ::recommendation'{ref=…}'. Lower-case letters, digits, hyphens.",
    fr: "Ce qu'une section utilise pour la placer : ::recommendation'{ref=…}'. Minuscules, chiffres, tirets.",
    es: "Lo que usa una sección para colocarla: ::recommendation'{ref=…}'. Minúsculas, cifras, guiones.",
  },
  "rec.text": {
    en: "Text",
    fr: "Texte",
    es: "Texto",
  },
  "rec.status": {
    en: "Status",
    fr: "Statut",
    es: "Estado",
  },
  "rec.status.proposed": {
    en: "Proposed",
    fr: "Proposée",
    es: "Propuesta",
  },
  "rec.status.endorsed": {
    en: "Endorsed",
    fr: "Approuvée",
    es: "Respaldada",
  },
  "rec.status.retired": {
    en: "Retired",
    fr: "Retirée",
    es: "Retirada",
  },
  "rec.statusNote": {
    en: "Note on the status",
    fr: "Note sur le statut",
    es: "Nota sobre el estado",
  },
  "rec.themes": {
    en: "Themes",
    fr: "Thèmes",
    es: "Temas",
  },
  "rec.themesHint": {
    en: "Separated by commas, e.g. governance, data quality.",
    fr: "Séparés par des virgules, p. ex. gouvernance, qualité des données.",
    es: "Separados por comas, p. ej. gobernanza, calidad de datos.",
  },
  "rec.theme": {
    en: "Theme",
    fr: "Thème",
    es: "Tema",
  },
  "rec.technologies": {
    en: "Technologies",
    fr: "Technologies",
    es: "Tecnologías",
  },
  "rec.technology": {
    en: "Technology",
    fr: "Technologie",
    es: "Tecnología",
  },
  "rec.sources": {
    en: "Sources",
    fr: "Sources",
    es: "Fuentes",
  },
  "rec.noSources": {
    en: "No outcome recorded as a source.",
    fr: "Aucun résultat n'est enregistré comme source.",
    es: "Ningún resultado registrado como fuente.",
  },
  "rec.sections": {
    en: "Sections",
    fr: "Sections",
    es: "Secciones",
  },
  "rec.reflectedIn": {
    en: "Reflected in",
    fr: "Reprise dans",
    es: "Reflejada en",
  },
  "rec.notPlaced": {
    en: "Not placed in any section or edition yet.",
    fr: "Placée dans aucune section ni édition pour l'instant.",
    es: "Aún no está en ninguna sección ni edición.",
  },
  "rec.livingDraft": {
    en: "Living draft",
    fr: "Projet évolutif",
    es: "Borrador vivo",
  },
  "rec.edition": {
    en: "Edition {label}",
    fr: "Édition {label}",
    es: "Edición {label}",
  },
  "rec.inEdition": {
    en: "in edition {label}",
    fr: "dans l'édition {label}",
    es: "en la edición {label}",
  },
  "rec.placeHint": {
    en: "To place it in a section, write",
    fr: "Pour la placer dans une section, écrivez",
    es: "Para colocarla en una sección, escriba",
  },
  "rec.mergedInto": {
    en: "Merged into",
    fr: "Fusionnée dans",
    es: "Fusionada en",
  },
  "rec.merge": {
    en: "Merge another recommendation into this one",
    fr: "Fusionner une autre recommandation dans celle-ci",
    es: "Fusionar otra recomendación en esta",
  },
  "rec.mergeHint": {
    en: "Its sources become sources of this one; it is retired and points here.",
    fr: "Ses sources deviennent celles de celle-ci ; elle est retirée et renvoie ici.",
    es: "Sus fuentes pasan a esta; queda retirada y remite aquí.",
  },
  "rec.mergeWhich": {
    en: "Recommendation to merge",
    fr: "Recommandation à fusionner",
    es: "Recomendación que se fusiona",
  },
  "rec.mergeButton": {
    en: "Merge",
    fr: "Fusionner",
    es: "Fusionar",
  },
  "rec.merged": {
    en: "The recommendations were merged.",
    fr: "Les recommandations ont été fusionnées.",
    es: "Las recomendaciones se fusionaron.",
  },
  "rec.block.number": {
    en: "Recommendation {n}",
    fr: "Recommandation {n}",
    es: "Recomendación {n}",
  },
  "rec.block.status.proposed": {
    en: "Proposed",
    fr: "Proposée",
    es: "Propuesta",
  },
  "rec.block.status.endorsed": {
    en: "Adopted",
    fr: "Adoptée",
    es: "Adoptada",
  },
  "rec.block.status.retired": {
    en: "Retired",
    fr: "Retirée",
    es: "Retirada",
  },
  "rec.block.proposedNote": {
    en: "Not adopted yet: an edition cannot be published while it places this recommendation.",
    fr: "Pas encore adoptée : une édition qui place cette recommandation ne peut pas être publiée.",
    es: "Aún no adoptada: no se puede publicar una edición que coloque esta recomendación.",
  },
  "rec.block.sources": {
    en: "Where it came from",
    fr: "D'où elle vient",
    es: "De dónde procede",
  },
  "rec.block.outcomeBy": {
    en: "{by}: “{text}”",
    fr: "{by} : « {text} »",
    es: "{by}: «{text}»",
  },
  "rec.block.quote": {
    en: "“{text}”",
    fr: "« {text} »",
    es: "«{text}»",
  },
} as const satisfies Messages;
