import { createHash, randomUUID } from 'node:crypto';
import type { PdSourceFields } from './source-fields.js';

// Pipedrive's records in its own shape (crm-apis.md §2): integer ids, lead
// UUIDs, call-log string ids, custom fields under 40-hex keys, UTC times.

export type CustomValues = Record<string, string | null>;
export type FieldEntity = 'person' | 'organization' | 'deal';

export interface PdUser {
  id: number;
  name: string;
  email: string;
  active_flag: boolean;
  is_admin: boolean;
}
export interface PdPhone {
  value: string;
  primary: boolean;
  label: string;
}
export interface PdPerson {
  id: number;
  name: string;
  owner_id: number | null;
  org_id: number | null;
  phones: PdPhone[];
  emails: PdPhone[];
  custom_fields: CustomValues;
  add_time: string;
  update_time: string;
}
export interface PdOrganization {
  id: number;
  name: string;
  owner_id: number | null;
  custom_fields: CustomValues;
  add_time: string;
  update_time: string;
}
export interface PdDeal extends PdSourceFields {
  id: number;
  title: string;
  owner_id: number | null;
  person_id: number | null;
  org_id: number | null;
  pipeline_id: number;
  stage_id: number;
  status: 'open' | 'won' | 'lost';
  custom_fields: CustomValues;
  add_time: string;
  update_time: string;
}
/** A record marked deleted (DELETE /api/v2/…/{id}): gone from every list and lookup, kept 30 days. */
export type Deleted<T> = T & { delete_time: string };
/** Pipedrive removes a deleted record for good after 30 days (changelog, January 2023). */
export const DELETED_KEPT_MS = 30 * 86_400_000;

export interface PdLead extends PdSourceFields {
  id: string;
  title: string;
  owner_id: number | null;
  person_id: number | null;
  organization_id: number | null;
  is_archived: boolean;
  /** Leads share the deal fields; v1 returns them as top-level hash keys. */
  custom_fields: CustomValues;
  add_time: string;
  update_time: string;
  /** Emulator-only: a seeded lead that was converted (the real API hides such leads). */
  converted: boolean;
}
export interface PdActivity {
  id: number;
  subject: string;
  type: string;
  owner_id: number | null;
  due_date: string | null;
  due_time: string | null;
  duration: string | null;
  done: boolean;
  deal_id: number | null;
  lead_id: string | null;
  person_id: number | null;
  org_id: number | null;
  note: string | null;
  public_description: string | null;
  add_time: string;
  update_time: string;
}
export interface PdCallLog {
  id: string;
  outcome: string;
  to_phone_number: string;
  from_phone_number: string | null;
  start_time: string | null;
  end_time: string | null;
  duration: string | null;
  user_id: number | null;
  person_id: number | null;
  org_id: number | null;
  deal_id: number | null;
  lead_id: string | null;
  subject: string | null;
  note: string | null;
  activity_id: number | null;
  has_recording: boolean;
  company_id: number;
}
export interface PdNote {
  id: number;
  content: string;
  user_id: number | null;
  deal_id: number | null;
  person_id: number | null;
  org_id: number | null;
  lead_id: string | null;
  add_time: string;
  update_time: string;
}
export interface PdField {
  id: number;
  key: string;
  name: string;
  field_type: string;
  edit_flag: boolean;
}
export interface PdPipeline {
  id: number;
  name: string;
  order_nr: number;
}
export interface PdStage {
  id: number;
  pipeline_id: number;
  name: string;
  order_nr: number;
}

/** Custom fields a user prepares for the integration (src/crm/pipedrive/README.md). */
export const TRACKING_FIELDS = {
  utm_source: 'UTM source',
  utm_medium: 'UTM medium',
  utm_campaign: 'UTM campaign',
  utm_term: 'UTM term',
  utm_content: 'UTM content',
  pool: 'Pool',
  ga_client_id: 'GA client ID',
  landing_page: 'Landing page',
  tracking_number: 'Tracking number',
  messenger_client_id: 'Messenger client ID',
} as const;
/** A deal field of type phone: leads keep their own phones in it (leads share the deal fields). */
export const LEAD_PHONE_FIELD = 'Phone';

export const COMPANY_ID = 7001;

/** `YYYY-MM-DD HH:MM:SS` in UTC, v1's timestamp form. */
export function v1Time(ms: number = Date.now()): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function fieldKey(entity: FieldEntity, name: string): string {
  return createHash('sha1').update(`${entity}:${name}`).digest('hex');
}

export class PipedriveDb {
  users: PdUser[] = [];
  persons: PdPerson[] = [];
  organizations: PdOrganization[] = [];
  deals: PdDeal[] = [];
  leads: PdLead[] = [];
  activities: PdActivity[] = [];
  callLogs: PdCallLog[] = [];
  notes: PdNote[] = [];
  pipelines: PdPipeline[] = [];
  stages: PdStage[] = [];
  /** Deals marked deleted: only `GET /api/v2/deals?status=deleted` still shows them, for 30 days. */
  deletedDeals: Array<Deleted<PdDeal>> = [];
  fields: Record<FieldEntity, PdField[]> = { person: [], organization: [], deal: [] };
  private next = new Map<string, number>();

  constructor() {
    this.reset();
  }

  /** An empty account: one admin user, the default pipeline, the integration's custom fields. */
  reset(): void {
    this.users = [
      {
        id: 1,
        name: 'Account Owner',
        email: 'owner@example.com',
        active_flag: true,
        is_admin: true,
      },
    ];
    this.persons = [];
    this.organizations = [];
    this.deals = [];
    this.leads = [];
    this.activities = [];
    this.callLogs = [];
    this.notes = [];
    this.pipelines = [];
    this.stages = [];
    this.deletedDeals = [];
    this.fields = { person: [], organization: [], deal: [] };
    this.next.clear();
    this.addPipeline('Pipeline');
    for (const entity of ['person', 'organization', 'deal'] as const) {
      for (const name of Object.values(TRACKING_FIELDS)) this.addField(entity, name, 'varchar');
    }
    this.addField('deal', LEAD_PHONE_FIELD, 'phone');
  }

  nextId(table: string, atLeast = 0): number {
    const id = Math.max((this.next.get(table) ?? 0) + 1, atLeast);
    this.next.set(table, id);
    return id;
  }

  /** Reserves an id given from outside (a seed), so later ids never collide with it. */
  reserve(table: string, id: number): void {
    this.next.set(table, Math.max(this.next.get(table) ?? 0, id));
  }

  newLeadId(): string {
    return randomUUID();
  }

  newCallLogId(): string {
    return randomUUID().replace(/-/g, '');
  }

  addPipeline(name: string): PdPipeline {
    const pipeline = { id: this.nextId('pipelines'), name, order_nr: this.pipelines.length + 1 };
    this.pipelines.push(pipeline);
    ['Lead In', 'Contact Made', 'Proposal Made', 'Negotiations Started'].forEach((stage, index) => {
      this.stages.push({
        id: this.nextId('stages'),
        pipeline_id: pipeline.id,
        name: stage,
        order_nr: index + 1,
      });
    });
    return pipeline;
  }

  firstStage(pipelineId: number): PdStage | undefined {
    return this.stages
      .filter((stage) => stage.pipeline_id === pipelineId)
      .sort((a, b) => a.order_nr - b.order_nr)[0];
  }

  addField(entity: FieldEntity, name: string, fieldType: string): PdField {
    const existing = this.fields[entity].find((field) => field.name === name);
    if (existing) return existing;
    const field = {
      id: this.nextId(`fields:${entity}`, 9000),
      key: fieldKey(entity, name),
      name,
      field_type: fieldType,
      edit_flag: true,
    };
    this.fields[entity].push(field);
    return field;
  }

  fieldByName(entity: FieldEntity, name: string): PdField | undefined {
    return this.fields[entity].find((field) => field.name === name);
  }
}
