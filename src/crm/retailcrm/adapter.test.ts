import { fitTexts } from '../capabilities.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalisePhone } from '../../domain/phone.js';
import type { Operation } from '../../domain/plan.js';
import {
  startRetailcrmEmulator,
  type RetailcrmEmulator,
} from '../../../emulators/retailcrm/index.js';
import { execute } from '../../pipeline/execute.js';
import { listCustomFields, listPipelines } from './admin.js';
import { createRetailcrmAdapter, type RetailcrmAdapter } from './adapter.js';
import { emulatorSnapshot } from '../../sandbox/emulator-snapshot.js';

/** The executor's `ids` map is the record here; no ledger behind it. */
const landed = (): Promise<void> => Promise.resolve();

// The adapter against the emulator over real HTTP.

const texts = fitTexts('en');
let emulator: RetailcrmEmulator;
let adapter: RetailcrmAdapter;
const adapterFor = (options: { timeoutMs?: number } = {}): RetailcrmAdapter =>
  createRetailcrmAdapter(emulator.connection, {
    texts,
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
    ratePerSec: 1000,
    ...options,
  });
beforeEach(async () => {
  emulator = await startRetailcrmEmulator({ ratePerSec: 1000, telephonyRatePerSec: 1000 });
  adapter = adapterFor();
});
afterEach(() => emulator.close());
/** The emulator's content, in the zone the adapter writes in. */
const emulatorContent = () => emulatorSnapshot(emulator.baseUrl, 'Europe/Kyiv');

const emu = (path: string, init?: RequestInit) => fetch(`${emulator.baseUrl}${path}`, init);
const seed = async (state: object): Promise<void> => {
  expect(
    (
      await emu('/_emulator/state?timezone=Europe/Kyiv', {
        method: 'PUT',
        body: JSON.stringify(state),
      })
    ).status,
  ).toBe(204);
};
const fault = (body: object) =>
  emu('/_emulator/faults', { method: 'POST', body: JSON.stringify(body) });
const requests = async () =>
  (await (await emu('/_emulator/requests')).json()) as {
    total: number;
    byRoute: Record<string, number>;
  };
const lookup = (raw: string) => ({ phone: normalisePhone(raw, 'UA'), created: null });

describe('retailCRM adapter: findClient (G1)', () => {
  it('G1: finds the phone in every usual stored format, confirms each hit, and names the format the search cannot reach', async () => {
    await seed({
      users: [{ id: '1', name: 'Petro' }],
      contacts: [
        { id: '1', name: 'E164', phones: ['+380671234567'], ownerId: '1' },
        { id: '2', name: 'Spaced', phones: ['+380 67 123 4567'] },
        { id: '3', name: 'National', phones: ['067 123 4567'] },
        { id: '4', name: 'Dashed', phones: ['+38-067-123-4567'] },
        { id: '5', name: 'No plus', phones: ['380671234567'] },
        { id: '6', name: 'Extension (unreachable)', phones: ['067 123 4567 ext. 12'] },
        { id: '7', name: 'Other number, same ending', phones: ['+7 967 123 4567'] },
      ],
      deals: [
        { id: '10', contactId: '3', status: 'open', ownerId: '1' },
        { id: '11', contactId: '7', status: 'open' },
        { id: '12', contactId: null, phones: ['0671234567'], status: 'lost' },
      ],
    });
    await emu('/_emulator/requests', { method: 'DELETE' });
    const found = await adapter.findClient(lookup('+380671234567'));
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.value.contacts.map((c) => c.name)).toEqual([
      'E164',
      'Spaced',
      'National',
      'Dashed',
      'No plus',
    ]);
    expect(found.value.contacts[0]).toMatchObject({
      id: '1',
      ownerId: '1',
      phones: ['+380671234567'],
    });
    expect(found.value.deals.map((d) => [d.id, d.status])).toEqual([
      ['10', 'open'],
      ['12', 'lost'],
    ]);
    // One customer search, one order search, the corporate customers, the status reference (once per adapter).
    expect((await requests()).total).toBe(4);
  });

  it('returns organizations of the contacts (corporate customers listing them)', async () => {
    await seed({
      organizations: [{ id: '3', name: 'Acme' }],
      contacts: [{ id: '1', name: 'I', phones: ['+380671234567'], organizationId: '3' }],
    });
    const found = await adapter.findClient(lookup('0671234567'));
    expect(found.ok && found.value.organizations).toEqual([
      { id: '3', name: 'Acme', ownerId: null },
    ]);
    expect(found.ok && found.value.contacts[0]?.organizationId).toBe('3');
  });
});

describe('retailCRM adapter: errors and limits', () => {
  it('G10: a refused key is reauth; 10 concurrent calls each fail once as reauth (a static key has no refresh to storm)', async () => {
    await fault({ credentials: 'revoked' });
    await emu('/_emulator/requests', { method: 'DELETE' });
    const results = await Promise.all(Array.from({ length: 10 }, () => adapter.listUsers()));
    expect(results.every((r) => !r.ok && r.error.kind === 'reauth')).toBe(true);
    expect((await requests()).total).toBe(10);
    const wrongKey = createRetailcrmAdapter(
      { baseUrl: emulator.baseUrl, credentials: { apiKey: 'wrong' } },
      { texts },
    );
    await fault({ credentials: 'valid' });
    const refused = await wrongKey.listUsers();
    expect(!refused.ok && refused.error.kind).toBe('reauth');
  });

  it('§3.9: the rate-limit 503 is retryable with a wait hint (Retry-After when given, else a second)', async () => {
    await fault({ fail: { count: 1, status: 503, retryAfterSec: 2 } });
    const first = await adapter.listUsers();
    expect(!first.ok && [first.error.kind, first.error.retryAfterMs]).toEqual(['retryable', 2000]);
    await fault({ fail: { count: 1, status: 503 } });
    const second = await adapterFor().listUsers();
    expect(!second.ok && [second.error.kind, second.error.retryAfterMs]).toEqual([
      'retryable',
      1000,
    ]);
  });

  it("§3.9: a real overflow of the emulator's per-second budget comes back retryable", async () => {
    const limited = await startRetailcrmEmulator({ ratePerSec: 2 });
    const fast = createRetailcrmAdapter(limited.connection, { texts, ratePerSec: 1000 });
    const results = await Promise.all(Array.from({ length: 5 }, () => fast.listUsers()));
    await limited.close();
    expect(
      results.some((r) => !r.ok && r.error.kind === 'retryable' && r.error.retryAfterMs === 1000),
    ).toBe(true);
  });

  it('a rejected record is permanent; create_lead is refused as permanent (retailCRM has no leads)', async () => {
    const lead = await adapter.apply({
      key: 'e1#0',
      op: 'create_lead',
      record: { name: 'X', contactId: null, phones: [], ownerId: null, status: 'open' },
    });
    expect(!lead.ok && lead.error.kind).toBe('permanent');
    const badOwner = await adapter.apply({
      key: 'e1#1',
      op: 'create_contact',
      record: { name: 'X', phones: [], ownerId: '999' },
    });
    expect(!badOwner.ok && badOwner.error.kind).toBe('permanent');
  });

  it('§3.3 pagination: listUsers reads every page', async () => {
    await seed({
      users: Array.from({ length: 130 }, (_, i) => ({ id: `u${i}`, name: `User ${i}` })),
    });
    await emu('/_emulator/requests', { method: 'DELETE' });
    const users = await adapter.listUsers();
    expect(users.ok && users.value.length).toBe(130);
    expect((await requests()).byRoute['GET /api/v5/users']).toBe(2);
  });
});

describe('retailCRM adapter: exactly once (D13)', () => {
  const contact: Operation = {
    key: 'ev-1#0',
    op: 'create_contact',
    record: { name: 'Ivan Petrenko', phones: ['+380671234567'], ownerId: null },
  };

  it('D13: a create retried by an adapter that lost its memory finds the record by externalId', async () => {
    const first = await adapter.apply(contact);
    const again = await adapterFor().apply(contact);
    expect(first.ok && again.ok && again.value).toBe(first.ok && first.value);
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.contacts).toHaveLength(1);
  });

  it('D13: a task whose answer was lost (timeout) is looked up by its marker, not written twice', async () => {
    await seed({ users: [{ id: '4', name: 'Maria' }] });
    const made = await adapter.apply(contact);
    if (!made.ok) throw made.error;
    const slow = adapterFor({ timeoutMs: 100 });
    const task: Operation = {
      key: 'ev-2#1',
      op: 'create_task',
      record: {
        assigneeId: '4',
        done: false,
        title: 'Call back',
        contactId: made.value,
        leadId: null,
        dealId: null,
        callId: 'k1',
        recordingUrl: null,
      },
    };
    await fault({ latencyMs: 400 });
    const lost = await slow.apply(task);
    expect(!lost.ok && lost.error.kind).toBe('retryable');
    await fault({ latencyMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 600)); // let the emulator finish the write whose answer was lost
    const retried = await slow.apply(task);
    expect(retried.ok ? 'ok' : retried.error.message).toBe('ok');
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.tasks.map((t) => [t.title, t.callId])).toEqual([
      ['Call back', 'k1'],
    ]);
  });

  it('D13/D10: a call log uploaded twice stays one call; a later recording updates it', async () => {
    await seed({
      users: [{ id: '2', name: 'P' }],
      contacts: [{ id: '1', name: 'I', phones: ['+380671234567'] }],
    });
    const log: Operation = {
      key: 'k1-4#2',
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
        userId: '2',
        contactId: '1',
        leadId: null,
        dealId: null,
      },
    };
    expect(await adapter.apply(log)).toEqual({ ok: true, value: 'k1' });
    expect(await adapterFor().apply(log)).toEqual({ ok: true, value: 'k1' });
    expect(
      (
        await adapter.apply({
          key: 'k1-5#0',
          op: 'update_call_log',
          id: 'k1',
          patch: { recordingUrl: 'https://r/k1.mp3' },
        })
      ).ok,
    ).toBe(true);
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.calls).toEqual([
      {
        id: 'k1',
        callId: 'k1',
        direction: 'incoming',
        from: '+380671234567',
        to: '+380441234567',
        disposition: 'answered',
        durationSec: 60,
        startedAt: '2026-11-20T10:00:00+02:00',
        recordingUrl: 'https://r/k1.mp3',
        userId: '2',
        contactId: '1',
        leadId: null,
        dealId: null,
      },
    ]);
  });
});

describe('retailCRM adapter: admin reads (G8, G9)', () => {
  it('G9: pipelines are order types; G8: custom fields come with their types, only strings allowed', async () => {
    await seed({ deals: [{ id: '1', status: 'open', pipeline: 'ads' }] });
    const pipelines = await listPipelines(adapter.client);
    expect(pipelines.map((p) => p.id)).toEqual(['main', 'ads']);
    const fields = await listCustomFields(adapter.client, 'deal');
    expect(fields.find((f) => f.name === 'discount_card')).toMatchObject({
      type: 'integer',
      isString: false,
    });
    expect(fields.find((f) => f.name === 'callmatrix_pool')).toMatchObject({ isString: true });
    expect(await listCustomFields(adapter.client, 'lead')).toEqual([]);
  });
});

describe('retailCRM adapter: pop-ups together (RC-3)', () => {
  const popup = (userId: string, n: number): Operation => ({
    op: 'notify',
    key: `op-${n}`,
    record: { userId, callId: 'k1', kind: 'missed' },
    phone: '+380671234567',
  });

  it('RC-3: a missed call notifying three employees is one call event with their three userIds; run again, nothing is sent', async () => {
    await seed({
      users: [
        { id: '1', name: 'A' },
        { id: '2', name: 'B' },
        { id: '3', name: 'C' },
      ],
    });
    await emu('/_emulator/requests', { method: 'DELETE' });
    const ids = new Map<string, string>();
    const done = await execute([popup('1', 1), popup('2', 2), popup('3', 3)], adapter, ids, landed);
    expect(done.ok && done.operations.map((operation) => operation.id)).toEqual(['1', '2', '3']);
    expect((await requests()).byRoute['POST /api/v5/telephony/call/event']).toBe(1);
    const snapshot = await emulatorContent();
    expect(snapshot.ok && snapshot.value.notifications.map((n) => [n.userId, n.kind])).toEqual([
      ['1', 'missed'],
      ['2', 'missed'],
      ['3', 'missed'],
    ]);
    // D13: the same plan again (a retry, its landed ids kept by the ledger) shows none of them twice.
    await execute([popup('1', 1), popup('2', 2), popup('3', 3)], adapter, ids, landed);
    expect((await requests()).byRoute['POST /api/v5/telephony/call/event']).toBe(1);
  });
});
