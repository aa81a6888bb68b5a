import type { ComponentChildren } from 'preact';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { messages } from '../messages.js';
import type { Operator } from '../service.js';
import { LEGAL_UPDATED } from './legal-facts.js';
import { operatorLine } from './operator.js';
import { Bullets, H2, H3, Link, P } from './prose.js';

interface StatementProps {
  operator: Operator;
  publicUrl: string;
  /** The feedback form, placed in the "feedback and contact" section. */
  children: ComponentChildren;
}

const arbitrationUrl = 'https://www.schlichtungsstelle-bgg.de';

export function AccessibilityStatement(props: StatementProps & { locale: Locale }) {
  return props.locale === 'de' ? <StatementDe {...props} /> : <StatementEn {...props} />;
}

function StatementDe(props: StatementProps) {
  const { operator } = props;
  return (
    <div class="qn-prose">
      <h1 class="kern-heading-large">Erklärung zur Barrierefreiheit</h1>
      <P>
        Der Betreiber dieser Installation von Quartiersnetz{operatorLine(operator) ? ` (${operatorLine(operator)})` : ''} ist bemüht, die Website{' '}
        {props.publicUrl} barrierefrei zugänglich zu machen. Maßstab sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), mit der Deutschland die Richtlinie (EU)
        2016/2102 umsetzt, und die Norm EN 301 549, die auf die Web Content Accessibility Guidelines (WCAG) 2.1 in der Stufe AA verweist.
      </P>
      {!operator.configured && <P>{translator(messages, 'de')('operator.unconfiguredNote')}</P>}

      <H2>Stand der Vereinbarkeit mit den Anforderungen</H2>
      <P>Diese Website ist teilweise mit den Anforderungen der BITV 2.0 vereinbar. Welche Inhalte noch nicht barrierefrei sind, steht weiter unten.</P>
      <P>Was wir bereits sicherstellen:</P>
      <Bullets>
        <li>Alle Seiten entstehen auf dem Server und funktionieren auch ohne JavaScript.</li>
        <li>Alles lässt sich mit der Tastatur bedienen, der Fokus ist immer sichtbar, und ein Link „Zum Inhalt springen“ überspringt die Navigation.</li>
        <li>Jede Seite hat Landmarken, genau eine Hauptüberschrift und Überschriften in der richtigen Reihenfolge; ihre Sprache ist ausgezeichnet.</li>
        <li>Formularfelder sind beschriftet. Fehler stehen direkt am Feld und gesammelt am Anfang des Formulars; Ihre Eingaben bleiben erhalten.</li>
        <li>Tabellen haben eine Beschriftung und Spaltenüberschriften.</li>
        <li>Farben, Schrift und Bedienelemente stammen aus dem Designsystem KERN UX, dessen Kontraste auf Barrierefreiheit ausgelegt sind.</li>
        <li>
          Bei jeder Änderung der Software prüfen automatisierte Tests mit axe-core jede Seite in deutscher und englischer Sprache auf die Kriterien der
          WCAG 2.1 in den Stufen A und AA. Die wichtigsten Abläufe – registrieren, anmelden, Passwort ändern – testen wir zusätzlich nur mit der Tastatur.
        </li>
        <li>
          Eine Seite in <Link href="/leichte-sprache">Leichter Sprache</Link> erklärt die Plattform und die Initiative.
        </li>
      </Bullets>

      <H3>Nicht barrierefreie Inhalte</H3>
      <Bullets>
        <li>Es gibt noch keine Videos in Deutscher Gebärdensprache (DGS). Informationen zum Inhalt und zur Bedienung in Gebärdensprache fehlen daher.</li>
        <li>Die Seite in Leichter Sprache wurde noch nicht von einer Prüfgruppe mit Menschen mit Lernschwierigkeiten geprüft.</li>
        <li>
          Auf den englischen Seiten sind deutsche Eigennamen und Fachbegriffe (etwa „Gemeinsam für das Quartier“) noch nicht überall als deutschsprachig
          ausgezeichnet. Screenreader lesen sie deshalb mit englischer Aussprache vor.
        </li>
        <li>
          Automatisierte Prüfungen finden nur einen Teil möglicher Barrieren. Eine vollständige Prüfung durch eine unabhängige Stelle, etwa ein BITV-Test,
          hat noch nicht stattgefunden.
        </li>
      </Bullets>
      <P>Wir arbeiten daran, diese Barrieren zu beseitigen.</P>

      <H2>Erstellung dieser Erklärung</H2>
      <P>
        Diese Erklärung wurde am {LEGAL_UPDATED.de} erstellt. Sie beruht auf einer Selbstbewertung durch das Entwicklungsteam, gestützt auf die
        automatisierten Prüfungen mit axe-core und auf Tests mit der Tastatur. Zuletzt überprüft wurde sie am {LEGAL_UPDATED.de}.
      </P>

      <H2 id="rueckmeldung">Feedback und Kontakt</H2>
      <P>
        Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten aufgefallen? Oder brauchen Sie Informationen, die Sie wegen einer Barriere nicht
        erreichen? Dann schreiben Sie uns über das folgende Formular. Ihre Nachricht geht an die Administration dieser Plattform. Wenn Sie eine
        E-Mail-Adresse angeben, antworten wir Ihnen in der Regel innerhalb eines Monats.
      </P>
      {operator.configured && operator.email && (
        <P>
          Sie erreichen uns auch per E-Mail: <Link href={`mailto:${operator.email}`}>{operator.email}</Link>
        </P>
      )}
      {props.children}

      <H2>Schlichtungsverfahren</H2>
      <P>
        Haben Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten, können Sie die Schlichtungsstelle nach § 16 des
        Behindertengleichstellungsgesetzes (BGG) einschalten. Sie unterstützt dabei, Streit über Barrierefreiheit zwischen Menschen mit Behinderungen
        und öffentlichen Stellen des Bundes ohne Gericht beizulegen. Das Verfahren ist kostenlos, und Sie brauchen dafür keinen Rechtsbeistand. Auch
        anerkannte Verbände können einen Antrag stellen.
      </P>
      <P>
        Informationen und ein Antragsformular bietet die Website der Schlichtungsstelle: <Link href={arbitrationUrl}>www.schlichtungsstelle-bgg.de</Link>
      </P>
      <P>
        Wird diese Installation von einer öffentlichen Stelle eines Landes oder einer Kommune betrieben, ist stattdessen die Durchsetzungs- oder
        Schlichtungsstelle des jeweiligen Bundeslandes zuständig.
      </P>
    </div>
  );
}

function StatementEn(props: StatementProps) {
  const { operator } = props;
  return (
    <div class="qn-prose">
      <h1 class="kern-heading-large">Accessibility statement</h1>
      <P>
        The operator of this Quartiersnetz installation{operatorLine(operator) ? ` (${operatorLine(operator)})` : ''} strives to make the website{' '}
        {props.publicUrl} accessible. The
        benchmark is the German Barrier-free Information Technology Ordinance (BITV 2.0), which implements Directive (EU) 2016/2102, and the standard
        EN 301 549, which refers to the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.
      </P>
      {!operator.configured && <P>{translator(messages, 'en')('operator.unconfiguredNote')}</P>}

      <H2>Compliance status</H2>
      <P>This website is partially compliant with the requirements of BITV 2.0. The content that is not yet accessible is listed below.</P>
      <P>What we already ensure:</P>
      <Bullets>
        <li>All pages are built on the server and also work without JavaScript.</li>
        <li>Everything can be operated with the keyboard, the focus is always visible, and a “Skip to content” link skips the navigation.</li>
        <li>Every page has landmarks, exactly one main heading and headings in the right order; its language is declared.</li>
        <li>Form fields have labels. Errors are shown at the field and summarised at the top of the form; what you typed is kept.</li>
        <li>Tables have a caption and column headers.</li>
        <li>Colours, type and controls come from the KERN UX design system, whose contrasts are designed for accessibility.</li>
        <li>
          With every change to the software, automated tests with axe-core check every page in German and English against the WCAG 2.1 criteria of
          levels A and AA. We also test the main journeys – registering, logging in, changing the password – with the keyboard only.
        </li>
        <li>
          A page in <Link href={localePath('en', '/leichte-sprache')}>plain English</Link> and one in German Leichte Sprache explain the platform and the
          initiative.
        </li>
      </Bullets>

      <H3>Content that is not accessible</H3>
      <Bullets>
        <li>There are no videos in German Sign Language (DGS) yet, so information about the content and its use in sign language is missing.</li>
        <li>The page in Leichte Sprache has not yet been checked by a test group of people with learning difficulties.</li>
        <li>
          On the English pages, German names and terms (such as “Gemeinsam für das Quartier”) are not yet marked as German everywhere, so screen readers
          read them with English pronunciation.
        </li>
        <li>
          Automated checks find only part of the possible barriers. A complete audit by an independent body, such as a BITV test, has not taken place yet.
        </li>
      </Bullets>
      <P>We are working on removing these barriers.</P>

      <H2>Preparation of this statement</H2>
      <P>
        This statement was prepared on {LEGAL_UPDATED.en}. It is based on a self-assessment by the development team, supported by the automated checks
        with axe-core and by keyboard tests. It was last reviewed on {LEGAL_UPDATED.en}.
      </P>

      <H2 id="rueckmeldung">Feedback and contact</H2>
      <P>
        Have you noticed shortcomings in accessing content? Or do you need information that a barrier keeps you from reaching? Then write to us using the
        form below. Your message goes to the administrators of this platform. If you give an email address, we usually reply within one month.
      </P>
      {operator.configured && operator.email && (
        <P>
          You can also reach us by email: <Link href={`mailto:${operator.email}`}>{operator.email}</Link>
        </P>
      )}
      {props.children}

      <H2>Arbitration procedure</H2>
      <P>
        If you have received no answer, or no satisfactory answer, to your feedback, you can turn to the arbitration body under section 16 of the German
        Disability Equality Act (BGG). It helps to settle disputes about accessibility between people with disabilities and federal public bodies without
        going to court. The procedure is free of charge and you need no legal representation. Recognised associations can file an application, too.
      </P>
      <P>
        Information and an application form (in German) are on the arbitration body’s website:{' '}
        <Link href={arbitrationUrl} hreflang="de">
          www.schlichtungsstelle-bgg.de
        </Link>
      </P>
      <P>
        If a public body of a federal state or a municipality runs this installation, the enforcement or arbitration body of that federal state is
        responsible instead.
      </P>
    </div>
  );
}
