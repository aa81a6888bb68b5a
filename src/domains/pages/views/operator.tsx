import { Alert } from '../../../platform/layout/components.js';
import { translator, type Locale } from '../../../platform/i18n/index.js';
import { messages } from '../messages.js';
import type { Operator } from '../service.js';

/** The operator's name, address and contact – or a plain notice that they are not configured. */
export function OperatorDetails(props: { operator: Operator; locale: Locale }) {
  const { operator: o } = props;
  const t = translator(messages, props.locale);
  if (!o.configured) return <OperatorMissing locale={props.locale} />;
  return (
    <div class="qn-stack">
      <address class="qn-address">
        <strong>{o.name}</strong>
        {o.address.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </address>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('operator.email')}</dt>
          <dd class="kern-description-list-item__value">
            <a class="kern-link" href={`mailto:${o.email}`}>
              {o.email}
            </a>
          </dd>
        </div>
        {o.phone && (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('operator.phone')}</dt>
            <dd class="kern-description-list-item__value">
              <a class="kern-link" href={`tel:${o.phone.replace(/[^+\d]/g, '')}`}>
                {o.phone}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

export function OperatorMissing(props: { locale: Locale }) {
  const t = translator(messages, props.locale);
  const variables = [
    ['OPERATOR_NAME', t('operator.var.name')],
    ['OPERATOR_ADDRESS', t('operator.var.address')],
    ['OPERATOR_EMAIL', t('operator.var.email')],
    ['OPERATOR_PHONE', t('operator.var.phone')],
  ] as const;
  return (
    <Alert kind="warning" title={t('operator.missingTitle')}>
      <p class="kern-body">{t('operator.missingText')}</p>
      <p class="kern-body">{t('operator.missingHow')}</p>
      <ul class="kern-list">
        {variables.map(([name, meaning]) => (
          <li key={name}>
            <code>{name}</code> – {meaning}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** The operator as one line of running text ("Name, street, town"), or null when not configured. */
export function operatorLine(operator: Operator): string | null {
  return operator.configured ? [operator.name, ...operator.address].join(', ') : null;
}
