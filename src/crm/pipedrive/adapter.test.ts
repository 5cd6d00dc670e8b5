import { fitTexts } from '../capabilities.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normalisePhone } from '../../domain/phone.js';
import type { Snapshot } from '../../domain/snapshot.js';
import {
  startPipedriveEmulator,
  type PipedriveEmulator,
} from '../../../emulators/pipedrive/index.js';
import { execute } from '../../pipeline/execute.js';
import { createPipedriveAdapter, type PipedriveAdapterOptions } from './adapter.js';

// The adapter against the emulator over real HTTP on loopback.

const texts = fitTexts('en');
const options: PipedriveAdapterOptions = { texts, defaultCountry: 'UA', timezone: 'Europe/Kyiv' };
const phone = normalisePhone('+380671234567', 'UA');

let emu: PipedriveEmulator;
const post = (path: string, body: unknown): Promise<Response> =>
  fetch(`${emu.baseUrl}${path}`, {
    method: path.endsWith('state') ? 'PUT' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const seed = async (state: Partial<Snapshot>): Promise<void> => {
  expect((await post('/_emulator/state', state)).status).toBe(204);
};
const requests = async (): Promise<{
  total: number;
  byRoute: Record<string, number>;
  tokenGrants: number;
}> =>
  (await (await fetch(`${emu.baseUrl}/_emulator/requests`)).json()) as {
    total: number;
    byRoute: Record<string, number>;
    tokenGrants: number;
  };
const snapshot = async (): Promise<Snapshot> =>
  (await (
    await fetch(`${emu.baseUrl}/_emulator/snapshot?timezone=Europe/Kyiv`)
  ).json()) as Snapshot;

beforeAll(async () => {
  emu = await startPipedriveEmulator({ burstPer2s: 100_000 });
});
afterAll(async () => {
  await emu.close();
});
afterEach(async () => {
  await post('/_emulator/faults', {
    credentials: 'valid',
    fail: { count: 0, status: 500 },
    latencyMs: 0,
  });
  await fetch(`${emu.baseUrl}/_emulator/requests`, { method: 'DELETE' });
});

const STORED = {
  '+380671234567': 'c1',
  '+380 67 123 4567': 'c2',
  '067 123 4567': 'c3',
  '+38-067-123-4567': 'c4',
  '380671234567': 'c5',
  '(067) 123-45-67': 'c6',
  '067/123/45/67': 'c7', // a separator the search keeps: unreachable (README, G1)
  '+48 671 234 567 89': 'c8', // holds the same digits, is another number: confirmed away
};
const users = [
  { id: 'u1', name: 'Olena' },
  { id: 'u2', name: 'Petro' },
];
const clientState: Partial<Snapshot> = {
  users,
  contacts: Object.entries(STORED).map(([stored, id]) => ({
    id,
    name: id,
    phones: [stored],
    ownerId: 'u2',
    organizationId: id === 'c1' ? 'o1' : null,
  })),
  organizations: [{ id: 'o1', name: 'ACME', ownerId: 'u2' }],
  deals: [
    { id: 'd2', name: 'second', contactId: 'c1', ownerId: 'u2', status: 'lost' },
    {
      id: 'd1',
      name: 'first',
      contactId: 'c3',
      ownerId: 'u2',
      status: 'open',
      utm: { source: 'google' },
    },
  ],
  leads: [{ id: 'l1', contactId: 'c2', name: 'lead', phones: [], ownerId: 'u2', status: 'open' }],
};

describe('findClient (G1)', () => {
  it('G1: substring search reaches every stored format but "067/123/45/67", and confirms hits by normalising', async () => {
    await seed(clientState);
    const adapter = createPipedriveAdapter(emu.connection, options);
    const found = await adapter.findClient({ phone, created: null });
    if (!found.ok) throw found.error;
    expect(found.value.contacts.map((c) => c.name)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(found.value.deals.map((d) => d.name)).toEqual(['second', 'first']);
    expect(found.value.deals[1]?.utm).toEqual({ source: 'google' });
    expect(found.value.leads.map((l) => l.name)).toEqual(['lead']);
    expect(found.value.organizations.map((o) => o.name)).toEqual(['ACME']);
    // One search, the persons by id, deals and leads per person, the organizations (after the one-time setup).
    const counts = await requests();
    expect(counts.byRoute['GET /api/v2/persons/search']).toBe(1);
    expect(counts.byRoute['GET /api/v2/persons']).toBe(1);
    expect(counts.byRoute['GET /api/v2/organizations']).toBe(1);
  });

  it('G1: exact-variants search sends the four variants as exact searches (the emulator ignores separators in both modes)', async () => {
    await seed({
      ...clientState,
      contacts: [...(clientState.contacts ?? []), { id: 'c9', name: 'c9', phones: ['0671234567'] }],
    });
    const adapter = createPipedriveAdapter(emu.connection, {
      ...options,
      phoneSearch: 'exact-variants',
    });
    const found = await adapter.findClient({ phone, created: null });
    if (!found.ok) throw found.error;
    expect(found.value.contacts.map((c) => c.name)).toEqual([
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
      'c9',
    ]);
    expect((await requests()).byRoute['GET /api/v2/persons/search']).toBe(4);
  });

  it('G1: a number no record carries finds nobody', async () => {
    await seed(clientState);
    const adapter = createPipedriveAdapter(emu.connection, options);
    const found = await adapter.findClient({
      phone: normalisePhone('+380501110000', 'UA'),
      created: null,
    });
    expect(found.ok && found.value.contacts).toEqual([]);
  });
});

describe('errors → CrmError kinds (G10, crm-apis.md §2.3, §2.14)', () => {
  it('G10: revoked credentials → reauth', async () => {
    await seed({ users });
    await post('/_emulator/faults', { credentials: 'revoked' });
    const result = await createPipedriveAdapter(emu.connection, options).listUsers();
    expect(!result.ok && result.error.kind).toBe('reauth');
  });

  it('G10: a wrong API token → reauth', async () => {
    const result = await createPipedriveAdapter(
      { ...emu.connection, credentials: { apiToken: 'wrong' } },
      options,
    ).listUsers();
    expect(!result.ok && result.error.kind).toBe('reauth');
  });

  it('crm-apis §2.14: 429 with x-ratelimit-* and Retry-After → retryable with the wait hint', async () => {
    await post('/_emulator/faults', { fail: { count: 1, status: 429, retryAfterSec: 3 } });
    const result = await createPipedriveAdapter(emu.connection, options).listUsers();
    expect(!result.ok && result.error.kind).toBe('retryable');
    expect(!result.ok && result.error.retryAfterMs).toBe(3000);
  });

  it('crm-apis §2.14: the burst window itself answers 429 and its reset is the hint', async () => {
    const small = await startPipedriveEmulator({ burstPer2s: 2 });
    try {
      const adapter = createPipedriveAdapter(small.connection, options);
      const results = await Promise.all([
        adapter.listUsers(),
        adapter.listUsers(),
        adapter.listUsers(),
      ]);
      const refused = results.find((r) => !r.ok);
      expect(refused && !refused.ok && refused.error.kind).toBe('retryable');
      expect(refused && !refused.ok && (refused.error.retryAfterMs ?? 0) > 0).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('crm-apis §2.3: a 2xx with success:false inside → permanent', async () => {
    await post('/_emulator/faults', { fail: { count: 1, status: 200 } });
    const result = await createPipedriveAdapter(emu.connection, options).listUsers();
    expect(!result.ok && result.error.kind).toBe('permanent');
  });

  it('5xx → retryable; a rejected record (400) → permanent', async () => {
    await seed({ users });
    await post('/_emulator/faults', { fail: { count: 1, status: 503 } });
    const adapter = createPipedriveAdapter(emu.connection, options);
    const failed = await adapter.listUsers();
    expect(!failed.ok && failed.error.kind).toBe('retryable');
    const rejected = await adapter.apply({
      key: 'e#0',
      op: 'create_lead',
      record: { name: 'x', contactId: null, phones: [], ownerId: null, status: 'open' },
    });
    expect(!rejected.ok && rejected.error.kind).toBe('permanent');
  });
});

describe('OAuth (service.md §2, crm-apis.md §2.2)', () => {
  it('token expiry: ten concurrent calls after expiry share a single refresh', async () => {
    await seed({ users });
    const adapter = createPipedriveAdapter(emu.oauthConnection, options);
    expect((await adapter.listUsers()).ok).toBe(true);
    expect((await requests()).tokenGrants).toBe(1);
    await post('/_emulator/faults', { expireTokens: true });
    const results = await Promise.all(Array.from({ length: 10 }, () => adapter.listUsers()));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await requests()).tokenGrants).toBe(2);
  });

  it('G10: a refused refresh token → reauth', async () => {
    await post('/_emulator/faults', { credentials: 'revoked' });
    const result = await createPipedriveAdapter(emu.oauthConnection, options).listUsers();
    expect(!result.ok && result.error.kind).toBe('reauth');
  });
});

describe('pagination (crm-apis.md §2.3)', () => {
  it('v2 cursor pages and v1 start/limit pages are followed to the end', async () => {
    const contacts = Array.from({ length: 620 }, (_, i) => ({
      id: `c${i}`,
      name: `p${i}`,
      phones: [],
    }));
    const calls = Array.from({ length: 120 }, (_, i) => ({
      id: `cl${i}`,
      callId: `k${i}`,
      direction: 'incoming' as const,
      from: '+380671234567',
      to: '+380441234567',
      disposition: 'answered' as const,
    }));
    await seed({ users, contacts, calls });
    const adapter = createPipedriveAdapter(emu.connection, options);
    expect(await adapter.client.listV2('/api/v2/persons')).toHaveLength(620);
    expect(await adapter.client.listV1('/api/v1/callLogs', {}, 50)).toHaveLength(120);
    const counts = await requests();
    expect(counts.byRoute['GET /api/v2/persons']).toBe(2);
    expect(counts.byRoute['GET /api/v1/callLogs']).toBe(3);
  });
});

describe('D13: exactly once', () => {
  const task = {
    key: 'ev-1#2',
    op: 'create_task' as const,
    record: {
      assigneeId: null,
      done: false,
      title: 'Call back',
      contactId: null,
      leadId: null,
      dealId: null,
      callId: 'k1',
      recordingUrl: null,
    },
  };

  it('D13: a key already carried out returns the same id without a request', async () => {
    await seed({ users, contacts: [{ id: '5', name: 'Ivan', phones: [] }] });
    const adapter = createPipedriveAdapter(emu.connection, options);
    const op = { ...task, record: { ...task.record, contactId: '5' } };
    // The run's ledger (here the executor's `landed` map) answers "already landed?", not the adapter.
    const landed = new Map<string, string>();
    const record = (): Promise<void> => Promise.resolve();
    const first = await execute([op], adapter, landed, record);
    const before = (await requests()).total;
    const again = await execute([op], adapter, landed, record);
    expect(again).toEqual(first);
    expect((await requests()).total).toBe(before);
  });

  it('D13: after a lost answer the retry finds the activity by its marker instead of creating it twice', async () => {
    await seed({ users, contacts: [{ id: '5', name: 'Ivan', phones: [] }] });
    const adapter = createPipedriveAdapter(emu.connection, { ...options, timeoutMs: 50 });
    const op = { ...task, record: { ...task.record, contactId: '5' } };
    expect((await adapter.findClient({ phone: null, created: null })).ok).toBe(true); // reads the account's fields first
    await post('/_emulator/faults', { latencyMs: 300 });
    const lost = await adapter.apply(op);
    expect(!lost.ok && lost.error.kind).toBe('retryable');
    await post('/_emulator/faults', { latencyMs: 0 });
    for (let i = 0; i < 100 && (await snapshot()).tasks.length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const retried = await adapter.apply(op);
    expect(retried.ok).toBe(true);
    const tasks = (await snapshot()).tasks;
    expect(tasks).toHaveLength(1);
    expect(retried.ok && retried.value).toBe(tasks[0]?.id);
  });

  it('D13: a call log update replaces the log once (callLogs cannot be edited) and its retry changes nothing', async () => {
    await seed({ users, contacts: [{ id: '5', name: 'Ivan', phones: [] }] });
    const adapter = createPipedriveAdapter(emu.connection, options);
    const created = await adapter.apply({
      key: 'k1-3#1',
      op: 'create_call_log',
      record: {
        callId: 'k1',
        direction: 'incoming',
        from: '+380671234567',
        to: '+380441234567',
        disposition: 'answered',
        durationSec: 60,
        startedAt: '2026-11-20T10:00:00+02:00',
        recordingUrl: null,
        userId: null,
        contactId: '5',
        leadId: null,
        dealId: null,
      },
    });
    if (!created.ok) throw created.error;
    const update = {
      key: 'k1-4#0',
      op: 'update_call_log' as const,
      id: created.value,
      patch: { recordingUrl: 'https://records.example/k1.mp3' },
    };
    expect((await adapter.apply(update)).ok).toBe(true);
    expect((await adapter.apply(update)).ok).toBe(true);
    const calls = (await snapshot()).calls;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      callId: 'k1',
      description: 'Recording: https://records.example/k1.mp3',
      startedAt: '2026-11-20T10:00:00+02:00',
    });
  });
});
