import { hasRole, inTransaction, type Context, type CurrentUser } from '../../platform/context.js';
import { AppError, forbidden, notFound } from '../../platform/errors/index.js';
import type { Upload } from '../../platform/files/uploads.js';
import { translator } from '../../platform/i18n/index.js';
import { enqueueJob, type JobHandlers } from '../../platform/jobs/runner.js';
import { importMessages } from './import-messages.js';
import {
  changeImportStatus,
  dropStaleImportFiles,
  finishImport,
  insertImport,
  selectImport,
  selectImportData,
  selectOperator,
  selectRecentImports,
  updateImportProgress,
  type ImportPhase,
  type ImportStatus,
} from './import-queries.js';
import { IMPORT_LIMITS, importActorsCsv, type ImportReport } from './import.js';
import { ImportFileError } from './import-rows.js';

/**
 * Imports from the web page: the upload is checked at once (a dry run) and kept; a coordinator
 * starts it, and a background job imports it, writing its progress for the status page.
 */

const IMPORT_JOB = 'actors.import';
/** Progress is written at most this often (each write is a query; PGlite has one connection). */
const PROGRESS_INTERVAL_MS = 500;
const KEEP_UNSTARTED_MS = 24 * 3600 * 1000;

export interface ImportRun {
  id: number;
  filename: string;
  createdBy: string;
  createdAt: Date;
  status: ImportStatus;
  progress: { phase: ImportPhase; done: number; total: number } | null;
  report: ImportReport;
  /** Checked without problems and not started yet. */
  startable: boolean;
}

function requireCoordinator(ctx: Context): CurrentUser {
  if (!ctx.user || !hasRole(ctx.user, 'coordinator')) throw forbidden();
  return ctx.user;
}

const toRun = (row: NonNullable<Awaited<ReturnType<typeof selectImport>>>): ImportRun => {
  const report = row.report as ImportReport;
  return {
    id: row.id,
    filename: row.filename,
    createdBy: row.created_by_label,
    createdAt: row.created_at,
    status: row.status,
    progress: row.phase ? { phase: row.phase, done: row.processed, total: row.total } : null,
    report,
    startable: row.status === 'checked' && report.problemRows === 0,
  };
};

/** Checks an uploaded file (dry run) and keeps it for the import; file problems come back as a ValidationError. */
export async function checkImportUpload(ctx: Context, upload: Upload | null): Promise<number> {
  const user = requireCoordinator(ctx);
  const t = translator(importMessages, ctx.locale);
  if (!upload || upload.bytes.byteLength === 0) throw new ImportFileError(t('file.missing'));
  if (upload.truncated) throw new ImportFileError(t('file.tooLarge', { max: IMPORT_LIMITS.maxBytes / 1024 / 1024 }));
  const filename = upload.filename.replace(/[\u0000-\u001F\u007F]/g, '').slice(0, 200) || 'import.csv';
  const report = await importActorsCsv(ctx, upload.bytes, { dryRun: true, filename });
  const now = ctx.clock.now();
  await dropStaleImportFiles(ctx.db, new Date(now.getTime() - KEEP_UNSTARTED_MS), now);
  // A file with problems cannot be started: only its report is kept.
  const data = report.problemRows === 0 ? upload.bytes : null;
  return insertImport(ctx.db, { createdBy: user.id, label: `${user.name} <${user.email}>`, locale: ctx.locale, filename, byteSize: upload.bytes.byteLength, data, report, now });
}

/**
 * Queues a checked import for the background job. Starting it again (a second click) changes
 * nothing; a file with problems, or one that failed or expired, cannot be started (409).
 */
export async function startImport(ctx: Context, id: number): Promise<void> {
  requireCoordinator(ctx);
  const run = await getImportRun(ctx, id);
  if (run.status === 'queued' || run.status === 'running' || run.status === 'done') return;
  if (!run.startable) throw new AppError('conflict');
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    if (!(await changeImportStatus(tx.db, id, 'checked', 'queued', now))) return;
    await updateImportProgress(tx.db, id, { phase: 'reading', processed: 0, total: run.report.rows }, now);
    await enqueueJob(tx.db, IMPORT_JOB, { id }, { maxAttempts: 1 });
  });
}

export async function getImportRun(ctx: Context, id: number): Promise<ImportRun> {
  requireCoordinator(ctx);
  const row = await selectImport(ctx.db, id);
  if (!row) throw notFound();
  return toRun(row);
}

export async function listImportRuns(ctx: Context, limit = 10): Promise<ImportRun[]> {
  requireCoordinator(ctx);
  return (await selectRecentImports(ctx.db, limit)).map(toRun);
}

/** The job: imports as the coordinator who started it (if they still are one), in their language. */
async function runImport(ctx: Context, payload: unknown) {
  const id = Number((payload as { id?: unknown })?.id);
  const row = Number.isInteger(id) ? await selectImport(ctx.db, id) : undefined;
  if (!row) return;
  const t = translator(importMessages, row.locale);
  const fail = (failure: string) => finishImport(ctx.db, id, 'failed', { ...(row.report as ImportReport), outcome: 'failed', failure }, ctx.clock.now());
  // Taken again after its worker died (the job's lock timed out): its transaction never committed.
  if (row.status === 'running') return fail(t('write.failed'));
  if (!(await changeImportStatus(ctx.db, id, 'queued', 'running', ctx.clock.now()))) return;
  const operator = row.created_by === null ? undefined : await selectOperator(ctx.db, { id: row.created_by });
  const data = await selectImportData(ctx.db, id);
  if (!operator || !hasRole({ ...operator, sessionId: null }, 'coordinator') || !data) return fail(t('write.failed'));

  let last = 0;
  const onProgress = async (p: { phase: ImportPhase; done: number; total: number }) => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS && p.done !== p.total) return;
    last = now;
    await updateImportProgress(ctx.db, id, { phase: p.phase, processed: p.done, total: p.total }, ctx.clock.now());
  };
  const as: Context = { ...ctx, user: { ...operator, sessionId: null }, locale: row.locale };
  try {
    const report = await importActorsCsv(as, data, { filename: row.filename, onProgress });
    // Checked clean at upload, the file may meet a changed directory now: then it is rejected as a whole.
    if (report.outcome === 'imported') return await finishImport(ctx.db, id, 'done', report, ctx.clock.now());
    return await finishImport(ctx.db, id, 'failed', { ...report, failure: report.failure ?? t('write.stale') }, ctx.clock.now());
  } catch (error) {
    ctx.log.error({ err: error, importId: id }, 'actor import failed');
    return fail(error instanceof ImportFileError ? (error.fields?.file ?? t('write.failed')) : t('write.failed'));
  }
}

export const importJobs: JobHandlers = { [IMPORT_JOB]: runImport };
