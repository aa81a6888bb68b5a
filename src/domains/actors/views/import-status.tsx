import { localePath, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, Fact, Form } from '../../../platform/layout/components.js';
import type { ImportRun } from '../import-runs.js';
import { formatNumber, importTexts, statusText } from './import-page.js';

export const STATUS_ID = 'import-status';

/**
 * One import: the dry run's findings, the button that starts it, then its progress and outcome.
 * While it runs, htmx reloads the status region every two seconds; without JavaScript the
 * "Refresh" link does the same.
 */
export function ImportStatusPage(props: { locale: Locale; csrf: string; run: ImportRun }) {
  const { locale, run } = props;
  const t = importTexts(locale);
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('status.title', { file: run.filename })}</h1>
      <ImportStatus locale={locale} csrf={props.csrf} run={run} />
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, '/akteure/import')}>
          {t('status.again')}
        </a>
      </p>
    </div>
  );
}

function ImportStatus(props: { locale: Locale; csrf: string; run: ImportRun }) {
  const { locale, run } = props;
  const t = importTexts(locale);
  const { report } = run;
  const href = localePath(locale, `/akteure/import/${run.id}`);
  const active = run.status === 'queued' || run.status === 'running';
  const polling = active ? { 'hx-get': href, 'hx-trigger': 'every 2s', 'hx-select': `#${STATUS_ID}`, 'hx-swap': 'outerHTML' } : {};
  const kind = run.status === 'done' ? 'success' : run.status === 'failed' || report.problemRows > 0 ? 'danger' : 'info';
  const counts = { created: formatNumber(locale, report.created), updated: formatNumber(locale, report.updated), unchanged: formatNumber(locale, report.unchanged) };
  const detail = report.failure ?? (run.status === 'checked' && report.problemRows === 0 ? t('status.wouldCreate', counts) : null);
  return (
    <section id={STATUS_ID} class="qn-stack" aria-live="polite" {...polling}>
      <Alert kind={kind} title={statusText(locale, run)}>
        {detail && <p class="kern-body">{detail}</p>}
      </Alert>
      {active && run.progress && (
        <p class="kern-body">
          <label for="import-fortschritt">{t('status.progress', { phase: t(`phase.${run.progress.phase}`), done: formatNumber(locale, run.progress.done), total: formatNumber(locale, run.progress.total) })}</label>{' '}
          <progress id="import-fortschritt" max={Math.max(run.progress.total, 1)} value={run.progress.done}></progress>{' '}
          <a class="kern-link" href={href}>
            {t('status.refresh')}
          </a>
        </p>
      )}
      <dl class="kern-description-list">
        <Fact term={t('status.file')}>{run.filename}</Fact>
        <Fact term={t('status.encoding')}>{t(`encoding.${report.encoding}`)}</Fact>
        <Fact term={t('status.delimiter')}>{t(`delimiter.${report.delimiter}`)}</Fact>
        <Fact term={t('status.rows')}>{formatNumber(locale, report.rows)}</Fact>
        <Fact term={t('status.created')}>{formatNumber(locale, report.created)}</Fact>
        <Fact term={t('status.updated')}>{formatNumber(locale, report.updated)}</Fact>
        <Fact term={t('status.unchanged')}>{formatNumber(locale, report.unchanged)}</Fact>
        <Fact term={t('status.createdTags')}>{formatNumber(locale, report.createdTags)}</Fact>
      </dl>
      {report.ignoredColumns.length > 0 && <p class="kern-body">{t('status.ignored', { columns: report.ignoredColumns.map((c) => `„${c}“`).join(', ') })}</p>}
      {report.problemRows > 0 && <ProblemTable locale={locale} run={run} />}
      {run.startable && (
        <Form action={href} csrf={props.csrf}>
          <p class="kern-body">{t('status.startHint')}</p>
          <Button>{t('status.start')}</Button>
        </Form>
      )}
    </section>
  );
}

function ProblemTable(props: { locale: Locale; run: ImportRun }) {
  const { locale } = props;
  const { report } = props.run;
  const t = importTexts(locale);
  const summary = report.problemRows === 1 ? t('status.problemsOne') : t('status.problems', { rows: formatNumber(locale, report.problemRows) });
  return (
    <div class="qn-stack">
      <p class="kern-body kern-body--bold">{summary}</p>
      {report.problemCount > report.problems.length && (
        <p class="kern-body">{t('status.problemsMore', { shown: formatNumber(locale, report.problems.length), total: formatNumber(locale, report.problemCount) })}</p>
      )}
      <table class="kern-table kern-table--small">
        <caption class="kern-sr-only">{summary}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">{t('status.line')}</th>
            <th class="kern-table__header" scope="col">{t('status.column')}</th>
            <th class="kern-table__header" scope="col">{t('status.problem')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {report.problems.map((problem, index) => (
            <tr class="kern-table__row" key={index}>
              <td class="kern-table__cell">{problem.line}</td>
              <td class="kern-table__cell">{problem.column ?? '–'}</td>
              <td class="kern-table__cell">{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
