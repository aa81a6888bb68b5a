import { SESSION_COOKIE, SESSION_DAYS } from '../../../platform/auth/sessions.js';
import type { Operator } from '../service.js';
import { OperatorDetails } from './operator.js';
import { Bullets, H2, Link, P } from './prose.js';
import { LEGAL_UPDATED, LOG_RETENTION_DAYS } from './legal-facts.js';

export function PrivacyDe(props: { operator: Operator; publicUrl: string }) {
  const { operator } = props;
  return (
    <div class="qn-prose">
      <h1 class="kern-heading-large">Datenschutzerklärung</h1>
      <P>
        Diese Erklärung beschreibt, welche personenbezogenen Daten die Plattform Quartiersnetz unter {props.publicUrl} verarbeitet, wozu, auf welcher
        Rechtsgrundlage und wie lange – und welche Rechte Sie haben. Wir verarbeiten nur, was für den Betrieb nötig ist.
      </P>

      <H2>1. Verantwortlicher</H2>
      <P>Verantwortlich im Sinne der Datenschutz-Grundverordnung (DSGVO) ist der Betreiber dieser Installation:</P>
      <OperatorDetails operator={operator} locale="de" />
      <P>Hat der Betreiber eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten benannt, erreichen Sie diese Person über dieselbe Adresse.</P>

      <H2>2. Das Wichtigste in Kürze</H2>
      <Bullets>
        <li>Zum Lesen brauchen Sie kein Konto. Beim Lesen setzen wir kein Cookie.</li>
        <li>Es gibt genau ein Cookie. Es ist technisch notwendig und wird erst gesetzt, wenn Sie sich anmelden.</li>
        <li>Kein Tracking, keine Reichweitenmessung, keine Werbung, keine sozialen Netzwerke.</li>
        <li>
          Keine Anfragen an Dritte: Schriften, Stylesheets und Skripte liefert die Plattform selbst aus. Ihr Browser verbindet sich beim Aufruf nur mit
          diesem Server.
        </li>
        <li>Sie können Ihr Konto jederzeit selbst löschen und Ihre Daten als Datei herunterladen.</li>
      </Bullets>

      <H2>3. Aufruf der Seiten und Server-Protokolle</H2>
      <P>
        Bei jedem Aufruf verarbeitet der Server technisch notwendige Angaben: Ihre IP-Adresse, Zeitpunkt, aufgerufene Adresse und Methode, Statuscode und
        Antwortzeit, die Kennung Ihres Browsers (User-Agent) sowie eine zufällige Anfragekennung (Request-ID), mit der sich eine Fehlermeldung dem
        zugehörigen Protokolleintrag zuordnen lässt. Passwörter, Cookies, Zugangstoken und Sitzungskennungen werden nicht protokolliert.
      </P>
      <P>
        Zweck ist ein sicherer und stabiler Betrieb: Fehler finden, Angriffe erkennen und abwehren. Dazu zählt der Server auch kurzzeitig in
        seiner Datenbank, wie oft von einer IP-Adresse oder für eine E-Mail-Adresse Formulare abgeschickt werden (Schutz vor massenhaften
        Anmeldeversuchen oder Nachrichten); diese Zähler verfallen nach ihrem Zeitfenster von höchstens einem Tag und werden danach gelöscht. Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO; unser berechtigtes
        Interesse ist der sichere Betrieb der Plattform.
      </P>
      <P>
        Die Protokolle werden nach spätestens {LOG_RETENTION_DAYS} Tagen gelöscht. Nur wenn ein konkreter Sicherheitsvorfall aufgeklärt werden muss,
        bewahren wir die betroffenen Einträge bis zum Abschluss der Aufklärung auf.
      </P>

      <H2>4. Das Sitzungs-Cookie</H2>
      <P>
        Quartiersnetz setzt genau ein Cookie mit dem Namen <code>{SESSION_COOKIE}</code>. Es wird erst gesetzt, wenn Sie sich anmelden, und enthält
        nur eine zufällige Sitzungskennung. Das Cookie ist für Skripte nicht lesbar (HttpOnly), wird nicht an fremde Websites mitgeschickt
        (SameSite=Lax) und über HTTPS nur verschlüsselt übertragen (Secure). Es gilt höchstens {SESSION_DAYS} Tage und wird beim Abmelden
        gelöscht.
      </P>
      <P>
        Weil das Cookie für die von Ihnen gewünschte Anmeldung unbedingt erforderlich ist, braucht es keine Einwilligung (§ 25 Abs. 2 Nr. 2 TDDDG).
        Rechtsgrundlage der damit verbundenen Verarbeitung ist Art. 6 Abs. 1 lit. b DSGVO. Einen Cookie-Hinweis gibt es deshalb nicht.
      </P>
      <P>
        Zu jeder Sitzung speichert der Server: einen Hashwert der Sitzungskennung (nicht die Kennung selbst), Ihr Benutzerkonto, ein Geheimnis zum
        Schutz Ihrer Formulare vor Missbrauch durch fremde Seiten (CSRF-Schutz), die Kennung Ihres Browsers (User-Agent), Beginn, letzte Nutzung und
        Ablauf. Mit „Auf allen Geräten abmelden“ beenden Sie alle Sitzungen sofort.
      </P>

      <H2>5. Benutzerkonto</H2>
      <P>Wenn Sie sich registrieren, speichern wir:</P>
      <Bullets>
        <li>Ihren Namen und Ihre E-Mail-Adresse,</li>
        <li>Ihr Passwort ausschließlich als Hashwert (Verfahren argon2id) – das Passwort selbst kennen wir nicht,</li>
        <li>Ihre Rolle auf der Plattform (Mitglied, Koordination oder Administration) und Ihre bevorzugte Sprache,</li>
        <li>wann Sie Ihre E-Mail-Adresse bestätigt haben und wann das Konto angelegt und zuletzt geändert wurde.</li>
      </Bullets>
      <P>
        Für die Bestätigung der E-Mail-Adresse, das Zurücksetzen des Passworts und die Änderung der E-Mail-Adresse schicken wir Einmal-Links. Von
        ihnen speichern wir nur einen Hashwert; sie laufen nach kurzer Zeit ab und gelten nur einmal. Zweck ist, Ihnen das Konto bereitzustellen.
        Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO (Nutzungsverhältnis).
      </P>

      <H2>6. Zugangstoken für die Programmierschnittstelle</H2>
      <P>
        Auf Ihrer Kontoseite können Sie persönliche Zugangstoken für die API erzeugen. Wir speichern den von Ihnen gewählten Namen, einen Hashwert des
        Tokens (das Token selbst sehen nur Sie, einmalig), wann es erstellt, zuletzt benutzt und widerrufen wurde. Rechtsgrundlage ist Art. 6 Abs. 1
        lit. b DSGVO.
      </P>

      <H2>7. E-Mails und Postausgang</H2>
      <P>
        Wir schicken E-Mails, die zu Ihrem Konto gehören (Bestätigung, Passwort zurücksetzen, Hinweise zu Änderungen), und Administratorinnen und
        Administratoren Benachrichtigungen über neue Rückmeldungen. Jede E-Mail wird bis zum Versand als Auftrag in der Datenbank gespeichert
        (Empfänger, Betreff, Inhalt, Sprache). Ist ein Mailserver eingerichtet, geht sie über diesen hinaus. Ist keiner eingerichtet, landet sie im
        internen Postausgang, den nur die Administration lesen kann. Für den Postausgang ist noch keine automatische Löschfrist eingerichtet.
        Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO, für Benachrichtigungen der Administration Art. 6 Abs. 1 lit. f DSGVO.
      </P>

      <H2>8. Rückmeldungen zur Barrierefreiheit</H2>
      <P>
        Über das Formular in der Erklärung zur Barrierefreiheit können Sie uns Barrieren melden. Wir speichern Ihre Nachricht, die Sprache der Seite und
        den Zeitpunkt, außerdem – nur wenn Sie sie angeben – Ihren Namen, Ihre E-Mail-Adresse und die betroffene Seite. Die Rückmeldung wird per E-Mail
        an die Administration weitergeleitet. Zweck ist, Barrieren zu beheben und Ihnen zu antworten; Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO.
        Eine automatische Löschung ist noch nicht eingerichtet; Sie können die Löschung Ihrer Rückmeldung jederzeit über die Kontaktadresse verlangen.
      </P>

      <H2>9. Protokoll der Verwaltung</H2>
      <P>
        Ändert die Administration die Rolle eines Kontos oder löscht sie ein Konto, halten wir fest, wer was wann mit welchem Konto getan hat (Namen
        und E-Mail-Adressen als Text, alte und neue Rolle). Der Eintrag bleibt auch nach der Löschung des Kontos erhalten, damit Eingriffe der
        Administration nachvollziehbar bleiben. Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO.
      </P>

      <H2>10. Empfänger</H2>
      <P>
        Ihre Kontodaten, den Postausgang und die Rückmeldungen sehen nur die Administratorinnen und Administratoren dieser Installation. Der Betreiber
        setzt für Server und gegebenenfalls den Mailversand Dienstleister ein, die in seinem Auftrag und nach seinen Weisungen handeln (Art. 28
        DSGVO). Die Plattform selbst übermittelt keine Daten in Drittländer, verkauft keine Daten und gibt sie nicht für Werbung weiter.
      </P>

      <H2>11. Speicherdauer und Löschung</H2>
      <Bullets>
        <li>
          Ihr Konto bleibt bestehen, bis Sie es löschen. Mit „Konto löschen“ auf der Seite <Link href="/konto">Mein Konto</Link> entfernen Sie es
          sofort, mit allen Sitzungen, Zugangstoken und Einmal-Links. Auch die Administration kann Konten löschen.
        </li>
        <li>Sitzungen enden beim Abmelden oder nach {SESSION_DAYS} Tagen ohne Nutzung.</li>
        <li>Server-Protokolle werden nach spätestens {LOG_RETENTION_DAYS} Tagen gelöscht.</li>
        <li>Datensicherungen des Betreibers werden im Rhythmus der Sicherungen überschrieben.</li>
      </Bullets>

      <H2>12. Ihre Daten herunterladen</H2>
      <P>
        Auf der Seite „Mein Konto“ können Sie „Meine Daten“ als JSON-Datei herunterladen. So erhalten Sie ohne Umweg Auskunft (Art. 15 DSGVO) und Ihre
        Daten in einem gängigen, maschinenlesbaren Format (Datenübertragbarkeit, Art. 20 DSGVO). Sie können uns dafür aber auch jederzeit schreiben.
      </P>

      <H2>13. Ihre Rechte</H2>
      <Bullets>
        <li>Auskunft über Ihre Daten (Art. 15 DSGVO),</li>
        <li>Berichtigung unrichtiger Daten (Art. 16 DSGVO),</li>
        <li>Löschung (Art. 17 DSGVO) und Einschränkung der Verarbeitung (Art. 18 DSGVO),</li>
        <li>Datenübertragbarkeit (Art. 20 DSGVO),</li>
        <li>Widerspruch gegen Verarbeitungen, die auf Art. 6 Abs. 1 lit. f DSGVO beruhen, aus Gründen Ihrer besonderen Situation (Art. 21 DSGVO),</li>
        <li>
          Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77 DSGVO). Zuständig ist insbesondere die Aufsichtsbehörde des Bundeslandes, in dem
          der Betreiber seinen Sitz hat; Sie können sich aber auch an die Behörde an Ihrem Wohnort oder Arbeitsplatz wenden.
        </li>
      </Bullets>
      <P>
        Zum Lesen der Plattform müssen Sie keine Daten angeben; für ein Konto sind Name, E-Mail-Adresse und Passwort nötig. Eine automatisierte
        Entscheidungsfindung einschließlich Profiling (Art. 22 DSGVO) findet nicht statt.
      </P>

      <H2>14. Kontakt</H2>
      <P>
        Für Fragen zum Datenschutz und zur Ausübung Ihrer Rechte wenden Sie sich an den Betreiber
        {operator.configured && operator.email ? (
          <>
            {' '}
            unter <Link href={`mailto:${operator.email}`}>{operator.email}</Link>.
          </>
        ) : (
          <> (Kontaktangaben siehe oben).</>
        )}
      </P>
      <P>Stand: {LEGAL_UPDATED.de}</P>
    </div>
  );
}
