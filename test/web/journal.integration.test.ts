import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  pipedriveProject,
  signedInPage,
  postEvents,
  type WebStack,
  useWebStack,
} from './harness.js';

// The journal and the broken banner in chromium against a real `serve` and the Pipedrive
// emulator: a call posted over the ingest API is found with its conditions and a link to the
// record; a revoked token shows the banner; restored, the project is reactivated with resend.

let stack: WebStack;
let page: Page;

async function postCall(callId: string, from: string, at: Date): Promise<void> {
  const iso = (seconds: number) => new Date(at.getTime() + seconds * 1000).toISOString();
  const response = await postEvents(stack, 'acme', [
    {
      eventId: `${callId}-1`,
      type: 'call.started',
      at: iso(0),
      callId,
      direction: 'incoming',
      from,
      to: '+380440000000',
    },
    {
      eventId: `${callId}-2`,
      type: 'call.ended',
      at: iso(30),
      callId,
      disposition: 'missed',
      durationSec: 30,
    },
  ]);
  expect(response.status).toBe(202);
}

/** Kyiv's offset from UTC at an instant (2 h in winter, 3 h in summer). */
function kyivOffsetMs(ms: number): number {
  const wall = new Date(ms).toLocaleString('sv-SE', { timeZone: 'Europe/Kyiv' });
  return Date.parse(`${wall.replace(' ', 'T')}Z`) - Math.floor(ms / 1000) * 1000;
}

useWebStack(async (started) => {
  stack = started;
  await pipedriveProject(stack, 'acme');
  page = await signedInPage(stack, 'acme', 1280, 900);
});

describe('the journal', () => {
  it('finds a call posted over the ingest API by its phone in another format, with its conditions and a link to the deal', async () => {
    const started = new Date(Date.now() - 60_000);
    await postCall('call-1', '+380671234567', started);
    await page.goto(`${stack.base}/#/projects/acme/journal`);
    await page.getByLabel('Phone (any format)').fill('067 123 45 67');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Filter' }).click();
          return page.locator('tr[data-event="call-1-2"]').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const row = page.locator('tr[data-event="call-1-2"]');
    expect(await row.textContent()).toContain('Missed');
    expect(await row.locator('.badge').textContent()).toBe('applied');
    // The caller column: the client's phone as the service stores it.
    expect(await row.locator('td.caller').textContent()).toBe('+380671234567');
    // The time filter reads the project's clocks (Europe/Kyiv), not the browser's (UTC here).
    const kyiv = (ms: number) => new Date(ms + kyivOffsetMs(ms)).toISOString().slice(0, 16);
    await page.getByLabel('From (Europe/Kyiv)').fill(kyiv(started.getTime() - 120_000));
    await page.getByRole('button', { name: 'Filter' }).click();
    await row.waitFor();
    await page.getByLabel('From (Europe/Kyiv)').fill('');
    await page.getByLabel('To (Europe/Kyiv)').fill(kyiv(started.getTime() - 120_000));
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No entries match.').waitFor();
    await page.getByLabel('To (Europe/Kyiv)').fill('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await row.waitFor();
    await row.getByRole('button', { name: 'Open the trace of call-1-2' }).click();
    const trace = page.locator('.trace[data-event="call-1-2"]');
    await trace.waitFor();
    expect(await trace.locator('.conditions').textContent()).toBe('Missed');
    const deal = trace.getByRole('link', { name: /open in the CRM/ }).first();
    expect(await deal.getAttribute('href')).toMatch(
      new RegExp(
        `^${stack.pipedrive.baseUrl.replace(/[.]/g, '\\.')}/(deal|person|organization)/\\d+$`,
      ),
    );
    await expect
      .poll(() => page.locator('.trace-row .facts').last().textContent())
      .toContain('Attempts');
    await stack.screenshot(page, 'journal-trace');

    await page.getByLabel('Outcome').selectOption('failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No entries match.').waitFor();
  });

  it('shows the broken banner with the CRM reason when the token is revoked; restored and reactivated with resend, the held call is sent', async () => {
    await fetch(`${stack.pipedrive.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: 'revoked' }),
    });
    await postCall('call-2', '+380671112233', new Date());
    await page.goto(`${stack.base}/#/projects/acme/overview`);
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { name: /acme/ }).waitFor();
          return page.locator('.banner.broken').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(await page.locator('.banner.broken').textContent()).toContain(
      'The integration is broken',
    );
    expect((await page.locator('.banner.broken .reason').textContent())?.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Journal' }).click();
    expect(await page.locator('.banner.broken').count()).toBe(1);
    await stack.screenshot(page, 'broken-banner');

    await fetch(`${stack.pipedrive.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: 'valid' }),
    });
    // Reconnect opens the project's connection: the test shows the token works again.
    await page.getByRole('link', { name: 'Reconnect' }).click();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.locator('.test-result').textContent())
      .toMatch(/^Works: acting as /);
    await page.getByRole('link', { name: 'Go to activation' }).click();
    await page.getByLabel('Resend what came in while it was off').check();
    await page.getByRole('button', { name: 'Activate' }).click();
    // The counts come from …/integration/resend-preview: sent with resend, skipped without.
    const resendBox = page.getByLabel('Resend what came in while it was off');
    const confirmText = () => page.locator('.confirm').textContent();
    await expect.poll(confirmText).toMatch(/Events waiting that activation would send: [1-9]/);
    await resendBox.uncheck();
    await expect.poll(confirmText).toMatch(/would be skipped, not sent: [1-9]/);
    await resendBox.check();
    await expect.poll(confirmText).toMatch(/Events waiting that activation would send: [1-9]/);
    await stack.screenshot(page, 'activate-resend');
    await page.getByRole('button', { name: 'Confirm activation' }).click();
    await expect.poll(() => page.locator('.banner.broken').count()).toBe(0);
    expect(await page.locator('.facts .badge').first().textContent()).toBe('active');

    await page.getByRole('link', { name: 'Journal' }).click();
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Filter' }).click();
          return page.locator('tr[data-event="call-2-2"] .badge').textContent();
        },
        { timeout: 30_000 },
      )
      .toBe('applied');
  });
});
