import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { connectActors, createActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { escapeText, foldLine } from './vcard.js';

/** The logical lines of a vCard: folded lines joined again (RFC 6350 §3.2). */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('vCard text', () => {
  it('escapes backslashes, commas, semicolons and line breaks', () => {
    expect(escapeText('Kunst, Kultur; Quartier\\Stadt\nZeile 2\r\nZeile 3')).toBe('Kunst\\, Kultur\\; Quartier\\\\Stadt\\nZeile 2\\nZeile 3');
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const line = `NOTE:${'ä'.repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

let t: TestApp;
let member: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t);
});
afterAll(async () => t?.close());

const vcard = (slug: string, user: TestUser | null = null) => t.app.inject({ url: `/akteure/${slug}/vcard`, cookies: user ? { [SESSION_COOKIE]: user.session ?? '' } : undefined });

describe('GET /akteure/:slug/vcard', () => {
  it('is a vCard 4.0 with escaped text; contact details only for those connected with the actor, as on the profile page', async () => {
    const actor = await createActor(t, {
      name: 'Kunst, Kultur; und mehr',
      summary: 'Erste Zeile\nzweite Zeile, mit Komma; und Semikolon',
      contact: { name: 'Erika Muster', email: 'erika@example.org', phone: '+49 621 1234' },
      website: 'https://kunst.example.org',
    });
    const open = await vcard(actor.slug);
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(open.headers['content-disposition']).toBe(`attachment; filename="${actor.slug}.vcf"`);
    const lines = unfold(open.body);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCARD', 'VERSION:4.0']);
    expect(lines).toContain('FN:Kunst\\, Kultur\\; und mehr');
    expect(lines).toContain('ORG:Kunst\\, Kultur\\; und mehr');
    expect(lines).toContain('KIND:org');
    expect(lines).toContain('NOTE:Erste Zeile\\nzweite Zeile\\, mit Komma\\; und Semikolon');
    expect(lines).toContain('URL;TYPE=work:https://kunst.example.org');
    expect(lines.at(-2)).toBe('END:VCARD');
    expect(open.body).not.toMatch(/EMAIL|TEL|erika/);

    expect((await vcard(actor.slug, member)).body).not.toMatch(/EMAIL|TEL|erika/);
    await connectActors(t, (await createActor(t, { members: [{ userId: member.id }] })).id, actor.id);
    const signedIn = unfold((await vcard(actor.slug, member)).body);
    expect(signedIn).toContain('EMAIL;TYPE=work:erika@example.org');
    expect(signedIn).toContain('TEL;VALUE=text;TYPE=work,voice:+49 621 1234');
    expect(signedIn).toContain('RELATED;TYPE=contact;VALUE=text:Erika Muster');
  });

  it('answers 404 for what the viewer may not see: hidden, members-only (to the public), pending', async () => {
    const hidden = await createActor(t, { visibility: 'hidden' });
    const members = await createActor(t, { visibility: 'members' });
    const pending = await createActor(t, { status: 'pending' });
    expect((await vcard(hidden.slug, member)).statusCode).toBe(404);
    expect((await vcard(members.slug)).statusCode).toBe(404);
    expect((await vcard(members.slug, member)).statusCode).toBe(200);
    expect((await vcard(pending.slug)).statusCode).toBe(404);
  });
});
