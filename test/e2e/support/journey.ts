import type { Locator } from 'playwright-core';
import { auditPage } from './audit.js';
import type { TestContext } from './browser.js';
import type { RunningServer } from './server.js';

/** The path and query of a German page in English. */
export const english = (url: string) => {
  const u = new URL(url);
  return `/en${u.pathname}${u.search}`;
};

/** Steps a journey takes on its server (known once beforeAll started it). */
export function journeySteps(server: () => RunningServer) {
  /** Navigates (clearing the request log first, so the audit sees only this page's requests). */
  async function goto(tc: TestContext, pathOrUrl: string) {
    tc.requests.clear();
    const response = await tc.page.goto(pathOrUrl.startsWith('http') ? pathOrUrl : server().url(pathOrUrl));
    return response?.status();
  }

  /**
   * Audits the page as it is now (German), then its English twin by address; returns to the German
   * page when `back` (for steps that go on there).
   */
  async function audit(tc: TestContext, options: { back?: boolean } = {}) {
    const here = tc.page.url().replace(/#.*$/, '');
    await auditPage(tc.page, here, { lang: 'de', requests: tc.requests, alreadyLoaded: true });
    await auditPage(tc.page, server().url(english(here)), { lang: 'en', requests: tc.requests });
    if (options.back) await goto(tc, here);
  }

  /** Clicks something that loads a new page and waits for it. */
  async function clickAndLoad(tc: TestContext, target: Locator) {
    tc.requests.clear();
    await Promise.all([tc.page.waitForEvent('load'), target.click()]);
  }

  return { goto, audit, clickAndLoad };
}
