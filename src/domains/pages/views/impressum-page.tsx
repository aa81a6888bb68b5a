import { localePath, type Locale } from '../../../platform/i18n/index.js';
import { Fact } from '../../../platform/layout/components.js';
import type { Impressum } from '../service.js';
import { GeodataCredits } from '../../places/views/credits.js';
import { OperatorDetails } from './operator.js';

const copy = {
  de: {
    title: 'Impressum',
    basis: 'Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)',
    operator: 'Anbieter dieser Installation',
    operatorNote:
      'Quartiersnetz ist eine Plattform, die verschiedene Organisationen selbst betreiben können. Anbieter im Sinne des DDG ist, wer diese Installation betreibt – nicht automatisch der Träger der Initiative, deren Inhalte hier gezeigt werden.',
    responsible: 'Für die redaktionellen Inhalte verantwortlich ist der oben genannte Anbieter.',
    initiative: 'Die Initiative hinter den Inhalten',
    initiativeText:
      'Die Informationen zur Vernetzungsinitiative „Gemeinsam für das Quartier“ stammen aus ihrer öffentlichen Projektbeschreibung. Die Initiative ist ein Projekt der Nationalen Stadtentwicklungspolitik.',
    carrier: 'Projektträger',
    initiator: 'Mitinitiator',
    programme: 'Förderprogramm',
    website: 'Website des Projektträgers',
    credits: 'Bild- und Fotonachweise',
    creditsText: 'Die Fotos, Grafiken und Publikationscover der Initiative, auf die sich diese Plattform bezieht, stammen von:',
    creditsNone: 'Für diese Installation sind keine Bildnachweise hinterlegt.',
    source: 'Quelle',
    licences: 'Lizenzen',
    software:
      'Quartiersnetz ist Open-Source-Software unter der Europäischen Union Public Licence (EUPL) in Version 1.2. Sie dürfen die Software nutzen, untersuchen, verändern und weitergeben; veränderte Fassungen müssen wieder unter der EUPL oder einer mit ihr vereinbaren Lizenz stehen.',
    shipped: 'Mit der Plattform liefern wir diese Bestandteile Dritter aus, jeweils unter ihrer eigenen Lizenz:',
    kern: 'Designsystem KERN UX (Paket @kern-ux/native) – EUPL-1.2',
    fira: 'Schriftart Fira Sans – SIL Open Font License 1.1',
    htmx: 'htmx (kleine Verbesserungen der Bedienung, die Seiten funktionieren auch ohne) – Zero-Clause BSD (0BSD)',
    others: 'Weitere Programmbibliotheken, die nur auf dem Server laufen (u. a. Fastify, Preact, Kysely: MIT; PGlite: Apache 2.0 und PostgreSQL-Lizenz), sind im Quellcode in der Datei package.json aufgeführt.',
    privacy: 'Wie wir mit personenbezogenen Daten umgehen, lesen Sie in der Datenschutzerklärung.',
    privacyLink: 'Zur Datenschutzerklärung',
  },
  en: {
    title: 'Legal notice',
    basis: 'Information pursuant to section 5 of the German Digital Services Act (DDG)',
    operator: 'Provider of this installation',
    operatorNote:
      'Quartiersnetz is a platform that different organisations can run themselves. The provider in the sense of the DDG is whoever runs this installation – not necessarily the sponsor of the initiative whose content is shown here.',
    responsible: 'The provider named above is responsible for the editorial content.',
    initiative: 'The initiative behind the content',
    initiativeText:
      'The information on the networking initiative “Gemeinsam für das Quartier” (Together for the Neighbourhood) comes from its public project description. The initiative is a project of the National Urban Development Policy (Nationale Stadtentwicklungspolitik).',
    carrier: 'Project sponsor',
    initiator: 'Co-initiator',
    programme: 'Funding programme',
    website: 'Website of the project sponsor',
    credits: 'Image and photo credits',
    creditsText: 'The photos, graphics and publication covers of the initiative that this platform refers to are by:',
    creditsNone: 'No image credits are stored for this installation.',
    source: 'Source',
    licences: 'Licences',
    software:
      'Quartiersnetz is open-source software under the European Union Public Licence (EUPL), version 1.2. You may use, study, change and share it; changed versions must again be licensed under the EUPL or a licence compatible with it.',
    shipped: 'Together with the platform we ship these third-party components, each under its own licence:',
    kern: 'KERN UX design system (package @kern-ux/native) – EUPL-1.2',
    fira: 'Fira Sans typeface – SIL Open Font License 1.1',
    htmx: 'htmx (small enhancements of the interface; the pages also work without it) – Zero-Clause BSD (0BSD)',
    others: 'Further libraries that run only on the server (among them Fastify, Preact, Kysely: MIT; PGlite: Apache 2.0 and PostgreSQL Licence) are listed in the file package.json of the source code.',
    privacy: 'How we handle personal data is explained in the privacy statement.',
    privacyLink: 'Go to the privacy statement',
  },
} satisfies Record<Locale, Record<string, string>>;

export function ImpressumPage(props: { impressum: Impressum; locale: Locale }) {
  const { impressum, locale } = props;
  const c = copy[locale];
  const i = impressum.initiative;
  return (
    <div class="qn-prose">
      <h1 class="kern-heading-large">{c.title}</h1>
      <p class="kern-body">{c.basis}</p>

      <h2 class="kern-heading-medium">{c.operator}</h2>
      <OperatorDetails operator={impressum.operator} locale={locale} />
      <p class="kern-body">{c.operatorNote}</p>
      {impressum.operator.configured && <p class="kern-body">{c.responsible}</p>}

      <h2 class="kern-heading-medium">{c.initiative}</h2>
      <p class="kern-body">{c.initiativeText}</p>
      {i && (
        <dl class="kern-description-list">
          <Fact term={c.carrier}>{`${i.carrier} (${i.carrierShort})`}</Fact>
          <Fact term={c.initiator}>{i.initiator}</Fact>
          <Fact term={c.programme}>{i.programme}</Fact>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{c.website}</dt>
            <dd class="kern-description-list-item__value">
              <a class="kern-link" href={i.website} rel="noopener">
                {i.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </div>
        </dl>
      )}

      <h2 class="kern-heading-medium">{c.credits}</h2>
      {impressum.credits.length === 0 ? (
        <p class="kern-body">{c.creditsNone}</p>
      ) : (
        <>
          <p class="kern-body">{c.creditsText}</p>
          <ul class="kern-list kern-list--bullet">
            {impressum.credits.map((credit) => (
              <li key={credit.credit}>
                {c.source}: {credit.credit} – {credit.subjects.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 class="kern-heading-medium">{c.licences}</h2>
      <p class="kern-body">{c.software}</p>
      <p class="kern-body">{c.shipped}</p>
      <ul class="kern-list kern-list--bullet">
        <li>{c.kern}</li>
        <li>{c.fira}</li>
        <li>{c.htmx}</li>
      </ul>
      <p class="kern-body">{c.others}</p>
      <p class="kern-body">
        {c.privacy}{' '}
        <a class="kern-link" href={localePath(locale, '/datenschutz')}>
          {c.privacyLink}
        </a>
      </p>
      <GeodataCredits locale={locale} />
    </div>
  );
}
