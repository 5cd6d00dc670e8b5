import { afterEach, describe, expect, it } from 'vitest';
import { CrmError, err, type CrmPort } from '../../src/crm/port.js';
import { nextAttempt } from '../../src/worker/retry.js';
import { answeredCall, CRM_STATE, EMPLOYEES } from './events.js';
import { harness, TOKEN, type Harness, type HarnessOptions } from './harness.js';

// service.md §5, D7, D11, D13, G10: accepted events worked into the in-memory CRM.

const BEARER = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
let h: Harness;
const opened: Harness[] = [];
// Pure tests (nextAttempt) open no harness; each opened one is closed once.
afterEach(async () => {
  for (const each of opened.splice(0)) await each.close();
});

async function start(options: HarnessOptions = {}): Promise<Harness> {
  h = await harness(options);
  opened.push(h);
  await h.addProject('acme', {
    employees: EMPLOYEES,
    connection: { kind: 'memory', state: CRM_STATE },
  });
  return h;
}
const ingest = (events: unknown) =>
  h.app.inject({
    method: 'POST',
    url: '/v1/projects/acme/events',
    headers: BEARER,
    payload: JSON.stringify(events),
  });
const later = (sec: number): void =>
  void (h.clock.now = new Date(h.clock.now.getTime() + sec * 1000));
/** Runs the worker until nothing more is claimable now. */
async function drain(): Promise<void> {
  while ((await h.worker.runOnce()).length > 0);
}
async function snapshot() {
  const port = h.registry.memoryOf('acme');
  const result = await port?.snapshot();
  if (!result?.ok) throw new Error('no memory CRM');
  return result.value;
}

/** A CRM that fails the next `count` calls with `error`, then behaves. */
function failing(count: { n: number }, error: CrmError): (port: CrmPort) => CrmPort {
  return (port: CrmPort): CrmPort => ({
    ...port,
    findClient: (lookup) => (count.n-- > 0 ? Promise.resolve(err(error)) : port.findClient(lookup)),
    apply: (op) => (count.n-- > 0 ? Promise.resolve(err(error)) : port.apply(op)),
  });
}

describe('workers (service.md §5)', () => {
  it('D7, D13: events are applied into the CRM once, per client in order, journalled', async () => {
    await start();
    await ingest([...answeredCall('a', '+380501112233'), ...answeredCall('b', '+380501112244')]);
    // A second call of the first client: its events wait for the first call's.
    await ingest(answeredCall('a2', '0501112233'));
    await drain();
    const counts = await h.store.countEvents('acme');
    expect(counts).toMatchObject({ pending: 0, applied: 9, failed: 0 });
    const crm = await snapshot();
    // Pipedrive default: a person and a deal per new client at pickup; the second call finds the first's records.
    expect(crm.contacts).toHaveLength(2);
    expect(crm.deals).toHaveLength(2);
    const journal = await h.store.listJournal('acme', { phone: '+380501112233' });
    expect(journal.entries.map((e) => e.eventId)).toEqual([
      'a-1',
      'a-2',
      'a-3',
      'a2-1',
      'a2-2',
      'a2-3',
    ]);
  });

  it('D7: the ordering key is the client, so a call.answered follows its call.started across requests', async () => {
    await start();
    const [started, answered, ended] = answeredCall('c', '+380501112233');
    await ingest(started);
    await ingest([answered, ended]);
    const rows = await Promise.all(['c-1', 'c-2', 'c-3'].map((id) => h.store.getEvent('acme', id)));
    expect(rows.map((r) => r?.event.orderingKey)).toEqual([
      'client:+380501112233',
      'client:+380501112233',
      'client:+380501112233',
    ]);
  });

  it('a CRM failing with 503 is retried with backoff, then the event lands once', async () => {
    const remaining = { n: 2 };
    await start({
      wrapPort: failing(remaining, new CrmError('retryable', 'CRM answered 503', 1000)),
      retryScheduleSec: [5, 30],
    });
    await ingest(answeredCall('c', '+380501112233'));
    await drain();
    let detail = await h.store.getEvent('acme', 'c-1');
    expect(detail?.event).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'CRM answered 503',
    });
    expect(detail?.event.nextAttemptAt?.getTime()).toBeGreaterThan(h.clock.now.getTime());
    later(10);
    await drain();
    later(60);
    await drain();
    detail = await h.store.getEvent('acme', 'c-1');
    expect(detail?.event.state).toBe('applied');
    expect((await h.store.countEvents('acme')).applied).toBe(3);
    expect((await snapshot()).deals).toHaveLength(1);
  });

  it('G10: refused credentials turn the integration broken; events stay pending and keep being accepted', async () => {
    await start({ wrapPort: failing({ n: 1 }, new CrmError('reauth', 'token revoked')) });
    await ingest(answeredCall('c', '+380501112233'));
    await drain();
    const integration = await h.store.getIntegration('acme');
    expect(integration).toMatchObject({ state: 'broken', reason: 'token revoked' });
    expect((await ingest(answeredCall('d', '+380501112244'))).statusCode).toBe(202);
    await drain();
    expect(await h.store.countEvents('acme')).toMatchObject({ pending: 6, applied: 0, failed: 0 });
    expect((await h.store.getEvent('acme', 'c-1'))?.event.attempts).toBe(0);
  });

  it('dead letter: a permanent refusal fails the event, later events of the client wait; retry puts it back', async () => {
    const remaining = { n: 1 };
    await start({ wrapPort: failing(remaining, new CrmError('permanent', 'field rejected')) });
    await ingest(answeredCall('c', '+380501112233'));
    await drain();
    expect(await h.store.countEvents('acme')).toMatchObject({ failed: 1, pending: 2 });
    const failed = await h.store.getEvent('acme', 'c-1');
    expect(failed?.event.lastError).toBe('field rejected');
    expect(await h.store.retry('acme', 'c-1', h.clock.now)).toBe(true);
    await drain();
    expect(await h.store.countEvents('acme')).toMatchObject({ failed: 0, pending: 0, applied: 3 });
  });

  it('retries give up after the schedule: failed, journalled', async () => {
    await start({
      wrapPort: failing({ n: 100 }, new CrmError('retryable', 'CRM answered 503')),
      retryScheduleSec: [1],
    });
    await ingest(answeredCall('c', '+380501112233')[0]);
    await drain();
    later(5);
    await drain();
    expect((await h.store.getEvent('acme', 'c-1'))?.event.state).toBe('failed');
    const journal = await h.store.listJournal('acme', { outcome: 'failed' });
    expect(journal.entries).toHaveLength(1);
  });

  it('D11: a lone call.ended without direction waits for its call.started, then fails with "call.started missing"', async () => {
    await start();
    const [started, , ended] = answeredCall('c', '+380501112233');
    await ingest(ended);
    await drain();
    expect((await h.store.getEvent('acme', 'c-3'))?.event.state).toBe('pending');
    await ingest(started);
    later(3);
    await drain();
    later(3);
    await drain();
    expect((await h.store.getEvent('acme', 'c-3'))?.event.state).toBe('applied');
    await ingest(answeredCall('z', '+380501112299')[2]);
    later(61);
    await drain();
    const lone = await h.store.getEvent('acme', 'z-3');
    expect(lone?.event).toMatchObject({ state: 'failed', lastError: 'call.started missing' });
  });

  it('SIGTERM drain: stop() lets claimed events finish and claims nothing more', async () => {
    await start();
    await ingest(answeredCall('c', '+380501112233'));
    h.worker.start();
    await h.worker.stop();
    const counts = await h.store.countEvents('acme');
    expect(counts.applied + counts.pending).toBe(3);
    const held = await Promise.all(['c-1', 'c-2', 'c-3'].map((id) => h.store.getEvent('acme', id)));
    expect(held.every((d) => d?.event.claimedBy === null)).toBe(true);
  });
});

describe('nextAttempt (style §2.8)', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const at = (d: Date | 'give-up'): number => (d === 'give-up' ? -1 : d.getTime() - now.getTime());

  it('follows the schedule with ±20 % jitter, then gives up', () => {
    expect(at(nextAttempt(1, { kind: 'retryable' }, now, [5, 30], () => 0.5))).toBe(5000);
    expect(at(nextAttempt(2, { kind: 'retryable' }, now, [5, 30], () => 0))).toBe(24_000);
    expect(at(nextAttempt(2, { kind: 'retryable' }, now, [5, 30], () => 1))).toBe(36_000);
    expect(nextAttempt(3, { kind: 'retryable' }, now, [5, 30])).toBe('give-up');
  });

  it("a CRM's wait hint replaces the step (a 2 s rate limit is not parked for 10 min), clamped to twice the step; permanent gives up at once", () => {
    expect(
      at(nextAttempt(4, { kind: 'retryable', retryAfterMs: 2000 }, now, [5, 30, 120, 600])),
    ).toBe(2000);
    expect(at(nextAttempt(1, { kind: 'retryable', retryAfterMs: 8000 }, now, [5], () => 0.5))).toBe(
      8000,
    );
    expect(
      at(nextAttempt(1, { kind: 'retryable', retryAfterMs: 3_600_000 }, now, [5], () => 0.5)),
    ).toBe(10_000);
    expect(nextAttempt(1, { kind: 'permanent' }, now, [5])).toBe('give-up');
  });
});
