import { z } from "zod";
import { normalizeEmail } from "#src/lib/email.ts";
import { appError, type FieldErrors } from "#src/lib/errors.ts";

/** Parses input with a schema or throws VALIDATION_FAILED naming every faulty field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw appError("VALIDATION_FAILED", fieldErrors(result.error));
}

/** Maps Zod issues to field → message key; schemas give keys as messages (`field.required`...). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.length ? issue.path.join(".") : "_form";
    if (fields[name]) continue;
    fields[name] = issue.message.startsWith("field.") ? issue.message : "field.invalid";
  }
  return fields;
}

// Form fields arrive as strings; a blank one means "not given".
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** A required single-line text, trimmed, at most `max` characters. */
export const requiredText = (max = 200) =>
  z.preprocess(
    (v) => blank(trimmed(v)),
    z.string({ error: "field.required" }).max(max, { error: "field.tooLong" }).regex(/^[^\p{Cc}]*$/u, { error: "field.invalid" }),
  );

/** An optional single-line text; blank becomes null. */
export const optionalText = (max = 200) =>
  z.preprocess(
    (v) => blank(trimmed(v)) ?? null,
    z.string({ error: "field.invalid" }).max(max, { error: "field.tooLong" }).regex(/^[^\p{Cc}]*$/u, { error: "field.invalid" }).nullable(),
  );

/** An e-mail address, in its one stored form (normalizeEmail). */
export const email = () =>
  z.preprocess(
    (v) => blank(typeof v === "string" ? normalizeEmail(v) : v),
    z.email({ error: (i) => (i.input === undefined ? "field.required" : "field.email") }).max(254, { error: "field.tooLong" }),
  );

/** A new password: long enough to resist guessing, short enough to hash cheaply. */
export const newPassword = () =>
  z
    .string({ error: "field.required" })
    .min(1, { error: "field.required" })
    .min(10, { error: "field.passwordTooShort" })
    .max(200, { error: "field.tooLong" });

/** An optional calendar date (YYYY-MM-DD); blank becomes null. */
export const optionalDate = () =>
  z.preprocess((v) => blank(v) ?? null, z.iso.date({ error: "field.date" }).nullable());

/** One of a fixed list of values. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blank, z.enum(values, { error: (i) => (i.input === undefined ? "field.required" : "field.invalid") }));

/** An optional reference by id; blank becomes null. */
export const optionalUuid = () => z.preprocess((v) => blank(v) ?? null, z.uuid({ error: "field.invalid" }).nullable());

const UuidParam = z.object({ id: z.uuid() });

/** The `:id` of a route: a UUID, or else a plain 404 (a malformed id names nothing). */
export function idFrom(params: unknown): string {
  const parsed = UuidParam.safeParse(params);
  if (!parsed.success) throw appError("NOT_FOUND");
  return parsed.data.id;
}

/** A URL slug: lower-case ASCII words joined by hyphens. */
export const slugText = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string({ error: "field.required" }).min(1, { error: "field.required" }).max(60, { error: "field.tooLong" }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "field.slug" }),
  );

/** A form field that may repeat (checkboxes, multiple selects): none, one or several values as a list. */
export const formList = (v: unknown): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);
