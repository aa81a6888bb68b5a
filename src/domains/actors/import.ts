import { recordAudit } from '../../platform/audit.js';
import { hasRole, inTransaction, type Context } from '../../platform/context.js';
import { forbidden } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { CsvSyntaxError, decodeCsv, detectDelimiter, readCsv, type CsvDelimiter, type CsvEncoding } from './csv-read.js';
import { importMessages } from './import-messages.js';
import { planImport, type ImportPlan, type PlannedRow } from './import-plan.js';
import { enqueueJob, type JobHandlers } from '../../platform/jobs/runner.js';
import { analyzeActors, createTags, insertActorsJson, updateActorsJson, type ActorJson, type ImportPhase } from './import-queries.js';
import { checkRows, ImportFileError, Problems, readLayout, type ImportProblem } from './import-rows.js';
import { normalizeTagLabel } from './tags.js';

/**
 * The CSV import of actors (coordinators; the UI, the API, the CLI and the benchmark call it):
 * read and check every row, plan, and only then write — all rows in one short transaction, set-based
 * in batches, or nothing. The file format is described on the import page and in the README.
 */

export const IMPORT_LIMITS = { maxBytes: 20 * 1024 * 1024, maxRows: 20_000 } as const;
/** Problems kept in a report: enough to fix a file; the count says how many there were. */
const PROBLEMS_KEPT = 1000;
const WRITE_BATCH = 1000;
const ANALYZE_FROM = 1000;
const ANALYZE_JOB = 'actors.analyze';

/** Fresh planner statistics of the actors table after a large import. */
export const analyzeJobs: JobHandlers = { [ANALYZE_JOB]: (ctx) => analyzeActors(ctx.db) };

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Check and report only: nothing is written. */
  dryRun?: boolean;
  /** For the audit log. */
  filename?: string;
  /**
   * The command line and the benchmark act without an account: whoever runs them can open the
   * database anyway. Every other caller needs a coordinator in the context.
   */
  commandLine?: boolean;
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
  /** Rows per write statement (tests use small batches to fail in the middle). */
  batchSize?: number;
}

export type ImportOutcome = 'checked' | 'imported' | 'rejected' | 'failed';

export interface ImportReport {
  dryRun: boolean;
  /** checked: a dry run; imported: written; rejected: rows have problems, nothing written; failed: the write failed, nothing written. */
  outcome: ImportOutcome;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  rows: number;
  /** With a dry run or a rejection: what the import would do. */
  created: number;
  updated: number;
  unchanged: number;
  createdTags: number;
  problemRows: number;
  problemCount: number;
  /** The first PROBLEMS_KEPT problems, by line. */
  problems: ImportProblem[];
  ignoredColumns: string[];
  /** Why the write failed (outcome failed). */
  failure?: string;
}

/** Thrown by the write when a row meets a unique constraint that the plan did not see (a race). */
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Reads, checks and (unless a dry run) imports a CSV file of actors. */
export async function importActorsCsv(ctx: Context, bytes: Buffer, options: ImportOptions = {}): Promise<ImportReport> {
  if (!options.commandLine && !hasRole(ctx.user, 'coordinator')) throw forbidden();
  const t = translator(importMessages, ctx.locale);
  const progress = async (phase: ImportPhase, done: number, total: number) => options.onProgress?.({ phase, done, total });
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) throw new ImportFileError(t('file.tooLarge', { max: IMPORT_LIMITS.maxBytes / 1024 / 1024 }));

  await progress('reading', 0, 0);
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  const parsed = await readCsv(text, delimiter, IMPORT_LIMITS.maxRows).catch((error: unknown) => {
    if (error instanceof CsvSyntaxError) throw new ImportFileError(t(`file.syntax.${error.reason}`, { line: error.line }));
    throw error;
  });
  if (parsed.more) throw new ImportFileError(t('file.tooManyRows', { max: IMPORT_LIMITS.maxRows.toLocaleString(ctx.locale === 'de' ? 'de-DE' : 'en-GB') }));
  // Spreadsheets leave rows of empty cells below the data: they are no rows.
  const records = parsed.records.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (records.length === 0) throw new ImportFileError(t('file.empty'));
  const layout = readLayout(ctx, parsed.header);

  const problems = new Problems();
  const rows = await checkRows(ctx, layout, records, problems, (done) => progress('checking', done, records.length));
  const plan = await planImport(ctx, layout, rows, problems);
  const sorted = [...problems.list].sort((a, b) => a.line - b.line);
  const report: ImportReport = {
    dryRun: options.dryRun ?? false,
    outcome: 'checked',
    encoding,
    delimiter,
    rows: records.length,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    createdTags: plan.newTags.length,
    problemRows: problems.rows,
    problemCount: sorted.length,
    problems: sorted.slice(0, PROBLEMS_KEPT),
    ignoredColumns: layout.ignored,
  };
  if (options.dryRun) return report;
  if (problems.rows > 0) return { ...report, outcome: 'rejected' };

  await progress('writing', 0, records.length);
  try {
    await inTransaction(ctx, (tx) => writePlan(tx, plan, report, options));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    ctx.log.warn({ err: error }, 'actor import conflicted with a concurrent change');
    return { ...report, outcome: 'failed', failure: t('write.conflict') };
  }
  // The directory's plans rely on statistics: a large import would leave them far off. Refreshing
  // them takes seconds at 100,000 actors and the import is done without them: a job does it.
  if (plan.creates.length + plan.updates.length >= ANALYZE_FROM) await enqueueJob(ctx.db, ANALYZE_JOB, {});
  await progress('writing', records.length, records.length);
  return { ...report, outcome: 'imported' };
}

async function writePlan(ctx: Context, plan: ImportPlan, report: ImportReport, options: ImportOptions) {
  const created = await createTags(ctx.db, plan.newTags);
  const tagIds = new Map([...plan.tagIds, ...created]);
  const batch = options.batchSize ?? WRITE_BATCH;
  const now = ctx.clock.now().toISOString();
  const userId = ctx.user?.id ?? null;
  const creates = plan.creates.map((p) => ({ ...columns(p, tagIds), slug: p.slug, status: 'approved', created_by: userId, approved_by: userId, approved_at: now, created_at: now, updated_at: now }));
  for (let i = 0; i < creates.length; i += batch) await insertActorsJson(ctx.db, creates.slice(i, i + batch));
  const updates = plan.updates.map((p) => ({ ...columns(p, tagIds), id: p.existing!.id, updated_at: now }));
  for (let i = 0; i < updates.length; i += batch) await updateActorsJson(ctx.db, updates.slice(i, i + batch), plan.columns);
  await recordAudit(ctx, {
    action: 'actor.imported',
    subjectUserId: null,
    subjectLabel: options.filename ?? 'CSV',
    details: { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, createdTags: report.createdTags, encoding: report.encoding, via: options.commandLine ? 'cli' : 'web' },
  });
}

/** A planned row as the actors table's columns (JSON for json_populate_recordset). */
function columns({ row, existing }: PlannedRow, tagIds: Map<string, number>): ActorJson {
  const tags = (labels: string[]) => [...new Set(labels.flatMap((label) => tagIds.get(normalizeTagLabel(label)) ?? []))];
  return {
    kind: existing?.kind ?? row.kind ?? 'organisation',
    name: row.name,
    sector: row.sector,
    action_fields: row.actionFields,
    place_id: row.place?.id ?? null,
    state_code: row.place?.stateCode ?? null,
    latitude: row.place?.latitude ?? null,
    longitude: row.place?.longitude ?? null,
    summary: row.summary,
    description: row.description,
    expertise: row.expertise,
    website: row.website,
    links: row.links,
    contact_name: row.contactName,
    contact_email: row.contactEmail,
    contact_phone: row.contactPhone,
    // An empty cell keeps what the profile has (a new one is public); an external id is never removed.
    visibility: row.visibility ?? existing?.visibility ?? 'public',
    external_id: row.externalId ?? existing?.external_id ?? null,
    offer_ids: tags(row.offers),
    need_ids: tags(row.needs),
  };
}
