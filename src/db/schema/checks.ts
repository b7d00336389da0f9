import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

/** A check constraint's condition: the column holds one of the listed values. */
export const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

/** Binary data (files, exports); PGlite returns Uint8Array, node-postgres Buffer: both become Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** A full-text search document, written by SQL (to_tsvector) and never read back as a value. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
