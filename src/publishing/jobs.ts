import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, inArray, like, notExists, or, sql, type SQL } from "drizzle-orm";
import { queryRows, transaction, type Db } from "#src/db/client.ts";
import { exportFiles, jobs } from "#src/db/schema/jobs.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import { isPublic } from "#src/domain/editions.ts";
import { getEdition, type EditionRow } from "#src/features/editions/repository.ts";
import { publishEdition } from "#src/features/editions/service.ts";
import type { Language } from "#src/domain/languages.ts";
import { getReport, type ReportRow } from "#src/features/catalog/repository.ts";
import { appError, isAppError } from "#src/lib/errors.ts";
import { FORMAT_NAMES, FORMATS, type Format, type FormatName } from "#src/publishing/formats.ts";
import { loadPublication } from "#src/publishing/publication.ts";

export type JobRow = typeof jobs.$inferSelect;
export type ExportParams = { report: string; edition: string; lang: Language; format: FormatName; filename: string; members: boolean };

/** A publish job (kind "publish"): an edition published or withdrawn, as the person asked it when they confirmed. */
export type PublishParams = {
  editionId: string;
  report: string;
  label: string;
  to: "published" | "withdrawn";
  /** The content hash at queue time: a different one when the job runs fails it (EDITION_CHANGED). */
  hash: string | null;
  /** The warnings acknowledged, as the person saw them, and their note. */
  acknowledgement: { note: string; warnings: number; codes: string[] } | null;
  reason: string | null;
  publicUrl: string;
  /** Who asked: the audit events are theirs. */
  actor: Actor;
};

/** A running job belongs to its runner this long; the runner renews it every third of it. */
const LEASE_MS = 60_000;
/** Claims of one job before it fails for good; a crash or a timeout counts as one. */
export const MAX_ATTEMPTS = 3;
/** Wait before the next attempt: 30 s, then 60 s. */
const backoffMs = (attempt: number) => 30_000 * 2 ** (attempt - 1);
/** A failed export is remembered this long: requests meanwhile join it instead of queueing another run. */
const FAILURE_KEPT_MS = 10 * 60_000;
/** One-off exports (the draft, editions in review) and failed jobs are deleted after this long. */
const ONE_OFF_KEPT_MS = 24 * 3600_000;
const CLEAN_EVERY_MS = 3600_000;

const ago = (ms: number) => sql`now() - (${Math.round(ms)}::int * interval '1 millisecond')`;
const fromNow = (ms: number) => sql`now() + (${Math.round(ms)}::int * interval '1 millisecond')`;

/** What a runner may change in the defaults; tests replace renderers and shorten waits. */
export type RunnerOptions = {
  formats?: Partial<Record<FormatName, Format>>;
  leaseMs?: number;
  backoffMs?: (attempt: number) => number;
  /** Aborting stops the job in hand (the server is closing); it is attempted again later. */
  signal?: AbortSignal;
  /** Called once an edition was published or withdrawn (the app forgets its cached lookups). */
  onPublished?: (editionId: string) => void;
  /** Time limit of a publish job's attempt. */
  publishTimeoutMs?: number;
  /** Called once a publish job's step is recorded; the job waits for it (tests act at a given step). */
  onStep?: (step: JobStep) => void | Promise<void>;
};

/** A publish job's attempt stops after this long (its pages are rendered one by one, with turns between). */
const PUBLISH_TIMEOUT_MS = 10 * 60_000;
/** Refusals that another attempt would meet again: the job fails at once. */
const FINAL_CODES = new Set(["EDITION_CHANGED", "EDITION_STATUS", "NOT_FOUND", "VALIDATION_FAILED", "PUBLISH_BLOCKED", "WARNINGS_NOT_ACKNOWLEDGED"]);

/**
 * What a running job is doing, kept in its `message` as a step code the job's page translates
 * (message `job.step.<step>`): "reading", "typesetting" (an export); "checking", "pages:<done>:<total>",
 * "downloads" (a publish job).
 */
export type JobStep = "reading" | "typesetting" | "checking" | `pages:${number}:${number}` | "downloads";

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

/** Queues an export unless the same one is queued, running, done, or failed a moment ago; returns the job. */
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
    const [existing] = await tx
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.key, key),
          or(inArray(jobs.status, ["queued", "running", "done"]), and(eq(jobs.status, "failed"), gt(jobs.finishedAt, ago(FAILURE_KEPT_MS)))),
        ),
      )
      .orderBy(desc(jobs.createdAt))
      .limit(1);
    if (existing) return existing;
    const [job] = await tx.insert(jobs).values({ kind: "export", key, params, createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, { action: "export.request", entityType: "job", entityId: job!.id, data: { ...params } });
    return job!;
  });
}

/** The key of an edition's publish jobs: one at a time per edition, a second request joins the first. */
const publishKey = (editionId: string) => `edition:${editionId}`;

/**
 * Queues publishing or withdrawing an edition. While a job for it is queued or running, the same
 * request (the same move of the same content) joins it and another one is refused (JOB_IN_PROGRESS):
 * a withdrawal never silently becomes a publish.
 */
export async function queuePublish(db: Db, actor: Actor, params: Omit<PublishParams, "actor">): Promise<JobRow> {
  const key = publishKey(params.editionId);
  return transaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const [existing] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.key, key), inArray(jobs.status, ["queued", "running"])))
      .orderBy(desc(jobs.createdAt))
      .limit(1);
    if (existing) {
      const running = existing.params as PublishParams;
      if (running.to === params.to && running.hash === params.hash) return existing;
      throw appError("JOB_IN_PROGRESS");
    }
    const full: PublishParams = { ...params, actor: { userId: actor.userId, ip: actor.ip, requestId: actor.requestId } };
    const [job] = await tx.insert(jobs).values({ kind: "publish", key, params: full, createdBy: actor.userId }).returning();
    return job!;
  });
}

/**
 * Takes the oldest job that is due: a queued one past its backoff, or a running one whose runner
 * stopped renewing its lease (it crashed). Rows another runner holds are skipped, so several
 * instances can share the table. A job whose attempts are used up fails instead.
 */
export async function claimJob(db: Db, leaseMs = LEASE_MS): Promise<JobRow | undefined> {
  const abandoned = sql`${jobs.status} = 'running' and coalesce(${jobs.leaseUntil}, '-infinity') < now()`;
  await db
    .update(jobs)
    .set({ status: "failed", error: "The job stopped responding too many times.", finishedAt: new Date(), leaseUntil: null })
    .where(and(abandoned, sql`${jobs.attempts} >= ${MAX_ATTEMPTS}`));
  const rows = await queryRows<{ id: string }>(db, sql`
    update ${jobs} set status = 'running', attempts = attempts + 1, lease_until = ${fromNow(leaseMs)},
      started_at = now(), progress = 0, message = null
    where id = (select id from ${jobs}
      where (status = 'queued' and run_after <= now()) or (${abandoned} and attempts < ${MAX_ATTEMPTS})
      order by created_at for update skip locked limit 1)
    returning id`);
  const id = rows[0]?.id;
  return id ? getJob(db, id) : undefined;
}

/** Settles with the work, or rejects as soon as the signal aborts (renderers that run in-process cannot be stopped). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The rows a runner may still write: the job as claimed, with the attempt it was claimed with. */
const claimed = (job: JobRow): SQL => and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts), eq(jobs.status, "running"))!;

/** Renews the job's lease while it runs; aborts `stop` when another runner took it over. Returns the function that stops renewing. */
function keepLease(db: Db, job: JobRow, leaseMs: number, stop: AbortController) {
  const heartbeat = setInterval(() => {
    db.update(jobs)
      .set({ leaseUntil: fromNow(leaseMs) })
      .where(claimed(job))
      .returning({ id: jobs.id })
      .then((rows) => rows.length === 0 && stop.abort(new Error("Another runner took the job over.")))
      .catch(() => undefined);
  }, leaseMs / 3);
  return () => clearInterval(heartbeat);
}

/** A server that stops hands the job back as it found it: the attempt is not counted. */
const handBack = (db: Db, job: JobRow) =>
  db.update(jobs).set({ status: "queued", attempts: sql`${jobs.attempts} - 1`, message: null, leaseUntil: null, runAfter: new Date() }).where(claimed(job));

/**
 * A failed attempt: handed back when the server is stopping; otherwise queued again after a
 * backoff while attempts remain and the failure is not final, else failed for good. The error kept
 * is a catalogue code when there is one (the job page translates it), else the message.
 */
async function settleFailure(db: Db, job: JobRow, caught: unknown, final: boolean, options: RunnerOptions) {
  if (options.signal?.aborted) {
    await handBack(db, job);
    return;
  }
  const error = isAppError(caught) ? caught.code : String((caught as Error)?.message ?? caught).slice(0, 2000);
  const again = !final && job.attempts < MAX_ATTEMPTS;
  await db
    .update(jobs)
    .set(
      again
        ? { status: "queued", error, message: null, leaseUntil: null, runAfter: fromNow((options.backoffMs ?? backoffMs)(job.attempts)) }
        : { status: "failed", error, message: null, leaseUntil: null, finishedAt: new Date() },
    )
    .where(claimed(job));
}

/**
 * Runs one claimed job to its end, by kind: an export (below) or a publish job (runPublishJob).
 * An export ends with the file stored under the job's key, or the error kept and the job queued
 * again after a backoff until its attempts are used up. Every write is fenced by the attempt the
 * job was claimed with, so a runner that lost its lease changes nothing.
 */
export async function runJob(db: Db, job: JobRow, options: RunnerOptions = {}): Promise<void> {
  if (job.kind === "publish") return runPublishJob(db, job, options);
  const params = job.params as ExportParams;
  const format = options.formats?.[params.format] ?? FORMATS[params.format];
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const mine = claimed(job);
  const stop = new AbortController();
  const timeout = setTimeout(() => stop.abort(new Error(`No result after ${format.timeoutMs / 1000} s.`)), format.timeoutMs);
  const onStop = () => stop.abort(new Error("The server stopped."));
  options.signal?.addEventListener("abort", onStop, { once: true });
  const release = keepLease(db, job, leaseMs, stop);
  const setProgress = (progress: number, message: JobStep) => db.update(jobs).set({ progress, message }).where(mine);
  try {
    await setProgress(10, "reading");
    const publication = await loadPublication(db, params.report, params.edition, params.lang);
    await setProgress(30, "typesetting");
    const bytes = await untilAborted(format.render(publication, { signal: stop.signal }), stop.signal);
    await transaction(db, async (tx) => {
      const [still] = await tx
        .update(jobs)
        .set({ status: "done", progress: 100, message: null, error: null, finishedAt: new Date(), leaseUntil: null })
        .where(mine)
        .returning({ id: jobs.id });
      if (!still) return;
      await tx
        .insert(exportFiles)
        .values({ key: job.key, filename: params.filename, mediaType: format.mediaType, bytes, size: bytes.length })
        .onConflictDoNothing();
    });
  } catch (caught) {
    await settleFailure(db, job, caught, false, options);
  } finally {
    clearTimeout(timeout);
    release();
    options.signal?.removeEventListener("abort", onStop);
  }
}

/**
 * Runs a publish job: publishEdition with the hash the person confirmed and the checks run again
 * before the swap (the warnings they acknowledged are the only ones let through), its progress
 * written to the job (page by page, at most a few times a second), then the downloads of every
 * language and format requested so they are ready when readers ask. A refusal that would come
 * again (EDITION_CHANGED: the edition was refreshed since; PUBLISH_BLOCKED,
 * WARNINGS_NOT_ACKNOWLEDGED: the checks found errors or other warnings since; EDITION_STATUS)
 * fails the job at once, with the code as its error; anything else is retried like an export. An
 * attempt that finds the edition already moved with the same content (an earlier attempt or
 * another runner swapped, before this one started or while it rendered) only finishes the work
 * after the swap.
 */
async function runPublishJob(db: Db, job: JobRow, options: RunnerOptions): Promise<void> {
  const params = job.params as PublishParams;
  const mine = claimed(job);
  const stop = new AbortController();
  const limitMs = options.publishTimeoutMs ?? PUBLISH_TIMEOUT_MS;
  const timeout = setTimeout(() => stop.abort(new Error(`No result after ${limitMs / 1000} s.`)), limitMs);
  const onStop = () => stop.abort(new Error("The server stopped."));
  options.signal?.addEventListener("abort", onStop, { once: true });
  const release = keepLease(db, job, options.leaseMs ?? LEASE_MS, stop);
  let written = 0;
  const setProgress = async (progress: number, message: JobStep, force = false) => {
    if (!force && Date.now() - written < 250) return;
    written = Date.now();
    await db.update(jobs).set({ progress, message }).where(mine);
    await options.onStep?.(message);
  };
  try {
    await setProgress(2, "checking", true);
    // The edition as this job would leave it: moved already, with the content confirmed.
    const moved = async () => {
      const now = await getEdition(db, params.editionId);
      return now?.status === params.to && now.contentHash === params.hash ? now : undefined;
    };
    const edition =
      (await moved()) ??
      (await publishEdition(db, params.actor, params.editionId, {
        to: params.to,
        publicUrl: params.publicUrl,
        acknowledgement: params.acknowledgement && { note: params.acknowledgement.note, codes: params.acknowledgement.codes },
        check: true,
        reason: params.reason,
        expectedHash: params.hash,
        signal: stop.signal,
        onProgress: (done, total) => setProgress(5 + Math.floor((80 * done) / total), `pages:${done}:${total}`, done === total),
      }).catch(async (refused: unknown) => {
        // Swapped by another attempt while this one rendered: done all the same.
        if (isAppError(refused) && refused.code === "EDITION_STATUS") {
          const done = await moved();
          if (done) return done;
        }
        throw refused;
      }));
    options.onPublished?.(params.editionId);
    if (edition.status === "published") {
      await setProgress(90, "downloads", true);
      const report = (await getReport(db, edition.reportId))!;
      for (const lang of report.languages) for (const format of FORMAT_NAMES) await requestExport(db, params.actor, report, edition, format, lang);
    }
    await db.update(jobs).set({ status: "done", progress: 100, message: null, error: null, finishedAt: new Date(), leaseUntil: null }).where(mine);
  } catch (caught) {
    await settleFailure(db, job, caught, isAppError(caught) && FINAL_CODES.has(caught.code), options);
  } finally {
    clearTimeout(timeout);
    release();
    options.signal?.removeEventListener("abort", onStop);
  }
}

/** Runs due jobs until none is left (tests, the CLI, and the server's runner). */
export async function runPendingJobs(db: Db, options: RunnerOptions = {}): Promise<number> {
  let count = 0;
  while (!options.signal?.aborted) {
    const job = await claimJob(db, options.leaseMs);
    if (!job) break;
    await runJob(db, job, options);
    count++;
  }
  return count;
}

/**
 * Deletes finished one-off jobs (the draft, editions in review) and failed jobs older than a day,
 * then the one-off files no job points at any more. Published editions' files are kept.
 */
export async function cleanUpJobs(db: Db, keptMs = ONE_OFF_KEPT_MS): Promise<{ jobs: number; files: number }> {
  return transaction(db, async (tx) => {
    const oneOff = like(jobs.key, "once:%");
    const oldJobs = await tx
      .delete(jobs)
      .where(and(inArray(jobs.status, ["done", "failed"]), sql`${jobs.createdAt} < ${ago(keptMs)}`, or(oneOff, eq(jobs.status, "failed"))))
      .returning({ id: jobs.id });
    const files = await tx
      .delete(exportFiles)
      .where(and(like(exportFiles.key, "once:%"), notExists(tx.select({ one: sql`1` }).from(jobs).where(eq(jobs.key, exportFiles.key)))))
      .returning({ key: exportFiles.key });
    return { jobs: oldJobs.length, files: files.length };
  });
}

/** Polls for jobs in the background of a server, cleans up once an hour; returns a function that stops it. */
export function startJobRunner(db: Db, onError: (err: unknown) => void, everyMs = 1000, options: Pick<RunnerOptions, "onPublished"> = {}): () => Promise<void> {
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let cleaned = 0;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = (async () => {
      if (Date.now() - cleaned > CLEAN_EVERY_MS) {
        cleaned = Date.now();
        await cleanUpJobs(db);
      }
      await runPendingJobs(db, { ...options, signal: stopping.signal });
    })()
      .catch(onError)
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    stopping.abort();
    await running;
  };
}
