import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { normalisePhone } from '../../domain/phone.js';
import type { Operation } from '../../domain/plan.js';
import { fitTexts } from '../capabilities.js';
import { createSalesforceAdapter, type SalesforceAdapter } from './adapter.js';
import { listFields, listPipelines } from './admin.js';
import { soslSpellings } from './find-client.js';
import { emulatorSnapshot } from '../../sandbox/emulator-snapshot.js';

// The adapter against the emulator over real HTTP.

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
const requests = async (): Promise<{
  total: number;
  byRoute: Record<string, number>;
  oauth: number;
}> => (await emu('GET', '/_emulator/requests')) as never;
const make = (): SalesforceAdapter =>
  createSalesforceAdapter(emulator.connection, {
    texts: fitTexts('en'),
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
  });
const phone = (raw: string) => normalisePhone(raw, 'UA');

const users = [
  { id: 'u1', name: 'Olena Top' },
  { id: 'u2', name: 'Petro' },
  { id: 'u3', name: 'Maria' },
];
const STORED = [
  '+380671234567',
  '+380 67 123 4567',
  '067 123 4567',
  '+38-067-123-4567',
  '380671234567',
  '(067) 123-45-67',
];
const UNREACHABLE = '00380671234567';

async function seed(state: Record<string, unknown>): Promise<void> {
  await emu('PUT', '/_emulator/state', { users, ...state });
  ids = (await emu('GET', '/_emulator/ids')) as typeof ids;
  await emu('DELETE', '/_emulator/requests');
}

beforeEach(async () => {
  emulator = await startSalesforceEmulator({ queryBatchSize: 2 });
  adapter = make();
});
afterEach(async () => {
  await emulator.close();
});
/** The emulator's content, in the zone the adapter writes in. */
const emulatorContent = () => emulatorSnapshot(emulator.baseUrl, 'Europe/Kyiv');

describe('findClient (G1)', () => {
  it('G1: finds records stored in any usual format, confirms each hit, and names the format SOSL cannot reach', async () => {
    await seed({
      contacts: [
        ...STORED.map((p, i) => ({
          id: `c${i + 1}`,
          name: `Ivan ${i + 1}`,
          phones: [p],
          ownerId: 'u2',
        })),
        { id: 'c9', name: 'Unreachable', phones: [UNREACHABLE] },
        { id: 'c10', name: 'Other client', phones: ['+380501112233'] },
      ],
      leads: [{ id: 'l1', name: 'Lead', phones: ['0671234567'], ownerId: 'u1', status: 'open' }],
    });
    const found = await adapter.findClient({ phone: phone('+380671234567'), created: null });
    if (!found.ok) throw found.error;
    expect(found.value.contacts.map((c) => c.name)).toEqual(STORED.map((_, i) => `Ivan ${i + 1}`));
    expect(found.value.leads.map((l) => l.id)).toEqual([ids['leads']?.['l1']]);
    // "00380…" (international call prefix) has digits no variant carries: SOSL cannot reach it.
    expect(found.value.contacts.some((c) => c.name === 'Unreachable')).toBe(false);
    expect(normalisePhone(UNREACHABLE, 'UA').e164).toBe('+380671234567');
  });

  it('G1: a new client costs one request; the variants are E.164, without +, national with trunk prefix, national digits', async () => {
    await seed({});
    expect(soslSpellings('+380671234567')).toEqual([
      '+380671234567',
      '380671234567',
      '0671234567',
      '671234567',
    ]);
    const found = await adapter.findClient({ phone: phone('0671234567'), created: null });
    expect(found.ok && found.value).toEqual({
      contacts: [],
      leads: [],
      deals: [],
      organizations: [],
    });
    expect((await requests()).byRoute).toEqual({ 'GET /services/data/{version}/search': 1 });
  });

  it('an invalid number (hidden caller id) is never looked up and matches nobody', async () => {
    await seed({ contacts: [{ id: 'c1', name: 'Anon', phones: ['anonymous'] }] });
    const found = await adapter.findClient({ phone: phone('anonymous'), created: null });
    expect(found.ok && found.value.contacts).toEqual([]);
    expect((await requests()).total).toBe(0);
  });

  it("returns the contacts' leads and deals and the organizations, oldest first, in three requests", async () => {
    await seed({
      organizations: [{ id: 'o1', name: 'Acme', ownerId: 'u2' }],
      contacts: [
        {
          id: 'c1',
          name: 'Ivan',
          phones: ['067 123 4567'],
          ownerId: 'u2',
          organizationId: 'o1',
          utm: { source: 'google' },
        },
      ],
      leads: [{ id: 'l1', name: 'Linked lead', contactId: 'c1', ownerId: 'u3', status: 'closed' }],
      deals: [
        { id: 'd1', name: 'Old', contactId: 'c1', ownerId: 'u2', status: 'lost' },
        {
          id: 'd2',
          name: 'New',
          contactId: 'c1',
          organizationId: 'o1',
          ownerId: 'u3',
          status: 'open',
          pipeline: 'Sales',
        },
      ],
    });
    const found = await adapter.findClient({ phone: phone('+380671234567'), created: null });
    if (!found.ok) throw found.error;
    expect(found.value.contacts).toEqual([
      expect.objectContaining({
        id: ids['contacts']?.['c1'],
        ownerId: ids['users']?.['u2'],
        organizationId: ids['organizations']?.['o1'],
        utm: { source: 'google' },
      }),
    ]);
    expect(found.value.leads).toEqual([
      expect.objectContaining({
        id: ids['leads']?.['l1'],
        status: 'closed',
        contactId: ids['contacts']?.['c1'],
      }),
    ]);
    expect(found.value.deals.map((d) => [d.name, d.status, d.pipeline])).toEqual([
      ['Old', 'lost', undefined],
      ['New', 'open', 'Sales'],
    ]);
    expect(found.value.organizations.map((o) => o.name)).toEqual(['Acme']);
    // The record types (G9) are read once, on the first deal that has one; then a lookup costs three requests.
    await emu('DELETE', '/_emulator/requests');
    expect((await adapter.findClient({ phone: phone('+380671234567'), created: null })).ok).toBe(
      true,
    );
    const { byRoute } = await requests();
    expect(byRoute).toEqual({
      'GET /services/data/{version}/search': 1,
      'POST /services/data/{version}/composite': 1,
      'GET /services/data/{version}/query': 1,
    });
  });
});

describe('errors → CrmError kinds', () => {
  it('G10: refused credentials → reauth, and the refused refresh is not retried in a loop', async () => {
    await seed({});
    await emu('POST', '/_emulator/faults', { credentials: 'revoked' });
    const result = await adapter.listUsers();
    expect(!result.ok && result.error.kind).toBe('reauth');
    expect((await requests()).oauth).toBe(1);
  });

  it('token expiry → one refresh shared by 10 concurrent requests', async () => {
    await seed({});
    expect((await adapter.listUsers()).ok).toBe(true);
    await emu('POST', '/_emulator/faults', { expireTokens: true });
    await emu('DELETE', '/_emulator/requests');
    const results = await Promise.all(Array.from({ length: 10 }, () => adapter.listUsers()));
    expect(results.every((r) => r.ok)).toBe(true);
    const counts = await requests();
    expect(counts.oauth).toBe(1);
    // 10 refused, then 10 × 2 pages (3 users, batches of 2).
    expect(counts.total).toBe(30);
  });

  it('§5: the rate-limit signal (403 REQUEST_LIMIT_EXCEEDED) → retryable with a wait hint; 503 → retryable', async () => {
    await seed({});
    await emu('POST', '/_emulator/faults', { fail: { count: 1, status: 429, retryAfterSec: 2 } });
    const limited = await adapter.listUsers();
    expect(!limited.ok && limited.error.kind).toBe('retryable');
    expect(!limited.ok && limited.error.retryAfterMs).toBe(60_000);
    await emu('POST', '/_emulator/faults', { fail: { count: 1, status: 503 } });
    const busy = await adapter.listUsers();
    expect(!busy.ok && busy.error.kind).toBe('retryable');
    expect((await adapter.listUsers()).ok).toBe(true);
  });

  it('a rejected record → permanent (bad owner id: INVALID_CROSS_REFERENCE_KEY; unknown record type: G9)', async () => {
    await seed({});
    const task: Operation = {
      op: 'create_task',
      key: 'e1#0',
      record: { assigneeId: '005000000000999AAA', done: false, title: 'x' },
    };
    const bad = await adapter.apply(task);
    expect(!bad.ok && bad.error.kind).toBe('permanent');
    const deal: Operation = {
      op: 'create_deal',
      key: 'e1#1',
      record: { name: 'D', contactId: null, ownerId: null, status: 'open', pipeline: 'Nope' },
    };
    const noType = await adapter.apply(deal);
    expect(!noType.ok && noType.error.kind).toBe('permanent');
  });

  it('2xx with an error inside (§4.11): a composite comment whose link fails → permanent, nothing kept (allOrNone)', async () => {
    await seed({});
    const comment: Operation = {
      op: 'create_comment',
      key: 'e2#0',
      record: { text: 'hi', contactId: '003000000000999AAA' },
    };
    const result = await adapter.apply(comment);
    expect(!result.ok && result.error.kind).toBe('permanent');
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.comments).toEqual([]);
  });

  it('2xx with an error inside (§4.11): composite/sobjects failures → the right kind', async () => {
    await seed({});
    await expect(
      adapter.client.createMany([{ type: 'Task', fields: { Status: 'Completed' } }], false),
    ).rejects.toMatchObject({ kind: 'permanent' });
    const ok = await adapter.client.createMany(
      [
        { type: 'Account', fields: { Name: 'A' } },
        { type: 'Account', fields: { Name: 'B' } },
      ],
      true,
    );
    expect(ok).toHaveLength(2);
  });
});

describe('apply (D13) and the admin side', () => {
  it('D13: a create retried by a restarted worker finds its first write through the CM_Key__c upsert', async () => {
    await seed({});
    const op: Operation = {
      op: 'create_lead',
      key: 'form-1#0',
      record: {
        name: 'Ivan',
        contactId: null,
        phones: ['+380671234567'],
        ownerId: ids['users']?.['u1'] ?? null,
        status: 'open',
        utm: { source: 'fb' },
      },
    };
    const first = await adapter.apply(op);
    const again = await adapter.apply(op);
    const afterCrash = await make().apply(op);
    expect(first.ok && again.ok && afterCrash.ok).toBe(true);
    expect(again.ok && again.value).toBe(first.ok && first.value);
    expect(afterCrash.ok && afterCrash.value).toBe(first.ok && first.value);
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.leads).toEqual([
      expect.objectContaining({
        name: 'Ivan',
        phones: ['+380671234567'],
        ownerId: 'u1',
        utm: { source: 'fb' },
      }),
    ]);
  });

  it('D13: a comment retried after a failed attempt is written once', async () => {
    await seed({ contacts: [{ id: 'c1', name: 'Ivan', phones: [] }] });
    const op: Operation = {
      op: 'create_comment',
      key: 'f1#1',
      record: { text: 'Form: call me', contactId: ids['contacts']?.['c1'] ?? null },
    };
    await emu('POST', '/_emulator/faults', { fail: { count: 1, status: 503 } });
    expect((await adapter.apply(op)).ok).toBe(false);
    const retried = await adapter.apply(op);
    expect(retried.ok).toBe(true);
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.comments).toEqual([
      {
        id: retried.ok ? retried.value : '',
        text: 'Form: call me',
        contactId: 'c1',
        leadId: null,
        dealId: null,
      },
    ]);
  });

  it('pagination: users beyond one query batch are all listed (nextRecordsUrl followed)', async () => {
    await seed({
      users: Array.from({ length: 5 }, (_, i) => ({ id: `u${i + 1}`, name: `User ${i + 1}` })),
    });
    const listed = await adapter.listUsers();
    expect(listed.ok && listed.value.map((u) => u.name)).toEqual([
      'User 1',
      'User 2',
      'User 3',
      'User 4',
      'User 5',
    ]);
    expect((await requests()).byRoute['GET /services/data/{version}/query/{locator}']).toBe(2);
  });

  it('G8/G9: pipelines are opportunity record types with stages; fields carry their types', async () => {
    await seed({ deals: [{ id: 'd1', name: 'D', status: 'open', pipeline: 'Sales' }] });
    const pipelines = await listPipelines(adapter.client);
    expect(pipelines.map((p) => p.name)).toEqual(['Sales']);
    expect(pipelines[0]?.stages.map((s) => s.name)).toContain('Closed Won');
    const fields = await listFields(adapter.client, 'lead');
    expect(fields.find((f) => f.name === 'UTM_Source__c')).toMatchObject({
      type: 'string',
      isString: true,
    });
    expect(fields.find((f) => f.name === 'Status')).toMatchObject({
      type: 'picklist',
      isString: false,
    });
  });
});
