import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from '../../src/worker/worker.js';
import { storeSwitch, type StoreSwitch } from '../support/store-switch.js';
import { answeredCall } from './events.js';
import { harness, TOKEN, type Harness } from './harness.js';

// Issue 11 item 5: a store that is down answers ingest with 503 (the sender
// retries), and a worker backs off instead of asking it five times a second.

const BEARER = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
let h: Harness;
let power: StoreSwitch;
afterEach(async () => {
  power.down = false;
  await h.close();
});

async function start(): Promise<void> {
  power = storeSwitch();
  h = await harness({ wrapStore: (store) => power.wrap(store) });
  await h.addProject('acme');
}

describe('the store down (issue 11 item 5)', () => {
  it('ingest answers 503 with Retry-After when the project cannot be read; nothing stored', async () => {
    await start();
    power.down = true;
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/acme/events',
      headers: BEARER,
      payload: JSON.stringify(answeredCall('d1', '+380501112233')),
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ type: 'urn:callmatrix:store-unavailable', status: 503 });
    power.down = false;
    expect((await h.store.countEvents('acme')).pending).toBe(0);
  });

  it('a telephony source answers 503 too', async () => {
    await start();
    power.down = true;
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/acme/sources/twilio',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'CallSid=CA1&CallStatus=ringing',
    });
    expect(res.statusCode).toBe(503);
  });

  it('a worker whose store is down backs off, then claims again once it is back', async () => {
    await start();
    const errors: Array<Record<string, unknown>> = [];
    const worker = new Worker({
      store: h.store,
      projects: { get: () => Promise.resolve(null) },
      ports: () => {
        throw new Error('no CRM needed');
      },
      concurrency: 2,
      leaseMs: 30_000,
      pollMs: 10,
      retryScheduleSec: [5],
      endedGraceSec: 60,
      observer: { error: (_message, context) => void errors.push(context) },
    });
    power.down = true;
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const claims = power.refused.get('claimEvents') ?? 0;
    // Without backoff: one claim per poll, ~150 in 1.5 s. With it: 20, 40, 80, … 640 ms apart.
    expect(claims).toBeGreaterThanOrEqual(3);
    expect(claims).toBeLessThanOrEqual(8);
    expect(errors.length).toBe(claims);
    expect(errors.at(-1)?.['backoffMs']).toBeGreaterThan(100);
    power.down = false;
    worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop(1_000);
    expect(power.refused.get('claimEvents')).toBe(claims);
    expect(errors.length).toBe(claims);
  });
});
