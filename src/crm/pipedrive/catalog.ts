import type { CrmField, CrmPipeline } from '../port.js';
import type { CrmField as PipedriveField, Pipeline } from './admin.js';
import { SET_BY_PIPEDRIVE } from './source-fields.js';

// admin.ts's Pipedrive reads → the admin API's neutral pipelines and fields (service.md §2, G8). Pure.

const KIND_OF_TYPE: Record<string, CrmField['type']> = {
  int: 'number',
  double: 'number',
  monetary: 'number',
  date: 'date',
  daterange: 'date',
  time: 'date',
  timerange: 'date',
  enum: 'picklist',
  set: 'picklist',
  status: 'picklist',
};

/**
 * A field map names a custom field by its name, as mapping.ts resolves it
 * (the 40-hex key works too, but the name is what a person chooses from);
 * standard fields by their key (`title`, `value`…).
 */
export function catalogFields(fields: readonly PipedriveField[]): CrmField[] {
  return fields.map((field) => ({
    name: field.custom ? field.name : field.key,
    label: field.name,
    // `origin` and `origin_id` are set by Pipedrive (issue 14 item 4): named, never targets.
    type: SET_BY_PIPEDRIVE.has(field.key)
      ? 'other'
      : field.isString
        ? 'string'
        : (KIND_OF_TYPE[field.type] ?? 'other'),
    ...(field.picklist && { values: field.picklist }),
  }));
}

export function catalogPipelines(pipelines: readonly Pipeline[]): CrmPipeline[] {
  return pipelines.map((pipeline) => ({ id: pipeline.id, name: pipeline.name }));
}
