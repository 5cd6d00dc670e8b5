import { REF_PREFIX, type Operation, type OperationBody } from '../domain/plan.js';

// What a replay answers: how a plan decided again differs from the plan that
// was decided. Operation keys (`eventId#index`) shift when an operation is
// added before others, so operations are matched by what they are: a create
// by its kind and its rank among creates of that kind, an update by its kind,
// its target and rank. A reference to an operation of the same plan
// (`@op:KEY`) is named by that identity too, so a shift changes nothing.

/** An operation as a replay shows it: its body, references named by identity, without its key. */
export type ShownOperation = OperationBody;

export interface ChangedOperation {
  readonly before: ShownOperation;
  readonly after: ShownOperation;
}

export interface PlanDiff {
  readonly added: ShownOperation[];
  readonly removed: ShownOperation[];
  readonly changed: ChangedOperation[];
}

export function diffPlans(before: readonly Operation[], after: readonly Operation[]): PlanDiff {
  const was = identified(before);
  const now = identified(after);
  const added: ShownOperation[] = [];
  const removed: ShownOperation[] = [];
  const changed: ChangedOperation[] = [];
  for (const [identity, operation] of was) {
    const next = now.get(identity);
    if (!next) removed.push(operation);
    else if (canonical(next) !== canonical(operation))
      changed.push({ before: operation, after: next });
  }
  for (const [identity, operation] of now) if (!was.has(identity)) added.push(operation);
  return { added, removed, changed };
}

export function isEmptyDiff(diff: PlanDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}

/** Identity → operation without its key, references rewritten to identities; in plan order. */
function identified(plan: readonly Operation[]): Map<string, ShownOperation> {
  const names = new Map<string, string>();
  const ranks = new Map<string, number>();
  const out = new Map<string, ShownOperation>();
  for (const operation of plan) {
    const { key, ...body } = operation;
    const shown = renamed(body, names) as ShownOperation;
    const kind = 'id' in shown ? `${shown.op}:${shown.id}` : shown.op;
    const rank = ranks.get(kind) ?? 0;
    ranks.set(kind, rank + 1);
    const identity = `${kind}#${rank}`;
    names.set(`${REF_PREFIX}${key}`, `${REF_PREFIX}${identity}`);
    out.set(identity, shown);
  }
  return out;
}

function renamed(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => renamed(item, names));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renamed(item, names)]),
    );
  return value;
}

/** JSON with object members in key order, so member order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
