import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api-client/index.js';
import { pipedriveProject, signIn, type WebStack, useWebStack } from './harness.js';

// The settings added for issue 13 in chromium against a real `serve` and the Pipedrive emulator:
// working hours (a day off saved and shown after a reload, an invalid interval refused at the
// interval it names, cleared back to "every hour"), the messengers' field map, the default
// country and the analytics destination.

let stack: WebStack;
let page: Page;
const api = () => createApiClient({ baseUrl: stack.base, key: stack.adminKey });
const acme = { params: { path: { project: 'acme' } } };

useWebStack(async (started) => {
  stack = started;
  await pipedriveProject(stack, 'acme');
  page = await stack.newPage(1280, 860);
  await signIn(page, stack.adminKey);
  await page.locator('tr[data-project="acme"]').waitFor();
});

const open = async (section: string) => {
  await page.goto(`${stack.base}/#/projects/acme/settings/${section}`);
  await page.reload();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
};

describe('working hours', () => {
  it('a weekly schedule and a day off are saved, and shown after a reload', async () => {
    await open('working-hours');
    await page.getByText('No working hours: due times count every hour.').waitFor();
    await page.getByRole('button', { name: 'Set working hours' }).click();
    // Friday ends earlier; Saturday gets a morning; Monday gets a second interval.
    await page.getByLabel('Friday 1: to').fill('17:00');
    await page.getByRole('button', { name: 'Add hours: Saturday' }).click();
    await page.getByLabel('Saturday 1: to').fill('13:00');
    await page.getByLabel('Date').fill('2026-12-25');
    await page.getByRole('button', { name: 'Add day off' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const stored = await api().GET('/v1/projects/{project}/working-hours', acme);
    expect(stored.data?.week.fri).toEqual([{ from: '09:00', to: '17:00' }]);
    expect(stored.data?.week.sat).toEqual([{ from: '09:00', to: '13:00' }]);
    expect(stored.data?.week.sun).toBeUndefined();
    expect(stored.data?.daysOff).toEqual(['2026-12-25']);

    await open('working-hours');
    const daysOff = page.getByRole('list', { name: 'Days off' });
    await daysOff.waitFor();
    expect(await daysOff.locator('time').allTextContents()).toEqual(['Friday, December 25, 2026']);
    expect(await page.getByLabel('Saturday 1: to').inputValue()).toBe('13:00');
    expect(await page.locator('li[data-day="sun"]').textContent()).toContain('closed');
    await page.getByText('Europe/Kyiv').first().waitFor();
    await stack.screenshot(page, 'settings-working-hours');
  });

  it('an interval that ends before it starts is refused next to it, and nothing is stored', async () => {
    await open('working-hours');
    await page.getByLabel('Tuesday 1: from').fill('18:00');
    await page.getByLabel('Tuesday 1: to').fill('09:00');
    await page.getByRole('button', { name: 'Save' }).click();
    const tuesday = page.getByRole('group', { name: 'Tuesday 1' });
    await tuesday.locator('.field-error').waitFor();
    expect(await tuesday.locator('.field-error').textContent()).toBe(
      '"from" (18:00) must be before "to" (09:00)',
    );
    // Only Tuesday's interval carries it.
    expect(await page.locator('.interval .field-error').count()).toBe(1);
    await page.getByRole('alert').filter({ hasText: 'week.tue[0]' }).waitFor();
    await stack.screenshot(page, 'settings-working-hours-refused');
    const stored = await api().GET('/v1/projects/{project}/working-hours', acme);
    expect(stored.data?.week.tue).toEqual([{ from: '09:00', to: '18:00' }]);

    await page.getByLabel('Tuesday 1: from').fill('10:00');
    await page.getByLabel('Tuesday 1: to').fill('9:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await tuesday.locator('.field-error', { hasText: 'expected a time of day' }).waitFor();
  });

  it('"Count every hour" clears them', async () => {
    await open('working-hours');
    await page.getByRole('button', { name: 'Count every hour' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByText('No working hours: due times count every hour.').waitFor();
    const stored = await api().GET('/v1/projects/{project}/working-hours', acme);
    expect(stored.data).toBeNull();
  });
});

describe('the other new settings', () => {
  it("messenger field mapping: its own map, picked from the CRM's fields, one field one parameter", async () => {
    await open('messenger-field-map');
    const takeCalls = page.getByLabel('Messenger dialogs take the field mapping of calls');
    expect(await takeCalls.isChecked()).toBe(true);
    await takeCalls.uncheck();
    await page.getByLabel('Record', { exact: true }).selectOption('deal');
    const source = page.getByLabel('source', { exact: true });
    await source.waitFor();
    await source.selectOption({ label: 'UTM source' });
    const name = page.getByLabel('client_name', { exact: true });
    await name.selectOption({ label: 'UTM source (takes source)' });
    await page
      .getByRole('alert')
      .filter({ hasText: 'UTM source already takes source: one field, one parameter' })
      .waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await stack.screenshot(page, 'settings-messenger-field-map');
    const stored = await api().GET('/v1/projects/{project}', acme);
    const utmSource = await source.inputValue();
    expect(stored.data?.project?.messengerFieldMap).toEqual({ deal: { source: utmSource } });
    // The calls' map is untouched.
    expect((await api().GET('/v1/projects/{project}/field-map', acme)).data).toEqual({});

    await open('messenger-field-map');
    expect(
      await page.getByLabel('Messenger dialogs take the field mapping of calls').isChecked(),
    ).toBe(false);
  });

  it('general: the default country and the analytics destination, saved and shown after a reload', async () => {
    await open('general');
    const country = page.getByLabel('Default country (reads local phone numbers)');
    expect(await country.inputValue()).toBe('UA');
    expect(await page.locator('#g-country-name').textContent()).toBe('Ukraine');
    await country.fill('QQ');
    await page.getByRole('button', { name: 'Save' }).click();
    const countryField = page.locator('form.general > div', { has: page.locator('#g-country') });
    await countryField.locator('.field-error', { hasText: '"QQ"' }).waitFor();
    await country.fill('pl');
    expect(await page.locator('#g-country-name').textContent()).toBe('Poland');
    await page.getByLabel('AI call analytics go to').selectOption('call');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const stored = await api().GET('/v1/projects/{project}', acme);
    expect(stored.data?.project).toMatchObject({
      defaultCountry: 'PL',
      analyticsDestination: 'call',
    });
    await open('general');
    expect(await page.getByLabel('Default country (reads local phone numbers)').inputValue()).toBe(
      'PL',
    );
    expect(await page.getByLabel('AI call analytics go to').inputValue()).toBe('call');
    await stack.screenshot(page, 'settings-general-country');
  });
});
