import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { createActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { jsonLdText } from './jsonld.js';

let t: TestApp;
let member: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t);
});
afterAll(async () => t?.close());

const blocks = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const profile = (slug: string, user: TestUser | null = null) => t.app.inject({ url: `/akteure/${slug}`, cookies: user ? { [SESSION_COOKIE]: user.session ?? '' } : undefined });

describe('schema.org JSON-LD on profile pages', () => {
  it('escapes < so that no name can end the script element; the JSON still reads the same', () => {
    const data = { name: '</script><script>alert(1)</script> & \u2028' };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });

  it('describes a public organisation as an Organization, without contact details, safe against </script> in its name', async () => {
    const name = 'Werkstatt </script><script>alert(1)</script>';
    const actor = await createActor(t, { name, summary: 'Offene Werkstatt', website: 'https://werkstatt.example.org', contact: { email: 'geheim@example.org' }, offers: ['Leerstand'] });
    const response = await profile(actor.slug, member);
    expect(response.statusCode).toBe(200);
    const [block, ...more] = blocks(response.body);
    expect(more).toEqual([]);
    expect(block).not.toContain('</script');
    const data = JSON.parse(block!);
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Organization', name, description: 'Offene Werkstatt', sameAs: ['https://werkstatt.example.org'], knowsAbout: ['Leerstand'] });
    expect(data.url).toMatch(new RegExp(`/akteure/${actor.slug}$`));
    expect(block).not.toContain('geheim@example.org');
    // Our CSP lets no inline script run; a data block is not a script, and needs no exception.
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.body).toContain(`/akteure/${actor.slug}/vcard`);
  });

  it('describes a person as a Person; members-only profiles carry none', async () => {
    const person = await createActor(t, { kind: 'person', name: 'Erika Muster' });
    expect(JSON.parse(blocks((await profile(person.slug)).body)[0]!)['@type']).toBe('Person');
    const members = await createActor(t, { visibility: 'members' });
    const page = await profile(members.slug, member);
    expect(page.statusCode).toBe(200);
    expect(blocks(page.body)).toEqual([]);
  });
});
