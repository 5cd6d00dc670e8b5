import { ENTITY_OF, isRef, REF_PREFIX, type JournalEntry, type Operation } from '../domain/plan.js';
import { CrmError, type CrmPort } from '../crm/port.js';

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

/**
 * Carries a plan out through the port, in order. `ids` holds the operation
 * keys already carried out (with their record ids): after a crash or a failed
 * attempt the same plan runs again and those are not sent twice (D7, D13).
 */
export async function execute(plan: readonly Operation[], port: CrmPort, ids: Map<string, string>): Promise<Execution> {
  const operations: JournalOperation[] = [];
  for (const planned of plan) {
    let id = ids.get(planned.key);
    if (id === undefined) {
      const operation = resolveRefs(planned, ids);
      const result = await port.apply(operation);
      if (!result.ok) return { ok: false, error: result.error, operations };
      id = result.value;
      ids.set(planned.key, id);
    }
    operations.push({ op: planned.op, entity: ENTITY_OF[planned.op], id });
  }
  return { ok: true, operations };
}

export { CrmError };
