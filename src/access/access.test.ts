import { describe, expect, it } from "vitest";
import { authorize, can, moveAction, refusal, type Resource, type Who } from "#src/access/index.ts";
import { CASE_STUDY_STATES, type CaseStudyState } from "#src/domain/case-studies.ts";
import { isAppError } from "#src/lib/errors.ts";

const ORG = "org-a";
const OTHER = "org-b";
const anonymous = null;
const member: Who = { role: "contributor", organizationId: ORG };
const outsider: Who = { role: "contributor", organizationId: OTHER };
const homeless: Who = { role: "contributor", organizationId: null };
const editor: Who = { role: "editor", organizationId: null };
const admin: Who = { role: "admin", organizationId: OTHER };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const caseStudy = (state: CaseStudyState, publishedAt: Date | null = null): Resource => ({ kind: "case-study", caseStudy: { organizationId: ORG, state, publishedAt } });
const round = (over: Partial<{ status: "open" | "closed"; opensOn: string; closesOn: string }>, invited: boolean): Resource => ({
  kind: "review-round",
  round: { status: "open", opensOn: day(-1), closesOn: day(1), ...over },
  invited,
});
const comment = (status: "open" | "closed", visibility: "secretariat" | "open", organizationId: string | null): Resource => ({ kind: "review-comment", round: { status, visibility }, comment: { organizationId } });
const proposal = (status: "open" | "accepted", organizationId: string | null): Resource => ({ kind: "proposal", proposal: { status, organizationId } });
const published = new Date("2024-01-01");

// who, action, resource → null (allowed) or the refusal's code
const TABLE: [string, Who | null, string, Resource, string | null][] = [
  // Case studies: hidden from other organizations, locked outside the states their writer holds them in.
  ["member views own", member, "view", caseStudy("submitted"), null],
  ["outsider cannot see another's", outsider, "view", caseStudy("submitted"), "NOT_FOUND"],
  ["no organization sees none", homeless, "view", caseStudy("draft"), "NOT_FOUND"],
  ["anonymous sees no working page", anonymous, "view", caseStudy("published", published), "NOT_FOUND"],
  ["editor views any", editor, "view", caseStudy("draft"), null],
  ["member edits a draft", member, "edit", caseStudy("draft"), null],
  ["member edits when changes are requested", member, "edit", caseStudy("changes_requested"), null],
  ["member's text is locked once submitted", member, "edit", caseStudy("submitted"), "CASE_STUDY_LOCKED"],
  ["outsider's edit is a 404, not a lock", outsider, "edit", caseStudy("submitted"), "NOT_FOUND"],
  ["editor edits after submission", editor, "edit", caseStudy("accepted"), null],
  ["nobody edits a retired one", admin, "edit", caseStudy("retired"), "CASE_STUDY_LOCKED"],
  ["member submits a draft", member, "submit", caseStudy("draft"), null],
  ["editor submits for the organization", editor, "submit", caseStudy("changes_requested"), null],
  ["nothing to submit once submitted", member, "submit", caseStudy("submitted"), "CASE_STUDY_STATE"],
  ["member does not moderate", member, "moderate", caseStudy("submitted"), "FORBIDDEN"],
  ["outsider's moderation is a 404", outsider, "moderate", caseStudy("submitted"), "NOT_FOUND"],
  ["editor moderates", editor, "moderate", caseStudy("submitted"), null],
  ["anyone reads a published one", anonymous, "read", caseStudy("published", published), null],
  ["a retired one stays readable", anonymous, "read", caseStudy("retired", published), null],
  ["a never published retired one is not", editor, "read", caseStudy("retired"), "NOT_FOUND"],
  ["an accepted one is not public yet", anonymous, "read", caseStudy("accepted"), "NOT_FOUND"],
  // Files of case studies
  ["published attachment is public", anonymous, "download", { kind: "case-study-file", file: { kind: "attachment" }, caseStudy: { organizationId: ORG, state: "published", publishedAt: published } }, null],
  ["the Word original stays private", anonymous, "download", { kind: "case-study-file", file: { kind: "original" }, caseStudy: { organizationId: ORG, state: "published", publishedAt: published } }, "NOT_FOUND"],
  ["an unpublished attachment is the organization's", member, "download", { kind: "case-study-file", file: { kind: "attachment" }, caseStudy: { organizationId: ORG, state: "draft", publishedAt: null } }, null],
  ["…and hidden from others", outsider, "download", { kind: "case-study-file", file: { kind: "attachment" }, caseStudy: { organizationId: ORG, state: "draft", publishedAt: null } }, "NOT_FOUND"],
  // Contributing for an organization
  ["member contributes for own", member, "contribute", { kind: "organization", id: ORG }, null],
  ["member not for another", member, "contribute", { kind: "organization", id: OTHER }, "FORBIDDEN"],
  ["without an organization, none", homeless, "contribute", { kind: "organization", id: OTHER }, "NO_ORGANIZATION"],
  ["editor for any", editor, "contribute", { kind: "organization", id: OTHER }, null],
  // Survey responses
  ["member answers for own invited organization", member, "answer", { kind: "survey-response", organizationId: ORG, invited: true }, null],
  ["not for another organization", outsider, "answer", { kind: "survey-response", organizationId: ORG, invited: true }, "FORBIDDEN"],
  ["not when not invited", member, "answer", { kind: "survey-response", organizationId: ORG, invited: false }, "NOT_INVITED"],
  ["editor types answers for an invited one", editor, "answer", { kind: "survey-response", organizationId: ORG, invited: true }, null],
  ["editor cannot answer for an uninvited one", editor, "answer", { kind: "survey-response", organizationId: ORG, invited: false }, "NOT_INVITED"],
  ["editor may look at an uninvited form", editor, "view", { kind: "survey-response", organizationId: ORG, invited: false }, null],
  ["member may not", member, "view", { kind: "survey-response", organizationId: ORG, invited: false }, "NOT_INVITED"],
  // Review rounds
  ["invited member sees the round", member, "view", round({}, true), null],
  ["others do not learn it exists", member, "view", round({}, false), "NOT_FOUND"],
  ["the secretariat sees every round", editor, "view", round({}, false), null],
  ["invited member comments", member, "comment", round({}, true), null],
  ["uninvited member does not", member, "comment", round({}, false), "NOT_INVITED"],
  ["the secretariat comments uninvited", editor, "comment", round({}, false), null],
  ["not before the opening day", member, "comment", round({ opensOn: day(1), closesOn: day(2) }, true), "ROUND_NOT_OPEN"],
  ["not after the closing day", member, "comment", round({ opensOn: day(-2), closesOn: day(-1) }, true), "ROUND_CLOSED"],
  ["not once closed", editor, "comment", round({ status: "closed" }, true), "ROUND_CLOSED"],
  // Review comments
  ["own organization's comment", member, "view", comment("open", "secretariat", ORG), null],
  ["not another's while the round runs", outsider, "view", comment("open", "secretariat", ORG), "NOT_FOUND"],
  ["no organization, no own comments", homeless, "view", comment("open", "secretariat", null), "NOT_FOUND"],
  ["everyone's in an open round", outsider, "view", comment("open", "open", ORG), null],
  ["everyone's once closed", outsider, "view", comment("closed", "secretariat", ORG), null],
  ["the secretariat sees all", editor, "view", comment("open", "secretariat", ORG), null],
  // Topic proposals
  ["another organization endorses", outsider, "endorse", proposal("open", ORG), null],
  ["not one's own", member, "endorse", proposal("open", ORG), "OWN_PROPOSAL"],
  ["not once decided", outsider, "endorse", proposal("accepted", ORG), "PROPOSAL_DECIDED"],
  ["not without an organization", editor, "endorse", proposal("open", ORG), "NO_ORGANIZATION"],
  ["the secretariat decides", editor, "decide", proposal("open", ORG), null],
  ["members do not", member, "decide", proposal("open", OTHER), "FORBIDDEN"],
  ["nor twice", admin, "decide", proposal("accepted", ORG), "PROPOSAL_DECIDED"],
  // Editions, the living draft, exports
  ["anyone reads a published edition", anonymous, "read", { kind: "edition", edition: { status: "published" } }, null],
  ["and a withdrawn one", anonymous, "read", { kind: "edition", edition: { status: "withdrawn" } }, null],
  ["an edition in review asks to sign in", anonymous, "read", { kind: "edition", edition: { status: "in_review" } }, "UNAUTHENTICATED"],
  ["members read it", member, "read", { kind: "edition", edition: { status: "draft" } }, null],
  ["the secretariat publishes", editor, "publish", { kind: "edition", edition: { status: "in_review" } }, null],
  ["members do not", member, "publish", { kind: "edition", edition: { status: "in_review" } }, "FORBIDDEN"],
  ["nor withdraw", member, "withdraw", { kind: "edition", edition: { status: "published" } }, "FORBIDDEN"],
  ["an administrator withdraws", admin, "withdraw", { kind: "edition", edition: { status: "published" } }, null],
  ["the secretariat compares with the draft", editor, "compare", { kind: "living-draft" }, null],
  ["members do not", member, "compare", { kind: "living-draft" }, "FORBIDDEN"],
  ["anonymous readers sign in first", anonymous, "export", { kind: "living-draft" }, "UNAUTHENTICATED"],
  ["public export for anyone", anonymous, "download", { kind: "export", draft: false, membersOnly: false }, null],
  ["members' export asks to sign in", anonymous, "download", { kind: "export", draft: false, membersOnly: true }, "UNAUTHENTICATED"],
  ["members' export for members", member, "download", { kind: "export", draft: false, membersOnly: true }, null],
  ["the draft's export is the secretariat's", member, "download", { kind: "export", draft: true, membersOnly: true }, "FORBIDDEN"],
  ["…which may", admin, "download", { kind: "export", draft: true, membersOnly: true }, null],
];

// The table holds every kind's actions as strings; the typed signature is checked at the call sites.
const looseRefusal = refusal as (who: Who | null, action: string, resource: Resource) => string | null;
const looseCan = can as (who: Who | null, action: string, resource: Resource) => boolean;

describe("access rules", () => {
  it.each(TABLE)("%s", (_name, who, action, resource, expected) => {
    expect(looseRefusal(who, action, resource)).toBe(expected);
    expect(looseCan(who, action, resource)).toBe(expected === null);
  });

  it("authorize throws the refusal as the app's error, with its status", () => {
    let refused: unknown;
    try {
      authorize(outsider, "edit", { kind: "case-study", caseStudy: { organizationId: ORG, state: "draft", publishedAt: null } });
    } catch (e) {
      refused = e;
    }
    expect(isAppError(refused) && [refused.code, refused.status]).toEqual(["NOT_FOUND", 404]);
    expect(() => authorize(member, "edit", { kind: "case-study", caseStudy: { organizationId: ORG, state: "draft", publishedAt: null } })).not.toThrow();
  });

  it("tells each move between states as the organization's or the secretariat's", () => {
    expect(moveAction("draft", "submitted")).toBe("submit");
    expect(moveAction("changes_requested", "submitted")).toBe("submit");
    expect(moveAction("submitted", "accepted")).toBe("moderate");
    expect(moveAction("published", "retired")).toBe("moderate");
    expect(moveAction("draft", "published")).toBeUndefined();
    // Every state reached by submission is reached by the organization; every other move is the secretariat's.
    for (const from of CASE_STUDY_STATES) for (const to of CASE_STUDY_STATES) if (moveAction(from, to)) expect(moveAction(from, to)).toBe(to === "submitted" ? "submit" : "moderate");
  });
});
