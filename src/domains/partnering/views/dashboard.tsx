import { formatDate, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert } from '../../../platform/layout/components.js';
import { defineNotices } from '../../../platform/layout/notices.js';
import type { Introduction, IntroductionLists } from '../introductions.js';
import { messages, type MessageKey } from '../messages.js';
import type { SuggestionList } from '../suggestions.js';
import { FilterForm, SuggestionSection } from './suggestion-list.js';

/** Success notices after a change (?hinweis=…), shared by the partnering pages. */
export const notices = {
  ausgeblendet: 'notice.dismissed',
  angefragt: 'notice.requested',
  vermittelt: 'notice.brokered',
  beantwortet: 'notice.answered',
  zurueckgezogen: 'notice.withdrawn',
  gewichte: 'notice.weights',
  vorgeschlagen: 'notice.proposed',
  bestaetigt: 'notice.confirmed',
  abgelehnt: 'notice.declined',
  beendet: 'notice.ended',
  einstellungen: 'notice.preferences',
} as const satisfies Record<string, MessageKey>;
export type Notice = keyof typeof notices;
export const { noticeOf, NoticeAlert } = defineNotices(messages, notices);

/** One line per introduction: the two sides, the state, the date; a link to its page. */
export function IntroductionItems(props: { locale: Locale; items: Introduction[] }) {
  const t = translator(messages, props.locale);
  return (
    <ul class="kern-list">
      {props.items.map((i) => (
        <li key={i.id}>
          <a class="kern-link" href={localePath(props.locale, `/vernetzung/anbahnungen/${i.id}`)}>
            {`${i.requester.actor.name} ↔ ${i.target.actor.name}`}
          </a>
          {` – ${t(`introductionStatus.${i.status}`)}, ${t(`origin.${i.origin}`)}, ${formatDate(props.locale, i.createdAt)}`}
        </li>
      ))}
    </ul>
  );
}

export function DashboardPage(props: {
  locale: Locale;
  csrf: string;
  lists: SuggestionList[];
  introductions: IntroductionLists;
  filters: Record<string, string>;
  filterErrors?: Record<string, string>;
  coordinator: boolean;
  notice?: Notice;
  back: string;
}) {
  const { locale } = props;
  const t = translator(messages, locale);
  const link = (path: string) => localePath(locale, path);
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('dashboard.title')}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      <p class="kern-body">{t('dashboard.intro')}</p>
      {props.introductions.toAnswer.length > 0 && (
        <section aria-labelledby="zu-beantworten">
          <h2 class="kern-heading-medium" id="zu-beantworten">
            {t('dashboard.toAnswer', { count: props.introductions.toAnswer.length })}
          </h2>
          <IntroductionItems locale={locale} items={props.introductions.toAnswer} />
        </section>
      )}
      {props.lists.length === 0 ? (
        <Alert kind="info" title={t('dashboard.noActors')}>
          <p class="kern-body">
            <a class="kern-link" href={link('/akteure/neu')}>
              {t('dashboard.createActor')}
            </a>
            {' · '}
            <a class="kern-link" href={link('/akteure')}>
              {t('dashboard.directory')}
            </a>
          </p>
        </Alert>
      ) : (
        <>
          <FilterForm locale={locale} action="/vernetzung" filters={props.filters} errors={props.filterErrors} />
          {props.lists.map((list) => (
            <div class="qn-stack" key={list.actor.id}>
              <SuggestionSection locale={locale} csrf={props.csrf} list={list} back={props.back} />
              <p class="kern-body kern-body--small">
                <a class="kern-link" href={link(`/akteure/${list.actor.slug}/verbindungen`)}>
                  {t('dashboard.manageTies', { name: list.actor.name })}
                </a>
              </p>
            </div>
          ))}
        </>
      )}
      <section aria-labelledby="anbahnungen">
        <h2 class="kern-heading-medium" id="anbahnungen">
          {t('dashboard.introductions')}
        </h2>
        {props.introductions.others.length === 0 ? <p class="kern-body">{t('dashboard.noIntroductions')}</p> : <IntroductionItems locale={locale} items={props.introductions.others} />}
      </section>
      {props.coordinator && (
        <section aria-labelledby="koordination">
          <h2 class="kern-heading-medium" id="koordination">
            {t('dashboard.coordination')}
          </h2>
          <ul class="kern-list">
            <li>
              <a class="kern-link" href={link('/vernetzung/vermitteln')}>
                {t('dashboard.broker')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={link('/vernetzung/gewichte')}>
                {t('dashboard.weights')}
              </a>
            </li>
            <li>{t('dashboard.anyActor')}</li>
          </ul>
        </section>
      )}
    </div>
  );
}
