import type { FieldErrors } from '../../../platform/errors/index.js';
import { formatDate, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, ErrorSummary, Fact, Field, Form, FormActions, FormPage, Select } from '../../../platform/layout/components.js';
import { modelLabels, type ActorProfile, type MyActor } from '../../actors/service.js';
import type { Introduction, IntroductionSide } from '../introductions.js';
import { messages } from '../messages.js';
import { MESSAGE_MAX, REPLY_MAX } from '../model.js';
import { NoticeAlert, type Notice } from './dashboard.js';

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

/** A member asks for an introduction on behalf of one of their organisations. */
export function RequestPage(props: { locale: Locale; csrf: string; target: ActorProfile; own: MyActor[]; state: FormState }) {
  const { locale, target, state } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  return (
    <FormPage
      locale={locale}
      csrf={props.csrf}
      title={t('request.title', { name: target.name })}
      action="/vernetzung/anfrage"
      errors={state.errors}
      message={state.message}
      labels={{ from: t('request.from'), message: t('request.message'), to: target.name }}
      intro={
        <>
          <p class="kern-body">{t('request.intro', { name: target.name })}</p>
          <p class="kern-body kern-body--small">{`${model.sector(target.sector)}${target.place ? ` · ${target.place.name}` : ''}`}</p>
        </>
      }
      after={
        <p class="kern-body">
          <a class="kern-link" href={localePath(locale, '/vernetzung')}>
            {t('introduction.back')}
          </a>
        </p>
      }
    >
      <input type="hidden" name="an" value={target.slug} />
      <Select name="from" label={t('request.from')} value={state.values.from} error={state.errors.from} options={props.own.map((a) => ({ value: a.slug, label: a.name }))} />
      <Field name="message" label={t('request.message')} hint={t('request.message.hint')} value={state.values.message} error={state.errors.message} multiline rows={6} required maxLength={MESSAGE_MAX} />
      <Button>{t('request.submit')}</Button>
    </FormPage>
  );
}

/** A coordinator brokers an introduction between two actors. */
export function BrokerPage(props: { locale: Locale; csrf: string; state: FormState }) {
  const { locale, state } = props;
  const t = translator(messages, locale);
  return (
    <FormPage
      locale={locale}
      csrf={props.csrf}
      title={t('broker.title')}
      action="/vernetzung/vermitteln"
      errors={state.errors}
      message={state.message}
      labels={{ a: t('broker.a'), b: t('broker.b'), message: t('request.message') }}
      intro={<p class="kern-body">{t('broker.intro')}</p>}
    >
      <Field name="a" label={t('broker.a')} hint={t('broker.ref.hint')} value={state.values.a} error={state.errors.a} required maxLength={200} />
      <Field name="b" label={t('broker.b')} value={state.values.b} error={state.errors.b} required maxLength={200} />
      <Field name="message" label={t('request.message')} hint={t('request.message.hint')} value={state.values.message} error={state.errors.message} multiline rows={6} required maxLength={MESSAGE_MAX} />
      <Button>{t('broker.submit')}</Button>
    </FormPage>
  );
}

function Side(props: { locale: Locale; side: IntroductionSide; id: string }) {
  const { locale, side } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const contact = side.contact;
  return (
    <section aria-labelledby={props.id} class="qn-card">
      <h3 class="kern-heading-small" id={props.id}>
        {side.actor.slug ? (
          <a class="kern-link" href={localePath(locale, `/akteure/${side.actor.slug}`)}>
            {side.actor.name}
          </a>
        ) : (
          side.actor.name
        )}
      </h3>
      <p class="kern-body kern-body--small">
        {[side.actor.sector ? model.sector(side.actor.sector as Parameters<typeof model.sector>[0]) : null, side.accepted ? t('introduction.accepted') : t('introduction.open')].filter(Boolean).join(' · ')}
      </p>
      {contact && (
        <dl class="kern-description-list">
          {contact.answeredBy && (
            <Fact term={t('introduction.answeredBy')}>
              {contact.answeredBy.name} (<a class="kern-link" href={`mailto:${contact.answeredBy.email}`}>{contact.answeredBy.email}</a>)
            </Fact>
          )}
          {contact.person && <Fact term={t('introduction.person')}>{contact.person}</Fact>}
          {contact.email && (
            <Fact term={t('introduction.email')}>
              <a class="kern-link" href={`mailto:${contact.email}`}>
                {contact.email}
              </a>
            </Fact>
          )}
          {contact.phone && <Fact term={t('introduction.phone')}>{contact.phone}</Fact>}
        </dl>
      )}
    </section>
  );
}

/** An introduction: who, why, its state; contact details once both agreed; the answer form for who answers. */
export function IntroductionPage(props: { locale: Locale; csrf: string; introduction: Introduction; notice?: Notice; state?: FormState }) {
  const { locale, introduction: i } = props;
  const t = translator(messages, locale);
  const link = (path: string) => localePath(locale, path);
  const state = props.state ?? { values: {}, errors: {} };
  return (
    <article class="qn-stack">
      <h1 class="kern-heading-large">{t('introduction.title', { a: i.requester.actor.name, b: i.target.actor.name })}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      <dl class="kern-description-list">
        <Fact term={t('introduction.status')}>{t(`introductionStatus.${i.status}`)}</Fact>
        <Fact term={t('introduction.origin')}>{t(`origin.${i.origin}`)}</Fact>
        {i.requestedBy && <Fact term={t('introduction.requestedBy')}>{i.requestedBy.name}</Fact>}
        <Fact term={t('introduction.created')}>{formatDate(locale, i.createdAt)}</Fact>
        {i.status === 'pending' && <Fact term={t('introduction.expires')}>{formatDate(locale, i.expiresAt)}</Fact>}
        {i.decidedAt && <Fact term={t('introduction.decided')}>{formatDate(locale, i.decidedAt)}</Fact>}
      </dl>
      <section aria-labelledby="nachricht" class="qn-prose">
        <h2 class="kern-heading-medium" id="nachricht">
          {t('introduction.message')}
        </h2>
        <p class="kern-body qn-pre-line">{i.message}</p>
        {i.requesterReply && (
          <>
            <h3 class="kern-heading-small">{t('introduction.reply', { name: i.requester.actor.name })}</h3>
            <p class="kern-body qn-pre-line">{i.requesterReply}</p>
          </>
        )}
        {i.targetReply && (
          <>
            <h3 class="kern-heading-small">{t('introduction.reply', { name: i.target.actor.name })}</h3>
            <p class="kern-body qn-pre-line">{i.targetReply}</p>
          </>
        )}
      </section>
      <section aria-labelledby="beteiligte" class="qn-stack">
        <h2 class="kern-heading-medium" id="beteiligte">
          {t('introduction.sides')}
        </h2>
        {i.status !== 'accepted' && <p class="kern-body">{t('introduction.contactHidden')}</p>}
        <Side locale={locale} side={i.requester} id="seite-a" />
        <Side locale={locale} side={i.target} id="seite-b" />
      </section>
      {i.canAnswer && (
        <section aria-labelledby="antworten" class="qn-form">
          <h2 class="kern-heading-medium" id="antworten">
            {t('introduction.answer')}
          </h2>
          <ErrorSummary errors={state.errors} labels={{ reply: t('introduction.replyField'), decision: t('introduction.answer') }} locale={locale} message={state.message} />
          <Form action={link(`/vernetzung/anbahnungen/${i.id}/antwort`)} csrf={props.csrf}>
            <div class="qn-stack">
              <Field name="reply" label={t('introduction.replyField')} hint={t('introduction.replyField.hint')} value={state.values.reply} error={state.errors.reply} multiline rows={4} maxLength={REPLY_MAX} />
              <div class="qn-actions">
                <Button name="decision" value="accept">
                  {t('introduction.accept')}
                </Button>
                <Button name="decision" value="decline" kind="secondary">
                  {t('introduction.decline')}
                </Button>
              </div>
            </div>
          </Form>
        </section>
      )}
      {i.canWithdraw && (
        <Form action={link(`/vernetzung/anbahnungen/${i.id}/zurueckziehen`)} csrf={props.csrf}>
          <FormActions kind="secondary" submit={t('introduction.withdraw')} />
        </Form>
      )}
      <p class="kern-body">
        <a class="kern-link" href={link('/vernetzung')}>
          {t('introduction.back')}
        </a>
      </p>
    </article>
  );
}
