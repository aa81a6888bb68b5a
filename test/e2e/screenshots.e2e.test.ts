import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newTestContext } from './support/browser.js';
import { resultsDir, startServer, type RunningServer } from './support/server.js';

/**
 * Screenshots of the German start page on a desktop and a 390 px phone (test-results/, for a
 * human to look at), plus the layout checks a picture would show: nothing wider than the
 * viewport, no text cut off in the header, no request to another origin.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ name: 'screenshots' });
  browser = await launchBrowser();
  fs.mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false, deviceScaleFactor: 1 },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 },
];

describe('start page screenshots', () => {
  for (const { name, ...options } of viewports) {
    it(`${name} (${options.viewport.width} px)`, async () => {
      const { context, page, requests } = await newTestContext(browser, server.origin, { ...options, hasTouch: options.isMobile });
      try {
        await page.goto(server.url('/'));
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(resultsDir, `start-de-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(fs.statSync(file).size).toBeGreaterThan(10_000);

        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
            .filter((el) => {
              const rect = el.getBoundingClientRect();
              return rect.width > 0 && (rect.right > width + 1 || rect.left < -1) && getComputedStyle(el).position !== 'absolute';
            })
            .filter((el) => !el.closest('.qn-table-wrap, .qn-code'))
            .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} (${Math.round(el.getBoundingClientRect().left)}–${Math.round(el.getBoundingClientRect().right)})`);
          return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10) };
        });
        expect(overflow.wide, `elements wider than the ${overflow.width} px viewport`).toEqual([]);
        expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
        expect(requests.foreign()).toEqual([]);
        expect(requests.failed).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
