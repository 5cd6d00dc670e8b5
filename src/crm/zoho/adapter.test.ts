import { fitTexts } from '../capabilities.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalisePhone } from '../../domain/phone.js';
import type { Operation } from '../../domain/plan.js';
import { startZohoEmulator, type ZohoEmulator } from '../../../emulators/zoho/index.js';
import { execute } from '../../pipeline/execute.js';
import { createZohoAdapter, type ZohoCrm } from './adapter.js';
import { emulatorSnapshot } from '../../sandbox/emulator-snapshot.js';

// The adapter against the emulator over real HTTP (loopback only).

const TEXTS = fitTexts('en');
let emulator: ZohoEmulator;

const control = async (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${emulator.baseUrl}/_emulator/${path}`, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const seed = async (state: unknown): Promise<void> => {
  expect((await control('PUT', 'state', state)).status).toBe(204);
};
const requests = async (): Promise<{ total: number; byRoute: Record<string, number> }> =>
  (await (await control('GET', 'requests')).json()) as {
    total: number;
    byRoute: Record<string, number>;
  };
const adapter = (): ZohoCrm =>
  createZohoAdapter(emulator.connection, {
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
    texts: TEXTS,
  });
const lookup = (raw: string) => ({ phone: normalisePhone(raw, 'UA'), created: null });
/** The emulator's content, in the zone the adapter writes in. */
const emulatorContent = () => emulatorSnapshot(emulator.baseUrl, 'Europe/Kyiv');

beforeAll(async () => {
  emulator = await startZohoEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await control('POST', 'faults', { credentials: 'valid', fail: null, latencyMs: 0 });
  await seed({
    users: [
      { id: 'u1', name: 'Olena Top' },
      { id: 'u2', name: 'Petro' },
    ],
  });
});

describe('G1: find the client by phone in any stored format', () => {
  const FORMATS = [
    '+380671234567',
    '+380 67 123 4567',
    '067 123 4567',
    '+38-067-123-4567',
    '380671234567',
    '(067) 123-45-67',
  ];

  it('G1: every usual stored format is found, and the client comes whole in at most four requests', async () => {
    await seed({
      users: [{ id: 'u1', name: 'Olena Top' }],
      contacts: FORMATS.map((phone, index) => ({
        id: `c${index}`,
        name: `Ivan ${index}`,
        phones: ['+380509999999', phone],
        ownerId: 'u1',
        organizationId: 'o1',
      })),
      organizations: [{ id: 'o1', name: 'Ivan LLC', ownerId: 'u1' }],
      leads: [{ id: 'l1', name: 'Lead', phones: ['0671234567'], ownerId: 'u1', status: 'open' }],
      deals: [{ id: 'd1', name: 'Deal', contactId: 'c0', ownerId: 'u1', status: 'open' }],
    });
    await control('DELETE', 'requests');
    const found = await adapter().findClient(lookup('+380671234567'));
    if (!found.ok) throw found.error;
    expect(found.value.contacts.map((contact) => contact.name)).toEqual(
      FORMATS.map((_, index) => `Ivan ${index}`),
    );
    expect(found.value.leads.map((lead) => lead.name)).toEqual(['Lead']);
    expect(found.value.deals.map((deal) => deal.name)).toEqual(['Deal']);
    expect(found.value.organizations.map((organization) => organization.name)).toEqual([
      'Ivan LLC',
    ]);
    const counts = await requests();
    expect(counts.byRoute['GET /crm/v8/Contacts/search']).toBe(1);
    expect(counts.total).toBeLessThanOrEqual(4);
  });

  it('G1: a number stored with the international call prefix "00" or with text around it is NOT reached by Zoho search', async () => {
    await seed({
      users: [{ id: 'u1', name: 'Olena Top' }],
      contacts: [
        { id: 'c1', name: 'Prefix 00', phones: ['00380671234567'], ownerId: 'u1' },
        { id: 'c2', name: 'With extension', phones: ['067 123 4567 ext 5'], ownerId: 'u1' },
        { id: 'c3', name: 'Other number', phones: ['+380671234568'], ownerId: 'u1' },
      ],
    });
    const found = await adapter().findClient(lookup('0671234567'));
    if (!found.ok) throw found.error;
    expect(found.value.contacts).toEqual([]);
  });

  it('G1: an invalid number (hidden caller id) searches nothing and matches nobody', async () => {
    await seed({
      users: [{ id: 'u1', name: 'Olena Top' }],
      contacts: [{ id: 'c1', name: 'Anon', phones: ['anonymous'], ownerId: 'u1' }],
    });
    await control('DELETE', 'requests');
    const found = await adapter().findClient(lookup('anonymous'));
    expect(found.ok && found.value.contacts).toEqual([]);
    expect((await requests()).total).toBe(0);
  });

  it('§1.11: search results beyond one page of 200 are read page by page', async () => {
    const contacts = Array.from({ length: 250 }, (_, index) => ({
      id: `c${index}`,
      name: `Ivan ${index}`,
      phones: ['+380671234567'],
      ownerId: 'u1',
    }));
    await seed({
      users: [{ id: 'u1', name: 'Olena Top' }],
      contacts,
      deals: [{ id: 'd1', name: 'Last deal', contactId: 'c249', ownerId: 'u1', status: 'open' }],
    });
    await control('DELETE', 'requests');
    const found = await adapter().findClient(lookup('+380671234567'));
    if (!found.ok) throw found.error;
    expect(found.value.contacts).toHaveLength(250);
    expect(found.value.deals.map((deal) => deal.name)).toEqual(['Last deal']);
    expect((await requests()).byRoute['GET /crm/v8/Contacts/search']).toBe(2);
  });

  it('§1.9: users are read page by page', async () => {
    await seed({
      users: Array.from({ length: 230 }, (_, index) => ({
        id: `u${index}`,
        name: `User ${index}`,
      })),
    });
    const users = await adapter().listUsers();
    expect(users.ok && users.value.length).toBe(230);
  });
});

describe('G10: credentials and tokens', () => {
  it('G10: refused credentials come back as reauth (API 401, then the token endpoint refuses the refresh token)', async () => {
    const crm = adapter();
    expect((await crm.listUsers()).ok).toBe(true);
    await control('POST', 'faults', { credentials: 'revoked' });
    const result = await crm.findClient(lookup('+380671234567'));
    expect(result.ok ? 'ok' : result.error.kind).toBe('reauth');
    const fresh = await adapter().listUsers();
    expect(fresh.ok ? 'ok' : fresh.error.kind).toBe('reauth');
  });

  it('§1.2: ten concurrent calls on a fresh adapter fetch one access token', async () => {
    const crm = adapter();
    const results = await Promise.all(Array.from({ length: 10 }, () => crm.listUsers()));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(crm.client.tokenRequests).toBe(1);
  });

  it('§1.2: an expired token is refreshed once for ten concurrent calls', async () => {
    const crm = adapter();
    expect((await crm.listUsers()).ok).toBe(true);
    await control('POST', 'faults', { expireTokens: true });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => crm.findClient(lookup('+380671234567'))),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(crm.client.tokenRequests).toBe(2);
  });
});

describe('rate limits and server errors', () => {
  it('§1.12: 429 TOO_MANY_REQUESTS is retryable with the wait hint of X-RATELIMIT-RESET', async () => {
    const crm = adapter();
    await control('POST', 'faults', { fail: { count: 1, status: 429, retryAfterSec: 7 } });
    const result = await crm.listUsers();
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.kind).toBe('retryable');
    expect(result.error.retryAfterMs).toBeGreaterThan(5000);
    expect(result.error.retryAfterMs).toBeLessThanOrEqual(7000);
    expect((await crm.listUsers()).ok).toBe(true);
  });

  it('§1.3: 500 INTERNAL_ERROR is retryable', async () => {
    const crm = adapter();
    await control('POST', 'faults', { fail: { count: 1, status: 500 } });
    const result = await crm.findClient(lookup('+380671234567'));
    expect(result.ok ? 'ok' : result.error.kind).toBe('retryable');
  });
});

const createLead = (key: string, phone = '+380671234567'): Operation => ({
  op: 'create_lead',
  key,
  record: { name: 'Ivan', contactId: null, phones: [phone], ownerId: null, status: 'open' },
});

describe('writes', () => {
  it('§1.3: a record Zoho rejects (per-record INVALID_DATA) is permanent', async () => {
    const result = await adapter().apply(createLead('e1#0', '+38067#123'));
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.kind).toBe('permanent');
    expect(result.error.message).toContain('INVALID_DATA');
  });

  it('D13: a create retried after a lost reply (a new adapter, say after a crash) finds the record by its key instead of writing it twice', async () => {
    const first = await adapter().apply(createLead('ev-7#0'));
    const again = await adapter().apply(createLead('ev-7#0'));
    expect(first.ok && again.ok && again.value === first.value).toBe(true);
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.leads).toHaveLength(1);
  });

  it('D13: the same key through one adapter is not sent again', async () => {
    const crm = adapter();
    // The run's ledger (here the executor's `landed` map) answers "already landed?", not the adapter.
    const landed = new Map<string, string>();
    const record = (): Promise<void> => Promise.resolve();
    await execute([createLead('ev-8#0')], crm, landed, record);
    await control('DELETE', 'requests');
    await execute([createLead('ev-8#0')], crm, landed, record);
    expect((await requests()).total).toBe(0);
  });

  it('D13: a note whose create failed with an uncertain outcome is looked up before it is written again', async () => {
    await seed({
      users: [{ id: 'u1', name: 'Olena Top' }],
      contacts: [{ id: 'c1', name: 'Ivan', phones: [], ownerId: 'u1' }],
    });
    const ids = (await (await control('GET', 'ids')).json()) as {
      contacts: Record<string, string>;
    };
    const crm = adapter();
    expect((await crm.listUsers()).ok).toBe(true);
    const note: Operation = {
      op: 'create_comment',
      key: 'f1#1',
      record: {
        text: 'Call me',
        contactId: ids.contacts['c1'] ?? null,
        leadId: null,
        dealId: null,
      },
    };
    await control('POST', 'faults', { fail: { count: 1, status: 500 } });
    expect((await crm.apply(note)).ok).toBe(false);
    const first = await crm.apply(note);
    expect(first.ok).toBe(true);
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.comments.map((comment) => comment.text)).toEqual([
      'Call me',
    ]);
  });
});
