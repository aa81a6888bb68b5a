import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import type { RequestLog } from './browser.js';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** axe violations as readable text: rule, impact, help, then each element with its selector and HTML. */
export function formatViolations(violations: AxeResults['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary ?? '').replace(/\n\s*/g, ' | ');
          return `    - ${n.target.join(' ')}\n      ${n.html.replace(/\s+/g, ' ').slice(0, 300)}\n      ${summary}`;
        })
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** axe's rule for WCAG 2.5.3 Label in Name (level A) is marked experimental: switched on explicitly. */
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } };

export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ rules: EXTRA_RULES }).analyze();
  return results.violations;
}

export interface FocusStyle {
  tag: string;
  text: string;
  outlineStyle: string;
  outlineWidth: string;
  boxShadow: string;
  visible: boolean;
}

/** The computed focus indicator of the focused element (null when nothing but <body> has focus). */
export async function focusedStyle(page: Page): Promise<FocusStyle | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const visible =
      rect.width > 0 &&
      rect.height > 0 &&
      rect.bottom > 0 &&
      rect.right > 0 &&
      rect.top < window.innerHeight &&
      rect.left < window.innerWidth &&
      style.visibility !== 'hidden';
    return {
      tag: el.tagName.toLowerCase() + (el.id ? `#${el.id}` : ''),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      boxShadow: style.boxShadow,
      visible,
    };
  });
}

/** True when the focused element shows an outline (style not none, width > 0) or a box-shadow. */
export function hasFocusIndicator(style: FocusStyle): boolean {
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  return outline || shadow;
}

/** Throws unless the focused element is on screen and has a visible focus indicator. */
export async function expectFocusVisible(page: Page, where: string) {
  let style = await focusedStyle(page);
  // KERN scrolls smoothly (html { scroll-behavior: smooth }): give the scroll to the focused element a moment.
  for (let i = 0; i < 20 && style && !style.visible; i++) {
    await page.waitForTimeout(50);
    style = await focusedStyle(page);
  }
  if (!style) throw new Error(`${where}: nothing has focus`);
  if (!hasFocusIndicator(style) || !style.visible) {
    throw new Error(`${where}: focus not visible on <${style.tag}> "${style.text}" (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}, on screen: ${style.visible})`);
  }
  return style;
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

export interface AuditOptions {
  lang: 'de' | 'en';
  requests: RequestLog;
  /** Expected HTTP status of the document (default 200). */
  status?: number;
  /** Skip the navigation: audit the page as it is now (e.g. after submitting a form). */
  alreadyLoaded?: boolean;
}

/**
 * The checks every page must pass: zero axe violations (WCAG 2.1 A/AA), the right <html lang>,
 * exactly one h1, a working skip link to #inhalt, requests only to the own origin, no console
 * errors (e.g. CSP violations). Collects every problem and throws them together.
 */
export async function auditPage(page: Page, url: string, options: AuditOptions): Promise<void> {
  const problems: string[] = [];
  const consoleErrors: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    // A 404 page logs its own status as "Failed to load resource"; failed sub-resources are checked below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
  };
  page.on('console', onConsole);
  try {
    if (!options.alreadyLoaded) {
      options.requests.clear();
      const response = await page.goto(url, { waitUntil: 'load' });
      const status = response?.status();
      if (status !== (options.status ?? 200)) problems.push(`status ${status}, expected ${options.status ?? 200}`);
    }
    await page.waitForLoadState('load');

    const violations = await axeViolations(page);
    if (violations.length > 0) problems.push(`axe found ${violations.length} violation(s):\n${formatViolations(violations)}`);

    const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
    if (lang !== options.lang) problems.push(`<html lang="${lang}">, expected "${options.lang}"`);

    const h1s = await page.locator('h1').allInnerTexts();
    if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements, expected exactly one: ${JSON.stringify(h1s)}`);

    const title = await page.title();
    if (!title.trim()) problems.push('empty <title>');

    problems.push(...(await checkLanguageSwitch(page, options)));
    problems.push(...(await checkSkipLink(page)));

    const foreign = options.requests.foreign();
    if (foreign.length > 0) problems.push(`requests to other origins than ${options.requests.origin}:\n    ${foreign.join('\n    ')}`);
    if (options.requests.failed.length > 0) problems.push(`failed requests:\n    ${options.requests.failed.join('\n    ')}`);
    if (consoleErrors.length > 0) problems.push(`console errors:\n    ${consoleErrors.join('\n    ')}`);
  } finally {
    page.off('console', onConsole);
  }
  if (problems.length > 0) throw new Error(`${url} (${options.lang}):\n- ${problems.join('\n- ')}`);
}

/** The language switch links to the same page in the other language, and that page exists (same status). */
async function checkLanguageSwitch(page: Page, options: AuditOptions): Promise<string[]> {
  const other = options.lang === 'de' ? 'en' : 'de';
  const link = page.locator(`header a[hreflang="${other}"]`);
  if ((await link.count()) !== 1) return [`expected one language switch link (a[hreflang="${other}"]) in the header, found ${await link.count()}`];
  const href = await link.getAttribute('href');
  if (!href) return ['the language switch has no href'];
  const target = new URL(href, page.url());
  const here = new URL(page.url());
  const strip = (p: string) => (p === '/en' || p === '/en/' ? '/' : p.replace(/^\/en\//, '/'));
  const problems: string[] = [];
  if (strip(target.pathname) !== strip(here.pathname)) problems.push(`the language switch leads to ${target.pathname}, not to this page (${here.pathname}) in ${other}`);
  if (!options.alreadyLoaded) {
    const response = await page.request.get(target.toString(), { maxRedirects: 0 });
    const expected = options.status ?? 200;
    if (response.status() !== expected) problems.push(`the language switch target ${target.pathname} answers ${response.status()}, expected ${expected}`);
  }
  return problems;
}

/**
 * The skip link is the first focusable element, points to #inhalt (the <main>), shows up with a
 * visible focus indicator when focused from the keyboard, and Enter moves focus into the main content.
 */
async function checkSkipLink(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const first = await page.evaluate(() => {
    const focusable = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])')).filter(
      (el) => !(el as HTMLButtonElement).disabled,
    );
    const el = focusable[0];
    return el ? { tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: el.textContent?.trim() ?? '' } : null;
  });
  if (!first || first.tag !== 'a' || first.href !== '#inhalt') {
    problems.push(`first focusable element is not a skip link to #inhalt: ${JSON.stringify(first)}`);
    return problems;
  }
  const target = await page.evaluate(() => {
    const el = document.getElementById('inhalt');
    return el ? { tag: el.tagName.toLowerCase(), tabIndex: el.tabIndex } : null;
  });
  if (!target) return [...problems, 'no element with id="inhalt"'];
  if (target.tag !== 'main') problems.push(`#inhalt is <${target.tag}>, expected <main>`);

  const skip = page.locator('a[href="#inhalt"]').first();
  // From a fresh load the first Tab reaches the skip link; pages whose script moved focus
  // (a form's error summary) are focused onto it directly.
  const bodyFocused = await page.evaluate(() => document.activeElement === document.body || document.activeElement === null);
  if (bodyFocused) {
    await page.keyboard.press('Tab');
    if (!(await isFocused(skip))) problems.push(`first Tab did not focus the skip link (focused: ${JSON.stringify(await focusedStyle(page))})`);
  }
  if (!(await isFocused(skip))) await skip.focus();
  const style = await focusedStyle(page);
  if (!style || !style.visible) problems.push(`the focused skip link is not on screen: ${JSON.stringify(style)}`);
  else if (!hasFocusIndicator(style)) problems.push(`the focused skip link has no focus indicator: ${JSON.stringify(style)}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#inhalt', undefined, { timeout: 3000 }).catch(() => problems.push('Enter on the skip link did not go to #inhalt'));
  const inMain = await page.evaluate(() => {
    const main = document.getElementById('inhalt');
    return !!main && !!document.activeElement && main.contains(document.activeElement);
  });
  if (!inMain) problems.push('after the skip link, focus is not in #inhalt');
  else {
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const main = document.getElementById('inhalt');
      const active = document.activeElement;
      const hasFocusable = !!main?.querySelector('a[href], button, input:not([type=hidden]), select, textarea');
      return { hasFocusable, inMain: !!main && !!active && main.contains(active) && active !== main };
    });
    if (next.hasFocusable && !next.inMain) problems.push('Tab after the skip link does not continue inside the main content');
  }
  return problems;
}
