import type { CrmField, CrmPipeline } from '../port.js';
import type { CrmField as RetailcrmField } from './admin.js';

// admin.ts's retailCRM reads → the admin API's neutral pipelines and fields (service.md §2, G8). Pure.

const KIND_OF_TYPE: Record<string, CrmField['type']> = {
  integer: 'number',
  numeric: 'number',
  date: 'date',
  boolean: 'boolean',
  dictionary: 'picklist',
  multiselect_dictionary: 'picklist',
};

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
