import type { Table } from "#src/features/surveys/service.ts";
import { columnLetter } from "#src/features/surveys/spreadsheet.ts";
import { runInPool } from "#src/lib/pool.ts";

/**
 * readTable (spreadsheet.ts) on the worker pool, within its time limit: a large or hostile file
 * never holds the server. The cell names (A2, C7...) are rebuilt here from the columns.
 */
export async function readTableInPool(data: Buffer): Promise<Table> {
  const table = await runInPool<Omit<Table, "cellRef">>("spreadsheet", { data });
  return { ...table, cellRef: (line, column) => `${columnLetter(Math.max(0, table.columns.indexOf(column)))}${line}` };
}
