// The demo report's text, written for the demo from public facts about the study report on
// disruptive technologies (its history, structure and themes); no sentence is taken from it.
// Introduction and Blockchain are complete in French and Spanish; other chapters are English only,
// so readers of those languages see the fallback note there.

export type DemoText = { heading: string; body: string };
export type DemoSection = { en: DemoText; fr?: DemoText; es?: DemoText; ready?: boolean };
export type DemoChapter = {
  key: string;
  kind: "front_matter" | "topic" | "cross_cutting" | "recommendations" | "conclusion";
  technology?: string;
  titles: { en: string; fr?: string; es?: string };
  sections: DemoSection[];
};

const en = (heading: string, body: string): DemoSection => ({ en: { heading, body } });

/** The report as the committee endorsed it in 2019: an introduction, seven technologies, a conclusion. */
export const CHAPTERS_2019: DemoChapter[] = [
  {
    key: "introduction",
    kind: "front_matter",
    titles: { en: "Introduction", fr: "Introduction", es: "Introducción" },
    sections: [
      {
        en: { heading: "Why this report", body: "In 2015 the Permanent Technical Committee opened a discussion on the future of Customs and set up a virtual working group to carry it between sessions. Two years later the group narrowed its focus to technologies that could change how border agencies work, and in 2018 the Committee agreed on the outline of a study report.\n\nThe report is meant to be read by officials who have to decide whether a technology deserves a pilot, and by those who must explain such a decision to others." },
        fr: { heading: "Pourquoi ce rapport", body: "En 2015, le Comité technique permanent a ouvert une réflexion sur l'avenir de la douane et créé un groupe de travail virtuel pour la poursuivre entre les sessions. Deux ans plus tard, le groupe s'est concentré sur les technologies susceptibles de changer le travail des administrations frontalières ; en 2018, le Comité a arrêté le plan d'un rapport d'étude.\n\nLe rapport s'adresse aux responsables qui doivent décider si une technologie mérite un projet pilote, et à ceux qui doivent expliquer cette décision." },
        es: { heading: "Por qué este informe", body: "En 2015, el Comité Técnico Permanente abrió un debate sobre el futuro de la aduana y creó un grupo de trabajo virtual para continuarlo entre sesiones. Dos años después, el grupo se centró en las tecnologías que podrían cambiar el trabajo de los organismos de frontera y, en 2018, el Comité acordó el esquema de un informe de estudio.\n\nEl informe está pensado para los funcionarios que deben decidir si una tecnología merece un piloto, y para quienes tienen que explicar esa decisión." },
        ready: true,
      },
      {
        en: { heading: "A living document", body: "The report is not written once. Members send case studies, answer surveys and discuss drafts in committee; the secretariat folds what they send into a living draft, and the Committee endorses a dated edition from time to time. Each edition stays online unchanged, so that it can be cited." },
        fr: { heading: "Un document évolutif", body: "Le rapport ne s'écrit pas en une fois. Les membres envoient des études de cas, répondent à des enquêtes et discutent des projets en comité ; le secrétariat intègre leurs contributions dans un projet permanent, et le Comité approuve de temps à autre une édition datée. Chaque édition reste en ligne sans modification, pour pouvoir être citée." },
        es: { heading: "Un documento vivo", body: "El informe no se escribe de una vez. Los miembros envían estudios de caso, responden encuestas y debaten los borradores en el comité; la secretaría incorpora sus aportes a un borrador permanente y el Comité aprueba de vez en cuando una edición fechada. Cada edición permanece en línea sin cambios, para que pueda citarse." },
        ready: true,
      },
      {
        en: { heading: "How to read the chapters", body: "Each technology chapter follows the same path: what the technology is, how it is used today, its benefits and risks, where it could go next and how it connects with the other technologies. The case studies named in the text are printed in full in the annex." },
        fr: { heading: "Comment lire les chapitres", body: "Chaque chapitre technologique suit le même chemin : ce qu'est la technologie, son usage actuel, ses avantages et ses risques, ses usages possibles et ses liens avec les autres technologies. Les études de cas citées dans le texte figurent en entier dans l'annexe." },
        es: { heading: "Cómo leer los capítulos", body: "Cada capítulo tecnológico sigue el mismo recorrido: qué es la tecnología, cómo se usa hoy, sus beneficios y riesgos, hacia dónde podría ir y cómo se relaciona con las demás tecnologías. Los estudios de caso citados en el texto se reproducen completos en el anexo." },
        ready: true,
      },
    ],
  },
  {
    key: "blockchain",
    kind: "topic",
    technology: "blockchain",
    titles: { en: "Blockchain", fr: "Chaîne de blocs", es: "Cadena de bloques" },
    sections: [
      {
        en: { heading: "What it is", body: "A distributed ledger is a record of transactions that several parties keep in step without a central book-keeper. Each party holds a copy; new entries are agreed by a defined procedure and cannot be quietly rewritten afterwards.[^perm]\n\nFor border agencies the interest lies less in currencies than in **shared, tamper-evident records**: certificates of origin, permits, and the status of a consignment as it moves.\n\n[^perm]: Most government projects use permissioned ledgers, where only known participants may write." },
        fr: { heading: "De quoi s'agit-il", body: "Un registre distribué est un relevé de transactions que plusieurs parties tiennent à jour ensemble, sans teneur de registre central. Chaque partie en détient une copie ; les nouvelles écritures sont validées selon une procédure convenue et ne peuvent pas être modifiées discrètement ensuite.[^perm]\n\nPour les administrations frontalières, l'intérêt tient moins aux monnaies qu'aux **registres partagés et infalsifiables** : certificats d'origine, permis, état d'un envoi au fil de son trajet.\n\n[^perm]: La plupart des projets publics utilisent des registres à permission, où seuls des participants connus peuvent écrire." },
        es: { heading: "Qué es", body: "Un registro distribuido es una relación de transacciones que varias partes mantienen al día en común, sin un custodio central. Cada parte guarda una copia; los nuevos asientos se aprueban según un procedimiento acordado y no pueden alterarse después sin que se note.[^perm]\n\nPara las administraciones de frontera, el interés no está tanto en las monedas como en los **registros compartidos e inalterables**: certificados de origen, permisos y la situación de un envío a lo largo de su trayecto.\n\n[^perm]: La mayoría de los proyectos públicos usan registros con permisos, en los que solo participantes conocidos pueden escribir." },
        ready: true,
      },
      {
        en: { heading: "How it is used today", body: "Several administrations have tested ledgers to exchange data with trading partners, for instance :case-study[a ledger of trusted traders]{ref=pe-cadena} shared by several customs administrations, or :case-study[a network for export documents]{ref=kr-export-clearance-ledger} linking customs with the private companies of an export.\n\n| Stage | What it usually means |\n|---|---|\n| Proof of concept | A few weeks, test data, one partner |\n| Pilot | Real shipments, a limited corridor |\n| In production | Part of daily operations |\n\nTable: What each stage of adoption usually means" },
        fr: { heading: "Usages actuels", body: "Plusieurs administrations ont testé des registres pour échanger des données avec leurs partenaires, par exemple :case-study[un registre des opérateurs de confiance]{ref=pe-cadena} partagé par plusieurs administrations douanières, ou :case-study[un réseau pour les documents d'exportation]{ref=kr-export-clearance-ledger} reliant la douane aux entreprises privées d'une exportation.\n\n| Étape | Ce qu'elle signifie en général |\n|---|---|\n| Preuve de concept | Quelques semaines, données de test, un partenaire |\n| Projet pilote | Envois réels, corridor limité |\n| En production | Partie des opérations quotidiennes |\n\nTableau : Ce que signifie en général chaque étape d'adoption" },
        es: { heading: "Usos actuales", body: "Varias administraciones han probado registros para intercambiar datos con sus socios comerciales, por ejemplo :case-study[un registro de operadores de confianza]{ref=pe-cadena} compartido por varias administraciones aduaneras, o :case-study[una red para los documentos de exportación]{ref=kr-export-clearance-ledger} que une la aduana con las empresas privadas de una exportación.\n\n| Etapa | Lo que suele significar |\n|---|---|\n| Prueba de concepto | Unas semanas, datos de prueba, un socio |\n| Piloto | Envíos reales, un corredor limitado |\n| En producción | Parte de las operaciones diarias |\n\nTabla: Lo que suele significar cada etapa de adopción" },
        ready: true,
      },
      {
        en: { heading: "Benefits and risks", body: "Benefits named most often are fewer manual checks of paper documents and earlier access to reliable data. Risks include unclear legal standing of ledger records, the cost of governance among many partners, and dependence on a small number of vendors.\n\n::recommendation{ref=start-with-the-business-problem}" },
        fr: { heading: "Avantages et risques", body: "Les avantages cités le plus souvent sont la diminution des contrôles manuels de documents papier et un accès plus précoce à des données fiables. Parmi les risques figurent le statut juridique incertain des écritures du registre, le coût de la gouvernance entre de nombreux partenaires et la dépendance envers un petit nombre de fournisseurs.\n\n::recommendation{ref=start-with-the-business-problem}" },
        es: { heading: "Beneficios y riesgos", body: "Los beneficios citados con más frecuencia son menos controles manuales de documentos en papel y un acceso más temprano a datos fiables. Entre los riesgos están la situación jurídica poco clara de los asientos del registro, el costo de la gobernanza entre muchos socios y la dependencia de unos pocos proveedores.\n\n::recommendation{ref=start-with-the-business-problem}" },
        ready: true,
      },
      {
        en: { heading: "Potential future use", body: "Ledgers could carry the status of certificates between countries, let a buyer's bank and a seller's customs administration see the same shipment events, and give auditors a trail that no single party controls. Each of these depends on agreements between organizations more than on the software." },
        fr: { heading: "Usages futurs possibles", body: "Les registres pourraient transmettre l'état des certificats d'un pays à l'autre, permettre à la banque de l'acheteur et à la douane du vendeur de voir les mêmes événements d'un envoi, et offrir aux auditeurs une piste qu'aucune partie ne contrôle seule. Chacun de ces usages dépend davantage d'accords entre organisations que du logiciel." },
        es: { heading: "Posibles usos futuros", body: "Los registros podrían transmitir el estado de los certificados entre países, permitir que el banco del comprador y la aduana del vendedor vean los mismos eventos de un envío y ofrecer a los auditores una traza que ninguna parte controla por sí sola. Cada uno de estos usos depende más de acuerdos entre organizaciones que del software." },
        ready: true,
      },
      {
        en: { heading: "Links with other technologies", body: "Sensors on containers can write their readings to a ledger, and analytics can then work on data that all parties accept as the same. The ledger records what happened; it does not make the data at its source any more accurate." },
        fr: { heading: "Liens avec les autres technologies", body: "Des capteurs placés sur les conteneurs peuvent inscrire leurs relevés dans un registre, et l'analyse de données peut ensuite porter sur des données que toutes les parties reconnaissent comme identiques. Le registre consigne ce qui s'est passé ; il ne rend pas plus exactes les données à leur source." },
        es: { heading: "Vínculos con otras tecnologías", body: "Los sensores de los contenedores pueden escribir sus lecturas en un registro, y la analítica puede trabajar luego con datos que todas las partes aceptan como los mismos. El registro deja constancia de lo ocurrido; no hace más exactos los datos en su origen." },
        ready: true,
      },
    ],
  },
  {
    key: "internet-of-things",
    kind: "topic",
    technology: "iot",
    titles: { en: "Internet of Things" },
    sections: [
      en("What it is", "The Internet of Things joins sensors and devices to networks so that they report what they measure: location, temperature, whether a seal has been opened. The value comes from acting on those reports quickly, not from the devices themselves."),
      en("How it is used today", "Electronic seals on transit trucks report their position along a corridor, as in :case-study[the regional cargo tracking on the Northern Corridor]{ref=ke-ug-rects}. Ports fit cranes and gates with sensors, and scanners at several sites send their images to one analysis centre."),
      en("Benefits and risks", "Tracking replaces costly escorts and shortens transit. The risks are practical: batteries and coverage on remote roads, devices that can be tampered with, and alerts that nobody is staffed to answer."),
      en("Potential future use", "Seals and sensors could report directly to the systems of several administrations along a route, so that a consignment is released on arrival because its journey is already known."),
      en("Links with other technologies", "Sensor data feeds analytics and risk engines; recorded on a shared ledger, it can be trusted by partners who did not install the sensors."),
    ],
  },
  {
    key: "artificial-intelligence",
    kind: "topic",
    technology: "ai",
    titles: { en: "Artificial intelligence" },
    sections: [
      en("What it is", "Artificial intelligence here means systems that learn patterns from data and apply them to new cases: scoring a declaration, recognising objects in an X-ray image, or grouping similar shipments. Machine learning is the part most administrations use."),
      en("How it is used today", "Selection of declarations for inspection is the most common use, as in :case-study[the selection of import declarations in Brazil]{ref=br-machine-learning-selection}. Some administrations also test image recognition on scanner images."),
      en("Benefits and risks", "Models can look at every declaration, not a sample, and adapt as fraud patterns change. They can also learn the biases of past decisions, and officers may trust a score they cannot explain."),
      en("Potential future use", "Assistants that draft classification proposals, models shared between administrations without sharing the data behind them, and image analysis that flags what an officer should look at first."),
      en("Links with other technologies", "Artificial intelligence needs the data that sensors, ledgers and electronic declarations produce; without good data it adds little."),
    ],
  },
  {
    key: "3d-printing",
    kind: "topic",
    technology: "3d-printing",
    titles: { en: "3D printing" },
    sections: [
      en("What it is", "3D printing, or additive manufacturing, builds an object layer by layer from a digital file. What crosses the border may then be a file rather than a finished good."),
      en("How it is used today", "Customs meets 3D printing mostly in trade flows: printers, raw materials and spare parts printed close to where they are needed. Few administrations use it themselves."),
      en("Benefits and risks", "Local printing shortens supply chains. It also raises questions of valuation and origin when the value lies in a design file, and of control when weapons or counterfeit parts can be printed from files sent online."),
      en("Potential future use", "Classification and valuation rules may need to cover design files; intellectual property enforcement may move from containers to data transfers."),
      en("Links with other technologies", "Ledgers could record the origin of design files, and analytics could watch trade in printer materials for signs of misuse."),
    ],
  },
  {
    key: "biometrics",
    kind: "topic",
    technology: "biometrics",
    titles: { en: "Biometrics" },
    sections: [
      en("What it is", "Biometrics identify people by traits that are hard to share or forge: the face, fingerprints, the iris. At borders, a live image is compared with the one stored in a passport chip or a database."),
      en("How it is used today", "Automated gates at airports compare a traveller's face with their passport, as in :case-study[the automated border gates in Australia]{ref=au-smartgate}. Some administrations also use fingerprints to identify drivers and brokers."),
      en("Benefits and risks", "Gates process many travellers with few officers and free staff for risk-based checks. Privacy, the protection of stored biometric data and error rates that differ between groups of people are the main concerns."),
      en("Potential future use", "Travellers enrolled once could cross several checkpoints without showing a document, if the agencies involved agree on how the data is kept and shared."),
      en("Links with other technologies", "Matching relies on machine learning; identity data could be linked with advance passenger information to decide who needs a closer look."),
    ],
  },
  {
    key: "drones",
    kind: "topic",
    technology: "drones",
    titles: { en: "Drones" },
    sections: [
      en("What it is", "Drones are aircraft without a pilot on board, from small rotor craft flown within sight to large aircraft that patrol for hours. They carry cameras and other sensors."),
      en("How it is used today", "Border agencies use them to watch land and sea borders that are hard to patrol, as in :case-study[the long-range patrols along the United States borders]{ref=us-cbp-uas}, and to inspect ship hulls and container stacks in ports."),
      en("Benefits and risks", "A drone covers ground that officers cannot reach quickly. Airspace rules, privacy, and the cost of analysing hours of video limit their use; drones are also used by smugglers."),
      en("Potential future use", "Small drones could read seals and container numbers in large yards, and detect smugglers' drones approaching a border."),
      en("Links with other technologies", "Video from drones is useful only with analytics that point officers to what matters."),
    ],
  },
  {
    key: "virtual-reality",
    kind: "topic",
    technology: "virtual-reality",
    titles: { en: "Virtual reality" },
    sections: [
      en("What it is", "Virtual reality places a user in a simulated environment; augmented reality lays digital information over the real one, for instance through glasses."),
      en("How it is used today", "Training is the main use: officers practise examinations or interviews in a simulated setting before they face real ones, as in :case-study[an illustrative training yard]{ref=ibts-vr-training}."),
      en("Benefits and risks", "Training becomes repeatable and safe, without closing a real terminal. Equipment cost and the effort to build realistic scenarios are the main obstacles."),
      en("Potential future use", "Glasses could show an officer the declared contents of a container while they examine it, or guide them through an unfamiliar procedure."),
      en("Links with other technologies", "Augmented reality needs live data from declarations and sensors to be useful on the ground."),
    ],
  },
  {
    key: "conclusion",
    kind: "conclusion",
    titles: { en: "Conclusion", fr: "Conclusion", es: "Conclusión" },
    sections: [
      {
        en: { heading: "What comes next", body: "None of these technologies changes Customs on its own. Their value shows when administrations use them together, with partners, on a clear problem. The next edition will report on how members have moved from trials to daily use." },
        fr: { heading: "Et ensuite", body: "Aucune de ces technologies ne transforme la douane à elle seule. Leur valeur apparaît lorsque les administrations les combinent, avec des partenaires, pour résoudre un problème précis. La prochaine édition rendra compte du passage des essais à l'usage quotidien." },
        es: { heading: "Lo que viene", body: "Ninguna de estas tecnologías cambia la aduana por sí sola. Su valor aparece cuando las administraciones las combinan, con socios, frente a un problema claro. La próxima edición informará sobre el paso de las pruebas al uso diario." },
        ready: true,
      },
    ],
  },
];

/** What the 2022 edition changed: new and renamed chapters, one section of survey results per technology. */
export const RENAMED_2022: Record<string, { en: string; fr?: string; es?: string }> = {
  blockchain: { en: "Blockchain and distributed ledger technology", fr: "Chaîne de blocs et technologie des registres distribués", es: "Cadena de bloques y tecnología de registros distribuidos" },
  "artificial-intelligence": { en: "Big data, data analytics, AI and machine learning" },
  "virtual-reality": { en: "Virtual, augmented and mixed reality" },
};

/** Sections the 2022 edition rewrote: chapter key → the section's place in it → its new texts. */
export const REVISED_2022: Record<string, Record<number, DemoSection>> = {
  "artificial-intelligence": {
    0: en(
      "What it is",
      "Big data means volumes and varieties of data too large for the usual tools; analytics finds patterns in them, and artificial intelligence here means systems that learn those patterns from data and apply them to new cases: scoring a declaration, recognising objects in an X-ray image, or grouping similar shipments. **Machine learning** is the part most administrations use, often together with data analytics.",
    ),
  },
};

/** New sections of 2022, added to the end of existing chapters. */
export const ADDED_SECTIONS_2022: Record<string, DemoSection[]> = {
  introduction: [
    {
      en: { heading: "What changed since 2019", body: "Since the first edition the WCO and the WTO have worked on the report together, members answered a survey on their use of these technologies in 2021, and regional workshops gathered their experience. Big data and analytics now share a chapter with artificial intelligence.\n\n::figure{ref=adoption-by-technology-2021}" },
      fr: { heading: "Ce qui a changé depuis 2019", body: "Depuis la première édition, l'OMD et l'OMC travaillent ensemble au rapport, les membres ont répondu en 2021 à une enquête sur leur usage de ces technologies, et des ateliers régionaux ont recueilli leur expérience. Les mégadonnées et l'analytique partagent désormais un chapitre avec l'intelligence artificielle.\n\n::figure{ref=adoption-by-technology-2021}" },
      es: { heading: "Qué cambió desde 2019", body: "Desde la primera edición, la OMA y la OMC trabajan juntas en el informe, los miembros respondieron en 2021 una encuesta sobre su uso de estas tecnologías y los talleres regionales recogieron su experiencia. Los macrodatos y la analítica comparten ahora un capítulo con la inteligencia artificial.\n\n::figure{ref=adoption-by-technology-2021}" },
      ready: true,
    },
  ],
  blockchain: [
    {
      en: { heading: "Implementation by Customs in 2021", body: "About a third of the administrations that answered the survey were testing a ledger through a proof of concept or a pilot; very few used one in daily operations, almost always on a permissioned network. :case-study[A platform for cross-border e-commerce]{ref=ae-dubai-ecommerce-ledger} and :case-study[a shipping industry platform that closed]{ref=tradelens} show both sides.\n\n::figure{ref=blockchain-stage-by-region}" },
      fr: { heading: "Mise en œuvre par les douanes en 2021", body: "Environ un tiers des administrations ayant répondu à l'enquête testaient un registre au moyen d'une preuve de concept ou d'un projet pilote ; très peu l'utilisaient au quotidien, presque toujours sur un réseau à permission. :case-study[Une plateforme pour le commerce électronique transfrontalier]{ref=ae-dubai-ecommerce-ledger} et :case-study[une plateforme du transport maritime qui a fermé]{ref=tradelens} montrent les deux faces.\n\n::figure{ref=blockchain-stage-by-region}" },
      es: { heading: "Aplicación por las aduanas en 2021", body: "Alrededor de un tercio de las administraciones que respondieron a la encuesta probaban un registro mediante una prueba de concepto o un piloto; muy pocas lo usaban a diario, casi siempre en una red con permisos. :case-study[Una plataforma para el comercio electrónico transfronterizo]{ref=ae-dubai-ecommerce-ledger} y :case-study[una plataforma del transporte marítimo que cerró]{ref=tradelens} muestran las dos caras.\n\n::figure{ref=blockchain-stage-by-region}" },
      ready: true,
    },
  ],
  "internet-of-things": [en("Implementation by Customs in 2021", "Answers point to automated gates at ports and land borders, electronic seals for transit, and scanner images gathered from several sites for central analysis, as with :case-study[the single electronic lock between Hong Kong, China and Guangdong]{ref=hk-single-e-lock}. :case-study[A port's digital twin]{ref=nl-port-digital-twin} shows where the private side is heading.")],
  "artificial-intelligence": [en("Implementation by Customs in 2021", "Roughly half of the administrations that answered use some combination of big data, analytics and machine learning, mostly for risk management and fraud detection; most of the others plan to. Image analysis is moving from trials to use, as in :case-study[the reading of X-ray images in Korea]{ref=kr-ai-xray}.")],
  "3d-printing": [en("Implementation by Customs in 2021", "Few answers concerned 3D printing; administrations watch it as a trade and enforcement question rather than a tool of their own.")],
  biometrics: [en("Implementation by Customs in 2021", "Biometrics are the most widespread of these technologies among the answers, through automated gates and kiosks for travellers, as with :case-study[the facial comparison at United States airports]{ref=us-cbp-biometric-exit} and :case-study[the kiosks at Canadian airports]{ref=ca-cbsa-kiosks}.")],
  drones: [en("Implementation by Customs in 2021", "Drone use is growing slowly and mainly for surveillance of borders and port areas; rules on airspace remain the first hurdle named.")],
  "virtual-reality": [en("Implementation by Customs in 2021", "Virtual and augmented reality are still mostly in training centres; few administrations have gone beyond a proof of concept.")],
};

/** Chapters first published in 2022, placed before the conclusion (after the introduction when `early`). */
export const NEW_CHAPTERS_2022: (DemoChapter & { early?: boolean })[] = [
  {
    key: "using-technologies-together-for-smart-customs",
    kind: "cross_cutting",
    early: true,
    titles: { en: "Using technologies together for Smart Customs" },
    sections: [
      en("From single tools to a whole", "Administrations get most from these technologies when they combine them: sensors produce data, ledgers make it trusted by all parties, analytics turns it into decisions, and people see the results through new interfaces. Planning them one by one leads to isolated pilots."),
      en("What it takes", "A data strategy, staff who understand both the business and the technology, partnerships with the private sector and academia, and a legal basis for sharing data across borders. The regional workshops of 2021 and 2022 returned to these points again and again."),
    ],
  },
  {
    key: "wco-wto-joint-initiatives",
    kind: "cross_cutting",
    titles: { en: "WCO–WTO joint initiatives" },
    sections: [en("Working together", "In 2021 the two secretariats agreed to study advanced technologies in cross-border trade together. A first joint paper in 2022 drew on the survey of Customs administrations; this edition is the second joint product.")],
  },
  {
    key: "recommendations",
    kind: "recommendations",
    titles: { en: "Recommendations", fr: "Recommandations", es: "Recomendaciones" },
    sections: [en("What members recommend", "These recommendations were gathered from committee sessions, conferences and regional workshops since 2017; each one lists where it came from.\n\n::recommendation{ref=start-with-the-business-problem}\n\n::recommendation{ref=prove-value-in-pilots}\n\n::recommendation{ref=partner-beyond-government}\n\n::recommendation{ref=settle-the-legal-basis}\n\n::recommendation{ref=use-shared-data-standards}\n\n::recommendation{ref=build-skills-and-manage-change}")],
  },
];

/** The living draft after 2022: newer figures and the MENA workshop, not yet in an edition. */
export const ADDED_SECTIONS_DRAFT: Record<string, DemoSection[]> = {
  introduction: [
    {
      en: { heading: "Since the 2022 edition", body: "A regional workshop for North of Africa, Near and Middle East members took place in February 2023, and a new survey ran in 2024. The figures below use it and will replace the 2021 ones in the next edition.\n\n::figure{ref=adoption-by-technology}\n\n::figure{ref=technology-radar}" },
      fr: { heading: "Depuis l'édition 2022", body: "Un atelier régional pour les membres d'Afrique du Nord, du Proche et du Moyen-Orient a eu lieu en février 2023, et une nouvelle enquête a été menée en 2024. Les figures ci-dessous en sont tirées et remplaceront celles de 2021 dans la prochaine édition.\n\n::figure{ref=adoption-by-technology}\n\n::figure{ref=technology-radar}" },
      es: { heading: "Desde la edición de 2022", body: "En febrero de 2023 se celebró un taller regional para los miembros del Norte de África, Cercano y Medio Oriente, y en 2024 se realizó una nueva encuesta. Las figuras siguientes proceden de ella y sustituirán a las de 2021 en la próxima edición.\n\n::figure{ref=adoption-by-technology}\n\n::figure{ref=technology-radar}" },
    },
  ],
  blockchain: [
    {
      en: { heading: "Where administrations stand in 2024", body: "The 2024 answers show more pilots and a few more systems in production, still concentrated in a handful of countries.\n\n::figure{ref=blockchain-world-map}" },
      fr: { heading: "Où en sont les administrations en 2024", body: "Les réponses de 2024 montrent davantage de projets pilotes et quelques systèmes de plus en production, toujours concentrés dans un petit nombre de pays.\n\n::figure{ref=blockchain-world-map}" },
      es: { heading: "Dónde están las administraciones en 2024", body: "Las respuestas de 2024 muestran más pilotos y algunos sistemas más en producción, todavía concentrados en unos pocos países.\n\n::figure{ref=blockchain-world-map}" },
    },
  ],
};
