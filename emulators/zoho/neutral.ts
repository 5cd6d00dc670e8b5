import { SnapshotSchema, type Snapshot } from '../../src/domain/snapshot.js';
import { CLOSED_LEAD_STATUSES, STAGES, type ModuleName } from './fields.js';
import type { NativeRecord, NativeUser, ZohoState } from './state.js';
import { localDate, zoned } from './zoned.js';
import {
  type Collection,
  MODULE_OF,
  CONTACT_PHONES,
  LEAD_PHONES,
  UTM,
  TRACKING,
  MAPPED,
  ref,
} from './neutral-fields.js';

// Neutral snapshot ↔ the emulator's native records (service.md §7). Written
// apart from src/crm/zoho on purpose: it follows the README's field table,
// so the emulator cannot share the adapter's mapping bugs.

export function seed(
  state: ZohoState,
  input: unknown,
): { ok: true } | { ok: false; issues: string[] } {
  const parsed = SnapshotSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  const snapshot = parsed.data;
  state.reset();
  const used = new Set<string>();
  const native = (collection: string, id: string): string => {
    const key = `${collection}:${id}`;
    let found = state.toNative.get(key);
    if (!found) {
      found = /^\d{1,19}$/.test(id) && !used.has(id) ? id : state.nextId();
      while (used.has(found)) found = state.nextId();
      used.add(found);
      state.toNative.set(key, found);
      state.toNeutral.set(found, id);
    }
    return found;
  };
  const link = (collection: string, id: string | null | undefined): { id: string } | undefined =>
    id ? { id: native(collection, id) } : undefined;
  state.users = snapshot.users.map((user): NativeUser =>
    nativeUser(native('users', user.id), user.name),
  );
  const base = Date.now() - 3_600_000;
  let tick = 0;
  const stamp = (): Record<string, unknown> => {
    const at = new Date(base + (tick += 1000)).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    return { Created_Time: at, Modified_Time: at };
  };
  const put = (module: ModuleName, record: Record<string, unknown>): void => {
    state.list(module).push({
      ...Object.fromEntries(
        Object.entries(record).filter(([, value]) => value !== undefined && value !== ''),
      ),
      ...stamp(),
    } as NativeRecord);
  };
  for (const contact of snapshot.contacts) {
    put('Contacts', {
      id: native('contacts', contact.id),
      Last_Name: contact.name,
      Email: contact.email,
      Owner: link('users', contact.ownerId),
      Account_Name: link('organizations', contact.organizationId),
      ...phones(contact.phones, CONTACT_PHONES),
      ...tracking(contact),
      ...contact.fields,
    });
  }
  for (const organization of snapshot.organizations) {
    put('Accounts', {
      id: native('organizations', organization.id),
      Account_Name: organization.name,
      Owner: link('users', organization.ownerId),
      ...tracking(organization),
    });
  }
  for (const lead of snapshot.leads) {
    put('Leads', {
      id: native('leads', lead.id),
      Last_Name: lead.name,
      Owner: link('users', lead.ownerId),
      Related_Contact: link('contacts', lead.contactId),
      Lead_Status:
        lead.status === 'closed'
          ? 'Lost Lead'
          : lead.status === 'converted'
            ? 'Contacted'
            : 'Not Contacted',
      ...(lead.status === 'converted' && { $converted: true }),
      ...phones(lead.phones, LEAD_PHONES),
      ...tracking(lead),
      ...lead.fields,
    });
  }
  for (const deal of snapshot.deals) {
    if (deal.pipeline && !state.pipelines.includes(deal.pipeline))
      state.pipelines.push(deal.pipeline);
    put('Deals', {
      id: native('deals', deal.id),
      Deal_Name: deal.name,
      Owner: link('users', deal.ownerId),
      Contact_Name: link('contacts', deal.contactId),
      Account_Name: link('organizations', deal.organizationId),
      Stage:
        deal.status === 'won'
          ? 'Closed Won'
          : deal.status === 'lost'
            ? 'Closed Lost'
            : 'Qualification',
      Pipeline: deal.pipeline,
      ...tracking(deal),
      ...deal.fields,
    });
  }
  for (const task of snapshot.tasks) {
    const what = task.dealId ? link('deals', task.dealId) : link('leads', task.leadId);
    put('Tasks', {
      id: native('tasks', task.id),
      Subject: task.title,
      Description: task.description,
      Owner: link('users', task.assigneeId),
      Status: task.done ? 'Completed' : 'Not Started',
      Who_Id: link('contacts', task.contactId),
      What_Id: what,
      $se_module: what ? (task.dealId ? 'Deals' : 'Leads') : undefined,
      Call_Id: task.callId ?? undefined,
      ...(task.dueAt && {
        Due_Date: localDate(task.dueAt),
        Remind_At: { ALARM: `FREQ=NONE;ACTION=POPUP;TRIGGER=DATE-TIME:${task.dueAt}` },
      }),
    });
  }
  for (const comment of snapshot.comments) {
    const [collection, id] = comment.dealId
      ? ['deals', comment.dealId]
      : comment.leadId
        ? ['leads', comment.leadId]
        : ['contacts', comment.contactId];
    put('Notes', {
      id: native('comments', comment.id),
      Note_Content: comment.text,
      Parent_Id: link(collection, id),
      $se_module: id ? MODULE_OF[collection as Collection] : undefined,
    });
  }
  for (const call of snapshot.calls) {
    const what = call.dealId ? link('deals', call.dealId) : link('leads', call.leadId);
    const type =
      call.direction === 'outgoing'
        ? 'Outbound'
        : call.disposition === 'answered'
          ? 'Inbound'
          : 'Missed';
    put('Calls', {
      id: native('calls', call.id),
      Subject: `${call.direction} call`,
      Call_Type: type,
      Call_Result: call.disposition,
      Call_Id: call.callId,
      Call_Start_Time: call.startedAt ?? new Date(base).toISOString(),
      Call_Duration: call.durationSec !== undefined ? duration(call.durationSec) : undefined,
      Caller_ID: call.from,
      Dialled_Number: call.to,
      Owner: link('users', call.userId),
      Who_Id: link('contacts', call.contactId),
      What_Id: what,
      $se_module: what ? (call.dealId ? 'Deals' : 'Leads') : undefined,
      Description: call.description,
    });
  }
  return { ok: true };
}

function nativeUser(id: string, name: string): NativeUser {
  const space = name.lastIndexOf(' ');
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '.') || 'user';
  return {
    id,
    full_name: name,
    first_name: space > 0 ? name.slice(0, space) : '',
    last_name: space > 0 ? name.slice(space + 1) : name,
    email: `${slug}.${id.slice(-4)}@example.com`,
    status: 'active',
    role: { name: 'CEO', id: '5725767000000015969' },
    profile: { name: 'Administrator', id: '5725767000000015972' },
    time_zone: 'UTC',
    zuid: id.slice(-9),
    confirm: true,
  };
}

const phones = (list: readonly string[], fields: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    list.slice(0, fields.length).map((phone, index) => [fields[index] ?? '', phone]),
  );

function tracking(record: {
  utm?: Record<string, string | undefined> | undefined;
  tracking?: Record<string, string | undefined> | undefined;
}): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, field] of UTM) out[field] = record.utm?.[key];
  for (const [key, field] of TRACKING) out[field] = record.tracking?.[key];
  return out;
}

const duration = (sec: number): string =>
  `${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;

export function snapshot(state: ZohoState, timeZone: string): Snapshot {
  const id = (nativeId: string): string => state.toNeutral.get(nativeId) ?? nativeId;
  const refId = (value: unknown): string | null => {
    const found = ref(value);
    return found ? id(found) : null;
  };
  const text = (record: NativeRecord, key: string): string | undefined =>
    typeof record[key] === 'string' && record[key] !== '' ? record[key] : undefined;
  const name = (record: NativeRecord, key?: string): { name?: string } => {
    const value = key
      ? text(record, key)
      : [text(record, 'First_Name'), text(record, 'Last_Name')].filter(Boolean).join(' ') ||
        undefined;
    return value !== undefined ? { name: value } : {};
  };
  const extras = (record: NativeRecord) => {
    const utm = Object.fromEntries(
      UTM.flatMap(([key, field]) =>
        text(record, field) !== undefined ? [[key, text(record, field)]] : [],
      ),
    );
    const trackingOut = Object.fromEntries(
      TRACKING.flatMap(([key, field]) =>
        text(record, field) !== undefined ? [[key, text(record, field)]] : [],
      ),
    );
    const fields = Object.fromEntries(
      Object.entries(record).filter(
        ([key, value]) => !MAPPED.has(key) && !key.startsWith('$') && typeof value === 'string',
      ),
    );
    return { utm, tracking: trackingOut, fields };
  };
  const withExtras = (record: NativeRecord, withFields: boolean) => {
    const { utm, tracking: trackingOut, fields } = extras(record);
    return {
      ...(Object.keys(utm).length > 0 && { utm }),
      ...(Object.keys(trackingOut).length > 0 && { tracking: trackingOut }),
      ...(withFields &&
        Object.keys(fields).length > 0 && { fields: fields as Record<string, string> }),
    };
  };
  const stage = (value: unknown): 'open' | 'won' | 'lost' => {
    const forecast = STAGES.find((s) => s.name === value)?.forecast ?? 'Open';
    return forecast === 'Closed Won' ? 'won' : forecast === 'Closed Lost' ? 'lost' : 'open';
  };
  const what = (record: NativeRecord, module: ModuleName): string | null =>
    record['$se_module'] === module ? refId(record['What_Id']) : null;
  const due = (record: NativeRecord): { dueAt?: string } => {
    const alarm = (record['Remind_At'] as { ALARM?: string } | undefined)?.ALARM;
    const trigger = alarm ? /TRIGGER=DATE-TIME:([^;]+)/.exec(alarm)?.[1] : undefined;
    if (trigger && !Number.isNaN(Date.parse(trigger)))
      return { dueAt: zoned(Date.parse(trigger), timeZone, true) };
    const date = text(record, 'Due_Date');
    return date ? { dueAt: zoned(Date.parse(`${date}T00:00:00Z`), timeZone, true) } : {};
  };
  const parent = (record: NativeRecord, module: ModuleName): string | null =>
    record['$se_module'] === module ? refId(record['Parent_Id']) : null;
  const seconds = (value: unknown): { durationSec?: number } => {
    if (typeof value !== 'string') return {};
    const [min, sec] = value.split(':').map(Number);
    return { durationSec: (min ?? 0) * 60 + (sec ?? 0) };
  };
  const records = (collection: Collection): NativeRecord[] => state.list(MODULE_OF[collection]);
  return {
    users: state.users.map((user) => ({ id: id(user.id), name: user.full_name })),
    contacts: records('contacts').map((record) => ({
      id: id(record.id),
      ...name(record),
      phones: CONTACT_PHONES.flatMap((field) => text(record, field) ?? []),
      ...(text(record, 'Email') && { email: text(record, 'Email') }),
      ownerId: refId(record['Owner']),
      organizationId: refId(record['Account_Name']),
      ...withExtras(record, true),
    })),
    leads: records('leads').map((record) => ({
      id: id(record.id),
      contactId: refId(record['Related_Contact']),
      ...name(record),
      phones: LEAD_PHONES.flatMap((field) => text(record, field) ?? []),
      ownerId: refId(record['Owner']),
      status:
        record['$converted'] === true
          ? 'converted'
          : CLOSED_LEAD_STATUSES.includes(String(record['Lead_Status']))
            ? 'closed'
            : 'open',
      ...withExtras(record, true),
    })),
    deals: records('deals').map((record) => ({
      id: id(record.id),
      ...name(record, 'Deal_Name'),
      contactId: refId(record['Contact_Name']),
      organizationId: refId(record['Account_Name']),
      ownerId: refId(record['Owner']),
      status: stage(record['Stage']),
      ...(text(record, 'Pipeline') && { pipeline: text(record, 'Pipeline') }),
      ...withExtras(record, true),
    })),
    organizations: records('organizations').map((record) => ({
      id: id(record.id),
      ...name(record, 'Account_Name'),
      ownerId: refId(record['Owner']),
      ...withExtras(record, false),
    })),
    tasks: records('tasks').map((record) => ({
      id: id(record.id),
      assigneeId: refId(record['Owner']),
      done: record['Status'] === 'Completed',
      ...due(record),
      title: text(record, 'Subject') ?? '',
      ...(text(record, 'Description') !== undefined && {
        description: text(record, 'Description'),
      }),
      contactId: refId(record['Who_Id']),
      leadId: what(record, 'Leads'),
      dealId: what(record, 'Deals'),
      callId: text(record, 'Call_Id') ?? null,
      recordingUrl: null,
    })),
    comments: records('comments').map((record) => ({
      id: id(record.id),
      text: text(record, 'Note_Content') ?? '',
      contactId: parent(record, 'Contacts'),
      leadId: parent(record, 'Leads'),
      dealId: parent(record, 'Deals'),
    })),
    calls: records('calls').map((record) => ({
      id: id(record.id),
      callId: text(record, 'Call_Id') ?? '',
      direction: record['Call_Type'] === 'Outbound' ? 'outgoing' : 'incoming',
      from: text(record, 'Caller_ID') ?? '',
      to: text(record, 'Dialled_Number') ?? '',
      disposition: disposition(record),
      ...seconds(record['Call_Duration']),
      ...(text(record, 'Call_Start_Time') && {
        startedAt: zoned(Date.parse(String(record['Call_Start_Time'])), timeZone),
      }),
      recordingUrl: null,
      userId: refId(record['Owner']),
      contactId: refId(record['Who_Id']),
      leadId: what(record, 'Leads'),
      dealId: what(record, 'Deals'),
      ...(text(record, 'Description') !== undefined && {
        description: text(record, 'Description'),
      }),
    })),
    notifications: [],
  };
}

const DISPOSITIONS = ['answered', 'missed', 'busy', 'failed', 'voicemail'] as const;
function disposition(record: NativeRecord): (typeof DISPOSITIONS)[number] {
  const result = DISPOSITIONS.find((value) => value === record['Call_Result']);
  if (result) return result;
  return record['Call_Type'] === 'Missed' ? 'missed' : 'answered';
}
