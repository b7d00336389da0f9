import type { Messages } from "#src/i18n/message.ts";

// What goes wrong: a message per error code of lib/errors.ts, and the problems a form field can have.

export const errors = {
  "field.required": {
    en: "This field is required.",
    fr: "Ce champ est obligatoire.",
    es: "Este campo es obligatorio.",
  },
  "field.invalid": {
    en: "This value is not valid.",
    fr: "Cette valeur n'est pas valide.",
    es: "Este valor no es válido.",
  },
  "field.tooLong": {
    en: "This is too long.",
    fr: "Ce texte est trop long.",
    es: "Este texto es demasiado largo.",
  },
  "field.email": {
    en: "Enter an e-mail address such as name@example.org.",
    fr: "Saisissez une adresse électronique comme nom@exemple.org.",
    es: "Escriba un correo como nombre@ejemplo.org.",
  },
  "field.date": {
    en: "Enter a date as YYYY-MM-DD.",
    fr: "Saisissez une date au format AAAA-MM-JJ.",
    es: "Escriba una fecha con el formato AAAA-MM-DD.",
  },
  "field.passwordTooShort": {
    en: "Use at least 10 characters.",
    fr: "Utilisez au moins 10 caractères.",
    es: "Use al menos 10 caracteres.",
  },
  "field.passwordMismatch": {
    en: "The two passwords differ.",
    fr: "Les deux mots de passe diffèrent.",
    es: "Las dos contraseñas no coinciden.",
  },
  "field.country": {
    en: "Choose a country or territory from the list.",
    fr: "Choisissez un pays ou un territoire dans la liste.",
    es: "Elija un país o territorio de la lista.",
  },
  "field.membershipOrder": {
    en: "“Member until” cannot be before “member since”.",
    fr: "« Membre jusqu'au » ne peut pas précéder « membre depuis ».",
    es: "«Miembro hasta» no puede ser anterior a «miembro desde».",
  },
  "field.unknownOrganization": {
    en: "Choose an organization from the list.",
    fr: "Choisissez une organisation dans la liste.",
    es: "Elija una organización de la lista.",
  },
  "field.wrongPassword": {
    en: "The current password is not correct.",
    fr: "Le mot de passe actuel n'est pas correct.",
    es: "La contraseña actual no es correcta.",
  },
  "error.title": {
    en: "Something went wrong",
    fr: "Une erreur s'est produite",
    es: "Algo salió mal",
  },
  "error.forbiddenTitle": {
    en: "Not allowed",
    fr: "Accès refusé",
    es: "Acceso denegado",
  },
  "error.notFoundTitle": {
    en: "Page not found",
    fr: "Page introuvable",
    es: "Página no encontrada",
  },
  "error.back": {
    en: "Go to the home page",
    fr: "Aller à l'accueil",
    es: "Ir al inicio",
  },
  "error.requestId": {
    en: "Reference for support: {id}",
    fr: "Référence pour l'assistance : {id}",
    es: "Referencia para soporte: {id}",
  },
  "error.VALIDATION_FAILED": {
    en: "Some of the information sent is not valid. Correct the marked fields and try again.",
    fr: "Certaines informations envoyées ne sont pas valides. Corrigez les champs signalés et réessayez.",
    es: "Parte de la información enviada no es válida. Corrija los campos señalados e inténtelo de nuevo.",
  },
  "error.BAD_REQUEST": {
    en: "The request could not be understood. Reload the page and try again.",
    fr: "La requête n'a pas pu être comprise. Rechargez la page et réessayez.",
    es: "No se pudo entender la solicitud. Recargue la página e inténtelo de nuevo.",
  },
  "error.INVALID_CHARACTERS": {
    en: "The text sent contains characters that cannot be stored (a null byte, a control character or a broken character). Remove them, for example by retyping the text, and try again.",
    fr: "Le texte envoyé contient des caractères qui ne peuvent pas être enregistrés (octet nul, caractère de contrôle ou caractère endommagé). Supprimez-les, par exemple en retapant le texte, puis réessayez.",
    es: "El texto enviado contiene caracteres que no se pueden guardar (un byte nulo, un carácter de control o un carácter dañado). Elimínelos, por ejemplo volviendo a escribir el texto, e inténtelo de nuevo.",
  },
  "error.INVALID_CREDENTIALS": {
    en: "The e-mail address or password is not correct, or the account is deactivated.",
    fr: "L'adresse électronique ou le mot de passe est incorrect, ou le compte est désactivé.",
    es: "El correo o la contraseña no son correctos, o la cuenta está desactivada.",
  },
  "error.UNAUTHENTICATED": {
    en: "Sign in to continue.",
    fr: "Connectez-vous pour continuer.",
    es: "Inicie sesión para continuar.",
  },
  "error.FORBIDDEN": {
    en: "Your account is not allowed to do this. Ask an administrator if you need access.",
    fr: "Votre compte n'est pas autorisé à faire cela. Demandez l'accès à un administrateur si nécessaire.",
    es: "Su cuenta no tiene permiso para hacer esto. Pida acceso a un administrador si lo necesita.",
  },
  "error.CSRF_INVALID": {
    en: "This form has expired or did not come from this site. Reload the page and send it again.",
    fr: "Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et renvoyez-le.",
    es: "Este formulario caducó o no proviene de este sitio. Recargue la página y envíelo de nuevo.",
  },
  "error.NOT_FOUND": {
    en: "There is nothing at this address. Check the link, or start again from the home page.",
    fr: "Il n'y a rien à cette adresse. Vérifiez le lien ou repartez de l'accueil.",
    es: "No hay nada en esta dirección. Compruebe el enlace o vuelva al inicio.",
  },
  "error.METHOD_NOT_ALLOWED": {
    en: "This address does not accept this kind of request.",
    fr: "Cette adresse n'accepte pas ce type de requête.",
    es: "Esta dirección no acepta este tipo de solicitud.",
  },
  "error.EMAIL_TAKEN": {
    en: "A user with this e-mail address already exists. Open that user instead of creating a new one.",
    fr: "Un utilisateur avec cette adresse électronique existe déjà. Ouvrez-le au lieu d'en créer un nouveau.",
    es: "Ya existe un usuario con este correo. Ábralo en lugar de crear uno nuevo.",
  },
  "error.ORGANIZATION_NAME_TAKEN": {
    en: "An organization with this name already exists. Open it instead of creating a new one.",
    fr: "Une organisation portant ce nom existe déjà. Ouvrez-la au lieu d'en créer une nouvelle.",
    es: "Ya existe una organización con este nombre. Ábrala en lugar de crear una nueva.",
  },
  "error.SETUP_ALREADY_DONE": {
    en: "An administrator already exists. Sign in instead.",
    fr: "Un administrateur existe déjà. Connectez-vous.",
    es: "Ya existe un administrador. Inicie sesión.",
  },
  "error.LAST_ADMIN": {
    en: "This is the last active administrator. Make another user an administrator first.",
    fr: "C'est le dernier administrateur actif. Nommez d'abord un autre administrateur.",
    es: "Es el último administrador activo. Nombre antes a otro administrador.",
  },
  "error.PAYLOAD_TOO_LARGE": {
    en: "What you sent is too large. Files may be up to the size shown beside the upload field.",
    fr: "Ce que vous avez envoyé est trop volumineux. Les fichiers ne peuvent dépasser la taille indiquée à côté du champ d’envoi.",
    es: "Lo que envió es demasiado grande. Los archivos no pueden superar el tamaño indicado junto al campo de envío.",
  },
  "error.UNSUPPORTED_MEDIA_TYPE": {
    en: "This kind of content is not accepted here. Send a form or JSON.",
    fr: "Ce type de contenu n'est pas accepté ici. Envoyez un formulaire ou du JSON.",
    es: "Aquí no se acepta este tipo de contenido. Envíe un formulario o JSON.",
  },
  "error.RATE_LIMITED": {
    en: "Too many attempts. Wait a few minutes and try again.",
    fr: "Trop de tentatives. Patientez quelques minutes et réessayez.",
    es: "Demasiados intentos. Espere unos minutos e inténtelo de nuevo.",
  },
  "error.INTERNAL": {
    en: "An unexpected error occurred. It has been logged; try again in a moment.",
    fr: "Une erreur inattendue s'est produite. Elle a été consignée ; réessayez dans un instant.",
    es: "Ocurrió un error inesperado. Quedó registrado; inténtelo de nuevo en un momento.",
  },
  "error.UNAVAILABLE": {
    en: "The service is temporarily unavailable. Try again in a moment.",
    fr: "Le service est momentanément indisponible. Réessayez dans un instant.",
    es: "El servicio no está disponible por el momento. Inténtelo de nuevo en un momento.",
  },
  "field.slug": {
    en: "Use lower-case letters, digits and hyphens.",
    fr: "Utilisez des minuscules, des chiffres et des tirets.",
    es: "Use minúsculas, cifras y guiones.",
  },
  "field.conflictMarkers": {
    en: "Conflict markers remain in the text. Choose between the versions and delete the markers.",
    fr: "Des marqueurs de conflit restent dans le texte. Choisissez entre les versions et supprimez les marqueurs.",
    es: "Quedan marcadores de conflicto en el texto. Elija entre las versiones y borre los marcadores.",
  },
  "field.markdownDepth": {
    en: "Blocks are nested too deeply here (quotes, lists and ::: blocks inside one another, more than 16 levels). Flatten the structure.",
    fr: "Les blocs sont imbriqués trop profondément ici (citations, listes et blocs ::: les uns dans les autres, plus de 16 niveaux). Simplifiez la structure.",
    es: "Los bloques están anidados con demasiada profundidad aquí (citas, listas y bloques ::: unos dentro de otros, más de 16 niveles). Simplifique la estructura.",
  },
  "field.markdownInlineDepth": {
    en: "Links, brackets or text directives are nested too deeply here (more than 32 inside one another). Close them sooner.",
    fr: "Les liens, crochets ou directives sont imbriqués trop profondément ici (plus de 32 les uns dans les autres). Fermez-les plus tôt.",
    es: "Los enlaces, corchetes o directivas están anidados con demasiada profundidad aquí (más de 32 unos dentro de otros). Ciérrelos antes.",
  },
  "field.markdownFootnotes": {
    en: "This text has more than 1,000 footnotes. Split it into several sections.",
    fr: "Ce texte compte plus de 1 000 notes de bas de page. Répartissez-le en plusieurs sections.",
    es: "Este texto tiene más de 1000 notas al pie. Divídalo en varias secciones.",
  },
  "field.markdownMarks": {
    en: "This text has too many formatting marks (more than 20,000 emphasis, code or bracket marks, or a run of more than 256 identical marks). Remove the extra marks or split the text.",
    fr: "Ce texte contient trop de marques de mise en forme (plus de 20 000 marques d'emphase, de code ou de crochets, ou une suite de plus de 256 marques identiques). Supprimez les marques superflues ou divisez le texte.",
    es: "Este texto tiene demasiadas marcas de formato (más de 20 000 marcas de énfasis, código o corchetes, o una serie de más de 256 marcas idénticas). Quite las marcas sobrantes o divida el texto.",
  },
  "field.markdownLines": {
    en: "This text has more than 20,000 lines. Split it into several sections.",
    fr: "Ce texte compte plus de 20 000 lignes. Répartissez-le en plusieurs sections.",
    es: "Este texto tiene más de 20 000 líneas. Divídalo en varias secciones.",
  },
  "field.sameTechnology": {
    en: "Choose another technology.",
    fr: "Choisissez une autre technologie.",
    es: "Elija otra tecnología.",
  },
  "error.STALE_REVISION": {
    en: "Someone saved this section after you opened it. Compare the texts and save the merge.",
    fr: "Quelqu'un a enregistré cette section après que vous l'avez ouverte. Comparez les textes et enregistrez la fusion.",
    es: "Alguien guardó esta sección después de que usted la abriera. Compare los textos y guarde la fusión.",
  },
  "error.SLUG_TAKEN": {
    en: "This short name is already used. Choose another.",
    fr: "Ce nom court est déjà utilisé. Choisissez-en un autre.",
    es: "Este nombre corto ya se usa. Elija otro.",
  },
  "error.LANGUAGE_NOT_IN_REPORT": {
    en: "This report is not kept in that language.",
    fr: "Ce rapport n'existe pas dans cette langue.",
    es: "Este informe no se mantiene en ese idioma.",
  },
  "error.EDITION_LABEL_TAKEN": {
    en: "This report already has an edition with this label. Choose another.",
    fr: "Ce rapport a déjà une édition portant ce libellé. Choisissez-en un autre.",
    es: "Este informe ya tiene una edición con esta etiqueta. Elija otra.",
  },
  "error.PUBLISH_BLOCKED": {
    en: "This edition cannot be published while errors remain. Fix them, refresh the edition, and try again.",
    fr: "Cette édition ne peut pas être publiée tant qu'il reste des erreurs. Corrigez-les, actualisez l'édition et réessayez.",
    es: "Esta edición no puede publicarse mientras queden errores. Corríjalos, actualice la edición e inténtelo de nuevo.",
  },
  "error.WARNINGS_NOT_ACKNOWLEDGED": {
    en: "This edition has warnings. Acknowledge them with a note saying why it goes out as it is.",
    fr: "Cette édition comporte des avertissements. Prenez-en acte avec une note expliquant pourquoi elle paraît en l'état.",
    es: "Esta edición tiene advertencias. Reconózcalas con una nota que explique por qué se publica así.",
  },
  "error.CONFIRMATION_MISMATCH": {
    en: "Type the edition's label exactly to confirm.",
    fr: "Saisissez exactement le libellé de l'édition pour confirmer.",
    es: "Escriba exactamente la etiqueta de la edición para confirmar.",
  },
  "error.EDITION_CHANGED": {
    en: "The edition changed while it was being prepared. Look at it again and start over.",
    fr: "L'édition a changé pendant sa préparation. Vérifiez-la de nouveau et recommencez.",
    es: "La edición cambió mientras se preparaba. Revísela de nuevo y vuelva a empezar.",
  },
  "error.JOB_IN_PROGRESS": {
    en: "This edition is already being published or withdrawn. Wait until that is finished, then try again.",
    fr: "Cette édition est déjà en cours de publication ou de retrait. Attendez la fin de l'opération, puis réessayez.",
    es: "Esta edición ya se está publicando o retirando. Espere a que termine y vuelva a intentarlo.",
  },
  "error.PRECONDITION_REQUIRED": {
    en: "Say which revision your change is based on (If-Match header).",
    fr: "Indiquez la révision sur laquelle repose votre modification (en-tête If-Match).",
    es: "Indique la revisión en la que se basa su cambio (encabezado If-Match).",
  },
  "error.TOKEN_SCOPE": {
    en: "This token's scopes do not allow this operation.",
    fr: "Les portées de ce jeton ne permettent pas cette opération.",
    es: "Los ámbitos de este token no permiten esta operación.",
  },
  "error.EDITION_STATUS": {
    en: "This change of status is not allowed for this edition.",
    fr: "Ce changement de statut n'est pas permis pour cette édition.",
    es: "Este cambio de estado no está permitido para esta edición.",
  },
  "error.EDITION_IMMUTABLE": {
    en: "A published edition cannot be changed. Freeze a new edition instead.",
    fr: "Une édition publiée ne peut pas être modifiée. Figez plutôt une nouvelle édition.",
    es: "Una edición publicada no puede modificarse. Congele una nueva edición.",
  },
  "field.chooseOne": {
    en: "Choose at least one.",
    fr: "Choisissez-en au moins un.",
    es: "Elija al menos uno.",
  },
  "field.consentRequired": {
    en: "Tick the box to agree to publication under the licence.",
    fr: "Cochez la case pour accepter la publication sous la licence.",
    es: "Marque la casilla para aceptar la publicación bajo la licencia.",
  },
  "field.links": {
    en: "Enter one web address per line, each starting with http:// or https://.",
    fr: "Saisissez une adresse web par ligne, commençant par http:// ou https://.",
    es: "Escriba una dirección web por línea, que empiece por http:// o https://.",
  },
  "field.notPublished": {
    en: "Only published case studies can be annexed.",
    fr: "Seules les études de cas publiées peuvent figurer en annexe.",
    es: "Solo los estudios de caso publicados pueden figurar en el anexo.",
  },
  "field.periodOrder": {
    en: "The end year cannot be before the start year.",
    fr: "L'année de fin ne peut pas précéder l'année de début.",
    es: "El año de fin no puede ser anterior al año de inicio.",
  },
  "field.tooMany": {
    en: "There are too many entries.",
    fr: "Il y a trop d'entrées.",
    es: "Hay demasiadas entradas.",
  },
  "field.unknownCaseStudy": {
    en: "No case study has this reference.",
    fr: "Aucune étude de cas ne porte cette référence.",
    es: "Ningún estudio de caso tiene esta referencia.",
  },
  "field.year": {
    en: "Enter a year such as 2021.",
    fr: "Saisissez une année, par exemple 2021.",
    es: "Escriba un año, por ejemplo 2021.",
  },
  "error.CASE_STUDY_STATE": {
    en: "This case study has moved on since you opened the page. Look at its current state and try again.",
    fr: "Cette étude de cas a changé d'état depuis l'ouverture de la page. Consultez son état actuel et réessayez.",
    es: "Este estudio de caso ha cambiado de estado desde que abrió la página. Consulte su estado actual e inténtelo de nuevo.",
  },
  "error.CASE_STUDY_LOCKED": {
    en: "This case study cannot be changed in its current state.",
    fr: "Cette étude de cas ne peut pas être modifiée dans son état actuel.",
    es: "Este estudio de caso no puede modificarse en su estado actual.",
  },
  "error.STALE_VERSION": {
    en: "Someone saved this case study after you opened it. Your text is below; compare it with the current version before saving again.",
    fr: "Quelqu'un a enregistré cette étude de cas après que vous l'avez ouverte. Votre texte figure ci-dessous ; comparez-le avec la version actuelle avant d'enregistrer à nouveau.",
    es: "Alguien guardó este estudio de caso después de que usted lo abriera. Su texto está abajo; compárelo con la versión actual antes de guardar de nuevo.",
  },
  "error.NO_ORGANIZATION": {
    en: "Your account belongs to no organization, so it cannot submit case studies. Ask the secretariat to attach it to one.",
    fr: "Votre compte n'est rattaché à aucune organisation et ne peut donc pas soumettre d'études de cas. Demandez au secrétariat de le rattacher.",
    es: "Su cuenta no pertenece a ninguna organización, por lo que no puede presentar estudios de caso. Pida a la secretaría que la vincule a una.",
  },
  "error.NO_FILE": {
    en: "Choose a file to upload.",
    fr: "Choisissez un fichier à envoyer.",
    es: "Elija un archivo para enviar.",
  },
  "error.DOCUMENT_UNREADABLE": {
    en: "This Word file could not be read. Save it again as .docx from Word or LibreOffice and retry.",
    fr: "Ce fichier Word n'a pas pu être lu. Enregistrez-le à nouveau au format .docx depuis Word ou LibreOffice et réessayez.",
    es: "No se pudo leer este archivo de Word. Guárdelo de nuevo como .docx desde Word o LibreOffice e inténtelo otra vez.",
  },
  "error.UNSAFE_ARCHIVE": {
    en: "This file unpacks to far more data than a Word document would, so it was refused.",
    fr: "Ce fichier se décompresse en bien plus de données qu'un document Word : il a été refusé.",
    es: "Este archivo se descomprime en muchos más datos de los que tendría un documento de Word, por lo que se rechazó.",
  },
  "error.SPREADSHEET_UNREADABLE": {
    en: "This spreadsheet could not be read. Save it again as .xlsx, or as CSV in UTF-8, and retry.",
    fr: "Ce tableur n'a pas pu être lu. Enregistrez-le à nouveau au format .xlsx, ou en CSV UTF-8, et réessayez.",
    es: "No se pudo leer esta hoja de cálculo. Guárdela de nuevo como .xlsx, o como CSV en UTF-8, e inténtelo otra vez.",
  },
  "error.UNSAFE_SPREADSHEET": {
    en: "This file unpacks to far more data than a spreadsheet would, or its contents do not match what it declares, so it was refused.",
    fr: "Ce fichier se décompresse en bien plus de données qu'un tableur, ou son contenu ne correspond pas à ce qu'il annonce : il a été refusé.",
    es: "Este archivo se descomprime en muchos más datos de los que tendría una hoja de cálculo, o su contenido no coincide con lo que declara, por lo que se rechazó.",
  },
  "error.TOO_COMPLEX": {
    en: "This text or file took too long to process, so the work was stopped. Simplify it or split it into smaller parts, then try again.",
    fr: "Le traitement de ce texte ou de ce fichier a pris trop de temps et a été interrompu. Simplifiez-le ou divisez-le en parties plus petites, puis réessayez.",
    es: "El procesamiento de este texto o archivo tardó demasiado y se detuvo. Simplifíquelo o divídalo en partes más pequeñas y vuelva a intentarlo.",
  },
  "error.FILE_TYPE_NOT_ALLOWED": {
    en: "This kind of file is not accepted here. Send a Word document (.docx) to import, or a PDF, PNG, JPEG, GIF or WebP file as an attachment.",
    fr: "Ce type de fichier n'est pas accepté ici. Envoyez un document Word (.docx) à importer, ou un fichier PDF, PNG, JPEG, GIF ou WebP en pièce jointe.",
    es: "Este tipo de archivo no se acepta aquí. Envíe un documento de Word (.docx) para importar, o un archivo PDF, PNG, JPEG, GIF o WebP como adjunto.",
  },
  "field.definition": {
    en: "The question set has problems; they are listed above it.",
    fr: "Le questionnaire comporte des erreurs ; elles sont listées au-dessus.",
    es: "El cuestionario tiene errores; se enumeran encima.",
  },
  "error.SURVEY_STATE": {
    en: "The survey cannot move to that state from where it is.",
    fr: "L'enquête ne peut pas passer à cet état depuis son état actuel.",
    es: "La encuesta no puede pasar a ese estado desde el actual.",
  },
  "error.SURVEY_CLOSED": {
    en: "This survey is not open for answers.",
    fr: "Cette enquête n'est pas ouverte aux réponses.",
    es: "Esta encuesta no está abierta a respuestas.",
  },
  "error.RESPONSE_LOCKED": {
    en: "Your organization's answers were submitted and are locked. Ask the secretariat to reopen them.",
    fr: "Les réponses de votre organisation ont été envoyées et sont verrouillées. Demandez au secrétariat de les rouvrir.",
    es: "Las respuestas de su organización se enviaron y están bloqueadas. Pida a la secretaría que las reabra.",
  },
  "error.NOT_INVITED": {
    en: "Your organization is not invited to this survey.",
    fr: "Votre organisation n'est pas invitée à cette enquête.",
    es: "Su organización no está invitada a esta encuesta.",
  },
  "error.RECOMMENDATION_RETIRED": {
    en: "This recommendation is retired; it cannot be merged.",
    fr: "Cette recommandation est retirée ; elle ne peut pas être fusionnée.",
    es: "Esta recomendación está retirada; no se puede fusionar.",
  },
  "error.ROUND_CLOSED": {
    en: "This review round is closed.",
    fr: "Ce cycle de relecture est clos.",
    es: "Esta ronda de revisión está cerrada.",
  },
  "error.SUGGESTION_NOT_FOUND": {
    en: "The passage this suggestion changes is no longer in the section's text. Apply it by hand, then record the disposition.",
    fr: "Le passage que modifie cette suggestion ne figure plus dans le texte de la section. Appliquez-la à la main, puis enregistrez la suite donnée.",
    es: "El pasaje que modifica esta sugerencia ya no está en el texto de la sección. Aplíquela a mano y luego registre la respuesta.",
  },
  "error.SUGGESTION_AMBIGUOUS": {
    en: "The passage this suggestion changes now appears more than once in the section's text. Apply it by hand, then record the disposition.",
    fr: "Le passage que modifie cette suggestion figure désormais plusieurs fois dans le texte de la section. Appliquez-la à la main, puis enregistrez la suite donnée.",
    es: "El pasaje que modifica esta sugerencia aparece ahora más de una vez en el texto de la sección. Aplíquela a mano y luego registre la respuesta.",
  },
  "error.SUGGESTION_DISPOSED": {
    en: "This suggestion already has a disposition; change it with the disposition form.",
    fr: "Cette suggestion a déjà reçu une suite ; modifiez-la avec le formulaire de suite donnée.",
    es: "Esta sugerencia ya tiene una respuesta; cámbiela con el formulario de respuesta.",
  },
  "error.ROUND_NOT_OPEN": {
    en: "This review round has not opened yet.",
    fr: "Ce cycle de relecture n'est pas encore ouvert.",
    es: "Esta ronda de revisión aún no se ha abierto.",
  },
  "error.ROUND_HAS_OPEN_COMMENTS": {
    en: "Some comments have no disposition yet. Record one for each, or confirm that you close the round anyway.",
    fr: "Certains commentaires n'ont pas encore de suite donnée. Indiquez-en une pour chacun, ou confirmez la clôture malgré tout.",
    es: "Algunos comentarios aún no tienen respuesta. Indique una para cada uno o confirme que cierra la ronda de todos modos.",
  },
  "error.PROPOSAL_DECIDED": {
    en: "A decision has already been recorded for this proposal.",
    fr: "Une décision a déjà été prise sur cette proposition.",
    es: "Ya se registró una decisión sobre esta propuesta.",
  },
  "error.OWN_PROPOSAL": {
    en: "Your organization made this proposal; others can endorse it.",
    fr: "Votre organisation a fait cette proposition ; d'autres peuvent l'appuyer.",
    es: "Su organización hizo esta propuesta; otras pueden respaldarla.",
  },
  "field.endBeforeStart": {
    en: "The end date must not be before the start date.",
    fr: "La date de fin ne peut pas précéder la date de début.",
    es: "La fecha de fin no puede ser anterior a la de inicio.",
  },
  "field.reasonRequired": {
    en: "Give a reason for this disposition.",
    fr: "Indiquez la raison de cette suite.",
    es: "Indique el motivo de esta respuesta.",
  },
  "field.tooManyTokens": {
    en: "You already have 20 active tokens. Revoke one first.",
    fr: "Vous avez déjà 20 jetons actifs. Révoquez-en un d’abord.",
    es: "Ya tiene 20 tokens activos. Revoque uno primero.",
  },
} as const satisfies Messages;
