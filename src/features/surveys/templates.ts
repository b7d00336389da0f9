import type { Definition } from "#src/domain/surveys.ts";

// Question sets an editor can start from; edited afterwards as JSON.

/** A survey of technology adoption: the administration, a matrix of the report's technologies, comments. */
export function adoptionTemplate(technologies: string[]): Definition {
  const options = (pairs: [string, string, string][]) => pairs.map(([value, en, fr]) => ({ value, label: { en, fr } }));
  return {
    sections: [
      {
        id: "about",
        title: { en: "About your administration", fr: "Votre administration" },
        questions: [
          { id: "innovation_unit", type: "single", required: true, text: { en: "Does your administration have a unit in charge of innovation?", fr: "Votre administration a-t-elle un service chargé de l'innovation ?" }, options: options([["yes", "Yes", "Oui"], ["no", "No", "Non"], ["planned", "Planned", "Prévu"]]) },
          { id: "innovation_staff", type: "number", required: false, min: 0, max: 100000, unit: "FTE", text: { en: "How many staff work in it (full-time equivalents)?", fr: "Combien de personnes y travaillent (équivalents temps plein) ?" }, showIf: { question: "innovation_unit", equals: "yes" } },
          { id: "priority", type: "scale", required: false, min: 1, max: 5, text: { en: "How high a priority are new technologies for your administration?", fr: "Quelle priorité votre administration accorde-t-elle aux nouvelles technologies ?" }, minLabel: { en: "low", fr: "faible" }, maxLabel: { en: "high", fr: "élevée" } },
        ],
      },
      {
        id: "technologies",
        title: { en: "Technologies", fr: "Technologies" },
        questions: [
          {
            id: "adoption",
            type: "matrix",
            required: true,
            text: { en: "How far has your administration taken each technology?", fr: "Où en est votre administration pour chaque technologie ?" },
            technologies,
            followUps: [
              { id: "areas", text: { en: "Areas of use", fr: "Domaines d'utilisation" }, options: options([["risk", "Risk management", "Gestion des risques"], ["origin", "Certificates of origin", "Certificats d'origine"], ["aeo", "AEO data exchange", "Échange de données OEA"], ["tracking", "Tracking and e-seals", "Suivi et scellés électroniques"], ["images", "Image analysis", "Analyse d'images"], ["passengers", "Passenger processing", "Contrôle des voyageurs"]]) },
              { id: "challenges", text: { en: "Challenges", fr: "Difficultés" }, options: options([["skills", "Skills", "Compétences"], ["legal", "Legal basis", "Base juridique"], ["cost", "Cost", "Coût"], ["interop", "Interoperability", "Interopérabilité"], ["data", "Data quality", "Qualité des données"]]) },
            ],
          },
          { id: "benefits", type: "multiple", required: false, text: { en: "Which benefits have you seen so far?", fr: "Quels bénéfices avez-vous constatés ?" }, options: options([["risk", "Better risk management", "Meilleure gestion des risques"], ["fraud", "Fraud detected", "Fraude détectée"], ["speed", "Faster clearance", "Dédouanement plus rapide"], ["compliance", "Better compliance", "Meilleure conformité"], ["none", "None yet", "Aucun pour l'instant"]]) },
        ],
      },
      {
        id: "comments",
        title: { en: "Comments", fr: "Commentaires" },
        questions: [
          { id: "contact", type: "short", required: false, text: { en: "Who may we contact about your answers?", fr: "Qui pouvons-nous contacter au sujet de vos réponses ?" } },
          { id: "comments", type: "long", required: false, text: { en: "Anything else the secretariat should know?", fr: "Autre chose que le secrétariat devrait savoir ?" } },
        ],
      },
    ],
  };
}

export const blankTemplate = (): Definition => ({
  sections: [{ id: "main", title: { en: "Questions" }, questions: [{ id: "q1", type: "short", required: false, text: { en: "Your first question" } }] }],
});
