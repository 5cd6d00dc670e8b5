import { isSupportedCountry } from 'libphonenumber-js/max';
import { z } from 'zod';
import { boundMessengerFields, MessengerFieldMapSchema } from './messenger-field-map.js';
import { WorkingHoursSchema } from './working-hours.js';
import { isTimeZone } from './zoned-time.js';
import {
  ACTIONS,
  CONDITIONS,
  isTaskAction,
  type Action,
  type Cell,
  type Condition,
  type Matrix,
} from './matrix.js';

// The project document's settings and employees (scenario-format §2, service §2).

/** Parameter ids a field map or a pipeline rule may name (scenario-format §2). */
export const PARAMETERS = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'pool',
  'ga_client_id',
  'landing_page',
  'tracking_number',
  'client_phone',
  'client_name',
  'employee_name',
  'employee_extension',
  'call_direction',
  'call_status',
  'call_duration',
  'recording_url',
  'source',
  'messenger_client_id',
  /** Where the client came from: the UTM source, else the call-tracking pool (issue 14 item 4). */
  'lead_source',
] as const;
export type Parameter = (typeof PARAMETERS)[number] | `form.${string}`;

export function isParameter(value: string): value is Parameter {
  return (
    (PARAMETERS as readonly string[]).includes(value) ||
    (value.startsWith('form.') && value.length > 5)
  );
}

const parameter = z
  .string()
  .refine(isParameter, { error: (issue) => `unknown parameter "${String(issue.input)}"` });

export const LANGUAGES = ['en', 'uk', 'ru', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

const actionId = z.enum(ACTIONS, { error: (issue) => `unknown action "${String(issue.input)}"` });
const conditionId = z.string().refine((key) => (CONDITIONS as readonly string[]).includes(key), {
  error: (issue) => `unknown condition "${String(issue.input)}"`,
});

// A cell is an action id, or an object with options; strings are read as `{ action }` first
// so that every problem is reported against one shape.
const cellSchema = z.preprocess(
  (cell) => (typeof cell === 'string' ? { action: cell } : cell),
  z
    .strictObject({
      action: actionId,
      done: z.boolean().optional(),
      dueHours: z
        .number()
        .positive('dueHours must be above 0')
        .max(24 * 365)
        .optional(),
      title: z.string().min(1).max(255).optional(),
      /** The due time counts every hour, not only the project's working hours. */
      ignoreWorkingHours: z.boolean().optional(),
    })
    .superRefine((cell, ctx) => {
      if (
        !isTaskAction(cell.action) &&
        (cell.done !== undefined ||
          cell.dueHours !== undefined ||
          cell.title !== undefined ||
          cell.ignoreWorkingHours !== undefined)
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `${cell.action} makes no task: done, dueHours, title and ignoreWorkingHours apply to task actions only`,
        });
      }
      if (cell.done === true && cell.dueHours !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['dueHours'],
          message: 'a task created done is due at its event; dueHours needs done: false',
        });
      }
    }),
);

export const MatrixSchema = z
  .record(
    conditionId,
    z.array(cellSchema).superRefine((cells, ctx) => {
      const seen = new Set<Action>();
      cells.forEach((cell, index) => {
        if (seen.has(cell.action))
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `${cell.action} is listed twice`,
          });
        seen.add(cell.action);
      });
    }),
  )
  .transform((matrix): Matrix => normaliseMatrix(matrix));

function normaliseMatrix(input: Record<string, Cell[] | undefined>): Matrix {
  const out: Partial<Record<Condition, Cell[]>> = {};
  for (const [condition, cells] of Object.entries(input)) {
    if (cells)
      out[condition as Condition] = cells.map(
        (cell) =>
          Object.fromEntries(Object.entries(cell).filter(([, v]) => v !== undefined)) as Cell,
      );
  }
  return out;
}

const fieldMapSchema = z
  .strictObject({
    lead: z.record(parameter, z.string().min(1)).optional(),
    contact: z.record(parameter, z.string().min(1)).optional(),
    deal: z.record(parameter, z.string().min(1)).optional(),
  })
  .superRefine((map, ctx) => {
    for (const [entity, fields] of Object.entries(map)) {
      const byField = new Map<string, string>();
      for (const [param, field] of Object.entries(fields ?? {})) {
        if (byField.has(field))
          ctx.addIssue({
            code: 'custom',
            path: [entity],
            message: `two parameters mapped to ${field}`,
          });
        byField.set(field, param);
      }
    }
  });
export type FieldMap = z.infer<typeof fieldMapSchema>;
export type FieldEntity = keyof FieldMap;

// Issue 14 item 4: per entity and target field, a parameter's value → the value the CRM field
// receives, so a picklist (Zoho Lead_Source, Salesforce LeadSource…) gets one of its own values.
const valueTable = z.record(z.string().min(1), z.string().min(1));
const fieldValuesSchema = z.strictObject({
  lead: z.record(z.string().min(1), valueTable).optional(),
  contact: z.record(z.string().min(1), valueTable).optional(),
  deal: z.record(z.string().min(1), valueTable).optional(),
});
export type FieldValues = z.infer<typeof fieldValuesSchema>;

const timezone = z
  .string()
  .refine(isTimeZone, { error: (issue) => `unknown time zone "${String(issue.input)}"` });
// A region libphonenumber knows (G1): an unknown one would leave every local number unparsed.
const country = z
  .string()
  .regex(/^[A-Z]{2}$/, {
    error: 'expected an ISO 3166 country code such as "UA"',
    abort: true,
  })
  .refine(isSupportedCountry, {
    error: (issue) =>
      `"${String(issue.input)}" is not a region code libphonenumber knows (e.g. "UA", "GB")`,
  });

/** G12: where AI call analytics go: a comment on the deal (else lead, else contact), the call log's text, or both. */
export const ANALYTICS_DESTINATIONS = ['deal', 'call', 'both'] as const;
export type AnalyticsDestination = (typeof ANALYTICS_DESTINATIONS)[number];

export const ProjectSettingsSchema = z.strictObject({
  defaultCountry: country.optional(),
  timezone: timezone.default('UTC'),
  matrix: MatrixSchema.nullable().default(null),
  taskDueHours: z
    .number()
    .positive()
    .max(24 * 365)
    .default(4),
  stopList: z.array(z.string().min(1)).default([]),
  pipelineRules: z
    .array(z.strictObject({ pipeline: z.string().min(1), param: parameter, value: z.string() }))
    .default([]),
  fieldMap: fieldMapSchema.default({}),
  /** G11: the field map of records a messenger dialog creates, by slot (null: unbound); absent: `fieldMap`. */
  messengerFieldMap: MessengerFieldMapSchema.optional(),
  /** Value tables of the maps' targets: `{ lead: { Lead_Source: { google: "Advertisement" } } }`; a value not listed is written as it is. */
  fieldValues: fieldValuesSchema.optional(),
  /** G12: absent: the CRM's default (both where its call log keeps a text, else the deal). */
  analyticsDestination: z
    .enum(ANALYTICS_DESTINATIONS, {
      error: (issue) =>
        `expected one of ${ANALYTICS_DESTINATIONS.join(', ')}, got ${JSON.stringify(issue.input)}`,
    })
    .optional(),
  /** Open hours and days off in `timezone`; absent or null: due times count every hour (D4). */
  workingHours: WorkingHoursSchema.nullable().optional(),
  resendWindowDays: z.number().int().positive().max(90).default(3),
  routingPriority: z
    .array(z.enum(['deals', 'leads', 'contacts']))
    .min(1)
    .optional(),
  language: z.enum(LANGUAGES).default('en'),
  /** Issue 14 item 2: call-back tasks close themselves once the client is reached. */
  callbacks: z
    .strictObject({
      closeTasks: z.boolean().default(true).meta({
        description:
          'Mark a call-back task this integration set (missed, busy, voicemail) done once the client is reached',
      }),
      minTalkSec: z.number().int().min(0).max(3600).default(20).meta({
        description:
          'Talk seconds an answered outgoing call to the client needs to count as reaching him',
      }),
    })
    .default({ closeTasks: true, minTalkSec: 20 }),
});
export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;

export const EmployeeSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  crmUserId: z.string().min(1).optional(),
  extension: z.string().min(1).optional(),
  sipLogins: z.array(z.string().min(1)).default([]),
  phones: z.array(z.string().min(1)).default([]),
  code: z.string().min(1).optional(),
  email: z.string().optional(),
  topManager: z.boolean().default(false),
});
export type Employee = z.infer<typeof EmployeeSchema>;

export const EmployeesSchema = z.array(EmployeeSchema).superRefine((employees, ctx) => {
  if (employees.length === 0) return;
  const tops = employees.filter((employee) => employee.topManager);
  if (tops.length !== 1)
    ctx.addIssue({
      code: 'custom',
      message: `exactly one employee must be the top manager (found ${tops.length})`,
    });
  const top = tops[0];
  if (tops.length === 1 && top && !top.crmUserId) {
    ctx.addIssue({
      code: 'custom',
      path: [employees.indexOf(top), 'crmUserId'],
      message: 'the top manager needs a crmUserId',
    });
  }
  const ids = new Set<string>();
  employees.forEach((employee, index) => {
    if (ids.has(employee.id))
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `employee id "${employee.id}" is used twice`,
      });
    ids.add(employee.id);
  });
});

/** Issue 14 item 4: value tables naming a field no parameter is mapped to (neither map), as problems. */
export function unmappedFieldValues(
  settings: ProjectSettings,
): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  for (const entity of ['lead', 'contact', 'deal'] as const) {
    const targets = new Set(mappedTargets(settings, entity));
    for (const field of Object.keys(settings.fieldValues?.[entity] ?? {}))
      if (!targets.has(field))
        problems.push({
          path: `project.fieldValues.${entity}.${field}`,
          message: `no parameter is mapped to the ${entity} field "${field}" (fieldMap or messengerFieldMap)`,
        });
  }
  return problems;
}

/** The value a mapped parameter writes into `field`: its value table's, else its own. */
export function fieldValue(
  settings: ProjectSettings,
  entity: FieldEntity,
  field: string,
  value: string,
): string {
  return settings.fieldValues?.[entity]?.[field]?.[value] ?? value;
}

/** Every CRM field an entity's records may receive: the field map's and the messenger field map's targets (G8, G11). */
export function mappedTargets(settings: ProjectSettings, entity: FieldEntity): string[] {
  const messenger = settings.messengerFieldMap;
  const maps = [settings.fieldMap, messenger ? boundMessengerFields(messenger) : {}];
  return [...new Set(maps.flatMap((map) => Object.values(map[entity] ?? {})))];
}
