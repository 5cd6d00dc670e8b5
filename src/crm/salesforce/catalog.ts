import type { CrmField, CrmPipeline } from '../port.js';
import type { CrmField as SalesforceField, Pipeline } from './admin.js';

// admin.ts's Salesforce reads → the admin API's neutral pipelines and fields (service.md §2, G8). Pure.

const KIND_OF_TYPE: Record<string, CrmField['type']> = {
  int: 'number',
  long: 'number',
  double: 'number',
  currency: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'date',
  time: 'date',
  boolean: 'boolean',
  picklist: 'picklist',
  multipicklist: 'picklist',
};

/** A field map names a Salesforce field by its API name (`LeadSource`, `UTM_Campaign__c`…). */
export function catalogFields(fields: readonly SalesforceField[]): CrmField[] {
  return fields.map((field) => ({
    name: field.name,
    label: field.label,
    type: field.isString ? 'string' : (KIND_OF_TYPE[field.type] ?? 'other'),
    ...(field.picklist && { values: field.picklist }),
  }));
}

/** G9: the opportunity record types. */
export function catalogPipelines(pipelines: readonly Pipeline[]): CrmPipeline[] {
  return pipelines.map((pipeline) => ({ id: pipeline.id, name: pipeline.name }));
}
