// A PostgreSQL database of a benchmark's own, on the server of BENCH_DATABASE_URL (or
// TEST_DATABASE_URL), dropped afterwards: the benchmarks' PostgreSQL rows never touch other data.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server the PostgreSQL rows run on, or undefined (those rows are then skipped). */
export const benchDatabaseUrl = () => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** A new, empty database on the server of `url`: its URL, and `drop()`. */
export async function scratchDatabase(url) {
  const name = `lr_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
