import { afterEach, describe, expect, it } from 'vitest';
import { startRetailcrmEmulator, type RetailcrmEmulator } from '../../emulators/retailcrm/index.js';
import { fitTexts } from '../../src/cli/simulate.js';
import { createRetailcrmAdapter } from '../../src/crm/retailcrm/adapter.js';
import { statusOf } from '../../src/service/admin/processing.js';
import { IndexSync } from '../../src/worker/index-sync.js';
import { CRM_STATE, EMPLOYEES } from '../service/events.js';
import { indexHarness, type IndexHarness } from './harness.js';
import { retailcrmPost } from './retailcrm-api.js';

// G13 with the retailCRM adapter against its emulator (index-sync.test.ts runs
// on the in-memory CRM): the activation load reads the lists, the poll the
// change histories, page by page through the adapter's cursor.

const UA = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };
let h: IndexHarness;
let emu: RetailcrmEmulator;
afterEach(async () => {
  await h.close();
  await emu.close();
});

const inCrm = (path: string, fields: Record<string, unknown>): Promise<void> => retailcrmPost(emu, path, fields);

describe('phone index sync on retailCRM (G13)', () => {
  it('G13: retailCRM: activation loads customers and orders; a poll picks up a customer created and an order re-owned in the CRM directly', async () => {
    emu = await startRetailcrmEmulator({ ratePerSec: 100_000, timezone: UA.timezone });
    const state = {
      ...CRM_STATE,
      contacts: [{ id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' }],
      deals: [{ id: 'd1', contactId: 'c1', ownerId: 'u2', status: 'open' }],
    };
    expect((await fetch(`${emu.baseUrl}/_emulator/state?timezone=${UA.timezone}`, { method: 'PUT', body: JSON.stringify(state) })).status).toBe(204);
    const ids = (await (await fetch(`${emu.baseUrl}/_emulator/ids`)).json()) as Record<string, Record<string, number>>;
    const native = (kind: string, neutral: string): string => String(ids[kind]?.[neutral]);

    h = await indexHarness();
    await h.addProject('acme', 'retailcrm', { project: UA, employees: EMPLOYEES, connection: { kind: 'memory', state: CRM_STATE } });
    const port = createRetailcrmAdapter(emu.connection, { texts: fitTexts('en'), defaultCountry: 'UA', timezone: UA.timezone, ratePerSec: 100_000 });
    const sync = new IndexSync({ store: h.store, projects: { get: async (id) => h.view(id) }, ports: () => port, intervalSec: 300 });

    await sync.load('acme');
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 1 });
    // The order has no phone of its own: it is reached through its customer's, and answers first.
    expect(await h.store.route('acme', '+380671234567', ['deals', 'leads', 'contacts'])).toEqual({ entity: 'deals', recordId: native('orders', 'd1'), ownerUserId: native('users', 'u2') });

    await inCrm('/api/v5/customers/create', { customer: { firstName: 'Walk-in', phones: [{ number: '+380 44 765 43 21' }], managerId: Number(native('users', 'u2')) } });
    await inCrm(`/api/v5/orders/${native('orders', 'd1')}/edit`, { by: 'id', order: { managerId: Number(native('users', 'u1')) } });
    await sync.poll('acme');
    expect(await h.store.route('acme', '+380447654321', ['contacts'])).toMatchObject({ entity: 'contacts', ownerUserId: native('users', 'u2') });
    expect(await h.store.route('acme', '+380671234567', ['deals'])).toEqual({ entity: 'deals', recordId: native('orders', 'd1'), ownerUserId: native('users', 'u1') });
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 2 });
  });
});
