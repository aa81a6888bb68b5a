import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { mailsTo } from '../../../test/support/accounts.js';
import { createActor, submit, tagId } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { listReviewQueue, mergeActors, mergeTags, registerActorMergeStep, updateVocabularyTerm } from './service.js';

let t: TestApp;
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator', name: 'Cora Koordination' });
});
afterAll(async () => t?.close());

const get = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: user?.session ? { [SESSION_COOKIE]: user.session } : undefined });
const actorRow = (id: number) => t.db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const day = 24 * 60 * 60 * 1000;

describe('the review queue', () => {
  it('lists pending profiles oldest first; approving mails the creator and writes the audit log', async () => {
    const creator = await createUser(t, { name: 'Carla Creator' });
    const older = await createActor(t, { name: 'Älterer Antrag', status: 'pending', admin: creator, createdAt: new Date(Date.now() - 3 * day) });
    await createActor(t, { name: 'Neuerer Antrag', status: 'pending', createdAt: new Date(Date.now() - day) });
    const queue = await listReviewQueue(t.ctx(coordinator.current));
    const names = queue.items.map((i) => i.name);
    expect(names.indexOf('Älterer Antrag')).toBeLessThan(names.indexOf('Neuerer Antrag'));
    const page = await get('/akteure/pruefung', coordinator);
    expect(page.body).toContain('Älterer Antrag');
    expect((await get('/akteure/pruefung', creator)).statusCode).toBe(403);

    const approved = await submit(t.app, { page: '/akteure/pruefung', action: `/akteure/${older.slug}/pruefung`, session: coordinator.session, fields: { decision: 'approve', zurueck: 'pruefung' } });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe('/akteure/pruefung?hinweis=freigegeben');
    expect(await actorRow(older.id)).toMatchObject({ status: 'approved', approved_by: coordinator.id });
    expect((await get(`/akteure/${older.slug}`)).statusCode).toBe(200);
    expect((await mailsTo(t, creator.email)).map((m) => m.subject)).toEqual(['Ihr Profil „Älterer Antrag“ ist freigegeben']);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_label']).where('subject_label', '=', `Älterer Antrag (/akteure/${older.slug})`).execute();
    expect(audit).toEqual([{ action: 'actor.approved', actor_label: `Cora Koordination <${coordinator.email}>` }]);
    expect((await listReviewQueue(t.ctx(coordinator.current))).items.map((i) => i.id)).not.toContain(older.id);
  });

  it('rejecting needs a note, which reaches the creator; the form keeps what was typed', async () => {
    const creator = await createUser(t, { locale: 'en' });
    const actor = await createActor(t, { status: 'pending', admin: creator });
    const noNote = await submit(t.app, { page: `/akteure/${actor.slug}`, action: `/akteure/${actor.slug}/pruefung`, session: coordinator.session, fields: { decision: 'reject', note: '  ' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Bitte füllen Sie dieses Feld aus.');
    expect((await actorRow(actor.id)).status).toBe('pending');
    const rejected = await submit(t.app, {
      page: `/akteure/${actor.slug}`,
      action: `/akteure/${actor.slug}/pruefung`,
      session: coordinator.session,
      fields: { decision: 'reject', note: 'Bitte ergänzen Sie den Ort.' },
    });
    expect(rejected.statusCode).toBe(303);
    expect(await actorRow(actor.id)).toMatchObject({ status: 'rejected', review_note: 'Bitte ergänzen Sie den Ort.' });
    const [mail] = await mailsTo(t, creator.email);
    expect(mail?.subject).toBe(`Your profile “${actor.name}” has not been approved`);
    expect(mail?.text).toContain('Bitte ergänzen Sie den Ort.');
    const own = await get(`/akteure/${actor.slug}`, creator);
    expect(own.body).toContain('Bitte ergänzen Sie den Ort.');
    const again = await submit(t.app, { page: `/akteure/${actor.slug}`, action: `/akteure/${actor.slug}/pruefung`, session: coordinator.session, fields: { decision: 'reject', note: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Dieses Profil wartet nicht (mehr) auf Prüfung.');
  });
});

describe('merging duplicates', () => {
  it('moves members and tags to the survivor, hides the duplicate, redirects its address, runs registered steps', async () => {
    const adminA = await createUser(t);
    const adminB = await createUser(t);
    const both = await createUser(t);
    const survivor = await createActor(t, { name: 'Stadtteilzentrum Mitte', admin: adminA, offers: ['Kulturarbeit', 'Leerstand'], members: [{ userId: both.id, status: 'pending' }] });
    const duplicate = await createActor(t, {
      name: 'Stadtteilzentrum Mitte e.V.',
      admin: adminB,
      offers: ['Leerstand', 'Jugendarbeit'],
      needs: ['Fördermittelberatung'],
      website: 'https://stz-mitte.example.org',
      actionFields: ['rural'],
      members: [{ userId: both.id, role: 'admin' }],
    });
    const seen: string[] = [];
    registerActorMergeStep('test-step', async (ctx, merge) => {
      seen.push(`${merge.from.slug}->${merge.into.slug}:${ctx.db.isTransaction}`);
    });
    const merge = await get(`/akteure/${survivor.slug}/zusammenfuehren`, coordinator);
    expect(merge.body).toContain(`value="${duplicate.slug}"`);
    const response = await submit(t.app, {
      page: `/akteure/${survivor.slug}/zusammenfuehren`,
      session: coordinator.session,
      fields: { other: duplicate.slug, survivor: 'this', confirm: 'yes' },
    });
    expect(response.statusCode, response.body.slice(0, 400)).toBe(303);
    expect(response.headers.location).toBe(`/akteure/${survivor.slug}?hinweis=zusammengefuehrt`);
    expect(seen).toEqual([`${duplicate.slug}->${survivor.slug}:true`]);

    const kept = await actorRow(survivor.id);
    expect(kept.offer_ids).toEqual([await tagId(t, 'Kulturarbeit'), await tagId(t, 'Leerstand'), await tagId(t, 'Jugendarbeit')]);
    expect(kept.need_ids).toEqual([await tagId(t, 'Fördermittelberatung')]);
    expect(kept.website).toBe('https://stz-mitte.example.org');
    expect(kept.action_fields).toEqual(['rural']);
    expect(kept.search_text).toContain('jugendarbeit');
    expect((await actorRow(duplicate.id)).merged_into).toBe(survivor.id);
    const members = await t.db.selectFrom('actor_members').select(['actor_id', 'user_id', 'role', 'status']).where('user_id', 'in', [adminA.id, adminB.id, both.id]).orderBy('user_id').execute();
    expect(members).toEqual([
      { actor_id: survivor.id, user_id: adminA.id, role: 'admin', status: 'active' },
      { actor_id: survivor.id, user_id: adminB.id, role: 'admin', status: 'active' },
      { actor_id: survivor.id, user_id: both.id, role: 'admin', status: 'active' },
    ]);
    const moved = await get(`/akteure/${duplicate.slug}`);
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`/akteure/${survivor.slug}`);
    expect((await t.app.inject({ url: `/api/v1/actors/${duplicate.id}` })).statusCode).toBe(404);
    expect((await t.db.selectFrom('audit_log').select('action').where('action', '=', 'actor.merged').execute()).length).toBe(1);
  });

  it('a failing merge step undoes the whole merge; a profile is not merged with itself or one of another kind', async () => {
    const a = await createActor(t, { admin: await createUser(t) });
    const b = await createActor(t, { offers: ['Moderation'] });
    registerActorMergeStep('test-step', async () => {
      throw new Error('registrations could not move');
    });
    await expect(mergeActors(t.ctx(coordinator.current), { duplicate: a.id, survivor: b.id })).rejects.toThrow('registrations could not move');
    registerActorMergeStep('test-step', async () => undefined);
    expect((await actorRow(a.id)).merged_into).toBeNull();
    expect((await t.db.selectFrom('actor_members').select('actor_id').where('actor_id', '=', a.id).execute()).length).toBe(1);
    expect((await actorRow(b.id)).offer_ids).toEqual(b.offerIds);
    await expect(mergeActors(t.ctx(coordinator.current), { duplicate: a.slug, survivor: a.slug })).rejects.toMatchObject({ fields: { survivor: expect.stringContaining('mit sich selbst') } });
    const person = await createActor(t, { kind: 'person' });
    await expect(mergeActors(t.ctx(coordinator.current), { duplicate: a.slug, survivor: person.slug })).rejects.toMatchObject({ fields: { survivor: expect.stringContaining('derselben Art') } });
    const member = await createUser(t);
    await expect(mergeActors(t.ctx(member.current), { duplicate: a.slug, survivor: b.slug })).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('the vocabulary', () => {
  it('coordinators add a term and promote a free tag', async () => {
    const added = await submit(t.app, { page: '/akteure/vokabular', session: coordinator.session, fields: { label: '  Repair-Café ', labelEn: 'Repair café' } });
    expect(added.statusCode).toBe(303);
    expect(await t.db.selectFrom('tags').select(['label', 'label_en', 'curated']).where('normalized', '=', 'repair-café').executeTakeFirst()).toEqual({ label: 'Repair-Café', label_en: 'Repair café', curated: true });
    const twice = await submit(t.app, { page: '/akteure/vokabular', session: coordinator.session, fields: { label: 'REPAIR-CAFÉ' } });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Diesen Begriff gibt es im Vokabular schon.');
    expect(twice.body).toContain('value="REPAIR-CAFÉ"');

    const actor = await createActor(t, { offers: ['Lastenrad-Verleih'] });
    const promoted = await submit(t.app, { page: '/akteure/vokabular', session: coordinator.session, fields: { label: 'lastenrad-verleih', labelEn: 'Cargo bike rental' } });
    expect(promoted.statusCode).toBe(303);
    expect(promoted.headers.location).toBe('/akteure/vokabular?hinweis=uebernommen');
    const tag = await t.db.selectFrom('tags').selectAll().where('id', '=', actor.offerIds[0]!).executeTakeFirstOrThrow();
    expect(tag).toMatchObject({ label: 'Lastenrad-Verleih', label_en: 'Cargo bike rental', curated: true });
    expect((await actorRow(actor.id)).search_text).toContain('cargo bike rental');
    expect((await get('/akteure/vokabular', await createUser(t))).statusCode).toBe(403);
  });

  it('renaming refreshes the search text of every profile using the tag; a spelling another tag has is refused', async () => {
    const actor = await createActor(t, { needs: ['Proberaum gesucht'] });
    const id = actor.needIds[0]!;
    const ctx = t.ctx(coordinator.current);
    await updateVocabularyTerm(ctx, id, { label: 'Proberäume' });
    expect((await actorRow(actor.id)).search_text).toContain('proberäume');
    expect((await actorRow(actor.id)).search_text).not.toContain('proberaum gesucht');
    await expect(updateVocabularyTerm(ctx, id, { label: 'leerstand' })).rejects.toMatchObject({ fields: { label: expect.stringContaining('Führen Sie die beiden zusammen') } });
  });

  it('merging two tags rewrites offers and needs without duplicates, in one transaction, and deletes the first', async () => {
    const free = await createActor(t, { offers: ['Leerstandsmanagement', 'Leerstand', 'Moderation'], needs: ['Leerstandsmanagement'] });
    const other = await createActor(t, { offers: ['Moderation'], needs: ['Leerstandsmanagement', 'Jugendarbeit'] });
    const from = free.offerIds[0]!;
    const into = await tagId(t, 'Leerstand');
    const response = await submit(t.app, { page: '/akteure/vokabular', action: `/akteure/vokabular/${from}/zusammenfuehren`, session: coordinator.session, fields: { into: String(into) } });
    expect(response.statusCode).toBe(303);
    expect((await actorRow(free.id)).offer_ids).toEqual([into, await tagId(t, 'Moderation')]);
    expect((await actorRow(free.id)).need_ids).toEqual([into]);
    expect((await actorRow(other.id)).need_ids).toEqual([into, await tagId(t, 'Jugendarbeit')]);
    expect(await t.db.selectFrom('tags').select('id').where('id', '=', from).execute()).toEqual([]);
    await expect(mergeTags(t.ctx(coordinator.current), into, { into })).rejects.toMatchObject({ fields: { into: expect.any(String) } });
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'tag.merged').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ from: 'Leerstandsmanagement', into: 'Leerstand' });
  });

  it('the curated vocabulary is public in the API, in both languages', async () => {
    const response = await t.app.inject({ url: '/api/v1/vocabulary' });
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: { label: string; labelEn: string | null; curated: boolean }[] }).items;
    expect(items.find((i) => i.label === 'Zwischennutzung')).toMatchObject({ labelEn: 'Interim use', curated: true });
    expect(items.every((i) => i.curated)).toBe(true);
  });
});
