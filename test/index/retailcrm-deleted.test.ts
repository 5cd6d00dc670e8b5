import { afterEach, describe, expect, it } from 'vitest';
import { statusOf } from '../../src/service/admin/processing.js';
import { CRM_STATE } from '../service/events.js';
import { retailcrmIndex, type RetailcrmIndex } from './retailcrm-api.js';

// G13 with the retailCRM adapter against its emulator: records deleted in the
// CRM (by a manager in the UI: the API has no delete for customers or orders)
// or merged away (`customers/combine`) leave the phone index on the next poll,
// so routing stops sending their callers to their owners.

const PRIORITY = ['deals', 'leads', 'contacts'] as const;
let index: RetailcrmIndex;
afterEach(async () => index.close());

async function deleteInUi(kind: 'customers' | 'orders', id: string): Promise<void> {
  expect(
    (await fetch(`${index.emu.baseUrl}/_emulator/ui/${kind}/${id}/delete`, { method: 'POST' }))
      .status,
  ).toBe(204);
}

describe('phone index on retailCRM: records deleted in the CRM (G13)', () => {
  it('G13: retailCRM: after a poll the route no longer answers for a deleted customer, a deleted order, or a customer merged into another', async () => {
    const state = {
      ...CRM_STATE,
      contacts: [
        { id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' },
        { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u2' },
        { id: 'c3', name: 'Ivan twice', phones: ['0501112233'], ownerId: 'u2' },
      ],
      deals: [{ id: 'd1', contactId: null, phones: ['0441234567'], ownerId: 'u2', status: 'open' }],
    };
    index = await retailcrmIndex(state);
    const { h, sync, native } = index;
    const inCrm = index.post;

    await sync.load('acme');
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 4 });
    expect(await h.store.route('acme', '+380931112233', [...PRIORITY])).toEqual({
      entity: 'contacts',
      recordId: native('customers', 'c2'),
      ownerUserId: native('users', 'u2'),
    });
    expect(await h.store.route('acme', '+380441234567', [...PRIORITY])).toEqual({
      entity: 'deals',
      recordId: native('orders', 'd1'),
      ownerUserId: native('users', 'u2'),
    });
    expect(await h.store.route('acme', '+380501112233', [...PRIORITY])).toMatchObject({
      entity: 'contacts',
      recordId: native('customers', 'c3'),
    });

    await deleteInUi('customers', native('customers', 'c2'));
    await deleteInUi('orders', native('orders', 'd1'));
    await inCrm('/api/v5/customers/combine', {
      customers: [{ id: Number(native('customers', 'c3')) }],
      resultCustomer: { id: Number(native('customers', 'c1')) },
    });
    await sync.poll('acme');

    expect(await h.store.route('acme', '+380931112233', [...PRIORITY])).toBeNull();
    expect(await h.store.route('acme', '+380441234567', [...PRIORITY])).toBeNull();
    expect(await h.store.route('acme', '+380501112233', [...PRIORITY])).toBeNull();
    // The customer kept still answers.
    expect(await h.store.route('acme', '+380671234567', [...PRIORITY])).toEqual({
      entity: 'contacts',
      recordId: native('customers', 'c1'),
      ownerUserId: native('users', 'u1'),
    });
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 1 });
  });
});
