import type { Locator, Page } from 'playwright-core';
import { expectFocusVisible, isFocused, type FocusStyle } from './audit.js';

/**
 * Keyboard-only driving: Tab / Shift+Tab until the target has focus, checking on every stop that
 * the focused element is on screen and shows a focus indicator (outline or box-shadow). No clicks,
 * no element.focus().
 */
export class Keyboard {
  /** Every focus stop so far, for the report. */
  readonly stops: FocusStyle[] = [];
  constructor(private readonly page: Page) {}

  async tabTo(target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
    const key = options.backwards ? 'Shift+Tab' : 'Tab';
    const max = options.max ?? 80;
    const path: string[] = [];
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press(key);
      const style = await expectFocusVisible(this.page, `after ${key} #${i + 1} on ${new URL(this.page.url()).pathname}`);
      this.stops.push(style);
      path.push(`<${style.tag}> ${style.text}`);
      if (await isFocused(target)) return;
    }
    throw new Error(`${key} ×${max} did not reach ${target} on ${this.page.url()}; focus went through:\n  ${path.join('\n  ')}`);
  }

  async type(text: string) {
    await this.page.keyboard.type(text);
  }

  /** Presses a key that loads a new page (Enter on a link, Enter/Space on a submit button) and waits for it. */
  async pressAndWait(key: 'Enter' | 'Space') {
    const loaded = this.page.waitForEvent('load', { timeout: 30_000 });
    await this.page.keyboard.press(key);
    await loaded;
  }
}
