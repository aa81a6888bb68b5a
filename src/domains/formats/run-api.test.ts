import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestFormat } from '../../../test/support/formats.js';
import { multipart, tinyPng } from '../../../test/support/images.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { registerMember } from './service.js';

let t: TestApp;
let coordinator: TestUser;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
  token = await accessToken(t, coordinator.id);
});
afterAll(async () => t?.close());

const api = (options: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object }, bearer = token) => t.app.inject({ ...options, headers: { authorization: `Bearer ${bearer}` } });

describe('API: running and documenting a format', () => {
  it('participants, attendance, table plan, results, insights and media', async () => {
    const format = await createTestFormat(t, coordinator, { days: 0, capacity: 3 });
    const people = await Promise.all([1, 2, 3, 4].map((i) => createUser(t, { name: `Teilnehmende ${i}` })));
    for (const [i, p] of people.entries()) await registerMember(t.ctx(p.current), format.id, { sector: i % 2 ? 'welfare' : 'municipality' });
    const list = await api({ method: 'GET', url: `/api/v1/formats/${format.slug}/participants` });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ unconfirmed: 0, attended: 0 });
    expect(list.json().registered).toHaveLength(3);
    expect(list.json().waitlisted[0]).toMatchObject({ name: 'Teilnehmende 4', waitlistPosition: 1 });
    expect((await api({ method: 'GET', url: `/api/v1/formats/${format.slug}/participants` }, await accessToken(t, people[0]!.id))).statusCode).toBe(403);

    const first = list.json().registered[0];
    const checked = await api({ method: 'PUT', url: `/api/v1/formats/${format.slug}/attendance/${first.id}`, payload: { attended: true } });
    expect(checked.json()).toMatchObject({ id: first.id, attended: true });
    const waiting = list.json().waitlisted[0];
    expect((await api({ method: 'PUT', url: `/api/v1/formats/${format.slug}/attendance/${waiting.id}`, payload: { attended: true } })).statusCode).toBe(409);

    const plan = await api({ method: 'POST', url: `/api/v1/formats/${format.slug}/table-plan`, payload: { rounds: 2, tables: 1 } });
    expect(plan.statusCode).toBe(200);
    expect(plan.json().plan.seats[0][0]).toHaveLength(3);
    expect((await api({ method: 'POST', url: `/api/v1/formats/${format.slug}/table-plan`, payload: { rounds: 0, tables: 1 } })).statusCode).toBe(400);

    expect((await api({ method: 'PUT', url: `/api/v1/formats/${format.slug}/documentation/results`, payload: { results: '## Ergebnis', visibility: 'public' } })).statusCode).toBe(204);
    expect((await api({ method: 'PUT', url: `/api/v1/formats/${format.slug}/documentation/results`, payload: { results: 'x', visibility: 'secret' } })).statusCode).toBe(400);
    const insight = await api({ method: 'POST', url: `/api/v1/formats/${format.slug}/documentation/insights`, payload: { text: 'Vertrauen wächst beim Tun.', visibility: 'public' } });
    expect(insight.statusCode).toBe(201);
    const upload = multipart({ kind: 'photo', title: 'Werkstatt', alt: 'Menschen an einem Tisch mit Plänen', credit: 'DV / Plan Zwei', visibility: 'public' }, { file: { filename: 'a.png', contentType: 'image/png', bytes: tinyPng } });
    const media = await t.app.inject({ method: 'POST', url: `/api/v1/formats/${format.slug}/documentation/media`, headers: { ...upload.headers, authorization: `Bearer ${token}` }, payload: upload.payload });
    expect(media.statusCode).toBe(201);
    const detail = (await t.app.inject({ url: `/api/v1/formats/${format.slug}` })).json();
    expect(detail.documentation).toMatchObject({ resultsHtml: expect.stringContaining('<h4>Ergebnis</h4>'), insights: [{ text: 'Vertrauen wächst beim Tun.' }], media: [{ kind: 'photo', credit: 'DV / Plan Zwei' }] });
    expect((await api({ method: 'DELETE', url: `/api/v1/formats/${format.slug}/documentation/media/${media.json().id}` })).statusCode).toBe(204);
    expect((await api({ method: 'DELETE', url: `/api/v1/formats/${format.slug}/documentation/insights/${insight.json().id}` })).statusCode).toBe(204);
  });
});
