import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { accessToken, createActor, submit, type TestActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { dismissSuggestion, getWeights, listSuggestions, mySuggestions, reasonText, setPreferences, setWeights } from './service.js';
import { DEFAULT_WEIGHTS } from './scoring.js';

let t: TestApp;
let coordinator: TestUser;
let member: TestUser;
/** Kulturverein in Halle: offers Kulturarbeit, needs Zwischennutzung. */
let kultur: TestActor;

// Halle (Saale) and places around it; Munich far away.
const HALLE = { latitude: 51.4825, longitude: 11.9705 };
const near = (dLat: number) => ({ latitude: HALLE.latitude + dLat, longitude: HALLE.longitude });

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
  member = await createUser(t, { name: 'Mia Mitglied' });
  kultur = await createActor(t, {
    name: 'Kulturverein Halle',
    sector: 'creative_culture',
    actionFields: ['inner_city'],
    offers: ['Kulturarbeit'],
    needs: ['Zwischennutzung'],
    admin: member,
    ...HALLE,
  });
});
afterAll(async () => t?.close());

const ids = (list: { suggestions: { actor: { id: number } }[] }) => list.suggestions.map((s) => s.actor.id);
const suggest = (user: TestUser, actor: TestActor, input: Parameters<typeof listSuggestions>[2] = {}) => listSuggestions(t.ctx(user.current), actor.id, input);
const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: { status?: number; fields?: Record<string, string> }) => error);

describe('partner suggestions', () => {
  it('rank the reciprocal, nearby, cross-sector partner first, with a reason built from the evidence', async () => {
    const housing = await createActor(t, { name: 'Wohnbau Halle', sector: 'housing_industry', actionFields: ['inner_city'], offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], ...near(0.12) });
    const oneSided = await createActor(t, { name: 'Leerstandsbörse', sector: 'municipality', offers: ['Zwischennutzung', 'Leerstand', 'Moderation'], ...near(0.1) });
    const sameSector = await createActor(t, { name: 'Theater am Markt', sector: 'creative_culture', actionFields: ['inner_city'], offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], ...near(0.05) });
    const far = await createActor(t, { name: 'Wohnen München', sector: 'housing_industry', actionFields: ['inner_city'], offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], latitude: 48.137, longitude: 11.575 });
    const list = await suggest(member, kultur);
    const order = ids(list);
    expect(order[0]).toBe(housing.id);
    expect(order.indexOf(housing.id)).toBeLessThan(order.indexOf(sameSector.id));
    expect(order.indexOf(housing.id)).toBeLessThan(order.indexOf(far.id));
    expect(order.indexOf(housing.id)).toBeLessThan(order.indexOf(oneSided.id));
    const best = list.suggestions[0]!;
    expect(best.reason.offersYouNeed.map((tag) => tag.label)).toEqual(['Zwischennutzung']);
    expect(best.reason.needsYouOffer.map((tag) => tag.label)).toEqual(['Kulturarbeit']);
    expect(best.reason.sectors).toEqual(['creative_culture', 'housing_industry']);
    expect(best.reason.sharedActionFields).toEqual(['inner_city']);
    expect(best.reason.distanceKm).toBe(13);
    expect(best.components.reciprocity).toBe(1);
    expect(reasonText('de', best.reason)).toBe(
      'Bietet Zwischennutzung – Sie suchen Zwischennutzung · Sucht Kulturarbeit – Sie bieten Kulturarbeit · Wohnungs- und Immobilienwirtschaft ↔ Kreativwirtschaft und Kultur (bisher selten verbunden) · beide im Handlungsfeld Innenstädte · 13 km entfernt · kürzlich aktiv',
    );
    expect(reasonText('en', best.reason)).toContain('Offers Zwischennutzung – you need Zwischennutzung');
  });

  it('exclude hidden, members-only for the public API, opted-out, own and already tied actors; dismissed ones go', async () => {
    const hidden = await createActor(t, { visibility: 'hidden', sector: 'municipality', offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], ...near(0.01) });
    const pending = await createActor(t, { status: 'pending', sector: 'municipality', offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], ...near(0.01) });
    const ownSecond = await createActor(t, { sector: 'welfare', offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], admin: member, ...near(0.01) });
    const optedOutAdmin = await createUser(t);
    const optedOut = await createActor(t, { sector: 'municipality', offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], admin: optedOutAdmin, ...near(0.01) });
    await setPreferences(t.ctx(optedOutAdmin.current), optedOut.id, { suggestible: false });
    const closedAdmin = await createUser(t);
    const closed = await createActor(t, { sector: 'municipality', offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], admin: closedAdmin, ...near(0.01) });
    await setPreferences(t.ctx(closedAdmin.current), closed.id, { contactable: false });
    const tied = await createActor(t, { sector: 'welfare', offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], ...near(0.01) });
    await t.db
      .insertInto('ties')
      .values({ actor_a: Math.min(kultur.id, tied.id), actor_b: Math.max(kultur.id, tied.id), kind: 'cooperation', origin: 'self_initiated', status: 'active', since: '2024-01-01' })
      .execute();
    const dismissed = await createActor(t, { sector: 'welfare', offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], ...near(0.01) });
    expect(ids(await suggest(member, kultur, { limit: 50 }))).toContain(dismissed.id);
    await dismissSuggestion(t.ctx(member.current), kultur.slug, dismissed.id);
    const shown = ids(await suggest(member, kultur, { limit: 50 }));
    for (const excluded of [hidden, pending, ownSecond, optedOut, closed, tied, dismissed]) expect(shown).not.toContain(excluded.id);
    // Dismissing something that is not listed is refused the same way as nonsense.
    expect(await errorOf(dismissSuggestion(t.ctx(member.current), kultur.slug, hidden.id))).toMatchObject({ status: 403 });
  });

  it('filters by sector, action field and distance; bad filter values are field errors', async () => {
    const rural = await createActor(t, { sector: 'municipality', actionFields: ['rural'], offers: ['Zwischennutzung'], ...near(0.5) });
    const bySector = await suggest(member, kultur, { filters: { sector: 'municipality' }, limit: 50 });
    expect(bySector.suggestions.every((s) => s.actor.sector === 'municipality')).toBe(true);
    expect(ids(bySector)).toContain(rural.id);
    const byField = await suggest(member, kultur, { filters: { actionField: 'rural' }, limit: 50 });
    expect(ids(byField)).toEqual([rural.id]);
    const close = await suggest(member, kultur, { filters: { maxKm: 20 }, limit: 50 });
    expect(ids(close)).not.toContain(rural.id);
    expect(close.suggestions.every((s) => s.reason.distanceKm !== null && s.reason.distanceKm <= 20)).toBe(true);
    const page = await t.app.inject({ method: 'GET', url: '/vernetzung?maxKm=-3&sector=nonsense', cookies: { [SESSION_COOKIE]: member.session! } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Bitte eine ganze Zahl von 1 bis 1000 angeben.');
  });

  it('coordinators see suggestions for any actor and set the weights, which change the ranking', async () => {
    const outsider = await createUser(t);
    expect(await errorOf(suggest(outsider, kultur))).toMatchObject({ status: 403 });
    expect((await suggest(coordinator, kultur)).actor.id).toBe(kultur.id);
    const closeSameField = await createActor(t, { name: 'Nachbarn', sector: 'civil_society', actionFields: ['inner_city'], ...near(0.001) });
    const matching = await createActor(t, { name: 'Weit weg, passt', sector: 'housing_industry', offers: ['Zwischennutzung'], needs: ['Kulturarbeit'], latitude: 53.55, longitude: 9.99 });
    const rank = async () => {
      const order = ids(await suggest(coordinator, kultur, { limit: 50 }));
      return order.indexOf(closeSameField.id) - order.indexOf(matching.id);
    };
    expect(await rank()).toBeGreaterThan(0); // matching offers and needs win by default
    await setWeights(t.ctx(coordinator.current), { complement: 0, reciprocity: 0, text: 0, distance: 10 });
    expect(await rank()).toBeLessThan(0); // only proximity counts now
    const reset = await setWeights(t.ctx(coordinator.current), { reset: 'yes' });
    expect(reset).toEqual(DEFAULT_WEIGHTS);
    expect(await errorOf(setWeights(t.ctx(member.current), { distance: 1 }))).toMatchObject({ status: 403 });
    expect(await errorOf(setWeights(t.ctx(coordinator.current), { distance: '11', text: 'viel' }))).toMatchObject({ status: 400, fields: { distance: expect.any(String), text: expect.any(String) } });
    expect(await getWeights(t.ctx())).toEqual(DEFAULT_WEIGHTS);
    const form = await submit(t.app, { page: '/vernetzung/gewichte', session: coordinator.session, fields: { complement: '2,5', reciprocity: '3', text: '1', fields: '0,75', sector: '1', distance: '1,5', warmPath: '0,75', activity: '0,25' } });
    expect(form.statusCode).toBe(303);
    expect((await getWeights(t.ctx())).complement).toBe(2.5);
    await setWeights(t.ctx(coordinator.current), { reset: 'yes' });
  });

  it('names a common contact when a partner is two ties away', async () => {
    const contact = await createActor(t, { name: 'Stadtteilbüro Nord', sector: 'municipality', ...near(0.02) });
    const partner = await createActor(t, { name: 'Diakonie Halle', sector: 'welfare', offers: ['Zwischennutzung'], ...near(0.03) });
    const tie = (a: number, b: number) =>
      t.db.insertInto('ties').values({ actor_a: Math.min(a, b), actor_b: Math.max(a, b), kind: 'cooperation', origin: 'self_initiated', status: 'active', since: '2025-05-01' }).execute();
    await tie(kultur.id, contact.id);
    await tie(contact.id, partner.id);
    const found = (await suggest(member, kultur, { limit: 50 })).suggestions.find((s) => s.actor.id === partner.id);
    expect(found?.reason.commonContact).toEqual({ slug: contact.slug, name: 'Stadtteilbüro Nord' });
    expect(found?.components.warmPath).toBe(1);
  });

  it('the dashboard lists suggestions for each of the member’s organisations; the API gives the reason parts', async () => {
    const lists = await mySuggestions(t.ctx(member.current));
    expect(lists.map((l) => l.actor.id)).toContain(kultur.id);
    const page = await t.app.inject({ method: 'GET', url: '/vernetzung', cookies: { [SESSION_COOKIE]: member.session! } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vorschläge für Kulturverein Halle');
    expect(page.body).toContain('Bietet Zwischennutzung');
    const token = await accessToken(t, member.id);
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/partnering/suggestions?actor=${kultur.slug}&limit=3`, headers: { authorization: `Bearer ${token}` } });
    expect(api.statusCode).toBe(200);
    const body = api.json() as { suggestions: { reasonText: string; components: Record<string, number> }[] };
    expect(body.suggestions).toHaveLength(3);
    expect(body.suggestions[0]!.reasonText).toContain('Zwischennutzung');
    expect(Object.keys(body.suggestions[0]!.components).sort()).toEqual(Object.keys(DEFAULT_WEIGHTS).sort());
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/partnering/suggestions?actor=${kultur.slug}&maxKm=abc`, headers: { authorization: `Bearer ${token}` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
