import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { modelLabels, type ActorProfile } from '../../actors/service.js';
import { messages } from '../messages.js';
import type { Network } from '../ties.js';
import { tiePeriod } from './ties-page.js';

/** The profile page's network: visible ties; links to ask for an introduction or to manage. */
export function NetworkSection(props: { locale: Locale; actor: ActorProfile; network: Network; canRequest: boolean }) {
  const { locale, actor, network } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const ties = network.ties.filter((tie) => tie.status === 'active');
  return (
    <section aria-labelledby="netzwerk" class="qn-stack">
      <h2 class="kern-heading-medium" id="netzwerk">
        {t('network.title')}
      </h2>
      {ties.length === 0 ? (
        <p class="kern-body">{t('network.empty')}</p>
      ) : (
        <ul class="kern-list">
          {ties.map((tie) => (
            <li key={tie.id}>
              <a class="kern-link" href={localePath(locale, `/akteure/${tie.partner.slug}`)}>
                {tie.partner.name}
              </a>
              {` (${model.sector(tie.partner.sector as Parameters<typeof model.sector>[0])}) – ${t(`tieKind.${tie.kind}`)}, ${t(`origin.${tie.origin}`)}, ${tiePeriod(locale, tie)}`}
            </li>
          ))}
        </ul>
      )}
      <div class="qn-actions">
        {props.canRequest && (
          <a class="kern-btn kern-btn--secondary" href={localePath(locale, `/vernetzung/anfrage?an=${encodeURIComponent(actor.slug)}`)}>
            <span class="kern-label">{t('network.request')}</span>
          </a>
        )}
        {network.manage && (
          <a class="kern-link" href={localePath(locale, `/akteure/${actor.slug}/verbindungen`)}>
            {t('network.manage')}
          </a>
        )}
      </div>
    </section>
  );
}
