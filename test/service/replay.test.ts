import { afterEach, describe, expect, it } from 'vitest';
import { parseEvent, type Event } from '../../src/domain/events.js';
import { pipedrive } from '../../src/engine/defaults/pipedrive.js';
import type { ReplayLimits } from '../../src/service/admin/context.js';
import { ADMIN, DAY, storedDay, type ReplayHarness } from './replay-harness.js';

let h: ReplayHarness;
afterEach(async () => h.close());

async function dayStored(limits?: ReplayLimits): Promise<(kind: string, id: string) => string> {
  const stored = await storedDay(limits);
  h = stored.h;
  return stored.native;
}

// Issue 14 item 6: POST /v1/projects/{project}/replay on a day of events
// ingested through the service into the Pipedrive emulator, with a changed
// matrix: the answer names exactly the operations that would differ, per
// call, and nothing reaches the CRM (the emulator's request count and content
// stay as they were). Runs on SQLite, and on PostgreSQL in the service suites'
// second run (CALLMATRIX_TEST_BACKEND=postgres, scripts/service-suites-on-postgres.ts).

const replay = (body: unknown) =>
  h.app.inject({
    method: 'POST',
    url: '/v1/projects/acme/replay',
    headers: ADMIN,
    payload: JSON.stringify(body),
  });

const lines = (body: string): Array<Record<string, unknown>> =>
  body
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The default matrix with three changes: no task for a call the responsible answered, another title and one more action on a missed call. */
const CANDIDATE_MATRIX = {
  ...pipedrive.matrix,
  'incoming.answered_by_responsible': [],
  'incoming.missed': [
    'create_contact',
    'create_deal',
    'create_organization',
    { action: 'task_responsible', title: 'Call the client back today' },
    'comment',
  ],
};

describe('replay (issue 14 item 6)', () => {
  it('the stored matrix replayed: nothing differs, NDJSON with the totals', async () => {
    await dayStored();
    const same = await replay(DAY);
    expect(same.statusCode).toBe(200);
    expect(same.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(lines(same.body)).toEqual([
      {
        kind: 'totals',
        events: 8,
        calls: 3,
        callsDiffering: 0,
        added: 0,
        removed: 0,
        changed: 0,
        outcomes: 0,
        undecided: 0,
      },
    ]);
  });

  it('a changed matrix: exactly the operations that would differ, per call; nothing reaches the CRM', async () => {
    const native = await dayStored();
    const requests = await h.crmRequests();
    const snapshot = await h.crmSnapshot();
    const journal = await h.store.listJournal('acme', {});
    const answer = await replay({ ...DAY, project: { matrix: CANDIDATE_MATRIX } });
    expect(answer.statusCode).toBe(200);
    const petro = native('users', 'u2');
    // Ivan's contact and deal, as his first call created them in the CRM.
    const created = (op: string): string | undefined =>
      journal.entries
        .flatMap((entry) => (entry.eventId.startsWith('ivan-am') ? entry.operations : []))
        .find((operation) => operation.op === op)?.id;
    const olena = native('users', 'u1');
    const doneTask = (callId: string, hh: string) => ({
      op: 'create_task',
      record: {
        assigneeId: petro,
        done: true,
        dueAt: `2026-03-02T${hh}:05:00+02:00`,
        title: 'Call with the client',
        description:
          'Incoming call: +380501112233 → +380441234567\nStatus: answered · Duration: 5:00\nAnswered by: Petro',
        contactId: created('create_contact'),
        leadId: null,
        dealId: created('create_deal'),
        callId,
        recordingUrl: null,
      },
    });
    const missedTask = (title: string) => ({
      op: 'create_task',
      record: {
        assigneeId: olena,
        done: false,
        dueAt: '2026-03-02T15:01:00+02:00',
        title,
        description:
          'Incoming call: +380671234567 → +380441234567\nStatus: missed · Duration: 0:30',
        // Records the same plan creates are named by what they are, not by operation key.
        contactId: '@op:create_contact#0',
        leadId: null,
        dealId: '@op:create_deal#0',
        callId: 'maria',
        recordingUrl: null,
      },
    });
    expect(lines(answer.body)).toEqual([
      {
        kind: 'call',
        callId: 'ivan-am',
        events: 3,
        changes: [
          {
            eventId: 'ivan-am-3',
            type: 'call.ended',
            added: [],
            removed: [doneTask('ivan-am', '09')],
            changed: [],
          },
        ],
      },
      {
        kind: 'call',
        callId: 'ivan-pm',
        events: 3,
        changes: [
          {
            eventId: 'ivan-pm-3',
            type: 'call.ended',
            added: [],
            removed: [doneTask('ivan-pm', '15')],
            changed: [],
          },
        ],
      },
      {
        kind: 'call',
        callId: 'maria',
        events: 2,
        changes: [
          {
            eventId: 'maria-2',
            type: 'call.ended',
            added: [
              {
                op: 'create_comment',
                record: {
                  text: 'Incoming call: +380671234567 → +380441234567\nStatus: missed · Duration: 0:30',
                  contactId: '@op:create_contact#0',
                  leadId: null,
                  dealId: '@op:create_deal#0',
                },
              },
            ],
            removed: [],
            changed: [
              {
                before: missedTask('Call the client back'),
                after: missedTask('Call the client back today'),
              },
            ],
          },
        ],
      },
      {
        kind: 'totals',
        events: 8,
        calls: 3,
        callsDiffering: 3,
        added: 1,
        removed: 2,
        changed: 1,
        outcomes: 0,
        undecided: 0,
      },
    ]);
    // Nothing written: the CRM saw no request, its content and the journal are as they were.
    expect(await h.crmRequests()).toBe(requests);
    expect(await h.crmSnapshot()).toEqual(snapshot);
    expect(await h.store.listJournal('acme', {})).toEqual(journal);
  });

  it('bounds: a bad or too long range, an invalid candidate, too many events: 4xx naming why', async () => {
    await dayStored({ maxDays: 31, maxEvents: 7 });
    const inverted = await replay({ from: DAY.to, to: DAY.from });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({
      problems: [{ path: 'body.to', message: 'must not be before `from`' }],
    });
    const long = await replay({ from: '2026-01-01T00:00:00Z', to: '2026-03-02T00:00:00Z' });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({
      problems: [{ path: 'body.to', message: 'a replay covers at most 31 days: split the range' }],
    });
    const missing = await replay({ to: DAY.to });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ problems: [{ path: 'body.from' }] });
    const invalid = await replay({
      ...DAY,
      project: { matrix: { 'incoming.missed': ['call_the_pope'] } },
    });
    expect(invalid.statusCode).toBe(422);
    expect(JSON.stringify(invalid.json())).toContain('project.matrix.incoming.missed');
    const many = await replay(DAY);
    expect(many.statusCode).toBe(422);
    expect(many.json()).toMatchObject({
      type: 'urn:callmatrix:replay-refused',
      detail: 'the range holds 8 events; one replay takes at most 7: narrow the range',
    });
    // A range that leaves one call out is within bounds.
    expect((await replay({ ...DAY, to: '2026-03-02T14:00:00+02:00' })).statusCode).toBe(200);
  });

  it('a range with events decided before contexts were kept is refused, with the reason', async () => {
    await dayStored();
    // An entry as a worker before this version wrote it: no `decided`.
    await h.store.insertEvents(
      'acme',
      [{ event: parseOld('old-1', '2026-03-02T19:00:00+02:00'), orderingKey: 'event:old-1' }],
      new Date(),
    );
    const [claimed] = await h.store.claimEvents('w-old', 1, 60_000, new Date());
    expect(claimed?.eventId).toBe('old-1');
    await h.store.complete('w-old', 'acme', 'old-1', {
      outcome: 'skipped',
      journal: {
        entry: {
          eventId: 'old-1',
          type: 'form.submitted',
          conditions: [],
          outcome: 'skipped',
          operations: [],
        },
        at: new Date('2026-03-02T17:00:00Z'),
        callId: null,
        phones: [],
      },
    });
    const refused = await replay(DAY);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      type: 'urn:callmatrix:replay-refused',
      detail:
        '1 of the 9 events in the range were decided before Callmatrix kept what each event was decided on (the last of them at 2026-03-02T17:00:00.000Z): they cannot be replayed exactly; choose a range after it',
    });
    expect((await replay({ ...DAY, to: '2026-03-02T18:00:00+02:00' })).statusCode).toBe(200);
  });
});

function parseOld(eventId: string, at: string): Event {
  const parsed = parseEvent({ type: 'form.submitted', eventId, at, phone: '+380501112299' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}
