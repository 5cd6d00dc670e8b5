import { isTaskAction, type Action, type Cell } from '../domain/matrix.js';
import type { MomentContext, ProjectContext } from './moment-context.js';
import type { PlanBuilder } from './plan-builder.js';
import {
  assignToManager,
  createDeal,
  createLead,
  createOrganization,
  ensureContact,
} from './records.js';
import { createComment, createTasks } from './tasks.js';

// Behaviour §3: "Actions of one row run in this order, whatever order the row lists them in."
const RANK: Record<Action, number> = {
  create_contact: 0,
  create_organization: 1,
  create_lead: 2,
  create_lead_if_no_contact: 2,
  create_deal: 3,
  create_deal_if_none: 3,
  assign_to_manager: 4,
  task_top_manager: 5,
  task_manager: 5,
  task_responsible: 5,
  comment: 6,
};

export interface RowResult {
  readonly taskIds: string[];
  readonly adoptedDealId: string | null;
}

/** Runs one moment's row of the matrix into the plan. */
export function runRow(
  plan: PlanBuilder,
  row: readonly Cell[],
  ctx: MomentContext,
  project: ProjectContext,
): RowResult {
  const cells = [...row].sort((a, b) => RANK[a.action] - RANK[b.action]);
  const rowCreatesContact = cells.some((cell) => cell.action === 'create_contact');
  let adoptedDealId = ctx.adoptedDealId;
  let taskIds: string[] = [];
  const tasks = cells.filter((cell) => isTaskAction(cell.action));
  for (const cell of cells) {
    switch (cell.action) {
      case 'create_contact':
        ensureContact(plan, ctx, project, true);
        break;
      case 'create_organization':
        createOrganization(plan, ctx);
        break;
      case 'create_lead':
      case 'create_lead_if_no_contact':
        createLead(plan, ctx, project, cell);
        break;
      case 'create_deal':
      case 'create_deal_if_none':
        adoptedDealId = createDeal(plan, ctx, project, cell, rowCreatesContact) ?? adoptedDealId;
        break;
      case 'assign_to_manager':
        assignToManager(plan, ctx);
        break;
      case 'comment':
        createComment(plan, { ...ctx, adoptedDealId });
        break;
      default:
        // Tasks of the row are made together, once (D9).
        if (cell === tasks[0])
          taskIds = createTasks(plan, tasks, { ...ctx, adoptedDealId }, project);
    }
  }
  return { taskIds, adoptedDealId };
}
