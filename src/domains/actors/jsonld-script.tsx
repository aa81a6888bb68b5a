import { localePath, translator, type Locale } from '../../platform/i18n/index.js';
import { importMessages } from './import-messages.js';
import { actorJsonLd, jsonLdText } from './jsonld.js';
import type { ActorProfile } from './present.js';

/**
 * What the profile page shows from the export side: the vCard link and, for public profiles, the
 * schema.org JSON-LD. A data block (not script) is allowed by our CSP ("script-src 'self'" governs
 * only scripts that run); its text is the one place where markup is written unescaped, which is
 * why jsonLdText escapes every "<".
 */
export function ProfileExports(props: { actor: ActorProfile; locale: Locale; publicUrl: string }) {
  const data = actorJsonLd(props.actor, props.publicUrl);
  const t = translator(importMessages, props.locale);
  return (
    <>
      <p class="kern-body">
        <a class="kern-link" href={localePath(props.locale, `/akteure/${props.actor.slug}/vcard`)} type="text/vcard" download={`${props.actor.slug}.vcf`}>
          {t('vcard.download')}
        </a>
      </p>
      {data && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />}
    </>
  );
}
