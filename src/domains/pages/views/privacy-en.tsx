import { SESSION_COOKIE, SESSION_DAYS } from '../../../platform/auth/sessions.js';
import type { Operator } from '../service.js';
import { LEGAL_UPDATED, LOG_RETENTION_DAYS } from './legal-facts.js';
import { OperatorDetails } from './operator.js';
import { Bullets, H2, Link, P } from './prose.js';

export function PrivacyEn(props: { operator: Operator; publicUrl: string }) {
  const { operator } = props;
  return (
    <div class="qn-prose">
      <h1 class="kern-heading-large">Privacy statement</h1>
      <P>
        This statement explains which personal data the Quartiersnetz platform at {props.publicUrl} processes, for what purpose, on which legal basis and
        for how long – and which rights you have. We only process what is needed to run the platform.
      </P>

      <H2>1. Controller</H2>
      <P>The controller within the meaning of the General Data Protection Regulation (GDPR) is the operator of this installation:</P>
      <OperatorDetails operator={operator} locale="en" />
      <P>If the operator has appointed a data protection officer, you can reach them at the same address.</P>

      <H2>2. The essentials</H2>
      <Bullets>
        <li>You need no account to read. We set no cookie while you read.</li>
        <li>There is exactly one cookie. It is technically necessary and is only set when you log in.</li>
        <li>No tracking, no audience measurement, no advertising, no social media plug-ins.</li>
        <li>No requests to third parties: fonts, style sheets and scripts are served by the platform itself. Your browser only connects to this server.</li>
        <li>You can delete your account yourself at any time and download your data as a file.</li>
      </Bullets>

      <H2>3. Visiting pages and server logs</H2>
      <P>
        With every request the server processes technically necessary data: your IP address, the time, the requested address and method, status code and
        response time, your browser’s identifier (user agent) and a random request ID that links an error message to its log entry. Passwords, cookies,
        access tokens and session identifiers are never logged.
      </P>
      <P>
        The purpose is secure and stable operation: finding errors, detecting and fending off attacks. For this the server also counts, briefly and in
        its database, how often forms are sent from one IP address or for one email address (protection against mass login attempts or messages);
        these counters expire after their time window of at most one day and are deleted afterwards. The legal basis is Art. 6(1)(f) GDPR; our legitimate interest is the secure operation of the platform.
      </P>
      <P>
        Logs are deleted after {LOG_RETENTION_DAYS} days at the latest. Only when a specific security incident must be investigated do we keep the entries
        concerned until the investigation is closed.
      </P>

      <H2>4. The session cookie</H2>
      <P>
        Quartiersnetz sets exactly one cookie, named <code>{SESSION_COOKIE}</code>. It is only set when you log in and contains nothing but a random
        session identifier. Scripts cannot read it (HttpOnly), it is not sent along with requests from other websites (SameSite=Lax), and over HTTPS it
        is only transmitted encrypted (Secure). It is valid for at most {SESSION_DAYS} days and is deleted when you log out.
      </P>
      <P>
        Because the cookie is strictly necessary for the login you asked for, it needs no consent (section 25(2) no. 2 of the German TDDDG). The legal
        basis of the related processing is Art. 6(1)(b) GDPR. That is why there is no cookie banner.
      </P>
      <P>
        For each session the server stores: a hash of the session identifier (not the identifier itself), your account, a secret that protects your forms
        against misuse by other sites (CSRF protection), your browser’s identifier (user agent), and when the session started, was last used and
        expires. “Log out on all devices” ends all your sessions at once.
      </P>

      <H2>5. User account</H2>
      <P>When you register, we store:</P>
      <Bullets>
        <li>your name and email address,</li>
        <li>your password only as a hash (argon2id) – we never know the password itself,</li>
        <li>your role on the platform (member, coordinator or administrator) and your preferred language,</li>
        <li>when you confirmed your email address and when the account was created and last changed.</li>
      </Bullets>
      <P>
        To confirm your email address, reset your password or change your email address we send one-time links. We store only a hash of them; they expire
        after a short time and work only once. The purpose is to provide your account. The legal basis is Art. 6(1)(b) GDPR (terms of use).
      </P>

      <H2>6. Access tokens for the programming interface</H2>
      <P>
        On your account page you can create personal access tokens for the API. We store the name you choose, a hash of the token (only you see the token
        itself, once), and when it was created, last used and revoked. The legal basis is Art. 6(1)(b) GDPR.
      </P>

      <H2>7. Emails and outbox</H2>
      <P>
        We send emails that belong to your account (confirmation, password reset, notices about changes), and notify administrators of new feedback. Until
        it is sent, each email is stored as a job in the database (recipient, subject, content, language). If a mail server is configured, the email
        leaves through it. If none is configured, it goes to the internal outbox, which only administrators can read. No automatic deletion period has
        been set up for the outbox yet. The legal basis is Art. 6(1)(b) GDPR, for notifications to administrators Art. 6(1)(f) GDPR.
      </P>

      <H2>8. Accessibility feedback</H2>
      <P>
        With the form in the accessibility statement you can report barriers. We store your message, the language of the page and the time, and – only if
        you give them – your name, your email address and the page concerned. The feedback is forwarded to the administrators by email. The purpose is to
        remove barriers and to answer you; the legal basis is Art. 6(1)(f) GDPR. Automatic deletion has not been set up yet; you can ask for your feedback
        to be deleted at any time via the contact address.
      </P>

      <H2>9. Administration log</H2>
      <P>
        When an administrator changes the role of an account or deletes an account, we record who did what to which account and when (names and email
        addresses as text, old and new role). The entry is kept after the account is deleted so that administrative actions remain traceable. The legal
        basis is Art. 6(1)(f) GDPR.
      </P>

      <H2>10. Recipients</H2>
      <P>
        Only the administrators of this installation see your account data, the outbox and the feedback. For servers and, where applicable, sending mail
        the operator uses service providers who act on its behalf and under its instructions (Art. 28 GDPR). The platform itself transfers no data to
        third countries, sells no data and passes none on for advertising.
      </P>

      <H2>11. Retention and deletion</H2>
      <Bullets>
        <li>
          Your account exists until you delete it. “Delete account” on the <Link href="/en/konto">My account</Link> page removes it immediately, with all
          sessions, access tokens and one-time links. Administrators can delete accounts too.
        </li>
        <li>Sessions end when you log out or after {SESSION_DAYS} days without use.</li>
        <li>Server logs are deleted after {LOG_RETENTION_DAYS} days at the latest.</li>
        <li>The operator’s backups are overwritten as the backup cycle rotates.</li>
      </Bullets>

      <H2>12. Download your data</H2>
      <P>
        On the “My account” page you can download “My data” as a JSON file. This gives you access to your data directly (Art. 15 GDPR) and your data in
        a common, machine-readable format (data portability, Art. 20 GDPR). You can also write to us at any time.
      </P>

      <H2>13. Your rights</H2>
      <Bullets>
        <li>access to your data (Art. 15 GDPR),</li>
        <li>rectification of inaccurate data (Art. 16 GDPR),</li>
        <li>erasure (Art. 17 GDPR) and restriction of processing (Art. 18 GDPR),</li>
        <li>data portability (Art. 20 GDPR),</li>
        <li>objection, on grounds relating to your particular situation, to processing based on Art. 6(1)(f) GDPR (Art. 21 GDPR),</li>
        <li>
          a complaint to a data protection supervisory authority (Art. 77 GDPR). In particular, the authority of the German federal state in which the
          operator is based is responsible; you may also turn to the authority where you live or work.
        </li>
      </Bullets>
      <P>
        You need to give no data to read the platform; an account requires a name, an email address and a password. There is no automated decision-making,
        including profiling (Art. 22 GDPR).
      </P>

      <H2>14. Contact</H2>
      <P>
        For questions about data protection and to exercise your rights, please contact the operator
        {operator.configured && operator.email ? (
          <>
            {' '}
            at <Link href={`mailto:${operator.email}`}>{operator.email}</Link>.
          </>
        ) : (
          <> (see the contact details above).</>
        )}
      </P>
      <P>Last updated: {LEGAL_UPDATED.en}</P>
    </div>
  );
}
