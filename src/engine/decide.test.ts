import { describe, expect, it } from 'vitest';
import type { Event } from '../domain/events.js';
import type { Operation } from '../domain/plan.js';
import { ProjectSettingsSchema, EmployeesSchema } from '../domain/project.js';
import { EMPTY_CLIENT, type ClientRecords } from '../domain/snapshot.js';
import type { CrmId } from '../domain/crm-id.js';
import { decide, projectContext } from './decide.js';
import type { Memory } from '../domain/memory.js';

// decide() alone: the tricky roles (D2, D5, section 3's transfer rule), purity.

const employees = EmployeesSchema.parse([
  { id: 'e1', name: 'Top', crmUserId: 'u1', extension: '100', topManager: true },
  { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101', sipLogins: ['petro'] },
  { id: 'e3', name: 'Maria', crmUserId: 'u3', extension: '102' },
]);
const at = (s: number): string =>
  new Date(Date.UTC(2026, 10, 20, 8, 0, s)).toISOString().replace('.000Z', '+00:00');

function project(crm: CrmId, settings: object = {}) {
  return projectContext(
    crm,
    ProjectSettingsSchema.parse({ defaultCountry: 'UA', ...settings }),
    employees,
  );
}

/** Runs a call's events through decide, feeding each decision's memory to the next, as the pipeline does. */
function run(crm: CrmId, events: Event[], client: ClientRecords, settings: object = {}) {
  const ctx = project(crm, settings);
  let memory: Memory | null = null;
  return events.map((event) => {
    const decision = decide({ event, memory, client, project: ctx });
    memory = decision.memory ?? memory;
    return decision;
  });
}

const started = (from = '+380671234567'): Event => ({
  type: 'call.started',
  eventId: 'k-1',
  callId: 'k',
  at: at(0),
  direction: 'incoming',
  from,
  to: '+380441234567',
});
const answered = (extension: string): Event => ({
  type: 'call.answered',
  eventId: 'k-2',
  callId: 'k',
  at: at(5),
  employee: { extension },
});
const ended = (disposition: 'answered' | 'missed'): Event => ({
  type: 'call.ended',
  eventId: 'k-3',
  callId: 'k',
  at: at(60),
  disposition,
});
const tasks = (plan: Operation[]) =>
  plan.flatMap((op) => (op.op === 'create_task' ? [op.record] : []));

const closedOnly: ClientRecords = {
  contacts: [{ id: 'c1', name: 'Ivan', phones: ['+380671234567'], ownerId: 'u1' }],
  leads: [],
  deals: [
    { id: 'd0', contactId: 'c1', ownerId: 'u3', status: 'lost' },
    { id: 'd1', contactId: 'c1', ownerId: 'u2', status: 'won' },
  ],
  organizations: [],
};

describe('decide: roles', () => {
  it('D2/RC-10: for a closed-only client the responsible is the owner of the newest closed deal, not the contact owner', () => {
    const decisions = run('retailcrm', [started(), answered('102'), ended('answered')], closedOnly);
    const end = decisions[2];
    expect(end?.conditions).toEqual(['incoming.answered_by_manager']);
    expect(tasks(end?.plan ?? []).map((task) => [task.assigneeId, task.done])).toEqual([
      ['u3', true],
      ['u2', false],
    ]);
    const reassign = end?.plan.find((op) => op.op === 'update_contact');
    expect(reassign).toMatchObject({ id: 'c1', patch: { ownerId: 'u3' } });
  });

  it('D2: the responsible answering makes answered_by_responsible even when the top manager owns the contact', () => {
    const decisions = run('retailcrm', [started(), answered('101'), ended('answered')], closedOnly);
    expect(decisions[2]?.conditions).toEqual(['incoming.answered_by_responsible']);
  });

  it('D2: a new client answered by a manager: he counts as responsible; unanswered: the top manager', () => {
    const answeredCall = run('zoho', [started(), answered('102'), ended('answered')], EMPTY_CLIENT);
    expect(answeredCall[2]?.conditions).toEqual(['incoming.answered_by_responsible']);
    const missed = run('zoho', [started(), ended('missed')], EMPTY_CLIENT);
    expect(tasks(missed[1]?.plan ?? []).map((task) => task.assigneeId)).toEqual(['u1']);
  });

  it('D2: the responsible is read at the call start; a lead the call creates for another manager does not change it', () => {
    const client: ClientRecords = {
      ...EMPTY_CLIENT,
      contacts: [{ id: 'c1', phones: ['+380671234567'], ownerId: 'u2' }],
    };
    const decisions = run('zoho', [started(), answered('102'), ended('answered')], client);
    // The lead created at pickup is owned by u3 (ZO-7), yet u2 stays responsible.
    expect(decisions[1]?.plan[0]).toMatchObject({ op: 'create_lead', record: { ownerId: 'u3' } });
    expect(decisions[2]?.conditions).toEqual(['incoming.answered_by_manager']);
    expect(tasks(decisions[2]?.plan ?? []).map((task) => task.assigneeId)).toEqual(['u3', 'u2']);
  });

  it('D5/RC-18: records created before the answer are owned by the top manager', () => {
    const settings = { matrix: { 'incoming.before_answer': ['create_contact', 'create_deal'] } };
    const [first] = run('retailcrm', [started('+380501112233')], EMPTY_CLIENT, settings);
    expect(
      first?.plan.map((op) => [
        op.op,
        'record' in op ? (op.record as { ownerId?: unknown }).ownerId : null,
      ]),
    ).toEqual([
      ['create_contact', 'u1'],
      ['create_deal', 'u1'],
    ]);
  });

  it('section 3: unknown legs count only when every leg is unknown', () => {
    const transfer: Event = {
      type: 'call.transferred',
      eventId: 'k-t',
      callId: 'k',
      at: at(20),
      employee: { extension: '102' },
    };
    const client: ClientRecords = {
      ...EMPTY_CLIENT,
      contacts: [{ id: 'c1', phones: ['+380671234567'], ownerId: 'u3' }],
    };
    const decisions = run(
      'zoho',
      [started(), answered('199'), transfer, ended('answered')],
      client,
    );
    expect(decisions[3]?.conditions).toEqual(['incoming.answered_by_responsible']);
    const log = decisions[3]?.plan.find((op) => op.op === 'create_call_log');
    expect(log).toMatchObject({
      record: {
        userId: 'u3',
        legs: [
          { userId: null, talkSec: 15 },
          { userId: 'u3', talkSec: 40 },
        ],
      },
    });
    const onlyUnknown = run('zoho', [started(), answered('199'), ended('answered')], EMPTY_CLIENT);
    expect(onlyUnknown[2]?.conditions).toEqual(['unknown_employee']);
  });

  it("G2: a call from an employee's SIP login or extension is internal", () => {
    const [first] = run('zoho', [started('petro')], EMPTY_CLIENT);
    expect(first).toMatchObject({ outcome: 'skipped', reason: 'internal call' });
    const [second] = run('zoho', [started('102')], EMPTY_CLIENT);
    expect(second).toMatchObject({ outcome: 'skipped', reason: 'internal call' });
  });
});

describe('decide: purity', () => {
  it('the same input gives the same plan, and the input memory is not changed', () => {
    const ctx = project('pipedrive');
    const first = decide({ event: started(), memory: null, client: EMPTY_CLIENT, project: ctx });
    const memory = first.memory;
    const frozen = JSON.stringify(memory);
    const a = decide({ event: answered('101'), memory, client: EMPTY_CLIENT, project: ctx });
    const b = decide({ event: answered('101'), memory, client: EMPTY_CLIENT, project: ctx });
    expect(a).toEqual(b);
    expect(JSON.stringify(memory)).toBe(frozen);
    expect(a.plan.map((op) => op.key)).toEqual(['k-2#1', 'k-2#0', 'k-2#2']);
  });

  it('D11: a call event without direction and no call.started fails with the reason', () => {
    const decision = decide({
      event: ended('answered'),
      memory: null,
      client: EMPTY_CLIENT,
      project: project('zoho'),
    });
    expect(decision).toMatchObject({ outcome: 'failed', reason: 'call.started missing' });
  });
});
