import { z } from 'zod';
import { appendOnce } from '../call-log-text.js';
import { notFound, readTask } from '../task-gone.js';
import type { PipedriveClient } from './client.js';
import { nativeId } from './mapping.js';

// complete_task (issue 14 item 2) in Pipedrive: the activity is marked `done`
// (PATCH /api/v2/activities/{id}) with the note added to its note. It is read
// first: an activity done already (by a manager, or by an attempt whose answer
// was lost) is not completed twice (D13).

const ActivityState = z.looseObject({
  note: z.string().nullable().optional(),
  done: z.boolean().optional(),
});

export async function completeActivity(
  client: PipedriveClient,
  id: string,
  note: string,
): Promise<string> {
  const url = `/api/v2/activities/${nativeId(id)}`;
  const read = () => client.call({ method: 'GET', url });
  const activity = ActivityState.parse((await readTask(id, read, notFound)).data);
  if (activity.done === true) return id;
  await client.call({
    method: 'PATCH',
    url,
    json: { done: true, note: appendOnce(activity.note, note) },
  });
  return id;
}
