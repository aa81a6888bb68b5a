import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert } from '../../../platform/layout/components.js';
import type { MyActor } from '../memberships.js';
import { messages } from '../messages.js';
import { modelLabels } from '../model-messages.js';

/** "My organisations": the member's profiles and memberships, open requests, and where to start a new one. */
export function MyActorsPage(props: { locale: Locale; actors: MyActor[]; notice?: 'deleted' | 'left' }) {
  const { locale, actors } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('mine.title')}</h1>
      {props.notice && <Alert kind="success" title={t(props.notice === 'deleted' ? 'notice.deleted' : 'notice.left')} />}
      {actors.length === 0 ? (
        <p class="kern-body">{t('mine.none')}</p>
      ) : (
        <div class="qn-table-wrap">
          <table class="kern-table">
            <caption class="kern-title">{t('mine.caption', { count: actors.length })}</caption>
            <thead>
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('mine.name')}</th>
                <th class="kern-table__header" scope="col">{t('mine.kind')}</th>
                <th class="kern-table__header" scope="col">{t('mine.role')}</th>
                <th class="kern-table__header" scope="col">{t('mine.status')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {actors.map((actor) => (
                <tr class="kern-table__row" key={actor.id}>
                  <th class="kern-table__cell" scope="row">
                    <a class="kern-link" href={localePath(locale, `/akteure/${actor.slug}`)}>
                      {actor.name}
                    </a>
                  </th>
                  <td class="kern-table__cell">{model.kind(actor.kind)}</td>
                  <td class="kern-table__cell">{actor.membership === 'pending' ? t('mine.requested') : model.memberRole(actor.role)}</td>
                  <td class="kern-table__cell">{`${model.status(actor.status)}, ${model.visibility(actor.visibility)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, '/akteure/neu')}>
          {t('mine.create')}
        </a>
      </p>
    </div>
  );
}
