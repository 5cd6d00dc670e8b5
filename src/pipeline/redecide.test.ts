import { describe, expect, it } from 'vitest';
import type { Decision } from '../domain/decision.js';
import type { Operation } from '../domain/plan.js';
import { previousPlan, redecide } from './redecide.js';

// Issue 11 item 1: what of a stored plan landed stays landed when a person's
// retry decides the event again; a key once used names one write only.

const lead = (key: string, ownerId: string): Operation => ({
  op: 'create_lead',
  key,
  record: { name: 'Ivan', phones: ['+380501112233'], ownerId, status: 'open' },
});
const task = (key: string, assigneeId: string, leadRef: string): Operation => ({
  op: 'create_task',
  key,
  record: {
    title: 'Call back',
    assigneeId,
    leadId: leadRef,
    dueAt: '2026-11-20T12:00:00Z',
    done: false,
  },
});
const decided = (plan: Operation[], memory: Decision['memory'] = null): Decision => ({
  conditions: [],
  outcome: 'applied',
  plan,
  skipped: [],
  memory,
});
type Decided = Parameters<typeof redecide>[1];

describe('redecide', () => {
  it('a landed operation the new plan has again (same key, same kind) is not sent again; the rest is as decided now', () => {
    const stored = {
      decision: decided([lead('e#0', 'u1'), task('e#1', 'typo', '@op:e#0')]),
      landed: new Map([['e#0', 'L1']]),
      context: null,
      decideAgain: true,
    };
    const next = decided([lead('e#0', 'u1'), task('e#1', 'u2', '@op:e#0')]) as Decided;
    const plan = redecide(stored, next).plan;
    expect(plan).toEqual([lead('e#0', 'u1'), task('e#1', 'u2', '@op:e#0')]);
    expect(previousPlan(stored)).toEqual([
      { op: 'create_lead', entity: 'leads', id: 'L1' },
      { op: 'create_task', entity: 'tasks', id: null },
    ]);
  });

  it('a landed operation the new plan no longer has is kept in front; a key taken by another kind moves, and its references follow', () => {
    const stored = {
      decision: decided([lead('e#0', 'u1'), task('e#1', 'typo', '@op:e#0')]),
      landed: new Map([['e#0', 'L1']]),
      context: null,
      decideAgain: true,
    };
    // Decided now: the lead is found, so the task comes first and takes key e#0.
    const contact: Operation = {
      op: 'create_contact',
      key: 'e#1',
      record: { name: 'Ivan', phones: ['+380501112233'], ownerId: 'u2' },
    };
    const next = decided([task('e#0', 'u2', 'L1'), contact], {
      kind: 'call',
      contactId: '@op:e#1',
    } as unknown as Decision['memory']) as Decided;
    const out = redecide(stored, next);
    expect(out.plan.map((operation) => [operation.op, operation.key])).toEqual([
      ['create_lead', 'e#0'],
      ['create_task', 'e#0~1'],
      ['create_contact', 'e#1~1'],
    ]);
    expect(out.memory).toEqual({ kind: 'call', contactId: '@op:e#1~1' });
  });

  it('a new plan with nothing left to do still counts what landed as applied', () => {
    const stored = {
      decision: decided([lead('e#0', 'u1')]),
      landed: new Map([['e#0', 'L1']]),
      context: null,
      decideAgain: true,
    };
    const next = { ...decided([]), outcome: 'skipped', reason: 'nothing to do' } as Decided;
    const out = redecide(stored, next);
    expect(out.outcome).toBe('applied');
    expect(out.plan).toEqual([lead('e#0', 'u1')]);
  });
});
