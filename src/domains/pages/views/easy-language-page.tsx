import type { Locale } from '../../../platform/i18n/index.js';
import { Bullets, H2, Link, P } from './prose.js';

/** The platform and the initiative in Leichte Sprache (German) or in plain English. */
export function EasyLanguagePage(props: { locale: Locale }) {
  return <div class="qn-easy qn-prose">{props.locale === 'de' ? <LeichteSprache /> : <EasyEnglish />}</div>;
}

function LeichteSprache() {
  return (
    <>
      <h1 class="kern-heading-large">Quartiers·netz in Leichter Sprache</h1>
      <P>Hier erklären wir diese Internet·seite in Leichter Sprache.</P>

      <H2>Was ist Quartiers·netz?</H2>
      <P>Quartiers·netz ist eine Seite im Internet.</P>
      <P>Hier finden sich Menschen und Gruppen.</P>
      <P>Sie wollen zusammen ihr Quartier besser machen.</P>

      <H2>Was ist ein Quartier?</H2>
      <P>Ein Quartier ist ein Teil von einem Ort.</P>
      <P>Zum Beispiel: ein Stadt·teil. Oder eine Wohn·siedlung. Oder ein kleines Dorf.</P>
      <P>Im Quartier wohnen Menschen. Dort arbeiten sie. Dort treffen sie sich.</P>

      <H2>Wer macht mit?</H2>
      <P>Auf Quartiers·netz gibt es eine Gruppe.</P>
      <P>Die Gruppe heißt: Gemeinsam für das Quartier.</P>
      <P>Die Gruppe gibt es seit dem Jahr 2020.</P>
      <P>In der Gruppe sind ganz verschiedene Menschen:</P>
      <Bullets>
        <li>Menschen von Firmen für Wohnungen. Diese Firmen bauen Wohnungen. Und sie vermieten Wohnungen.</li>
        <li>Menschen von Städten und Gemeinden.</li>
        <li>Menschen von Wohlfahrts·verbänden. Wohlfahrts·verbände helfen Menschen. Zum Beispiel mit Beratung oder Pflege.</li>
        <li>Menschen von Bürger·gruppen. Eine Bürger·gruppe sind Menschen aus einem Ort. Sie machen etwas zusammen für ihren Ort.</li>
        <li>Menschen aus Kunst und Kultur. Zum Beispiel: Künstlerinnen und Künstler.</li>
      </Bullets>
      <P>Diese Menschen kennen sich oft nicht.</P>
      <P>Sie sollen sich kennen·lernen.</P>
      <P>Sie sollen ihre Ideen erzählen.</P>
      <P>Und sie sollen zusammen arbeiten.</P>

      <H2>Wer hat die Gruppe gegründet?</H2>
      <P>2 Vereine haben die Gruppe gegründet.</P>
      <P>Der 1. Verein heißt: Deutscher Verband für Wohnungs·wesen, Städte·bau und Raum·ordnung. Die Abkürzung ist: DV.</P>
      <P>Der 2. Verein heißt: STADT ALS CAMPUS.</P>
      <P>Die Gruppe gehört zur Nationalen Stadt·entwicklungs·politik.</P>
      <P>Das ist ein Programm. Der Bund, die Bundes·länder und die Gemeinden machen das Programm zusammen.</P>
      <P>Das Programm will: Städte und Dörfer sollen gut für alle Menschen sein.</P>

      <H2>Was macht die Gruppe?</H2>
      <P>Die Gruppe macht Treffen. Bei den Treffen lernen die Menschen voneinander.</P>
      <P>Manche Treffen heißen Werkstatt. In einer Werkstatt arbeiten die Menschen zusammen an einer Frage.</P>
      <P>Manche Treffen sind im Internet. Andere Treffen sind vor Ort. Zum Beispiel: in Mannheim, in Berlin, in Prädikow und in Bernburg.</P>
      <P>Seit dem Jahr 2023 gibt es Stadt·labore.</P>
      <P>In einem Stadt·labor probieren Menschen in ihrer Stadt etwas Neues aus. Die Gruppe hilft ihnen dabei. Das dauert lange. Zum Beispiel 2 Jahre.</P>
      <P>Im Jahr 2025 gibt es eine große Tagung. Eine Tagung ist ein großes Treffen. Dort zeigt die Gruppe, was sie gelernt hat.</P>

      <H2>Was können Sie auf dieser Seite machen?</H2>
      <P>Sie können alles über die Gruppe lesen. Dafür brauchen Sie kein Konto.</P>
      <P>Sie können auch ein Konto anlegen.</P>
      <P>Ein Konto ist Ihr eigener Bereich auf der Seite.</P>
      <P>Für ein Konto brauchen Sie:</P>
      <Bullets>
        <li>Ihren Namen,</li>
        <li>Ihre E-Mail·adresse,</li>
        <li>ein Pass·wort. Ein Pass·wort ist ein geheimes Wort. Nur Sie kennen das Pass·wort.</li>
      </Bullets>
      <P>Mit einem Konto können Sie bei der Gruppe mitmachen.</P>
      <P>
        <Link href="/registrieren">Hier legen Sie ein Konto an.</Link>
      </P>

      <H2>Was passiert mit Ihren Daten?</H2>
      <P>Daten sind Angaben über Sie. Zum Beispiel: Ihr Name.</P>
      <P>Wir speichern nur wenige Daten.</P>
      <P>Wir verkaufen Ihre Daten nicht.</P>
      <P>Wir benutzen 1 Cookie. Ein Cookie ist eine kleine Datei. Die Datei ist auf Ihrem Computer oder auf Ihrem Handy.</P>
      <P>Das Cookie brauchen wir nur, wenn Sie sich anmelden.</P>
      <P>Sie können Ihr Konto löschen. Dann löschen wir Ihr Konto und die Angaben in Ihrem Konto.</P>
      <P>
        Mehr dazu steht in der <Link href="/datenschutz">Datenschutz·erklärung</Link>. Die Datenschutz·erklärung ist in schwerer Sprache.
      </P>

      <H2>Haben Sie ein Problem mit der Seite?</H2>
      <P>Vielleicht können Sie etwas auf der Seite schlecht lesen. Oder Sie können etwas schlecht bedienen.</P>
      <P>Dann schreiben Sie uns bitte.</P>
      <P>
        <Link href="/barrierefreiheit#rueckmeldung">Hier ist ein Formular für Ihre Nachricht.</Link>
      </P>
      <P>Ihren Namen müssen Sie nicht angeben.</P>
    </>
  );
}

function EasyEnglish() {
  return (
    <>
      <h1 class="kern-heading-large">Quartiersnetz in Easy English</h1>
      <P>This page explains this website in easy English.</P>
      <P>
        There is also a page in Leichte Sprache. Leichte Sprache is easy German. That page is in German:{' '}
        <a class="kern-link" href="/leichte-sprache" hrefLang="de" lang="de">
          Quartiers·netz in Leichter Sprache
        </a>
      </P>

      <H2>What is Quartiersnetz?</H2>
      <P>Quartiersnetz is a website.</P>
      <P>People and groups meet here.</P>
      <P>They want to make their neighbourhood better together.</P>

      <H2>What is a neighbourhood?</H2>
      <P>A neighbourhood is a part of a place.</P>
      <P>For example: a part of a city. Or a housing estate. Or a small village.</P>
      <P>People live in the neighbourhood. They work there. They meet there.</P>

      <H2>Who takes part?</H2>
      <P>On Quartiersnetz there is a group.</P>
      <P>
        The group is called <span lang="de">Gemeinsam für das Quartier</span>. In English this means: Together for the Neighbourhood.
      </P>
      <P>The group started in the year 2020.</P>
      <P>Very different people are in the group:</P>
      <Bullets>
        <li>People from housing companies. These companies build flats. And they rent out flats.</li>
        <li>People from towns and cities.</li>
        <li>People from welfare organisations. Welfare organisations help people. For example with advice or with care.</li>
        <li>People from citizens’ groups. A citizens’ group is people from one place. They do something together for their place.</li>
        <li>People from art and culture. For example: artists.</li>
      </Bullets>
      <P>These people often do not know each other.</P>
      <P>They should get to know each other.</P>
      <P>They should share their ideas.</P>
      <P>And they should work together.</P>

      <H2>Who started the group?</H2>
      <P>2 associations started the group.</P>
      <P>
        The 1st association is called <span lang="de">Deutscher Verband für Wohnungswesen, Städtebau und Raumordnung</span>. The short name is DV.
      </P>
      <P>The 2nd association is called STADT ALS CAMPUS.</P>
      <P>The group is part of the National Urban Development Policy.</P>
      <P>This is a programme. The federal government, the federal states and the towns run the programme together.</P>
      <P>The programme wants towns and villages to be good for all people.</P>

      <H2>What does the group do?</H2>
      <P>The group holds meetings. At the meetings people learn from each other.</P>
      <P>Some meetings are called workshops. In a workshop people work together on one question.</P>
      <P>Some meetings are on the internet. Other meetings are in a place. For example: in Mannheim, in Berlin, in Prädikow and in Bernburg.</P>
      <P>Since the year 2023 there are city labs.</P>
      <P>In a city lab people try out something new in their town. The group helps them. This takes a long time. For example 2 years.</P>
      <P>In the year 2025 there is a big conference. A conference is a big meeting. There the group shows what it has learned.</P>

      <H2>What can you do on this website?</H2>
      <P>You can read everything about the group. You do not need an account for this.</P>
      <P>You can also make an account.</P>
      <P>An account is your own area on the website.</P>
      <P>For an account you need:</P>
      <Bullets>
        <li>your name,</li>
        <li>your email address,</li>
        <li>a password. A password is a secret word. Only you know the password.</li>
      </Bullets>
      <P>With an account you can take part in the group.</P>
      <P>
        <Link href="/en/registrieren">Make an account here.</Link>
      </P>

      <H2>What happens to your data?</H2>
      <P>Data is information about you. For example: your name.</P>
      <P>We only keep a little data.</P>
      <P>We do not sell your data.</P>
      <P>We use 1 cookie. A cookie is a small file. The file is on your computer or on your phone.</P>
      <P>We only need the cookie when you log in.</P>
      <P>You can delete your account. Then we delete your account and the information in your account.</P>
      <P>
        You can read more in the <Link href="/en/datenschutz">privacy statement</Link>. The privacy statement is in difficult language.
      </P>

      <H2>Do you have a problem with the website?</H2>
      <P>Maybe you cannot read something well. Or you cannot use something well.</P>
      <P>Then please write to us.</P>
      <P>
        <Link href="/en/barrierefreiheit#rueckmeldung">Here is a form for your message.</Link>
      </P>
      <P>You do not have to give your name.</P>
    </>
  );
}
