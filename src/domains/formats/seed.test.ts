import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { seedFormats, seedFormatsStep } from './seed.js';
import { getFormat, listFormats } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('seed formats', () => {
  it('holds the formats the project page names, as documented past formats with their credits', async () => {
    const { total, items } = await listFormats(t.ctx(null), { when: 'past', page: 1, pageSize: 50 });
    expect(total).toBeGreaterThanOrEqual(seedFormats.length);
    const slugs = items.map((i) => i.slug);
    for (const format of seedFormats) expect(slugs).toContain(format.slug);
    const bernburg = await getFormat(t.ctx(null), 'erfahrungsaustausch-bernburg-2023');
    expect(bernburg).toMatchObject({ kind: 'erfahrungsaustausch', venue: 'Projektraum COI', place: { name: 'Bernburg' }, status: 'published' });
    expect(bernburg.startsAt.toISOString().slice(0, 7)).toBe('2023-03');
    expect(bernburg.documentation.resultsHtml).toContain('Quelle: Gemeinsam für das Quartier / Lukas Petereit');
    const kinds = new Set(items.map((i) => i.kind));
    for (const kind of ['werkstattgespraech', 'perspektivenwerkstatt', 'praxiswerkstatt', 'erfahrungsaustausch', 'stadtlabor_session', 'impulslabor', 'fachkonferenz']) expect(kinds).toContain(kind);
    expect((await getFormat(t.ctx(null), 'praxiswerkstatt-mannheim-2022')).place?.name).toBe('Mannheim');
  });

  it('runs again without duplicates', async () => {
    const before = await t.db.selectFrom('formats').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await seedFormatsStep(t.ctx(null));
    const after = await t.db.selectFrom('formats').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
