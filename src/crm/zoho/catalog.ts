import type { CrmField, CrmPipeline } from '../port.js';
import type { CrmField as ZohoField, Pipeline } from './admin.js';

// admin.ts's Zoho reads → the admin API's neutral pipelines and fields (service.md §2, G8). Pure.

const KIND_OF_TYPE: Record<string, CrmField['type']> = {
  integer: 'number',
  bigint: 'number',
  double: 'number',
  currency: 'number',
  decimal: 'number',
  percent: 'number',
  autonumber: 'number',
  date: 'date',
  datetime: 'date',
  boolean: 'boolean',
  picklist: 'picklist',
  multiselectpicklist: 'picklist',
};

/** A field map names Zoho fields by API name (`Lead_Source`, `UTM_Campaign__c`…). */
export function catalogFields(fields: readonly ZohoField[]): CrmField[] {
  return fields.map((field) => {
    const type = field.isString ? 'string' : (KIND_OF_TYPE[field.type] ?? 'other');
    // Zoho sends pick_list_values (empty) on every field; only a picklist's are its values.
    return {
      name: field.apiName,
      label: field.label,
      type,
      ...(type === 'picklist' && field.picklist && { values: field.picklist }),
    };
  });
}

/** G9: the value a deal's `Pipeline` field takes is the pipeline's name; its id is Zoho's. */
export function catalogPipelines(pipelines: readonly Pipeline[]): CrmPipeline[] {
  return pipelines.map((pipeline) => ({ id: pipeline.id, name: pipeline.name }));
}
