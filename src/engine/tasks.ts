import type { Cell, TaskAction } from '../domain/matrix.js';
import type { Task } from '../domain/snapshot.js';
import { theContact, theDeal, theLead } from './client.js';
import type { MomentContext, ProjectContext } from './moment-context.js';
import type { PlanBuilder } from './plan-builder.js';
import { addHours, toZonedMinute } from './time.js';
import { addWorkingHours } from './working-time.js';

// Task and comment actions of behaviour §3, with D3 (done-ness), D4 (due) and D9 (one task per person).

const DEFAULT_TITLES: Record<TaskAction, string> = {
  task_top_manager: 'Check the call',
  task_manager: 'Call with the client',
  task_responsible: 'Check the call',
};

export interface Links {
  readonly contactId: string | null;
  readonly leadId: string | null;
  readonly dealId: string | null;
}

/** Tasks, comments and call logs hang on the deal (else the lead) and the contact. */
export function linksOf(plan: PlanBuilder, adoptedDealId: string | null): Links {
  const deal =
    theDeal(plan.client) ??
    (adoptedDealId ? (plan.client.deals.find((d) => d.id === adoptedDealId) ?? null) : null);
  const lead = deal ? null : theLead(plan.client);
  const contact =
    theContact(plan.client, deal) ??
    (lead?.contactId ? (plan.client.contacts.find((c) => c.id === lead.contactId) ?? null) : null);
  return { contactId: contact?.id ?? null, leadId: lead?.id ?? null, dealId: deal?.id ?? null };
}

interface Assignment {
  readonly cell: Cell;
  readonly userId: string;
}

function assignee(
  cell: Cell,
  ctx: MomentContext,
  project: ProjectContext,
  plan: PlanBuilder,
): string | null {
  const top = project.staff.top?.crmUserId ?? null;
  switch (cell.action) {
    case 'task_top_manager':
      if (!top) plan.skip(cell.action, 'the project has no top manager');
      return top;
    case 'task_manager': {
      const userId = ctx.manager?.crmUserId ?? null;
      if (!userId) plan.skip(cell.action, 'no known manager took part');
      return userId;
    }
    case 'task_responsible': {
      const userId = ctx.responsibleUserId ?? ctx.manager?.crmUserId ?? top;
      if (!userId) plan.skip(cell.action, 'no responsible manager, manager or top manager');
      return userId;
    }
    default:
      return null;
  }
}

/** D9: the row's task cells become one task per person. */
export function createTasks(
  plan: PlanBuilder,
  cells: readonly Cell[],
  ctx: MomentContext,
  project: ProjectContext,
): string[] {
  const byUser = new Map<string, Assignment[]>();
  for (const cell of cells) {
    const userId = assignee(cell, ctx, project, plan);
    if (!userId) continue;
    byUser.set(userId, [...(byUser.get(userId) ?? []), { cell, userId }]);
  }
  const links = linksOf(plan, ctx.adoptedDealId);
  const created: string[] = [];
  for (const [userId, assignments] of byUser) {
    const first = assignments[0];
    if (!first) continue;
    const done = assignments.some((a) => a.cell.done === true);
    const dueMs = Math.min(...assignments.map((a) => dueOf(a.cell, ctx, project)));
    const title = project.t(first.cell.title ?? DEFAULT_TITLES[first.cell.action as TaskAction]);
    const record: Omit<Task, 'id'> = {
      assigneeId: userId,
      done,
      dueAt: toZonedMinute(done ? Date.parse(ctx.at) : dueMs, project.settings.timezone),
      title,
      description: ctx.description,
      ...links,
      callId: ctx.callId,
      recordingUrl: ctx.recordingUrl,
    };
    created.push(plan.add({ op: 'create_task', record }));
  }
  return created;
}

/**
 * D4: a done task is due at its event; an open one `dueHours` later — working hours when the
 * project has them, unless the cell ignores them.
 */
function dueOf(cell: Cell, ctx: MomentContext, project: ProjectContext): number {
  if (cell.done === true) return Date.parse(ctx.at);
  const hours = cell.dueHours ?? project.settings.taskDueHours;
  const workingHours = project.settings.workingHours;
  if (!workingHours || cell.ignoreWorkingHours === true) return addHours(ctx.at, hours);
  return addWorkingHours(Date.parse(ctx.at), hours, workingHours, project.settings.timezone);
}

export function createComment(plan: PlanBuilder, ctx: MomentContext): void {
  if (!ctx.commentText) {
    plan.skip('comment', 'the event has nothing to comment');
    return;
  }
  const links = linksOf(plan, ctx.adoptedDealId);
  if (!links.contactId && !links.leadId && !links.dealId) {
    plan.skip('comment', 'no record to hold the comment');
    return;
  }
  plan.add({ op: 'create_comment', record: { text: ctx.commentText, ...links } });
}
