import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api-client/index.js';
import { pipedriveProject, signIn, type WebStack, useWebStack } from './harness.js';

// The matrix grid in chromium against a real `serve` and the Pipedrive emulator: untick and tick
// a cell and see "what would happen" change before saving; the API's validation shown at the cell.

let stack: WebStack;
let page: Page;

useWebStack(async (started) => {
  stack = started;
  await pipedriveProject(stack, 'acme');
  page = await stack.newPage(1440, 900);
  await signIn(page, stack.adminKey);
  await page.locator('tr[data-project="acme"]').waitFor();
  await page.goto(`${stack.base}/#/projects/acme/matrix`);
  await page.getByRole('heading', { name: 'Integration matrix' }).waitFor();
});

const cell = (condition: string, action: string) =>
  page.getByRole('checkbox', { name: `${condition}: ${action}`, exact: true });

describe('the matrix grid', () => {
  it("shows the CRM's default pre-ticked, grouped as incoming, outgoing, forms, messengers", async () => {
    expect(await cell('Missed', 'Deal').isChecked()).toBe(true);
    expect(await cell('Missed', 'Lead').isChecked()).toBe(false);
    const groups = await page.locator('table.matrix tr.group th').allTextContents();
    expect(groups).toEqual(['Incoming calls', 'Outgoing calls', 'Website forms', 'Messengers']);
    expect(await page.getByText('No unsaved changes').isVisible()).toBe(true);
  });

  it('unticks a cell and "what would happen" shows the deal no longer made, before saving; ticking it back, the same as saved', async () => {
    await cell('Missed', 'Deal').click();
    expect(await page.locator('.changes').textContent()).toContain('Missed · Deal: unticked');
    await page.getByLabel('Situation', { exact: true }).selectOption('incoming_missed');
    await page.getByRole('button', { name: 'Try it' }).click();
    const result = page.locator('.what-if-result');
    await result.waitFor();
    expect(await result.locator('.diff .removed').allTextContents()).toEqual([
      expect.stringContaining('create_deal (deals)'),
    ]);
    expect(await result.locator('.trace .conditions').allTextContents()).toContain('Missed');
    await stack.screenshot(page, 'matrix-what-would-happen');

    await cell('Missed', 'Deal').click();
    await page.getByRole('button', { name: 'Try it' }).click();
    await expect.poll(() => result.textContent()).toContain('Same as the saved matrix');
    expect(await page.getByText('No unsaved changes').isVisible()).toBe(true);
  });

  it('moves between cells with the arrow keys and ticks with Space', async () => {
    await cell('Missed', 'Lead').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Lead → Lead if no contact → Deal: Space unticks the deal.
    await page.keyboard.press('Space');
    expect(await cell('Missed', 'Deal').isChecked()).toBe(false);
    await page.keyboard.press('Space');
    expect(await cell('Missed', 'Deal').isChecked()).toBe(true);
  });

  it("shows the API's refusal at the cell it names, and saves a valid change", async () => {
    await page.getByRole('button', { name: 'Options of Missed: Task: responsible' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Created done').check();
    await dialog.getByLabel('Due in hours').fill('2');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('td.invalid').getAttribute('title'))
      .toContain('dueHours needs done: false');
    await stack.screenshot(page, 'matrix-invalid');

    await page.getByRole('button', { name: 'Options of Missed: Task: responsible' }).click();
    await page.getByRole('dialog').getByLabel('Created done').uncheck();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.changes').textContent()).toContain('Saved');
    const api = createApiClient({ baseUrl: stack.base, key: stack.adminKey });
    const { data } = await api.GET('/v1/projects/{project}/matrix', {
      params: { path: { project: 'acme' } },
    });
    expect(data?.['incoming.missed']).toContainEqual(
      expect.objectContaining({ action: 'task_responsible', done: false, dueHours: 2 }),
    );
  });
});
