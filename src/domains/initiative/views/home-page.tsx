import { formatDate, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Fact } from '../../../platform/layout/components.js';
import { messages } from '../messages.js';
import type { InitiativeProfile } from '../service.js';

export function HomePage(props: { initiative: InitiativeProfile; locale: Locale; loggedIn: boolean }) {
  const { initiative: i, locale } = props;
  const t = translator(messages, locale);
  const period = i.period.endYear ? t('home.periodClosed', { start: i.period.startYear, end: i.period.endYear }) : t('home.periodOpen', { start: i.period.startYear });
  const years = [...new Set(i.timeline.map((m) => m.year))];
  return (
    <>
      <div class="kern-hgroup qn-hero">
        <p class="kern-preline">{t('home.kicker')}</p>
        <h1 class="kern-heading-display">{t('home.title')}</h1>
        <p class="kern-subline kern-subline--large">{i.claim}</p>
      </div>

      <div class="qn-columns">
        <section aria-labelledby="idee" class="qn-columns__main">
          <h2 class="kern-heading-medium" id="idee">
            {t('home.idea')}
          </h2>
          <p class="kern-body">{i.idea}</p>
          <h3 class="kern-heading-small">{t('home.goals')}</h3>
          <p class="kern-body">{i.goals}</p>
          <h3 class="kern-heading-small">{t('home.sectors')}</h3>
          <ul class="kern-list kern-list--bullet">
            <li>{t('home.sector.housing')}</li>
            <li>{t('home.sector.municipality')}</li>
            <li>{t('home.sector.welfare')}</li>
            <li>{t('home.sector.civil')}</li>
            <li>{t('home.sector.creative')}</li>
          </ul>
        </section>

        <section aria-labelledby="steckbrief" class="qn-columns__aside kern-card">
          <div class="kern-card__container">
            <div class="kern-card__body">
              <h2 class="kern-heading-medium" id="steckbrief">
                {t('home.facts')}
              </h2>
              <dl class="kern-description-list">
                <Fact term={t('home.carrier')}>{`${i.carrier} (${i.carrierShort})`}</Fact>
                <Fact term={t('home.initiator')}>{i.initiator}</Fact>
                <Fact term={t('home.programme')}>{i.programme}</Fact>
                <Fact term={t('home.period')}>{period}</Fact>
                <Fact term={t('home.status')}>{t(`status.${i.status}`)}</Fact>
                <div class="kern-description-list-item">
                  <dt class="kern-description-list-item__key">{t('home.website')}</dt>
                  <dd class="kern-description-list-item__value">
                    <a class="kern-link" href={i.website} rel="noopener">
                      {i.website.replace(/^https?:\/\//, '')}
                    </a>
                  </dd>
                </div>
                <div class="kern-description-list-item">
                  <dt class="kern-description-list-item__key">{t('home.updated')}</dt>
                  <dd class="kern-description-list-item__value">
                    <time dateTime={i.updatedAt.toISOString()}>{formatDate(locale, i.updatedAt)}</time>
                  </dd>
                </div>
              </dl>
            </div>
          </div>
        </section>
      </div>

      <section aria-labelledby="chronik">
        <h2 class="kern-heading-medium" id="chronik">
          {t('home.timeline')}
        </h2>
        <ol class="qn-timeline">
          {years.map((year) => (
            <li key={year} class="qn-timeline__year">
              <h3 class="kern-heading-small">{year}</h3>
              <ul class="qn-timeline__items">
                {i.timeline
                  .filter((m) => m.year === year)
                  .map((m) => (
                    <li key={m.slug} class="qn-timeline__item">
                      <h4 class="kern-title">{m.title}</h4>
                      <p class="kern-body">{m.text}</p>
                      {(m.place || m.credit) && (
                        <p class="kern-body kern-body--small kern-body--muted">
                          {[m.place ? t('home.place', { place: m.place }) : null, m.credit ? t('home.credit', { credit: m.credit }) : null].filter(Boolean).join(' · ')}
                        </p>
                      )}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      {!props.loggedIn && (
        <section aria-labelledby="mitmachen" class="qn-cta">
          <h2 class="kern-heading-medium" id="mitmachen">
            {t('home.join')}
          </h2>
          <p class="kern-body">{t('home.joinText')}</p>
          <a class="kern-btn kern-btn--primary" href={localePath(locale, '/registrieren')}>
            <span class="kern-label">{translator(messages, locale)('home.join')}</span>
          </a>
        </section>
      )}
    </>
  );
}
