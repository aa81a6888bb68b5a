import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { hasRole, type Context } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import { EXPORT_FORMATS, exportActorsCsv, exportActorsGeoJson, exportActorsJson, type ExportFormat } from './export.js';
import { importMessages } from './import-messages.js';
import { selectOperator } from './import-queries.js';
import { importActorsCsv, type ImportReport } from './import.js';
import { readDirectoryQuery } from './search-query.js';
import { translator } from '../../platform/i18n/index.js';

/**
 * `cli import actors` and `cli export actors`. The command line opens the database itself (never
 * while the server holds ./data: the data-dir lock refuses), and acts as the coordinator named by
 * --as, or without one as the operator of the installation (audit log: "system").
 */

/** The context of the account named by --as; it must be a coordinator (or admin). */
export async function asAccount(ctx: Context, email: string | undefined): Promise<Context> {
  if (email === undefined) return ctx;
  const operator = await selectOperator(ctx.db, { email });
  const user = operator ? { ...operator, sessionId: null } : null;
  if (!user || !hasRole(user, 'coordinator')) throw new ValidationError({ as: translator(importMessages, ctx.locale)('cli.asNotCoordinator', { email }) });
  return { ...ctx, user };
}

/** Imports (or with dryRun only checks) a file; prints the report; returns the exit code. */
export async function importCommand(ctx: Context, options: { file: string; dryRun: boolean; commandLine: boolean }): Promise<number> {
  const bytes = await fs.promises.readFile(options.file);
  let shown = '';
  const report = await importActorsCsv(ctx, bytes, {
    dryRun: options.dryRun,
    filename: path.basename(options.file),
    commandLine: options.commandLine,
    onProgress: ({ phase, done, total }) => {
      const line = `${phase} ${done}/${total}`;
      if (process.stderr.isTTY && line !== shown) process.stderr.write(`\r${(shown = line)}   `);
    },
  });
  if (shown) process.stderr.write('\n');
  console.log(formatReport(report, ctx.locale));
  return report.outcome === 'imported' || (report.outcome === 'checked' && report.problemRows === 0) ? 0 : 1;
}

function formatReport(report: ImportReport, locale: Locale): string {
  const t = translator(importMessages, locale);
  const lines = [
    `${t('status.encoding')}: ${t(`encoding.${report.encoding}`)} · ${t('status.delimiter')}: ${t(`delimiter.${report.delimiter}`)} · ${t('status.rows')}: ${report.rows}`,
    `${t('status.created')}: ${report.created} · ${t('status.updated')}: ${report.updated} · ${t('status.unchanged')}: ${report.unchanged} · ${t('status.createdTags')}: ${report.createdTags}`,
  ];
  if (report.ignoredColumns.length) lines.push(t('status.ignored', { columns: report.ignoredColumns.join(', ') }));
  for (const p of report.problems) lines.push(`${t('status.line')} ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`);
  if (report.problemCount > report.problems.length) lines.push(t('status.problemsMore', { shown: report.problems.length, total: report.problemCount }));
  if (report.problemRows > 0) lines.push(report.problemRows === 1 ? t('status.problemsOne') : t('status.problems', { rows: report.problemRows }));
  if (report.failure) lines.push(report.failure);
  else if (report.outcome === 'imported') lines.push(t('status.done'));
  return lines.join('\n');
}

/** Writes an export to a file; `filter` is a directory query string („sector=welfare&state=BY“). */
export async function exportCommand(ctx: Context, options: { format: string; out: string; filter: string }) {
  const format = EXPORT_FORMATS.find((f) => f === options.format);
  if (!format) throw new ValidationError({ format: EXPORT_FORMATS.join(', ') });
  const params = new URLSearchParams(options.filter);
  const input: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) input[key] = params.getAll(key);
  const query = readDirectoryQuery(input, ctx.locale);
  const source: Record<ExportFormat, () => Promise<Readable>> = {
    csv: async () => exportActorsCsv(ctx, query, ctx.locale),
    json: async () => exportActorsJson(ctx, query),
    geojson: async () => Readable.from([await exportActorsGeoJson(ctx, query)]),
  };
  await pipeline(await source[format](), fs.createWriteStream(options.out));
}
