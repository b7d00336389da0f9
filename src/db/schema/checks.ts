import { sql } from "drizzle-orm";

/** A check constraint's condition: the column holds one of the listed values. */
export const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);
