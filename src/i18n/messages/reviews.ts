import type { Messages } from "#src/i18n/message.ts";

// Review rounds, comments and the resolution matrix; topic proposals.

export const reviews = {
  "review.title": {
    en: "Review rounds",
    fr: "Cycles de relecture",
    es: "Rondas de revisión",
  },
  "review.none": {
    en: "No review rounds yet.",
    fr: "Aucun cycle de relecture.",
    es: "Aún no hay rondas de revisión.",
  },
  "review.new": {
    en: "Open a review round",
    fr: "Ouvrir un cycle de relecture",
    es: "Abrir una ronda de revisión",
  },
  "review.open": {
    en: "Open the round",
    fr: "Ouvrir le cycle",
    es: "Abrir la ronda",
  },
  "review.roundTitle": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "review.target": {
    en: "Text under review",
    fr: "Texte relu",
    es: "Texto en revisión",
  },
  "review.opensOn": {
    en: "Opens on",
    fr: "Ouverture le",
    es: "Se abre el",
  },
  "review.closesOn": {
    en: "Closes on",
    fr: "Clôture le",
    es: "Se cierra el",
  },
  "review.status": {
    en: "Status",
    fr: "Statut",
    es: "Estado",
  },
  "review.status.open": {
    en: "Open",
    fr: "Ouvert",
    es: "Abierta",
  },
  "review.status.closed": {
    en: "Closed",
    fr: "Clos",
    es: "Cerrada",
  },
  "review.visibility": {
    en: "Who sees comments before the round closes",
    fr: "Qui voit les commentaires avant la clôture",
    es: "Quién ve los comentarios antes del cierre",
  },
  "review.visibilityHint": {
    en: "Each organization always sees its own comments.",
    fr: "Chaque organisation voit toujours ses propres commentaires.",
    es: "Cada organización ve siempre sus propios comentarios.",
  },
  "review.visibility.secretariat": {
    en: "Secretariat only",
    fr: "Secrétariat seulement",
    es: "Solo la secretaría",
  },
  "review.visibility.open": {
    en: "Every invited organization",
    fr: "Toutes les organisations invitées",
    es: "Todas las organizaciones invitadas",
  },
  "review.instructions": {
    en: "Instructions for reviewers",
    fr: "Consignes aux relecteurs",
    es: "Instrucciones para los revisores",
  },
  "review.invited": {
    en: "Invited organizations",
    fr: "Organisations invitées",
    es: "Organizaciones invitadas",
  },
  "review.comments": {
    en: "Comments",
    fr: "Commentaires",
    es: "Comentarios",
  },
  "review.openOf": {
    en: "{open, number} open of {total}",
    fr: "{open, number} en attente sur {total}",
    es: "{open, plural, one {# pendiente} other {# pendientes}} de {total}",
  },
  "review.membersView": {
    en: "As members see it",
    fr: "Vue des membres",
    es: "Vista de los miembros",
  },
  "review.matrixXlsx": {
    en: "Resolution matrix (XLSX)",
    fr: "Matrice de suivi (XLSX)",
    es: "Matriz de respuestas (XLSX)",
  },
  "review.matrixDocx": {
    en: "Resolution matrix (DOCX)",
    fr: "Matrice de suivi (DOCX)",
    es: "Matriz de respuestas (DOCX)",
  },
  "review.progress": {
    en: "{open, number} of {total, plural, one {# comment} other {# comments}} still {open, plural, one {needs} other {need}} a disposition.",
    fr: "{open, plural, one {# commentaire sur {total} attend encore une suite.} other {# commentaires sur {total} attendent encore une suite.}}",
    es: "{open, number} de {total, plural, one {# comentario} other {# comentarios}} aún {open, plural, one {espera} other {esperan}} respuesta.",
  },
  "review.noComments": {
    en: "No comments yet.",
    fr: "Aucun commentaire pour l'instant.",
    es: "Aún no hay comentarios.",
  },
  "review.disposition": {
    en: "Disposition",
    fr: "Suite donnée",
    es: "Respuesta",
  },
  "review.disposition.accepted": {
    en: "Accepted",
    fr: "Accepté",
    es: "Aceptado",
  },
  "review.disposition.partly_accepted": {
    en: "Partly accepted",
    fr: "Accepté en partie",
    es: "Aceptado en parte",
  },
  "review.disposition.not_accepted": {
    en: "Not accepted",
    fr: "Non retenu",
    es: "No aceptado",
  },
  "review.disposition.noted": {
    en: "Noted",
    fr: "Pris note",
    es: "Se toma nota",
  },
  "review.noDisposition": {
    en: "No disposition",
    fr: "Sans suite donnée",
    es: "Sin respuesta",
  },
  "review.reason": {
    en: "Reason",
    fr: "Raison",
    es: "Motivo",
  },
  "review.appliedRevision": {
    en: "Applied in revision",
    fr: "Appliqué dans la révision",
    es: "Aplicado en la revisión",
  },
  "review.record": {
    en: "Record",
    fr: "Enregistrer",
    es: "Registrar",
  },
  "review.close": {
    en: "Close the round",
    fr: "Clore le cycle",
    es: "Cerrar la ronda",
  },
  "review.closeButton": {
    en: "Close the round",
    fr: "Clore le cycle",
    es: "Cerrar la ronda",
  },
  "review.forceClose": {
    en: "Close even though {count, plural, one {# comment has} other {# comments have}} no disposition",
    fr: "Clore même si {count, plural, one {# commentaire n'a pas} other {# commentaires n'ont pas}} de suite",
    es: "Cerrar aunque {count, plural, one {# comentario no tenga} other {# comentarios no tengan}} respuesta",
  },
  "review.closed": {
    en: "The round is closed.",
    fr: "Le cycle est clos.",
    es: "La ronda está cerrada.",
  },
  "review.secretariat": {
    en: "Secretariat",
    fr: "Secrétariat",
    es: "Secretaría",
  },
  "review.howTo": {
    en: "Select a passage in a section to quote it, then write your comment below it.",
    fr: "Sélectionnez un passage d'une section pour le citer, puis écrivez votre commentaire en dessous.",
    es: "Seleccione un pasaje de una sección para citarlo y escriba su comentario debajo.",
  },
  "review.readOnly": {
    en: "You can read this round but not comment.",
    fr: "Vous pouvez lire ce cycle mais pas commenter.",
    es: "Puede leer esta ronda pero no comentar.",
  },
  "review.privateNote": {
    en: "Until the round closes, only the secretariat and your organization see your comments.",
    fr: "Jusqu'à la clôture, seuls le secrétariat et votre organisation voient vos commentaires.",
    es: "Hasta el cierre, solo la secretaría y su organización ven sus comentarios.",
  },
  "review.commentsOn": {
    en: "Comments on section {section}",
    fr: "Commentaires sur la section {section}",
    es: "Comentarios sobre la sección {section}",
  },
  "review.commentOn": {
    en: "Comment on section {section}, or suggest a change",
    fr: "Commenter la section {section} ou y suggérer une modification",
    es: "Comentar la sección {section} o sugerir un cambio",
  },
  "review.quote": {
    en: "Quoted passage",
    fr: "Passage cité",
    es: "Pasaje citado",
  },
  "review.quoteHint": {
    en: "Kept as you quote it, even if the text changes later.",
    fr: "Conservé tel que vous le citez, même si le texte change ensuite.",
    es: "Se conserva tal como lo cita, aunque el texto cambie después.",
  },
  "review.yourComment": {
    en: "Your comment",
    fr: "Votre commentaire",
    es: "Su comentario",
  },
  "review.send": {
    en: "Send the comment",
    fr: "Envoyer le commentaire",
    es: "Enviar el comentario",
  },
  "review.reply": {
    en: "Reply",
    fr: "Répondre",
    es: "Responder",
  },
  "review.yourReply": {
    en: "Your reply",
    fr: "Votre réponse",
    es: "Su respuesta",
  },
  "review.sendReply": {
    en: "Send the reply",
    fr: "Envoyer la réponse",
    es: "Enviar la respuesta",
  },
  "review.sent": {
    en: "Your comment was recorded.",
    fr: "Votre commentaire a été enregistré.",
    es: "Su comentario quedó registrado.",
  },
  "review.matrix.title": {
    en: "Comment-resolution matrix",
    fr: "Matrice de suivi des commentaires",
    es: "Matriz de respuesta a los comentarios",
  },
  "review.matrix.sheet": {
    en: "Comments",
    fr: "Commentaires",
    es: "Comentarios",
  },
  "review.matrix.number": {
    en: "No.",
    fr: "N°",
    es: "N.º",
  },
  "review.matrix.section": {
    en: "Section",
    fr: "Section",
    es: "Sección",
  },
  "review.matrix.author": {
    en: "Author",
    fr: "Auteur",
    es: "Autor",
  },
  "review.matrix.organization": {
    en: "Organization",
    fr: "Organisation",
    es: "Organización",
  },
  "review.matrix.quote": {
    en: "Quoted passage",
    fr: "Passage cité",
    es: "Pasaje citado",
  },
  "review.matrix.comment": {
    en: "Comment",
    fr: "Commentaire",
    es: "Comentario",
  },
  "review.matrix.replies": {
    en: "Replies",
    fr: "Réponses",
    es: "Respuestas",
  },
  "review.matrix.disposition": {
    en: "Disposition",
    fr: "Suite donnée",
    es: "Respuesta",
  },
  "review.matrix.reason": {
    en: "Reason",
    fr: "Raison",
    es: "Motivo",
  },
  "review.matrix.revision": {
    en: "Revision",
    fr: "Révision",
    es: "Revisión",
  },
  "review.matrix.count": {
    en: "{count, plural, one {# comment} other {# comments}}",
    fr: "{count, plural, one {# commentaire} other {# commentaires}}",
    es: "{count, plural, one {# comentario} other {# comentarios}}",
  },
  "review.myRounds": {
    en: "Review rounds you are invited to",
    fr: "Cycles de relecture auxquels vous êtes invités",
    es: "Rondas de revisión a las que está invitado",
  },
  "review.closesLine": {
    en: "closes {date}",
    fr: "clôture le {date}",
    es: "se cierra el {date}",
  },
  "proposal.title": {
    en: "Topic proposals",
    fr: "Propositions de sujets",
    es: "Propuestas de temas",
  },
  "proposal.lead": {
    en: "Suggest a topic the report should cover; other members can endorse it, and the secretariat decides.",
    fr: "Proposez un sujet que le rapport devrait traiter ; les autres membres peuvent l'appuyer, et le secrétariat décide.",
    es: "Proponga un tema que el informe debería tratar; otros miembros pueden respaldarlo y la secretaría decide.",
  },
  "proposal.none": {
    en: "No proposals yet.",
    fr: "Aucune proposition pour l'instant.",
    es: "Aún no hay propuestas.",
  },
  "proposal.new": {
    en: "Propose a topic",
    fr: "Proposer un sujet",
    es: "Proponer un tema",
  },
  "proposal.topic": {
    en: "Topic",
    fr: "Sujet",
    es: "Tema",
  },
  "proposal.rationale": {
    en: "Why it matters",
    fr: "Pourquoi c'est important",
    es: "Por qué importa",
  },
  "proposal.technologies": {
    en: "Related technologies",
    fr: "Technologies liées",
    es: "Tecnologías relacionadas",
  },
  "proposal.submit": {
    en: "Send the proposal",
    fr: "Envoyer la proposition",
    es: "Enviar la propuesta",
  },
  "proposal.sent": {
    en: "Your proposal was recorded.",
    fr: "Votre proposition a été enregistrée.",
    es: "Su propuesta quedó registrada.",
  },
  "proposal.endorse": {
    en: "Endorse",
    fr: "Appuyer",
    es: "Respaldar",
  },
  "proposal.endorsed": {
    en: "Endorsed by your organization",
    fr: "Appuyée par votre organisation",
    es: "Respaldada por su organización",
  },
  "proposal.endorsements": {
    en: "{count, plural, one {# endorsement} other {# endorsements}}",
    fr: "{count, plural, one {# appui} other {# appuis}}",
    es: "{count, plural, one {# respaldo} other {# respaldos}}",
  },
  "proposal.status.open": {
    en: "Open",
    fr: "Ouverte",
    es: "Abierta",
  },
  "proposal.status.accepted": {
    en: "Accepted",
    fr: "Acceptée",
    es: "Aceptada",
  },
  "proposal.status.declined": {
    en: "Declined",
    fr: "Déclinée",
    es: "Rechazada",
  },
  "proposal.decide": {
    en: "Record a decision",
    fr: "Enregistrer une décision",
    es: "Registrar una decisión",
  },
  "proposal.decision": {
    en: "Decision",
    fr: "Décision",
    es: "Decisión",
  },
  "proposal.note": {
    en: "Note",
    fr: "Note",
    es: "Nota",
  },
  "proposal.makeChapter": {
    en: "Add it to the report as a new chapter",
    fr: "L'ajouter au rapport comme nouveau chapitre",
    es: "Añadirlo al informe como nuevo capítulo",
  },
  "proposal.record": {
    en: "Record",
    fr: "Enregistrer",
    es: "Registrar",
  },
  "proposal.decided": {
    en: "The decision was recorded.",
    fr: "La décision a été enregistrée.",
    es: "La decisión quedó registrada.",
  },
  "proposal.forReport": {
    en: "Propose or endorse a topic for {report}",
    fr: "Proposer ou appuyer un sujet pour {report}",
    es: "Proponer o respaldar un tema para {report}",
  },
  "proposal.becameChapter": {
    en: "Now a chapter of the report.",
    fr: "C'est désormais un chapitre du rapport.",
    es: "Ahora es un capítulo del informe.",
  },
  // Inviting organizations to a round: the picker.
  "review.invite.hint": {
    en: "Tick the organizations to invite, or invite a whole region with its button.",
    fr: "Cochez les organisations à inviter, ou invitez toute une région avec son bouton.",
    es: "Marque las organizaciones que invita, o invite a toda una región con su botón.",
  },
  "review.invite.hintJs": {
    en: "Narrow the list by region, kind or name, then tick organizations or select all those shown.",
    fr: "Réduisez la liste par région, type ou nom, puis cochez des organisations ou sélectionnez toutes celles affichées.",
    es: "Acote la lista por región, tipo o nombre y luego marque organizaciones o seleccione todas las mostradas.",
  },
  "review.invite.region": {
    en: "Region",
    fr: "Région",
    es: "Región",
  },
  "review.invite.allRegions": {
    en: "All regions",
    fr: "Toutes les régions",
    es: "Todas las regiones",
  },
  "review.invite.kind": {
    en: "Kind of organization",
    fr: "Type d'organisation",
    es: "Tipo de organización",
  },
  "review.invite.allKinds": {
    en: "All kinds",
    fr: "Tous les types",
    es: "Todos los tipos",
  },
  "review.invite.search": {
    en: "Search",
    fr: "Rechercher",
    es: "Buscar",
  },
  "review.invite.searchHint": {
    en: "Name, short name, country or country code.",
    fr: "Nom, sigle, pays ou code de pays.",
    es: "Nombre, sigla, país o código de país.",
  },
  "review.invite.shown": {
    en: "Shown:",
    fr: "Affichées :",
    es: "Mostradas:",
  },
  "review.invite.selected": {
    en: "selected:",
    fr: "sélectionnées :",
    es: "seleccionadas:",
  },
  "review.invite.selectShown": {
    en: "Select all shown",
    fr: "Sélectionner celles affichées",
    es: "Seleccionar las mostradas",
  },
  "review.invite.clearShown": {
    en: "Clear shown",
    fr: "Décocher celles affichées",
    es: "Desmarcar las mostradas",
  },
  "review.invite.noMatch": {
    en: "No organization matches these filters.",
    fr: "Aucune organisation ne correspond à ces filtres.",
    es: "Ninguna organización coincide con estos filtros.",
  },
  "review.invite.chosen": {
    en: "Organizations to invite",
    fr: "Organisations à inviter",
    es: "Organizaciones que se invitan",
  },
  "review.invite.noneChosen": {
    en: "None selected yet.",
    fr: "Aucune sélectionnée pour l'instant.",
    es: "Ninguna seleccionada por ahora.",
  },
  "review.invite.remove": {
    en: "Remove {name}",
    fr: "Retirer {name}",
    es: "Quitar {name}",
  },
  "review.invite.inviteRegion": {
    en: "Invite all of {region}",
    fr: "Inviter toute la région {region}",
    es: "Invitar a toda la región {region}",
  },
  "review.invite.noRegion": {
    en: "No region",
    fr: "Sans région",
    es: "Sin región",
  },
  "review.invite.regionAdded": {
    en: "{count, plural, one {The organization of {region} is selected.} other {The # organizations of {region} are selected.}} Finish the form, then open the round.",
    fr: "{count, plural, one {L'organisation de la région {region} est sélectionnée.} other {Les # organisations de la région {region} sont sélectionnées.}} Complétez le formulaire, puis ouvrez le cycle.",
    es: "{count, plural, one {La organización de la región {region} está seleccionada.} other {Las # organizaciones de la región {region} están seleccionadas.}} Complete el formulario y abra la ronda.",
  },
  "review.invitedCount": {
    en: "{count, plural, one {# organization invited} other {# organizations invited}}",
    fr: "{count, plural, one {# organisation invitée} other {# organisations invitées}}",
    es: "{count, plural, one {# organización invitada} other {# organizaciones invitadas}}",
  },
  "review.unknownOrganization": {
    en: "An organization chosen is unknown or no longer active.",
    fr: "Une organisation choisie est inconnue ou n'est plus active.",
    es: "Una organización elegida es desconocida o ya no está activa.",
  },
  // Dispositions: the revision that applied a comment, and the confirmation.
  "review.noRevision": {
    en: "No revision",
    fr: "Aucune révision",
    es: "Ninguna revisión",
  },
  "review.currentRevision": {
    en: "current",
    fr: "actuelle",
    es: "actual",
  },
  "review.noSummary": {
    en: "no summary",
    fr: "sans résumé",
    es: "sin resumen",
  },
  "review.appliedRevisionHint": {
    en: "The section's revisions saved since the comment, newest first.",
    fr: "Les révisions de la section enregistrées depuis le commentaire, de la plus récente à la plus ancienne.",
    es: "Las revisiones de la sección guardadas desde el comentario, de la más reciente a la más antigua.",
  },
  "review.noRevisionYet": {
    en: "The section has not been saved since the comment.",
    fr: "La section n'a pas été enregistrée depuis le commentaire.",
    es: "La sección no se ha guardado desde el comentario.",
  },
  "review.appliedIn": {
    en: "applied in the revision of {date}",
    fr: "appliqué dans la révision du {date}",
    es: "aplicado en la revisión del {date}",
  },
  "review.revisionNotApplicable": {
    en: "Only an accepted or partly accepted comment is applied in a revision: choose “No revision”.",
    fr: "Seul un commentaire accepté, en tout ou en partie, est appliqué dans une révision : choisissez « Aucune révision ».",
    es: "Solo un comentario aceptado, total o parcialmente, se aplica en una revisión: elija «Ninguna revisión».",
  },
  "review.revisionElsewhere": {
    en: "Choose one of this section's revisions saved since the comment.",
    fr: "Choisissez une révision de cette section enregistrée depuis le commentaire.",
    es: "Elija una revisión de esta sección guardada desde el comentario.",
  },
  "review.disposed": {
    en: "Recorded for the comment from {who}: {disposition}.",
    fr: "Enregistré pour le commentaire de {who} : {disposition}.",
    es: "Registrado para el comentario de {who}: {disposition}.",
  },
  "review.disposedApplied": {
    en: "Recorded for the comment from {who}: {disposition}, applied in the revision of {date}.",
    fr: "Enregistré pour le commentaire de {who} : {disposition}, appliqué dans la révision du {date}.",
    es: "Registrado para el comentario de {who}: {disposition}, aplicado en la revisión del {date}.",
  },
} as const satisfies Messages;
