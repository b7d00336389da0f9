import type { Db } from "#src/db/client.ts";
import { SYSTEM_ACTOR } from "#src/features/audit/repository.ts";
import { emptyFields, type CaseStudyFields } from "#src/features/case-studies/domain.ts";
import { createCaseStudy, moveCaseStudy, setAnnex, type Caller } from "#src/features/case-studies/service.ts";
import { listOrganizations } from "#src/features/members/repository.ts";

// Demo case studies: public projects retold briefly in our own words (check the sources before
// quoting them), plus one from a fictional institute. Published, so the library has content.

type DemoCaseStudy = { slug: string; organization: string; annexed: boolean; fields: Partial<CaseStudyFields> & Pick<CaseStudyFields, "title" | "summary" | "solution" | "technologies" | "stage"> };

export const DEMO_CASE_STUDIES: DemoCaseStudy[] = [
  {
    slug: "pe-cadena",
    organization: "Peru Customs (SUNAT)",
    annexed: true,
    fields: {
      title: "CADENA: sharing trusted-trader data on a ledger",
      technologies: ["blockchain"],
      stage: "production",
      periodStart: 2018,
      partners: "Inter-American Development Bank; customs administrations of other Latin American countries.",
      summary: "Customs administrations that recognise each other's authorized economic operators keep the status of those operators in step through a permissioned ledger, instead of sending lists to one another.",
      problem: "Under mutual recognition arrangements each administration must know, at any time, which of its partner's operators are certified. Lists were exchanged by e-mail or on paper and were often out of date by the time they arrived.",
      solution: "Each participating administration runs a node. When it grants, suspends or withdraws a certificate, the change is written to the shared ledger and becomes visible to the partners at once. The ledger holds the certificate data, not the operators' trade data.",
      results: "Partners see a status change the same day instead of weeks later, and the exchange needs no bilateral interface for each new partner.",
      lessons: "- Agree on the data to share, and its legal basis, before building.\n- A development bank as a neutral convener made it easier for several countries to join.",
    },
  },
  {
    slug: "ke-ug-rects",
    organization: "Kenya Revenue Authority, Customs and Border Control",
    annexed: true,
    fields: {
      title: "Electronic seals for transit cargo on the Northern Corridor",
      technologies: ["iot"],
      stage: "production",
      periodStart: 2017,
      partners: "Uganda Revenue Authority; Rwanda Revenue Authority; transporters.",
      summary: "Trucks carrying goods in transit between the port of Mombasa and inland countries are sealed with electronic seals that report their position, so customs can follow them across borders without escorts.",
      problem: "Goods in transit left the corridor and were sold without duty. Physical escorts were slow and costly, and each country tracked only its own stretch of the road.",
      solution: "A regional tracking system reads the position and state of each seal and shares the alerts with the customs administrations along the route. A monitoring centre reacts when a truck stops where it should not or a seal is opened.",
      results: "Transit times fell and escorts were largely dropped; diversion of transit goods became harder to hide.",
      lessons: "- Tracking pays off only when the countries along the route share the same alerts.\n- Plan who answers an alert at night and at weekends.",
    },
  },
  {
    slug: "br-machine-learning-selection",
    organization: "Brazil Federal Revenue, Customs",
    annexed: false,
    fields: {
      title: "Machine learning to select import declarations for inspection",
      technologies: ["ai"],
      stage: "production",
      periodStart: 2014,
      summary: "A system trained on past inspections scores each import declaration for the likelihood of irregularities such as under-valuation or wrong classification, and proposes which ones to check.",
      problem: "Officers chose declarations for inspection with fixed rules that traders learnt to avoid, and the volume of declarations kept growing.",
      solution: "Models learn from the results of earlier inspections and from declaration data. Officers see the score with the reasons behind it and keep the final decision.",
      results: "More of the inspected declarations turned out to need correction, while fewer compliant shipments were held.",
      lessons: "- Feed the results of inspections back into the model.\n- Show officers why a declaration was selected.",
    },
  },
  {
    slug: "kr-export-clearance-ledger",
    organization: "Korea Customs Service",
    annexed: false,
    fields: {
      title: "A shared ledger for export clearance documents",
      technologies: ["blockchain"],
      stage: "pilot",
      periodStart: 2018,
      periodEnd: 2019,
      partners: "Exporters, shipping and logistics companies, insurers, public agencies.",
      summary: "Customs and the companies involved in an export share the documents of the shipment on one permissioned ledger, so each party sees the same, current version.",
      problem: "The same export data was typed and sent again and again between exporters, forwarders, carriers and customs, and copies disagreed.",
      solution: "A pilot network connected customs with private partners; documents and status changes were recorded once and read by all parties entitled to them.",
      results: "The pilot showed less re-keying and quicker detection of inconsistent documents; it also showed how much governance a shared network needs.",
    },
  },
  {
    slug: "ibts-vr-training",
    organization: "Institute for Border Technology Studies (fictional)",
    annexed: false,
    fields: {
      title: "Virtual reality for training container examiners (illustrative)",
      technologies: ["virtual-reality"],
      stage: "proof_of_concept",
      periodStart: 2023,
      summary: "An invented example: trainees practise the examination of a container in a virtual yard before they work on real ones.",
      solution: "Headsets show a yard with containers whose contents differ from their declarations; trainers change the scenarios each week.",
      results: "Trainees in the test group found more of the planted discrepancies at their first real examination.",
    },
  },
];

const EDITOR: Caller = { ...SYSTEM_ACTOR, role: "editor", organizationId: null };

/** Creates the demo case studies, publishes them, and puts the annexed ones in the report's annex. */
export async function loadDemoCaseStudies(db: Db, reportId: string) {
  const organizations = await listOrganizations(db, {});
  const annex: string[] = [];
  for (const demo of DEMO_CASE_STUDIES) {
    const org = organizations.find((o) => o.name === demo.organization);
    if (!org) throw new Error(`Demo organization missing: ${demo.organization}`);
    const fields: CaseStudyFields = { ...emptyFields("en"), ...demo.fields, consent: true };
    const cs = await createCaseStudy(db, EDITOR, { organizationId: org.id, fields, slug: demo.slug });
    for (const [from, to] of [["draft", "submitted"], ["submitted", "accepted"], ["accepted", "published"]] as const) {
      await moveCaseStudy(db, EDITOR, cs.id, { from, to, message: null, reason: null, supersededBy: null });
    }
    if (demo.annexed) annex.push(cs.id);
  }
  await setAnnex(db, SYSTEM_ACTOR, reportId, annex);
}
