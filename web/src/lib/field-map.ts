import type { Schemas } from '../api';

// The field map as the settings tab edits it: one entity's parameter → CRM field, with the rule
// "one field, one parameter" checked before a choice is taken (the API checks it again on save).

export type FieldMap = Schemas['FieldMap'];
export type FieldEntity = keyof FieldMap;
export const FIELD_ENTITIES: readonly FieldEntity[] = ['lead', 'contact', 'deal'];

/** A messenger map's slots bound to a field; an unbound slot (null) is written nowhere, as if absent. */
export function boundSlots(
  map: Schemas['ProjectSettings']['messengerFieldMap'] | null | undefined,
): FieldMap | null {
  if (!map) return null;
  const out: FieldMap = {};
  for (const entity of FIELD_ENTITIES) {
    const slots = map[entity];
    if (!slots) continue;
    const bound: Record<string, string> = {};
    for (const [slot, field] of Object.entries(slots)) if (field !== null) bound[slot] = field;
    out[entity] = bound;
  }
  return out;
}

/** The parameter that already takes `field` in this entity's map, other than `param`. */
export function fieldTakenBy(
  map: FieldMap,
  entity: FieldEntity,
  field: string,
  param: string,
): string | null {
  for (const [other, target] of Object.entries(map[entity] ?? {}))
    if (target === field && other !== param) return other;
  return null;
}

/**
 * The map with `param` sent to `field` ('' unmaps it), or the parameter in the way when another
 * one already takes that field.
 */
export function mapField(
  map: FieldMap,
  entity: FieldEntity,
  param: string,
  field: string,
): { map: FieldMap } | { conflict: string } {
  const entries = { ...(map[entity] ?? {}) };
  if (field === '') delete entries[param];
  else {
    const taken = fieldTakenBy(map, entity, field, param);
    if (taken) return { conflict: taken };
    entries[param] = field;
  }
  const next: FieldMap = { ...map };
  if (Object.keys(entries).length > 0) next[entity] = entries;
  else delete next[entity];
  return { map: next };
}

/**
 * The parameters a map may name, read from the API's own project JSON Schema
 * (`GET /v1/schemas/project.json`): the field map's property names list them.
 */
export function parametersOfSchema(schema: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const names = record['propertyNames'] as { anyOf?: Array<{ enum?: unknown[] }> } | undefined;
    for (const option of names?.anyOf ?? [])
      for (const value of option.enum ?? []) if (typeof value === 'string') found.add(value);
    Object.values(record).forEach(visit);
  };
  visit(schema);
  return [...found];
}
