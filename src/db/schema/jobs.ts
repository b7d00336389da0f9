import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, inList } from "#src/db/schema/checks.ts";
import { users } from "#src/db/schema/members.ts";

const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;

/** Long work (exports, later imports) done in the background, with progress people can watch. */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    /** Jobs with the same key do the same work: a second request joins the first. */
    key: text("key").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    /** Claims so far; also the fencing token: a runner writes only while the count is still its own. */
    attempts: integer("attempts").notNull().default(0),
    /** A queued job is not claimed before this (backoff after a failed attempt). */
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    /** A running job belongs to its runner until then; the runner renews it while it works. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    message: text("message"),
    error: text("error"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_queue_idx").on(t.status, t.createdAt),
    index("jobs_lease_idx").on(t.status, t.leaseUntil),
    index("jobs_key_idx").on(t.key),
    check("jobs_status_check", inList("status", JOB_STATUSES)),
  ],
);

/** Finished export files, keyed by what they are (edition content hash, format, language). */
export const exportFiles = pgTable("export_files", {
  key: text("key").primaryKey(),
  filename: text("filename").notNull(),
  mediaType: text("media_type").notNull(),
  bytes: bytea("bytes").notNull(),
  size: integer("size").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
