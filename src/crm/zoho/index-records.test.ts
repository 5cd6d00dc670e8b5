import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from '../../../emulators/zoho/index.js';
import { fitTexts } from '../../cli/simulate.js';
import { createZohoAdapter, type ZohoCrm } from './adapter.js';

// G13: the adapter's "modified since" reader against the emulator over real HTTP (loopback).

let emulator: ZohoEmulator;
let adapter: ZohoCrm;
let ids: Record<string, Record<string, string>>;

beforeEach(async () => {
  emulator = await startZohoEmulator();
  adapter = createZohoAdapter(emulator.connection, { defaultCountry: 'UA', timezone: 'Europe/Kyiv', texts: fitTexts('en') });
  const state = {
    users: [{ id: 'u1', name: 'Olena Top' }, { id: 'u2', name: 'Petro' }],
    contacts: [
      { id: 'c1', name: 'Ivan', phones: ['067 123 4567', '+380501112233'], ownerId: 'u1' },
      { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u2' },
    ],
    leads: [{ id: 'l1', name: 'Oleh', phones: ['+380441234567'], ownerId: 'u2', status: 'open' }],
    deals: [{ id: 'd1', name: 'Deal', contactId: 'c1', ownerId: 'u2', status: 'open' }],
  };
  const put = await fetch(`${emulator.baseUrl}/_emulator/state`, { method: 'PUT', body: JSON.stringify(state) });
  expect(put.ok).toBe(true);
  ids = (await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json()) as typeof ids;
});
afterEach(async () => {
  await emulator.close();
});

const id = (collection: string, neutral: string): string => ids[collection]?.[neutral] ?? '';

describe('Zoho listRecordsSince (G13)', () => {
  it('G13: reads contacts, leads and deals: phones as stored, owner, a deal’s contact, creation time', async () => {
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    const byKey = new Map(page.value.records.map((record) => [`${record.entity}:${record.id}`, record]));
    expect(byKey.get(`contacts:${id('contacts', 'c1')}`)).toMatchObject({ phones: ['067 123 4567', '+380501112233'], ownerId: id('users', 'u1') });
    expect(byKey.get(`leads:${id('leads', 'l1')}`)).toMatchObject({ phones: ['+380441234567'], ownerId: id('users', 'u2') });
    expect(byKey.get(`deals:${id('deals', 'd1')}`)).toMatchObject({ phones: [], contactId: id('contacts', 'c1'), ownerId: id('users', 'u2') });
    expect(page.value.records).toHaveLength(4);
    expect(page.value.records.every((record) => record.createdAt instanceof Date)).toBe(true);
  });

  it('G13: only records modified at or after `since`: nothing after the last change; a re-owned contact with its new owner', async () => {
    const none = await adapter.listRecordsSince(new Date(Date.now() + 3_600_000));
    expect(none.ok && none.value.records).toEqual([]);
    const before = new Date(Date.now() - 1_000);
    expect((await adapter.apply({ key: 'e1#0', op: 'update_contact', id: id('contacts', 'c2'), patch: { ownerId: id('users', 'u1') } })).ok).toBe(true);
    const page = await adapter.listRecordsSince(before);
    if (!page.ok) throw page.error;
    expect(page.value.records.find((record) => record.id === id('contacts', 'c2'))).toMatchObject({ ownerId: id('users', 'u1') });
  });
});
