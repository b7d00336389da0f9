import type { Messages } from "#src/i18n/message.ts";

// Case studies: the form, moderation, messages to members, the library and the annex.

export const caseStudies = {
  "notify.caseStudy.submitted": {
    en: "“{title}” was submitted.",
    fr: "« {title} » a été soumise.",
    es: "«{title}» fue presentado.",
  },
  "notify.caseStudy.in_review": {
    en: "The secretariat is reviewing “{title}”.",
    fr: "Le secrétariat examine « {title} ».",
    es: "La secretaría está examinando «{title}».",
  },
  "notify.caseStudy.changes_requested": {
    en: "The secretariat asks for changes to “{title}”.",
    fr: "Le secrétariat demande des modifications à « {title} ».",
    es: "La secretaría pide cambios en «{title}».",
  },
  "notify.caseStudy.accepted": {
    en: "“{title}” was accepted.",
    fr: "« {title} » a été acceptée.",
    es: "«{title}» fue aceptado.",
  },
  "notify.caseStudy.published": {
    en: "“{title}” is published.",
    fr: "« {title} » est publiée.",
    es: "«{title}» está publicado.",
  },
  "notify.caseStudy.retired": {
    en: "“{title}” was retired.",
    fr: "« {title} » a été retirée.",
    es: "«{title}» fue retirado.",
  },
  "cs.new": {
    en: "New case study",
    fr: "Nouvelle étude de cas",
    es: "Nuevo estudio de caso",
  },
  "cs.none": {
    en: "No case studies yet.",
    fr: "Aucune étude de cas pour l'instant.",
    es: "Aún no hay estudios de caso.",
  },
  "cs.title": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "cs.titleHint": {
    en: "Name the project so a reader knows what it is about, e.g. “Container release on a shared ledger”.",
    fr: "Nommez le projet pour que le lecteur sache de quoi il s'agit, par exemple « Mainlevée des conteneurs sur un registre partagé ».",
    es: "Nombre el proyecto para que el lector sepa de qué trata, por ejemplo «Levante de contenedores en un registro compartido».",
  },
  "cs.language": {
    en: "Language of the text",
    fr: "Langue du texte",
    es: "Idioma del texto",
  },
  "cs.languageHint": {
    en: "The language you write in; the secretariat may translate it later.",
    fr: "La langue dans laquelle vous écrivez ; le secrétariat pourra la traduire ensuite.",
    es: "El idioma en que escribe; la secretaría podrá traducirlo después.",
  },
  "cs.technologies": {
    en: "Technologies",
    fr: "Technologies",
    es: "Tecnologías",
  },
  "cs.technologiesHint": {
    en: "Tick every technology the project uses.",
    fr: "Cochez chaque technologie utilisée par le projet.",
    es: "Marque cada tecnología que utiliza el proyecto.",
  },
  "cs.stage": {
    en: "Stage",
    fr: "Étape",
    es: "Etapa",
  },
  "cs.chooseStage": {
    en: "Choose a stage",
    fr: "Choisissez une étape",
    es: "Elija una etapa",
  },
  "cs.stage.idea": {
    en: "Idea",
    fr: "Idée",
    es: "Idea",
  },
  "cs.stage.proof_of_concept": {
    en: "Proof of concept",
    fr: "Preuve de concept",
    es: "Prueba de concepto",
  },
  "cs.stage.pilot": {
    en: "Pilot",
    fr: "Pilote",
    es: "Piloto",
  },
  "cs.stage.production": {
    en: "In production",
    fr: "En production",
    es: "En producción",
  },
  "cs.stage.discontinued": {
    en: "Discontinued",
    fr: "Abandonné",
    es: "Interrumpido",
  },
  "cs.period": {
    en: "Period",
    fr: "Période",
    es: "Periodo",
  },
  "cs.periodStart": {
    en: "Start year",
    fr: "Année de début",
    es: "Año de inicio",
  },
  "cs.periodEnd": {
    en: "End year",
    fr: "Année de fin",
    es: "Año de fin",
  },
  "cs.partners": {
    en: "Partners",
    fr: "Partenaires",
    es: "Socios",
  },
  "cs.field.summary": {
    en: "Summary",
    fr: "Résumé",
    es: "Resumen",
  },
  "cs.field.problem": {
    en: "Problem",
    fr: "Problème",
    es: "Problema",
  },
  "cs.field.solution": {
    en: "Solution",
    fr: "Solution",
    es: "Solución",
  },
  "cs.field.results": {
    en: "Results",
    fr: "Résultats",
    es: "Resultados",
  },
  "cs.field.lessons": {
    en: "Lessons learnt",
    fr: "Leçons apprises",
    es: "Lecciones aprendidas",
  },
  "cs.hint.summary": {
    en: "Two or three sentences: what was done, by whom, with what result.",
    fr: "Deux ou trois phrases : ce qui a été fait, par qui, avec quel résultat.",
    es: "Dos o tres frases: qué se hizo, quién lo hizo y con qué resultado.",
  },
  "cs.hint.problem": {
    en: "What situation or difficulty led to the project?",
    fr: "Quelle situation ou difficulté a conduit au projet ?",
    es: "¿Qué situación o dificultad dio lugar al proyecto?",
  },
  "cs.hint.solution": {
    en: "What was built or changed, and how it works.",
    fr: "Ce qui a été construit ou changé, et comment cela fonctionne.",
    es: "Qué se construyó o cambió, y cómo funciona.",
  },
  "cs.hint.results": {
    en: "What changed, with figures where you have them.",
    fr: "Ce qui a changé, chiffres à l'appui si vous en avez.",
    es: "Qué cambió, con cifras si las tiene.",
  },
  "cs.hint.lessons": {
    en: "What would you tell another administration starting the same project?",
    fr: "Que diriez-vous à une autre administration qui lance le même projet ?",
    es: "¿Qué le diría a otra administración que empiece el mismo proyecto?",
  },
  "cs.contact": {
    en: "Contact",
    fr: "Contact",
    es: "Contacto",
  },
  "cs.contactHint": {
    en: "A unit or person readers may contact, with an e-mail address.",
    fr: "Un service ou une personne que les lecteurs peuvent contacter, avec une adresse électronique.",
    es: "Una unidad o persona a la que los lectores puedan escribir, con una dirección de correo.",
  },
  "cs.links": {
    en: "Links",
    fr: "Liens",
    es: "Enlaces",
  },
  "cs.linksHint": {
    en: "Web pages about the project, one per line.",
    fr: "Pages web consacrées au projet, une par ligne.",
    es: "Páginas web sobre el proyecto, una por línea.",
  },
  "cs.consent": {
    en: "Consent",
    fr: "Consentement",
    es: "Consentimiento",
  },
  "cs.consentText": {
    en: "My organization agrees that this case study may be published under the {licence} licence, with credit to the organization.",
    fr: "Mon organisation accepte que cette étude de cas soit publiée sous la licence {licence}, avec mention de l'organisation.",
    es: "Mi organización acepta que este estudio de caso se publique bajo la licencia {licence}, con mención de la organización.",
  },
  "cs.markdownHint": {
    en: "Text fields accept Markdown: **bold**, _italic_, lists, tables and footnotes[^1].",
    fr: "Les champs de texte acceptent le Markdown : **gras**, _italique_, listes, tableaux et notes[^1].",
    es: "Los campos de texto admiten Markdown: **negrita**, _cursiva_, listas, tablas y notas[^1].",
  },
  "cs.save": {
    en: "Save",
    fr: "Enregistrer",
    es: "Guardar",
  },
  "cs.saveDraft": {
    en: "Save draft",
    fr: "Enregistrer le brouillon",
    es: "Guardar borrador",
  },
  "cs.saveAndSubmit": {
    en: "Save and submit",
    fr: "Enregistrer et soumettre",
    es: "Guardar y presentar",
  },
  "cs.editTitle": {
    en: "Edit “{title}”",
    fr: "Modifier « {title} »",
    es: "Editar «{title}»",
  },
  "cs.edit": {
    en: "Edit",
    fr: "Modifier",
    es: "Editar",
  },
  "cs.organization": {
    en: "Organization",
    fr: "Organisation",
    es: "Organización",
  },
  "cs.chooseOrganization": {
    en: "Choose the organization",
    fr: "Choisissez l'organisation",
    es: "Elija la organización",
  },
  "cs.stateLabel": {
    en: "State",
    fr: "État",
    es: "Estado",
  },
  "cs.submitted": {
    en: "Submitted",
    fr: "Soumise le",
    es: "Presentado",
  },
  "cs.updated": {
    en: "Last change",
    fr: "Dernière modification",
    es: "Último cambio",
  },
  "cs.state.draft": {
    en: "Draft",
    fr: "Brouillon",
    es: "Borrador",
  },
  "cs.state.submitted": {
    en: "Submitted",
    fr: "Soumise",
    es: "Presentado",
  },
  "cs.state.in_review": {
    en: "In review",
    fr: "En examen",
    es: "En examen",
  },
  "cs.state.changes_requested": {
    en: "Changes requested",
    fr: "Modifications demandées",
    es: "Cambios solicitados",
  },
  "cs.state.accepted": {
    en: "Accepted",
    fr: "Acceptée",
    es: "Aceptado",
  },
  "cs.state.published": {
    en: "Published",
    fr: "Publiée",
    es: "Publicado",
  },
  "cs.state.retired": {
    en: "Retired",
    fr: "Retirée",
    es: "Retirado",
  },
  "cs.move.submitted": {
    en: "Submit to the secretariat",
    fr: "Soumettre au secrétariat",
    es: "Presentar a la secretaría",
  },
  "cs.move.in_review": {
    en: "Start review",
    fr: "Commencer l'examen",
    es: "Empezar el examen",
  },
  "cs.move.changes_requested": {
    en: "Request changes",
    fr: "Demander des modifications",
    es: "Pedir cambios",
  },
  "cs.move.accepted": {
    en: "Accept",
    fr: "Accepter",
    es: "Aceptar",
  },
  "cs.move.published": {
    en: "Publish",
    fr: "Publier",
    es: "Publicar",
  },
  "cs.move.retired": {
    en: "Retire",
    fr: "Retirer",
    es: "Retirar",
  },
  "cs.moveHint.submitted": {
    en: "The secretariat will review it; you can no longer change it unless they ask for changes.",
    fr: "Le secrétariat l'examinera ; vous ne pourrez plus la modifier sauf s'il demande des changements.",
    es: "La secretaría lo examinará; ya no podrá cambiarlo salvo que le pidan cambios.",
  },
  "cs.moveHint.in_review": {
    en: "Tells the organization that you are reviewing it.",
    fr: "Indique à l'organisation que vous l'examinez.",
    es: "Indica a la organización que lo está examinando.",
  },
  "cs.moveHint.changes_requested": {
    en: "The organization can then edit and resubmit it.",
    fr: "L'organisation pourra alors la modifier et la soumettre à nouveau.",
    es: "La organización podrá entonces editarlo y presentarlo de nuevo.",
  },
  "cs.moveHint.accepted": {
    en: "It can then be published.",
    fr: "Elle pourra ensuite être publiée.",
    es: "Después podrá publicarse.",
  },
  "cs.moveHint.published": {
    en: "Readers will find it in the library.",
    fr: "Les lecteurs la trouveront dans la bibliothèque.",
    es: "Los lectores lo encontrarán en la biblioteca.",
  },
  "cs.moveHint.retired": {
    en: "It leaves the library; editions that published it keep it.",
    fr: "Elle quitte la bibliothèque ; les éditions qui l'ont publiée la conservent.",
    es: "Sale de la biblioteca; las ediciones que lo publicaron lo conservan.",
  },
  "cs.retireReason": {
    en: "Reason",
    fr: "Motif",
    es: "Motivo",
  },
  "cs.chooseReason": {
    en: "Choose a reason",
    fr: "Choisissez un motif",
    es: "Elija un motivo",
  },
  "cs.reason.redundant": {
    en: "Redundant with another case study",
    fr: "Redondante avec une autre étude de cas",
    es: "Redundante con otro estudio de caso",
  },
  "cs.reason.superseded": {
    en: "Superseded by another case study",
    fr: "Remplacée par une autre étude de cas",
    es: "Sustituido por otro estudio de caso",
  },
  "cs.reason.withdrawn": {
    en: "Withdrawn by the member",
    fr: "Retirée par le membre",
    es: "Retirado por el miembro",
  },
  "cs.retired.redundant": {
    en: "Retired: it repeats another case study.",
    fr: "Retirée : elle répète une autre étude de cas.",
    es: "Retirado: repite otro estudio de caso.",
  },
  "cs.retired.superseded": {
    en: "Retired: superseded by",
    fr: "Retirée : remplacée par",
    es: "Retirado: sustituido por",
  },
  "cs.retired.withdrawn": {
    en: "Retired: withdrawn by the member.",
    fr: "Retirée : retirée par le membre.",
    es: "Retirado: lo retiró el miembro.",
  },
  "cs.supersededBy": {
    en: "Superseded by (reference)",
    fr: "Remplacée par (référence)",
    es: "Sustituido por (referencia)",
  },
  "cs.supersededByHint": {
    en: "The reference of the case study that replaces this one, e.g. pe-cadena.",
    fr: "La référence de l'étude de cas qui la remplace, par exemple pe-cadena.",
    es: "La referencia del estudio de caso que lo sustituye, por ejemplo pe-cadena.",
  },
  "cs.messageToOrganization": {
    en: "Message to the organization",
    fr: "Message à l'organisation",
    es: "Mensaje a la organización",
  },
  "cs.messageFromSecretariat": {
    en: "Message from the secretariat",
    fr: "Message du secrétariat",
    es: "Mensaje de la secretaría",
  },
  "cs.nextSteps": {
    en: "Next steps",
    fr: "Étapes suivantes",
    es: "Próximos pasos",
  },
  "cs.publicPage": {
    en: "See the public page",
    fr: "Voir la page publique",
    es: "Ver la página pública",
  },
  "cs.compareWithSubmission": {
    en: "Changes since submission",
    fr: "Modifications depuis la soumission",
    es: "Cambios desde la presentación",
  },
  "cs.compareWithCurrent": {
    en: "compare with current",
    fr: "comparer avec la version actuelle",
    es: "comparar con la actual",
  },
  "cs.compareTitle": {
    en: "Changes to “{title}”",
    fr: "Modifications de « {title} »",
    es: "Cambios en «{title}»",
  },
  "cs.compareLead": {
    en: "From version {from} to version {to}. Added words are underlined, removed words struck through.",
    fr: "De la version {from} à la version {to}. Les mots ajoutés sont soulignés, les mots supprimés barrés.",
    es: "De la versión {from} a la versión {to}. Las palabras añadidas aparecen subrayadas y las suprimidas tachadas.",
  },
  "cs.diffField.title": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "cs.diffField.technologies": {
    en: "Technologies",
    fr: "Technologies",
    es: "Tecnologías",
  },
  "cs.diffField.stage": {
    en: "Stage",
    fr: "Étape",
    es: "Etapa",
  },
  "cs.diffField.period": {
    en: "Period",
    fr: "Période",
    es: "Periodo",
  },
  "cs.diffField.partners": {
    en: "Partners",
    fr: "Partenaires",
    es: "Socios",
  },
  "cs.diffField.summary": {
    en: "Summary",
    fr: "Résumé",
    es: "Resumen",
  },
  "cs.diffField.problem": {
    en: "Problem",
    fr: "Problème",
    es: "Problema",
  },
  "cs.diffField.solution": {
    en: "Solution",
    fr: "Solution",
    es: "Solución",
  },
  "cs.diffField.results": {
    en: "Results",
    fr: "Résultats",
    es: "Resultados",
  },
  "cs.diffField.lessons": {
    en: "Lessons learnt",
    fr: "Leçons apprises",
    es: "Lecciones aprendidas",
  },
  "cs.diffField.contact": {
    en: "Contact",
    fr: "Contact",
    es: "Contacto",
  },
  "cs.diffField.links": {
    en: "Links",
    fr: "Liens",
    es: "Enlaces",
  },
  "cs.similarTitle": {
    en: "Similar case studies",
    fr: "Études de cas similaires",
    es: "Estudios de caso similares",
  },
  "cs.similarEditor": {
    en: "These look alike. If one repeats another, merge them or retire the redundant one rather than publish both.",
    fr: "Ces études se ressemblent. Si l'une en répète une autre, fusionnez-les ou retirez la redondante plutôt que de publier les deux.",
    es: "Estos se parecen. Si uno repite a otro, fusiónelos o retire el redundante en lugar de publicar ambos.",
  },
  "cs.similarContributor": {
    en: "These existing case studies look similar to yours. If yours repeats one of them, tell the secretariat in your message.",
    fr: "Ces études de cas existantes ressemblent à la vôtre. Si la vôtre en répète une, signalez-le au secrétariat dans votre message.",
    es: "Estos estudios de caso existentes se parecen al suyo. Si el suyo repite alguno, indíquelo a la secretaría en su mensaje.",
  },
  "cs.similarity": {
    en: "{percent}% alike",
    fr: "ressemblance {percent} %",
    es: "{percent} % de parecido",
  },
  "cs.sameOrganization": {
    en: "same organization",
    fr: "même organisation",
    es: "misma organización",
  },
  "cs.sameTechnology": {
    en: "same technology",
    fr: "même technologie",
    es: "misma tecnología",
  },
  "cs.facts": {
    en: "Facts",
    fr: "Faits",
    es: "Datos",
  },
  "cs.files": {
    en: "Files",
    fr: "Fichiers",
    es: "Archivos",
  },
  "cs.noFiles": {
    en: "No files.",
    fr: "Aucun fichier.",
    es: "No hay archivos.",
  },
  "cs.original": {
    en: "original Word file",
    fr: "fichier Word d'origine",
    es: "archivo de Word original",
  },
  "cs.addAttachment": {
    en: "Add an attachment",
    fr: "Ajouter une pièce jointe",
    es: "Añadir un adjunto",
  },
  "cs.attachmentHint": {
    en: "PDF or picture (PNG, JPEG, GIF, WebP), up to {limit} MB.",
    fr: "PDF ou image (PNG, JPEG, GIF, WebP), jusqu'à {limit} Mo.",
    es: "PDF o imagen (PNG, JPEG, GIF, WebP), hasta {limit} MB.",
  },
  "cs.upload": {
    en: "Upload",
    fr: "Envoyer",
    es: "Enviar",
  },
  "cs.removeFile": {
    en: "Remove {name}",
    fr: "Supprimer {name}",
    es: "Quitar {name}",
  },
  "cs.history": {
    en: "History",
    fr: "Historique",
    es: "Historial",
  },
  "cs.versions": {
    en: "Versions",
    fr: "Versions",
    es: "Versiones",
  },
  "cs.versionN": {
    en: "Version {n}",
    fr: "Version {n}",
    es: "Versión {n}",
  },
  "cs.note.draft": {
    en: "saved",
    fr: "enregistrée",
    es: "guardada",
  },
  "cs.note.edit": {
    en: "edited by the secretariat",
    fr: "modifiée par le secrétariat",
    es: "editada por la secretaría",
  },
  "cs.note.import": {
    en: "imported from Word",
    fr: "importée de Word",
    es: "importada de Word",
  },
  "cs.queue": {
    en: "Case studies to moderate",
    fr: "Études de cas à modérer",
    es: "Estudios de caso por moderar",
  },
  "cs.byState": {
    en: "By state",
    fr: "Par état",
    es: "Por estado",
  },
  "cs.waiting": {
    en: "Waiting for the secretariat",
    fr: "En attente du secrétariat",
    es: "En espera de la secretaría",
  },
  "cs.importTitle": {
    en: "Start from a Word document",
    fr: "Partir d'un document Word",
    es: "Empezar desde un documento de Word",
  },
  "cs.importLead": {
    en: "Upload a .docx file: its headings fill the matching fields, its pictures become attachments, and you check everything before submitting. The original file is kept.",
    fr: "Envoyez un fichier .docx : ses titres remplissent les champs correspondants, ses images deviennent des pièces jointes, et vous vérifiez le tout avant de soumettre. Le fichier d'origine est conservé.",
    es: "Envíe un archivo .docx: sus títulos rellenan los campos correspondientes, sus imágenes pasan a ser adjuntos y usted revisa todo antes de presentar. Se conserva el archivo original.",
  },
  "cs.templateDownload": {
    en: "Download the Word template",
    fr: "Télécharger le modèle Word",
    es: "Descargar la plantilla de Word",
  },
  "cs.wordFile": {
    en: "Word document (.docx)",
    fr: "Document Word (.docx)",
    es: "Documento de Word (.docx)",
  },
  "cs.wordFileHint": {
    en: "Up to {limit} MB.",
    fr: "Jusqu'à {limit} Mo.",
    es: "Hasta {limit} MB.",
  },
  "cs.importButton": {
    en: "Import",
    fr: "Importer",
    es: "Importar",
  },
  "cs.template.title": {
    en: "Case study",
    fr: "Étude de cas",
    es: "Estudio de caso",
  },
  "cs.template.titlePlaceholder": {
    en: "Title of your case study",
    fr: "Titre de votre étude de cas",
    es: "Título de su estudio de caso",
  },
  "cs.template.intro": {
    en: "Replace the text under each heading and keep the headings: they tell the platform which field is which.",
    fr: "Remplacez le texte sous chaque titre et conservez les titres : ils indiquent à la plateforme quel champ est lequel.",
    es: "Sustituya el texto bajo cada título y conserve los títulos: indican a la plataforma qué campo es cuál.",
  },
  "cs.template.technologiesHelp": {
    en: "Name the technologies the project uses, e.g. blockchain, drones.",
    fr: "Citez les technologies utilisées par le projet, par exemple chaîne de blocs, drones.",
    es: "Nombre las tecnologías que utiliza el proyecto, por ejemplo cadena de bloques, drones.",
  },
  "cs.template.periodHelp": {
    en: "The years the project ran, e.g. 2019 to 2021.",
    fr: "Les années du projet, par exemple 2019 à 2021.",
    es: "Los años del proyecto, por ejemplo de 2019 a 2021.",
  },
  "cs.template.partnersHelp": {
    en: "Other organizations involved.",
    fr: "Les autres organisations associées.",
    es: "Otras organizaciones participantes.",
  },
  "cs.flash.saved": {
    en: "“{title}” was saved.",
    fr: "« {title} » a été enregistrée.",
    es: "«{title}» se guardó.",
  },
  "cs.flash.submitted": {
    en: "“{title}” was submitted to the secretariat.",
    fr: "« {title} » a été soumise au secrétariat.",
    es: "«{title}» se presentó a la secretaría.",
  },
  "cs.flash.imported": {
    en: "Your Word file was read ({count, plural, one {# field recognised} other {# fields recognised}}). Check each field, then save or submit.",
    fr: "Votre fichier Word a été lu ({count, plural, one {# champ reconnu} other {# champs reconnus}}). Vérifiez chaque champ, puis enregistrez ou soumettez.",
    es: "Se leyó su archivo de Word ({count, plural, one {# campo reconocido} other {# campos reconocidos}}). Revise cada campo y después guarde o presente.",
  },
  "cs.flash.moved": {
    en: "The case study is now: {state}.",
    fr: "L'étude de cas est maintenant : {state}.",
    es: "El estudio de caso está ahora: {state}.",
  },
  "cs.flash.fileAdded": {
    en: "{name} was attached.",
    fr: "{name} a été joint.",
    es: "Se adjuntó {name}.",
  },
  "cs.credit": {
    en: "Contributed by {organization}",
    fr: "Contribution de {organization}",
    es: "Aportado por {organization}",
  },
  "cs.publishedOn": {
    en: "published",
    fr: "publiée le",
    es: "publicado el",
  },
  "cs.publicRetired": {
    en: "This case study has been retired; it remains here because published editions refer to it.",
    fr: "Cette étude de cas a été retirée ; elle reste ici car des éditions publiées y renvoient.",
    es: "Este estudio de caso se ha retirado; sigue aquí porque ediciones publicadas remiten a él.",
  },
  "cs.inEditions": {
    en: "In report editions",
    fr: "Dans les éditions du rapport",
    es: "En ediciones del informe",
  },
  "cs.inNoEdition": {
    en: "No published edition annexes this case study yet.",
    fr: "Aucune édition publiée n'annexe encore cette étude de cas.",
    es: "Ninguna edición publicada anexa todavía este estudio de caso.",
  },
  "cs.licenceLine": {
    en: "© {organization}. Published under the CC BY 4.0 licence.",
    fr: "© {organization}. Publiée sous licence CC BY 4.0.",
    es: "© {organization}. Publicado bajo licencia CC BY 4.0.",
  },
  "library.title": {
    en: "Case studies",
    fr: "Études de cas",
    es: "Estudios de caso",
  },
  "library.lead": {
    en: "Projects members have carried out with new technologies, as they described them.",
    fr: "Des projets menés par les membres avec les nouvelles technologies, tels qu'ils les décrivent.",
    es: "Proyectos que los miembros han llevado a cabo con nuevas tecnologías, tal como los describen.",
  },
  "library.search": {
    en: "Search",
    fr: "Rechercher",
    es: "Buscar",
  },
  "library.apply": {
    en: "Apply",
    fr: "Appliquer",
    es: "Aplicar",
  },
  "library.clear": {
    en: "Clear all filters",
    fr: "Effacer tous les filtres",
    es: "Quitar todos los filtros",
  },
  "library.count": {
    en: "Results: {count}",
    fr: "Résultats : {count}",
    es: "Resultados: {count}",
  },
  "library.none": {
    en: "No case study matches. Remove a filter or try other words.",
    fr: "Aucune étude de cas ne correspond. Retirez un filtre ou essayez d'autres mots.",
    es: "Ningún estudio de caso coincide. Quite un filtro o pruebe otras palabras.",
  },
  "library.sort": {
    en: "Sort by",
    fr: "Trier par",
    es: "Ordenar por",
  },
  "library.sort.recent": {
    en: "Most recent",
    fr: "Plus récentes",
    es: "Más recientes",
  },
  "library.sort.relevance": {
    en: "Relevance",
    fr: "Pertinence",
    es: "Pertinencia",
  },
  "library.sort.title": {
    en: "Title",
    fr: "Titre",
    es: "Título",
  },
  "library.sort.year": {
    en: "Year",
    fr: "Année",
    es: "Año",
  },
  "library.year": {
    en: "Year",
    fr: "Année",
    es: "Año",
  },
  "library.pages": {
    en: "Pages",
    fr: "Pages",
    es: "Páginas",
  },
  "library.previous": {
    en: "Previous page",
    fr: "Page précédente",
    es: "Página anterior",
  },
  "library.next": {
    en: "Next page",
    fr: "Page suivante",
    es: "Página siguiente",
  },
  "library.pageOf": {
    en: "Page {page} of {pages}",
    fr: "Page {page} sur {pages}",
    es: "Página {page} de {pages}",
  },
  "annex.title": {
    en: "Case-study annex",
    fr: "Annexe des études de cas",
    es: "Anexo de estudios de caso",
  },
  "annex.lead": {
    en: "The published case studies the next edition annexes, in this order. Freezing an edition pins the version of each.",
    fr: "Les études de cas publiées que la prochaine édition annexe, dans cet ordre. Figer une édition fixe la version de chacune.",
    es: "Los estudios de caso publicados que anexa la próxima edición, en este orden. Congelar una edición fija la versión de cada uno.",
  },
  "annex.empty": {
    en: "The annex is empty.",
    fr: "L'annexe est vide.",
    es: "El anexo está vacío.",
  },
  "annex.remove": {
    en: "Remove",
    fr: "Retirer",
    es: "Quitar",
  },
  "annex.add": {
    en: "Add a case study",
    fr: "Ajouter une étude de cas",
    es: "Añadir un estudio de caso",
  },
  "annex.addHint": {
    en: "Its reference (e.g. pe-cadena) or the address of its public page.",
    fr: "Sa référence (par exemple pe-cadena) ou l'adresse de sa page publique.",
    es: "Su referencia (por ejemplo pe-cadena) o la dirección de su página pública.",
  },
  "annex.addButton": {
    en: "Add",
    fr: "Ajouter",
    es: "Añadir",
  },
  "annex.saved": {
    en: "The annex was saved.",
    fr: "L'annexe a été enregistrée.",
    es: "Se guardó el anexo.",
  },
  "annex.chapterTitle": {
    en: "Annex: case studies",
    fr: "Annexe : études de cas",
    es: "Anexo: estudios de caso",
  },
  "annex.entryNumber": {
    en: "A.{n}",
    fr: "A.{n}",
    es: "A.{n}",
  },
  "annex.latest": {
    en: "The case study's latest version",
    fr: "Dernière version de l'étude de cas",
    es: "Última versión del estudio de caso",
  },
  "annex.manage": {
    en: "Case-study annex",
    fr: "Annexe des études de cas",
    es: "Anexo de estudios de caso",
  },
} as const satisfies Messages;
