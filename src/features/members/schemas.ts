import { z } from "zod";
import { ORGANIZATION_KINDS, ROLES, TOKEN_SCOPES } from "#src/domain/members.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { isCountryCode } from "#src/i18n/countries.ts";
import { normalizeEmail } from "#src/lib/email.ts";
import { email, formList, newPassword, oneOf, optionalDate, optionalText, optionalUuid, requiredText } from "#src/lib/validation.ts";

// One schema per payload. Forms and JSON bodies go through the same ones.

export const OrganizationInput = z
  .object({
    name: requiredText(200),
    shortName: optionalText(40),
    kind: oneOf(ORGANIZATION_KINDS),
    country: optionalText(2).refine((c) => c === null || isCountryCode(c), { error: "field.country" }),
    regionCode: optionalText(10),
    memberSince: optionalDate(),
    memberUntil: optionalDate(),
  })
  .refine((o) => !o.memberSince || !o.memberUntil || o.memberUntil >= o.memberSince, {
    path: ["memberUntil"],
    error: "field.membershipOrder",
  });
export type OrganizationInput = z.output<typeof OrganizationInput>;

const userFields = {
  name: requiredText(200),
  email: email(),
  organizationId: optionalUuid(),
  role: oneOf(ROLES),
  language: oneOf(LANGUAGES).default("en"),
};

export const UserCreateInput = z.object({ ...userFields, password: newPassword() });
export type UserCreateInput = z.output<typeof UserCreateInput>;

/** An administrator's changes to a person's details; never a password (the person chooses theirs from a mailed link). */
export const UserUpdateInput = z.object(userFields);
export type UserUpdateInput = z.output<typeof UserUpdateInput>;

const confirmed = <T extends { password: string; passwordConfirm: string }>(o: T) => o.password === o.passwordConfirm;

export const SetupInput = z
  .object({ name: requiredText(200), email: email(), password: newPassword(), passwordConfirm: z.string({ error: "field.required" }) })
  .refine(confirmed, { path: ["passwordConfirm"], error: "field.passwordMismatch" });
export type SetupInput = z.output<typeof SetupInput>;

export const SignInInput = z.object({
  email: z.string({ error: "field.required" }).transform(normalizeEmail).pipe(z.string().min(1, { error: "field.required" }).max(254, { error: "field.tooLong" })),
  password: z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(200, { error: "field.tooLong" }),
  next: z.string().optional(),
});

export const PasswordChangeInput = z
  .object({
    currentPassword: z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(200, { error: "field.tooLong" }),
    password: newPassword(),
    passwordConfirm: z.string({ error: "field.required" }),
  })
  .refine(confirmed, { path: ["passwordConfirm"], error: "field.passwordMismatch" });

/** A new personal token: its name and scopes (checkboxes; none chosen is an error, not a default). */
export const TokenInput = z.object({
  tokenName: requiredText(100),
  scopes: z.preprocess(formList, z.array(z.enum(TOKEN_SCOPES, { error: "field.invalid" })).min(1, { error: "field.required" })),
});

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The audit log's page: entries older than `before` (an entry id). */
export const AuditQuery = z.object({ before: z.coerce.number().int().positive() });

/** The new-user form, arriving from an organization's page, preselects it. */
export const NewUserQuery = z.object({ organizationId: z.uuid() });

export const OrganizationListQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  region: z.preprocess(blankToUndefined, z.string().max(10).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(ORGANIZATION_KINDS).optional()),
  status: z.preprocess(blankToUndefined, z.enum(["active", "inactive"]).optional()),
});

export const UserListQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  role: z.preprocess(blankToUndefined, z.enum(ROLES).optional()),
  organizationId: z.preprocess(blankToUndefined, z.uuid().optional()),
  status: z.preprocess(blankToUndefined, z.enum(["active", "inactive"]).optional()),
});

/** An invitation: who the person is; they choose their password from the mailed link. */
export const UserInviteInput = z.object(userFields);
export type UserInviteInput = z.output<typeof UserInviteInput>;

/** A password chosen from a one-time link (an invitation, a reset). */
export const LinkPasswordInput = z
  .object({ password: newPassword(), passwordConfirm: z.string({ error: "field.required" }) })
  .refine(confirmed, { path: ["passwordConfirm"], error: "field.passwordMismatch" });

/** The language a person chooses for their pages and mail (the account page). */
export const LanguageInput = z.object({ language: oneOf(LANGUAGES) });

/** The address a password reset link is asked for. */
export const ForgotPasswordInput = z.object({ email: email() });
