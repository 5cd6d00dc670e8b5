import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSalesforceEmulator } from '../../emulators/salesforce/index.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { createSalesforceAdapter } from '../../src/crm/salesforce/adapter.js';
import { IndexSync } from '../../src/worker/index-sync.js';
import { CRM_STATE, EMPLOYEES } from '../service/events.js';
import { indexHarness, type IndexHarness } from './harness.js';
import { IVAN_AND_MARIA, seedEmulator } from './seed.js';

// G13 with the Salesforce adapter against its emulator: a contact and an
// opportunity deleted in the CRM after the activation load leave the phone
// index at the next poll (sObject Get Deleted). Only Date is faked, so the
// delete log's whole minutes pass without waiting.

const UA = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };
let h: IndexHarness | undefined;
let emu: Awaited<ReturnType<typeof startSalesforceEmulator>> | undefined;
afterEach(async () => {
  await h?.close();
  await emu?.close();
  vi.useRealTimers();
});

describe('phone index sync on Salesforce: records deleted in the CRM (G13)', () => {
  it('G13: Salesforce: after a contact and an opportunity are deleted in the CRM, the poll drops them and routing stops answering with them', async () => {
    const t0 = Math.ceil(Date.now() / 60_000) * 60_000 + 10_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    const server = await startSalesforceEmulator();
    emu = server;
    const native = await seedEmulator(server.baseUrl, IVAN_AND_MARIA);

    const harness = await indexHarness();
    h = harness;
    await harness.addProject('acme', 'salesforce', {
      project: UA,
      employees: EMPLOYEES,
      connection: { kind: 'memory', state: CRM_STATE },
    });
    const port = createSalesforceAdapter(server.connection, {
      texts: fitTexts('en'),
      defaultCountry: 'UA',
      timezone: UA.timezone,
    });
    const sync = new IndexSync({
      store: harness.store,
      projects: { get: async (id) => harness.view(id) },
      ports: () => port,
      intervalSec: 300,
    });

    await sync.load('acme');
    const all = ['deals', 'leads', 'contacts'] as const;
    expect(await harness.store.route('acme', '+380671234567', all)).toEqual({
      entity: 'deals',
      recordId: native('deals', 'd1'),
      ownerUserId: native('users', 'u2'),
    });
    expect(await harness.store.route('acme', '+380931112233', all)).toMatchObject({
      entity: 'contacts',
      recordId: native('contacts', 'c2'),
    });

    // People delete them in Salesforce itself, with the org's own credentials.
    vi.setSystemTime(t0 + 60_000);
    const { clientId, clientSecret, refreshToken } = server.connection.credentials;
    const granted = await fetch(`${server.baseUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
    });
    const { access_token: token } = (await granted.json()) as { access_token: string };
    for (const [type, id] of [
      ['Opportunity', native('deals', 'd1')],
      ['Contact', native('contacts', 'c2')],
    ] as const) {
      const response = await fetch(`${server.baseUrl}/services/data/v59.0/sobjects/${type}/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(204);
    }

    vi.setSystemTime(t0 + 5 * 60_000);
    await sync.poll('acme');
    expect(await harness.store.route('acme', '+380931112233', all)).toBeNull();
    // Ivan's deal is gone: he is routed by his contact again.
    expect(await harness.store.route('acme', '+380671234567', all)).toEqual({
      entity: 'contacts',
      recordId: native('contacts', 'c1'),
      ownerUserId: native('users', 'u1'),
    });
  });
});
