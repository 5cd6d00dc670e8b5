import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startPipedriveEmulator,
  type PipedriveEmulator,
} from '../../../emulators/pipedrive/index.js';
import { fitTexts } from '../capabilities.js';
import { createPipedriveAdapter, type PipedriveAdapter } from './adapter.js';
import { pipedriveTime, rfc3339 } from './index-records.js';

// G13: the adapter's "modified since" reader against the emulator over real HTTP (loopback).

let emu: PipedriveEmulator;
let adapter: PipedriveAdapter;
let ids: Record<string, Record<string, string>>;

beforeEach(async () => {
  emu = await startPipedriveEmulator({ burstPer2s: 100_000 });
  adapter = createPipedriveAdapter(emu.connection, {
    texts: fitTexts('en'),
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
  });
  const state = {
    users: [
      { id: 'u1', name: 'Olena Top' },
      { id: 'u2', name: 'Petro' },
    ],
    contacts: [
      { id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' },
      { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u2' },
    ],
    leads: [{ id: 'l1', name: 'Oleh', contactId: 'c2', phones: [], ownerId: 'u2', status: 'open' }],
    deals: [{ id: 'd1', name: 'Deal', contactId: 'c1', ownerId: 'u2', status: 'open' }],
  };
  const put = await fetch(`${emu.baseUrl}/_emulator/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
  expect(put.status).toBe(204);
  ids = (await (await fetch(`${emu.baseUrl}/_emulator/ids`)).json()) as typeof ids;
});
afterEach(async () => {
  await emu.close();
});

const id = (collection: string, neutral: string): string => ids[collection]?.[neutral] ?? '';

describe('Pipedrive listRecordsSince (G13)', () => {
  it('G13: reads persons, leads and deals: phones as stored, owner, person (a deal’s and a lead’s phones are its person’s), creation time', async () => {
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    expect(page.value.next).toBeNull();
    const byKey = new Map(
      page.value.records.map((record) => [`${record.entity}:${record.id}`, record]),
    );
    expect(byKey.get(`contacts:${id('contacts', 'c1')}`)).toMatchObject({
      phones: ['067 123 4567'],
      ownerId: id('users', 'u1'),
      contactId: null,
    });
    expect(byKey.get(`deals:${id('deals', 'd1')}`)).toMatchObject({
      phones: [],
      ownerId: id('users', 'u2'),
      contactId: id('contacts', 'c1'),
    });
    expect(byKey.get(`leads:${id('leads', 'l1')}`)).toMatchObject({
      ownerId: id('users', 'u2'),
      contactId: id('contacts', 'c2'),
    });
    expect(page.value.records).toHaveLength(4);
    expect(page.value.records.every((record) => record.createdAt instanceof Date)).toBe(true);
  });

  it('G13: `updated_since` reaches the emulator: nothing after the last change; a re-owned person with its new owner', async () => {
    const none = await adapter.listRecordsSince(new Date(Date.now() + 3_600_000));
    expect(none.ok && none.value.records).toEqual([]);
    const before = new Date(Date.now() - 1_000);
    expect(
      (
        await adapter.apply({
          key: 'e1#0',
          op: 'update_contact',
          id: id('contacts', 'c2'),
          patch: { ownerId: id('users', 'u1') },
        })
      ).ok,
    ).toBe(true);
    const page = await adapter.listRecordsSince(before);
    if (!page.ok) throw page.error;
    expect(
      page.value.records.find(
        (record) => record.entity === 'contacts' && record.id === id('contacts', 'c2'),
      ),
    ).toMatchObject({ ownerId: id('users', 'u1') });
  });

  it('Pipedrive times: v2 RFC 3339 and v1 `YYYY-MM-DD HH:MM:SS` (UTC) read alike; the filter is written without milliseconds', () => {
    expect(pipedriveTime('2026-03-02 10:00:00')).toEqual(new Date('2026-03-02T10:00:00Z'));
    expect(pipedriveTime('2026-03-02T10:00:00Z')).toEqual(new Date('2026-03-02T10:00:00Z'));
    expect(pipedriveTime(null)).toBeNull();
    expect(rfc3339(new Date('2026-03-02T10:00:00.456Z'))).toBe('2026-03-02T10:00:00Z');
  });
});

describe('Pipedrive listRecordsSince: records deleted in the CRM (G13)', () => {
  const inCrm = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${emu.baseUrl}${path}`, {
      method,
      headers: {
        'x-api-token': emu.connection.credentials.apiToken,
        'content-type': 'application/json',
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    expect(response.status).toBeLessThan(300);
    return response;
  };

  it('G13: a deal deleted in the CRM since `since` is in `removed`; one deleted before `since` is not', async () => {
    const older = (
      (await (
        await inCrm('POST', '/api/v2/deals', {
          title: 'Older',
          person_id: Number(id('contacts', 'c2')),
        })
      ).json()) as { data: { id: number } }
    ).data.id;
    await inCrm('DELETE', `/api/v2/deals/${older}`);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // Pipedrive's times are to the second
    const since = new Date();
    await inCrm('DELETE', `/api/v2/deals/${id('deals', 'd1')}`);
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(page.value.removed).toEqual([{ entity: 'deals', id: id('deals', 'd1') }]);
    expect(page.value.records.some((record) => record.entity === 'deals')).toBe(false);
    expect(page.value.next).toBeNull();
  });

  it('G13: the activation load asks for no removals and lists no deleted deal', async () => {
    await inCrm('DELETE', `/api/v2/deals/${id('deals', 'd1')}`);
    await fetch(`${emu.baseUrl}/_emulator/requests`, { method: 'DELETE' });
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    expect(page.value.removed).toBeUndefined();
    expect(page.value.records.filter((record) => record.entity === 'deals')).toEqual([]);
    const counts = (await (await fetch(`${emu.baseUrl}/_emulator/requests`)).json()) as {
      byRoute: Record<string, number>;
    };
    expect(counts.byRoute['GET /api/v2/deals']).toBe(1);
  });

  it('G13 limitation: a person or a lead deleted in the CRM is not reported (no Pipedrive list shows them), nor listed', async () => {
    const since = new Date(Date.now() - 1_000);
    await inCrm('DELETE', `/api/v2/persons/${id('contacts', 'c1')}`);
    await inCrm('DELETE', `/api/v1/leads/${id('leads', 'l1')}`);
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(page.value.removed).toEqual([]);
    expect(
      page.value.records.filter(
        (record) =>
          `${record.entity}:${record.id}` === `contacts:${id('contacts', 'c1')}` ||
          record.entity === 'leads',
      ),
    ).toEqual([]);
  });

  it('G13: a refused token on the deleted-deals list fails the poll whole (no page without its removals)', async () => {
    const broken = createPipedriveAdapter(
      { ...emu.connection, credentials: { apiToken: 'wrong' } },
      { texts: fitTexts('en'), defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    );
    const page = await broken.listRecordsSince(new Date());
    expect(page.ok).toBe(false);
    if (!page.ok) expect(page.error.kind).toBe('reauth');
  });
});
