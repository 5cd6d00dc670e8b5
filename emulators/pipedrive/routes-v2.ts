import { bool, cursorPage, fail, int, ok, route, str, type Reply, type Route } from './http.js';
import { createdSource, editedSource } from './source-fields.js';
import { searchPersons, searchRecords } from './search.js';
import {
  activityV2,
  dealV2,
  deletedDealV2,
  organizationV2,
  personSearchItem,
  recordSearchItem,
  personV2,
} from './serialize.js';
import { DELETED_KEPT_MS, v1Time, type PdActivity, type PdDeal } from './state.js';
import { fromV1 } from './time.js';
import {
  byId,
  contactPoints,
  customFieldsV2,
  dealRef,
  filterBy,
  leadRef,
  orgRef,
  personRef,
  updatedSince,
  userRef,
  type Ctx,
} from './validate.js';

// API v2 (crm-apis.md §2.4–2.9, 2.13): persons, organizations, deals,
// activities, pipelines, stages and the person search.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

function status(ctx: Ctx): PdDeal['status'] | undefined {
  const value = str(ctx.body, 'status');
  if (value === undefined) return undefined;
  if (value !== 'open' && value !== 'won' && value !== 'lost')
    return fail(400, 'status must be one of open, won, lost');
  return value;
}

const DEAL_STATUSES = ['open', 'won', 'lost', 'deleted'];

/** `status` of the deals list: one value or a comma-separated list; none = every deal not deleted. */
function listStatuses(query: URLSearchParams): string[] | null {
  const value = query.get('status');
  if (value === null || value === '') return null;
  const statuses = value.split(',').map((s) => s.trim());
  if (statuses.some((s) => !DEAL_STATUSES.includes(s)))
    fail(400, `status must be one of ${DEAL_STATUSES.join(', ')}`);
  return statuses;
}

function activityFields(ctx: Ctx): Partial<PdActivity> {
  const b = ctx.body;
  const due_date = str(b, 'due_date');
  const due_time = str(b, 'due_time');
  if (due_date !== undefined && !DATE.test(due_date))
    fail(400, 'due_date must be in YYYY-MM-DD format');
  if (due_time !== undefined && !TIME.test(due_time)) fail(400, 'due_time must be in HH:MM format');
  const participants = b['participants'];
  let person_id = personRef(ctx);
  if (person_id === undefined && Array.isArray(participants)) {
    const primary = participants.find(
      (p: unknown) => (p as { primary?: unknown }).primary === true,
    ) as { person_id?: unknown } | undefined;
    if (typeof primary?.person_id === 'number') person_id = primary.person_id;
  }
  const out: Record<string, unknown> = {
    subject: str(b, 'subject'),
    type: str(b, 'type'),
    owner_id: userRef(ctx, 'owner_id'),
    due_date,
    due_time: due_time?.slice(0, 5),
    duration: str(b, 'duration'),
    done: bool(b, 'done'),
    deal_id: dealRef(ctx),
    lead_id: leadRef(ctx),
    person_id,
    org_id: orgRef(ctx),
    note: str(b, 'note'),
    public_description: str(b, 'public_description'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
}

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The search answer's shape (crm-apis.md §2.4): `data.items`, cursor paging. */
function searchReply(hits: readonly unknown[], query: URLSearchParams): Reply {
  const reply = cursorPage(hits, query);
  const body = reply.body as { data: unknown[]; additional_data: unknown };
  return {
    status: 200,
    body: { success: true, data: { items: body.data }, additional_data: body.additional_data },
  };
}

export const v2Routes: Array<Route<Ctx>> = [
  route('GET', '/api/v2/organizations/search', (ctx) =>
    searchReply(
      searchRecords('organization', ctx.db.organizations, ctx.query, (o) => o.name).map(
        ({ record, score }) => recordSearchItem('organization', record, score),
      ),
      ctx.query,
    ),
  ),
  route('GET', '/api/v2/deals/search', (ctx) =>
    searchReply(
      searchRecords('deal', ctx.db.deals, ctx.query, (d) => d.title).map(({ record, score }) =>
        recordSearchItem('deal', record, score),
      ),
      ctx.query,
    ),
  ),
  route('GET', '/api/v2/leads/search', (ctx) =>
    searchReply(
      searchRecords(
        'lead',
        ctx.db.leads.filter((lead) => !lead.converted),
        ctx.query,
        (l) => l.title,
      ).map(({ record, score }) => recordSearchItem('lead', record, score)),
      ctx.query,
    ),
  ),
  route('GET', '/api/v2/persons/search', (ctx) =>
    searchReply(
      searchPersons(ctx.db, ctx.query).map(({ person, score }) =>
        personSearchItem(ctx.db, person, score),
      ),
      ctx.query,
    ),
  ),
  route('GET', '/api/v2/persons', (ctx) =>
    cursorPage(
      updatedSince(filterBy(ctx.db.persons, ctx.query, ['owner_id', 'org_id']), ctx.query).map(
        personV2,
      ),
      ctx.query,
    ),
  ),
  route('GET', '/api/v2/persons/:id', (ctx, p) =>
    ok(personV2(byId(ctx.db.persons, p['id'], 'Person'))),
  ),
  route('POST', '/api/v2/persons', (ctx) => {
    const now = v1Time();
    const person = {
      id: ctx.db.nextId('persons'),
      name: str(ctx.body, 'name', true) ?? '',
      owner_id: userRef(ctx, 'owner_id') ?? ctx.userId,
      org_id: orgRef(ctx) ?? null,
      phones: contactPoints(ctx.body, 'phones') ?? [],
      emails: contactPoints(ctx.body, 'emails') ?? [],
      custom_fields: customFieldsV2(ctx, 'person') ?? {},
      add_time: now,
      update_time: now,
    };
    ctx.db.persons.push(person);
    return ok(personV2(person));
  }),
  route('PATCH', '/api/v2/persons/:id', (ctx, p) => {
    const person = byId(ctx.db.persons, p['id'], 'Person');
    const custom = customFieldsV2(ctx, 'person');
    Object.assign(
      person,
      defined({
        name: str(ctx.body, 'name'),
        owner_id: userRef(ctx, 'owner_id'),
        org_id: orgRef(ctx),
        phones: contactPoints(ctx.body, 'phones'),
        emails: contactPoints(ctx.body, 'emails'),
      }),
      { custom_fields: { ...person.custom_fields, ...custom }, update_time: v1Time() },
    );
    return ok(personV2(person));
  }),
  // Marks the person deleted: it leaves the lists, the search and lookups. No list shows deleted persons (README).
  route('DELETE', '/api/v2/persons/:id', (ctx, p) => {
    const person = byId(ctx.db.persons, p['id'], 'Person');
    ctx.db.persons = ctx.db.persons.filter((x) => x !== person);
    return ok({ id: person.id });
  }),
  route('GET', '/api/v2/organizations', (ctx) =>
    cursorPage(
      filterBy(ctx.db.organizations, ctx.query, ['owner_id']).map(organizationV2),
      ctx.query,
    ),
  ),
  route('GET', '/api/v2/organizations/:id', (ctx, p) =>
    ok(organizationV2(byId(ctx.db.organizations, p['id'], 'Organization'))),
  ),
  route('POST', '/api/v2/organizations', (ctx) => {
    const now = v1Time();
    const org = {
      id: ctx.db.nextId('organizations'),
      name: str(ctx.body, 'name', true) ?? '',
      owner_id: userRef(ctx, 'owner_id') ?? ctx.userId,
      custom_fields: customFieldsV2(ctx, 'organization') ?? {},
      add_time: now,
      update_time: now,
    };
    ctx.db.organizations.push(org);
    return ok(organizationV2(org));
  }),
  route('PATCH', '/api/v2/organizations/:id', (ctx, p) => {
    const org = byId(ctx.db.organizations, p['id'], 'Organization');
    const custom = customFieldsV2(ctx, 'organization');
    Object.assign(
      org,
      defined({ name: str(ctx.body, 'name'), owner_id: userRef(ctx, 'owner_id') }),
      { custom_fields: { ...org.custom_fields, ...custom }, update_time: v1Time() },
    );
    return ok(organizationV2(org));
  }),
  route('GET', '/api/v2/deals', (ctx) => {
    const wanted = listStatuses(ctx.query);
    const filters = ['person_id', 'org_id', 'owner_id', 'pipeline_id', 'stage_id'] as const;
    const live = updatedSince(filterBy(ctx.db.deals, ctx.query, [...filters]), ctx.query).filter(
      (deal) => !wanted || wanted.includes(deal.status),
    );
    // Deleted deals only when asked for, and only those deleted less than 30 days ago.
    const keptFrom = Date.now() - DELETED_KEPT_MS;
    const deleted = wanted?.includes('deleted')
      ? updatedSince(filterBy(ctx.db.deletedDeals, ctx.query, [...filters]), ctx.query).filter(
          (deal) => fromV1(deal.delete_time) >= keptFrom,
        )
      : [];
    const items = [
      ...live.map((deal) => ({ id: deal.id, body: dealV2(deal) })),
      ...deleted.map((deal) => ({ id: deal.id, body: deletedDealV2(deal) })),
    ];
    return cursorPage(
      items.sort((a, b) => a.id - b.id).map((item) => item.body),
      ctx.query,
    );
  }),
  route('GET', '/api/v2/deals/:id', (ctx, p) => ok(dealV2(byId(ctx.db.deals, p['id'], 'Deal')))),
  route('POST', '/api/v2/deals', (ctx) => {
    const { db } = ctx;
    const stageId = int(ctx.body, 'stage_id');
    const stage = stageId
      ? (db.stages.find((s) => s.id === stageId) ??
        fail(400, `stage_id: stage ${stageId} not found`))
      : undefined;
    const pipelineId =
      int(ctx.body, 'pipeline_id') ?? stage?.pipeline_id ?? db.pipelines[0]?.id ?? 1;
    if (!db.pipelines.some((pipeline) => pipeline.id === pipelineId))
      fail(400, `pipeline_id: pipeline ${pipelineId} not found`);
    if (stage && stage.pipeline_id !== pipelineId)
      fail(400, 'stage_id does not belong to pipeline_id');
    const now = v1Time();
    const deal: PdDeal = {
      id: db.nextId('deals'),
      title: str(ctx.body, 'title', true) ?? '',
      owner_id: userRef(ctx, 'owner_id') ?? ctx.userId,
      person_id: personRef(ctx) ?? null,
      org_id: orgRef(ctx) ?? null,
      pipeline_id: pipelineId,
      stage_id: stage?.id ?? db.firstStage(pipelineId)?.id ?? 1,
      status: status(ctx) ?? 'open',
      custom_fields: customFieldsV2(ctx, 'deal') ?? {},
      ...createdSource(ctx.body),
      add_time: now,
      update_time: now,
    };
    db.deals.push(deal);
    return ok(dealV2(deal));
  }),
  route('PATCH', '/api/v2/deals/:id', (ctx, p) => {
    const deal = byId(ctx.db.deals, p['id'], 'Deal');
    const custom = customFieldsV2(ctx, 'deal');
    Object.assign(
      deal,
      defined({
        title: str(ctx.body, 'title'),
        owner_id: userRef(ctx, 'owner_id'),
        person_id: personRef(ctx),
        org_id: orgRef(ctx),
        status: status(ctx),
      }),
      editedSource(ctx.body),
      { custom_fields: { ...deal.custom_fields, ...custom }, update_time: v1Time() },
    );
    return ok(dealV2(deal));
  }),
  // Marks the deal deleted (crm-apis.md §2.7): it leaves every list and lookup; `status=deleted` lists it for 30 days.
  route('DELETE', '/api/v2/deals/:id', (ctx, p) => {
    const deal = byId(ctx.db.deals, p['id'], 'Deal');
    const now = v1Time();
    ctx.db.deals = ctx.db.deals.filter((d) => d !== deal);
    ctx.db.deletedDeals.push({ ...deal, update_time: now, delete_time: now });
    return ok({ id: deal.id });
  }),
  route('GET', '/api/v2/activities', (ctx) => {
    const done = ctx.query.get('done');
    const list = filterBy(ctx.db.activities, ctx.query, [
      'owner_id',
      'deal_id',
      'lead_id',
      'person_id',
      'org_id',
    ]).filter((a) => done === null || (done === 'true' || done === '1') === a.done);
    return cursorPage(list.map(activityV2), ctx.query);
  }),
  route('GET', '/api/v2/activities/:id', (ctx, p) =>
    ok(activityV2(byId(ctx.db.activities, p['id'], 'Activity'))),
  ),
  route('POST', '/api/v2/activities', (ctx) => {
    const now = v1Time();
    const fields = activityFields(ctx);
    const activity: PdActivity = {
      id: ctx.db.nextId('activities'),
      subject: fields.subject ?? 'Task',
      type: fields.type ?? 'task',
      owner_id: fields.owner_id ?? ctx.userId,
      due_date: fields.due_date ?? null,
      due_time: fields.due_time ?? null,
      duration: fields.duration ?? null,
      done: fields.done ?? false,
      deal_id: fields.deal_id ?? null,
      lead_id: fields.lead_id ?? null,
      person_id: fields.person_id ?? null,
      org_id: fields.org_id ?? null,
      note: fields.note ?? null,
      public_description: fields.public_description ?? null,
      add_time: now,
      update_time: now,
    };
    ctx.db.activities.push(activity);
    return ok(activityV2(activity));
  }),
  route('PATCH', '/api/v2/activities/:id', (ctx, p) => {
    const activity = byId(ctx.db.activities, p['id'], 'Activity');
    Object.assign(activity, activityFields(ctx), { update_time: v1Time() });
    return ok(activityV2(activity));
  }),
  route('GET', '/api/v2/pipelines', (ctx) =>
    cursorPage(
      ctx.db.pipelines.map((p) => ({
        ...p,
        is_deleted: false,
        is_deal_probability_enabled: false,
        add_time: null,
        update_time: null,
      })),
      ctx.query,
    ),
  ),
  route('POST', '/api/v2/pipelines', (ctx) => {
    const name = str(ctx.body, 'name', true) ?? '';
    return ok({
      ...ctx.db.addPipeline(name),
      is_deleted: false,
      is_deal_probability_enabled: false,
    });
  }),
  route('GET', '/api/v2/stages', (ctx) => {
    const stages = filterBy(ctx.db.stages, ctx.query, ['pipeline_id']).sort(
      (a, b) => a.pipeline_id - b.pipeline_id || a.order_nr - b.order_nr,
    );
    return cursorPage(
      stages.map((s) => ({
        ...s,
        is_deleted: false,
        deal_probability: 100,
        is_deal_rot_enabled: false,
        days_to_rotten: null,
      })),
      ctx.query,
    );
  }),
];
