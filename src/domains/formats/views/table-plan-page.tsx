import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Field, Form } from '../../../platform/layout/components.js';
import { modelLabels } from '../../actors/service.js';
import { messages } from '../messages.js';
import type { Seat, TablePlanView } from '../table-plans.js';
import { NoticeAlert, type Notice } from './notices.js';

/** The table plan: its figures beside the random baseline and the bound, by table and by person, with hand edits. */

export interface PlanFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
}

const percent = (locale: Locale, share: number) => new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(share * 100);

function Figures(props: { locale: Locale; plan: NonNullable<TablePlanView['plan']> }) {
  const { locale, plan } = props;
  const t = translator(messages, locale);
  return (
    <ul class="kern-list">
      <li>
        <strong>{t('plan.score', { pairs: plan.score.newCrossSectorPairs, share: percent(locale, plan.score.crossSectorShare) })}</strong>
      </li>
      <li>{t('plan.repeats', { count: plan.score.repeatedPairs })}</li>
      <li>{t('plan.known', { count: plan.score.knownPairsMet })}</li>
      {plan.baseline && <li>{t('plan.baseline', { pairs: plan.baseline.newCrossSectorPairs, share: percent(locale, plan.baseline.crossSectorShare), repeats: plan.baseline.repeatedPairs })}</li>}
      {plan.bound && <li>{t('plan.bound', { share: percent(locale, plan.bound.share) })}</li>}
    </ul>
  );
}

export function TablePlanPage(props: { locale: Locale; csrf: string; view: TablePlanView; form?: PlanFormState; notice?: Notice; printable?: boolean }) {
  const { locale, view } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const plan = view.plan;
  const path = `/formate/${view.format.slug}/tischplan`;
  const form = props.form ?? { values: { rounds: String(plan?.rounds ?? 3), tables: String(plan?.tables ?? Math.max(1, Math.round(view.people / 8))) }, errors: {} };
  const pinned = new Set((plan?.pins ?? []).map((p) => `${p.registrationId}:${p.round}:${p.table}`));
  // Person → table per round ("Runde 2: Tisch 5").
  const byPerson = new Map<number, { seat: Seat; tables: number[] }>();
  plan?.seats.forEach((round, r) =>
    round.forEach((table, tableIndex) =>
      table.forEach((seat) => {
        const entry = byPerson.get(seat.id) ?? { seat, tables: [] };
        entry.tables[r] = tableIndex;
        byPerson.set(seat.id, entry);
      }),
    ),
  );
  const people = [...byPerson.values()].sort((a, b) => a.seat.name.localeCompare(b.seat.name, locale));
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('plan.title', { title: view.format.title })}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      {!props.printable && <p class="kern-body">{t('plan.intro')}</p>}
      <p class="kern-body">{t('plan.people', { count: view.people })}</p>
      {plan?.outdated && <Alert kind="warning" title={t('plan.outdated')} />}
      {!props.printable && (
        <section aria-labelledby="erzeugen" class="qn-no-print">
          <h2 class="kern-heading-medium" id="erzeugen">
            {plan ? t('plan.regenerate') : t('plan.generate')}
          </h2>
          <ErrorSummary errors={form.errors} labels={{ rounds: t('plan.rounds'), tables: t('plan.tables') }} locale={locale} message={form.message} />
          <Form action={localePath(locale, path)} csrf={props.csrf} class="qn-filter">
            <Field name="rounds" type="number" label={t('plan.rounds')} value={form.values.rounds} error={form.errors.rounds} required />
            <Field name="tables" type="number" label={t('plan.tables')} value={form.values.tables} error={form.errors.tables} required />
            <Button>{plan ? t('plan.regenerate') : t('plan.generate')}</Button>
          </Form>
          {plan && (
            <p class="kern-body">
              <a class="kern-link" href={localePath(locale, `${path}/druck`)}>
                {t('plan.print')}
              </a>
            </p>
          )}
        </section>
      )}
      {!plan ? (
        <p class="kern-body">{t('plan.none')}</p>
      ) : (
        <>
          <Figures locale={locale} plan={plan} />
          <section aria-labelledby="nach-tisch">
            <h2 class="kern-heading-medium" id="nach-tisch">
              {t('plan.byTable')}
            </h2>
            {plan.seats.map((round, r) => (
              <section key={r} aria-labelledby={`runde-${r + 1}`}>
                <h3 class="kern-heading-small" id={`runde-${r + 1}`}>
                  {t('plan.round', { round: r + 1 })}
                </h3>
                <ul class="qn-tables">
                  {round.map((table, tableIndex) => (
                    <li key={tableIndex} class="qn-tables__table">
                      <h4 class="kern-title">{t('plan.table', { table: tableIndex + 1 })}</h4>
                      <ul class="kern-list">
                        {table.map((seat) => (
                          <li key={seat.id}>
                            {seat.name}
                            <span class="kern-body kern-body--small">{` · ${seat.organisation ? `${seat.organisation}, ` : ''}${model.sector(seat.sector)}`}</span>
                            {pinned.has(`${seat.id}:${r}:${tableIndex}`) && <span class="kern-body kern-body--small">{` ${t('plan.pinned')}`}</span>}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
          <section aria-labelledby="nach-person">
            <h2 class="kern-heading-medium" id="nach-person">
              {t('plan.byPerson')}
            </h2>
            <div class="qn-table-wrap">
              <table class="kern-table">
                <caption class="kern-sr-only">{t('plan.byPerson')}</caption>
                <thead class="kern-table__head">
                  <tr class="kern-table__row">
                    <th scope="col" class="kern-table__header">
                      {t('plan.person')}
                    </th>
                    {plan.seats.map((_, r) => (
                      <th key={r} scope="col" class="kern-table__header">
                        {t('plan.round', { round: r + 1 })}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody class="kern-table__body">
                  {people.map(({ seat, tables }) => (
                    <tr key={seat.id} class="kern-table__row">
                      <th scope="row" class="kern-table__header">
                        {seat.name}
                      </th>
                      {tables.map((table, r) => (
                        <td key={r} class="kern-table__cell">
                          {props.printable ? (
                            t('plan.table', { table: table + 1 })
                          ) : (
                            <Form action={localePath(locale, `${path}/umsetzen`)} csrf={props.csrf} class="qn-move">
                              <input type="hidden" name="registration" value={String(seat.id)} />
                              <input type="hidden" name="round" value={String(r + 1)} />
                              <label class="kern-sr-only" for={`tisch-${seat.id}-${r}`}>
                                {t('plan.moveLabel', { name: seat.name, round: r + 1 })}
                              </label>
                              <select id={`tisch-${seat.id}-${r}`} name="table" class="kern-form-input__select qn-move__select">
                                {plan.seats[r]!.map((_, option) => (
                                  <option key={option} value={String(option + 1)} selected={option === table}>
                                    {t('plan.table', { table: option + 1 })}
                                  </option>
                                ))}
                              </select>
                              <Button kind="tertiary">{t('plan.move')}</Button>
                            </Form>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
