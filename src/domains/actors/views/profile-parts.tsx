import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, Field, Form } from '../../../platform/layout/components.js';
import { messages } from '../messages.js';
import { modelLabels } from '../model-messages.js';
import type { ActorProfile } from '../present.js';
import { NOTE_MAX } from '../review.js';

/** What the viewer can do with a profile: edit, manage, merge, join, leave. */
export function ProfileActions(props: { locale: Locale; csrf: string; actor: ActorProfile }) {
  const { locale, actor } = props;
  const t = translator(messages, locale);
  const path = (suffix: string) => localePath(locale, `/akteure/${actor.slug}${suffix}`);
  const organisation = actor.kind === 'organisation';
  const { viewer } = actor;
  const links: [string, string][] = [];
  if (viewer.canEdit) links.push([path('/bearbeiten'), t('actions.edit')], [path('/bild'), t('profile.image')]);
  if (viewer.canEdit && organisation) links.push([path('/mitglieder'), t('actions.members')]);
  if (viewer.coordinator) links.push([path('/zusammenfuehren'), t('actions.merge')]);
  if (viewer.canEdit) links.push([path('/loeschen'), t('actions.delete')]);
  const canJoin = viewer.signedIn && organisation && viewer.membership === null && !viewer.requested && actor.status === 'approved';
  if (canJoin) links.push([path('/mitglied-werden'), t('actions.join')]);
  if (links.length === 0 && viewer.membership === null && !viewer.requested) return null;
  return (
    <nav aria-label={t('actions.label')} class="qn-stack">
      {viewer.membership && organisation && (
        <div class="qn-actions">
          <p class="kern-body">{t('actions.youAre', { role: modelLabels(locale).memberRole(viewer.membership) })}</p>
          <Form action={path('/austreten')} csrf={props.csrf} class="qn-inline-form">
            <Button kind="tertiary">{t('actions.leave')}</Button>
          </Form>
        </div>
      )}
      {viewer.requested && <p class="kern-body">{t('actions.requested')}</p>}
      {links.length > 0 && (
        <ul class="kern-list kern-list--horizontal">
          {links.map(([href, label]) => (
            <li key={href}>
              <a class="kern-link" href={href}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/** A coordinator's decision on a pending profile: approve, or reject with a note for its creator. */
export function ReviewForm(props: { locale: Locale; csrf: string; slug: string; note?: string; error?: string; fromQueue?: boolean }) {
  const t = translator(messages, props.locale);
  return (
    <Form action={localePath(props.locale, `/akteure/${props.slug}/pruefung`)} csrf={props.csrf} class="qn-stack">
      {props.fromQueue && <input type="hidden" name="zurueck" value="pruefung" />}
      {/* One form per profile in the queue: each note field needs its own id. */}
      <Field id={`feld-note-${props.slug}`} name="note" label={t('review.note')} hint={t('review.noteHint')} value={props.note} error={props.error} multiline rows={3} maxLength={NOTE_MAX} />
      <div class="qn-actions">
        <Button name="decision" value="approve">
          {t('review.approve')}
        </Button>
        <Button kind="secondary" name="decision" value="reject">
          {t('review.reject')}
        </Button>
      </div>
    </Form>
  );
}

/** „Cancel“ on a profile's forms: back to the profile. */
export const backToProfile = (locale: Locale, actor: { slug: string }) => ({ href: localePath(locale, `/akteure/${actor.slug}`), label: translator(messages, locale)('form.cancel') });
