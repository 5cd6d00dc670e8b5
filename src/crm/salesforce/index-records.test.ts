import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { fitTexts } from '../capabilities.js';
import { createSalesforceAdapter, type SalesforceAdapter } from './adapter.js';
import { deletedWindow, DELETE_LOG_REACH_MS, soqlDateTime } from './index-records.js';

// G13: the adapter's "modified since" reader against the emulator over real HTTP (loopback).

let emulator: Awaited<ReturnType<typeof startSalesforceEmulator>>;
let adapter: SalesforceAdapter;
let ids: Record<string, Record<string, string>>;

const emu = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
};

beforeEach(async () => {
  emulator = await startSalesforceEmulator({ queryBatchSize: 2 });
  adapter = createSalesforceAdapter(emulator.connection, {
    texts: fitTexts('en'),
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
  });
  await emu('PUT', '/_emulator/state', {
    users: [
      { id: 'u1', name: 'Olena Top' },
      { id: 'u2', name: 'Petro' },
    ],
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
  vi.useRealTimers();
});

const id = (collection: string, neutral: string): string => ids[collection]?.[neutral] ?? '';

describe('Salesforce listRecordsSince (G13)', () => {
  it('G13: reads every contact, lead and opportunity with phones as stored, owner, contact and creation time', async () => {
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    expect(page.value.next).toBeNull();
    const byId = new Map(page.value.records.map((record) => [record.id, record]));
    expect(byId.get(id('contacts', 'c1'))).toMatchObject({
      entity: 'contacts',
      phones: ['067 123 4567', '+380501112233'],
      ownerId: id('users', 'u1'),
      contactId: null,
    });
    expect(byId.get(id('leads', 'l1'))).toMatchObject({
      entity: 'leads',
      phones: ['+380441234567'],
      ownerId: id('users', 'u2'),
    });
    expect(byId.get(id('deals', 'd1'))).toMatchObject({
      entity: 'deals',
      phones: [],
      contactId: id('contacts', 'c1'),
      ownerId: id('users', 'u2'),
    });
    expect(page.value.records).toHaveLength(4);
    expect(
      page.value.records.every(
        (record) => record.createdAt instanceof Date && !Number.isNaN(record.createdAt.getTime()),
      ),
    ).toBe(true);
  });

  it('G13: only records modified at or after `since`: nothing after the last change, a re-owned contact with its new owner', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const none = await adapter.listRecordsSince(later);
    expect(none.ok && none.value.records).toEqual([]);
    const before = new Date(Date.now() - 1_000);
    const moved = await adapter.apply({
      key: 'e1#0',
      op: 'update_contact',
      id: id('contacts', 'c2'),
      patch: { ownerId: id('users', 'u1') },
    });
    expect(moved.ok).toBe(true);
    // Every seeded record was modified "now" too; what matters is the filter reaches the emulator and the change is seen.
    const page = await adapter.listRecordsSince(before);
    if (!page.ok) throw page.error;
    expect(page.value.records.find((record) => record.id === id('contacts', 'c2'))).toMatchObject({
      ownerId: id('users', 'u1'),
    });
  });

  it('SOQL dateTime literal: unquoted, seconds precision, UTC', () => {
    expect(soqlDateTime(new Date('2026-03-02T10:00:00.123Z'))).toBe('2026-03-02T10:00:00Z');
  });
});

/** DELETE /sobjects/{Type}/{id} as a person in the org would, with the account's own credentials. */
async function deleteInCrm(type: string, recordId: string): Promise<void> {
  const { clientId, clientSecret, refreshToken } = emulator.connection.credentials;
  const granted = await fetch(`${emulator.baseUrl}/services/oauth2/token`, {
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
  const response = await fetch(
    `${emulator.baseUrl}/services/data/v59.0/sobjects/${type}/${recordId}`,
    { method: 'DELETE', headers: { authorization: `Bearer ${token}` } },
  );
  expect(response.status).toBe(204);
}

describe('Salesforce listRecordsSince: records deleted in the CRM (G13)', () => {
  // Only Date is faked: the delete log answers by whole minutes, and minutes pass without waiting.
  const start = (): number => {
    const t0 = Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000 + 10_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    return t0;
  };

  it('G13: a poll names the contacts, leads and opportunities deleted since `since`; one deleted before is not, and deleted records are not read', async () => {
    const t0 = start();
    await deleteInCrm('Contact', id('contacts', 'c2'));
    vi.setSystemTime(t0 + 30_000);
    const since = new Date();
    vi.setSystemTime(t0 + 35_000);
    await deleteInCrm('Contact', id('contacts', 'c1'));
    await deleteInCrm('Opportunity', id('deals', 'd1'));
    await deleteInCrm('Lead', id('leads', 'l1'));
    vi.setSystemTime(t0 + 150_000);
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(page.value.next).toBeNull();
    expect(page.value.records).toEqual([]);
    expect(page.value.removed).toEqual(
      expect.arrayContaining([
        { entity: 'contacts', id: id('contacts', 'c1') },
        { entity: 'leads', id: id('leads', 'l1') },
        { entity: 'deals', id: id('deals', 'd1') },
      ]),
    );
    expect(page.value.removed).toHaveLength(3);
    const counts = (await emu('GET', '/_emulator/requests')) as { byRoute: Record<string, number> };
    for (const type of ['Contact', 'Lead', 'Opportunity'])
      expect(counts.byRoute[`GET /services/data/{version}/sobjects/${type}/deleted`]).toBe(1);
  });

  it('G13: the activation load (since null) asks for no removals and reads what is left', async () => {
    const t0 = start();
    await deleteInCrm('Contact', id('contacts', 'c2'));
    vi.setSystemTime(t0 + 120_000);
    await emu('DELETE', '/_emulator/requests');
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    expect(page.value.removed ?? []).toEqual([]);
    expect(page.value.records.map((record) => record.id)).not.toContain(id('contacts', 'c2'));
    expect(page.value.records).toHaveLength(3);
    const counts = (await emu('GET', '/_emulator/requests')) as { byRoute: Record<string, number> };
    expect(Object.keys(counts.byRoute).filter((route) => route.endsWith('/deleted'))).toEqual([]);
  });

  it('G13: a delete log that no longer reaches `since` (purged) gives no removals; the modified records still come', async () => {
    const t0 = start();
    const since = new Date(t0 - 60_000);
    await deleteInCrm('Contact', id('contacts', 'c2'));
    await emu('POST', '/_emulator/faults', { purgeDeleteLog: true });
    expect(
      (
        await adapter.apply({
          key: 'e1#0',
          op: 'update_contact',
          id: id('contacts', 'c1'),
          patch: { ownerId: id('users', 'u2') },
        })
      ).ok,
    ).toBe(true);
    vi.setSystemTime(t0 + 120_000);
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(page.value.removed).toEqual([]);
    expect(page.value.records.map((record) => record.id)).toContain(id('contacts', 'c1'));
  });

  it('G13: a failing Get Deleted fails the page (the next poll reads again from the same `since`)', async () => {
    const t0 = start();
    vi.setSystemTime(t0 + 120_000);
    await adapter.listRecordsSince(null);
    await emu('POST', '/_emulator/faults', { fail: { count: 1, status: 503 } });
    const page = await adapter.listRecordsSince(new Date(t0));
    expect(page.ok).toBe(false);
    if (!page.ok) expect(page.error.kind).toBe('retryable');
  });

  it('G13: the window asked: start at least three minutes before now (the API ignores seconds), no more than 14 days back', () => {
    const now = new Date('2026-12-01T10:00:30Z');
    expect(deletedWindow(new Date('2026-12-01T09:50:00Z'), now)).toEqual({
      start: new Date('2026-12-01T09:50:00Z'),
      end: now,
    });
    expect(deletedWindow(new Date('2026-12-01T09:59:45Z'), now).start).toEqual(
      new Date('2026-12-01T09:57:30Z'),
    );
    expect(deletedWindow(new Date('2026-10-01T00:00:00Z'), now).start).toEqual(
      new Date(now.getTime() - DELETE_LOG_REACH_MS),
    );
  });
});
