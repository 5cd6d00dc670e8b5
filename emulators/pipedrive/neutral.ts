import { RECORD_KEY_FIELD } from './markers.js';
import { SEEDED_SOURCE, sourceFieldsOf, type PdSourceFields } from './source-fields.js';
import type { Utm } from '../../src/domain/events.js';
import type { RecordTracking, Snapshot } from '../../src/domain/snapshot.js';
import { callSubject, readMarker, writeMarker } from './markers.js';
import {
  LEAD_PHONE_FIELD,
  TRACKING_FIELDS,
  type CustomValues,
  type FieldEntity,
  type PipedriveDb,
} from './state.js';
import { dueMs, fromV1, toDue, toV1, zoned } from './time.js';
import type { IdMap, Table } from './id-map.js';

// PUT /_emulator/state and GET /_emulator/snapshot (service.md §7): the
// neutral snapshot ↔ Pipedrive's native records. Seeded ids that are no valid
// native id are mapped one-to-one; the snapshot prints the seeded ids back.

const OUTCOME: Record<string, string> = {
  answered: 'connected',
  missed: 'no_answer',
  busy: 'busy',
  voicemail: 'left_voicemail',
  failed: 'wrong_number',
};
const DISPOSITION: Record<string, 'answered' | 'missed' | 'busy' | 'voicemail' | 'failed'> = {
  connected: 'answered',
  no_answer: 'missed',
  busy: 'busy',
  left_voicemail: 'voicemail',
  left_message: 'voicemail',
  wrong_number: 'failed',
};
export const outcomeOf = (disposition: string): string => OUTCOME[disposition] ?? 'no_answer';

const intId = (id: string): number | null => (/^[1-9]\d{0,9}$/.test(id) ? Number(id) : null);

interface Tracked {
  utm?: Utm | undefined;
  tracking?: RecordTracking | undefined;
  fields?: Record<string, string> | undefined;
  phones?: string[] | undefined;
}

const TRACKING_NAMES: Record<string, [group: 'utm' | 'tracking', name: string]> = {
  [TRACKING_FIELDS.utm_source]: ['utm', 'source'],
  [TRACKING_FIELDS.utm_medium]: ['utm', 'medium'],
  [TRACKING_FIELDS.utm_campaign]: ['utm', 'campaign'],
  [TRACKING_FIELDS.utm_term]: ['utm', 'term'],
  [TRACKING_FIELDS.utm_content]: ['utm', 'content'],
  [TRACKING_FIELDS.pool]: ['tracking', 'pool'],
  [TRACKING_FIELDS.ga_client_id]: ['tracking', 'gaClientId'],
  [TRACKING_FIELDS.landing_page]: ['tracking', 'landingPage'],
  [TRACKING_FIELDS.tracking_number]: ['tracking', 'trackingNumber'],
  [TRACKING_FIELDS.messenger_client_id]: ['tracking', 'messengerClientId'],
};

function customOf(
  db: PipedriveDb,
  entity: FieldEntity,
  record: Tracked,
  withPhones: boolean,
): CustomValues {
  const out: CustomValues = {};
  const byName = new Map<string, string>();
  for (const [name, [group, key]] of Object.entries(TRACKING_NAMES)) {
    const value = (record[group] as Record<string, string> | undefined)?.[key];
    if (value !== undefined) byName.set(name, value);
  }
  for (const [name, value] of Object.entries(record.fields ?? {})) byName.set(name, value);
  if (withPhones && record.phones && record.phones.length > 0)
    byName.set(LEAD_PHONE_FIELD, record.phones.join(', '));
  for (const [name, value] of byName)
    out[(db.fieldByName(entity, name) ?? db.addField(entity, name, 'varchar')).key] = value;
  return out;
}

function trackedOf(
  db: PipedriveDb,
  entity: FieldEntity,
  values: CustomValues,
  withFields: boolean,
): Tracked {
  const utm: Record<string, string> = {};
  const tracking: Record<string, string> = {};
  const fields: Record<string, string> = {};
  let phones: string[] | undefined;
  for (const field of db.fields[entity]) {
    const value = values[field.key];
    if (value === null || value === undefined || value === '' || field.name === RECORD_KEY_FIELD)
      continue;
    const known = TRACKING_NAMES[field.name];
    if (known) (known[0] === 'utm' ? utm : tracking)[known[1]] = value;
    else if (entity === 'deal' && field.name === LEAD_PHONE_FIELD)
      phones = value
        .split(',')
        .map((phone) => phone.trim())
        .filter(Boolean);
    else fields[field.name] = value;
  }
  return {
    ...(Object.keys(utm).length > 0 && { utm }),
    ...(Object.keys(tracking).length > 0 && { tracking }),
    ...(withFields && Object.keys(fields).length > 0 && { fields }),
    ...(phones && { phones }),
  };
}

/** Replaces the account's content with a neutral snapshot (the scenario's crm_state). */
export function seed(
  db: PipedriveDb,
  ids: IdMap,
  snapshot: Snapshot,
): { notifications: Snapshot['notifications'] } {
  db.reset();
  db.users = [];
  ids.clear();
  const now = toV1(Date.now());
  const allocate = (
    table: Table,
    counter: string,
    list: ReadonlyArray<{ id: string }>,
  ): Map<string, number> => {
    const out = new Map<string, number>();
    for (const { id } of list) {
      const n = intId(id);
      if (n !== null && ![...out.values()].includes(n)) {
        out.set(id, n);
        db.reserve(counter, n);
      }
    }
    for (const { id } of list) if (!out.has(id)) out.set(id, db.nextId(counter));
    for (const [seedId, native] of out) ids.set(table, seedId, native);
    return out;
  };
  const num = (table: Table, seedId: string | null | undefined): number | null => {
    const native = ids.native(table, seedId);
    return native === null ? null : Number(native);
  };
  allocate('users', 'users', snapshot.users);
  db.users = snapshot.users.map((user) => ({
    id: Number(ids.native('users', user.id)),
    name: user.name,
    email: `${user.id}@example.com`,
    active_flag: true,
    is_admin: false,
  }));
  allocate('organizations', 'organizations', snapshot.organizations);
  allocate('contacts', 'persons', snapshot.contacts);
  allocate('deals', 'deals', snapshot.deals);
  allocate('tasks', 'activities', snapshot.tasks);
  allocate('comments', 'notes', snapshot.comments);
  for (const lead of snapshot.leads) ids.set('leads', lead.id, db.newLeadId());
  for (const call of snapshot.calls)
    ids.set('calls', call.id, intId(call.id) === null ? db.newCallLogId() : call.id);

  db.organizations = snapshot.organizations.map((o) => ({
    id: Number(ids.native('organizations', o.id)),
    name: o.name ?? '',
    owner_id: num('users', o.ownerId),
    custom_fields: customOf(db, 'organization', o, false),
    add_time: now,
    update_time: now,
  }));
  db.persons = snapshot.contacts.map((c) => ({
    id: Number(ids.native('contacts', c.id)),
    name: c.name ?? '',
    owner_id: num('users', c.ownerId),
    org_id: num('organizations', c.organizationId),
    phones: c.phones.map((value, index) => ({ value, primary: index === 0, label: 'work' })),
    emails: c.email ? [{ value: c.email, primary: true, label: 'work' }] : [],
    custom_fields: customOf(db, 'person', c, false),
    add_time: now,
    update_time: now,
  }));
  db.deals = snapshot.deals.map((d) => {
    const pipeline = d.pipeline
      ? (db.pipelines.find((p) => p.name === d.pipeline) ?? db.addPipeline(d.pipeline))
      : db.pipelines[0];
    const pipelineId = pipeline?.id ?? 1;
    return {
      id: Number(ids.native('deals', d.id)),
      title: d.name ?? '',
      owner_id: num('users', d.ownerId),
      person_id: num('contacts', d.contactId),
      org_id: num('organizations', d.organizationId),
      pipeline_id: pipelineId,
      stage_id: db.firstStage(pipelineId)?.id ?? 1,
      status: d.status,
      custom_fields: customOf(db, 'deal', d, true),
      ...SEEDED_SOURCE,
      add_time: now,
      update_time: now,
    };
  });
  db.leads = snapshot.leads.map((l) => ({
    id: ids.native('leads', l.id) ?? db.newLeadId(),
    title: l.name ?? '',
    owner_id: num('users', l.ownerId),
    person_id: num('contacts', l.contactId),
    organization_id: null,
    is_archived: l.status !== 'open',
    converted: l.status === 'converted',
    custom_fields: customOf(db, 'deal', l, true),
    ...SEEDED_SOURCE,
    add_time: now,
    update_time: now,
  }));
  db.activities = snapshot.tasks.map((t) => {
    const due = t.dueAt ? toDue(Date.parse(t.dueAt)) : { due_date: null, due_time: null };
    return {
      id: Number(ids.native('tasks', t.id)),
      subject: t.title,
      type: 'task',
      owner_id: num('users', t.assigneeId),
      ...due,
      duration: null,
      done: t.done,
      deal_id: num('deals', t.dealId),
      lead_id: ids.native('leads', t.leadId),
      person_id: num('contacts', t.contactId),
      org_id: null,
      note: t.description ?? null,
      public_description: t.callId ? writeMarker({ call: t.callId }) : null,
      add_time: now,
      update_time: now,
    };
  });
  db.notes = snapshot.comments.map((n) => ({
    id: Number(ids.native('comments', n.id)),
    content: n.text,
    user_id: null,
    deal_id: num('deals', n.dealId),
    person_id: num('contacts', n.contactId),
    org_id: null,
    lead_id: ids.native('leads', n.leadId),
    add_time: now,
    update_time: now,
  }));
  db.callLogs = snapshot.calls.map((c) => {
    const start = c.startedAt ? Date.parse(c.startedAt) : null;
    const marker = writeMarker({
      call: c.callId,
      direction: c.direction,
      disposition: c.disposition,
    });
    return {
      id: ids.native('calls', c.id) ?? db.newCallLogId(),
      outcome: outcomeOf(c.disposition),
      to_phone_number: c.to,
      from_phone_number: c.from,
      start_time: start === null ? null : toV1(start),
      end_time: start === null ? null : toV1(start + (c.durationSec ?? 0) * 1000),
      duration: c.durationSec === undefined ? null : String(c.durationSec),
      user_id: num('users', c.userId),
      person_id: num('contacts', c.contactId),
      org_id: null,
      deal_id: num('deals', c.dealId),
      lead_id: ids.native('leads', c.leadId),
      subject: callSubject(c.direction, c.callId, marker),
      note: c.description ?? null,
      activity_id: null,
      has_recording: false,
      company_id: 7001,
    };
  });
  return { notifications: snapshot.notifications.map((n) => ({ ...n })) };
}

/** The account's content as the neutral snapshot, times in `timeZone`. */
export function render(
  db: PipedriveDb,
  ids: IdMap,
  timeZone: string,
  notifications: Snapshot['notifications'],
): Snapshot {
  const user = (id: number | null): string | null => ids.seed('users', id);
  return {
    users: db.users.map((u) => ({ id: ids.seed('users', u.id) ?? String(u.id), name: u.name })),
    contacts: db.persons.map((p) => {
      const { utm, tracking, fields } = trackedOf(db, 'person', p.custom_fields, true);
      return {
        id: ids.seed('contacts', p.id) ?? '',
        ...(p.name && { name: p.name }),
        phones: p.phones.map((phone) => phone.value),
        ...(p.emails[0] && { email: p.emails[0].value }),
        ownerId: user(p.owner_id),
        organizationId: ids.seed('organizations', p.org_id),
        ...(utm && { utm }),
        ...(tracking && { tracking }),
        ...(fields && { fields }),
      };
    }),
    leads: db.leads.map((l) => {
      const { phones, ...tracked } = trackedOf(db, 'deal', l.custom_fields, true);
      return {
        id: ids.seed('leads', l.id) ?? l.id,
        contactId: ids.seed('contacts', l.person_id),
        ...(l.title && { name: l.title }),
        phones: phones ?? [],
        ownerId: user(l.owner_id),
        status: l.converted ? 'converted' : l.is_archived ? 'closed' : 'open',
        ...withSource(tracked, l),
      };
    }),
    deals: db.deals.map((d) => ({
      id: ids.seed('deals', d.id) ?? '',
      ...(d.title && { name: d.title }),
      contactId: ids.seed('contacts', d.person_id),
      organizationId: ids.seed('organizations', d.org_id),
      ownerId: user(d.owner_id),
      status: d.status,
      // scenario-format §4: the pipeline is named whenever the CRM has pipelines, the default one included.
      pipeline: db.pipelines.find((p) => p.id === d.pipeline_id)?.name ?? String(d.pipeline_id),
      ...withSource(trackedOf(db, 'deal', d.custom_fields, true), d),
    })),
    organizations: db.organizations.map((o) => {
      const { utm, tracking } = trackedOf(db, 'organization', o.custom_fields, false);
      return {
        id: ids.seed('organizations', o.id) ?? '',
        ...(o.name && { name: o.name }),
        ownerId: user(o.owner_id),
        ...(utm && { utm }),
        ...(tracking && { tracking }),
      };
    }),
    tasks: db.activities.map((a) => {
      const due = dueMs(a.due_date, a.due_time);
      return {
        id: ids.seed('tasks', a.id) ?? '',
        assigneeId: user(a.owner_id),
        done: a.done,
        ...(due !== null && { dueAt: zoned(due, timeZone) }),
        title: a.subject,
        ...(a.note !== null && { description: a.note }),
        contactId: ids.seed('contacts', a.person_id),
        leadId: ids.seed('leads', a.lead_id),
        dealId: ids.seed('deals', a.deal_id),
        callId: readMarker(a.public_description).get('call'),
        recordingUrl: null,
      };
    }),
    comments: db.notes.map((n) => ({
      id: ids.seed('comments', n.id) ?? '',
      text: n.content,
      contactId: ids.seed('contacts', n.person_id),
      leadId: ids.seed('leads', n.lead_id),
      dealId: ids.seed('deals', n.deal_id),
    })),
    calls: db.callLogs.map((c) => {
      const marker = readMarker(c.subject);
      const direction = marker.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
      const disposition = marker.get('disposition') ?? DISPOSITION[c.outcome] ?? 'missed';
      return {
        id: ids.seed('calls', c.id) ?? c.id,
        callId: marker.get('call') ?? '',
        direction,
        from: c.from_phone_number ?? '',
        to: c.to_phone_number,
        disposition: disposition as 'answered',
        ...(c.duration !== null && { durationSec: Number(c.duration) }),
        ...(c.start_time !== null && { startedAt: zoned(fromV1(c.start_time), timeZone) }),
        recordingUrl: null,
        userId: user(c.user_id),
        contactId: ids.seed('contacts', c.person_id),
        leadId: ids.seed('leads', c.lead_id),
        dealId: ids.seed('deals', c.deal_id),
        ...(c.note !== null && { description: c.note }),
      };
    }),
    notifications: notifications.map((n) => ({ ...n })),
  };
}

/** A deal's or lead's fields with its source fields among them (issue 14 item 4). */
function withSource<T extends { fields?: Record<string, string> | undefined }>(
  tracked: T,
  record: PdSourceFields,
): T {
  const fields = { ...tracked.fields, ...sourceFieldsOf(record) };
  return Object.keys(fields).length > 0 ? { ...tracked, fields } : tracked;
}
