import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import type { OutboxEntry } from '../../../platform/mail/index.js';
import { Button, Field, Form } from '../../../platform/layout/components.js';
import { messages } from '../messages.js';
import type { OutboxSummary, Page } from '../service.js';
import { AdminNav, Cell, Pagination, Table, When } from './parts.js';

const path = '/admin/postausgang';

export function OutboxPage(props: { locale: Locale; mails: Page<OutboxSummary>; recipient?: string }) {
  const { locale, mails } = props;
  const t = translator(messages, locale);
  return (
    <>
      <AdminNav locale={locale} current="outbox" />
      <h1 class="kern-heading-large">{t('outbox.title')}</h1>
      <p class="kern-body">{t('outbox.intro')}</p>
      <Form action={localePath(locale, path)} method="get" csrf="" class="qn-filter">
        <Field name="recipient" type="email" label={t('outbox.recipient')} value={props.recipient} autocomplete="off" />
        <Button kind="secondary">{t('users.filter')}</Button>
      </Form>
      {mails.total === 0 ? (
        <p class="kern-body">{t('outbox.none')}</p>
      ) : (
        <Table caption={t('outbox.caption', { count: mails.total })} headers={[t('outbox.subject'), t('outbox.recipient'), t('outbox.date'), t('outbox.language')]}>
          {mails.items.map((m) => (
            <tr key={m.id} class="kern-table__row">
              <Cell header>
                <a class="kern-link" href={localePath(locale, `${path}/${m.id}`)}>
                  {m.subject}
                </a>
              </Cell>
              <Cell>{m.recipient}</Cell>
              <Cell>
                <When locale={locale} date={m.createdAt} />
              </Cell>
              <Cell>{m.locale}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pagination locale={locale} page={mails} path={path} params={{ recipient: props.recipient }} />
    </>
  );
}

/** One mail: the text version as text, the HTML version only as escaped source – never rendered. */
export function OutboxMailPage(props: { locale: Locale; mail: OutboxEntry }) {
  const { locale, mail } = props;
  const t = translator(messages, locale);
  return (
    <>
      <AdminNav locale={locale} current="outbox" exact={false} />
      <h1 class="kern-heading-large">{t('outbox.mailTitle', { subject: mail.subject })}</h1>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('outbox.recipient')}</dt>
          <dd class="kern-description-list-item__value">{mail.recipient}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('outbox.date')}</dt>
          <dd class="kern-description-list-item__value">
            <When locale={locale} date={mail.createdAt} />
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('outbox.language')}</dt>
          <dd class="kern-description-list-item__value">{mail.locale}</dd>
        </div>
      </dl>
      <h2 class="kern-heading-medium">{t('outbox.text')}</h2>
      <pre class="qn-mail-body">{mail.textBody}</pre>
      <details class="kern-accordion">
        <summary class="kern-accordion__header">
          <span class="kern-title">{t('outbox.html')}</span>
        </summary>
        <section class="kern-accordion__body">
          <p class="kern-body">{t('outbox.htmlHint')}</p>
          <pre class="qn-code">
            <code>{mail.htmlBody}</code>
          </pre>
        </section>
      </details>
      <p>
        <a class="kern-link" href={localePath(locale, path)}>
          {t('outbox.back')}
        </a>
      </p>
    </>
  );
}
