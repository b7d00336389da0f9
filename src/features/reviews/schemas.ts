import { z } from "zod";
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

export const CommentInput = z.object({
  sectionId: z.uuid({ error: "field.invalid" }),
  parentId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "field.invalid" }).nullable().default(null)),
  quote: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : null), z.string().max(2000, { error: "field.tooLong" }).nullable()),
  body: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string({ error: "field.required" }).max(8000, { error: "field.tooLong" })),
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
