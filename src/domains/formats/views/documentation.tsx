import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, ChoiceGroup, ErrorSummary, Field, Form, Select } from '../../../platform/layout/components.js';
import { INSIGHT_MAX, MEDIA_ALT_MAX, MEDIA_CREDIT_MAX, MEDIA_KINDS, MEDIA_TITLE_MAX, RESULTS_MAX, VISIBILITIES, type Documentation, type Media } from '../documentation.js';
import { messages } from '../messages.js';
import { NoticeAlert, type Notice } from './notices.js';

/** The documentation as the format page shows it, and the page to write it. */

const size = (locale: Locale, bytes: number) => `${new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

function Figure(props: { locale: Locale; media: Media }) {
  const { media } = props;
  const t = translator(messages, props.locale);
  return (
    <figure class="qn-figure qn-gallery__item">
      <a href={media.url}>
        <img class="qn-figure__image" src={media.url} alt={media.alt ?? ''} width={media.width ?? undefined} height={media.height ?? undefined} loading="lazy" />
      </a>
      <figcaption class="qn-figure__credit">
        {media.title && <span class="qn-gallery__title">{media.title} </span>}
        {t('doc.credit', { credit: media.credit ?? '' })}
        {media.visibility === 'members' && ` ${t('doc.membersOnly')}`}
      </figcaption>
    </figure>
  );
}

export function DocumentationSection(props: { locale: Locale; documentation: Documentation; editPath?: string }) {
  const { locale, documentation: doc } = props;
  const t = translator(messages, locale);
  const photos = doc.media.filter((m) => m.kind === 'photo');
  const recordings = doc.media.filter((m) => m.kind === 'graphic_recording');
  const files = doc.media.filter((m) => m.kind === 'file');
  const empty = !doc.resultsHtml && doc.insights.length === 0 && doc.media.length === 0;
  if (empty && !props.editPath) return null;
  return (
    <section aria-labelledby="dokumentation" class="qn-stack">
      <h2 class="kern-heading-medium" id="dokumentation">
        {t('doc.section')}
      </h2>
      {empty && <p class="kern-body">{t('doc.empty')}</p>}
      {doc.resultsHtml && (
        <section aria-labelledby="ergebnisse">
          <h3 class="kern-heading-small" id="ergebnisse">
            {t('doc.results')}
          </h3>
          <div class="qn-prose" dangerouslySetInnerHTML={{ __html: doc.resultsHtml }} />
        </section>
      )}
      {doc.insights.length > 0 && (
        <section aria-labelledby="erkenntnisse">
          <h3 class="kern-heading-small" id="erkenntnisse">
            {t('doc.insights')}
          </h3>
          <ul class="kern-list">
            {doc.insights.map((insight) => (
              <li key={insight.id}>{insight.text}</li>
            ))}
          </ul>
        </section>
      )}
      {[
        { id: 'fotos', title: t('doc.gallery'), items: photos },
        { id: 'graphic-recordings', title: t('doc.recordings'), items: recordings },
      ].map(
        (group) =>
          group.items.length > 0 && (
            <section key={group.id} aria-labelledby={group.id}>
              <h3 class="kern-heading-small" id={group.id}>
                {group.title}
              </h3>
              <div class="qn-gallery">
                {group.items.map((media) => (
                  <Figure key={media.id} locale={locale} media={media} />
                ))}
              </div>
            </section>
          ),
      )}
      {files.length > 0 && (
        <section aria-labelledby="dateien">
          <h3 class="kern-heading-small" id="dateien">
            {t('doc.files')}
          </h3>
          <ul class="kern-list">
            {files.map((file) => (
              <li key={file.id}>
                <a class="kern-link" href={file.url} type={file.contentType}>
                  {t('doc.download', { title: file.title, type: file.contentType === 'application/pdf' ? 'PDF' : file.contentType.replace('image/', '').toUpperCase(), size: size(locale, file.byteSize) })}
                </a>
                {file.credit && ` · ${t('doc.credit', { credit: file.credit })}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.editPath && (
        <p class="kern-body">
          <a class="kern-link" href={localePath(locale, props.editPath)}>
            {t('doc.edit')}
          </a>
        </p>
      )}
    </section>
  );
}

export interface DocForms {
  results?: { values: Record<string, string>; errors: Record<string, string>; message?: string };
  insight?: { values: Record<string, string>; errors: Record<string, string>; message?: string };
  media?: { values: Record<string, string>; errors: Record<string, string>; message?: string };
}

export function DocumentationPage(props: { locale: Locale; csrf: string; slug: string; title: string; documentation: Documentation; forms: DocForms; notice?: Notice }) {
  const { locale, documentation: doc, forms } = props;
  const t = translator(messages, locale);
  const path = `/formate/${props.slug}/dokumentation`;
  const visibility = VISIBILITIES.map((v) => ({ value: v, label: t(`doc.visibility.${v}`) }));
  const results = forms.results ?? { values: { results: doc.results, visibility: doc.resultsVisibility }, errors: {} };
  const insight = forms.insight ?? { values: { visibility: 'public' }, errors: {} };
  const media = forms.media ?? { values: { kind: 'photo', visibility: 'public' }, errors: {} };
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('doc.title', { title: props.title })}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, `/formate/${props.slug}`)}>
          {t('registration.toFormat')}
        </a>
      </p>
      <section aria-labelledby="ergebnisse-bearbeiten" class="qn-form">
        <h2 class="kern-heading-medium" id="ergebnisse-bearbeiten">
          {t('doc.results')}
        </h2>
        <ErrorSummary errors={results.errors} labels={{ results: t('doc.resultsLabel'), visibility: t('doc.visibility') }} locale={locale} message={results.message} />
        <Form action={localePath(locale, `${path}/ergebnisse`)} csrf={props.csrf}>
          <div class="qn-stack">
            <Field name="results" label={t('doc.resultsLabel')} hint={t('doc.resultsHint')} value={results.values.results} error={results.errors.results} multiline rows={12} maxLength={RESULTS_MAX} />
            <ChoiceGroup type="radio" name="visibility" legend={t('doc.visibility')} options={visibility} checked={[results.values.visibility ?? 'public']} error={results.errors.visibility} horizontal />
            <Button>{t('doc.saveResults')}</Button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="erkenntnisse-bearbeiten" class="qn-form">
        <h2 class="kern-heading-medium" id="erkenntnisse-bearbeiten">
          {t('doc.insights')}
        </h2>
        {doc.insights.length > 0 && (
          <ul class="kern-list">
            {doc.insights.map((item) => (
              <li key={item.id}>
                {item.text}
                {item.visibility === 'members' && ` ${t('doc.membersOnly')}`}
                <Form action={localePath(locale, `${path}/erkenntnisse/${item.id}/entfernen`)} csrf={props.csrf} class="qn-inline-form">
                  <Button kind="tertiary">{t('doc.removeInsight', { text: item.text.slice(0, 40) })}</Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <ErrorSummary errors={insight.errors} labels={{ text: t('doc.insightLabel'), visibility: t('doc.visibility') }} locale={locale} message={insight.message} />
        <Form action={localePath(locale, `${path}/erkenntnisse`)} csrf={props.csrf}>
          <div class="qn-stack">
            <Field name="text" id="feld-insight-text" label={t('doc.insightLabel')} value={insight.values.text} error={insight.errors.text} maxLength={INSIGHT_MAX} required />
            <ChoiceGroup type="radio" name="visibility" errorField="insight-visibility" legend={t('doc.visibility')} options={visibility} checked={[insight.values.visibility ?? 'public']} error={insight.errors.visibility} horizontal />
            <Button kind="secondary">{t('doc.addInsight')}</Button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="medien-bearbeiten" class="qn-form">
        <h2 class="kern-heading-medium" id="medien-bearbeiten">
          {t('doc.upload')}
        </h2>
        {doc.media.length > 0 && (
          <ul class="kern-list">
            {doc.media.map((item) => (
              <li key={item.id}>
                <a class="kern-link" href={item.url}>
                  {item.title || item.alt}
                </a>
                {` · ${t(`doc.kind.${item.kind}`)}${item.visibility === 'members' ? ` ${t('doc.membersOnly')}` : ''}`}
                <Form action={localePath(locale, `${path}/medien/${item.id}/entfernen`)} csrf={props.csrf} class="qn-inline-form">
                  <Button kind="tertiary">{t('doc.removeMedia', { title: (item.title || item.alt || '').slice(0, 40) })}</Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <ErrorSummary
          errors={media.errors}
          labels={{ kind: t('doc.kind'), file: t('doc.file'), title: t('doc.mediaTitle'), alt: t('doc.alt'), credit: t('doc.creditLabel'), visibility: t('doc.visibility') }}
          locale={locale}
          message={media.message}
        />
        <Form action={localePath(locale, `${path}/medien`)} csrf={props.csrf} enctype="multipart/form-data">
          <div class="qn-stack">
            <Select name="kind" label={t('doc.kind')} value={media.values.kind} error={media.errors.kind} options={MEDIA_KINDS.map((k) => ({ value: k, label: t(`doc.kind.${k}`) }))} />
            <div class={`kern-form-input${media.errors.file ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for="feld-file">
                {t('doc.file')}
              </label>
              <div class="kern-hint" id="feld-file-hinweis">
                {t('doc.file.hint')}
              </div>
              {media.errors.file && (
                <p class="kern-error" id="feld-file-fehler">
                  <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                  <span class="kern-body">{media.errors.file}</span>
                </p>
              )}
              <input id="feld-file" name="file" type="file" class="kern-form-input__input" accept="image/jpeg,image/png,image/webp,application/pdf" aria-describedby={`feld-file-hinweis${media.errors.file ? ' feld-file-fehler' : ''}`} aria-required="true" />
            </div>
            <Field name="title" label={t('doc.mediaTitle')} value={media.values.title} error={media.errors.title} maxLength={MEDIA_TITLE_MAX} />
            <Field name="alt" label={t('doc.alt')} hint={t('doc.alt.hint')} value={media.values.alt} error={media.errors.alt} maxLength={MEDIA_ALT_MAX} multiline rows={2} />
            <Field name="credit" label={t('doc.creditLabel')} hint={t('doc.credit.hint')} value={media.values.credit} error={media.errors.credit} maxLength={MEDIA_CREDIT_MAX} />
            <ChoiceGroup type="radio" name="visibility" errorField="media-visibility" legend={t('doc.visibility')} options={visibility} checked={[media.values.visibility ?? 'public']} error={media.errors.visibility} horizontal />
            <Button>{t('doc.addMedia')}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
