import { formatDateTime, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Pager } from '../../../platform/layout/components.js';
import { messages } from '../messages.js';
import { modelLabels } from '../model-messages.js';
import type { ReviewQueue } from '../review.js';
import { ReviewForm } from './profile-parts.js';

/** The review queue: pending profiles, oldest first, each with its decision form. */
export function ReviewPage(props: {
  locale: Locale;
  csrf: string;
  queue: ReviewQueue;
  notice?: 'approved' | 'rejected';
  /** A rejection without its note, re-rendered with what was typed. */
  failed?: { slug: string; note: string; error: string };
}) {
  const { locale, queue } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('review.title')}</h1>
      {props.notice && <Alert kind="success" title={t(props.notice === 'approved' ? 'notice.approved' : 'notice.rejected')} />}
      {props.failed && <Alert kind="danger" role="alert" title={props.failed.error} />}
      <p class="kern-body">{t('review.intro')}</p>
      {queue.total === 0 ? (
        <p class="kern-body">{t('review.empty')}</p>
      ) : (
        <>
          <p class="kern-body">{t('review.count', { count: queue.total })}</p>
          <ol class="kern-list qn-stack">
            {queue.items.map((item) => (
              <li key={item.id} class="qn-stack">
                <h2 class="kern-heading-small">
                  <a class="kern-link" href={localePath(locale, `/akteure/${item.slug}`)}>
                    {item.name}
                  </a>
                </h2>
                <p class="kern-body kern-body--small">
                  {`${model.kind(item.kind)} · ${model.sector(item.sector)} · ${t('review.createdBy', { name: item.creatorName ?? '–', date: formatDateTime(locale, item.createdAt) })}`}
                </p>
                {item.summary && <p class="kern-body">{item.summary}</p>}
                <ReviewForm
                  locale={locale}
                  csrf={props.csrf}
                  slug={item.slug}
                  fromQueue
                  note={props.failed?.slug === item.slug ? props.failed.note : undefined}
                  error={props.failed?.slug === item.slug ? props.failed.error : undefined}
                />
              </li>
            ))}
          </ol>
          <Pager locale={locale} label={t('review.pages')} page={queue.page} pages={queue.pages} href={(page) => `${localePath(locale, '/akteure/pruefung')}?seite=${page}`} />
        </>
      )}
    </div>
  );
}
