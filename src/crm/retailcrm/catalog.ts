import type { CrmField, CrmPipeline } from '../port.js';
import type { CrmField as RetailcrmField } from './admin.js';
import { SOURCE_BLOCK_TARGETS } from '../source-block.js';

// admin.ts's retailCRM reads → the admin API's neutral pipelines and fields (service.md §2, G8). Pure.

const KIND_OF_TYPE: Record<string, CrmField['type']> = {
  integer: 'number',
  numeric: 'number',
  date: 'date',
  boolean: 'boolean',
  dictionary: 'picklist',
  multiselect_dictionary: 'picklist',
};

/**
 * The parts of customers' and orders' source block (issue 14 item 4), field-map targets by these
 * names: free text in retailCRM (its API has no reference list of sources), so listed as strings.
 */
export const SOURCE_BLOCK_FIELDS: readonly CrmField[] = Object.keys(SOURCE_BLOCK_TARGETS).map(
  (name) => ({ name, label: `Source: ${name.slice('source_'.length)}`, type: 'string' }),
);

/** The fields a field map may name on an entity: the source block's (not on leads: retailCRM has none), then the custom fields. */
export function entityFields(
  entity: 'lead' | 'contact' | 'deal',
  custom: readonly RetailcrmField[],
): CrmField[] {
  return [...(entity === 'lead' ? [] : SOURCE_BLOCK_FIELDS), ...catalogFields(custom)];
}

/** A field map names a retailCRM custom field by its code. */
export function catalogFields(fields: readonly RetailcrmField[]): CrmField[] {
  return fields.map((field) => ({
    name: field.name,
    label: field.label,
    type: field.isString ? 'string' : (KIND_OF_TYPE[field.type] ?? 'other'),
  }));
}

/** G9: the order types, by code (what pipeline rules name). */
export function catalogPipelines(
  types: ReadonlyArray<{ readonly id: string; readonly name: string }>,
): CrmPipeline[] {
  return types.map((type) => ({ id: type.id, name: type.name }));
}
