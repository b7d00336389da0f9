import { sql } from "drizzle-orm";
import { inList } from "#src/db/schema/checks.ts";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ORGANIZATION_KINDS, ROLES, type TokenScope } from "#src/domain/members.ts";
import { LANGUAGES, type LocalizedText } from "#src/domain/languages.ts";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A grouping of organizations (the six WCO regions are seeded by a migration). */
export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  names: jsonb("names").$type<LocalizedText>().notNull(),
  position: integer("position").notNull(),
});

/** A member or other contributor. */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    country: text("country"),
    regionCode: text("region_code").references(() => regions.code),
    memberSince: date("member_since"),
    memberUntil: date("member_until"),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_name_key").on(sql`lower(${t.name})`),
    check("organizations_kind_check", inList("kind", ORGANIZATION_KINDS)),
    check("organizations_country_check", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("organizations_membership_check", sql`${t.memberUntil} is null or ${t.memberSince} is null or ${t.memberUntil} >= ${t.memberSince}`),
  ],
);

/** A person who signs in. E-mail addresses are stored lower-cased. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    organizationId: uuid("organization_id").references(() => organizations.id),
    role: text("role", { enum: ROLES }).notNull(),
    language: text("language", { enum: LANGUAGES }).notNull().default("en"),
    /** Null until the person sets a password through their invitation. */
    passwordHash: text("password_hash"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_organization_idx").on(t.organizationId),
    check("users_role_check", inList("role", ROLES)),
    check("users_language_check", inList("language", LANGUAGES)),
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Personal API tokens: only the SHA-256 of the token is kept; revoked ones stay listed. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** What the token may do (read, comment, edit, publish); never more than its owner's role allows. */
    scopes: text("scopes").array().$type<TokenScope[]>().notNull().default(sql`'{read,comment}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);
