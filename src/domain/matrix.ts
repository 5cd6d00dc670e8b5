// Condition and action ids of behaviour §3: the vocabulary of every matrix.

export const CONDITIONS = [
  'incoming.before_answer',
  'incoming.on_answer',
  'incoming.missed',
  'incoming.answered_by_manager',
  'incoming.answered_by_responsible',
  'incoming.voicemail',
  'outgoing.success_by_responsible',
  'outgoing.success_by_manager',
  'outgoing.failed',
  'unknown_employee',
  'form.submitted',
  'messenger.dialog_started',
  'messenger.dialog_taken',
  'messenger.contact_provided',
  'messenger.dialog_ended',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const RECORD_ACTIONS = [
  'create_contact',
  'create_organization',
  'create_lead',
  'create_lead_if_no_contact',
  'create_deal',
  'create_deal_if_none',
  'assign_to_manager',
] as const;
export const TASK_ACTIONS = ['task_top_manager', 'task_manager', 'task_responsible'] as const;
export const ACTIONS = [...RECORD_ACTIONS, ...TASK_ACTIONS, 'comment'] as const;
export type Action = (typeof ACTIONS)[number];
export type TaskAction = (typeof TASK_ACTIONS)[number];

export function isTaskAction(action: Action): action is TaskAction {
  return (TASK_ACTIONS as readonly string[]).includes(action);
}

/** One ticked cell; task options only on task actions. */
export interface Cell {
  readonly action: Action;
  readonly done?: boolean | undefined;
  readonly dueHours?: number | undefined;
  readonly title?: string | undefined;
  /** The due time counts every hour, not only the project's working hours. */
  readonly ignoreWorkingHours?: boolean | undefined;
}

export type Matrix = Readonly<Partial<Record<Condition, readonly Cell[]>>>;

/** The matrix as users write it: an action id, or an object with options. */
export type MatrixInput = Readonly<Partial<Record<Condition, ReadonlyArray<Action | Cell>>>>;
