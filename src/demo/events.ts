import { randomBytes } from "node:crypto";
import type { Db } from "#src/db/client.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { EventKind, OutcomeKind } from "#src/domain/events.ts";
import * as events from "#src/features/events/service.ts";
import { insertUser, listOrganizations } from "#src/features/members/repository.ts";
import { hashPassword } from "#src/features/members/passwords.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import * as repo from "#src/features/reviews/repository.ts";
import { makeSuggestion } from "#src/features/reviews/suggestions.ts";

// Demo meetings, outcomes and recommendations, after the public history of the study (facts only;
// every sentence is ours), a closed review round with dispositions, and an open one.

type DemoOutcome = { kind: OutcomeKind; part?: string; producedBy: string; en: string; fr?: string; technologies?: string[]; recommendation?: string };
type DemoEvent = { slug: string; kind: EventKind; title: string; startsOn: string; endsOn: string; place: string | null; online?: boolean; regionCode?: string; organizers: string; parts?: string[]; documents?: [code: string, title: string][]; outcomes: DemoOutcome[] };

const THEMES: Record<string, string[]> = {
  "start-with-the-business-problem": ["strategy"],
  "prove-value-in-pilots": ["strategy", "evaluation"],
  "partner-beyond-government": ["partnerships"],
  "settle-the-legal-basis": ["legal framework"],
  "use-shared-data-standards": ["data", "interoperability"],
  "build-skills-and-manage-change": ["skills", "change management"],
  "share-experience": ["cooperation"],
};

const EVENTS: DemoEvent[] = [
  {
    slug: "ptc-2015-03",
    kind: "committee_session",
    title: "Permanent Technical Committee, spring 2015 session",
    startsOn: "2015-03-10",
    endsOn: "2015-03-13",
    place: "Brussels",
    organizers: "WCO Secretariat",
    outcomes: [{ kind: "decision", producedBy: "the Committee", en: "Open a standing discussion on the future of Customs and set up a virtual working group to carry it between sessions." }],
  },
  {
    slug: "ptc-2017-04",
    kind: "committee_session",
    title: "Permanent Technical Committee, April 2017 session",
    startsOn: "2017-04-03",
    endsOn: "2017-04-06",
    place: "Brussels",
    organizers: "WCO Secretariat",
    outcomes: [{ kind: "decision", producedBy: "the Committee", en: "Point the working group at disruptive technologies and what they mean for border agencies." }],
  },
  {
    slug: "ptc-2017-10",
    kind: "committee_session",
    title: "Permanent Technical Committee, October 2017 session",
    startsOn: "2017-10-16",
    endsOn: "2017-10-19",
    place: "Brussels",
    organizers: "WCO Secretariat",
    parts: ["Break-out group A: ledgers and trade documents", "Break-out group B: sensors, data and analytics"],
    documents: [["PC0475", "Disruptive technologies: questions for the break-out session"]],
    outcomes: [
      { kind: "recommendation", part: "Break-out group A: ledgers and trade documents", producedBy: "Break-out group A", en: "Begin with the business problem a technology should solve, not with the technology.", fr: "Partir du problème métier qu'une technologie doit résoudre, et non de la technologie.", technologies: ["blockchain"], recommendation: "start-with-the-business-problem" },
      { kind: "recommendation", part: "Break-out group B: sensors, data and analytics", producedBy: "Break-out group B", en: "Test a new technology on a small scale, with clear measures of success, before deciding on a roll-out.", technologies: ["iot", "ai"], recommendation: "prove-value-in-pilots" },
      { kind: "insight", part: "Break-out group B: sensors, data and analytics", producedBy: "Break-out group B", en: "Administrations already hold more data than they analyse; the gap is skills and tools rather than sources.", technologies: ["ai"] },
    ],
  },
  {
    slug: "ptc-2018-03",
    kind: "committee_session",
    title: "Permanent Technical Committee, March 2018 session (technology day)",
    startsOn: "2018-03-27",
    endsOn: "2018-03-28",
    place: "Brussels",
    organizers: "WCO Secretariat",
    parts: ["Workshop on ledgers", "Workshop on the Internet of Things"],
    outcomes: [
      { kind: "decision", producedBy: "the Committee", en: "Agree an outline for the study report: one chapter per technology, cross-cutting issues, recommendations and an annex of case studies." },
      { kind: "recommendation", part: "Workshop on ledgers", producedBy: "Ledger workshop", en: "Work with the private sector and academia when exploring a technology.", recommendation: "partner-beyond-government", technologies: ["blockchain"] },
    ],
  },
  {
    slug: "ptc-2019-03",
    kind: "committee_session",
    title: "Permanent Technical Committee, March 2019 session",
    startsOn: "2019-03-12",
    endsOn: "2019-03-15",
    place: "Brussels",
    organizers: "WCO Secretariat",
    documents: [["PC0541", "Study Report on Disruptive Technologies: draft for endorsement"], ["PC0541 Annex E", "Case studies received from Members"]],
    outcomes: [{ kind: "decision", producedBy: "the Committee", en: "Endorse the study report for publication." }],
  },
  {
    slug: "techcon-2020",
    kind: "conference",
    title: "Technology conference (online), 2020",
    startsOn: "2020-11-24",
    endsOn: "2020-11-26",
    place: null,
    online: true,
    organizers: "WCO Secretariat",
    outcomes: [{ kind: "recommendation", producedBy: "Closing panel", en: "Put the legal basis for electronic records and data sharing in place early.", recommendation: "settle-the-legal-basis" }],
  },
  {
    slug: "rw-2021-ap",
    kind: "regional_workshop",
    title: "Regional workshop on disruptive technologies, Asia/Pacific",
    startsOn: "2021-03-16",
    endsOn: "2021-03-17",
    place: null,
    online: true,
    regionCode: "AP",
    organizers: "WCO Secretariat and the regional office",
    parts: ["Break-out group 1: data and analytics", "Break-out group 2: connected devices at the border"],
    outcomes: [
      { kind: "recommendation", part: "Break-out group 1: data and analytics", producedBy: "Break-out group 1", en: "Describe data with shared standards so systems can exchange it, building on the WCO Data Model.", technologies: ["ai", "big-data"], recommendation: "use-shared-data-standards" },
      { kind: "recommendation", part: "Break-out group 2: connected devices at the border", producedBy: "Break-out group 2", en: "Trial devices at one crossing point and measure the effect on waiting times before extending them.", technologies: ["iot"], recommendation: "prove-value-in-pilots" },
      { kind: "insight", part: "Break-out group 2: connected devices at the border", producedBy: "Break-out group 2", en: "Electronic seals pay off only when the partner country reads them too." , technologies: ["iot"] },
    ],
  },
  {
    slug: "rw-2021-eur",
    kind: "regional_workshop",
    title: "Regional workshop on disruptive technologies, Europe",
    startsOn: "2021-05-11",
    endsOn: "2021-05-12",
    place: null,
    online: true,
    regionCode: "EUR",
    organizers: "WCO Secretariat and the regional office",
    outcomes: [{ kind: "recommendation", producedBy: "Plenary", en: "Train staff and plan for change in working methods along with every new system.", recommendation: "build-skills-and-manage-change" }],
  },
  {
    slug: "rw-2023-mena",
    kind: "regional_workshop",
    title: "Regional workshop on disruptive technologies, North of Africa, Near and Middle East",
    startsOn: "2023-02-07",
    endsOn: "2023-02-08",
    place: null,
    online: true,
    regionCode: "MENA",
    organizers: "WCO Secretariat and the regional office",
    outcomes: [{ kind: "recommendation", producedBy: "Plenary", en: "Share what worked and what did not through the WCO, so others need not repeat the same trials.", recommendation: "share-experience" }],
  },
];

/** Events, outcomes and the recommendation register of the demo report. */
export async function loadDemoEvents(db: Db, reportId: string, technologyIds: Map<string, string>) {
  const recommendations = new Map<string, string>();
  for (const e of EVENTS) {
    const event = await events.createEvent(db, SYSTEM_ACTOR, reportId, { slug: e.slug, kind: e.kind, title: e.title, startsOn: e.startsOn, endsOn: e.endsOn, place: e.place, online: e.online ?? false, regionCode: e.regionCode ?? null, organizers: e.organizers, summary: "" });
    const parts = new Map<string, string>();
    for (const title of e.parts ?? []) parts.set(title, (await events.addPart(db, SYSTEM_ACTOR, event.id, { kind: title.startsWith("Break-out") ? "breakout_group" : "agenda_item", title })).id);
    for (const [code, title] of e.documents ?? []) await events.addDocument(db, SYSTEM_ACTOR, event.id, { code, title });
    for (const o of e.outcomes) {
      const outcome = await events.addOutcome(db, SYSTEM_ACTOR, event.id, { kind: o.kind, partId: o.part ? parts.get(o.part)! : null, producedBy: o.producedBy, technologySlugs: o.technologies ?? [], texts: { en: o.en, ...(o.fr ? { fr: o.fr } : {}) } });
      if (!o.recommendation) continue;
      const existing = recommendations.get(o.recommendation);
      if (existing) await events.addSource(db, SYSTEM_ACTOR, existing, outcome.id);
      else {
        const rec = await events.createRecommendation(db, SYSTEM_ACTOR, reportId, {
          slug: o.recommendation,
          texts: outcome.texts,
          // Adopted by the Committee before the 2022 edition (editions freeze adopted ones only); the later one is still proposed.
          status: e.startsOn < "2022-06-30" ? "endorsed" : "proposed",
          statusNote: null,
          themes: THEMES[o.recommendation] ?? [],
          technologyIds: (o.technologies ?? []).flatMap((s) => (technologyIds.has(s) ? [technologyIds.get(s)!] : [])),
          outcomeIds: [outcome.id],
        });
        recommendations.set(o.recommendation, rec.id);
      }
    }
  }
}

/** A closed review round on the living draft: two members commented, the secretariat answered both. */
export async function loadDemoReview(db: Db, reportSlug: string, reportId: string) {
  const organizations = await listOrganizations(db, {});
  const org = (short: string) => organizations.find((o) => o.shortName === short)!;
  // Reviewers who cannot sign in (random passwords): the demo's comments need authors.
  const reviewer = async (name: string, email: string, organizationId: string) =>
    insertUser(db, { name, email, role: "contributor", organizationId, passwordHash: await hashPassword(randomBytes(24).toString("hex")), language: "en" });
  const kra = org("KRA");
  const kcs = org("KCS");
  const a = await reviewer("Reviewer at KRA (demo)", "reviewer.kra@example.invalid", kra.id);
  const b = await reviewer("Reviewer at KCS (demo)", "reviewer.kcs@example.invalid", kcs.id);
  const draft = await loadDraft(db, reportSlug);
  const blockchain = draft.chapters.find((c) => c.slug === "blockchain");
  const whatItIs = blockchain?.sections[0];
  const benefits = blockchain?.sections[2];
  if (!whatItIs || !benefits) return;
  // Written as it happened in spring 2024 (the service refuses comments after a round's deadline).
  const round = await repo.insertRound(db, { reportId, editionId: null, title: "Committee review of the draft, spring 2024", opensOn: "2024-04-02", closesOn: "2024-04-30", visibility: "secretariat", instructions: "Comment on any section; quote the passage you mean." });
  await repo.setInvitations(db, round.id, [kra.id, kcs.id]);
  const at = (day: string) => new Date(`2024-04-${day}T09:00:00Z`);
  await repo.insertComment(db, { roundId: round.id, sectionId: whatItIs.id, authorId: a.id, organizationId: kra.id, quote: "Each party holds a copy", body: "Say that in permissioned ledgers only approved parties hold a copy.", disposition: "accepted", reason: "Footnote added on permissioned ledgers.", disposedAt: at("25"), createdAt: at("09") });
  await repo.insertComment(db, { roundId: round.id, sectionId: benefits.id, authorId: b.id, organizationId: kcs.id, body: "Add the cost of running nodes to the risks.", disposition: "partly_accepted", reason: "Governance cost is named; node costs vary too much to state.", disposedAt: at("25"), createdAt: at("12") });
  await repo.updateRound(db, round.id, { status: "closed", closedAt: at("30") });
  await loadDemoOpenRound(db, reportId, { kra, kcs, reviewer: a, benefits });
}

/**
 * An open review round on the living draft, running from a week ago for three more weeks, to which
 * the demo contributor's organization is invited; another member already suggested a change.
 */
async function loadDemoOpenRound(db: Db, reportId: string, demo: { kra: { id: string }; kcs: { id: string }; reviewer: { id: string }; benefits: { id: string; texts: { en?: { body: string; revisionId: number } | undefined } } }) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const round = await repo.insertRound(db, {
    reportId,
    editionId: null,
    title: "Committee review of the living draft",
    opensOn: day(-7),
    closesOn: day(21),
    visibility: "secretariat",
    instructions: "Comment on any section, or select a passage and suggest a change.",
  });
  await repo.setInvitations(db, round.id, [demo.kra.id, demo.kcs.id]);
  const text = demo.benefits.texts.en;
  const passage = "earlier access to reliable data";
  const at = text ? text.body.indexOf(passage) : -1;
  if (!text || at < 0) return;
  await repo.insertComment(db, {
    roundId: round.id,
    sectionId: demo.benefits.id,
    authorId: demo.reviewer.id,
    organizationId: demo.kra.id,
    revisionId: text.revisionId,
    quote: passage,
    body: "Data shared between agencies is the point; say so.",
    suggestion: makeSuggestion(text.body, at, at + passage.length, "earlier access to reliable data shared between agencies"),
    createdAt: new Date(Date.now() - 2 * 86_400_000),
  });
}
