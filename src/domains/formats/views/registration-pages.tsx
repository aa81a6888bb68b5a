import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Form, TableHead } from '../../../platform/layout/components.js';
import { formatLabels, messages } from '../messages.js';
import type { FormatSummary, OwnRegistration } from '../present.js';
import { NoticeAlert, type Notice } from './notices.js';
import { formatWhen } from './when.js';

/** A registration's own page (from its mail link) and a member's list of registrations. */

export function RegistrationLinkPage(props: { locale: Locale; csrf: string; path: string; format: FormatSummary; registration: OwnRegistration; onlineLink: string | null; notice?: Notice; message?: string }) {
  const { locale, format, registration } = props;
  const t = translator(messages, locale);
  const labels = formatLabels(locale);
  const where = format.mode === 'digital' ? labels.mode('digital') : [format.venue, format.place?.name].filter(Boolean).join(', ');
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('registration.title', { title: format.title })}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      <ErrorSummary errors={undefined} labels={{}} locale={locale} message={props.message} />
      {format.status === 'cancelled' && <Alert kind="warning" title={t('format.cancelledNote')} />}
      <p class="kern-body">{`${formatWhen(locale, format.startsAt, format.endsAt)} · ${where}`}</p>
      <p class="kern-body">
        <strong>{t('register.yours', { status: labels.registrationStatus(registration.status) })}</strong>
      </p>
      {registration.waitlistPosition !== null && <p class="kern-body">{t('register.position', { position: registration.waitlistPosition })}</p>}
      {props.onlineLink && (
        <p class="kern-body">
          {`${t('format.onlineLink')}: `}
          <a class="kern-link" href={props.onlineLink} rel="noopener noreferrer">
            {props.onlineLink}
          </a>
        </p>
      )}
      {registration.status === 'unconfirmed' && format.status === 'published' && (
        <Form action={localePath(locale, `${props.path}/bestaetigen`)} csrf={props.csrf}>
          <div class="qn-stack">
            <p class="kern-body">{t('registration.confirmIntro')}</p>
            <Button>{t('registration.confirm')}</Button>
          </div>
        </Form>
      )}
      {registration.status !== 'cancelled' && format.status === 'published' && format.endsAt > new Date() && (
        <Form action={localePath(locale, `${props.path}/stornieren`)} csrf={props.csrf}>
          <Button kind="secondary">{t('register.cancel')}</Button>
        </Form>
      )}
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, `/formate/${format.slug}`)}>
          {t('registration.toFormat')}
        </a>
      </p>
    </div>
  );
}

export interface MyRegistration {
  registration: OwnRegistration;
  format: FormatSummary;
}

export function MyRegistrationsPage(props: { locale: Locale; csrf: string; items: MyRegistration[]; notice?: Notice }) {
  const { locale } = props;
  const t = translator(messages, locale);
  const labels = formatLabels(locale);
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('mine.title')}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      {props.items.length === 0 ? (
        <p class="kern-body">{t('mine.empty')}</p>
      ) : (
        <div class="qn-table-wrap">
          <table class="kern-table">
            <caption class="kern-sr-only">{t('mine.title')}</caption>
            <TableHead columns={[t('mine.format'), t('mine.when'), t('mine.status'), t('mine.action')]} />
            <tbody class="kern-table__body">
              {props.items.map(({ registration, format }) => (
                <tr key={registration.id} class="kern-table__row">
                  <td class="kern-table__cell">
                    <a class="kern-link" href={localePath(locale, `/formate/${format.slug}`)}>
                      {format.title}
                    </a>
                  </td>
                  <td class="kern-table__cell">{formatWhen(locale, format.startsAt, format.endsAt)}</td>
                  <td class="kern-table__cell">
                    {format.status === 'cancelled' ? labels.status('cancelled') : labels.registrationStatus(registration.status)}
                    {registration.waitlistPosition !== null && ` (${registration.waitlistPosition})`}
                  </td>
                  <td class="kern-table__cell">
                    {registration.status !== 'cancelled' && format.status === 'published' && format.endsAt > new Date() && (
                      <Form action={localePath(locale, `/formate/${format.slug}/stornieren`)} csrf={props.csrf}>
                        <input type="hidden" name="anmeldung" value={String(registration.id)} />
                        <input type="hidden" name="zurueck" value="meine" />
                        <Button kind="tertiary">{t('register.cancel')}</Button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
