import { bool, fail, ok, offsetPage, route, str, type Route } from './http.js';
import { createdSource, editedSource, sourceFieldList } from './source-fields.js';
import { searchPersons } from './search.js';
import { callLogV1, leadV1, noteV1, personSearchItem, userV1 } from './serialize.js';
import {
  COMPANY_ID,
  v1Time,
  type FieldEntity,
  type PdCallLog,
  type PdLead,
  type PdNote,
} from './state.js';
import {
  byId,
  customValues,
  dealRef,
  filterBy,
  leadRef,
  orgRef,
  personRef,
  userRef,
  type Ctx,
} from './validate.js';

// API v1 (crm-apis.md §2.8, 2.10–2.12): users, leads, notes, call logs, and the field lists.

const OUTCOMES = [
  'connected',
  'no_answer',
  'left_message',
  'left_voicemail',
  'wrong_number',
  'busy',
];
const V1_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const FIELD_ENTITIES: Record<string, FieldEntity> = {
  personFields: 'person',
  dealFields: 'deal',
  organizationFields: 'organization',
  leadFields: 'deal',
};
const BUILT_IN: Record<FieldEntity, Array<[key: string, name: string, type: string]>> = {
  person: [
    ['name', 'Name', 'varchar'],
    ['phone', 'Phone', 'phone'],
    ['email', 'Email', 'varchar'],
    ['owner_id', 'Owner', 'user'],
    ['org_id', 'Organization', 'org'],
  ],
  organization: [
    ['name', 'Name', 'varchar'],
    ['owner_id', 'Owner', 'user'],
    ['address', 'Address', 'address'],
  ],
  deal: [
    ['title', 'Title', 'varchar'],
    ['owner_id', 'Owner', 'user'],
    ['person_id', 'Person', 'people'],
    ['org_id', 'Organization', 'org'],
    ['pipeline', 'Pipeline', 'double'],
    ['status', 'Status', 'status'],
  ],
};

/** v1 leads take custom fields as top-level hash keys (leads share the deal fields). */
function leadCustom(ctx: Ctx): PdLead['custom_fields'] {
  const source = Object.fromEntries(
    Object.entries(ctx.body).filter(([key]) => /^[0-9a-f]{40}$/.test(key)),
  );
  return customValues(ctx.db, 'deal', source, 'lead');
}

const visibleLeads = (ctx: Ctx): PdLead[] => ctx.db.leads.filter((lead) => !lead.converted);

export const v1Routes: Array<Route<Ctx>> = [
  // Legacy v1 person search (crm-apis.md §2.4), for older integration code: same items, offset paging.
  route('GET', '/api/v1/persons/search', (ctx) => {
    const reply = offsetPage(
      searchPersons(ctx.db, ctx.query).map(({ person, score }) =>
        personSearchItem(ctx.db, person, score),
      ),
      ctx.query,
    );
    const body = reply.body as { data: unknown[]; additional_data: unknown };
    return {
      status: 200,
      body: { success: true, data: { items: body.data }, additional_data: body.additional_data },
    };
  }),
  route('GET', '/api/v1/users', (ctx) => ok(ctx.db.users.map((user) => userV1(user, ctx.userId)))),
  route('GET', '/api/v1/users/me', (ctx) =>
    ok(userV1(byId(ctx.db.users, String(ctx.userId), 'User'), ctx.userId)),
  ),
  route('GET', '/api/v1/users/:id', (ctx, p) =>
    ok(userV1(byId(ctx.db.users, p['id'], 'User'), ctx.userId)),
  ),
  route('GET', '/api/v1/leads', (ctx) => {
    const archived = ctx.query.get('archived_status') ?? 'all';
    const leads = filterBy(visibleLeads(ctx), ctx.query, [
      'person_id',
      'organization_id',
      'owner_id',
    ]).filter((lead) => archived === 'all' || (archived === 'archived') === lead.is_archived);
    return offsetPage(leads.map(leadV1), ctx.query);
  }),
  route('GET', '/api/v1/leads/:id', (ctx, p) =>
    ok(leadV1(byId(visibleLeads(ctx), p['id'], 'Lead'))),
  ),
  route('POST', '/api/v1/leads', (ctx) => {
    const title = str(ctx.body, 'title', true) ?? '';
    const person_id = personRef(ctx) ?? null;
    const organization_id = orgRef(ctx, 'organization_id') ?? null;
    if (person_id === null && organization_id === null)
      fail(400, 'A lead must be linked to a person or an organization');
    const now = v1Time();
    const lead: PdLead = {
      id: ctx.db.newLeadId(),
      title,
      owner_id: userRef(ctx, 'owner_id') ?? ctx.userId,
      person_id,
      organization_id,
      is_archived: bool(ctx.body, 'is_archived') ?? false,
      custom_fields: leadCustom(ctx),
      ...createdSource(ctx.body),
      add_time: now,
      update_time: now,
      converted: false,
    };
    ctx.db.leads.push(lead);
    return ok(leadV1(lead), undefined, 201);
  }),
  route('PATCH', '/api/v1/leads/:id', (ctx, p) => {
    const lead = byId(visibleLeads(ctx), p['id'], 'Lead');
    const change = {
      title: str(ctx.body, 'title'),
      owner_id: userRef(ctx, 'owner_id'),
      person_id: personRef(ctx),
      organization_id: orgRef(ctx, 'organization_id'),
      is_archived: bool(ctx.body, 'is_archived'),
    };
    Object.assign(
      lead,
      Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
    );
    Object.assign(lead, editedSource(ctx.body));
    lead.custom_fields = { ...lead.custom_fields, ...leadCustom(ctx) };
    lead.update_time = v1Time();
    return ok(leadV1(lead));
  }),
  // Deletes the lead (crm-apis.md §2.8): it is gone at once; no list shows deleted leads (README).
  route('DELETE', '/api/v1/leads/:id', (ctx, p) => {
    const lead = byId(visibleLeads(ctx), p['id'], 'Lead');
    ctx.db.leads = ctx.db.leads.filter((l) => l !== lead);
    return ok({ id: lead.id });
  }),
  route('GET', '/api/v1/notes', (ctx) => {
    const notes = filterBy(ctx.db.notes, ctx.query, [
      'person_id',
      'deal_id',
      'org_id',
      'lead_id',
      'user_id',
    ]);
    return offsetPage(
      notes.map((note) => noteV1(ctx.db, note)),
      ctx.query,
    );
  }),
  route('GET', '/api/v1/notes/:id', (ctx, p) =>
    ok(noteV1(ctx.db, byId(ctx.db.notes, p['id'], 'Note'))),
  ),
  route('POST', '/api/v1/notes', (ctx) => {
    const content = str(ctx.body, 'content', true) ?? '';
    const now = v1Time();
    const note: PdNote = {
      id: ctx.db.nextId('notes'),
      content,
      user_id: userRef(ctx, 'user_id') ?? ctx.userId,
      deal_id: dealRef(ctx) ?? null,
      person_id: personRef(ctx) ?? null,
      org_id: orgRef(ctx) ?? null,
      lead_id: leadRef(ctx) ?? null,
      add_time: now,
      update_time: now,
    };
    if (
      note.deal_id === null &&
      note.person_id === null &&
      note.org_id === null &&
      note.lead_id === null
    ) {
      fail(400, 'Note must be associated with a deal, person, organization, lead or project');
    }
    ctx.db.notes.push(note);
    return ok(noteV1(ctx.db, note));
  }),
  route('GET', '/api/v1/callLogs', (ctx) =>
    offsetPage(ctx.db.callLogs.map(callLogV1), ctx.query, 50),
  ),
  route('GET', '/api/v1/callLogs/:id', (ctx, p) =>
    ok(callLogV1(byId(ctx.db.callLogs, p['id'], 'Call log'))),
  ),
  route('DELETE', '/api/v1/callLogs/:id', (ctx, p) => {
    const log = byId(ctx.db.callLogs, p['id'], 'Call log');
    ctx.db.callLogs = ctx.db.callLogs.filter((candidate) => candidate !== log);
    return { status: 200, body: { success: true } };
  }),
  route('POST', '/api/v1/callLogs', (ctx) => {
    const b = ctx.body;
    const outcome = str(b, 'outcome', true) ?? '';
    if (!OUTCOMES.includes(outcome)) fail(400, `outcome must be one of ${OUTCOMES.join(', ')}`);
    const start_time = str(b, 'start_time', true) ?? '';
    const end_time = str(b, 'end_time', true) ?? '';
    if (!V1_TIME.test(start_time)) fail(400, 'start_time must be in YYYY-MM-DD HH:MM:SS format');
    if (!V1_TIME.test(end_time)) fail(400, 'end_time must be in YYYY-MM-DD HH:MM:SS format');
    const deal_id = dealRef(ctx) ?? null;
    const lead_id = leadRef(ctx) ?? null;
    if (deal_id !== null && lead_id !== null)
      fail(400, 'Only one of deal_id or lead_id can be set');
    const rawDuration = b['duration'];
    const duration =
      typeof rawDuration === 'number' || typeof rawDuration === 'string'
        ? String(rawDuration)
        : rawDuration;
    if (
      duration !== undefined &&
      duration !== null &&
      (typeof duration !== 'string' || !/^\d+$/.test(duration))
    )
      fail(400, 'duration must be a number of seconds');
    const log: PdCallLog = {
      id: ctx.db.newCallLogId(),
      outcome,
      to_phone_number: str(b, 'to_phone_number', true) ?? '',
      from_phone_number: str(b, 'from_phone_number') ?? null,
      start_time,
      end_time,
      duration: typeof duration === 'string' ? duration : null,
      // UNVERIFIED: a call log sent without user_id is kept without an owner here (the real API may credit the token's user).
      user_id: userRef(ctx, 'user_id') ?? null,
      person_id: personRef(ctx) ?? null,
      org_id: orgRef(ctx) ?? null,
      deal_id,
      lead_id,
      subject: str(b, 'subject') ?? null,
      note: str(b, 'note') ?? null,
      activity_id: null,
      has_recording: false,
      company_id: COMPANY_ID,
    };
    ctx.db.callLogs.push(log);
    return ok(callLogV1(log));
  }),
  route('POST', '/api/v1/callLogs/:id/recordings', (ctx, p) => {
    byId(ctx.db.callLogs, p['id'], 'Call log').has_recording = true;
    return { status: 200, body: { success: true } };
  }),
  ...Object.entries(FIELD_ENTITIES).flatMap(([path, entity]) => [
    route<Ctx>('GET', `/api/v1/${path}`, (ctx) => {
      const builtIn = BUILT_IN[entity].map(([key, name, field_type], index) => ({
        id: index + 1,
        key,
        name,
        field_type,
        edit_flag: false,
        mandatory_flag: key === 'name' || key === 'title',
      }));
      const source = entity === 'deal' ? sourceFieldList(builtIn.length + 1) : [];
      const custom = ctx.db.fields[entity].map((field) => ({ ...field, mandatory_flag: false }));
      return offsetPage([...builtIn, ...source, ...custom], ctx.query);
    }),
    route<Ctx>('POST', `/api/v1/${path}`, (ctx) => {
      const name = str(ctx.body, 'name', true) ?? '';
      const type = str(ctx.body, 'field_type', true) ?? '';
      if (ctx.db.fieldByName(entity, name)) fail(400, `A field named "${name}" already exists`);
      return ok(ctx.db.addField(entity, name, type));
    }),
  ]),
];
