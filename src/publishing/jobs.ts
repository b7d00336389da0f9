import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, transaction, type Db } from "#src/db/client.ts";
import { exportFiles, jobs } from "#src/db/schema/jobs.ts";
import { recordAudit, type Actor } from "#src/features/audit/repository.ts";
import { isPublic } from "#src/features/editions/domain.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";
import type { Language } from "#src/features/members/domain.ts";
import type { ReportRow } from "#src/features/reports/repository.ts";
import { FORMATS, type FormatName } from "#src/publishing/formats.ts";
import { loadPublication } from "#src/publishing/publication.ts";

export type JobRow = typeof jobs.$inferSelect;
export type ExportParams = { report: string; edition: string; lang: Language; format: FormatName; filename: string; members: boolean };

/**
 * The key an export is stored under. A published edition's export depends only on its content
 * hash, format and language, so it is produced once; anything else gets a key of its own.
 */
export function exportKey(edition: EditionRow | undefined, format: FormatName, lang: Language): string {
  if (edition && isPublic(edition.status) && edition.contentHash) return `${edition.contentHash}:${edition.status}:${format}:${lang}`;
  return `once:${randomUUID()}:${format}:${lang}`;
}

export async function getExportFile(db: Db, key: string) {
  const [row] = await db.select().from(exportFiles).where(eq(exportFiles.key, key));
  return row;
}

export async function getJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** Queues an export unless the same one is already queued or running; returns the job. */
export async function requestExport(db: Db, actor: Actor, report: ReportRow, edition: EditionRow | undefined, format: FormatName, lang: Language) {
  const key = exportKey(edition, format, lang);
  const label = edition?.label ?? "draft";
  const params: ExportParams = {
    report: report.slug,
    edition: label,
    lang,
    format,
    filename: `${report.slug}-${label}-${lang}.${FORMATS[format].extension}`,
    members: !edition || !isPublic(edition.status),
  };
  return transaction(db, async (tx) => {
    // One export at a time per key: concurrent requests wait here, then join the first job.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const [existing] = await tx.select().from(jobs).where(and(eq(jobs.key, key), inArray(jobs.status, ["queued", "running", "done"])));
    if (existing) return existing;
    const [job] = await tx.insert(jobs).values({ kind: "export", key, params, createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, { action: "export.request", entityType: "job", entityId: job!.id, data: { ...params } });
    return job!;
  });
}

/** Takes the oldest queued job, skipping any another worker holds: safe with several instances. */
export async function claimJob(db: Db): Promise<JobRow | undefined> {
  const rows = await queryRows<{ id: string }>(db, sql`
    update ${jobs} set status = 'running', started_at = now(), message = null
    where id = (select id from ${jobs} where status = 'queued' order by created_at for update skip locked limit 1)
    returning id`);
  const id = rows[0]?.id;
  return id ? getJob(db, id) : undefined;
}

const setProgress = (db: Db, id: string, progress: number, message: string) => db.update(jobs).set({ progress, message }).where(eq(jobs.id, id));

/** Runs one claimed export job to its end: the file stored under the job's key, or the error kept. */
export async function runJob(db: Db, job: JobRow): Promise<void> {
  const params = job.params as ExportParams;
  try {
    await setProgress(db, job.id, 10, "reading");
    const publication = await loadPublication(db, params.report, params.edition, params.lang);
    await setProgress(db, job.id, 30, "typesetting");
    const bytes = await FORMATS[params.format].render(publication, {});
    await transaction(db, async (tx) => {
      await tx
        .insert(exportFiles)
        .values({ key: job.key, filename: params.filename, mediaType: FORMATS[params.format].mediaType, bytes, size: bytes.length })
        .onConflictDoNothing();
      await tx.update(jobs).set({ status: "done", progress: 100, message: null, finishedAt: new Date() }).where(eq(jobs.id, job.id));
    });
  } catch (error) {
    await db
      .update(jobs)
      .set({ status: "failed", error: String((error as Error).message ?? error).slice(0, 2000), finishedAt: new Date() })
      .where(eq(jobs.id, job.id));
  }
}

/** Runs queued jobs until none is left (tests, the CLI, and the server's runner). */
export async function runPendingJobs(db: Db): Promise<number> {
  let count = 0;
  for (let job = await claimJob(db); job; job = await claimJob(db)) {
    await runJob(db, job);
    count++;
  }
  return count;
}

/** Polls for jobs in the background of a server; returns a function that stops it. */
export function startJobRunner(db: Db, onError: (err: unknown) => void, everyMs = 1000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(() => (stopped ? 0 : runPendingJobs(db))).catch(onError);
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
