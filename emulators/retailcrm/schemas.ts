import { z } from 'zod';

// The entity shapes the API accepts (crm-apis.md §3.4–3.8), as the official
// client sends them: ids as numbers (or digit strings), dates as `Y-m-d H:i[:s]`.

const id = z.coerce.number().int().positive();
const text = z.string();
const fields = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]).transform(String),
);
const source = z.looseObject({
  source: text.optional(),
  medium: text.optional(),
  campaign: text.optional(),
  keyword: text.optional(),
  content: text.optional(),
});
const ref = z.looseObject({ id: id.optional(), externalId: text.optional() });

export const CustomerInput = z.looseObject({
  externalId: text.optional(),
  firstName: text.optional(),
  lastName: text.optional(),
  email: text.optional(),
  phones: z.array(z.looseObject({ number: text })).optional(),
  managerId: id.optional(),
  source: source.optional(),
  customFields: fields.optional(),
});

export const CorporateInput = z.looseObject({
  externalId: text.optional(),
  nickName: text.optional(),
  managerId: id.optional(),
  source: source.optional(),
  customFields: fields.optional(),
});

export const ContactLinkInput = z.looseObject({ isMain: z.boolean().optional(), customer: ref });

export const OrderInput = z.looseObject({
  externalId: text.optional(),
  number: text.optional(),
  orderType: text.min(1).optional(),
  orderMethod: text.optional(),
  status: text.optional(),
  managerId: id.optional(),
  customer: ref.optional(),
  company: z.looseObject({ id }).optional(),
  firstName: text.optional(),
  phone: text.optional(),
  additionalPhone: text.optional(),
  source: source.optional(),
  customFields: fields.optional(),
});

export const TaskInput = z.looseObject({
  text: text.min(1),
  commentary: text.optional(),
  datetime: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    .optional(),
  complete: z.boolean().optional(),
  performerId: id,
  customer: ref.optional(),
  order: z.looseObject({ id: id.optional(), number: text.optional() }).optional(),
  phone: text.optional(),
});
export const TaskEditInput = TaskInput.partial();

export const NoteInput = z.looseObject({
  text: text.min(1),
  managerId: id.optional(),
  customer: ref,
});

export const CallInput = z.looseObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  type: z.enum(['in', 'out']),
  phone: text.min(1),
  code: text.optional(),
  userId: id.optional(),
  result: z.enum(['answered', 'busy', 'failed', 'no answer', 'not allowed', 'unknown']),
  duration: z.number().int().nonnegative().optional(),
  durationWaiting: z.number().int().nonnegative().optional(),
  externalId: text.optional(),
  recordUrl: text.optional(),
  externalPhone: text.optional(),
  site: text.optional(),
  clientId: text.optional(),
});
/** A call already uploaded (same externalId) may come back with only what changed. */
export const CallUpdateInput = CallInput.partial().extend({ externalId: text });

export const CallEventInput = z.looseObject({
  phone: text.min(1),
  type: z.enum(['in', 'out', 'hangup']),
  codes: z.array(text).optional(),
  userIds: z.array(id).optional(),
  site: text.optional(),
  callExternalId: text.optional(),
  externalPhone: text.optional(),
  hangupStatus: z.enum(['answered', 'busy', 'cancel', 'failed', 'no answered']).optional(),
});

export const ModuleInput = z.looseObject({
  code: text.min(1),
  integrationCode: text.optional(),
  active: z.boolean().optional(),
  name: text.min(1),
  clientId: text.optional(),
  baseUrl: text.optional(),
  integrations: z
    .looseObject({
      telephony: z
        .looseObject({
          makeCallUrl: text.optional(),
          inputEventSupported: z.boolean().optional(),
          outputEventSupported: z.boolean().optional(),
          hangupEventSupported: z.boolean().optional(),
          additionalCodes: z.array(z.looseObject({ userId: id, code: text })).optional(),
        })
        .optional(),
    })
    .optional(),
});
