import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../../../test/e2e/support/audit.js';
import { launchBrowser, newTestContext } from '../../../test/e2e/support/browser.js';
import { createTestApp, submitForm, type TestApp } from '../../../test/support/test-app.js';
import { formValues, page } from '../../platform/http/routes.js';
import { Button, Form } from '../../platform/layout/components.js';
import { resolvePlaceField, resolvePlaceInput, type Place } from './service.js';
import { PlaceField, placeFieldError } from './views/place-field.js';

/**
 * How a form uses the PlaceField (the profile form does the same); it exists only in this test.
 * GET shows the empty field; POST resolves it and either names the place or shows the field again
 * with the error and, when ambiguous, the candidates.
 */
function demoForm(app: FastifyInstance) {
  const form = (csrf: string, props: { value?: string; error?: string; candidates?: Place[] }) => (
    <>
      <h1 class="kern-heading-large">Ort</h1>
      <Form action="/test/ort" csrf={csrf}>
        <PlaceField name="place" label="Ort" value={props.value ?? ''} error={props.error} candidates={props.candidates} required locale="de" />
        <Button>Prüfen</Button>
      </Form>
    </>
  );
  page(app, { path: '/test/ort', access: 'public', handler: async (request, reply) => reply.page('Ort', form(request.csrfToken(), {})) });
  page(app, {
    method: 'POST',
    path: '/test/ort',
    access: 'public',
    handler: async (request, reply) => {
      const values = formValues(request);
      const resolution = await resolvePlaceField(request.ctx, { text: values.place, id: values.placeId });
      if (resolution.kind === 'found') return reply.page('Ort', <h1>{`Gewählt: ${resolution.place.name} (${resolution.place.id})`}</h1>);
      const candidates = resolution.kind === 'ambiguous' ? resolution.candidates : undefined;
      return reply.code(422).page('Ort', form(request.csrfToken(), { value: values.place, error: placeFieldError(resolution, 'de'), candidates }));
    },
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ beforeReady: demoForm });
});
afterAll(async () => t?.close());

const neustadt = async () => {
  const resolution = await resolvePlaceInput(t.ctx(), 'Neustadt');
  return resolution.kind === 'ambiguous' ? resolution.candidates : [];
};

describe('PlaceField without JavaScript', () => {
  it('is a labelled text input with hint and error tied by aria-describedby, enhanced by our own script', () => {
    const html = renderToString(<PlaceField name="place" label="Ort" value={'Mann"heim<'} error="Bitte wählen" locale="de" />);
    expect(html).toContain('<label class="kern-label" for="feld-place">Ort</label>');
    expect(html).toContain('<div class="kern-hint" id="feld-place-hinweis">Ort oder Postleitzahl</div>');
    expect(html).toContain('id="feld-place-fehler"');
    expect(html).toContain('aria-describedby="feld-place-hinweis feld-place-fehler"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="Mann&quot;heim&lt;"');
    expect(html).toMatch(/<script src="\/assets\/place-field\.[0-9a-f]{10}\.js" defer><\/script>/);
    expect(html).not.toContain('name="placeId"');
    expect(html).not.toContain('role="combobox"');
  });

  it('carries a chosen place as a hidden id', () => {
    const html = renderToString(<PlaceField name="place" label="Ort" value="Mannheim" placeId={2873891} locale="en" />);
    expect(html).toContain('<input type="hidden" name="placeId" value="2873891"/>');
    expect(html).toContain('Place or postcode');
    expect(html).toContain('data-suggest-url="/en/orte/vorschlaege"');
  });

  it('offers ambiguous candidates as radio buttons with district and state', async () => {
    const candidates = await neustadt();
    const chosen = candidates[1]!;
    const html = renderToString(<PlaceField name="place" label="Ort" value="Neustadt" placeId={chosen.id} candidates={candidates} locale="de" />);
    expect(html).toContain('<legend class="kern-label">Meinten Sie …?</legend>');
    expect(html.match(/type="radio"/g)).toHaveLength(candidates.length);
    expect(html.match(/name="placeId"/g)).toHaveLength(candidates.length);
    expect(html).toContain(`value="${chosen.id}" checked`);
    expect(html).toContain('Neustadt – Landkreis Eichsfeld, Thüringen (698 Einwohner)');
    expect(html).toContain('Neustadt – Hamburg (12.689 Einwohner)');
    expect(html).not.toContain('type="hidden" name="placeId"');
  });

  it('works as a plain form: ambiguous text → candidates → the chosen place', async () => {
    const thuringian = (await neustadt()).find((p) => p.name === 'Neustadt' && p.stateCode === 'TH')!;
    const first = await submitForm(t.app, { page: '/test/ort', fields: { place: 'Neustadt' } });
    expect(first.statusCode).toBe(422);
    expect(first.body).toContain('Mehrere Orte heißen so.');
    expect(first.body).toContain(`value="${thuringian.id}"`);
    const chosen = await submitForm(t.app, { page: '/test/ort', fields: { place: 'Neustadt', placeId: String(thuringian.id) } });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.body).toContain(`Gewählt: Neustadt (${thuringian.id})`);
    const unknown = await submitForm(t.app, { page: '/test/ort', fields: { place: 'Qxzqxzqxz' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Diesen Ort kennen wir nicht.');
    expect(unknown.body).toContain('value="Qxzqxzqxz"');
  });

  it('serves its script from our own assets', async () => {
    const html = renderToString(<PlaceField name="place" label="Ort" value="" locale="de" />);
    const script = await t.app.inject({ url: /src="([^"]+)"/.exec(html)![1]! });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain("setAttribute('role', 'combobox')");
  });
});

describe('PlaceField in a browser', () => {
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('is a combobox: suggestions as you type, chosen by keyboard, announced, without axe violations', async () => {
    const { context, page, requests } = await newTestContext(browser, origin);
    try {
      await page.goto(`${origin}/test/ort`);
      const input = page.getByRole('combobox', { name: 'Ort' });
      await expect.poll(() => input.getAttribute('aria-expanded')).toBe('false');
      await input.pressSequentially('Neust', { delay: 30 });
      const listbox = page.getByRole('listbox', { name: 'Vorschläge' });
      await listbox.waitFor();
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      expect(await page.getByRole('status').textContent()).toMatch(/^8 Vorschläge\./);
      expect(formatViolations(await axeViolations(page))).toBe('');

      await input.press('ArrowDown');
      await input.press('ArrowDown');
      const second = page.getByRole('option').nth(1);
      expect(await input.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
      expect(await second.getAttribute('aria-selected')).toBe('true');
      const [name, id] = [await second.getAttribute('data-value'), await second.getAttribute('data-id')];
      await input.press('Enter');
      await listbox.waitFor({ state: 'hidden' });
      expect(await input.inputValue()).toBe(name);
      expect(await page.locator('input[type="hidden"][name="placeId"]').inputValue()).toBe(id);
      expect(page.url()).toBe(`${origin}/test/ort`);

      await page.getByRole('button', { name: 'Prüfen' }).click();
      await page.getByRole('heading', { name: `Gewählt: ${name} (${id})` }).waitFor();
      expect(requests.foreign()).toEqual([]);
      expect(requests.failed).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('forgets the chosen id when the text changes, and closes with Escape', async () => {
    const { context, page } = await newTestContext(browser, origin);
    try {
      await page.goto(`${origin}/test/ort`);
      const input = page.getByRole('combobox', { name: 'Ort' });
      await input.pressSequentially('Mannh', { delay: 30 });
      await page.getByRole('option', { name: /Mannheim/ }).click();
      expect(await input.inputValue()).toBe('Mannheim');
      await input.pressSequentially('x');
      expect(await page.locator('input[type="hidden"][name="placeId"]').isDisabled()).toBe(true);
      await input.fill('Neustadt');
      await input.press('Backspace');
      await page.getByRole('listbox').waitFor();
      await input.press('Escape');
      await page.getByRole('listbox').waitFor({ state: 'hidden' });
      expect(await input.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await context.close();
    }
  });
});
