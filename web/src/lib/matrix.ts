import type { Schemas } from '../api';

// The matrix grid's state: pure functions over the API's own Matrix type (web/src/lib/matrix.test.ts).

export type Matrix = Schemas['Matrix'];
export type Cell = Matrix[string][number];
export type Action = Cell['action'];
export type Condition = Schemas['JournalEntry']['conditions'][number];
export interface CellOptions {
  readonly done?: boolean | undefined;
  readonly dueHours?: number | undefined;
  readonly title?: string | undefined;
}

/** The rows as the vendor groups them; the compiler checks that every condition of the API is here once. */
export const CONDITION_GROUPS = {
  incoming: [
    'incoming.before_answer',
    'incoming.on_answer',
    'incoming.answered_by_responsible',
    'incoming.answered_by_manager',
    'incoming.missed',
    'incoming.voicemail',
    'unknown_employee',
  ],
  outgoing: ['outgoing.success_by_responsible', 'outgoing.success_by_manager', 'outgoing.failed'],
  forms: ['form.submitted'],
  messengers: [
    'messenger.dialog_started',
    'messenger.dialog_taken',
    'messenger.contact_provided',
    'messenger.dialog_ended',
  ],
} as const satisfies Record<string, readonly Condition[]>;
export type ConditionGroup = keyof typeof CONDITION_GROUPS;

/** The columns; the compiler checks the list against the API's Action type. */
export const ACTIONS = [
  'create_contact',
  'create_organization',
  'create_lead',
  'create_lead_if_no_contact',
  'create_deal',
  'create_deal_if_none',
  'assign_to_manager',
  'task_top_manager',
  'task_manager',
  'task_responsible',
  'comment',
] as const satisfies readonly Action[];

type Missing<All, Listed> = Exclude<All, Listed>;
// Fails to compile when the API gains a condition or an action the grid does not show.
const everyCondition: Missing<
  Condition,
  (typeof CONDITION_GROUPS)[ConditionGroup][number]
> extends never
  ? true
  : false = true;
const everyAction: Missing<Action, (typeof ACTIONS)[number]> extends never ? true : false = true;
export const COMPLETE = everyCondition && everyAction;

/** Task options (done, due hours, title) apply to task actions only: the API refuses them elsewhere. */
export const isTaskAction = (action: Action): boolean => action.startsWith('task_');

export function cellOf(matrix: Matrix, condition: Condition, action: Action): Cell | undefined {
  return matrix[condition]?.find((cell) => cell.action === action);
}

/** Tick a cell (with the CRM default's options when the default has the cell) or untick it. */
export function toggleCell(
  matrix: Matrix,
  defaults: Matrix,
  condition: Condition,
  action: Action,
): Matrix {
  const cells = matrix[condition] ?? [];
  if (cells.some((cell) => cell.action === action))
    return withRow(
      matrix,
      condition,
      cells.filter((cell) => cell.action !== action),
    );
  const fromDefault = cellOf(defaults, condition, action);
  return withRow(matrix, condition, sortCells([...cells, fromDefault ?? { action }]));
}

/** Set a ticked task cell's options; empty values are left out (the project's defaults apply). */
export function setOptions(
  matrix: Matrix,
  condition: Condition,
  action: Action,
  options: CellOptions,
): Matrix {
  const cells = matrix[condition] ?? [];
  return withRow(
    matrix,
    condition,
    cells.map((cell) => {
      if (cell.action !== action) return cell;
      const next: Cell = { action };
      const done = options.done ?? cell.done;
      if (done !== undefined) next.done = done;
      const title = 'title' in options ? options.title : cell.title;
      if (title) next.title = title;
      const dueHours = 'dueHours' in options ? options.dueHours : cell.dueHours;
      if (dueHours !== undefined && !Number.isNaN(dueHours)) next.dueHours = dueHours;
      return next;
    }),
  );
}

/** One cell back to the CRM's default: ticked with its options, or unticked. */
export function resetCell(
  matrix: Matrix,
  defaults: Matrix,
  condition: Condition,
  action: Action,
): Matrix {
  const cells = (matrix[condition] ?? []).filter((cell) => cell.action !== action);
  const fromDefault = cellOf(defaults, condition, action);
  return withRow(matrix, condition, sortCells(fromDefault ? [...cells, fromDefault] : cells));
}

export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.action === b.action &&
    (a.done ?? null) === (b.done ?? null) &&
    (a.dueHours ?? null) === (b.dueHours ?? null) &&
    (a.title ?? null) === (b.title ?? null)
  );
}

export interface CellChange {
  readonly condition: Condition;
  readonly action: Action;
  readonly change: 'ticked' | 'unticked' | 'options';
}

/** What a draft changes against the saved matrix, row by row, in the grid's order. */
export function matrixChanges(saved: Matrix, draft: Matrix): CellChange[] {
  const changes: CellChange[] = [];
  for (const condition of allConditions())
    for (const action of ACTIONS) {
      const before = cellOf(saved, condition, action);
      const after = cellOf(draft, condition, action);
      if (before && !after) changes.push({ condition, action, change: 'unticked' });
      else if (!before && after) changes.push({ condition, action, change: 'ticked' });
      else if (!sameCell(before, after)) changes.push({ condition, action, change: 'options' });
    }
  return changes;
}

export function allConditions(): Condition[] {
  return Object.values(CONDITION_GROUPS).flat();
}

/** The cell a problem of PUT …/matrix names (`incoming.missed[0].dueHours`), by the draft's order. */
export function cellOfProblemPath(
  matrix: Matrix,
  path: string,
): { condition: Condition; action: Action } | null {
  const match = /^(?:matrix\.)?([\w.]+?)\[(\d+)\]/.exec(path);
  if (!match?.[1] || match[2] === undefined) return null;
  const condition = match[1] as Condition;
  const cell = matrix[condition]?.[Number(match[2])];
  return cell ? { condition, action: cell.action } : null;
}

function withRow(matrix: Matrix, condition: Condition, cells: Cell[]): Matrix {
  const next: Matrix = { ...matrix };
  if (cells.length > 0) next[condition] = cells;
  else delete next[condition];
  return next;
}

function sortCells(cells: Cell[]): Cell[] {
  return [...cells].sort((a, b) => ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action));
}
