import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, Field, Form, Pager, Select } from '../../../platform/layout/components.js';
import { ACTION_FIELDS, modelLabels } from '../../actors/service.js';
import { formatLabels, messages } from '../messages.js';
import { FORMAT_KINDS, FORMAT_MODES, LIST_STATES } from '../model.js';
import type { FormatSummary } from '../present.js';
import { formatWhen } from './when.js';

/** /formate: upcoming or past formats with filters, a pager, and the calendar subscription. */

export interface ListView {
  when: 'upcoming' | 'past';
  filters: Record<string, string>;
  filterErrors?: Record<string, string>;
  total: number;
  items: FormatSummary[];
  page: number;
  pages: number;
  coordinator: boolean;
  signedIn: boolean;
}

/** The query string of the list with some values changed (empty ones left out). */
export function listQuery(filters: Record<string, string>, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes })) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function FormatCard(props: { locale: Locale; item: FormatSummary; headingLevel?: 2 | 3 }) {
  const { locale, item } = props;
  const t = translator(messages, locale);
  const labels = formatLabels(locale);
  const model = modelLabels(locale);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const where = item.mode === 'digital' ? labels.mode('digital') : [item.venue, item.place?.name].filter(Boolean).join(', ');
  return (
    <li class="qn-result">
      <Heading class="kern-heading-small">
        <a class="kern-link" href={localePath(locale, `/formate/${encodeURIComponent(item.slug)}`)}>
          {item.title}
        </a>
      </Heading>
      <p class="kern-body">
        <strong>{labels.kind(item.kind)}</strong>
        {` · ${formatWhen(locale, item.startsAt, item.endsAt)} · ${where}${item.mode === 'hybrid' ? ` (${labels.mode('hybrid')})` : ''}`}
      </p>
      {item.teaser && <p class="kern-body">{item.teaser}</p>}
      <p class="kern-body kern-body--small">
        {labels.state(item.registration)}
        {item.status === 'published' && item.registration !== 'closed' && ` · ${item.capacity === null ? t('card.noLimit') : t('card.seats', { free: item.seatsFree ?? 0, capacity: item.capacity })}`}
        {item.actionFields.length > 0 && ` · ${item.actionFields.map((f) => model.actionField(f as (typeof ACTION_FIELDS)[number])).join(', ')}`}
        {item.hosts.length > 0 && ` · ${t('card.hosts', { hosts: item.hosts.map((h) => h.name).join(', ') })}`}
      </p>
    </li>
  );
}

export function FilterForm(props: { locale: Locale; action: string; filters: Record<string, string>; errors?: Record<string, string>; coordinator: boolean; keep?: Record<string, string> }) {
  const { locale, filters, errors } = props;
  const t = translator(messages, locale);
  const labels = formatLabels(locale);
  const model = modelLabels(locale);
  const any = { value: '', label: t('filter.any') };
  return (
    <section aria-labelledby="filter-titel">
      <h2 class="kern-heading-small" id="filter-titel">
        {t('filter.title')}
      </h2>
      {errors && Object.keys(errors).length > 0 && <Alert kind="warning" title={t('filter.invalid')} role="alert" />}
      <Form action={localePath(locale, props.action)} method="get" csrf="" class="qn-filter">
        {Object.entries(props.keep ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Select name="art" label={t('filter.kind')} value={filters.art} error={errors?.art} options={[any, ...FORMAT_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]} />
        <Select name="durchfuehrung" label={t('filter.mode')} value={filters.durchfuehrung} error={errors?.durchfuehrung} options={[any, ...FORMAT_MODES.map((m) => ({ value: m, label: labels.mode(m) }))]} />
        <Select
          name="anmeldung"
          label={t('filter.state')}
          value={filters.anmeldung}
          error={errors?.anmeldung}
          options={[any, ...LIST_STATES.filter((s) => s !== 'draft' || props.coordinator).map((s) => ({ value: s, label: labels.state(s) }))]}
        />
        <Select name="handlungsfeld" label={t('filter.actionField')} value={filters.handlungsfeld} error={errors?.handlungsfeld} options={[any, ...ACTION_FIELDS.map((f) => ({ value: f, label: model.actionField(f) }))]} />
        {props.action === '/formate' && <Field name="monat" label={t('filter.month')} hint={t('filter.month.hint')} value={filters.monat} error={errors?.monat} maxLength={7} />}
        <Button kind="secondary">{t('filter.apply')}</Button>
        <a class="kern-link" href={localePath(locale, props.action)}>
          {t('filter.reset')}
        </a>
      </Form>
    </section>
  );
}

/** Links to the list's periods and the calendar; the current one marked. */
export function FormatsSubnav(props: { locale: Locale; current: 'upcoming' | 'past' | 'calendar' }) {
  const t = translator(messages, props.locale);
  const link = (path: string) => localePath(props.locale, path);
  const items = [
    { key: 'upcoming', href: link('/formate'), label: t('list.upcoming') },
    { key: 'past', href: link('/formate?zeitraum=vergangen'), label: t('list.past') },
    { key: 'calendar', href: link('/formate/kalender'), label: t('list.calendar') },
  ] as const;
  return (
    <nav class="qn-subnav" aria-label={t('list.tabs')}>
      <ul class="qn-chips">
        {items.map((item) => (
          <li key={item.key}>
            <a class="kern-link" href={item.href} aria-current={props.current === item.key ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SubscribeLinks(props: { locale: Locale; kind?: string }) {
  const t = translator(messages, props.locale);
  const labels = formatLabels(props.locale);
  return (
    <section aria-labelledby="abonnieren">
      <h2 class="kern-heading-small" id="abonnieren">
        {t('list.subscribe')}
      </h2>
      <p class="kern-body kern-body--small">{t('list.subscribe.hint')}</p>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href="/formate.ics" type="text/calendar">
            {t('list.subscribe')}
          </a>
        </li>
        {props.kind && (FORMAT_KINDS as readonly string[]).includes(props.kind) && (
          <li>
            <a class="kern-link" href={`/formate.ics?art=${props.kind}`} type="text/calendar">
              {t('list.subscribeKind', { kind: labels.kind(props.kind as (typeof FORMAT_KINDS)[number]) })}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

export function ListPage(props: { locale: Locale; view: ListView; notice?: preact.ComponentChildren }) {
  const { locale, view } = props;
  const t = translator(messages, locale);
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('list.title')}</h1>
      {props.notice}
      <p class="kern-body">{t('list.intro')}</p>
      {(view.coordinator || view.signedIn) && (
        <ul class="qn-chips">
          {view.signedIn && (
            <li>
              <a class="kern-link" href={localePath(locale, '/formate/meine')}>
                {t('mine.title')}
              </a>
            </li>
          )}
          {view.coordinator && (
            <li>
              <a class="kern-link" href={localePath(locale, '/formate/neu')}>
                {t('list.new')}
              </a>
            </li>
          )}
        </ul>
      )}
      <FormatsSubnav locale={locale} current={view.when} />
      <FilterForm locale={locale} action="/formate" filters={view.filters} errors={view.filterErrors} coordinator={view.coordinator} keep={view.when === 'past' ? { zeitraum: 'vergangen' } : {}} />
      <h2 class="kern-heading-medium" aria-live="polite">
        {view.total === 1 ? t('list.countOne') : t('list.count', { count: view.total })}
      </h2>
      {view.items.length === 0 ? (
        <p class="kern-body">{t('list.empty')}</p>
      ) : (
        <ul class="qn-results">
          {view.items.map((item) => (
            <FormatCard key={item.id} locale={locale} item={item} />
          ))}
        </ul>
      )}
      <Pager locale={locale} label={t('list.pager')} page={view.page} pages={view.pages} href={(page) => localePath(locale, `/formate${listQuery(view.filters, { seite: page, zeitraum: view.when === 'past' ? 'vergangen' : undefined })}`)} />
      <SubscribeLinks locale={locale} kind={view.filters.art} />
    </div>
  );
}
