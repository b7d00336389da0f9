import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of tries (sign-in, password reset, subscribing...) shared by every instance on the
 * database: one row per limited key ("sign-in/address/<hash>", "sign-in/client/<ip>"), counting
 * the hits of the window that ends at `resetsAt`. An expired row counts from zero again.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  resetsAt: timestamp("resets_at", { withTimezone: true }).notNull(),
});
