import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { maxEventLoopDelayMs: 20 } });
});
afterAll(async () => t?.close());

function blockEventLoop(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy: simulates a request that hogs the CPU
  }
}

describe('under overload', () => {
  it('answers 503 with Retry-After instead of stalling, in the page language', async () => {
    let response = await t.app.inject({ url: '/en/' });
    expect(response.statusCode).toBe(200);
    // under-pressure samples the mean event-loop delay about once a second: keep the loop busy
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      blockEventLoop(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
      response = await t.app.inject({ url: '/en/' });
      if (response.statusCode === 503) break;
    }
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('10');
    expect(response.body).toContain('Temporarily unavailable');
  });
});
