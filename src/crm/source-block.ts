import type { Utm } from '../domain/events.js';

// Issue 14 item 4: retailCRM keeps a customer's and an order's source in a block of its own
// (`source`: source, medium, campaign, keyword, content), where the UTM tags go. A field map
// names its parts `source_source` … `source_content`; what it maps there replaces the UTM tag
// the block would otherwise get. One fold for the adapter and the in-memory CRM, so both write
// the same block. The names are valid Salesforce API names too (a scenario runs on every CRM).

/** The field-map targets of the source block, each with the UTM tag it stands for. */
export const SOURCE_BLOCK_TARGETS = {
  source_source: 'source',
  source_medium: 'medium',
  source_campaign: 'campaign',
  source_keyword: 'term',
  source_content: 'content',
} as const satisfies Record<string, keyof Utm>;

export type SourceBlockTarget = keyof typeof SOURCE_BLOCK_TARGETS;

export function isSourceBlockTarget(name: string): name is SourceBlockTarget {
  return Object.hasOwn(SOURCE_BLOCK_TARGETS, name);
}

interface WithSource {
  readonly utm?: Utm | undefined;
  readonly fields?: Readonly<Record<string, string>> | undefined;
}

/** The record with its mapped `source_*` fields moved into its UTM tags (theirs win). */
export function foldSourceBlock<R extends WithSource>(record: R): R {
  const fields = record.fields ?? {};
  if (!Object.keys(fields).some(isSourceBlockTarget)) return record;
  const utm: Utm = { ...record.utm };
  const rest: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (isSourceBlockTarget(name)) utm[SOURCE_BLOCK_TARGETS[name]] = value;
    else rest[name] = value;
  }
  const folded: R = { ...record, utm };
  if (Object.keys(rest).length > 0) (folded as { fields?: Record<string, string> }).fields = rest;
  else delete (folded as { fields?: unknown }).fields;
  return folded;
}
