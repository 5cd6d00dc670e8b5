import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { fitTexts } from '../../cli/simulate.js';
import { createSalesforceAdapter, type SalesforceAdapter } from './adapter.js';
import { soqlDateTime } from './index-records.js';

// G13: the adapter's "modified since" reader against the emulator over real HTTP (loopback).

let emulator: Awaited<ReturnType<typeof startSalesforceEmulator>>;
let adapter: SalesforceAdapter;
let ids: Record<string, Record<string, string>>;

const emu = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${emulator.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
};

beforeEach(async () => {
  emulator = await startSalesforceEmulator({ queryBatchSize: 2 });
  adapter = createSalesforceAdapter(emulator.connection, { texts: fitTexts('en'), defaultCountry: 'UA', timezone: 'Europe/Kyiv' });
  await emu('PUT', '/_emulator/state', {
    users: [{ id: 'u1', name: 'Olena Top' }, { id: 'u2', name: 'Petro' }],
    contacts: [
      { id: 'c1', name: 'Ivan', phones: ['067 123 4567', '+380501112233'], ownerId: 'u1' },
      { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u2' },
    ],
    leads: [{ id: 'l1', name: 'Oleh', phones: ['+380441234567'], ownerId: 'u2', status: 'open' }],
    deals: [{ id: 'd1', name: 'Deal', contactId: 'c1', ownerId: 'u2', status: 'open' }],
  });
  ids = (await emu('GET', '/_emulator/ids')) as typeof ids;
});
afterEach(async () => {
  await emulator.close();
});

const id = (collection: string, neutral: string): string => ids[collection]?.[neutral] ?? '';

describe('Salesforce listRecordsSince (G13)', () => {
  it('G13: reads every contact, lead and opportunity with phones as stored, owner, contact and creation time', async () => {
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    expect(page.value.next).toBeNull();
    const byId = new Map(page.value.records.map((record) => [record.id, record]));
    expect(byId.get(id('contacts', 'c1'))).toMatchObject({ entity: 'contacts', phones: ['067 123 4567', '+380501112233'], ownerId: id('users', 'u1'), contactId: null });
    expect(byId.get(id('leads', 'l1'))).toMatchObject({ entity: 'leads', phones: ['+380441234567'], ownerId: id('users', 'u2') });
    expect(byId.get(id('deals', 'd1'))).toMatchObject({ entity: 'deals', phones: [], contactId: id('contacts', 'c1'), ownerId: id('users', 'u2') });
    expect(page.value.records).toHaveLength(4);
    expect(page.value.records.every((record) => record.createdAt instanceof Date && !Number.isNaN(record.createdAt.getTime()))).toBe(true);
  });

  it('G13: only records modified at or after `since`: nothing after the last change, a re-owned contact with its new owner', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const none = await adapter.listRecordsSince(later);
    expect(none.ok && none.value.records).toEqual([]);
    const before = new Date(Date.now() - 1_000);
    const moved = await adapter.apply({ key: 'e1#0', op: 'update_contact', id: id('contacts', 'c2'), patch: { ownerId: id('users', 'u1') } });
    expect(moved.ok).toBe(true);
    // Every seeded record was modified "now" too; what matters is the filter reaches the emulator and the change is seen.
    const page = await adapter.listRecordsSince(before);
    if (!page.ok) throw page.error;
    expect(page.value.records.find((record) => record.id === id('contacts', 'c2'))).toMatchObject({ ownerId: id('users', 'u1') });
  });

  it('SOQL dateTime literal: unquoted, seconds precision, UTC', () => {
    expect(soqlDateTime(new Date('2026-03-02T10:00:00.123Z'))).toBe('2026-03-02T10:00:00Z');
  });
});
