import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, type ActorOverrides, type TestActor } from '../../../test/support/actors.js';
import { createUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { suggestForNetwork, type NetworkSuggestions } from './batch.js';
import { insertDismissal, insertIntroduction, insertTie, upsertPreferences } from './queries.js';
import { listSuggestions } from './suggestions.js';

let t: TestApp;
let result: NetworkSuggestions;
const progress: [number, number][] = [];
const actors: Record<string, TestActor> = {};

/** Leipzig and around: every partner offers what the source needs and needs what it offers. */
const partner = (overrides: ActorOverrides = {}): ActorOverrides => ({
  sector: 'municipality',
  actionFields: ['neighbourhood'],
  latitude: 51.34 + Math.random() / 50,
  longitude: 12.37 + Math.random() / 50,
  offers: ['Zwischennutzung'],
  needs: ['Moderation'],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  actors.source = await createActor(t, { name: 'Quelle', sector: 'civil_society', actionFields: ['neighbourhood'], latitude: 51.34, longitude: 12.37, offers: ['Moderation'], needs: ['Zwischennutzung'] });
  actors.best = await createActor(t, partner({ name: 'Passt' }));
  actors.membersOnly = await createActor(t, partner({ name: 'Nur für Mitglieder', visibility: 'members' }));
  actors.hidden = await createActor(t, partner({ name: 'Verborgen', visibility: 'hidden' }));
  actors.pending = await createActor(t, partner({ name: 'Ungeprüft', status: 'pending' }));
  actors.unsuggestible = await createActor(t, partner({ name: 'Will nicht vorgeschlagen werden' }));
  actors.dismissed = await createActor(t, partner({ name: 'Abgelehnt' }));
  actors.introduced = await createActor(t, partner({ name: 'Vorgestellt' }));
  actors.declined = await createActor(t, partner({ name: 'Vorstellung abgelehnt' }));
  actors.tied = await createActor(t, partner({ name: 'Verbunden' }));
  actors.proposed = await createActor(t, partner({ name: 'Verbindung vorgeschlagen' }));
  const source = actors.source.id;
  const expires = new Date(Date.now() + 21 * 24 * 3600 * 1000);
  await upsertPreferences(t.db, { actor_id: actors.unsuggestible.id, suggestible: false, contactable: true, ties_visibility: 'members', updated_by: null });
  await insertDismissal(t.db, { actor_id: source, candidate_id: actors.dismissed.id, dismissed_by: null });
  await insertIntroduction(t.db, { requester_actor: actors.introduced.id, target_actor: source, origin: 'self_initiated', message: 'Hallo', expires_at: expires });
  await insertIntroduction(t.db, { requester_actor: source, target_actor: actors.declined.id, origin: 'self_initiated', message: 'Hallo', expires_at: expires, status: 'declined', decided_at: new Date() });
  const tie = (other: number, status: 'active' | 'proposed') =>
    insertTie(t.db, { actor_a: Math.min(source, other), actor_b: Math.max(source, other), kind: 'cooperation', origin: 'self_initiated', status, since: '2025-01-01' });
  await tie(actors.tied.id, 'active');
  await tie(actors.proposed.id, 'proposed');
  result = await suggestForNetwork(t.ctx(), { limit: 20, onProgress: (done, total) => progress.push([done, total]) });
});
afterAll(async () => t?.close());

const idsFor = (actor: TestActor) => (result.suggestions.get(actor.id) ?? []).map((r) => r.actorId);

describe('suggestions for the whole network', () => {
  it('ranks every listed actor once, hidden and unreviewed ones not', () => {
    const listed = Object.values(actors).filter((a) => a !== actors.hidden && a !== actors.pending);
    for (const actor of listed) expect(result.suggestions.has(actor.id), actor.name).toBe(true);
    expect(result.suggestions.has(actors.hidden!.id)).toBe(false);
    expect(result.suggestions.has(actors.pending!.id)).toBe(false);
    expect(result.actors).toBe(result.suggestions.size);
    expect(progress.at(-1)).toEqual([result.actors, result.actors]);
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it('never suggests hidden, unreviewed or unwilling actors, nor an actor to itself', () => {
    const never = new Set([actors.hidden!.id, actors.pending!.id, actors.unsuggestible!.id]);
    for (const [id, list] of result.suggestions) {
      expect(list.length).toBeLessThanOrEqual(20);
      for (const r of list) {
        expect(r.actorId).not.toBe(id);
        expect(never.has(r.actorId), `${r.name} suggested to ${id}`).toBe(false);
      }
    }
  });

  it('leaves out dismissed candidates, open and declined introductions, active and proposed ties — both ways where they are mutual', () => {
    const mine = idsFor(actors.source!);
    expect(mine).toContain(actors.best!.id);
    expect(mine).toContain(actors.membersOnly!.id);
    for (const name of ['dismissed', 'introduced', 'declined', 'tied', 'proposed']) expect(mine, name).not.toContain(actors[name]!.id);
    for (const name of ['introduced', 'declined', 'tied', 'proposed']) expect(idsFor(actors[name]!), name).not.toContain(actors.source!.id);
    // A dismissal is one actor's: the dismissed candidate may still be shown the source.
    expect(idsFor(actors.dismissed!)).toContain(actors.source!.id);
  });

  it('gives each actor the list a coordinator sees for it', async () => {
    const coordinator = await createUser(t, { role: 'coordinator' });
    const single = await listSuggestions(t.ctx(coordinator.current), actors.source!.id, { limit: 20 });
    expect(idsFor(actors.source!)).toEqual(single.suggestions.map((s) => s.actor.id));
    const few = await suggestForNetwork(t.ctx(), { limit: 2 });
    expect(few.suggestions.get(actors.source!.id)!.map((r) => r.actorId)).toEqual(idsFor(actors.source!).slice(0, 2));
  });
});
