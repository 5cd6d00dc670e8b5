import { afterEach, describe, expect, it } from 'vitest';
import { CrmError, err, type CrmPort } from '../../src/crm/port.js';
import { statusOf } from '../../src/service/admin/processing.js';
import { IndexSync } from '../../src/worker/index-sync.js';
import { CRM_STATE, EMPLOYEES } from '../service/events.js';
import { indexHarness, type IndexHarness } from './harness.js';

// Issue 11 item 4: a failed phone-index load is visible (`failed` with the
// reason) and tried again with backoff, instead of `loading` forever.

let h: IndexHarness;
afterEach(async () => h.close());

const SEEDED = {
  ...CRM_STATE,
  contacts: [{ id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' }],
};

/** The CRM's record list fails `n` times, then answers. */
function failingList(port: CrmPort, n: { left: number }): CrmPort {
  return {
    ...port,
    listRecordsSince: (since, cursor) => {
      if (n.left-- > 0)
        return Promise.resolve(err(new CrmError('retryable', 'HTTP 503 from the CRM')));
      if (!port.listRecordsSince) throw new Error('the memory CRM lists records');
      return port.listRecordsSince(since, cursor);
    },
  };
}

async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('phone index load failures (issue 11 item 4)', () => {
  it('a failed load is `failed` with the reason, retried with backoff, then ready', async () => {
    h = await indexHarness();
    await h.addProject('acme', 'pipedrive', {
      project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
      employees: EMPLOYEES,
      connection: { kind: 'memory', state: SEEDED },
    });
    await h.store.moveIntegration('acme', 'active', null, h.clock.now);
    const failures = { left: 2 };
    const announced: Array<[string, string | null]> = [];
    const sync = new IndexSync({
      store: h.store,
      projects: { get: async (id) => h.view(id) },
      ports: (view) => failingList(h.registry.portFor(view), failures),
      intervalSec: 300,
      retryBaseMs: 30,
      onIndexState: (_id, state, reason) => void announced.push([state, reason]),
    });
    await expect(sync.load('acme')).rejects.toThrow('HTTP 503');
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({
      state: 'failed',
      phones: 0,
      reason: 'HTTP 503 from the CRM',
    });
    // Two retries later (30 ms, then 60 ms) the load goes through without anybody asking.
    await until(async () => (await statusOf(h.store, 'acme'))?.index.state === 'ready');
    // The store says `ready` a few awaits before the load that set it ends (and announces it).
    await sync.idle('acme');
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 1 });
    expect(failures.left).toBe(-1);
    // Announced once when it failed (not per retry), and once when it came back.
    expect(announced).toEqual([
      ['failed', 'HTTP 503 from the CRM'],
      ['ready', null],
    ]);
    await sync.stop();
  });
});
