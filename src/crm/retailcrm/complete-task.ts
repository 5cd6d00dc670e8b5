import { z } from 'zod';
import { notFound, readTask } from '../task-gone.js';
import type { RetailcrmClient } from './client.js';
import { nativeId, splitMarker, withMarker } from './mapping.js';

// complete_task (issue 14 item 2) in retailCRM: `POST /api/v5/tasks/{id}/edit`
// with `complete: true` and the note added to the commentary. The task is read
// first: one already complete (by a manager, or by an attempt whose answer was
// lost) is not completed twice (D13).

const TaskState = z.looseObject({
  task: z.looseObject({ commentary: z.string().optional(), complete: z.boolean().optional() }),
});

export async function completeTask(
  client: RetailcrmClient,
  id: string,
  note: string,
): Promise<string> {
  const read = () => client.get(`/api/v5/tasks/${nativeId(id)}`);
  const { task } = TaskState.parse(await readTask(id, read, notFound));
  if (task.complete === true) return id;
  const { text, values } = splitMarker(task.commentary);
  const lines = text?.split('\n') ?? [];
  const commentary = withMarker(
    lines.includes(note) ? (text ?? note) : text ? `${text}\n${note}` : note,
    values,
  );
  await client.post(`/api/v5/tasks/${nativeId(id)}/edit`, { task: { commentary, complete: true } });
  return id;
}
