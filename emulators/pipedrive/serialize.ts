import { sourceView } from './source-fields.js';
import type {
  Deleted,
  PipedriveDb,
  PdActivity,
  PdCallLog,
  PdDeal,
  PdLead,
  PdNote,
  PdOrganization,
  PdPerson,
  PdUser,
} from './state.js';
import { customTexts } from './search.js';

// Native records as the API answers them: v2 with RFC 3339 times and
// `custom_fields`, v1 leads with the custom fields as top-level keys.

const rfc3339 = (v1: string): string => `${v1.replace(' ', 'T')}Z`;

export function personV2(p: PdPerson): Record<string, unknown> {
  const [first, ...rest] = p.name.split(' ');
  return {
    id: p.id,
    name: p.name,
    first_name: first ?? '',
    last_name: rest.join(' ') || null,
    owner_id: p.owner_id,
    org_id: p.org_id,
    add_time: rfc3339(p.add_time),
    update_time: rfc3339(p.update_time),
    phones: p.phones,
    emails: p.emails,
    is_deleted: false,
    visible_to: 3,
    label_ids: [],
    picture_id: null,
    custom_fields: { ...p.custom_fields },
  };
}

export function personSearchItem(
  db: PipedriveDb,
  p: PdPerson,
  score: number,
): Record<string, unknown> {
  const org = p.org_id === null ? null : db.organizations.find((o) => o.id === p.org_id);
  return {
    result_score: score,
    item: {
      id: p.id,
      type: 'person',
      name: p.name,
      phones: p.phones.map((phone) => phone.value),
      emails: p.emails.map((email) => email.value),
      visible_to: 3,
      owner: { id: p.owner_id },
      organization: org ? { id: org.id, name: org.name, address: null } : null,
      custom_fields: customTexts(p.custom_fields),
      notes: [],
    },
  };
}

/** An item of the organizations', deals' or leads' search: the fields those return, custom field values among them. */
export function recordSearchItem(
  type: 'organization' | 'deal' | 'lead',
  record: PdOrganization | PdDeal | PdLead,
  score: number,
): Record<string, unknown> {
  const base = {
    id: record.id,
    type,
    owner: { id: record.owner_id },
    visible_to: 3,
    custom_fields: customTexts(record.custom_fields),
    notes: [],
  };
  if ('name' in record)
    return { result_score: score, item: { ...base, name: record.name, address: null } };
  return {
    result_score: score,
    item: {
      ...base,
      title: record.title,
      person: record.person_id === null ? null : { id: record.person_id },
      ...('status' in record && { status: record.status }),
      ...('is_archived' in record && { is_archived: record.is_archived }),
    },
  };
}

export function organizationV2(o: PdOrganization): Record<string, unknown> {
  return {
    id: o.id,
    name: o.name,
    owner_id: o.owner_id,
    add_time: rfc3339(o.add_time),
    update_time: rfc3339(o.update_time),
    is_deleted: false,
    visible_to: 3,
    address: null,
    label_ids: [],
    custom_fields: { ...o.custom_fields },
  };
}

export function dealV2(d: PdDeal): Record<string, unknown> {
  return {
    id: d.id,
    title: d.title,
    owner_id: d.owner_id,
    person_id: d.person_id,
    org_id: d.org_id,
    pipeline_id: d.pipeline_id,
    stage_id: d.stage_id,
    value: 0,
    currency: 'USD',
    add_time: rfc3339(d.add_time),
    update_time: rfc3339(d.update_time),
    stage_change_time: null,
    status: d.status,
    is_deleted: false,
    is_archived: false,
    probability: null,
    lost_reason: null,
    close_time: null,
    won_time: null,
    lost_time: null,
    expected_close_date: null,
    label_ids: [],
    ...sourceView(d),
    custom_fields: { ...d.custom_fields },
  };
}

/** A deal marked deleted, as `status=deleted` lists it (status and flag UNVERIFIED, README). */
export function deletedDealV2(d: Deleted<PdDeal>): Record<string, unknown> {
  return { ...dealV2(d), status: 'deleted', is_deleted: true };
}

export function activityV2(a: PdActivity): Record<string, unknown> {
  return {
    id: a.id,
    subject: a.subject,
    type: a.type,
    owner_id: a.owner_id,
    creator_user_id: a.owner_id,
    is_deleted: false,
    add_time: rfc3339(a.add_time),
    update_time: rfc3339(a.update_time),
    deal_id: a.deal_id,
    lead_id: a.lead_id,
    person_id: a.person_id,
    org_id: a.org_id,
    project_id: null,
    due_date: a.due_date,
    due_time: a.due_time,
    duration: a.duration,
    busy: false,
    done: a.done,
    marked_as_done_time: null,
    location: null,
    participants: a.person_id === null ? [] : [{ person_id: a.person_id, primary: true }],
    attendees: [],
    public_description: a.public_description,
    priority: null,
    note: a.note,
  };
}

export function leadV1(l: PdLead): Record<string, unknown> {
  return {
    id: l.id,
    title: l.title,
    owner_id: l.owner_id,
    creator_id: l.owner_id,
    label_ids: [],
    person_id: l.person_id,
    organization_id: l.organization_id,
    source_name: 'API',
    ...sourceView(l),
    is_archived: l.is_archived,
    was_seen: false,
    value: null,
    expected_close_date: null,
    next_activity_id: null,
    add_time: `${rfc3339(l.add_time).slice(0, 19)}.000Z`,
    update_time: `${rfc3339(l.update_time).slice(0, 19)}.000Z`,
    visible_to: '3',
    cc_email: `lead+${l.id.slice(0, 8)}@pipedrivemail.com`,
    ...l.custom_fields,
  };
}

export function noteV1(db: PipedriveDb, n: PdNote): Record<string, unknown> {
  const person = n.person_id === null ? undefined : db.persons.find((p) => p.id === n.person_id);
  return {
    id: n.id,
    content: n.content,
    user_id: n.user_id,
    deal_id: n.deal_id,
    person_id: n.person_id,
    org_id: n.org_id,
    lead_id: n.lead_id,
    add_time: n.add_time,
    update_time: n.update_time,
    active_flag: true,
    pinned_to_deal_flag: false,
    pinned_to_person_flag: false,
    pinned_to_organization_flag: false,
    pinned_to_lead_flag: false,
    person: person ? { name: person.name } : null,
  };
}

export function callLogV1(c: PdCallLog): Record<string, unknown> {
  return { ...c };
}

export function userV1(u: PdUser, meId: number | null): Record<string, unknown> {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    phone: null,
    active_flag: u.active_flag,
    activated: true,
    is_admin: u.is_admin ? 1 : 0,
    role_id: 1,
    timezone_name: 'UTC',
    timezone_offset: '+00:00',
    default_currency: 'USD',
    locale: 'en_US',
    lang: 1,
    created: '2024-01-01 00:00:00',
    modified: '2024-01-01 00:00:00',
    last_login: null,
    has_created_company: u.is_admin,
    access: [{ app: 'sales', admin: u.is_admin, permission_set_id: 'default' }],
    icon_url: null,
    is_you: u.id === meId,
    is_deleted: false,
  };
}
