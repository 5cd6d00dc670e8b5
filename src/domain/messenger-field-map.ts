import { z } from 'zod';
import type { FieldEntity, FieldMap, Parameter } from './project.js';

// G11, issue 14 item 5: the field map of records a messenger dialog creates. Its keys are
// slots: the parameters a dialog offers. The seed's default slots are the dialog's source
// (its channel), the contact's name and the phone; a slot may be left unbound (null).

/** The seed's default slots, listed unbound in every CRM's defaults. */
export const MESSENGER_SLOTS = ['source', 'client_name', 'client_phone'] as const;

/** Every parameter a messenger dialog has a value for: no call's status or duration, no form field. */
export const MESSENGER_PARAMETERS = [
  ...MESSENGER_SLOTS,
  'messenger_client_id',
  'employee_name',
  'employee_extension',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'pool',
  'ga_client_id',
  'landing_page',
  'tracking_number',
  'lead_source',
] as const satisfies readonly Parameter[];

const slot = z.string().refine((key) => (MESSENGER_PARAMETERS as readonly string[]).includes(key), {
  error: (issue) =>
    `unknown messenger slot "${String(issue.input)}": a dialog offers ${MESSENGER_PARAMETERS.join(', ')}`,
});

const slots = z.record(slot, z.string().min(1).nullable());

export const MessengerFieldMapSchema = z
  .strictObject({ lead: slots.optional(), contact: slots.optional(), deal: slots.optional() })
  .superRefine((map, ctx) => {
    for (const [entity, fields] of Object.entries(map)) {
      const byField = new Map<string, string>();
      for (const [param, field] of Object.entries(fields ?? {})) {
        if (field === null) continue;
        const first = byField.get(field);
        if (first !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [entity, param],
            message: `the CRM field ${field} is already the target of ${first}: one field per slot`,
          });
        else byField.set(field, param);
      }
    }
  });
export type MessengerFieldMap = z.infer<typeof MessengerFieldMapSchema>;

/** The slots bound to a CRM field, as a field map (what is written and checked against the CRM). */
export function boundMessengerFields(map: MessengerFieldMap): FieldMap {
  const out: FieldMap = {};
  for (const entity of ['lead', 'contact', 'deal'] as const satisfies readonly FieldEntity[]) {
    const bound = Object.entries(map[entity] ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== null,
    );
    if (bound.length > 0) out[entity] = Object.fromEntries(bound) as FieldMap[typeof entity];
  }
  return out;
}

/** A CRM's default messenger field map: the seed's slots, unbound, on each record a dialog creates there. */
export function defaultMessengerFieldMap(entities: readonly FieldEntity[]): MessengerFieldMap {
  const unbound = Object.fromEntries(MESSENGER_SLOTS.map((key) => [key, null]));
  return Object.fromEntries(entities.map((entity) => [entity, { ...unbound }]));
}
