import { describe, expect, it } from 'vitest';
import { CrmError, err, ok, RecordGone, type CrmPort, type NotifyOperation } from './crm-port.js';
import type { Operation } from '../domain/plan.js';
import { execute } from './execute.js';

/** The executor's `ids` map is the record here; no ledger behind it. */
const landed = (): Promise<void> => Promise.resolve();

// How the executor hands pop-ups to a CRM that takes several at once (port.notifyTogether).

const popup = (
  key: string,
  userId: string,
  callId = 'k1',
  kind: 'incoming' | 'missed' = 'incoming',
): Operation => ({ op: 'notify', key, record: { userId, callId, kind } });
const contact: Operation = {
  op: 'create_contact',
  key: 'c',
  record: { name: 'New', phones: ['+380671234567'] },
};

function recordingPort(together: boolean): { port: CrmPort; calls: string[] } {
  const calls: string[] = [];
  const port: CrmPort = {
    findClient: () =>
      Promise.resolve(ok({ contacts: [], leads: [], deals: [], organizations: [] })),
    apply: (operation) => {
      calls.push(`apply ${operation.key}`);
      return Promise.resolve(
        ok(operation.op === 'notify' ? operation.record.userId : `id-${operation.key}`),
      );
    },
    listUsers: () => Promise.resolve(ok([])),
    ...(together && {
      notifyTogether: (operations: readonly NotifyOperation[]) => {
        calls.push(`together ${operations.map((operation) => operation.key).join(',')}`);
        return Promise.resolve(ok(operations.map((operation) => operation.record.userId)));
      },
    }),
  };
  return { port, calls };
}

describe('execute: pop-ups together (RC-1..RC-3, D13)', () => {
  it('consecutive pop-ups of one call and kind go together; a change of call or kind, or another operation, starts a new run', async () => {
    const { port, calls } = recordingPort(true);
    const plan = [
      popup('n1', 'u1'),
      popup('n2', 'u2'),
      contact,
      popup('n3', 'u3'),
      popup('n4', 'u4', 'k2'),
      popup('n5', 'u5', 'k2', 'missed'),
      popup('n6', 'u6', 'k2', 'missed'),
    ];
    const done = await execute(plan, port, new Map(), landed);
    expect(calls).toEqual(['together n1,n2', 'apply c', 'apply n3', 'apply n4', 'together n5,n6']);
    expect(done.ok && done.operations.map((operation) => operation.id)).toEqual([
      'u1',
      'u2',
      'id-c',
      'u3',
      'u4',
      'u5',
      'u6',
    ]);
  });

  it('D13: pop-ups already carried out are left out of the run; the journal still lists them', async () => {
    const { port, calls } = recordingPort(true);
    const done = await execute(
      [popup('n1', 'u1'), popup('n2', 'u2'), popup('n3', 'u3')],
      port,
      new Map([['n1', 'u1']]),
      landed,
    );
    expect(calls).toEqual(['together n2,n3']);
    expect(done.ok && done.operations.map((operation) => operation.id)).toEqual(['u1', 'u2', 'u3']);
  });

  it('a CRM without notifyTogether gets one apply per pop-up', async () => {
    const { port, calls } = recordingPort(false);
    await execute([popup('n1', 'u1'), popup('n2', 'u2')], port, new Map(), landed);
    expect(calls).toEqual(['apply n1', 'apply n2']);
  });
});

describe('execute: write-ahead sending marks (D13 across kill -9)', () => {
  const update: Operation = {
    op: 'update_contact',
    key: 'u',
    id: 'p1',
    patch: { ownerId: 'u2' },
  };
  const deal: Operation = {
    op: 'create_deal',
    key: 'd',
    record: { name: 'Call', status: 'open', contactId: '@c' },
  };

  it('each create is marked before its request leaves, each landing recorded after; updates are not marked', async () => {
    const log: string[] = [];
    const port: CrmPort = {
      ...recordingPort(false).port,
      apply: (operation, how) => {
        log.push(`apply ${operation.key}${how?.uncertain ? ' uncertain' : ''}`);
        return Promise.resolve(ok(`id-${operation.key}`));
      },
    };
    const done = await execute(
      [contact, update, deal],
      port,
      new Map(),
      (key, id) => {
        log.push(`landed ${key}=${id}`);
        return Promise.resolve();
      },
      {
        uncertain: new Set(),
        onSending: (key) => {
          log.push(`sending ${key}`);
          return Promise.resolve();
        },
      },
    );
    expect(done.ok).toBe(true);
    expect(log).toEqual([
      'sending c',
      'apply c',
      'landed c=id-c',
      'apply u',
      'landed u=id-u',
      'sending d',
      'apply d',
      'landed d=id-d',
    ]);
  });

  it('a create marked earlier without an id goes to the adapter as uncertain, and is not marked again', async () => {
    const log: string[] = [];
    const port: CrmPort = {
      ...recordingPort(false).port,
      apply: (operation, how) => {
        log.push(`apply ${operation.key}${how?.uncertain ? ' uncertain' : ''}`);
        return Promise.resolve(ok(`id-${operation.key}`));
      },
    };
    await execute([contact, deal], port, new Map(), landed, {
      uncertain: new Set(['d']),
      onSending: (key) => {
        log.push(`sending ${key}`);
        return Promise.resolve();
      },
    });
    expect(log).toEqual(['sending c', 'apply c', 'apply d uncertain']);
  });
});

describe('execute: a call-back task gone from the CRM (issue 14 item 2)', () => {
  const complete: Operation = {
    op: 'complete_task',
    key: 'done-t1',
    id: 't1',
    note: 'Reached by call k2',
    reason: 'the client was reached',
  };
  const comment: Operation = {
    op: 'create_comment',
    key: 'n',
    record: { text: 'Call', contactId: 'c1', leadId: null, dealId: null },
  };
  function portWhere(error: CrmError): { port: CrmPort; applied: string[] } {
    const applied: string[] = [];
    const port: CrmPort = {
      findClient: () =>
        Promise.resolve(ok({ contacts: [], leads: [], deals: [], organizations: [] })),
      apply: (operation) => {
        applied.push(operation.key);
        return Promise.resolve(
          operation.op === 'complete_task' ? err(error) : ok(`id-${operation.key}`),
        );
      },
      listUsers: () => Promise.resolve(ok([])),
    };
    return { port, applied };
  }

  it('is skipped with a note naming why; the call’s other operations land and the skip is remembered', async () => {
    const { port, applied } = portWhere(new RecordGone('the task t1 is no longer in the CRM'));
    const ids = new Map<string, string>();
    const done = await execute([complete, comment], port, ids, landed);
    expect(done.ok).toBe(true);
    expect(done.operations).toEqual([
      {
        op: 'complete_task',
        entity: 'tasks',
        id: 't1',
        reason: 'the client was reached',
        notes: ['not completed: the task t1 is no longer in the CRM'],
      },
      { op: 'create_comment', entity: 'comments', id: 'id-n' },
    ]);
    expect(applied).toEqual(['done-t1', 'n']);
    // a retry of the event does not ask the CRM again
    expect(ids.get('done-t1')).toBe('t1');
  });

  it('any other refusal still fails the event', async () => {
    const { port } = portWhere(new CrmError('permanent', 'HTTP 403 forbidden', undefined, 403));
    const done = await execute([complete, comment], port, new Map(), landed);
    expect(done.ok).toBe(false);
  });
});
