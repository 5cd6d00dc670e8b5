import { MappingError } from './mapping.js';
import type { PdField } from './native.js';

// Issue 14 item 4: deals' and leads' own source fields as field-map targets. `channel` ("Source
// channel") is a single option of the account's list, written as the option's id, named in a
// field map and its value tables by the option's label; `channel_id` ("Source channel ID") is
// free text. `origin` and `origin_id` are Pipedrive's: it sets them, so they are no targets.

/** The standard deal and lead fields a field map may write into. */
export const SOURCE_FIELDS: ReadonlySet<string> = new Set(['channel', 'channel_id']);
/** Standard fields Pipedrive sets itself. */
export const SET_BY_PIPEDRIVE: ReadonlySet<string> = new Set(['origin', 'origin_id']);

/** The Source channel's options: label → option id. */
export type ChannelOptions = ReadonlyMap<string, number>;

export function channelOptions(dealFields: readonly PdField[]): ChannelOptions {
  const channel = dealFields.find((field) => field.key === 'channel');
  return new Map(
    (channel?.options ?? []).flatMap((option) =>
      typeof option.id === 'number' ? [[option.label, option.id] as const] : [],
    ),
  );
}

/** The channel label a record's mapped fields name, if any. */
export function channelLabel(fields: Readonly<Record<string, string>> | undefined): string | null {
  return fields?.['channel'] ?? null;
}

/**
 * A deal's or lead's mapped fields split: `channel` (as its option id) and `channel_id` as
 * members of the create body; the record keeps the rest for the custom fields.
 */
export function splitSourceFields<
  R extends { readonly fields?: Readonly<Record<string, string>> | undefined },
>(record: R, channels: ChannelOptions): { record: R; body: Record<string, unknown> } {
  const fields = record.fields ?? {};
  if (!Object.keys(fields).some((name) => SOURCE_FIELDS.has(name))) return { record, body: {} };
  const body: Record<string, unknown> = {};
  const rest: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'channel') {
      const id = channels.get(value);
      // Held to the options before it is written (src/pipeline/picklists.ts): a label missing
      // here is one the account lost in the meantime.
      if (id === undefined)
        throw new MappingError(`"${value}" is not an option of Pipedrive's Source channel`);
      body['channel'] = id;
    } else if (name === 'channel_id') body['channel_id'] = value;
    else rest[name] = value;
  }
  const kept = { ...record } as R & { fields?: Record<string, string> };
  if (Object.keys(rest).length > 0) kept.fields = rest;
  else delete kept.fields;
  return { record: kept, body };
}
