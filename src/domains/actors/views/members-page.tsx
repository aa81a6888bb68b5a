import type { FieldErrors } from '../../../platform/errors/index.js';
import { formatDate, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, Field, Form, FormActions, FormPage } from '../../../platform/layout/components.js';
import { MESSAGE_MAX, type ActorMember, type ActorMembers } from '../memberships.js';
import { messages, type MessageKey } from '../messages.js';
import { MEMBER_ROLES } from '../model.js';
import { modelLabels } from '../model-messages.js';
import { backToProfile } from './profile-parts.js';

/** Outcomes shown on the members page after a redirect (?hinweis=…). */
export const memberNotices = {
  angenommen: 'members.notice.accepted',
  abgelehnt: 'members.notice.declined',
  rolle: 'members.notice.role',
  entfernt: 'members.notice.removed',
  'letzte-verwaltung': 'members.lastAdmin',
} as const satisfies Record<string, MessageKey>;
export type MemberNotice = keyof typeof memberNotices;
export const isMemberNotice = (value: unknown): value is MemberNotice => typeof value === 'string' && Object.hasOwn(memberNotices, value);

/** An organisation's members and open requests; admins and coordinators decide and change roles. */
export function MembersPage(props: { locale: Locale; csrf: string; data: ActorMembers; userId: number; notice?: MemberNotice }) {
  const { locale, data } = props;
  const t = translator(messages, locale);
  const base = `/akteure/${data.actor.slug}/mitglieder`;
  return (
    <div class="qn-stack">
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, `/akteure/${data.actor.slug}`)}>
          {t('members.back', { name: data.actor.name })}
        </a>
      </p>
      <h1 class="kern-heading-large">{t('members.title', { name: data.actor.name })}</h1>
      {props.notice && <Alert kind={props.notice === 'letzte-verwaltung' ? 'warning' : 'success'} title={t(memberNotices[props.notice])} />}
      {data.manage && (
        <section aria-labelledby="anfragen">
          <h2 class="kern-heading-medium" id="anfragen">
            {t('members.requests')}
          </h2>
          {data.requests.length === 0 ? (
            <p class="kern-body">{t('members.noRequests')}</p>
          ) : (
            <ul class="kern-list qn-stack">
              {data.requests.map((request) => (
                <li key={request.userId} class="qn-stack">
                  <p class="kern-body">
                    <strong>{request.name}</strong>
                    {request.email && ` <${request.email}>`}
                    {` – ${t('members.requestedOn', { date: formatDate(locale, request.since) })}`}
                  </p>
                  {request.message && <p class="kern-body qn-pre-line">{request.message}</p>}
                  <Form action={localePath(locale, `${base}/${request.userId}/entscheiden`)} csrf={props.csrf} class="qn-actions">
                    <Button name="decision" value="accept">
                      {t('members.accept', { name: request.name })}
                    </Button>
                    <Button kind="secondary" name="decision" value="decline">
                      {t('members.decline', { name: request.name })}
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="mitglieder-liste">
        <h2 class="kern-heading-medium" id="mitglieder-liste">
          {t('members.list', { count: data.members.length })}
        </h2>
        <ul class="kern-list qn-stack">
          {data.members.map((member) => (
            <MemberItem key={member.userId} locale={locale} csrf={props.csrf} base={base} member={member} manage={data.manage} self={member.userId === props.userId} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function MemberItem(props: { locale: Locale; csrf: string; base: string; member: ActorMember; manage: boolean; self: boolean }) {
  const { locale, member } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const roleId = `feld-rolle-${member.userId}`;
  return (
    <li class="qn-stack">
      <p class="kern-body">
        <strong>{member.name}</strong>
        {member.email && ` <${member.email}>`}
        {` – ${model.memberRole(member.role)}`}
      </p>
      {props.manage && (
        <div class="qn-actions">
          <Form action={localePath(locale, `${props.base}/${member.userId}/rolle`)} csrf={props.csrf} class="qn-actions">
            <label class="kern-label" for={roleId}>
              {t('members.role', { name: member.name })}
            </label>
            <div class="kern-form-input__select-wrapper">
              <select id={roleId} name="role" class="kern-form-input__select">
                {MEMBER_ROLES.map((role) => (
                  <option key={role} value={role} selected={role === member.role}>
                    {model.memberRole(role)}
                  </option>
                ))}
              </select>
            </div>
            <Button kind="secondary">{t('members.changeRole')}</Button>
          </Form>
          {!props.self && (
            <Form action={localePath(locale, `${props.base}/${member.userId}/entfernen`)} csrf={props.csrf} class="qn-inline-form">
              <Button kind="tertiary">{t('members.remove', { name: member.name })}</Button>
            </Form>
          )}
        </div>
      )}
    </li>
  );
}

/** The request to join an organisation, with an optional message to its admins. */
export function JoinPage(props: { locale: Locale; csrf: string; actor: { slug: string; name: string }; message?: string; errors?: FieldErrors; text?: string }) {
  const { locale, actor } = props;
  const t = translator(messages, locale);
  return (
    <FormPage
      locale={locale}
      csrf={props.csrf}
      title={t('join.title', { name: actor.name })}
      action={`/akteure/${actor.slug}/mitglied-werden`}
      errors={props.errors}
      labels={{ message: t('join.message') }}
      message={props.text}
      intro={<p class="kern-body">{t('join.intro')}</p>}
    >
      <Field name="message" label={t('join.message')} hint={t('join.messageHint', { max: MESSAGE_MAX })} value={props.message} error={props.errors?.message} multiline rows={4} />
      <FormActions submit={t('join.submit')} back={backToProfile(locale, actor)} />
    </FormPage>
  );
}
