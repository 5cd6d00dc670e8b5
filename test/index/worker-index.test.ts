import { afterEach, describe, expect, it } from 'vitest';
import { answeredCall, CRM_STATE, EMPLOYEES } from '../service/events.js';
import { indexHarness, type IndexHarness } from './harness.js';

// G13: the service's own writes keep the phone index current, from the plan and the CRM's ids.

let h: IndexHarness;
afterEach(async () => h.close());

const UA = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };

describe('phone index kept by the workers (G13)', () => {
  it('G13: a new client’s contact and deal are indexed under the answering manager, in the same completion', async () => {
    h = await indexHarness();
    await h.addProject('acme', 'pipedrive', {
      project: UA,
      employees: EMPLOYEES,
      connection: { kind: 'memory', state: CRM_STATE },
    });
    await h.ingest('acme', answeredCall('a', '050 111 2233'));
    await h.drain();
    const crm = await h.registry.memoryOf('acme')?.snapshot();
    if (!crm?.ok) throw new Error('no memory CRM');
    const deal = crm.value.deals[0];
    expect(deal).toBeDefined();
    // The deal carries no phones of its own: it is reached through its contact's.
    expect(await h.store.route('acme', '+380501112233', ['deals'])).toEqual({
      entity: 'deals',
      recordId: deal?.id,
      ownerUserId: deal?.ownerId,
    });
    expect(await h.store.route('acme', '+380501112233', ['contacts'])).toMatchObject({
      entity: 'contacts',
      recordId: crm.value.contacts[0]?.id,
    });
    expect(deal?.ownerId).toBe('u2');
    expect((await h.store.indexStatus('acme')).phones).toBe(1);
  });

  it('G13: a new lead answers its owner (Zoho creates a lead for an unknown caller)', async () => {
    h = await indexHarness();
    await h.addProject('acme', 'zoho', {
      project: UA,
      employees: EMPLOYEES,
      connection: { kind: 'memory', state: CRM_STATE },
    });
    await h.ingest('acme', answeredCall('z', '+380671234567'));
    await h.drain();
    const crm = await h.registry.memoryOf('acme')?.snapshot();
    if (!crm?.ok) throw new Error('no memory CRM');
    const lead = crm.value.leads.at(-1);
    expect(lead?.ownerId).toBe('u2');
    expect(await h.store.route('acme', '+380671234567', ['leads'])).toEqual({
      entity: 'leads',
      recordId: lead?.id,
      ownerUserId: 'u2',
    });
  });

  it('G13/RC-10: a re-owned contact answers its new owner', async () => {
    h = await indexHarness();
    const state = {
      users: [...CRM_STATE.users, { id: 'u3', name: 'Ira' }],
      contacts: [{ id: 'c1', name: 'Ivan', phones: ['+380671234567'], ownerId: 'u1' }],
      deals: [{ id: 'd1', contactId: 'c1', ownerId: 'u3', status: 'lost' }],
    };
    const employees = [...EMPLOYEES, { id: 'e3', name: 'Ira', crmUserId: 'u3', extension: '102' }];
    await h.addProject('acme', 'retailcrm', {
      project: UA,
      employees,
      connection: { kind: 'memory', state },
    });
    // As the activation load would have put it: the contact under its old owner.
    await h.store.upsertIndex('acme', [
      {
        entity: 'contacts',
        recordId: 'c1',
        phones: ['+380671234567'],
        ownerUserId: 'u1',
        createdOrder: 1,
      },
    ]);
    await h.ingest('acme', answeredCall('r', '+380671234567'));
    await h.drain();
    const crm = await h.registry.memoryOf('acme')?.snapshot();
    if (!crm?.ok) throw new Error('no memory CRM');
    const owner = crm.value.contacts.find((contact) => contact.id === 'c1')?.ownerId;
    expect(owner).not.toBe('u1');
    expect(await h.store.route('acme', '+380671234567', ['contacts'])).toEqual({
      entity: 'contacts',
      recordId: 'c1',
      ownerUserId: owner,
    });
  });
});
