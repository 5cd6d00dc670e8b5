import { z } from 'zod';
import type { DataType, FieldMeta, ModuleName } from './fields.js';
import type { Reply } from './records.js';
import type { ZohoState } from './state.js';

// "Create Custom Fields" of Zoho's v8 API: `POST /crm/v8/settings/fields?module={Module}`
// with `{ "fields": [ { "field_label", "data_type", "length"?, "pick_list_values"? } ] }`;
// the answer is one entry per field, `{code: "SUCCESS", details: {id}, message, status}`
// (the official Node SDK's FieldsOperations.createField reads it as an ActionWrapper).
// The API name is generated from the label, as Zoho does ("Call Reason" → "Call_Reason").
// A user who creates a custom field in Zoho first can then name it in a field map.
//
// UNVERIFIED: the error code of a label used twice (DUPLICATE_DATA here); that a
// request with one bad field stores none (here nothing is stored half-way); the API
// name of a label with no Latin letters (refused here as INVALID_DATA).

const CREATABLE: readonly DataType[] = [
  'text',
  'textarea',
  'phone',
  'email',
  'picklist',
  'date',
  'datetime',
  'boolean',
  'integer',
];
const DEFAULT_LENGTH: Partial<Record<DataType, number>> = {
  text: 255,
  textarea: 32000,
  phone: 30,
  email: 100,
};
const MAX_LENGTH: Partial<Record<DataType, number>> = { text: 255, textarea: 32000, phone: 30 };

const FieldInput = z.looseObject({
  field_label: z.string().trim().min(1),
  data_type: z.string(),
  length: z.number().int().positive().optional(),
  pick_list_values: z
    .array(z.looseObject({ display_value: z.string().min(1), actual_value: z.string().optional() }))
    .optional(),
});
const Body = z.looseObject({ fields: z.array(z.unknown()).min(1) });

type Outcome = { ok: true; field: FieldMeta } | { ok: false; error: Record<string, unknown> };

export function createCustomFields(state: ZohoState, module: ModuleName, body: unknown): Reply {
  const parsed = Body.safeParse(body);
  if (!parsed.success)
    return {
      status: 400,
      body: failure('MANDATORY_NOT_FOUND', 'required field not found', {
        api_name: 'fields',
        json_path: '$.fields',
      }),
    };
  const taken = new Set(state.fieldsOf(module).map((field) => field.api_name.toLowerCase()));
  const labels = new Set(
    state.fieldsOf(module).map((field) => (field.field_label ?? field.api_name).toLowerCase()),
  );
  const outcomes: Outcome[] = parsed.data.fields.map((input, index) => {
    const outcome = checkField(state, input, index, taken, labels);
    if (outcome.ok) {
      taken.add(outcome.field.api_name.toLowerCase());
      labels.add((outcome.field.field_label ?? '').toLowerCase());
    }
    return outcome;
  });
  if (outcomes.some((outcome) => !outcome.ok))
    return {
      status: 400,
      body: {
        fields: outcomes.map((outcome) =>
          outcome.ok
            ? failure('INVALID_DATA', 'another field of this request is invalid', {})
            : outcome.error,
        ),
      },
    };
  const created = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.field] : []));
  state.customFields.set(module, [...(state.customFields.get(module) ?? []), ...created]);
  return {
    status: 201,
    body: {
      fields: created.map((field) => ({
        code: 'SUCCESS',
        details: { id: field.id },
        message: 'field created',
        status: 'success',
      })),
    },
  };
}

function checkField(
  state: ZohoState,
  input: unknown,
  index: number,
  taken: ReadonlySet<string>,
  labels: ReadonlySet<string>,
): Outcome {
  const at = (key: string) => ({ api_name: key, json_path: `$.fields[${index}].${key}` });
  const parsed = FieldInput.safeParse(input);
  if (!parsed.success) {
    const key = String(parsed.error.issues[0]?.path[0] ?? 'field_label');
    const missing =
      typeof input !== 'object' || input === null || !(key in (input as Record<string, unknown>));
    return {
      ok: false,
      error: missing
        ? failure('MANDATORY_NOT_FOUND', 'required field not found', at(key))
        : failure('INVALID_DATA', 'invalid data', at(key)),
    };
  }
  const { field_label: label, data_type: type, length, pick_list_values: values } = parsed.data;
  if (!(CREATABLE as readonly string[]).includes(type))
    return { ok: false, error: failure('INVALID_DATA', 'invalid data', at('data_type')) };
  const dataType = type as DataType;
  const max = MAX_LENGTH[dataType];
  if (length !== undefined && (max === undefined || length > max))
    return { ok: false, error: failure('INVALID_DATA', 'invalid data', at('length')) };
  if (dataType === 'picklist' && (values === undefined || values.length === 0))
    return {
      ok: false,
      error: failure('MANDATORY_NOT_FOUND', 'required field not found', at('pick_list_values')),
    };
  const apiName = apiNameOf(label);
  if (apiName === null)
    return { ok: false, error: failure('INVALID_DATA', 'invalid data', at('field_label')) };
  if (taken.has(apiName.toLowerCase()) || labels.has(label.toLowerCase()))
    return { ok: false, error: failure('DUPLICATE_DATA', 'duplicate data', at('field_label')) };
  const lengthOf = length ?? DEFAULT_LENGTH[dataType];
  return {
    ok: true,
    field: {
      api_name: apiName,
      field_label: label,
      id: state.nextId(),
      data_type: dataType,
      custom_field: true,
      ...(lengthOf !== undefined && { length: lengthOf }),
      ...(values && {
        pick_list_values: values.map((value) => value.actual_value ?? value.display_value),
      }),
    },
  };
}

/**
 * Zoho's rules for a generated API name: letters, digits and underscores, starting
 * with a letter, no two underscores in a row, none at the end.
 */
export function apiNameOf(label: string): string | null {
  const name = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? name : null;
}

function failure(
  code: string,
  message: string,
  details: Record<string, unknown>,
): Record<string, unknown> {
  return { code, details, message, status: 'error' };
}
