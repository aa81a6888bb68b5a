import { formatDateTime, localePath } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Field, Form } from '../../../platform/layout/components.js';
import type { AccessToken } from '../access-tokens.js';
import { Intro, PageLink, texts, type FormState, type View, type ViewContext } from './shared.js';

export interface TokensPage {
  /** Null when the list is not shown (a rejected create form). */
  tokens: AccessToken[] | null;
  /** The secret of a token just created: shown this once. */
  created?: { name: string; token: string };
  revoked?: boolean;
}

export function tokensView(view: ViewContext, page: TokensPage, state: FormState): View {
  const t = texts(view.locale);
  return {
    title: t('tokens.title'),
    body: (
      <div class="qn-stack">
        <h1 class="kern-heading-large">{t('tokens.title')}</h1>
        <ErrorSummary errors={state.errors} labels={{ name: t('field.tokenName') }} locale={view.locale} message={state.message} />
        <Intro>{t('tokens.intro')}</Intro>
        {page.revoked && <Alert kind="success" title={t('notice.tokenRevoked')} />}
        {page.created && (
          <Alert kind="success" title={t('tokens.shown.title', { name: page.created.name })} role="alert">
            <p class="kern-body">{t('tokens.shown.text')}</p>
            <p class="qn-secret">
              <code>{page.created.token}</code>
            </p>
          </Alert>
        )}
        {page.tokens && <TokenTable view={view} tokens={page.tokens} />}
        <section aria-labelledby="neuer-schluessel" class="qn-form">
          <h2 class="kern-heading-medium" id="neuer-schluessel">
            {t('tokens.new')}
          </h2>
          <Form action={localePath(view.locale, '/konto/zugangsschluessel')} csrf={view.csrf}>
            <div class="qn-stack">
              <Field name="name" label={t('field.tokenName')} hint={t('field.tokenName.hint')} value={state.values.name} error={state.errors.name} required maxLength={100} />
              <Button>{t('tokens.submit')}</Button>
            </div>
          </Form>
        </section>
        <PageLink locale={view.locale} path="/konto">
          {t('back.account')}
        </PageLink>
      </div>
    ),
  };
}

function TokenTable(props: { view: ViewContext; tokens: AccessToken[] }) {
  const { locale, csrf } = props.view;
  const t = texts(locale);
  return (
    <section aria-labelledby="schluessel">
      <h2 class="kern-heading-medium" id="schluessel">
        {t('tokens.yours')}
      </h2>
      {props.tokens.length === 0 ? (
        <p class="kern-body">{t('tokens.none')}</p>
      ) : (
        <div class="qn-table-wrap">
          <table class="kern-table">
            <thead>
              <tr>
                <th scope="col" class="kern-table__header">{t('tokens.name')}</th>
                <th scope="col" class="kern-table__header">{t('tokens.created')}</th>
                <th scope="col" class="kern-table__header">{t('tokens.lastUsed')}</th>
                <th scope="col" class="kern-table__header kern-table__header--action">{t('tokens.actions')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.tokens.map((token) => (
                <tr key={token.id} class="kern-table__row">
                  <td class="kern-table__cell">{token.name}</td>
                  <td class="kern-table__cell">{formatDateTime(locale, token.createdAt)}</td>
                  <td class="kern-table__cell">{token.lastUsedAt ? formatDateTime(locale, token.lastUsedAt) : t('tokens.never')}</td>
                  <td class="kern-table__cell kern-table__cell--action">
                    <Form action={localePath(locale, `/konto/zugangsschluessel/${token.id}/widerrufen`)} csrf={csrf} class="qn-inline-form">
                      <button class="kern-btn kern-btn--tertiary kern-btn--x-small" type="submit" aria-label={t('tokens.revokeLabel', { name: token.name })}>
                        <span class="kern-label">{t('tokens.revoke')}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
