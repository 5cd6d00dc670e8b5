import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPipedriveEmulator, type PipedriveEmulator } from './index.js';

// G13: the emulator's DELETE endpoints for persons, deals and leads, and the
// only listing of deleted records Pipedrive has: `GET /api/v2/deals?status=deleted`
// (deals deleted less than 30 days ago; crm-apis.md §2.7, client-nodejs v32 docs).

let emu: PipedriveEmulator;
let ids: Record<string, Record<string, string>>;
const api = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${emu.baseUrl}${path}`, {
    ...init,
    headers: {
      'x-api-token': emu.connection.credentials.apiToken,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
const data = async (response: Response): Promise<unknown> =>
  ((await response.json()) as { data: unknown }).data;
const dealIds = async (query: string): Promise<number[]> =>
  ((await data(await api(`/api/v2/deals${query}`))) as Array<{ id: number }>).map(
    (deal) => deal.id,
  );
const id = (collection: string, neutral: string): number => Number(ids[collection]?.[neutral]);

beforeEach(async () => {
  emu = await startPipedriveEmulator({ burstPer2s: 100_000 });
  const state = {
    users: [{ id: 'u1', name: 'Olena' }],
    contacts: [
      { id: 'c1', name: 'Ivan', phones: ['+380671234567'], ownerId: 'u1' },
      { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u1' },
    ],
    leads: [{ id: 'l1', name: 'Lead', contactId: 'c2', phones: [], ownerId: 'u1', status: 'open' }],
    deals: [
      { id: 'd1', name: 'One', contactId: 'c1', ownerId: 'u1', status: 'open' },
      { id: 'd2', name: 'Two', contactId: 'c1', ownerId: 'u1', status: 'won' },
    ],
  };
  expect(
    (await fetch(`${emu.baseUrl}/_emulator/state`, { method: 'PUT', body: JSON.stringify(state) }))
      .status,
  ).toBe(204);
  ids = (await (await fetch(`${emu.baseUrl}/_emulator/ids`)).json()) as typeof ids;
});
afterEach(async () => {
  vi.useRealTimers();
  await emu.close();
});

describe('Pipedrive emulator: deleted records (G13)', () => {
  it('G13: DELETE /api/v2/deals/{id} answers its id; the deal leaves the list and lookups; status=deleted lists it, flagged', async () => {
    const d1 = id('deals', 'd1');
    const gone = await api(`/api/v2/deals/${d1}`, { method: 'DELETE' });
    expect(gone.status).toBe(200);
    expect(await gone.json()).toEqual({ success: true, data: { id: d1 } });
    expect(await dealIds('')).toEqual([id('deals', 'd2')]);
    expect((await api(`/api/v2/deals/${d1}`)).status).toBe(404);
    expect(
      (
        await api(`/api/v2/deals/${d1}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: '{"title":"x"}',
        })
      ).status,
    ).toBe(404);
    expect((await api(`/api/v2/deals/${d1}`, { method: 'DELETE' })).status).toBe(404);

    const deleted = (await data(await api('/api/v2/deals?status=deleted'))) as Array<
      Record<string, unknown>
    >;
    expect(deleted).toEqual([
      expect.objectContaining({
        id: d1,
        is_deleted: true,
        status: 'deleted',
        person_id: id('contacts', 'c1'),
      }),
    ]);
    // Several statuses, comma-separated; the other list filters apply to deleted deals too.
    expect(await dealIds('?status=won,deleted')).toEqual([d1, id('deals', 'd2')]);
    expect(await dealIds(`?status=deleted&person_id=${id('contacts', 'c2')}`)).toEqual([]);
  });

  it('G13: status=deleted with updated_since: the deletion time counts; a deal deleted before it is left out', async () => {
    await api(`/api/v2/deals/${id('deals', 'd1')}`, { method: 'DELETE' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const since = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    await api(`/api/v2/deals/${id('deals', 'd2')}`, { method: 'DELETE' });
    expect(await dealIds(`?status=deleted&updated_since=${since}`)).toEqual([id('deals', 'd2')]);
    expect(await dealIds('?status=deleted')).toEqual([id('deals', 'd1'), id('deals', 'd2')]);
  });

  it('G13: a deal deleted 30 days ago or more is gone for good (Pipedrive, January 2023)', async () => {
    await api(`/api/v2/deals/${id('deals', 'd1')}`, { method: 'DELETE' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 29 * 86_400_000);
    expect(await dealIds('?status=deleted')).toEqual([id('deals', 'd1')]);
    vi.setSystemTime(Date.now() + 2 * 86_400_000);
    expect(await dealIds('?status=deleted')).toEqual([]);
  });

  it('G13: DELETE /api/v2/persons/{id}: gone from the list, the phone search and lookups; no list shows it deleted', async () => {
    const c1 = id('contacts', 'c1');
    const gone = await api(`/api/v2/persons/${c1}`, { method: 'DELETE' });
    expect(await gone.json()).toEqual({ success: true, data: { id: c1 } });
    expect(
      ((await data(await api('/api/v2/persons'))) as Array<{ id: number }>).map((p) => p.id),
    ).toEqual([id('contacts', 'c2')]);
    expect(
      (
        (await data(await api('/api/v2/persons/search?term=671234567&fields=phone'))) as {
          items: unknown[];
        }
      ).items,
    ).toEqual([]);
    expect((await api(`/api/v2/persons/${c1}`)).status).toBe(404);
    expect((await api(`/api/v2/persons/${c1}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('G13: DELETE /api/v1/leads/{id}: the lead is gone from the list and lookups', async () => {
    const l1 = ids['leads']?.['l1'] ?? '';
    const gone = await api(`/api/v1/leads/${l1}`, { method: 'DELETE' });
    expect(await gone.json()).toEqual({ success: true, data: { id: l1 } });
    expect(await data(await api('/api/v1/leads'))).toEqual([]);
    expect((await api(`/api/v1/leads/${l1}`)).status).toBe(404);
  });

  it('G13: the deletes need the token (401) and the deals list refuses an unknown status (400)', async () => {
    expect(
      (await fetch(`${emu.baseUrl}/api/v2/deals/${id('deals', 'd1')}`, { method: 'DELETE' }))
        .status,
    ).toBe(401);
    expect(
      (await fetch(`${emu.baseUrl}/api/v2/persons/${id('contacts', 'c1')}`, { method: 'DELETE' }))
        .status,
    ).toBe(401);
    expect(await dealIds('')).toHaveLength(2);
    const bad = await api('/api/v2/deals?status=removed');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      success: false,
      error: 'status must be one of open, won, lost, deleted',
    });
  });
});
