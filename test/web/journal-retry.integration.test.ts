import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../api-client/index.js';
import {
  pipedriveProject,
  signedInPage,
  postEvents,
  type WebStack,
  useWebStack,
} from './harness.js';

// Failed events in the journal (issue 13 item 9) in chromium against a real `serve` and the
// Pipedrive emulator answering 500 to every request: the failed entry shows its error; with the
// CRM back, Retry sends one again and "Retry all failed" the rest, and the page shows them applied.
// The journal keeps each run of an event, so the failed runs stay listed (without Retry).

let stack: WebStack;
let page: Page;
const api = () => createApiClient({ baseUrl: stack.base, key: stack.adminKey });

async function postMissedCall(callId: string, from: string): Promise<void> {
  const response = await postEvents(stack, 'acme', [
    {
      eventId: `${callId}-end`,
      type: 'call.ended',
      at: new Date(Date.now() - 30_000).toISOString(),
      callId,
      direction: 'incoming',
      from,
      to: '+380440000000',
      disposition: 'missed',
      durationSec: 0,
    },
  ]);
  expect(response.status).toBe(202);
}
const faults = (body: unknown) =>
  fetch(`${stack.pipedrive.baseUrl}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const stateOf = async (eventId: string) =>
  (
    await api().GET('/v1/projects/{project}/events/{eventId}', {
      params: { path: { project: 'acme', eventId } },
    })
  ).data?.state;
const failedIds = async () => {
  const { data } = await api().GET('/v1/projects/{project}/journal', {
    params: { path: { project: 'acme' }, query: { outcome: 'failed' } },
  });
  return (data?.entries ?? []).map((entry) => entry.eventId).sort();
};

useWebStack(async (started) => {
  stack = started;
  await pipedriveProject(stack, 'acme');
  await faults({ fail: { count: 100_000, status: 500 } });
  await postMissedCall('r1', '+380501110001');
  await postMissedCall('r2', '+380501110002');
  await postMissedCall('r3', '+380501110003');
  // CALLMATRIX_RETRY_SCHEDULE=1,1,1: four attempts a second apart, then the event fails.
  const until = Date.now() + 60_000;
  while ((await failedIds()).length < 3 && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 500));
  page = await signedInPage(stack, 'acme', 1280, 900);
});

describe('failed events in the journal', () => {
  it("shows the CRM's error; Retry sends one again, Retry all failed the rest", async () => {
    expect(await failedIds()).toEqual(['r1-end', 'r2-end', 'r3-end']);
    await page.goto(`${stack.base}/#/projects/acme/journal`);
    const row = (id: string) => page.locator(`tr[data-event="${id}"]`);
    await row('r1-end').waitFor();
    expect(await row('r1-end').locator('.badge').textContent()).toBe('failed');
    await page.getByRole('button', { name: 'Open the trace of r1-end' }).click();
    const trace = page.locator('tr.trace-row');
    await trace.getByText('Last error').waitFor();
    expect(await trace.locator('dd.error').textContent()).toMatch(/500/);
    await stack.screenshot(page, 'journal-failed');

    await faults({ fail: { count: 0, status: 500 } });
    await trace.getByRole('button', { name: 'Retry', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Sent again: 1' }).waitFor();
    await expect.poll(() => stateOf('r1-end'), { timeout: 30_000, interval: 500 }).toBe('applied');
    // The journal keeps the failed run; its Retry is gone once the event has moved on.
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect
      .poll(() => trace.getByRole('button', { name: 'Retry', exact: true }).count())
      .toBe(0);

    await page.getByRole('button', { name: 'Retry all failed' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent again: 2' }).waitFor();
    for (const id of ['r2-end', 'r3-end'])
      await expect.poll(() => stateOf(id), { timeout: 30_000, interval: 500 }).toBe('applied');
    // Read again, the page lists an applied run of each call, with its conditions, and nothing
    // is left to retry.
    await page.getByRole('button', { name: 'Filter' }).click();
    for (const id of ['r1-end', 'r2-end', 'r3-end'])
      await row(id).locator('.badge', { hasText: 'applied' }).waitFor();
    expect(await row('r2-end').filter({ hasText: 'Missed' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Retry all failed' }).count()).toBe(0);
    await stack.screenshot(page, 'journal-retried');
  }, 120_000);
});
