import type { ComponentChildren } from 'preact';
import { formatDate, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Fact } from '../../../platform/layout/components.js';
import type { ActorMember } from '../memberships.js';
import { messages, type MessageKey } from '../messages.js';
import { STATES, type StateCode } from '../model.js';
import { modelLabels } from '../model-messages.js';
import { tagLabel, type ActorProfile, type TagRef } from '../present.js';
import { fileUrl } from '../images.js';
import { ActorImageFigure } from './image-figure.js';
import { ProfileActions, ReviewForm } from './profile-parts.js';

/** Outcomes shown at the top of a profile after a redirect (?hinweis=…). */
export const profileNotices = {
  angelegt: 'notice.created',
  gespeichert: 'notice.saved',
  angefragt: 'notice.requested',
  ausgetreten: 'notice.left',
  freigegeben: 'notice.approved',
  abgelehnt: 'notice.rejected',
  zusammengefuehrt: 'notice.merged',
} as const satisfies Record<string, MessageKey>;
export type ProfileNotice = keyof typeof profileNotices;
export const isProfileNotice = (value: unknown): value is ProfileNotice => typeof value === 'string' && Object.hasOwn(profileNotices, value);

/**
 * A profile page. `members` is given to the actor's own people and coordinators; `children` is the
 * slot for what other modules add at the end (e.g. the schema.org JSON-LD of public profiles).
 */
export function ProfilePage(props: {
  locale: Locale;
  csrf: string;
  actor: ActorProfile;
  members?: ActorMember[];
  notice?: ProfileNotice;
  /** A coordinator's rejection without a note, shown again with what was typed. */
  review?: { note: string; error: string };
  children?: ComponentChildren;
}) {
  const { locale, actor } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const paragraphs = actor.description.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <article class="qn-stack">
      <header class="qn-stack">
        <p class="kern-body kern-body--small">{`${model.kind(actor.kind)} · ${model.sector(actor.sector)}`}</p>
        <h1 class="kern-heading-large">{actor.name}</h1>
        {actor.summary && <p class="kern-body kern-body--large">{actor.summary}</p>}
        {actor.image && <ActorImageFigure image={{ url: fileUrl(actor.image.fileId), alt: actor.image.alt, credit: actor.image.credit }} />}
      </header>
      {props.notice && <Alert kind="success" title={t(profileNotices[props.notice])} />}
      <StatusNotice locale={locale} actor={actor} />
      {actor.viewer.coordinator && actor.status === 'pending' ? (
        <ReviewForm locale={locale} csrf={props.csrf} slug={actor.slug} note={props.review?.note} error={props.review?.error} />
      ) : (
        props.review && <Alert kind="danger" role="alert" title={props.review.error} />
      )}
      <ProfileActions locale={locale} csrf={props.csrf} actor={actor} />
      {paragraphs.length > 0 && (
        <section aria-labelledby="beschreibung" class="qn-prose">
          <h2 class="kern-heading-medium" id="beschreibung">
            {t('profile.about')}
          </h2>
          {paragraphs.map((text, index) => (
            <p class="kern-body qn-pre-line" key={index}>
              {text}
            </p>
          ))}
        </section>
      )}
      <section aria-labelledby="steckbrief">
        <h2 class="kern-heading-medium" id="steckbrief">
          {t('profile.facts')}
        </h2>
        <dl class="kern-description-list">
          <Fact term={t('profile.sector')}>{model.sector(actor.sector)}</Fact>
          {actor.actionFields.length > 0 && <Fact term={t('profile.actionFields')}>{actor.actionFields.map(model.actionField).join(', ')}</Fact>}
          {actor.place && <Fact term={t('profile.place')}>{placeText(locale, actor)}</Fact>}
          {actor.website && (
            <Fact term={t('profile.website')}>
              <ExternalLink href={actor.website} />
            </Fact>
          )}
          {actor.links.length > 0 && (
            <Fact term={t('profile.links')}>
              <ul class="kern-list">
                {actor.links.map((link) => (
                  <li key={link}>
                    <ExternalLink href={link} />
                  </li>
                ))}
              </ul>
            </Fact>
          )}
          {actor.approvedAt && <Fact term={t('profile.since')}>{formatDate(locale, actor.approvedAt)}</Fact>}
        </dl>
      </section>
      <TagSection id="angebote" title={t('profile.offers')} tags={actor.offers} locale={locale} />
      <TagSection id="bedarfe" title={t('profile.needs')} tags={actor.needs} locale={locale} />
      {actor.expertise && (
        <section aria-labelledby="expertise" class="qn-prose">
          <h2 class="kern-heading-medium" id="expertise">
            {t('profile.expertise')}
          </h2>
          <p class="kern-body qn-pre-line">{actor.expertise}</p>
        </section>
      )}
      <Contact locale={locale} actor={actor} />
      {props.members && <MemberList locale={locale} actor={actor} members={props.members} />}
      {props.children}
    </article>
  );
}

function placeText(locale: Locale, actor: ActorProfile): string {
  const place = actor.place!;
  const state = STATES.includes(place.stateCode as StateCode) ? modelLabels(locale).state(place.stateCode as StateCode) : place.stateCode;
  // "Bernburg, Salzlandkreis, Sachsen-Anhalt"; a city that is its own district or state is named once.
  return [place.name, ...[place.district, state].filter((part) => part && part !== place.name)].join(', ');
}

/** Links that members typed: never followed for ranking, no opener access. */
function ExternalLink(props: { href: string }) {
  return (
    <a class="kern-link" href={props.href} rel="nofollow noopener noreferrer">
      {props.href.replace(/^https?:\/\//, '').replace(/\/$/, '')}
    </a>
  );
}

function TagSection(props: { id: string; title: string; tags: TagRef[]; locale: Locale }) {
  if (props.tags.length === 0) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 class="kern-heading-medium" id={props.id}>
        {props.title}
      </h2>
      <ul class="kern-list kern-list--horizontal">
        {props.tags.map((tag) => (
          <li key={tag.id}>
            <span class={`kern-badge${tag.curated ? ' kern-badge--info' : ''}`}>
              <span class="kern-label kern-label--small">{tagLabel(tag, props.locale)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StatusNotice(props: { locale: Locale; actor: ActorProfile }) {
  const { actor } = props;
  const t = translator(messages, props.locale);
  if (actor.status === 'pending') return <Alert kind="warning" title={t('profile.pending')} />;
  if (actor.status === 'rejected') {
    return (
      <Alert kind="danger" title={t('profile.rejected')}>
        {actor.reviewNote && <p class="kern-body qn-pre-line">{actor.reviewNote}</p>}
      </Alert>
    );
  }
  if (actor.visibility !== 'public') return <Alert kind="info" title={t(`profile.visibility.${actor.visibility}`)} />;
  return null;
}

/**
 * The contact person, for those who may see it (contact-access.ts); members not yet connected learn
 * that an accepted introduction shows it, the public how to log in.
 */
function Contact(props: { locale: Locale; actor: ActorProfile }) {
  const { actor, locale } = props;
  const t = translator(messages, locale);
  const contact = actor.contact;
  if (!contact && actor.viewer.signedIn && !actor.contactWithheld) return null;
  if (!contact && actor.viewer.signedIn) {
    return (
      <section aria-labelledby="kontakt">
        <h2 class="kern-heading-medium" id="kontakt">
          {t('profile.contact')}
        </h2>
        <p class="kern-body">{t('profile.contactAfterIntroduction')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="kontakt">
      <h2 class="kern-heading-medium" id="kontakt">
        {t('profile.contact')}
      </h2>
      {contact ? (
        <address class="qn-address">
          {contact.name && <span>{contact.name}</span>}
          {contact.email && (
            <a class="kern-link" href={`mailto:${contact.email}`}>
              {contact.email}
            </a>
          )}
          {contact.phone && (
            <a class="kern-link" href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>
              {contact.phone}
            </a>
          )}
        </address>
      ) : (
        <p class="kern-body">
          {t('profile.contactHidden')}{' '}
          <a class="kern-link" href={`${localePath(locale, '/anmelden')}?next=${encodeURIComponent(localePath(locale, `/akteure/${actor.slug}`))}`}>
            {t('profile.logIn')}
          </a>
        </p>
      )}
    </section>
  );
}

function MemberList(props: { locale: Locale; actor: ActorProfile; members: ActorMember[] }) {
  const t = translator(messages, props.locale);
  const model = modelLabels(props.locale);
  return (
    <section aria-labelledby="mitglieder">
      <h2 class="kern-heading-medium" id="mitglieder">
        {t('profile.members')}
      </h2>
      <ul class="kern-list">
        {props.members.map((member) => (
          <li key={member.userId}>{`${member.name} (${model.memberRole(member.role)})`}</li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href={localePath(props.locale, `/akteure/${props.actor.slug}/mitglieder`)}>
          {t('profile.manageMembers')}
        </a>
      </p>
    </section>
  );
}
