import { ENTITY_OF, isRef, REF_PREFIX, type JournalEntry, type Operation } from '../domain/plan.js';
import { holdToPicklists } from './picklists.js';
import { CrmError, RecordGone, type CrmPort, type NotifyOperation } from './crm-port.js';

export type JournalOperation = JournalEntry['operations'][number];

/**
 * Swaps plan references for the ids the CRM gave, anywhere in a value. Parts
 * without a reference are returned as they are (no copy): this runs for every
 * operation and every memory, and copying all of it was the engine's top cost.
 */
export function resolveRefs<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') {
    return (isRef(value) ? (ids.get(value.slice(REF_PREFIX.length)) ?? value) : value) as T;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const resolved = resolveRefs(item, ids);
      if (resolved !== item) (out ??= [...(value as unknown[])])[i] = resolved;
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | null = null;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      const resolved = resolveRefs(item, ids);
      if (resolved !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = resolved;
    }
    return (out ?? value) as T;
  }
  return value;
}

export type Execution =
  | { readonly ok: true; readonly operations: JournalOperation[] }
  | { readonly ok: false; readonly error: CrmError; readonly operations: JournalOperation[] };

/** Called the moment an operation landed, before the next CRM call: the ledger records its id (D13). */
export type OnLanded = (operationKey: string, crmId: string) => Promise<void>;

/**
 * The write-ahead half of D13: `onSending` records, before a create's request
 * leaves, that it may land; `uncertain` holds the keys so recorded by an
 * earlier attempt whose id never was (the process died, or the answer was
 * lost). Those go to the adapter as uncertain: it searches before it writes.
 */
export interface WriteAhead {
  readonly uncertain: ReadonlySet<string>;
  readonly onSending: (operationKey: string) => Promise<void>;
}

const NO_WRITE_AHEAD: WriteAhead = { uncertain: new Set(), onSending: () => Promise.resolve() };

/**
 * Whether sending an operation twice would write twice: creates. Updates write
 * the same values again, a completion reads first, a pop-up is gone in a moment.
 */
export const writesTwiceIfResent = (operation: Operation): boolean =>
  operation.op.startsWith('create_');

/**
 * Carries a plan out through the port, in order. `ids` holds the operation
 * keys already carried out (with their record ids): after a crash or a failed
 * attempt the same plan runs again and those are not sent twice (D7, D13).
 * Each operation that lands is added to `ids` and handed to `onLanded`; each
 * create is handed to `writeAhead.onSending` before its request leaves.
 */
export async function execute(
  plan: readonly Operation[],
  port: CrmPort,
  ids: Map<string, string>,
  onLanded: OnLanded,
  writeAhead: WriteAhead = NO_WRITE_AHEAD,
): Promise<Execution> {
  const operations: JournalOperation[] = [];
  for (let at = 0; at < plan.length;) {
    const together = port.notifyTogether ? popupRun(plan, at, ids) : [];
    if (together.length > 1 && port.notifyTogether) {
      const result = await port.notifyTogether(
        together.map((operation) => resolveRefs(operation, ids)),
      );
      if (!result.ok) return { ok: false, error: result.error, operations };
      if (result.value.length !== together.length) {
        return {
          ok: false,
          error: new CrmError(
            'permanent',
            `notifyTogether answered ${result.value.length} ids for ${together.length} pop-ups`,
          ),
          operations,
        };
      }
      for (const [n, operation] of together.entries()) {
        const id = result.value[n] ?? '';
        ids.set(operation.key, id);
        await onLanded(operation.key, id);
        operations.push({ op: operation.op, entity: ENTITY_OF[operation.op], id });
      }
      at += together.length;
      continue;
    }
    const planned = plan[at] as Operation;
    let id = ids.get(planned.key);
    let notes: string[] = [];
    if (id === undefined) {
      const held = await holdToPicklists(resolveRefs(planned, ids), port);
      if (!held.ok) return { ok: false, error: held.error, operations };
      const { operation } = held.value;
      notes = held.value.notes;
      const uncertain = writeAhead.uncertain.has(planned.key);
      if (!uncertain && writesTwiceIfResent(planned)) await writeAhead.onSending(planned.key);
      const result = await port.apply(operation, uncertain ? { uncertain } : undefined);
      if (result.ok) id = result.value;
      else if (operation.op === 'complete_task' && result.error instanceof RecordGone) {
        // A call-back task deleted in the CRM has nothing left to complete: skipped, with the note.
        notes = [...notes, `not completed: ${result.error.message}`];
        id = operation.id;
      } else return { ok: false, error: result.error, operations };
      ids.set(planned.key, id);
      await onLanded(planned.key, id);
    }
    operations.push({
      op: planned.op,
      entity: ENTITY_OF[planned.op],
      id,
      ...(planned.op === 'complete_task' && { reason: planned.reason }),
      ...(notes.length > 0 && { notes }),
    });
    at += 1;
  }
  return { ok: true, operations };
}

/** The pop-ups from `at` on that can go in one request: not yet carried out, consecutive, of one call, kind and phone. */
function popupRun(
  plan: readonly Operation[],
  at: number,
  ids: ReadonlyMap<string, string>,
): NotifyOperation[] {
  const run: NotifyOperation[] = [];
  for (let i = at; i < plan.length; i++) {
    const operation = plan[i];
    if (operation?.op !== 'notify' || ids.has(operation.key)) break;
    const first = run[0];
    if (
      first &&
      (first.record.callId !== operation.record.callId ||
        first.record.kind !== operation.record.kind ||
        first.phone !== operation.phone)
    )
      break;
    run.push(operation);
  }
  return run;
}
