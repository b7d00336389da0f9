import type { Messages } from "#src/i18n/message.ts";

// Surveys, their results and the figures drawn from them.

export const surveys = {
  "survey.title": {
    en: "Surveys",
    fr: "Enquêtes",
    es: "Encuestas",
  },
  "survey.none": {
    en: "No surveys yet.",
    fr: "Aucune enquête pour l'instant.",
    es: "Aún no hay encuestas.",
  },
  "survey.new": {
    en: "New survey",
    fr: "Nouvelle enquête",
    es: "Nueva encuesta",
  },
  "survey.create": {
    en: "Create the survey",
    fr: "Créer l'enquête",
    es: "Crear la encuesta",
  },
  "survey.surveyTitle": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "survey.slug": {
    en: "Short name",
    fr: "Nom court",
    es: "Nombre corto",
  },
  "survey.slugHint": {
    en: "Used in addresses, e.g. adoption-2025.",
    fr: "Utilisé dans les adresses, par exemple adoption-2025.",
    es: "Se usa en las direcciones, por ejemplo adoption-2025.",
  },
  "survey.year": {
    en: "Year",
    fr: "Année",
    es: "Año",
  },
  "survey.startFrom": {
    en: "Start from",
    fr: "Partir de",
    es: "Empezar desde",
  },
  "survey.template.adoption": {
    en: "Technology adoption (with the report's technologies)",
    fr: "Adoption des technologies (avec les technologies du rapport)",
    es: "Adopción de tecnologías (con las tecnologías del informe)",
  },
  "survey.template.blank": {
    en: "A blank questionnaire",
    fr: "Un questionnaire vide",
    es: "Un cuestionario vacío",
  },
  "survey.status.draft": {
    en: "Draft",
    fr: "Brouillon",
    es: "Borrador",
  },
  "survey.status.open": {
    en: "Open",
    fr: "Ouverte",
    es: "Abierta",
  },
  "survey.status.closed": {
    en: "Closed",
    fr: "Close",
    es: "Cerrada",
  },
  "survey.to.draft": {
    en: "Back to draft",
    fr: "Revenir au brouillon",
    es: "Volver a borrador",
  },
  "survey.to.open": {
    en: "Open for answers",
    fr: "Ouvrir aux réponses",
    es: "Abrir a respuestas",
  },
  "survey.to.closed": {
    en: "Close",
    fr: "Clore",
    es: "Cerrar",
  },
  "survey.results": {
    en: "Results",
    fr: "Résultats",
    es: "Resultados",
  },
  "survey.publicResults": {
    en: "Public results",
    fr: "Résultats publics",
    es: "Resultados públicos",
  },
  "survey.responses": {
    en: "Invitations and responses",
    fr: "Invitations et réponses",
    es: "Invitaciones y respuestas",
  },
  "survey.rate": {
    en: "{submitted, number} of {invited, plural, one {# invited organization} other {# invited organizations}} {submitted, plural, one {has} other {have}} submitted.",
    fr: "{submitted, plural, one {# organisation invitée sur {invited} a répondu.} other {# organisations invitées sur {invited} ont répondu.}}",
    es: "{submitted, plural, one {Ha respondido # de} other {Han respondido # de}} {invited, plural, one {# organización invitada} other {las # organizaciones invitadas}}.",
  },
  "survey.spreadsheets": {
    en: "Spreadsheets",
    fr: "Tableurs",
    es: "Hojas de cálculo",
  },
  "survey.templateXlsx": {
    en: "template to fill (.xlsx)",
    fr: "modèle à remplir (.xlsx)",
    es: "plantilla para rellenar (.xlsx)",
  },
  "survey.exportXlsx": {
    en: "all responses (.xlsx)",
    fr: "toutes les réponses (.xlsx)",
    es: "todas las respuestas (.xlsx)",
  },
  "survey.exportCsv": {
    en: "all responses (.csv)",
    fr: "toutes les réponses (.csv)",
    es: "todas las respuestas (.csv)",
  },
  "survey.imported": {
    en: "Imported {imported, plural, one {# response} other {# responses}} ({replaced, plural, =0 {none replaced an earlier answer} one {# replaced an earlier answer} other {# replaced earlier answers}}).",
    fr: "{imported, plural, one {# réponse importée} other {# réponses importées}} ({replaced, plural, =0 {aucune ne remplace de réponse antérieure} one {# remplace une réponse antérieure} other {# remplacent des réponses antérieures}}).",
    es: "{imported, plural, one {Se importó # respuesta} other {Se importaron # respuestas}} ({replaced, plural, =0 {ninguna sustituye respuestas anteriores} one {# sustituye una respuesta anterior} other {# sustituyen respuestas anteriores}}).",
  },
  "survey.importRefused": {
    en: "Nothing was imported: the file has {count, plural, one {# problem} other {# problems}}.",
    fr: "Rien n'a été importé : le fichier comporte {count, plural, one {# erreur} other {# erreurs}}.",
    es: "No se importó nada: el archivo tiene {count, plural, one {# error} other {# errores}}.",
  },
  "survey.importFile": {
    en: "Import responses",
    fr: "Importer des réponses",
    es: "Importar respuestas",
  },
  "survey.importHint": {
    en: ".xlsx or .csv (comma or semicolon), up to {limit} MB; all or nothing.",
    fr: ".xlsx ou .csv (virgule ou point-virgule), jusqu'à {limit} Mo ; tout ou rien.",
    es: ".xlsx o .csv (coma o punto y coma), hasta {limit} MB; todo o nada.",
  },
  "survey.import": {
    en: "Import",
    fr: "Importer",
    es: "Importar",
  },
  "survey.invited": {
    en: "Invited",
    fr: "Invitée",
    es: "Invitada",
  },
  "survey.inviteOrg": {
    en: "Invite {name}",
    fr: "Inviter {name}",
    es: "Invitar a {name}",
  },
  "survey.responseStatus": {
    en: "Response",
    fr: "Réponse",
    es: "Respuesta",
  },
  "survey.response.draft": {
    en: "Started",
    fr: "Commencée",
    es: "Empezada",
  },
  "survey.response.submitted": {
    en: "Submitted",
    fr: "Envoyée",
    es: "Enviada",
  },
  "survey.fromImport": {
    en: "imported",
    fr: "importée",
    es: "importada",
  },
  "survey.saveInvitations": {
    en: "Save invitations",
    fr: "Enregistrer les invitations",
    es: "Guardar las invitaciones",
  },
  "survey.reopen": {
    en: "Reopen the answers of {name}",
    fr: "Rouvrir les réponses de {name}",
    es: "Reabrir las respuestas de {name}",
  },
  "survey.reopened": {
    en: "The answers were reopened.",
    fr: "Les réponses ont été rouvertes.",
    es: "Se reabrieron las respuestas.",
  },
  "survey.settings": {
    en: "Settings and questions",
    fr: "Paramètres et questions",
    es: "Parámetros y preguntas",
  },
  "survey.kind": {
    en: "Kind",
    fr: "Type",
    es: "Tipo",
  },
  "survey.kindHint": {
    en: "Surveys of the same kind are compared over the years.",
    fr: "Les enquêtes d'un même type sont comparées d'une année sur l'autre.",
    es: "Las encuestas del mismo tipo se comparan de un año a otro.",
  },
  "survey.minGroup": {
    en: "Smallest public group",
    fr: "Plus petit groupe public",
    es: "Grupo público mínimo",
  },
  "survey.intro": {
    en: "Introduction",
    fr: "Introduction",
    es: "Introducción",
  },
  "survey.definitionProblems": {
    en: "The question set was not saved:",
    fr: "Le questionnaire n'a pas été enregistré :",
    es: "El cuestionario no se guardó:",
  },
  "survey.definition": {
    en: "Questions (JSON)",
    fr: "Questions (JSON)",
    es: "Preguntas (JSON)",
  },
  "survey.definitionHint": {
    en: "Sections of questions: single, multiple, number, scale, short, long, matrix; texts in en, fr, es; showIf for conditions. Once answers exist, a change makes a new version.",
    fr: "Des sections de questions : single, multiple, number, scale, short, long, matrix ; textes en en, fr, es ; showIf pour les conditions. Dès qu'il existe des réponses, une modification crée une nouvelle version.",
    es: "Secciones de preguntas: single, multiple, number, scale, short, long, matrix; textos en en, fr, es; showIf para las condiciones. Cuando ya hay respuestas, un cambio crea una versión nueva.",
  },
  "survey.versions": {
    en: "Versions of the question set: {count}",
    fr: "Versions du questionnaire : {count}",
    es: "Versiones del cuestionario: {count}",
  },
  "survey.save": {
    en: "Save",
    fr: "Enregistrer",
    es: "Guardar",
  },
  "survey.saved": {
    en: "The survey was saved.",
    fr: "L'enquête a été enregistrée.",
    es: "Se guardó la encuesta.",
  },
  "survey.answeringFor": {
    en: "You are answering for {organization}. Others in your organization may work on the same answers.",
    fr: "Vous répondez pour {organization}. D'autres personnes de votre organisation peuvent travailler sur les mêmes réponses.",
    es: "Responde en nombre de {organization}. Otras personas de su organización pueden trabajar en las mismas respuestas.",
  },
  "survey.submittedNotice": {
    en: "These answers were submitted; they are locked.",
    fr: "Ces réponses ont été envoyées ; elles sont verrouillées.",
    es: "Estas respuestas se enviaron; están bloqueadas.",
  },
  "survey.closedNotice": {
    en: "This survey is not open for answers.",
    fr: "Cette enquête n'est pas ouverte aux réponses.",
    es: "Esta encuesta no está abierta a respuestas.",
  },
  "survey.showIf": {
    en: "Answer only if you answered “{answer}” to question {question}.",
    fr: "Répondez seulement si vous avez répondu « {answer} » à la question {question}.",
    es: "Responda solo si respondió «{answer}» a la pregunta {question}.",
  },
  "survey.stage": {
    en: "Stage",
    fr: "Étape",
    es: "Etapa",
  },
  "survey.noAnswer": {
    en: "(no answer)",
    fr: "(pas de réponse)",
    es: "(sin respuesta)",
  },
  "survey.stage.no_plans": {
    en: "No plans",
    fr: "Aucun projet",
    es: "Sin planes",
  },
  "survey.stage.planning": {
    en: "Planning",
    fr: "En préparation",
    es: "En planificación",
  },
  "survey.stage.proof_of_concept": {
    en: "Proof of concept",
    fr: "Preuve de concept",
    es: "Prueba de concepto",
  },
  "survey.stage.pilot": {
    en: "Pilot",
    fr: "Pilote",
    es: "Piloto",
  },
  "survey.stage.production": {
    en: "In production",
    fr: "En production",
    es: "En producción",
  },
  "survey.saveDraft": {
    en: "Save and continue later",
    fr: "Enregistrer et continuer plus tard",
    es: "Guardar y seguir más tarde",
  },
  "survey.submit": {
    en: "Submit the answers",
    fr: "Envoyer les réponses",
    es: "Enviar las respuestas",
  },
  "survey.flash.saved": {
    en: "Your answers were saved.",
    fr: "Vos réponses ont été enregistrées.",
    es: "Se guardaron sus respuestas.",
  },
  "survey.flash.submitted": {
    en: "Your organization's answers were submitted. Thank you.",
    fr: "Les réponses de votre organisation ont été envoyées. Merci.",
    es: "Se enviaron las respuestas de su organización. Gracias.",
  },
  "survey.toAnswer": {
    en: "To answer",
    fr: "À remplir",
    es: "Por responder",
  },
  "survey.problem.notAnOption": {
    en: "“{value}” is not one of the possible answers.",
    fr: "« {value} » n'est pas une des réponses possibles.",
    es: "«{value}» no es una de las respuestas posibles.",
  },
  "survey.problem.notANumber": {
    en: "“{value}” is not a number.",
    fr: "« {value} » n'est pas un nombre.",
    es: "«{value}» no es un número.",
  },
  "survey.problem.outOfRange": {
    en: "{value} is outside the allowed range ({min} to {max}).",
    fr: "{value} est hors de l'intervalle permis ({min} à {max}).",
    es: "{value} está fuera del intervalo permitido ({min} a {max}).",
  },
  "survey.problem.required": {
    en: "An answer is required.",
    fr: "Une réponse est requise.",
    es: "Se requiere una respuesta.",
  },
  "survey.problem.tooLong": {
    en: "This answer is too long.",
    fr: "Cette réponse est trop longue.",
    es: "Esta respuesta es demasiado larga.",
  },
  "survey.problem.unknownColumn": {
    en: "This column is not a question of the survey.",
    fr: "Cette colonne n'est pas une question de l'enquête.",
    es: "Esta columna no es una pregunta de la encuesta.",
  },
  "survey.resultsOf": {
    en: "Results: {title}",
    fr: "Résultats : {title}",
    es: "Resultados: {title}",
  },
  "survey.rateSummary": {
    en: "{responded, number} of {invited, plural, one {# invited organization} other {# invited organizations}} answered ({rate}).",
    fr: "{responded, plural, one {# organisation invitée sur {invited} a répondu} other {# organisations invitées sur {invited} ont répondu}} ({rate}).",
    es: "{responded, plural, one {Respondió # de} other {Respondieron # de}} {invited, plural, one {# organización invitada} other {las # organizaciones invitadas}} ({rate}).",
  },
  "survey.editorView": {
    en: "Secretariat view: every group is shown, including those of fewer than {min, plural, one {# organization} other {# organizations}} that the public page hides.",
    fr: "Vue du secrétariat : tous les groupes sont montrés, y compris ceux de moins de {min, plural, one {# organisation} other {# organisations}} que la page publique masque.",
    es: "Vista de la secretaría: se muestran todos los grupos, incluidos los de menos de {min, plural, one {# organización} other {# organizaciones}} que la página pública oculta.",
  },
  "survey.publicView": {
    en: "Groups of fewer than {min, plural, one {# organization} other {# organizations}} are not shown, and no organization's own answers are.",
    fr: "Les groupes de moins de {min, plural, one {# organisation} other {# organisations}} ne sont pas montrés, ni les réponses d'une organisation.",
    es: "No se muestran los grupos de menos de {min, plural, one {# organización} other {# organizaciones}}, ni las respuestas de ninguna organización.",
  },
  "survey.byRegion": {
    en: "By region",
    fr: "Par région",
    es: "Por región",
  },
  "survey.byKind": {
    en: "By kind of organization",
    fr: "Par type d'organisation",
    es: "Por tipo de organización",
  },
  "survey.group": {
    en: "Group",
    fr: "Groupe",
    es: "Grupo",
  },
  "survey.invitedCount": {
    en: "Invited",
    fr: "Invitées",
    es: "Invitadas",
  },
  "survey.respondedCount": {
    en: "Answered",
    fr: "Ont répondu",
    es: "Respondieron",
  },
  "survey.rateLabel": {
    en: "Rate",
    fr: "Taux",
    es: "Tasa",
  },
  "survey.smallGroup": {
    en: "fewer than {min}: not shown",
    fr: "moins de {min} : non montré",
    es: "menos de {min}: no se muestra",
  },
  "survey.answeredBy": {
    en: "Answered by {n, plural, one {# organization} other {# organizations}}.",
    fr: "{n, plural, one {# organisation a répondu.} other {# organisations ont répondu.}}",
    es: "{n, plural, one {Respondió # organización.} other {Respondieron # organizaciones.}}",
  },
  "survey.textNotShown": {
    en: "Written answers are read by the secretariat and not published.",
    fr: "Les réponses rédigées sont lues par le secrétariat et ne sont pas publiées.",
    es: "La secretaría lee las respuestas escritas; no se publican.",
  },
  "survey.numberStats": {
    en: "Mean {mean}, median {median}, from {min} to {max}.",
    fr: "Moyenne {mean}, médiane {median}, de {min} à {max}.",
    es: "Media {mean}, mediana {median}, de {min} a {max}.",
  },
  "survey.crossTabs": {
    en: "By region and by kind",
    fr: "Par région et par type",
    es: "Por región y por tipo",
  },
  "survey.stageByTechnology": {
    en: "Stage by technology",
    fr: "Étape par technologie",
    es: "Etapa por tecnología",
  },
  "survey.stageByTechnologyRegion": {
    en: "Stage by technology and region",
    fr: "Étape par technologie et région",
    es: "Etapa por tecnología y región",
  },
  "survey.noRegion": {
    en: "No region",
    fr: "Sans région",
    es: "Sin región",
  },
  "figure.title": {
    en: "Figures",
    fr: "Figures",
    es: "Figuras",
  },
  "figure.slug": {
    en: "Reference",
    fr: "Référence",
    es: "Referencia",
  },
  "figure.kind": {
    en: "Chart",
    fr: "Graphique",
    es: "Gráfico",
  },
  "figure.kind.stage-by-technology": {
    en: "Stage by technology (stacked bars)",
    fr: "Étape par technologie (barres empilées)",
    es: "Etapa por tecnología (barras apiladas)",
  },
  "figure.kind.stage-by-region": {
    en: "Stage by region for one technology (stacked bars)",
    fr: "Étape par région pour une technologie (barres empilées)",
    es: "Etapa por región para una tecnología (barras apiladas)",
  },
  "figure.kind.adoption-heatmap": {
    en: "Pilots and production, technology × region (heat map)",
    fr: "Pilotes et production, technologie × région (carte de chaleur)",
    es: "Pilotos y producción, tecnología × región (mapa de calor)",
  },
  "figure.kind.distribution": {
    en: "Answers to one question (bars)",
    fr: "Réponses à une question (barres)",
    es: "Respuestas a una pregunta (barras)",
  },
  "figure.kind.radar": {
    en: "Technology radar",
    fr: "Radar des technologies",
    es: "Radar de tecnologías",
  },
  "figure.question": {
    en: "Question",
    fr: "Question",
    es: "Pregunta",
  },
  "figure.technology": {
    en: "Technology",
    fr: "Technologie",
    es: "Tecnología",
  },
  "figure.figureTitle": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "figure.caption": {
    en: "Caption",
    fr: "Légende",
    es: "Leyenda",
  },
  "figure.alt": {
    en: "Text alternative",
    fr: "Texte alternatif",
    es: "Texto alternativo",
  },
  "figure.altHint": {
    en: "What the chart shows, for people who cannot see it.",
    fr: "Ce que montre le graphique, pour qui ne peut pas le voir.",
    es: "Lo que muestra el gráfico, para quien no puede verlo.",
  },
  "figure.saved": {
    en: "The figure “{title}” was saved. To place it in a section, write ::figure'{'ref={ref}'}'.",
    fr: "La figure « {title} » a été enregistrée. Pour la placer dans une section, écrivez ::figure'{'ref={ref}'}'.",
    es: "Se guardó la figura «{title}». Para colocarla en una sección, escriba ::figure'{'ref={ref}'}'.",
  },
  "figure.organizations": {
    en: "Organizations",
    fr: "Organisations",
    es: "Organizaciones",
  },
  "figure.share": {
    en: "Share at pilot or in production",
    fr: "Part en pilote ou en production",
    es: "Proporción en piloto o en producción",
  },
  "figure.shareOfRespondents": {
    en: "Share of respondents",
    fr: "Part des répondants",
    es: "Proporción de encuestados",
  },
  "figure.noData": {
    en: "Not enough answers to show this figure yet.",
    fr: "Pas encore assez de réponses pour cette figure.",
    es: "Aún no hay suficientes respuestas para esta figura.",
  },
  "figure.ring.production": {
    en: "In production",
    fr: "En production",
    es: "En producción",
  },
  "figure.ring.piloting": {
    en: "Piloting",
    fr: "En pilote",
    es: "En piloto",
  },
  "figure.ring.exploring": {
    en: "Exploring",
    fr: "En exploration",
    es: "En exploración",
  },
  "figure.ring.watching": {
    en: "Watching",
    fr: "En veille",
    es: "En observación",
  },
  "figure.movement.in": {
    en: "moved in",
    fr: "progresse",
    es: "avanza",
  },
  "figure.movement.out": {
    en: "moved out",
    fr: "recule",
    es: "retrocede",
  },
  "figure.movement.new": {
    en: "new",
    fr: "nouveau",
    es: "nuevo",
  },
  "figure.movement.same": {
    en: "unchanged",
    fr: "inchangé",
    es: "sin cambios",
  },
  "figure.kind.world-map": {
    en: "World map: most common stage by country, for one technology",
    fr: "Carte du monde : étape la plus fréquente par pays, pour une technologie",
    es: "Mapa del mundo: etapa más frecuente por país, para una tecnología",
  },
  "figure.kind.choice-by-region": {
    en: "Answers by region (stacked bars)",
    fr: "Réponses par région (barres empilées)",
    es: "Respuestas por región (barras apiladas)",
  },
  "figure.kind.choice-by-kind": {
    en: "Answers by kind of organization (stacked bars)",
    fr: "Réponses par type d'organisation (barres empilées)",
    es: "Respuestas por tipo de organización (barras apiladas)",
  },
  "figure.kind.stage-by-kind": {
    en: "Stage by kind of organization for one technology (stacked bars)",
    fr: "Étape par type d'organisation pour une technologie (barres empilées)",
    es: "Etapa por tipo de organización para una tecnología (barras apiladas)",
  },
  "figure.shareOfAnswers": {
    en: "Share of answers",
    fr: "Part des réponses",
    es: "Proporción de respuestas",
  },
  "figure.new": {
    en: "New figure",
    fr: "Nouvelle figure",
    es: "Nueva figura",
  },
  "figure.newLead": {
    en: "Choose what to show and see it drawn, then give the figure its words. Figures show the public results: groups of fewer than {min} organizations are left out.",
    fr: "Choisissez ce qu'il faut montrer et voyez-le dessiné, puis donnez ses mots à la figure. Les figures montrent les résultats publics : les groupes de moins de {min} organisations en sont exclus.",
    es: "Elija qué mostrar y véalo dibujado; luego dé a la figura sus textos. Las figuras muestran los resultados públicos: se omiten los grupos de menos de {min} organizaciones.",
  },
  "figure.none": {
    en: "No figure is drawn from this survey yet.",
    fr: "Aucune figure n'est encore tirée de cette enquête.",
    es: "Aún no hay figuras basadas en esta encuesta.",
  },
  "figure.step.what": {
    en: "1. What to show",
    fr: "1. Ce qu'il faut montrer",
    es: "1. Qué mostrar",
  },
  "figure.step.chart": {
    en: "2. Chart",
    fr: "2. Graphique",
    es: "2. Gráfico",
  },
  "figure.step.preview": {
    en: "3. Preview",
    fr: "3. Aperçu",
    es: "3. Vista previa",
  },
  "figure.step.words": {
    en: "4. Title, caption and text alternative",
    fr: "4. Titre, légende et texte alternatif",
    es: "4. Título, leyenda y texto alternativo",
  },
  "figure.survey": {
    en: "Survey",
    fr: "Enquête",
    es: "Encuesta",
  },
  "figure.questionHint": {
    en: "Questions with choices, scales or the technology matrix can be drawn; numbers and free texts cannot.",
    fr: "Les questions à choix, les échelles et la matrice des technologies peuvent être dessinées ; les nombres et les textes libres, non.",
    es: "Se pueden dibujar las preguntas de opciones, las escalas y la matriz de tecnologías; los números y los textos libres, no.",
  },
  "figure.breakdown": {
    en: "Breakdown",
    fr: "Ventilation",
    es: "Desglose",
  },
  "figure.breakdown.none": {
    en: "None: all respondents together",
    fr: "Aucune : tous les répondants ensemble",
    es: "Ninguno: todos los encuestados juntos",
  },
  "figure.breakdown.technology": {
    en: "By technology",
    fr: "Par technologie",
    es: "Por tecnología",
  },
  "figure.breakdown.region": {
    en: "By region",
    fr: "Par région",
    es: "Por región",
  },
  "figure.breakdown.kind": {
    en: "By kind of organization",
    fr: "Par type d'organisation",
    es: "Por tipo de organización",
  },
  "figure.choose": {
    en: "Choose…",
    fr: "Choisir…",
    es: "Elegir…",
  },
  "figure.updatePreview": {
    en: "Update the preview",
    fr: "Mettre à jour l'aperçu",
    es: "Actualizar la vista previa",
  },
  "figure.previewUpdated": {
    en: "The preview was updated.",
    fr: "L'aperçu a été mis à jour.",
    es: "Se actualizó la vista previa.",
  },
  "figure.previewAlt": {
    en: "Preview of the chart: {chart}, “{question}”.",
    fr: "Aperçu du graphique : {chart}, « {question} ».",
    es: "Vista previa del gráfico: {chart}, «{question}».",
  },
  "figure.previewNone": {
    en: "Choose a question, a breakdown and a chart to see the preview.",
    fr: "Choisissez une question, une ventilation et un graphique pour voir l'aperçu.",
    es: "Elija una pregunta, un desglose y un gráfico para ver la vista previa.",
  },
  "figure.previewEmpty": {
    en: "With the answers so far this figure shows readers nothing: nobody answered, or every group has fewer than {min} organizations.",
    fr: "Avec les réponses reçues, cette figure ne montre rien aux lecteurs : personne n'a répondu, ou chaque groupe compte moins de {min} organisations.",
    es: "Con las respuestas recibidas, esta figura no muestra nada a los lectores: nadie respondió o cada grupo tiene menos de {min} organizaciones.",
  },
  "figure.showData": {
    en: "Show the data",
    fr: "Afficher les données",
    es: "Mostrar los datos",
  },
  "figure.dataCaption": {
    en: "The data drawn ({n, plural, one {# organization} other {# organizations}})",
    fr: "Les données dessinées ({n, plural, one {# organisation} other {# organisations}})",
    es: "Los datos dibujados ({n, plural, one {# organización} other {# organizaciones}})",
  },
  "figure.column.answer": {
    en: "Answer",
    fr: "Réponse",
    es: "Respuesta",
  },
  "figure.column.organizations": {
    en: "Organizations",
    fr: "Organisations",
    es: "Organizaciones",
  },
  "figure.column.technology": {
    en: "Technology",
    fr: "Technologie",
    es: "Tecnología",
  },
  "figure.column.stage": {
    en: "Stage",
    fr: "Étape",
    es: "Etapa",
  },
  "figure.column.region": {
    en: "Region",
    fr: "Région",
    es: "Región",
  },
  "figure.column.kind": {
    en: "Kind of organization",
    fr: "Type d'organisation",
    es: "Tipo de organización",
  },
  "figure.column.country": {
    en: "Country",
    fr: "Pays",
    es: "País",
  },
  "figure.column.share": {
    en: "Share at pilot or in production",
    fr: "Part en pilote ou en production",
    es: "Proporción en piloto o en producción",
  },
  "figure.slugHint": {
    en: "Sections place the figure with ::figure'{'ref=…'}'. Suggested from the title: lower-case letters, digits and hyphens.",
    fr: "Les sections placent la figure avec ::figure'{'ref=…'}'. Proposée d'après le titre : minuscules, chiffres et traits d'union.",
    es: "Las secciones colocan la figura con ::figure'{'ref=…'}'. Se propone a partir del título: minúsculas, cifras y guiones.",
  },
  "figure.save": {
    en: "Save the figure",
    fr: "Enregistrer la figure",
    es: "Guardar la figura",
  },
  "figure.error.survey": {
    en: "Choose one of the surveys.",
    fr: "Choisissez l'une des enquêtes.",
    es: "Elija una de las encuestas.",
  },
  "figure.error.question": {
    en: "Choose one of this survey's questions that can be drawn.",
    fr: "Choisissez une question de cette enquête qui peut être dessinée.",
    es: "Elija una pregunta de esta encuesta que se pueda dibujar.",
  },
  "figure.error.breakdown": {
    en: "This question cannot be broken down this way: choose one of the list.",
    fr: "Cette question ne peut pas être ventilée ainsi : choisissez dans la liste.",
    es: "Esta pregunta no se puede desglosar así: elija una opción de la lista.",
  },
  "figure.error.chart": {
    en: "This chart cannot show this question with this breakdown: choose one of the list.",
    fr: "Ce graphique ne peut pas montrer cette question avec cette ventilation : choisissez dans la liste.",
    es: "Este gráfico no puede mostrar esta pregunta con este desglose: elija uno de la lista.",
  },
  "figure.error.technology": {
    en: "Choose one of the technologies of this question.",
    fr: "Choisissez l'une des technologies de cette question.",
    es: "Elija una de las tecnologías de esta pregunta.",
  },
  "survey.chartAlt": {
    en: "Bar chart of the answers to “{question}”; the numbers are in the table that follows.",
    fr: "Diagramme en barres des réponses à « {question} » ; les nombres figurent dans le tableau qui suit.",
    es: "Gráfico de barras de las respuestas a «{question}»; las cifras están en la tabla siguiente.",
  },
  "survey.chartAltMatrix": {
    en: "Stacked bars, one per technology, showing the share of organizations at each stage for “{question}”; the numbers are in the table that follows.",
    fr: "Barres empilées, une par technologie, montrant la part des organisations à chaque étape pour « {question} » ; les nombres figurent dans le tableau qui suit.",
    es: "Barras apiladas, una por tecnología, con la proporción de organizaciones en cada etapa para «{question}»; las cifras están en la tabla siguiente.",
  },
} as const satisfies Messages;
