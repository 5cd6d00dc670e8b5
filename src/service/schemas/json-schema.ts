import { z } from 'zod';

// zod → JSON Schema (draft 2020-12) as input: what a user may write, defaults optional.

export type Json = Record<string, unknown>;

export function inputJsonSchema(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

/** The object at `path` in a generated schema; throws when the schema's shape moved. */
export function at(schema: Json, path: readonly string[]): Json {
  let node: unknown = schema;
  for (const key of path) {
    node = (node as Json | undefined)?.[key];
    if (typeof node !== 'object' || node === null)
      throw new Error(`JSON Schema: nothing at ${path.join('.')} (the zod schema changed?)`);
  }
  return node as Json;
}

/** Lets `$comment` notes sit in every closed object, as the service drops them (document.ts). */
export function allowComments(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(allowComments);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as Json;
  if (object['type'] === 'object' && object['additionalProperties'] === false) {
    object['properties'] = {
      $comment: { type: 'string', description: 'A note for people; ignored.' },
      ...(object['properties'] as Json | undefined),
    };
  }
  for (const value of Object.values(object)) allowComments(value);
}
