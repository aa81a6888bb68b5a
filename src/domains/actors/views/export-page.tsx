import { localePath, type Locale } from '../../../platform/i18n/index.js';
import { Button, ChoiceGroup, Field, Select } from '../../../platform/layout/components.js';
import { EXPORT_FORMATS } from '../export.js';
import { modelLabels } from '../model-messages.js';
import { ACTION_FIELDS, SECTORS, STATES } from '../model.js';
import { tagLabel, type TagRef } from '../present.js';
import type { DirectoryQuery } from '../search-query.js';
import { importTexts } from './import-page.js';

/**
 * The export form: the directory's filters (same parameter names, so a directory URL's query
 * string fills it) and the format; /akteure/export/datei answers with the file, as the API does.
 */
export function ExportPage(props: { locale: Locale; query: DirectoryQuery; vocabulary: TagRef[]; coordinator: boolean }) {
  const { locale, query } = props;
  const t = importTexts(locale);
  const labels = modelLabels(locale);
  const any = { value: '', label: t('export.any') };
  const tags = props.vocabulary.map((tag) => ({ value: String(tag.id), label: tagLabel(tag, locale) }));
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('export.title')}</h1>
      <p class="kern-body">{t('export.intro')}</p>
      {props.coordinator && <p class="kern-body">{t('export.coordinator')}</p>}
      <form action={localePath(locale, '/akteure/export/datei')} method="get" class="qn-stack">
        <ChoiceGroup type="radio" name="format" legend={t('export.format')} checked={['csv']} options={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`export.${f}`) }))} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('export.filters')}</legend>
          <div class="kern-fieldset__body qn-stack">
            <Field name="q" type="search" label={t('export.q')} value={query.q} maxLength={200} />
            <ChoiceGroup type="checkbox" name="sector" legend={t('export.sector')} checked={query.sectors} options={SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))} />
            <ChoiceGroup type="checkbox" name="actionField" legend={t('export.actionField')} checked={query.actionFields} options={ACTION_FIELDS.map((a) => ({ value: a, label: labels.actionField(a) }))} />
            <Select name="state" label={t('export.state')} value={query.states[0] ?? ''} options={[any, ...STATES.map((s) => ({ value: s, label: labels.state(s) }))]} />
            <Select name="offer" label={t('export.offer')} value={String(query.offers[0] ?? '')} options={[any, ...tags]} />
            <Select name="need" label={t('export.need')} value={String(query.needs[0] ?? '')} options={[any, ...tags]} />
          </div>
        </fieldset>
        <div>
          <Button>{t('export.submit')}</Button>
        </div>
      </form>
      {props.coordinator && (
        <p class="kern-body">
          <a class="kern-link" href={localePath(locale, '/akteure/import')}>
            {t('export.import')}
          </a>
        </p>
      )}
    </div>
  );
}
