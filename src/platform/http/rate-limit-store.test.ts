import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

function incr(store: { incr: (key: string, cb: (e: Error | null, r?: { current: number; ttl: number }) => void, window: number) => void }, key: string, window: number) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) => store.incr(key, (e, r) => (e ? reject(e) : resolve(r!)), window));
}

describe('rate-limit store in PostgreSQL', () => {
  it('counts per key and namespace within a window, then starts again', async () => {
    const Store = postgresRateLimitStore(t.db);
    const root = new Store({});
    const login = root.child({ nameSpace: 'login' });
    const register = root.child({ nameSpace: 'register' });
    expect((await incr(login, '10.0.0.1', 60_000)).current).toBe(1);
    expect((await incr(login, '10.0.0.1', 60_000)).current).toBe(2);
    const third = await incr(login, '10.0.0.1', 60_000);
    expect(third.current).toBe(3);
    expect(third.ttl).toBeGreaterThan(50_000);
    expect(third.ttl).toBeLessThanOrEqual(60_000);
    expect((await incr(register, '10.0.0.1', 60_000)).current).toBe(1);
    expect((await incr(login, '10.0.0.2', 60_000)).current).toBe(1);

    const short = root.child({ nameSpace: 'short' });
    await incr(short, 'k', 200);
    expect((await incr(short, 'k', 200)).current).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await incr(short, 'k', 200)).current).toBe(1);
  });

  it('is shared by two app instances on one database (a new store sees the old counts)', async () => {
    const a = new (postgresRateLimitStore(t.db))({}).child({ nameSpace: 'shared' });
    const b = new (postgresRateLimitStore(t.db))({}).child({ nameSpace: 'shared' });
    await incr(a, 'x', 60_000);
    expect((await incr(b, 'x', 60_000)).current).toBe(2);
  });
});
