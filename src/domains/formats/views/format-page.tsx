import { formatDateTime, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Fact, Field, Form, Select } from '../../../platform/layout/components.js';
import { JsonLdScript } from '../../../platform/layout/json-ld.js';
import { modelLabels, SECTORS, type ActionField, type MyActor } from '../../actors/service.js';
import { formatJsonLd } from '../jsonld.js';
import { formatLabels, messages } from '../messages.js';
import { NAME_MAX, ORGANISATION_MAX } from '../model.js';
import type { FormatDetail } from '../present.js';
import { DocumentationSection } from './documentation.js';
import { NoticeAlert, type Notice } from './notices.js';
import { formatWhen } from './when.js';

/** A format's page: what, when, where, agenda, free seats, registration, and for those who run it, the tools. */

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
}

export interface FormatPageProps {
  locale: Locale;
  csrf: string;
  format: FormatDetail;
  publicUrl: string;
  signedIn: boolean;
  organisations: MyActor[];
  notice?: Notice;
  register?: FormState;
  guest?: FormState;
  cancel?: FormState;
}

function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i} class="kern-body qn-pre-line">
            {p}
          </p>
        ))}
    </>
  );
}

function Facts(props: { locale: Locale; format: FormatDetail }) {
  const { locale, format } = props;
  const t = translator(messages, locale);
  const labels = formatLabels(locale);
  const model = modelLabels(locale);
  const where = [format.venue, format.place?.name].filter(Boolean).join(', ');
  return (
    <dl class="kern-description-list">
      <Fact term={t('format.kind')}>{labels.kind(format.kind)}</Fact>
      <Fact term={t('format.when')}>{formatWhen(locale, format.startsAt, format.endsAt)}</Fact>
      <Fact term={t('format.mode')}>{labels.mode(format.mode)}</Fact>
      {where && <Fact term={t('format.where')}>{where}</Fact>}
      {format.actionFields.length > 0 && <Fact term={t('format.actionFields')}>{format.actionFields.map((f) => model.actionField(f as ActionField)).join(', ')}</Fact>}
      {format.hosts.length > 0 && (
        <Fact term={t('format.hosts')}>
          <ul class="kern-list">
            {format.hosts.map((h) => (
              <li key={h.slug}>
                <a class="kern-link" href={localePath(locale, `/akteure/${h.slug}`)}>
                  {h.name}
                </a>
              </li>
            ))}
          </ul>
        </Fact>
      )}
      {format.status !== 'draft' && (
        <Fact term={t('format.seats')}>{format.capacity === null ? t('card.noLimit') : t('card.seats', { free: format.seatsFree ?? 0, capacity: format.capacity })}</Fact>
      )}
      <Fact term={t('format.registration')}>
        {labels.state(format.registration)}
        {format.registrationClosesAt &&
          ` · ${format.registrationOpensAt ? t('format.registrationWindow', { from: formatDateTime(locale, format.registrationOpensAt), to: formatDateTime(locale, format.registrationClosesAt) }) : t('format.registrationUntil', { to: formatDateTime(locale, format.registrationClosesAt) })}`}
      </Fact>
      {format.maxSectorShare !== null && <Fact term={t('format.registration')}>{t('format.sectorMix', { share: format.maxSectorShare })}</Fact>}
    </dl>
  );
}

function Registration(props: FormatPageProps) {
  const { locale, format } = props;
  const t = translator(messages, locale);
  const labels = formatLabels(locale);
  const model = modelLabels(locale);
  const own = format.viewer.registration;
  const path = `/formate/${format.slug}`;
  if (own) {
    return (
      <section aria-labelledby="anmeldung" class="qn-stack">
        <h2 class="kern-heading-medium" id="anmeldung">
          {t('register.yours', { status: labels.registrationStatus(own.status) })}
        </h2>
        {own.waitlistPosition !== null && <p class="kern-body">{t('register.position', { position: own.waitlistPosition })}</p>}
        <ErrorSummary errors={undefined} labels={{}} locale={locale} message={props.cancel?.message} />
        <Form action={localePath(locale, `${path}/stornieren`)} csrf={props.csrf}>
          <input type="hidden" name="anmeldung" value={String(own.id)} />
          <Button kind="secondary">{t('register.cancel')}</Button>
        </Form>
      </section>
    );
  }
  if (format.registration !== 'open' && format.registration !== 'full') {
    return format.status === 'published' && format.registration !== 'closed' ? <p class="kern-body">{t('register.closed', { state: labels.state(format.registration) })}</p> : null;
  }
  const submit = format.registration === 'full' ? t('register.submitWaitlist') : t('register.submit');
  if (props.signedIn) {
    const state = props.register ?? { values: {}, errors: {} };
    const orgs = props.organisations.filter((a) => a.membership === 'active' && a.status !== 'rejected');
    return (
      <section aria-labelledby="anmeldung" class="qn-stack">
        <h2 class="kern-heading-medium" id="anmeldung">
          {t('register.title')}
        </h2>
        <ErrorSummary errors={state.errors} labels={{ actor: t('register.actor'), sector: t('register.sectorPersonal') }} locale={locale} message={state.message} />
        <Form action={localePath(locale, `${path}/anmelden`)} csrf={props.csrf}>
          <div class="qn-stack">
            <p class="kern-body">{t('register.asMember')}</p>
            <Select
              name="actor"
              label={t('register.actor')}
              value={state.values.actor ?? orgs[0]?.slug ?? ''}
              error={state.errors.actor}
              options={[...orgs.map((a) => ({ value: a.slug, label: a.name })), { value: '', label: t('register.asPerson') }]}
            />
            <Select
              name="sector"
              label={t('register.sectorPersonal')}
              value={state.values.sector}
              error={state.errors.sector}
              options={[{ value: '', label: t('filter.any') }, ...SECTORS.map((s) => ({ value: s, label: model.sector(s) }))]}
            />
            <Button>{submit}</Button>
          </div>
        </Form>
      </section>
    );
  }
  const state = props.guest ?? { values: {}, errors: {} };
  const fieldLabels = { name: t('register.name'), email: t('register.email'), organisation: t('register.organisation'), sector: t('register.sector') };
  return (
    <section aria-labelledby="anmeldung" class="qn-stack qn-form">
      <h2 class="kern-heading-medium" id="anmeldung">
        {t('register.guest')}
      </h2>
      <p class="kern-body">
        {t('register.guest.intro')}{' '}
        <a class="kern-link" href={`${localePath(locale, '/anmelden')}?next=${encodeURIComponent(localePath(locale, path))}`}>
          {t('register.login')}
        </a>
      </p>
      <ErrorSummary errors={state.errors} labels={fieldLabels} locale={locale} message={state.message} />
      <Form action={localePath(locale, `${path}/anmelden`)} csrf={props.csrf}>
        <div class="qn-stack">
          <Field name="name" label={fieldLabels.name} value={state.values.name} error={state.errors.name} required maxLength={NAME_MAX} autocomplete="name" />
          <Field name="email" type="email" label={fieldLabels.email} value={state.values.email} error={state.errors.email} required maxLength={254} autocomplete="email" />
          <Field name="organisation" label={fieldLabels.organisation} value={state.values.organisation} error={state.errors.organisation} maxLength={ORGANISATION_MAX} autocomplete="organization" />
          <Select
            name="sector"
            label={fieldLabels.sector}
            value={state.values.sector}
            error={state.errors.sector}
            options={[{ value: '', label: t('filter.any') }, ...SECTORS.map((s) => ({ value: s, label: model.sector(s) }))]}
          />
          <p class="kern-body kern-body--small">{t('register.privacy')}</p>
          <Button>{format.registration === 'full' ? t('register.submitWaitlist') : t('register.guestSubmit')}</Button>
        </div>
      </Form>
    </section>
  );
}

function Manage(props: FormatPageProps) {
  const { locale, format } = props;
  const t = translator(messages, locale);
  const path = `/formate/${format.slug}`;
  const state = props.cancel;
  return (
    <section aria-labelledby="verwalten" class="qn-stack">
      <h2 class="kern-heading-medium" id="verwalten">
        {t('format.manage')}
      </h2>
      <ul class="kern-list">
        {format.status !== 'draft' && (
          <li>
            <a class="kern-link" href={localePath(locale, `${path}/teilnehmende`)}>
              {t('format.participants')}
            </a>
          </li>
        )}
        {format.status !== 'draft' && (
          <li>
            <a class="kern-link" href={localePath(locale, `${path}/tischplan`)}>
              {t('format.tablePlan')}
            </a>
          </li>
        )}
        {format.status !== 'cancelled' && (
          <li>
            <a class="kern-link" href={localePath(locale, `${path}/bearbeiten`)}>
              {t('format.edit')}
            </a>
          </li>
        )}
      </ul>
      {format.status === 'draft' && (
        <Form action={localePath(locale, `${path}/veroeffentlichen`)} csrf={props.csrf}>
          <Button>{t('format.publish')}</Button>
        </Form>
      )}
      {format.status === 'published' && (
        <details class="kern-accordion">
          <summary class="kern-accordion__header">
            <span class="kern-title">{t('format.cancel')}</span>
          </summary>
          <div class="kern-accordion__body">
            <ErrorSummary errors={state?.errors} labels={{ reason: t('format.cancel.reason') }} locale={locale} message={state?.message} />
            <Form action={localePath(locale, `${path}/absagen`)} csrf={props.csrf}>
              <div class="qn-stack">
                <Field name="reason" label={t('format.cancel.reason')} value={state?.values.reason} error={state?.errors.reason} multiline rows={3} maxLength={2000} />
                <Button kind="secondary">{t('format.cancel.confirm')}</Button>
              </div>
            </Form>
          </div>
        </details>
      )}
    </section>
  );
}

export function FormatPage(props: FormatPageProps) {
  const { locale, format } = props;
  const t = translator(messages, locale);
  const data = formatJsonLd(format, props.publicUrl);
  return (
    <article class="qn-stack">
      <h1 class="kern-heading-large">{format.title}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      {format.status === 'draft' && <Alert kind="info" title={t('format.draftNote')} />}
      {format.status === 'cancelled' && <Alert kind="warning" title={t('format.cancelledNote')} />}
      {format.teaser && <p class="kern-body kern-body--large">{format.teaser}</p>}
      <div class="qn-columns">
        <div class="qn-columns__main">
          {format.description && (
            <section aria-labelledby="beschreibung">
              <h2 class="kern-heading-medium" id="beschreibung">
                {t('format.description')}
              </h2>
              <Paragraphs text={format.description} />
            </section>
          )}
          {format.agenda.length > 0 && (
            <section aria-labelledby="ablauf">
              <h2 class="kern-heading-medium" id="ablauf">
                {t('format.agenda')}
              </h2>
              <dl class="kern-description-list">
                {format.agenda.map((item, i) => (
                  <Fact key={i} term={item.time}>
                    {item.title}
                  </Fact>
                ))}
              </dl>
            </section>
          )}
          {format.mode !== 'on_site' && format.status === 'published' && (
            <section aria-labelledby="online">
              <h2 class="kern-heading-medium" id="online">
                {t('format.onlineLink')}
              </h2>
              {format.onlineLink ? (
                <p class="kern-body">
                  <a class="kern-link" href={format.onlineLink} rel="noopener noreferrer">
                    {format.onlineLink}
                  </a>
                </p>
              ) : (
                <p class="kern-body">{t('format.onlineLinkHidden')}</p>
              )}
            </section>
          )}
          <DocumentationSection locale={locale} documentation={format.documentation} editPath={format.viewer.canEdit ? `/formate/${format.slug}/dokumentation` : undefined} />
          <Registration {...props} />
          {format.viewer.canEdit && <Manage {...props} />}
        </div>
        <aside class="qn-columns__aside kern-card" aria-label={t('format.when')}>
          <div class="kern-card__container">
            <Facts locale={locale} format={format} />
            {format.status !== 'draft' && (
              <p class="kern-body">
                <a class="kern-link" href={`/formate/${format.slug}/kalender.ics`} type="text/calendar" download={`${format.slug}.ics`}>
                  {t('format.calendar')}
                </a>
              </p>
            )}
          </div>
        </aside>
      </div>
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, '/formate')}>
          {t('format.back')}
        </a>
      </p>
      {data && <JsonLdScript data={data} />}
    </article>
  );
}
