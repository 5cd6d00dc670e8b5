import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  pipedriveProject,
  signedInPage,
  postEvents,
  type WebStack,
  useWebStack,
} from './harness.js';

// Every page at a phone's width (390 × 844, issue 13 item 12) in chromium against a real `serve`
// and the Pipedrive emulator: nothing makes the page scroll sideways (a wide table scrolls in its
// own box), the matrix's column names are whole words, and a screenshot of each for the docs.

let stack: WebStack;
let page: Page;
const WIDTH = 390;

useWebStack(async (started) => {
  stack = started;
  await pipedriveProject(stack, 'acme');
  const at = Date.now() - 60_000;
  const response = await postEvents(stack, 'acme', [
    {
      eventId: 'phone-1',
      type: 'call.started',
      at: new Date(at).toISOString(),
      callId: 'phone',
      direction: 'incoming',
      from: '+380501234567',
      to: '+380440000000',
    },
    {
      eventId: 'phone-2',
      type: 'call.ended',
      at: new Date(at + 30_000).toISOString(),
      callId: 'phone',
      disposition: 'missed',
      durationSec: 30,
    },
  ]);
  expect(response.status).toBe(202);
  page = await signedInPage(stack, 'acme', WIDTH, 844);
});

/** How far the page itself is wider than the screen (0: it is not). */
const sidewaysOverflow = () =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

describe("every page at a phone's width", () => {
  it('projects list', async () => {
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
    expect(await sidewaysOverflow()).toBe(0);
    await stack.screenshot(page, 'phone-projects');
  });

  it('matrix: whole column names, the grid scrolling in its own box', async () => {
    await page.goto(`${stack.base}/#/projects/acme/matrix`);
    await page.getByRole('heading', { name: 'Matrix' }).waitFor();
    await page.locator('table.matrix tbody tr').first().waitFor();
    expect(await sidewaysOverflow()).toBe(0);
    // A column name broken inside a word or over lines would make its box deeper than that of
    // "Lead", which is one short word on one line.
    const labels = page.locator('table.matrix thead .col-label');
    expect(await labels.allTextContents()).toContain('Lead if no contact');
    const across = async (index: number) => {
      const box = await labels.nth(index).boundingBox();
      return box ? Math.min(box.width, box.height) : Infinity;
    };
    const names = await labels.allTextContents();
    const oneLine = await across(names.indexOf('Lead'));
    expect(oneLine).toBeGreaterThan(5);
    for (let index = 0; index < names.length; index++)
      expect(await across(index), names[index]).toBeLessThanOrEqual(oneLine + 1);
    // The full name is the column's tooltip and the cells' accessible names.
    expect(await page.locator('table.matrix thead th[title="Task: responsible"]').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Missed: Task: responsible' }).waitFor();
    await stack.screenshot(page, 'phone-matrix');
  });

  it('journal, with a trace open', async () => {
    await page.goto(`${stack.base}/#/projects/acme/journal`);
    await page.getByRole('heading', { name: 'Journal' }).waitFor();
    const row = page.locator('table.journal tbody tr').first();
    await row.waitFor();
    expect(await sidewaysOverflow()).toBe(0);
    await row.getByRole('button').first().click();
    await page.locator('.trace').first().waitFor();
    expect(await sidewaysOverflow()).toBe(0);
    await stack.screenshot(page, 'phone-journal');
  });

  it('settings: working hours and general', async () => {
    await page.goto(`${stack.base}/#/projects/acme/settings/working-hours`);
    await page.getByRole('button', { name: 'Set working hours' }).click();
    await page.getByLabel('Monday 1: from').waitFor();
    expect(await sidewaysOverflow()).toBe(0);
    await stack.screenshot(page, 'phone-settings-working-hours');
    await page.goto(`${stack.base}/#/projects/acme/settings/general`);
    await page.getByLabel('Time zone').waitFor();
    expect(await sidewaysOverflow()).toBe(0);
    await stack.screenshot(page, 'phone-settings-general');
  });

  it('overview', async () => {
    await page.goto(`${stack.base}/#/projects/acme/overview`);
    await page.locator('.facts').waitFor();
    expect(await sidewaysOverflow()).toBe(0);
    await stack.screenshot(page, 'phone-overview');
  });
});
