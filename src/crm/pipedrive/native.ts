import { z } from 'zod';

// Pipedrive's records as the adapter reads them (crm-apis.md §2.4–2.13);
// loose objects: the API sends far more than we need.

const id = z.number().int();
const ref = id.nullable().optional();
const custom = z.record(z.string(), z.unknown()).nullable().optional();

export const PersonSchema = z.looseObject({
  id,
  name: z.string().nullable().optional(),
  owner_id: ref,
  org_id: ref,
  phones: z
    .array(z.looseObject({ value: z.string() }))
    .nullable()
    .optional(),
  emails: z
    .array(z.looseObject({ value: z.string() }))
    .nullable()
    .optional(),
  custom_fields: custom,
});
export type PdPerson = z.infer<typeof PersonSchema>;

export const PersonSearchSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      item: z.looseObject({ id, phones: z.array(z.string()).nullable().optional() }),
    }),
  ),
});

export const OrganizationSchema = z.looseObject({
  id,
  name: z.string().nullable().optional(),
  owner_id: ref,
  custom_fields: custom,
});
export type PdOrganization = z.infer<typeof OrganizationSchema>;

export const DealSchema = z.looseObject({
  id,
  title: z.string().nullable().optional(),
  owner_id: ref,
  person_id: ref,
  org_id: ref,
  pipeline_id: ref,
  status: z.enum(['open', 'won', 'lost', 'deleted']),
  custom_fields: custom,
});
export type PdDeal = z.infer<typeof DealSchema>;

/** v1 lead: custom fields are top-level 40-hex keys, kept by the loose object. */
export const LeadSchema = z.looseObject({
  id: z.string(),
  title: z.string().nullable().optional(),
  owner_id: ref,
  person_id: ref,
  organization_id: ref,
  is_archived: z.boolean().optional(),
  add_time: z.string().optional(),
});
export type PdLead = z.infer<typeof LeadSchema>;

export const ActivitySchema = z.looseObject({
  id,
  note: z.string().nullable().optional(),
  public_description: z.string().nullable().optional(),
  person_id: ref,
  deal_id: ref,
  lead_id: z.string().nullable().optional(),
});
export type PdActivity = z.infer<typeof ActivitySchema>;

export const CallLogSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  outcome: z.string(),
  to_phone_number: z.string(),
  from_phone_number: z.string().nullable().optional(),
  start_time: z.string().nullable().optional(),
  end_time: z.string().nullable().optional(),
  duration: z.union([z.string(), z.number()]).nullable().optional(),
  user_id: ref,
  person_id: ref,
  org_id: ref,
  deal_id: ref,
  lead_id: z.string().nullable().optional(),
  subject: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});
export type PdCallLog = z.infer<typeof CallLogSchema>;

export const CreatedSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
});

export const UserSchema = z.looseObject({
  id,
  name: z.string(),
  active_flag: z.boolean().optional(),
});

export const FieldSchema = z.looseObject({
  key: z.string(),
  name: z.string(),
  field_type: z.string(),
  edit_flag: z.boolean().optional(),
  /** A single or multiple option field's options (`enum`, `set`); ids are numbers, or strings (`origin`) and booleans (`is_archived`) on built-in fields. */
  options: z
    .array(z.looseObject({ id: z.union([z.number(), z.string(), z.boolean()]), label: z.string() }))
    .nullish(),
});
export type PdField = z.infer<typeof FieldSchema>;

export const PipelineSchema = z.looseObject({
  id,
  name: z.string(),
  order_nr: z.number().optional(),
});
export const StageSchema = z.looseObject({
  id,
  name: z.string(),
  pipeline_id: id,
  order_nr: z.number().optional(),
});
