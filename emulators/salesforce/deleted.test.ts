import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSalesforceEmulator } from './index.js';

// G13: DELETE /sobjects/{Type}/{id} and sObject Get Deleted
// (/sobjects/{Type}/deleted/?start&end) over real HTTP. Only Date is faked, so
// the delete log's minutes can pass without waiting.

let emulator: Awaited<ReturnType<typeof startSalesforceEmulator>>;
let ids: Record<string, Record<string, string>>;
let accessToken: string;
const T0 = Date.UTC(2026, 11, 1, 10, 0, 10);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  emulator = await startSalesforceEmulator();
  await emu('PUT', '/_emulator/state', {
    users: [{ id: 'u1', name: 'Olena Top' }],
    organizations: [{ id: 'o1', name: 'Acme', ownerId: 'u1' }],
    contacts: [
      { id: 'c1', name: 'Ivan', phones: ['+380671234567'], ownerId: 'u1' },
      { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u1', organizationId: 'o1' },
    ],
    leads: [{ id: 'l1', name: 'Oleh', phones: ['+380441234567'], ownerId: 'u1', status: 'open' }],
    deals: [
      {
        id: 'd1',
        name: 'Deal',
        contactId: 'c2',
        organizationId: 'o1',
        ownerId: 'u1',
        status: 'open',
      },
    ],
  });
  ids = (await (await emu('GET', '/_emulator/ids')).json()) as typeof ids;
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
  accessToken = ((await granted.json()) as { access_token: string }).access_token;
});
afterEach(async () => {
  await emulator.close();
  vi.useRealTimers();
});

function emu(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}
const api = (method: string, path: string): Promise<Response> =>
  fetch(`${emulator.baseUrl}/services/data/v59.0${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}` },
  });
const id = (collection: string, neutral: string): string => ids[collection]?.[neutral] ?? '';
const iso = (ms: number): string =>
  encodeURIComponent(new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00'));
const deleted = (type: string, start: number, end: number): Promise<Response> =>
  api('GET', `/sobjects/${type}/deleted/?start=${iso(start)}&end=${iso(end)}`);
interface DeletedAnswer {
  deletedRecords: Array<{ id: string; deletedDate: string }>;
  earliestDateAvailable: string;
  latestDateCovered: string;
}

describe('Salesforce emulator: deleted records (G13)', () => {
  it("G13: DELETE answers 204, then 404 ENTITY_IS_DELETED; Get Deleted lists the record with its deletedDate in Salesforce's shape", async () => {
    expect((await api('DELETE', `/sobjects/Contact/${id('contacts', 'c1')}`)).status).toBe(204);
    expect((await api('GET', `/sobjects/Contact/${id('contacts', 'c1')}`)).status).toBe(404);
    const again = await api('DELETE', `/sobjects/Contact/${id('contacts', 'c1')}`);
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual([
      { errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' },
    ]);
    vi.setSystemTime(T0 + 120_000);
    const answer = await deleted('Contact', T0 - 600_000, T0 + 120_000);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as DeletedAnswer;
    expect(body.deletedRecords).toEqual([
      { id: id('contacts', 'c1'), deletedDate: '2026-12-01T10:00:10.000+0000' },
    ]);
    expect(body.latestDateCovered).toBe('2026-12-01T10:02:00.000+0000');
    expect(body.earliestDateAvailable).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000\+0000$/);
    // Per type: no contact among deleted leads; the query no longer finds the record.
    expect(
      ((await (await deleted('Lead', T0 - 600_000, T0 + 120_000)).json()) as DeletedAnswer)
        .deletedRecords,
    ).toEqual([]);
    const query = (await (
      await api('GET', `/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`)
    ).json()) as { records: Array<{ Id: string }> };
    expect(query.records.map((r) => r.Id)).toEqual([id('contacts', 'c2')]);
    const counts = (await (await emu('GET', '/_emulator/requests')).json()) as {
      byRoute: Record<string, number>;
    };
    expect(counts.byRoute['GET /services/data/{version}/sobjects/Contact/deleted']).toBe(1);
    expect(counts.byRoute['DELETE /services/data/{version}/sobjects/Contact/{id}']).toBe(2);
  });

  it('G13: the seconds of start and end are ignored; the current minute is not covered yet', async () => {
    await api('DELETE', `/sobjects/Lead/${id('leads', 'l1')}`);
    // Deleted at 10:00:10: a start of 10:00:50 is read as 10:00:00 and still finds it.
    vi.setSystemTime(T0 + 40_000);
    const sameMinute = (await (
      await deleted('Lead', T0 - 300_000, T0 + 40_000)
    ).json()) as DeletedAnswer;
    expect(sameMinute.deletedRecords).toEqual([]);
    expect(sameMinute.latestDateCovered).toBe('2026-12-01T10:00:00.000+0000');
    vi.setSystemTime(T0 + 180_000);
    const later = (await (
      await deleted('Lead', T0 + 40_000, T0 + 180_000)
    ).json()) as DeletedAnswer;
    expect(later.deletedRecords.map((r) => r.id)).toEqual([id('leads', 'l1')]);
    const after = (await (
      await deleted('Lead', T0 + 60_000, T0 + 180_000)
    ).json()) as DeletedAnswer;
    expect(after.deletedRecords).toEqual([]);
  });

  it('G13: deleting an account deletes its contacts and opportunities too; all are in the delete log', async () => {
    expect((await api('DELETE', `/sobjects/Account/${id('organizations', 'o1')}`)).status).toBe(
      204,
    );
    vi.setSystemTime(T0 + 120_000);
    const contacts = (await (
      await deleted('Contact', T0 - 300_000, T0 + 120_000)
    ).json()) as DeletedAnswer;
    const deals = (await (
      await deleted('Opportunity', T0 - 300_000, T0 + 120_000)
    ).json()) as DeletedAnswer;
    expect(contacts.deletedRecords.map((r) => r.id)).toEqual([id('contacts', 'c2')]);
    expect(deals.deletedRecords.map((r) => r.id)).toEqual([id('deals', 'd1')]);
  });

  it('G13: INVALID_REPLICATION_DATE when start is not more than a minute before end, before the last purge or 15 days back; missing start, other methods, old versions', async () => {
    const invalid = async (response: Response): Promise<void> => {
      expect(response.status).toBe(400);
      expect(((await response.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe(
        'INVALID_REPLICATION_DATE',
      );
    };
    await invalid(await deleted('Contact', T0, T0 + 59_000));
    await invalid(await deleted('Contact', T0, T0 + 60_000));
    await invalid(await deleted('Contact', T0 - 16 * 86_400_000, T0));
    expect((await deleted('Contact', T0 - 14 * 86_400_000, T0)).status).toBe(200);
    expect((await emu('POST', '/_emulator/faults', { purgeDeleteLog: true })).status).toBe(204);
    await invalid(await deleted('Contact', T0 - 300_000, T0));
    vi.setSystemTime(T0 + 180_000);
    expect((await deleted('Contact', T0 + 60_000, T0 + 180_000)).status).toBe(200);

    const missing = await api('GET', `/sobjects/Contact/deleted?end=${iso(T0)}`);
    expect(missing.status).toBe(400);
    expect(
      (await api('GET', `/sobjects/Contact/deleted?start=yesterday&end=${iso(T0)}`)).status,
    ).toBe(400);
    expect(
      (await api('POST', `/sobjects/Contact/deleted?start=${iso(T0 - 300_000)}&end=${iso(T0)}`))
        .status,
    ).toBe(405);
    const old = await fetch(
      `${emulator.baseUrl}/services/data/v28.0/sobjects/Contact/deleted?start=${iso(T0 - 300_000)}&end=${iso(T0)}`,
      { headers: { authorization: `Bearer ${accessToken}` } },
    );
    expect(old.status).toBe(404);
    expect(
      (
        await fetch(
          `${emulator.baseUrl}/services/data/v59.0/sobjects/Contact/deleted?start=${iso(T0 - 300_000)}&end=${iso(T0)}`,
        )
      ).status,
    ).toBe(401);
  });
});
