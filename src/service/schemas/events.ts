import { z } from 'zod';
import { EVENT_SCHEMAS, EVENT_TYPES } from '../../domain/events.js';
import { inputJsonSchema, type Json } from './json-schema.js';

// The event format (docs/events.md) as a JSON Schema, generated from the zod
// schemas ingest parses with: one event, or an array of up to 1 000.
// Served at /v1/schemas/events.json; committed as schemas/events.json.

export const EVENTS_SCHEMA_ID = 'https://callmatrix.dev/v1/schemas/events.json';

export function eventsJsonSchema(): Json {
  const event = z.union(EVENT_TYPES.map((type) => EVENT_SCHEMAS[type]));
  const schema = inputJsonSchema(z.union([event, z.array(event).min(1).max(1000)]));
  return {
    $schema: schema['$schema'],
    $id: EVENTS_SCHEMA_ID,
    title: 'Callmatrix events: one event or an array of at most 1 000',
    ...schema,
  };
}
