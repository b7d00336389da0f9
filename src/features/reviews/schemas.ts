import { z } from "zod";
import { LANGUAGES } from "#src/domain/languages.ts";
import { MAX_BODY_CHARS, MAX_QUOTE_CHARS, MAX_REPLACEMENT_CHARS } from "#src/domain/review-suggestions.ts";
import { DISPOSITIONS, ROUND_VISIBILITIES } from "#src/domain/reviews.ts";
import { formList, optionalText, requiredText } from "#src/lib/validation.ts";

// One schema per form of review rounds and topic proposals.


export const RoundInput = z.object({
  title: requiredText(300),
  editionId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "field.invalid" }).nullable().default(null)),
  opensOn: z.iso.date({ error: "field.date" }),
  closesOn: z.iso.date({ error: "field.date" }),
  visibility: z.enum(ROUND_VISIBILITIES, { error: "field.invalid" }).default("secretariat"),
  instructions: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(4000, { error: "field.tooLong" })),
  organizationIds: z.preprocess(formList, z.array(z.uuid({ error: "field.invalid" })).max(1000)),
});

/** What a member may propose with a comment: nothing, or a change to the quoted passage. */
export const SUGGESTION_CHANGES = ["none", "replace", "insert", "delete"] as const;
export type SuggestionChange = (typeof SUGGESTION_CHANGES)[number];

export const CommentInput = z
  .object({
    sectionId: z.uuid({ error: "field.invalid" }),
    parentId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "field.invalid" }).nullable().default(null)),
    quote: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : null), z.string().max(MAX_QUOTE_CHARS, { error: "field.tooLong" }).nullable()),
    body: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(MAX_BODY_CHARS, { error: "field.tooLong" })),
    /** A suggested change to the quoted passage ("none": a plain comment). Replies never carry one. */
    change: z.preprocess((v) => (v === "" || v === undefined ? "none" : v), z.enum(SUGGESTION_CHANGES, { error: "field.invalid" })),
    /** The proposed text (kept as typed, only line ends normalized); required to replace or insert. */
    replacement: z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : ""), z.string().max(MAX_REPLACEMENT_CHARS, { error: "field.tooLong" })),
    /** The language of the text the member read (the page's); the secretariat's own text otherwise. */
    language: z.preprocess((v) => (v === "" ? undefined : v), z.enum(LANGUAGES, { error: "field.invalid" }).optional()),
  })
  .superRefine((input, ctx) => {
    const change = input.parentId ? "none" : input.change;
    if (change === "none" && !input.body) ctx.addIssue({ code: "custom", path: ["body"], message: "field.required" });
    if (change !== "none" && !input.quote) ctx.addIssue({ code: "custom", path: ["quote"], message: "field.required" });
    if ((change === "replace" || change === "insert") && !input.replacement.trim()) ctx.addIssue({ code: "custom", path: ["replacement"], message: "field.required" });
  });

/** The secretariat's answer to a suggestion: accepted as proposed, or with its own wording. */
export const AcceptSuggestionInput = z.object({
  replacement: z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : undefined), z.string().max(MAX_REPLACEMENT_CHARS, { error: "field.tooLong" }).optional()),
  /** Why the editor changed the wording (edit and accept). */
  reason: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim().replace(/\r\n?/g, "\n") : null), z.string().max(2000, { error: "field.tooLong" }).nullable()),
});

export const RejectSuggestionInput = z.object({
  reason: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string({ error: "field.reasonRequired" }).max(2000, { error: "field.tooLong" })),
});

export const DispositionInput = z.object({
  disposition: z.enum(DISPOSITIONS, { error: "field.required" }),
  reason: optionalText(2000),
  appliedRevisionId: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number({ error: "field.invalid" }).int().positive({ error: "field.invalid" }).nullable()),
});

export const ProposalInput = z.object({
  title: requiredText(200),
  rationale: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string({ error: "field.required" }).max(4000, { error: "field.tooLong" })),
  technologies: z.preprocess(formList, z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, { error: "field.invalid" })).max(50)),
});

/** The secretariat's decision on a proposal; an accepted one may become a chapter at once. */
export const DecisionInput = z.object({
  status: z.enum(["accepted", "declined"], { error: "field.invalid" }),
  note: optionalText(2000),
  makeChapter: z.preprocess((v) => v === "1" || v === true, z.boolean()),
});
