import { outageTask, type Outage } from '../../engine/outage-texts.js';
import type { Store } from '../../store/store.js';
import type { OutageTaskPayload } from '../../worker/alerts/send.js';
import { newAlertId } from '../../worker/alerts/watch.js';
import type { ProjectDocument } from './document.js';

// Issue 11 item 6 (d): an integration back from `broken` with resend writes a
// task for the top manager into the CRM: how long it was down, how many calls
// were resent and how many expired, in the project's language. It goes
// through the alert outbox, so it is retried and survives a restart.

export async function recordOutageTask(
  store: Store,
  document: ProjectDocument,
  outage: Outage & { readonly projectId: string; readonly now: Date },
): Promise<boolean> {
  const top = document.employees.find((employee) => employee.topManager);
  // No top manager (no employees yet): nobody to give the task to; the webhook and the log still tell.
  if (!top?.crmUserId) return false;
  const { title, description } = outageTask(outage, document.project.language);
  const due = new Date(outage.now.getTime() + document.project.taskDueHours * 3_600_000);
  const payload: OutageTaskPayload = {
    task: {
      assigneeId: top.crmUserId,
      done: false,
      dueAt: due.toISOString(),
      title,
      description,
    },
  };
  await store.addAlert({
    id: newAlertId(),
    projectId: outage.projectId,
    channel: 'crm-task',
    type: 'integration.outage_task',
    payload,
    now: outage.now,
  });
  return true;
}
