import { createFormat, publishFormat, type RawFormatInput } from '../../src/domains/formats/service.js';
import type { TestUser } from './factories.js';
import type { TestApp } from './test-app.js';

let counter = 0;

/** A format planned by a coordinator, published unless `draft`; starts in `days` days (default 30). */
export async function createTestFormat(t: TestApp, coordinator: TestUser, overrides: RawFormatInput & { draft?: boolean; days?: number } = {}) {
  const { draft, days, ...input } = overrides;
  const start = new Date(Date.now() + (days ?? 30) * 24 * 3600_000);
  start.setUTCHours(8, 0, 0, 0);
  const ctx = t.ctx(coordinator.current);
  const row = await createFormat(ctx, {
    kind: 'praxiswerkstatt',
    title: `Praxiswerkstatt Test ${++counter}`,
    teaser: 'Neue Handlungsansätze vor Ort ausprobieren.',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 6 * 3600_000).toISOString(),
    mode: 'on_site',
    venue: 'Projektraum COI, Lindenplatz 3',
    ...input,
  });
  return draft ? row : publishFormat(ctx, row.id);
}
