import { z } from 'zod';
import type { PipedriveClient } from './client.js';
import { readMarker } from './mapping.js';
import { ActivitySchema, CallLogSchema } from './native.js';

// D13: what a write whose outcome is unknown may have written, found before it
// is sent again (the adapter asks only for keys UncertainWrites holds).

/** D13: the activity a lost answer may have created, by the key in its marker. */
export async function findActivity(
  client: PipedriveClient,
  key: string,
  task: {
    contactId?: string | null | undefined;
    dealId?: string | null | undefined;
    leadId?: string | null | undefined;
  },
): Promise<string | null> {
  const filter = task.dealId
    ? { deal_id: task.dealId }
    : task.leadId
      ? { lead_id: task.leadId }
      : task.contactId
        ? { person_id: task.contactId }
        : null;
  if (!filter) return null;
  const activities = z
    .array(ActivitySchema)
    .parse(await client.listV2('/api/v2/activities', filter));
  const hit = activities.find((a) => readMarker(a.public_description).get('key') === key);
  return hit ? String(hit.id) : null;
}

/** D13: a call log carries its key in the subject's marker. */
export async function findCallLog(client: PipedriveClient, key: string): Promise<string | null> {
  const logs = z.array(CallLogSchema).parse(await client.listV1('/api/v1/callLogs', {}, 50));
  return logs.find((log) => readMarker(log.subject).get('key') === key)?.id ?? null;
}

/** D13: notes have no marker field; the same text on the same record counts as the note already written. */
export async function findNote(
  client: PipedriveClient,
  content: string,
  body: Record<string, unknown>,
): Promise<string | null> {
  const filter = ['deal_id', 'lead_id', 'person_id'].find((name) => body[name] !== undefined);
  if (!filter) return null;
  const notes = await client.listV1('/api/v1/notes', { [filter]: String(body[filter]) });
  const hit = z
    .array(z.looseObject({ id: z.number(), content: z.string() }))
    .parse(notes)
    .find((note) => note.content === content);
  return hit ? String(hit.id) : null;
}
