import type { Db } from "#src/db/client.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { emptyFields, type CaseStudyFields } from "#src/domain/case-studies.ts";
import { dateHistory, getCaseStudyBySlug } from "#src/features/case-studies/repository.ts";
import { createCaseStudy, moveCaseStudy, setAnnex } from "#src/features/case-studies/service.ts";
import { type Caller } from "#src/domain/actors.ts";
import { listOrganizations } from "#src/features/members/repository.ts";

// Demo case studies: public projects retold briefly in our own words (check the sources before
// quoting them), plus one from a fictional institute. Published on the dates below, so the library
// has content and the editions that cite them came after.

/**
 * `published`: the day it was published in the library (before the first edition citing it: the
 * 2019 edition is dated 2019-06-28, the 2022 edition 2022-06-30); `annex`: the first edition
 * whose annex holds it (the annex then keeps it).
 */
type DemoCaseStudy = {
  slug: string;
  organization: string;
  annex?: "2019" | "2022";
  published: string;
  fields: Partial<CaseStudyFields> & Pick<CaseStudyFields, "title" | "summary" | "solution" | "technologies" | "stage">;
};

export const DEMO_CASE_STUDIES: DemoCaseStudy[] = [
  {
    slug: "pe-cadena",
    organization: "Peru Customs (SUNAT)",
    annex: "2019",
    published: "2019-02-12",
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
    annex: "2019",
    published: "2018-11-06",
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
    published: "2018-09-18",
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
    published: "2019-01-22",
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
    slug: "hk-single-e-lock",
    organization: "Hong Kong, China Customs and Excise",
    annex: "2019",
    published: "2018-12-04",
    fields: {
      title: "One electronic lock for both sides of the boundary",
      technologies: ["iot"],
      stage: "production",
      periodStart: 2016,
      partners: "Guangdong customs authorities on the Mainland side; transport operators.",
      summary: "Goods moving by road between Hong Kong and Guangdong carry one electronic lock and GPS device that both customs services accept, so the seal applied at departure is checked, not replaced, at the other end.",
      problem: "Cargo crossing the boundary was sealed and checked separately by each side, with repeated stops and paperwork for the same truck.",
      solution: "Both customs services agreed to recognise the same lock and its tracking data. The lock records any opening; the route is followed by GPS; each side can inspect when its risk assessment calls for it.",
      results: "Fewer repeated inspections and quicker journeys for the traders who joined, with the control of each side kept intact.",
      lessons: "- Mutual recognition of a device is an agreement between administrations first, a technical matter second.\n- Start with a limited set of routes and control points and extend them as trust grows.",
    },
  },
  {
    slug: "kr-ai-xray",
    organization: "Korea Customs Service",
    published: "2021-04-20",
    fields: {
      title: "Machine learning to help read X-ray images of parcels",
      technologies: ["ai"],
      stage: "pilot",
      periodStart: 2019,
      summary: "A model trained on labelled scanner images points officers to parcels whose image suggests goods that are restricted or differ from the declaration.",
      problem: "Express and postal parcels grew faster than the number of officers able to read their X-ray images with care.",
      solution: "Images from past examinations were labelled and used to train a model that marks suspicious areas on new images. Officers keep the decision and their verdicts feed the next training.",
      results: "In trials the model drew attention to items officers had missed, and shortened the time spent on clear images.",
      lessons: "- Labelled images are the costly part; plan for them.\n- Keep officers in the loop so that the model learns from their findings.",
    },
  },
  {
    slug: "ae-dubai-ecommerce-ledger",
    organization: "Dubai Customs",
    annex: "2022",
    published: "2021-11-30",
    fields: {
      title: "A shared ledger for cross-border e-commerce",
      technologies: ["blockchain"],
      stage: "production",
      periodStart: 2020,
      partners: "E-commerce companies, couriers, logistics providers and free zone authorities.",
      summary: "Orders, shipments and returns of online sales are recorded on one permissioned ledger that the e-commerce companies, couriers and customs all read, so that declarations can be built from data already shared.",
      problem: "Large numbers of small parcels, each with its own order, invoice and return, were hard to declare and check one by one.",
      solution: "The platform links the sellers' order data with the couriers' shipment events on a shared ledger. Customs draws declarations and risk information from it, and returns are matched to their original sale.",
      results: "Simpler declarations for sellers and couriers, and faster handling of returns and refunds.",
      lessons: "- Bring the companies that hold the data into the design from the start.\n- Returns matter as much as outbound sales in e-commerce.",
    },
  },
  {
    slug: "tradelens",
    organization: "A.P. Moller - Maersk",
    published: "2021-06-08",
    fields: {
      title: "A shipping industry ledger that did not reach critical mass",
      technologies: ["blockchain"],
      stage: "production",
      periodStart: 2018,
      periodEnd: 2023,
      partners: "A technology company as co-developer; carriers, ports, terminals and several customs administrations as participants.",
      summary: "A carrier and a technology company built a platform to share shipping documents and container events across the supply chain. Customs administrations of several countries joined; the platform was closed after about four years.",
      problem: "Container shipping relies on documents and status messages passed between many companies, often on paper or by e-mail.",
      solution: "Participants published shipment events and documents on a permissioned ledger; authorities could read the data about shipments that concerned them.",
      results: "The platform worked technically, but not enough of the industry joined, in part because competitors hesitated to use a platform run by one of them. It was shut down in early 2023.",
      lessons: "- Neutral governance matters as much as the technology.\n- Plan how participants get their data back if a platform closes.",
    },
  },
  {
    slug: "nl-port-digital-twin",
    organization: "Port of Rotterdam Authority",
    published: "2021-10-19",
    fields: {
      title: "Sensors and a digital twin of a seaport",
      technologies: ["iot", "ai"],
      stage: "pilot",
      periodStart: 2018,
      partners: "A technology company; terminal operators.",
      summary: "Sensors along quays and in the water report conditions in the port to a digital model that planners use to schedule berths and predict the best moment for a ship to arrive.",
      problem: "Berth planning relied on estimates of tides, weather and arrival times that were often out of date.",
      solution: "Sensors measure water levels, currents and weather; the readings feed a model of the port that predicts conditions and suggests arrival windows.",
      results: "Better forecasts of when ships can berth and load, and a base for later work on automated shipping.",
      lessons: "- A port-wide data platform serves many users, including public authorities.",
    },
  },
  {
    slug: "au-smartgate",
    organization: "Australian Border Force",
    annex: "2019",
    published: "2018-10-09",
    fields: {
      title: "Automated border gates with facial comparison",
      technologies: ["biometrics"],
      stage: "production",
      periodStart: 2007,
      partners: "Airport operators.",
      summary: "Travellers with electronic passports clear the border at international airports through gates that compare their face with the photo in the passport chip.",
      problem: "Passenger numbers grew faster than the number of officers at primary inspection counters.",
      solution: "A kiosk reads the passport and a gate takes a photo of the traveller; when the two match and no alert is raised, the gate opens. Officers watch the gates and deal with the exceptions.",
      results: "Most eligible travellers pass without queuing at a counter, and officers spend more time on travellers who need attention.",
      lessons: "- Design for the exceptions: children, damaged passports, mismatches.\n- Explain to travellers what happens to their image.",
    },
  },
  {
    slug: "us-cbp-biometric-exit",
    organization: "U.S. Customs and Border Protection",
    published: "2020-12-08",
    fields: {
      title: "Facial comparison when travellers board international flights",
      technologies: ["biometrics"],
      stage: "production",
      periodStart: 2016,
      partners: "Airlines and airport operators.",
      summary: "At boarding, a camera takes the traveller's photo and a central service compares it with the photos of the passengers expected on that flight, recording their departure.",
      problem: "Departures were recorded from airline passenger lists, with no check that the person who boarded was the one listed.",
      solution: "Each flight's expected passengers form a small gallery of known photos; the live image is compared only with that gallery. Airlines operate the cameras at the gates.",
      results: "Boarding is no slower than with boarding passes, and departures are confirmed by a biometric match.",
      lessons: "- Matching against a small gallery per flight keeps error rates and processing low.\n- Offer an alternative to travellers who do not want their photo taken.",
    },
  },
  {
    slug: "us-cbp-uas",
    organization: "U.S. Customs and Border Protection",
    published: "2019-03-05",
    fields: {
      title: "Unmanned aircraft for border surveillance",
      technologies: ["drones"],
      stage: "production",
      periodStart: 2005,
      summary: "Long-endurance unmanned aircraft patrol remote stretches of land and sea borders and pass what they see to officers on the ground.",
      problem: "Long borders through deserts, mountains and open sea cannot be watched continuously by patrols on the ground.",
      solution: "Aircraft flown from ground stations carry cameras and radar, patrol for many hours, and direct ground and marine units to what they detect.",
      results: "Wider coverage of remote areas; the cost per flight hour and the need to share airspace safely remain limits.",
      lessons: "- Count the staff needed to fly the aircraft and analyse what they record.",
    },
  },
  {
    slug: "ca-cbsa-kiosks",
    organization: "Canada Border Services Agency",
    published: "2021-02-23",
    fields: {
      title: "Self-service kiosks for arriving air travellers",
      technologies: ["biometrics"],
      stage: "production",
      periodStart: 2017,
      partners: "Airport authorities.",
      summary: "Arriving travellers answer the customs declaration at a kiosk that also compares their face with their passport photo, and see an officer only when needed.",
      problem: "Paper declarations and a full interview for every traveller made arrival halls slow at peak times.",
      solution: "Kiosks read the passport, take a photo, and record the declaration; the result tells the officer at the exit who can go and who needs a closer look.",
      results: "Shorter queues and declarations captured as data rather than paper.",
      lessons: "- Offer the kiosk in several languages.\n- Let travellers declare in advance on their phone to shorten the time at the kiosk.",
    },
  },
  {
    slug: "ibts-vr-training",
    organization: "Institute for Border Technology Studies (fictional)",
    published: "2019-04-16",
    fields: {
      title: "Virtual reality for training container examiners (illustrative)",
      technologies: ["virtual-reality"],
      stage: "proof_of_concept",
      periodStart: 2018,
      summary: "An invented example: trainees practise the examination of a container in a virtual yard before they work on real ones.",
      solution: "Headsets show a yard with containers whose contents differ from their declarations; trainers change the scenarios each week.",
      results: "Trainees in the test group found more of the planted discrepancies at their first real examination.",
    },
  },
];

const EDITOR: Caller = { ...SYSTEM_ACTOR, role: "editor", organizationId: null };

const DAY = 24 * 60 * 60 * 1000;

/** When a demo case study reached each state: written ten weeks before publication, submitted a week later, accepted two weeks before. */
export function demoHistory(published: string) {
  const at = new Date(`${published}T10:00:00Z`).getTime();
  return { draft: new Date(at - 70 * DAY), submitted: new Date(at - 63 * DAY), accepted: new Date(at - 14 * DAY), published: new Date(at) };
}

/** The annex of an edition of the demo report: the annexed case studies up to that edition, in the list's order. */
async function setDemoAnnex(db: Db, reportId: string, edition: "2019" | "2022") {
  const annexed = DEMO_CASE_STUDIES.filter((c) => c.annex && c.annex <= edition).map((c) => c.slug);
  const ids = await Promise.all(annexed.map(async (slug) => (await getCaseStudyBySlug(db, slug))!.id));
  await setAnnex(db, SYSTEM_ACTOR, reportId, ids);
}

/**
 * Creates the demo case studies and publishes them, dated as it happened (the moves are made
 * now, then their times are set to the history's), and puts the 2019 annex in place.
 */
export async function loadDemoCaseStudies(db: Db, reportId: string) {
  const organizations = await listOrganizations(db, {});
  for (const demo of DEMO_CASE_STUDIES) {
    const org = organizations.find((o) => o.name === demo.organization);
    if (!org) throw new Error(`Demo organization missing: ${demo.organization}`);
    const fields: CaseStudyFields = { ...emptyFields("en"), ...demo.fields, consent: true };
    const cs = await createCaseStudy(db, EDITOR, { organizationId: org.id, fields, slug: demo.slug });
    for (const [from, to] of [["draft", "submitted"], ["submitted", "accepted"], ["accepted", "published"]] as const) {
      await moveCaseStudy(db, EDITOR, cs.id, { from, to, message: null, reason: null, supersededBy: null });
    }
    await dateHistory(db, cs.id, demoHistory(demo.published));
  }
  await setDemoAnnex(db, reportId, "2019");
}

/** The annex of the 2022 edition: the 2019 one and the case studies annexed since. */
export const annexDemoCaseStudies2022 = (db: Db, reportId: string) => setDemoAnnex(db, reportId, "2022");
