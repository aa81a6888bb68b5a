import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config.js';
import { createTestApp as createApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';

// A blocked start-up makes under-pressure report an infinite event-loop delay for its first second
// (NaN histogram); these tests are not about overload, so the check is off.
const createTestApp = (options: Parameters<typeof createApp>[0] = {}) => createApp({ ...options, config: { maxEventLoopDelayMs: 0, ...options.config } });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const pages = ['/impressum', '/datenschutz', '/barrierefreiheit', '/barrierefreiheit/danke', '/leichte-sprache'];

describe('legal and information pages', () => {
  for (const path of pages) {
    for (const [prefix, lang] of [['', 'de'], ['/en', 'en']] as const) {
      it(`serves ${prefix}${path} in ${lang} without setting a cookie`, async () => {
        const response = await t.app.inject({ url: `${prefix}${path}` });
        expect(response.statusCode).toBe(200);
        expect(response.headers['set-cookie']).toBeUndefined();
        expect(response.body).toContain(`<html lang="${lang}"`);
        expect(response.body.match(/<h1[ >]/g)).toHaveLength(1);
      });
    }
  }

  it('says in the Impressum that the operator is not configured, without inventing an address', async () => {
    const response = await t.app.inject({ url: '/impressum' });
    expect(response.body).toContain('§ 5 Digitale-Dienste-Gesetz');
    expect(response.body).toContain('Die Angaben zum Betreiber dieser Installation fehlen noch');
    for (const variable of ['OPERATOR_NAME', 'OPERATOR_ADDRESS', 'OPERATOR_EMAIL', 'OPERATOR_PHONE']) expect(response.body).toContain(variable);
    expect(response.body).not.toContain('<address');
  });

  it('names the initiative, the image credits and the licences in the Impressum', async () => {
    const de = (await t.app.inject({ url: '/impressum' })).body;
    for (const text of ['Deutscher Verband für Wohnungswesen, Städtebau und Raumordnung e.V. (DV)', 'STADT ALS CAMPUS e.V.', 'Nationale Stadtentwicklungspolitik']) {
      expect(de).toContain(text);
    }
    for (const credit of ['DV / Plan Zwei', 'DV / 123 Comic', 'DV / Anke Schuettler', 'Gemeinsam für das Quartier / Lukas Petereit']) expect(de).toContain(credit);
    for (const licence of ['@kern-ux/native', 'EUPL-1.2', 'SIL Open Font License 1.1', '0BSD', 'Europäischen Union Public Licence']) expect(de).toContain(licence);
    const en = (await t.app.inject({ url: '/en/impressum' })).body;
    expect(en).toContain('The operator details of this installation are missing');
    expect(en).toContain('Practice workshop in Mannheim (2022)');
  });

  it('describes the one session cookie, the data and the legal bases in the privacy statement', async () => {
    const de = (await t.app.inject({ url: '/datenschutz' })).body;
    for (const text of ['qn_session', 'HttpOnly', 'argon2id', 'Art. 6 Abs. 1 lit. b DSGVO', 'Art. 6 Abs. 1 lit. f DSGVO', 'Art. 15 DSGVO', 'Art. 20 DSGVO', 'Art. 77 DSGVO', 'Keine Anfragen an Dritte']) {
      expect(de).toContain(text);
    }
    const en = (await t.app.inject({ url: '/en/datenschutz' })).body;
    expect(en).toContain('Art. 6(1)(f) GDPR');
    expect(en).toContain('href="/en/konto"');
  });

  it('has a statement with the compliance status, the feedback form and the arbitration body', async () => {
    const de = (await t.app.inject({ url: '/barrierefreiheit' })).body;
    for (const text of ['BITV 2.0', '2016/2102', 'WCAG', 'axe-core', 'Gebärdensprache', '§ 16', 'name="message"', 'name="_csrf"']) expect(de).toContain(text);
    expect(de).toContain('action="/barrierefreiheit#rueckmeldung"');
    expect(de).toContain('Die Angaben zum Betreiber dieser Installation sind noch nicht eingetragen');
    const en = (await t.app.inject({ url: '/en/barrierefreiheit' })).body;
    expect(en).toContain('action="/en/barrierefreiheit#rueckmeldung"');
    expect(en).toContain('Arbitration procedure');
  });

  it('explains the platform in Leichte Sprache and points English readers to the German page', async () => {
    const de = (await t.app.inject({ url: '/leichte-sprache' })).body;
    expect(de).toContain('Quartiers·netz in Leichter Sprache');
    expect(de).toContain('Ein Quartier ist ein Teil von einem Ort.');
    const en = (await t.app.inject({ url: '/en/leichte-sprache' })).body;
    expect(en).toMatch(/href="\/leichte-sprache" hreflang="de" lang="de"/);
    expect(en).toContain('Leichte Sprache is easy German');
  });
});

describe('operator configuration', () => {
  it('shows the configured operator on the Impressum, privacy and accessibility pages', async () => {
    const configured = await createTestApp({
      config: { operator: { name: 'Quartiersverein <Nord> e.V.', address: ['Marktplatz 1', '06406 Bernburg (Saale)'], email: 'kontakt@quartier.example', phone: '+49 3471 000000' } },
    });
    try {
      const impressum = (await configured.app.inject({ url: '/impressum' })).body;
      expect(impressum).toContain('Quartiersverein &lt;Nord> e.V.');
      expect(impressum).toContain('06406 Bernburg (Saale)');
      expect(impressum).toContain('href="mailto:kontakt@quartier.example"');
      expect(impressum).toContain('href="tel:+493471000000"');
      expect(impressum).not.toContain('fehlen noch');
      expect((await configured.app.inject({ url: '/en/datenschutz' })).body).toContain('Marktplatz 1');
      const statement = (await configured.app.inject({ url: '/barrierefreiheit' })).body;
      expect(statement).toContain('(Quartiersverein &lt;Nord> e.V., Marktplatz 1, 06406 Bernburg (Saale))');
      expect(statement).not.toContain('noch nicht eingetragen');
    } finally {
      await configured.close();
    }
  });

  it('reads OPERATOR_* from the environment and rejects a malformed email', () => {
    const config = loadConfig({ OPERATOR_NAME: ' Stadt Beispiel ', OPERATOR_ADDRESS: 'Rathausplatz 1\\n12345 Beispiel\n', OPERATOR_EMAIL: 'info@beispiel.de' });
    expect(config.operator).toEqual({ name: 'Stadt Beispiel', address: ['Rathausplatz 1', '12345 Beispiel'], email: 'info@beispiel.de', phone: null });
    expect(loadConfig({}).operator).toEqual({ name: null, address: [], email: null, phone: null });
    expect(() => loadConfig({ OPERATOR_EMAIL: 'kein-at-zeichen' })).toThrow(ConfigError);
  });
});

describe('feedback form', () => {
  async function post(path: string, fields: Record<string, string>, options: { ip: string; csrf?: 'omit' | 'wrong'; origin?: string }) {
    const page = await t.app.inject({ url: path, remoteAddress: options.ip });
    const token = options.csrf === 'omit' ? undefined : options.csrf === 'wrong' ? 'x'.repeat(40) : csrfFrom(page.body);
    return t.app.inject({
      method: 'POST',
      url: path,
      remoteAddress: options.ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.origin ? { origin: options.origin } : {}) },
      payload: new URLSearchParams({ ...(token ? { _csrf: token } : {}), ...fields }).toString(),
    });
  }
  const feedbackCount = async () => Number((await t.db.selectFrom('accessibility_feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('stores the feedback, thanks the sender and mails every verified admin in their language', async () => {
    const { createUser } = await import('../../../test/support/factories.js');
    const adminDe = await createUser(t, { role: 'admin', locale: 'de' });
    const adminEn = await createUser(t, { role: 'admin', locale: 'en' });
    const unverified = await createUser(t, { role: 'admin', verified: false });
    const member = await createUser(t, { role: 'member' });
    const response = await post('/barrierefreiheit', { name: 'Erika <b>Muster</b>', email: 'erika@example.org', pageUrl: '/impressum', message: 'Der Kontrast <script>alert(1)</script> ist zu schwach.' }, { ip: '10.0.0.1' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/barrierefreiheit/danke');
    expect(response.headers['set-cookie']).toBeUndefined();
    const row = await t.db.selectFrom('accessibility_feedback').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Erika <b>Muster</b>', email: 'erika@example.org', page_url: '/impressum', locale: 'de' });

    await t.runJobs();
    const mails = await t.db.selectFrom('mail_outbox').selectAll().where('subject', 'in', ['Neue Rückmeldung zur Barrierefreiheit', 'New accessibility feedback']).execute();
    expect(mails.map((m) => m.recipient).sort()).toEqual([adminDe.email, adminEn.email].sort());
    expect(mails.map((m) => m.recipient)).not.toContain(unverified.email);
    expect(mails.map((m) => m.recipient)).not.toContain(member.email);
    const en = mails.find((m) => m.recipient === adminEn.email)!;
    expect(en.subject).toBe('New accessibility feedback');
    expect(en.locale).toBe('en');
    expect(en.text_body).toContain('Der Kontrast <script>alert(1)</script> ist zu schwach.');
    expect(en.text_body).toContain('http://localhost:3000/en/admin/rueckmeldungen');
    expect(en.html_body).not.toContain('<script>alert(1)</script>');
    expect(en.html_body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(mails.find((m) => m.recipient === adminDe.email)!.text_body).toContain('Absender: Erika <b>Muster</b>');
  });

  it('accepts feedback on the English page and keeps its language', async () => {
    const response = await post('/en/barrierefreiheit', { message: 'The skip link is hidden.' }, { ip: '10.0.0.2' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/barrierefreiheit/danke');
    const row = await t.db.selectFrom('accessibility_feedback').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ message: 'The skip link is hidden.', locale: 'en', name: null, email: null, page_url: null });
  });

  it('re-renders the form with a translated error and the input kept when the message is empty', async () => {
    const before = await feedbackCount();
    const response = await post('/barrierefreiheit', { name: 'Max', email: 'max@example.org', message: '   ' }, { ip: '10.0.0.3' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Bitte füllen Sie dieses Feld aus.');
    expect(response.body).toContain('value="max@example.org"');
    expect(response.body).toContain('href="#feld-message"');
    expect(response.body).toContain('aria-invalid="true"');
    expect(await feedbackCount()).toBe(before);
    const en = await post('/en/barrierefreiheit', { message: '' }, { ip: '10.0.0.3' });
    expect(en.body).toContain('Please fill in this field.');
  });

  it('rejects a message over 5000 characters and an invalid email, keeping the text', async () => {
    const long = 'B'.repeat(6000);
    const response = await post('/barrierefreiheit', { email: 'keine-adresse', message: long }, { ip: '10.0.0.4' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Bitte höchstens 5000 Zeichen eingeben.');
    expect(response.body).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(response.body).toContain(long);
  });

  it('renders HTML and script typed into any field as inert text', async () => {
    const script = '<script>alert("x")</script>';
    const response = await post('/barrierefreiheit', { name: script, email: script, pageUrl: script, message: '' }, { ip: '10.0.0.5' });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain(script);
    expect(response.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
  });

  it('answers a post without a valid CSRF token with 403 and keeps the input', async () => {
    const before = await feedbackCount();
    for (const csrf of ['omit', 'wrong'] as const) {
      const response = await post('/barrierefreiheit', { name: 'Ohne Token', message: 'Bitte behalten' }, { ip: '10.0.0.6', csrf });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Das Formular ist abgelaufen');
      expect(response.body).toContain('value="Ohne Token"');
      expect(response.body).toContain('Bitte behalten</textarea>');
      expect(response.body).toMatch(/name="_csrf" value="[^"]+"/);
    }
    const foreign = await post('/barrierefreiheit', { message: 'von woanders' }, { ip: '10.0.0.6', origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(await feedbackCount()).toBe(before);
  });

  it('limits feedback posts per IP, for the form and the API together', async () => {
    for (let i = 0; i < 10; i++) expect((await post('/barrierefreiheit', { message: `Nr. ${i}` }, { ip: '10.0.0.7' })).statusCode).toBe(303);
    const limited = await post('/barrierefreiheit', { message: 'eins zu viel' }, { ip: '10.0.0.7' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body).toContain('Zu viele Versuche');
    expect(limited.body).toContain('eins zu viel</textarea>');
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/accessibility-feedback', remoteAddress: '10.0.0.7', payload: { message: 'API' } });
    expect(api.statusCode).toBe(429);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await post('/barrierefreiheit', { message: 'andere Adresse' }, { ip: '10.0.0.8' })).statusCode).toBe(303);
  });
});

describe('feedback API', () => {
  const send = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/accessibility-feedback', remoteAddress: '10.0.1.1', headers, payload: payload as object });

  it('creates feedback (201) through the same service as the form', async () => {
    const response = await send({ message: 'Die Tabelle hat keine Überschriften.', pageUrl: '/admin' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.id).toBeTypeOf('number');
    expect(new Date(body.createdAt).toString()).not.toBe('Invalid Date');
    const row = await t.db.selectFrom('accessibility_feedback').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.page_url).toBe('/admin');
    const jobs = await t.db.selectFrom('jobs').select('payload').where('name', '=', 'mail.send').where('done_at', 'is', null).execute();
    expect(jobs.some((j) => JSON.stringify(j.payload).includes('Die Tabelle hat keine Überschriften.'))).toBe(true);
  });

  it('answers bad input with problem+json and translated field errors', async () => {
    const empty = await send({ message: '' }, { 'accept-language': 'en' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.json()).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'message', message: 'Please fill in this field.' }] });
    const long = await send({ message: 'x'.repeat(6000) });
    expect(long.json().errors).toEqual([{ field: 'message', message: 'Bitte höchstens 5000 Zeichen eingeben.' }]);
    for (const payload of [{}, { message: { text: 'no' } }, { message: 'ok', extra: 1 }, [1, 2]]) {
      const response = await send(payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('is described in the OpenAPI document under the tag pages', async () => {
    const document = (await t.app.inject({ url: '/api/docs/openapi.json' })).json();
    const operation = document.paths['/api/v1/accessibility-feedback'].post;
    expect(operation.tags).toEqual(['pages']);
    expect(Object.keys(operation.responses)).toContain('201');
  });
});
