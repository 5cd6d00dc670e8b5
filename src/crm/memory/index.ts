import { z } from 'zod';
import { SnapshotSchema } from '../../domain/snapshot.js';
import { url } from '../connection-fields.js';

/**
 * `{ "kind": "memory" }` (or no connection): the in-memory CRM, one per
 * project, kept in the service's process: for trying a project out and for
 * tests, optionally seeded with `state`. With `baseUrl`: an in-memory CRM in
 * another process on loopback (service/crm-registry.ts RemoteMemoryCrm), a
 * host of CALLMATRIX_ALLOW_CRM_HOSTS only, which outlives a crash of this one.
 * It plays any CRM by that CRM's capabilities (MemoryCrm).
 */
export const MemoryConnectionSchema = z.strictObject({
  kind: z.literal('memory'),
  baseUrl: url.optional(),
  state: SnapshotSchema.optional(),
});
export type MemoryConnection = z.infer<typeof MemoryConnectionSchema>;

/** The document names the memory CRM (its schema then decides whether the rest is right). */
export function isMemoryKind(input: unknown): boolean {
  return (
    typeof input === 'object' && input !== null && (input as { kind?: unknown }).kind === 'memory'
  );
}

/** No connection, or a valid memory one: the project runs on an in-memory CRM. */
export function isMemoryConnection(connection: unknown): boolean {
  return (
    connection === null ||
    connection === undefined ||
    MemoryConnectionSchema.safeParse(connection).success
  );
}

export { MemoryCrm } from './adapter.js';
