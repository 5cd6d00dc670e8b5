import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api-client/index.js';
import { pipedriveProject, signIn, type WebStack, useWebStack } from './harness.js';

// The settings tab in chromium against a real `serve` and the Pipedrive emulator: the stop-list
// shown as the service stores it, pipeline rules reordered by keyboard and by drag, a field-map
// conflict refused on the spot, the general settings' API problem shown at its field.

let stack: WebStack;
let page: Page;
const api = () => createApiClient({ baseUrl: stack.base, key: stack.adminKey });
const acme = { params: { path: { project: 'acme' } } };

useWebStack(async (started) => {
  stack = started;
  await pipedriveProject(stack, 'acme');
  await api().PUT('/v1/projects/{project}/pipeline-rules', {
    ...acme,
    body: [
      { pipeline: 'Ads', param: 'pool', value: 'Context' },
      { pipeline: 'Sales', param: 'utm_source', value: 'google' },
      { pipeline: 'Partners', param: 'utm_medium', value: 'referral' },
    ],
  });
  page = await stack.newPage(1280, 860);
  await signIn(page, stack.adminKey);
  await page.locator('tr[data-project="acme"]').waitFor();
});

const open = async (section: string, heading = 'Settings') => {
  await page.goto(`${stack.base}/#/projects/acme/settings/${section}`);
  await page.getByRole('heading', { name: heading }).waitFor();
};
const pipelineOrder = async () => {
  const inputs = await page.locator('.rule input[id$="-pipeline"]').all();
  return Promise.all(inputs.map((input) => input.inputValue()));
};

describe('the settings tab', () => {
  it('stop-list: a number typed in any format is shown as the service stores it, once', async () => {
    await open('stop-list');
    await page.getByLabel('Number to add').fill('044 111 00 00');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const entries = page.getByRole('list', { name: 'Numbers on the stop-list' }).locator('code');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await entries.allTextContents()).toEqual(['+380441110000']);
    await page.getByLabel('Number to add').fill('+38 (044) 111-00-00');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('Number to add').fill('700');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await entries.nth(1).waitFor();
    expect(await entries.allTextContents()).toEqual(['+380441110000', '700']);
    const stored = await api().GET('/v1/projects/{project}/stop-list', acme);
    expect(stored.data).toEqual(['+380441110000', '700']);
    await stack.screenshot(page, 'settings-stop-list');
  });

  it('pipeline rules: Move down from the keyboard and a drag reorder them; Save keeps the order', async () => {
    await open('pipeline-rules');
    await page.locator('.rule').nth(2).waitFor();
    expect(await pipelineOrder()).toEqual(['Ads', 'Sales', 'Partners']);
    await page.getByRole('button', { name: 'Move down: Rule 1' }).focus();
    await page.keyboard.press('Enter');
    expect(await pipelineOrder()).toEqual(['Sales', 'Ads', 'Partners']);
    // The keyboard stays on the moved rule: Enter again moves it once more.
    await page.keyboard.press('Enter');
    expect(await pipelineOrder()).toEqual(['Sales', 'Partners', 'Ads']);
    expect(await page.getByRole('status').textContent()).toBe('Rule moved to position 3');
    await page.locator('.rule').nth(2).locator('.handle').dragTo(page.locator('.rule').nth(0));
    expect(await pipelineOrder()).toEqual(['Ads', 'Sales', 'Partners']);
    await page.getByRole('button', { name: 'Move up: Rule 3' }).click();
    expect(await pipelineOrder()).toEqual(['Ads', 'Partners', 'Sales']);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    const stored = await api().GET('/v1/projects/{project}/pipeline-rules', acme);
    expect(stored.data?.map((rule) => rule.pipeline)).toEqual(['Ads', 'Partners', 'Sales']);
    await stack.screenshot(page, 'settings-pipeline-rules');
  });

  it("field mapping: fields from the CRM's own list; a field another parameter takes is refused", async () => {
    await open('field-map');
    const source = page.getByLabel('utm_source', { exact: true });
    await source.waitFor();
    const fields = await source.locator('option').allTextContents();
    expect(fields).toContain('UTM source');
    await source.selectOption({ label: 'UTM source' });
    const pool = page.getByLabel('pool', { exact: true });
    expect(await pool.locator('option', { hasText: 'takes utm_source' }).count()).toBe(1);
    await pool.selectOption({ label: 'UTM source (takes utm_source)' });
    await page
      .getByRole('alert')
      .filter({ hasText: 'UTM source already takes utm_source: one field, one parameter' })
      .waitFor();
    expect(await pool.inputValue()).toBe('');
    await stack.screenshot(page, 'settings-field-map');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    const stored = await api().GET('/v1/projects/{project}/field-map', acme);
    expect(Object.keys(stored.data?.deal ?? {})).toEqual(['utm_source']);
  });

  it("general: the API's refusal is shown at the field it names, then a valid change is saved", async () => {
    await open('general');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save' }).click();
    const problem = page.locator('.field-error', { hasText: 'unknown time zone "Mars/Olympus"' });
    await problem.waitFor();
    // Shown beside the time zone field, not somewhere else.
    const timezoneField = page.locator('form.general > div', { has: page.locator('#g-timezone') });
    expect(await timezoneField.locator('.field-error').textContent()).toContain('Mars/Olympus');
    await page.getByLabel('Time zone').fill('Europe/Warsaw');
    await page.getByLabel('Language of the texts written into the CRM').selectOption('pl');
    await page.getByLabel('Resend window (days)').fill('7');
    await page.getByLabel("The CRM's default").uncheck();
    await page.getByRole('button', { name: 'Move up: contacts' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const stored = await api().GET('/v1/projects/{project}', acme);
    expect(stored.data?.project).toMatchObject({
      timezone: 'Europe/Warsaw',
      language: 'pl',
      resendWindowDays: 7,
      routingPriority: ['deals', 'contacts', 'leads'],
    });
    await stack.screenshot(page, 'settings-general');
  });
});
