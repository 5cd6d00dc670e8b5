import { fitTexts } from '../crm/capabilities.js';
import { describe, expect, it } from 'vitest';
import type { Event } from '../domain/events.js';
import type { Operation } from '../domain/plan.js';
import { EmployeesSchema, ProjectSettingsSchema } from '../domain/project.js';
import { SnapshotSchema } from '../domain/snapshot.js';
import { MemoryCrm } from '../crm/memory/adapter.js';
import { CrmError, err, type CrmPort, type Result } from './crm-port.js';
import { projectContext } from '../engine/decide.js';
import { InMemoryLedger } from './memory-ledger.js';
import { runEvent } from './run.js';

// D7 / D13: a failed event is retried from its stored plan; nothing is written twice.

/** Wraps the in-memory CRM: fails chosen apply calls, and counts what reaches the CRM per operation key. */
class FlakyCrm implements CrmPort {
  readonly sent = new Map<string, number>();
  failOn = new Set<number>();
  private calls = 0;
  constructor(readonly inner: MemoryCrm) {}
  findClient(...args: Parameters<CrmPort['findClient']>) {
    return this.inner.findClient(...args);
  }
  apply(operation: Operation): Promise<Result<string>> {
    this.calls += 1;
    if (this.failOn.has(this.calls))
      return Promise.resolve(err(new CrmError('retryable', 'HTTP 503', 1000)));
    this.sent.set(operation.key, (this.sent.get(operation.key) ?? 0) + 1);
    return this.inner.apply(operation);
  }
  listUsers() {
    return this.inner.listUsers();
  }
  snapshot() {
    return this.inner.snapshot();
  }
}

const settings = ProjectSettingsSchema.parse({ defaultCountry: 'UA' });
const employees = EmployeesSchema.parse([
  { id: 'e1', name: 'Top', crmUserId: 'u1', extension: '100', topManager: true },
  { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
]);
const texts = fitTexts('en');
const call: Event[] = [
  {
    type: 'call.started',
    eventId: 'k-1',
    callId: 'k',
    at: '2026-11-20T10:00:00+02:00',
    direction: 'incoming',
    from: '+380501112233',
    to: '+380441234567',
  },
  {
    type: 'call.answered',
    eventId: 'k-2',
    callId: 'k',
    at: '2026-11-20T10:00:05+02:00',
    employee: { extension: '101' },
  },
  {
    type: 'call.ended',
    eventId: 'k-3',
    callId: 'k',
    at: '2026-11-20T10:02:00+02:00',
    disposition: 'answered',
    recordingUrl: 'https://r/k.mp3',
  },
];

function setup(crm: 'pipedrive' | 'zoho' = 'pipedrive') {
  const port = new FlakyCrm(
    new MemoryCrm(
      crm,
      SnapshotSchema.parse({
        users: [
          { id: 'u1', name: 'Top' },
          { id: 'u2', name: 'Petro' },
        ],
      }),
      { defaultCountry: 'UA', texts },
    ),
  );
  return {
    port,
    deps: {
      crm: port,
      project: projectContext(crm, settings, employees),
      ledger: new InMemoryLedger(),
    },
  };
}

describe('pipeline retries (D7, D13)', () => {
  it('D13: a CRM failure in the middle of a plan, then a retry: every operation reaches the CRM exactly once', async () => {
    const { port, deps } = setup();
    await runEvent(call[0] as Event, deps);
    port.failOn = new Set([2]); // pickup plan: organization, person, deal; the second write fails
    const failedAttempt = await runEvent(call[1] as Event, deps);
    expect(failedAttempt.entry).toMatchObject({
      outcome: 'failed',
      operations: [{ op: 'create_organization' }],
    });
    expect(failedAttempt.failure?.kind === 'crm' && failedAttempt.failure.error.kind).toBe(
      'retryable',
    );
    const retried = await runEvent(call[1] as Event, deps);
    expect(retried.entry).toMatchObject({ outcome: 'applied', conditions: ['incoming.on_answer'] });
    expect(retried.entry.operations.map((op) => op.op)).toEqual([
      'create_organization',
      'create_contact',
      'create_deal',
    ]);
    expect([...port.sent.values()].every((count) => count === 1)).toBe(true);
    const snapshot = await port.snapshot();
    expect(
      snapshot.ok && [
        snapshot.value.contacts.length,
        snapshot.value.deals.length,
        snapshot.value.organizations.length,
      ],
    ).toEqual([1, 1, 1]);
  });

  it('D7: on retry only the moments not yet run run; the stored plan is reused, not decided again', async () => {
    const { port, deps } = setup('zoho');
    await runEvent(call[0] as Event, deps);
    await runEvent(call[1] as Event, deps);
    port.failOn = new Set([2]); // end plan: task, call log; the call log write fails
    const first = await runEvent(call[2] as Event, deps);
    expect(first.entry.outcome).toBe('failed');
    const second = await runEvent(call[2] as Event, deps);
    expect(second.entry).toMatchObject({
      outcome: 'applied',
      conditions: ['incoming.answered_by_responsible'],
    });
    const snapshot = await port.snapshot();
    expect(snapshot.ok && snapshot.value.tasks).toHaveLength(1);
    expect(snapshot.ok && snapshot.value.leads).toHaveLength(1);
    expect(snapshot.ok && snapshot.value.calls).toHaveLength(1);
  });

  it('D6: once applied, the same event again is journalled as a re-delivery and changes nothing', async () => {
    const { port, deps } = setup('zoho');
    for (const event of call) await runEvent(event, deps);
    const before = await port.snapshot();
    const again = await runEvent(call[1] as Event, deps);
    expect(again.entry).toMatchObject({
      outcome: 'skipped',
      reason: 're-delivery',
      operations: [],
    });
    expect(await port.snapshot()).toEqual(before);
  });
});
