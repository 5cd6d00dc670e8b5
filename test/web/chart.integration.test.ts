import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../api-client/index.js';
import {
  pipedriveProject,
  signedInPage,
  postEvents,
  type WebStack,
  useWebStack,
} from './harness.js';

// The Overview's picture of the day in chromium: events per hour by outcome and, beside them,
// the project's CRM requests per hour, as the service counted them (its HTTP layer, flushed to
// the store every 10 s) and GET …/stats answers them.

let stack: WebStack;
let api: ApiClient;

useWebStack((started) => {
  stack = started;
  api = createApiClient({ baseUrl: stack.base, key: stack.adminKey });
});

const sumOf = (hours: ReadonlyArray<{ crmRequests?: number }> | undefined) =>
  (hours ?? []).reduce((n, h) => n + (h.crmRequests ?? 0), 0);

describe('the chart on the Overview', () => {
  it("draws the project's CRM requests per hour beside its events, for 24 hours and 7 days", async () => {
    await pipedriveProject(stack, 'busy');
    const at = new Date(Date.now() - 60_000).toISOString();
    const posted = await postEvents(stack, 'busy', [
      {
        eventId: 'c-1',
        type: 'call.started',
        at,
        callId: 'c',
        direction: 'incoming',
        from: '+380671112233',
        to: '+380440000000',
      },
      { eventId: 'c-2', type: 'call.answered', at, callId: 'c', employee: { extension: '100' } },
    ]);
    expect(posted.status).toBe(202);
    const path = { params: { path: { project: 'busy' } } };
    // Processed, and the worker's counts flushed (every 10 s).
    await expect
      .poll(
        async () => {
          const { data } = await api.GET('/v1/projects/{project}/stats', path);
          const events = (data?.hours ?? []).reduce((n, h) => n + h.applied + h.skipped, 0);
          return events >= 2 && sumOf(data?.hours) > 0;
        },
        { timeout: 40_000, interval: 1_000 },
      )
      .toBe(true);
    const { data: day } = await api.GET('/v1/projects/{project}/stats', path);
    const total = sumOf(day?.hours);
    const current = day?.hours.at(-1)?.crmRequests ?? 0;

    const page = await signedInPage(stack, 'busy');
    await page.goto(`${stack.base}/#/projects/busy`);
    await page.locator('.chart svg').waitFor();
    const legend = page.locator('.chart .legend-requests');
    // Later flushes (the index sync's reads) may add to the figure read above, never take away.
    await expect
      .poll(async () => Number(/(\d+)$/.exec((await legend.textContent()) ?? '')?.[1]))
      .toBeGreaterThanOrEqual(total);
    expect(await legend.textContent()).toMatch(/^ ?CRM requests: \d+$/);
    expect(await page.locator('.chart polyline.line-requests').count()).toBe(1);
    // One point per hour that had requests, its tooltip naming the count; the line has 24 points.
    const points = page.locator('.chart circle.point-requests');
    expect(await points.count()).toBeGreaterThanOrEqual(1);
    expect(await points.last().locator('title').textContent()).toMatch(
      new RegExp(`CRM requests: (\\d+)$`),
    );
    const lastCount = Number(
      /(\d+)$/.exec((await points.last().locator('title').textContent()) ?? '')?.[1],
    );
    expect(lastCount).toBeGreaterThanOrEqual(current);
    const line = (await page.locator('.chart polyline.line-requests').getAttribute('points')) ?? '';
    expect(line.trim().split(' ')).toHaveLength(24);
    expect(await page.locator('.chart .axis-requests').count()).toBe(3);
    expect(await page.locator('.chart svg > title').textContent()).toMatch(/CRM requests: \d+$/);
    await stack.screenshot(page, 'project-overview-requests');

    await page.getByLabel('Range').selectOption('7d');
    await expect
      .poll(
        async () =>
          ((await page.locator('.chart polyline.line-requests').getAttribute('points')) ?? '')
            .trim()
            .split(' ').length,
      )
      .toBe(168);
    expect(Number(/(\d+)$/.exec((await legend.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(
      total,
    );
    await stack.screenshot(page, 'project-overview-requests-7d');
    await page.close();
  });
});
