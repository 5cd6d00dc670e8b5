import { afterEach, describe, expect, it } from 'vitest';
import { statusOf } from '../../src/service/admin/processing.js';
import { CRM_STATE } from '../service/events.js';
import { retailcrmIndex, type RetailcrmIndex } from './retailcrm-api.js';

// G13 with the retailCRM adapter against its emulator (index-sync.test.ts runs
// on the in-memory CRM): the activation load reads the lists, the poll the
// change histories, page by page through the adapter's cursor.

let index: RetailcrmIndex;
afterEach(async () => index.close());

describe('phone index sync on retailCRM (G13)', () => {
  it('G13: retailCRM: activation loads customers and orders; a poll picks up a customer created and an order re-owned in the CRM directly', async () => {
    const state = {
      ...CRM_STATE,
      contacts: [{ id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' }],
      deals: [{ id: 'd1', contactId: 'c1', ownerId: 'u2', status: 'open' }],
    };
    index = await retailcrmIndex(state);
    const { h, sync, native } = index;
    const inCrm = index.post;

    await sync.load('acme');
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 1 });
    // The order has no phone of its own: it is reached through its customer's, and answers first.
    expect(await h.store.route('acme', '+380671234567', ['deals', 'leads', 'contacts'])).toEqual({
      entity: 'deals',
      recordId: native('orders', 'd1'),
      ownerUserId: native('users', 'u2'),
    });

    await inCrm('/api/v5/customers/create', {
      customer: {
        firstName: 'Walk-in',
        phones: [{ number: '+380 44 765 43 21' }],
        managerId: Number(native('users', 'u2')),
      },
    });
    await inCrm(`/api/v5/orders/${native('orders', 'd1')}/edit`, {
      by: 'id',
      order: { managerId: Number(native('users', 'u1')) },
    });
    await sync.poll('acme');
    expect(await h.store.route('acme', '+380447654321', ['contacts'])).toMatchObject({
      entity: 'contacts',
      ownerUserId: native('users', 'u2'),
    });
    expect(await h.store.route('acme', '+380671234567', ['deals'])).toEqual({
      entity: 'deals',
      recordId: native('orders', 'd1'),
      ownerUserId: native('users', 'u1'),
    });
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 2 });
  });
});
