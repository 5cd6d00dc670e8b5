import { describe, expect, it } from 'vitest';
import type { Operation } from '../domain/plan.js';
import { indexChangesOf, indexPhones } from './index-changes.js';

// G13: the index rows a carried-out plan implies, from the plan and the CRM's ids only.

const plan: Operation[] = [
  { key: 'e1#0', op: 'create_contact', record: { phones: ['067 123 4567'], ownerId: 'u2' } },
  {
    key: 'e1#1',
    op: 'create_deal',
    record: { contactId: '@op:e1#0', ownerId: 'u2', status: 'open' },
  },
  { key: 'e1#2', op: 'create_deal', record: { contactId: 'c-old', ownerId: 'u1', status: 'open' } },
  { key: 'e1#3', op: 'update_contact', id: 'c-old', patch: { ownerId: 'u3' } },
  { key: 'e1#4', op: 'update_contact', id: 'c-old', patch: { organizationId: 'o1' } },
  { key: 'e1#5', op: 'create_task', record: { title: 'Call back', done: false, assigneeId: 'u2' } },
];
const operations = [
  { op: 'create_contact', entity: 'contacts', id: 'C1' },
  { op: 'create_deal', entity: 'deals', id: 'D1' },
  { op: 'create_deal', entity: 'deals', id: 'D2' },
  { op: 'update_contact', entity: 'contacts', id: 'c-old' },
  { op: 'update_contact', entity: 'contacts', id: 'c-old' },
  { op: 'create_task', entity: 'tasks', id: 'T1' },
] as const;

describe('indexChangesOf (G13)', () => {
  it('G13: created records with the CRM ids, E.164 phones, owners and plan order; a deal takes its contact’s phones; a re-own keeps its rows', () => {
    expect(
      indexChangesOf({
        plan,
        operations: [...operations],
        client: null,
        defaultCountry: 'UA',
        createdOrder: 1000,
      }),
    ).toEqual([
      {
        kind: 'record',
        record: {
          entity: 'contacts',
          recordId: 'C1',
          phones: ['+380671234567'],
          ownerUserId: 'u2',
          createdOrder: 1000,
        },
      },
      {
        kind: 'record',
        record: {
          entity: 'deals',
          recordId: 'D1',
          phones: ['+380671234567'],
          ownerUserId: 'u2',
          createdOrder: 1001,
        },
      },
      // The lookup did not run (a resumed plan): the contact's phones come from the index itself.
      {
        kind: 'record',
        record: {
          entity: 'deals',
          recordId: 'D2',
          phones: [],
          ownerUserId: 'u1',
          createdOrder: 1002,
        },
        phonesOf: { entity: 'contacts', recordId: 'c-old' },
      },
      { kind: 'owner', entity: 'contacts', recordId: 'c-old', ownerUserId: 'u3', phones: [] },
    ]);
  });

  it('G13: the lookup’s client gives the phones of records the plan re-owns or hangs deals on', () => {
    const client = {
      contacts: [{ id: 'c-old', phones: ['+38 050 111 22 33'] }],
      leads: [],
      deals: [],
      organizations: [],
    };
    const changes = indexChangesOf({
      plan,
      operations: [...operations],
      client,
      defaultCountry: 'UA',
      createdOrder: 0,
    });
    expect(changes[2]).toEqual({
      kind: 'record',
      record: {
        entity: 'deals',
        recordId: 'D2',
        phones: ['+380501112233'],
        ownerUserId: 'u1',
        createdOrder: 2,
      },
    });
    expect(changes[3]).toEqual({
      kind: 'owner',
      entity: 'contacts',
      recordId: 'c-old',
      ownerUserId: 'u3',
      phones: ['+380501112233'],
    });
  });

  it('G1: invalid numbers are kept as given, empty ones dropped, duplicates folded', () => {
    expect(indexPhones(['anonymous', '', '067 123 4567', '+380671234567'], 'UA')).toEqual([
      'anonymous',
      '+380671234567',
    ]);
  });

  it('a plan that did not run whole indexes nothing (its ids are not all known)', () => {
    expect(
      indexChangesOf({
        plan,
        operations: operations.slice(0, 2),
        client: null,
        defaultCountry: 'UA',
        createdOrder: 0,
      }),
    ).toEqual([]);
  });
});
