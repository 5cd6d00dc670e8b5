import { afterEach, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from '../../emulators/zoho/index.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { createZohoAdapter } from '../../src/crm/zoho/adapter.js';
import { statusOf } from '../../src/service/admin/processing.js';
import { IndexSync } from '../../src/worker/index-sync.js';
import { CRM_STATE, EMPLOYEES } from '../service/events.js';
import { indexHarness, type IndexHarness } from './harness.js';
import { IVAN_AND_MARIA, seedEmulator } from './seed.js';

// G13 with the Zoho adapter against its emulator: records deleted in Zoho
// after the activation load leave the phone index at the next poll (the
// deleted-records lists), so the route stops answering for their phones.

const UA = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };
let h: IndexHarness;
let emu: ZohoEmulator;
afterEach(async () => {
  await h.close();
  await emu.close();
});

/** A user deleting records in Zoho: any API client of the org, with its own access token. */
async function deleteInZoho(module: string, nativeId: string): Promise<void> {
  const { credentials } = emu.connection;
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    refresh_token: credentials.refreshToken,
  });
  const { access_token: token } = (await (
    await fetch(`${emu.connection.accountsUrl}/oauth/v2/token`, { method: 'POST', body: form })
  ).json()) as { access_token: string };
  const response = await fetch(`${emu.baseUrl}/crm/v8/${module}/${nativeId}`, {
    method: 'DELETE',
    headers: { authorization: `Zoho-oauthtoken ${token}` },
  });
  expect(response.status).toBe(200);
}

describe('phone index sync on Zoho: records deleted in the CRM (G13)', () => {
  it('G13: Zoho: a contact and its deal deleted in Zoho stop answering the route after the next poll; other records still answer', async () => {
    emu = await startZohoEmulator();
    const native = await seedEmulator(emu.baseUrl, IVAN_AND_MARIA);

    h = await indexHarness();
    await h.addProject('acme', 'zoho', {
      project: UA,
      employees: EMPLOYEES,
      connection: { kind: 'memory', state: CRM_STATE },
    });
    const port = createZohoAdapter(emu.connection, { texts: fitTexts('en'), ...UA });
    const sync = new IndexSync({
      store: h.store,
      projects: { get: async (id) => h.view(id) },
      ports: () => port,
      intervalSec: 300,
    });

    await sync.load('acme');
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 2 });
    expect(await h.store.route('acme', '+380671234567', ['deals', 'leads', 'contacts'])).toEqual({
      entity: 'deals',
      recordId: native('deals', 'd1'),
      ownerUserId: native('users', 'u2'),
    });

    await deleteInZoho('Deals', native('deals', 'd1'));
    await sync.poll('acme');
    // The deal is gone; its contact still answers.
    expect(await h.store.route('acme', '+380671234567', ['deals', 'leads', 'contacts'])).toEqual({
      entity: 'contacts',
      recordId: native('contacts', 'c1'),
      ownerUserId: native('users', 'u1'),
    });

    await deleteInZoho('Contacts', native('contacts', 'c1'));
    await sync.poll('acme');
    expect(await h.store.route('acme', '+380671234567', ['deals', 'leads', 'contacts'])).toBeNull();
    expect(await h.store.route('acme', '+380931112233', ['deals', 'leads', 'contacts'])).toEqual({
      entity: 'contacts',
      recordId: native('contacts', 'c2'),
      ownerUserId: native('users', 'u2'),
    });
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 1 });
  });
});
