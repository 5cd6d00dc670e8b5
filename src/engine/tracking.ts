import type { Tracking, Utm } from '../domain/events.js';
import type { RecordPatch } from '../domain/plan.js';
import {
  fieldValue,
  type FieldEntity,
  type Parameter,
  type ProjectSettings,
} from '../domain/project.js';
import { boundMessengerFields } from '../domain/messenger-field-map.js';
import type { RecordTracking } from '../domain/snapshot.js';

/** Parameter values an event offers (scenario-format §2's parameter ids). */
export type ParameterValues = ReadonlyMap<Parameter, string>;

export interface ParameterSource {
  readonly tracking: Tracking | null | undefined;
  readonly clientPhone?: string | null | undefined;
  readonly clientName?: string | null | undefined;
  readonly employeeName?: string | null | undefined;
  readonly employeeExtension?: string | null | undefined;
  readonly callDirection?: string | null | undefined;
  readonly callStatus?: string | null | undefined;
  readonly callDurationSec?: number | null | undefined;
  readonly recordingUrl?: string | null | undefined;
  readonly source: string;
  readonly messengerClientId?: string | null | undefined;
  readonly formFields?: Readonly<Record<string, string>> | undefined;
}

export function parameterValues(from: ParameterSource): ParameterValues {
  const values = new Map<Parameter, string>();
  const put = (key: Parameter, value: string | number | null | undefined): void => {
    if (value !== undefined && value !== null && value !== '') values.set(key, String(value));
  };
  const utm = from.tracking?.utm;
  put('utm_source', utm?.source);
  put('utm_medium', utm?.medium);
  put('utm_campaign', utm?.campaign);
  put('utm_term', utm?.term);
  put('utm_content', utm?.content);
  put('pool', from.tracking?.pool);
  put('ga_client_id', from.tracking?.gaClientId);
  put('landing_page', from.tracking?.landingPage);
  put('tracking_number', from.tracking?.trackingNumber);
  put('client_phone', from.clientPhone);
  put('client_name', from.clientName);
  put('employee_name', from.employeeName);
  put('employee_extension', from.employeeExtension);
  put('call_direction', from.callDirection);
  put('call_status', from.callStatus);
  put('call_duration', from.callDurationSec);
  put('recording_url', from.recordingUrl);
  put('source', from.source);
  put('messenger_client_id', from.messengerClientId);
  put('lead_source', utm?.source ?? from.tracking?.pool);
  for (const [name, value] of Object.entries(from.formFields ?? {})) put(`form.${name}`, value);
  return values;
}

/** G8: the mapped CRM fields of a record created for the entity kind. */
export function mappedFields(
  entity: FieldEntity,
  settings: ProjectSettings,
  values: ParameterValues,
  messenger = false,
): Record<string, string> | undefined {
  // G11: a messenger dialog's records follow the messenger field map when the project has one.
  const own = messenger ? settings.messengerFieldMap : undefined;
  const map = (own ? boundMessengerFields(own) : settings.fieldMap)[entity];
  if (!map) return undefined;
  const out: Record<string, string> = {};
  for (const [param, field] of Object.entries(map)) {
    const value = values.get(param as Parameter);
    if (value !== undefined) out[field] = fieldValue(settings, entity, field, value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** G9: the pipeline of the first rule whose parameter equals its value; none means the default. */
export function pipelineFor(
  settings: ProjectSettings,
  values: ParameterValues,
): string | undefined {
  return settings.pipelineRules.find((rule) => values.get(rule.param) === rule.value)?.pipeline;
}

export function utmOf(tracking: Tracking | null | undefined): Utm | undefined {
  const utm = tracking?.utm;
  return utm && Object.keys(utm).length > 0 ? { ...utm } : undefined;
}

export function recordTracking(
  tracking: Tracking | null | undefined,
  messengerClientId?: string,
): RecordTracking | undefined {
  const out: RecordTracking = {
    ...(tracking?.pool !== undefined && { pool: tracking.pool }),
    ...(tracking?.gaClientId !== undefined && { gaClientId: tracking.gaClientId }),
    ...(tracking?.landingPage !== undefined && { landingPage: tracking.landingPage }),
    ...(tracking?.trackingNumber !== undefined && { trackingNumber: tracking.trackingNumber }),
    ...(messengerClientId !== undefined && { messengerClientId }),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * G5: what a found record gets from the event: its UTM tags only when it has
 * none at all (visits are never mixed), other tracking fields one by one where
 * empty. Existing values are never overwritten. Null when nothing changes.
 */
export function trackingPatch(
  record: { readonly utm?: Utm | undefined; readonly tracking?: RecordTracking | undefined },
  utm: Utm | undefined,
  tracking: RecordTracking | undefined,
): RecordPatch | null {
  const patch: { utm?: Utm; tracking?: RecordTracking } = {};
  if (utm && (!record.utm || Object.keys(record.utm).length === 0)) patch.utm = utm;
  if (tracking) {
    const filled: Record<string, string> = {};
    for (const [key, value] of Object.entries(tracking)) {
      if (value !== undefined && record.tracking?.[key as keyof RecordTracking] === undefined)
        filled[key] = value;
    }
    if (Object.keys(filled).length > 0) patch.tracking = { ...record.tracking, ...filled };
  }
  return Object.keys(patch).length > 0 ? patch : null;
}
