import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestTally } from '../../src/crm/http/request-tally.js';
import type { CrmId } from '../../src/domain/crm-id.js';
import { ProjectSettingsSchema } from '../../src/domain/project.js';
import { projectContext } from '../../src/engine/decide.js';
import { EMULATORS } from '../../src/sandbox/emulators.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import type { ProjectView } from '../../src/worker/project.js';
import { RequestCountFlush } from '../../src/worker/request-counts.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

// A project's CRM requests per hour, end to end below the API: the adapters the
// registry builds count every request in the one HTTP layer they share
// (crm/http/client.ts), and the flush writes the counts to the store. Each
// emulator counts the API requests it answered (service.md §7): the two agree.
// SQLite here; PostgreSQL through scripts/service-suites-on-postgres.ts.

let opened: TestStore;
beforeEach(async () => {
  opened = await openTestStore('crmreq');
});
afterEach(async () => {
  await opened.close();
});

function view(id: string, crm: CrmId, connection: unknown): ProjectView {
  const settings = ProjectSettingsSchema.parse({ defaultCountry: 'UA', timezone: 'Europe/Kyiv' });
  return {
    id,
    version: 1,
    crm,
    settings,
    employees: [],
    connection,
    webhook: {},
    sources: {},
    context: projectContext(crm, settings, []),
  };
}

async function apiRequests(baseUrl: string): Promise<{ total: number; oauth?: number }> {
  return (await (await fetch(`${baseUrl}/_emulator/requests`)).json()) as {
    total: number;
    oauth?: number;
  };
}

const sum = (rows: readonly { requests: number }[]) => rows.reduce((n, r) => n + r.requests, 0);
const CRMS = ['zoho', 'retailcrm', 'pipedrive', 'salesforce'] as const;

describe('CRM requests counted per project', () => {
  it.each(CRMS)(
    '%s: one count per request the adapter sends, the same number the emulator answered; written to the store by the flush',
    async (crm) => {
      const emulator = await EMULATORS[crm].serve({ host: '127.0.0.1' });
      try {
        const { store } = opened;
        const now = new Date();
        await store.putProject({ id: 'acme', crm, document: {}, secrets: '{}', now });
        const tally = new RequestTally();
        const flush = new RequestCountFlush({ store, tally });
        const registry = new CrmRegistry(['127.0.0.1'], undefined, tally);
        const port = registry.portFor(view('acme', crm, emulator.connection));

        // The first call also fetches an access token where the CRM uses OAuth: counted too.
        expect((await port.listUsers()).ok).toBe(true);
        const first = await apiRequests(emulator.baseUrl);
        const warmUp = sum(tally.drain());
        expect(warmUp).toBeGreaterThan(0);
        if (crm === 'salesforce') expect(warmUp).toBe(first.total + (first.oauth ?? 0));
        if (crm === 'pipedrive' || crm === 'retailcrm') expect(warmUp).toBe(first.total);
        await fetch(`${emulator.baseUrl}/_emulator/requests`, { method: 'DELETE' });

        for (let i = 0; i < 3; i += 1) expect((await port.listUsers()).ok).toBe(true);
        const lookup = await port.findClient({
          phone: { raw: '+380671112233', e164: '+380671112233' },
          created: null,
        });
        expect(lookup.ok).toBe(true);
        const answered = (await apiRequests(emulator.baseUrl)).total;
        expect(answered).toBeGreaterThanOrEqual(4);

        await flush.stop();
        const hours = await store.countCrmRequestsByHour(
          'acme',
          new Date(now.getTime() - 3_600_000),
          new Date(now.getTime() + 3_600_000),
        );
        expect(sum(hours)).toBe(answered);
        // Another project's counter is its own.
        expect(
          await store.countCrmRequestsByHour('other', new Date(0), new Date(now.getTime() * 2)),
        ).toEqual([]);
      } finally {
        await emulator.close();
      }
    },
    30_000,
  );

  it('a flush the store refuses keeps the counts for the next one', async () => {
    const { store } = opened;
    await store.putProject({
      id: 'acme',
      crm: 'zoho',
      document: {},
      secrets: '{}',
      now: new Date(),
    });
    const tally = new RequestTally();
    const errors: string[] = [];
    let refuse = true;
    const flush = new RequestCountFlush({
      store: {
        addCrmRequests: (counts) =>
          refuse ? Promise.reject(new Error('database down')) : store.addCrmRequests(counts),
        countCrmRequestsByHour: (...args) => store.countCrmRequestsByHour(...args),
      },
      tally,
      onError: (message, context) => errors.push(`${message}: ${String(context['error'])}`),
    });
    const counter = tally.counterFor('acme');
    counter.count();
    counter.count();
    await flush.flush();
    expect(errors).toEqual([
      'CRM request counts not written; kept for the next flush: database down',
    ]);
    refuse = false;
    counter.count();
    await flush.stop();
    const hours = await store.countCrmRequestsByHour('acme', new Date(0), new Date(Date.now() * 2));
    expect(sum(hours)).toBe(3);
  });
});
