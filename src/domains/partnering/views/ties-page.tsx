import type { ComponentChildren } from 'preact';
import { formatDate, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, ChoiceGroup, ErrorSummary, Field, Form, Select } from '../../../platform/layout/components.js';
import { modelLabels } from '../../actors/service.js';
import type { Connections } from '../connections.js';
import { messages } from '../messages.js';
import { DECLARED_TIE_KINDS, TIES_VISIBILITIES } from '../model.js';
import type { Network, Tie } from '../ties.js';
import { NoticeAlert, type Notice } from './dashboard.js';
import type { FormState } from './introduction-pages.js';
import { FilterForm, SuggestionSection } from './suggestion-list.js';

const dateOf = (locale: Locale, iso: string) => formatDate(locale, new Date(`${iso}T12:00:00Z`));

export function tiePeriod(locale: Locale, tie: Pick<Tie, 'since' | 'endedOn'>): string {
  const t = translator(messages, locale);
  return tie.endedOn ? t('network.ended', { since: dateOf(locale, tie.since), ended: dateOf(locale, tie.endedOn) }) : t('network.since', { date: dateOf(locale, tie.since) });
}

function TieActions(props: { locale: Locale; csrf: string; tie: Tie; back: string }) {
  const { locale, tie } = props;
  const t = translator(messages, locale);
  const action = (verb: string) => localePath(locale, `/vernetzung/verbindungen/${tie.id}/${verb}`);
  const hidden = <input type="hidden" name="zurueck" value={props.back} />;
  const partner = <span class="kern-sr-only">{`: ${tie.partner.name}`}</span>;
  const forms: ComponentChildren[] = [];
  if (tie.canConfirm) {
    forms.push(
      <Form action={action('bestaetigen')} csrf={props.csrf} class="qn-inline-form" key="c">
        {hidden}
        <Button kind="secondary">
          {t('ties.confirm')}
          {partner}
        </Button>
      </Form>,
    );
  }
  if (tie.canDecline) {
    forms.push(
      <Form action={action('ablehnen')} csrf={props.csrf} class="qn-inline-form" key="d">
        {hidden}
        <Button kind="tertiary">
          {t('ties.decline')}
          {partner}
        </Button>
      </Form>,
    );
  }
  if (tie.canEnd) {
    forms.push(
      <Form action={action('beenden')} csrf={props.csrf} class="qn-inline-form" key="e">
        {hidden}
        <Button kind="tertiary">
          {t('ties.end')}
          {partner}
        </Button>
      </Form>,
    );
  }
  if (tie.status === 'proposed' && !tie.canConfirm && tie.proposedByUs) forms.unshift(<span class="kern-body kern-body--small" key="w">{t('ties.waiting')}</span>);
  return <div class="qn-actions">{forms}</div>;
}

export function TiesTable(props: { locale: Locale; csrf: string; network: Network; back: string }) {
  const { locale, network } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  if (network.ties.length === 0) return <p class="kern-body">{t('network.empty')}</p>;
  return (
    <div class="qn-table-wrap">
      <table class="kern-table kern-table--small">
        <caption class="kern-title">{t('ties.list')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">{t('ties.partner')}</th>
            <th class="kern-table__header" scope="col">{t('ties.kind')}</th>
            <th class="kern-table__header" scope="col">{t('ties.origin')}</th>
            <th class="kern-table__header" scope="col">{t('ties.status')}</th>
            <th class="kern-table__header" scope="col">{t('ties.dates')}</th>
            <th class="kern-table__header" scope="col">{t('ties.actions')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {network.ties.map((tie) => (
            <tr class="kern-table__row" key={tie.id}>
              <th class="kern-table__cell" scope="row">
                <a class="kern-link" href={localePath(locale, `/akteure/${tie.partner.slug}`)}>
                  {tie.partner.name}
                </a>
                <span class="kern-body kern-body--small">{` (${model.sector(tie.partner.sector as Parameters<typeof model.sector>[0])})`}</span>
              </th>
              <td class="kern-table__cell">{t(`tieKind.${tie.kind}`)}</td>
              <td class="kern-table__cell">{t(`origin.${tie.origin}`)}</td>
              <td class="kern-table__cell">{t(`tieStatus.${tie.status}`)}</td>
              <td class="kern-table__cell">{tiePeriod(locale, tie)}</td>
              <td class="kern-table__cell">
                <TieActions locale={locale} csrf={props.csrf} tie={tie} back={props.back} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An actor's connections: suggestions, its ties with their actions, "we work together", its settings. */
export function TiesPage(props: {
  locale: Locale;
  csrf: string;
  connections: Connections;
  filters: Record<string, string>;
  filterErrors?: Record<string, string>;
  notice?: Notice;
  propose?: FormState;
  settings?: FormState;
}) {
  const { locale } = props;
  const { actor, network, suggestions, admin, coordinator } = props.connections;
  const t = translator(messages, locale);
  const back = `/akteure/${actor.slug}/verbindungen`;
  const propose = props.propose ?? { values: { kind: 'cooperation' }, errors: {} };
  const settings = props.settings;
  const prefs = props.connections.preferences;
  const errorOf = (state: FormState | undefined, labels: Record<string, string>) =>
    state && (state.message || Object.keys(state.errors).length > 0) && <ErrorSummary errors={state.errors} labels={labels} locale={locale} message={state.message} />;
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('ties.title', { name: actor.name })}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, `/akteure/${actor.slug}`)}>
          {actor.name}
        </a>
      </p>
      <FilterForm locale={locale} action={back} filters={props.filters} errors={props.filterErrors} />
      <SuggestionSection locale={locale} csrf={props.csrf} list={suggestions} back={back} showComponents={coordinator} />
      <section aria-labelledby="verbindungen" class="qn-stack">
        <h2 class="kern-heading-medium" id="verbindungen">
          {t('ties.list')}
        </h2>
        <TiesTable locale={locale} csrf={props.csrf} network={network} back={back} />
      </section>
      {admin && (
        <section aria-labelledby="zusammenarbeit" class="qn-form">
          <h2 class="kern-heading-medium" id="zusammenarbeit">
            {t('ties.propose')}
          </h2>
          <p class="kern-body">{t('ties.propose.intro')}</p>
          {errorOf(props.propose, { to: t('ties.to'), kind: t('ties.kind'), since: t('ties.since') })}
          <Form action={localePath(locale, `${back}/vorschlagen`)} csrf={props.csrf}>
            <div class="qn-stack">
              <Field name="to" label={t('ties.to')} value={propose.values.to} error={propose.errors.to} required maxLength={200} />
              <Select name="kind" label={t('ties.kind')} value={propose.values.kind} error={propose.errors.kind} options={DECLARED_TIE_KINDS.map((k) => ({ value: k, label: t(`tieKind.${k}`) }))} />
              <Field name="since" label={t('ties.since')} hint={t('ties.since.hint')} value={propose.values.since} error={propose.errors.since} required maxLength={10} />
              <Button>{t('ties.proposeSubmit')}</Button>
            </div>
          </Form>
        </section>
      )}
      {admin && prefs && (
        <section aria-labelledby="einstellungen" class="qn-form">
          <h2 class="kern-heading-medium" id="einstellungen">
            {t('preferences.title')}
          </h2>
          {errorOf(settings, { tiesVisibility: t('preferences.tiesVisibility') })}
          <Form action={localePath(locale, `${back}/einstellungen`)} csrf={props.csrf}>
            <div class="qn-stack">
              <ChoiceGroup
                type="checkbox"
                name="flags"
                legend={t('preferences.title')}
                options={[
                  { value: 'suggestible', label: t('preferences.suggestible') },
                  { value: 'contactable', label: t('preferences.contactable') },
                ]}
                checked={[...(prefs.suggestible ? ['suggestible'] : []), ...(prefs.contactable ? ['contactable'] : [])]}
              />
              <ChoiceGroup
                type="radio"
                name="tiesVisibility"
                legend={t('preferences.tiesVisibility')}
                options={TIES_VISIBILITIES.map((v) => ({ value: v, label: t(`tiesVisibility.${v}`) }))}
                checked={[settings?.values.tiesVisibility ?? prefs.tiesVisibility]}
                error={settings?.errors.tiesVisibility}
              />
              <Button>{t('preferences.submit')}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
