import type { CrmId } from '../domain/crm-id.js';

// What the store keeps of a project and of its API keys (Store: projects, API keys).

export interface ProjectRecord {
  readonly id: string;
  readonly crm: CrmId;
  /** The project document of service.md §2, secrets removed (the caller splits them out). */
  readonly document: unknown;
  /** The secrets, already encrypted by the caller (CALLMATRIX_SECRET_KEY); opaque here. */
  readonly secrets: string;
  /** Starts at 1, +1 on every put. */
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PutProject {
  readonly id: string;
  readonly crm: CrmId;
  readonly document: unknown;
  readonly secrets: string;
  /** When set, the put succeeds only if the stored version is this one (0: must not exist). */
  readonly expectedVersion?: number;
  readonly now: Date;
}

export type PutProjectResult =
  | { readonly ok: true; readonly created: boolean; readonly project: ProjectRecord }
  | { readonly ok: false; readonly reason: 'version-conflict'; readonly current: number };

// ───────────────────────────── API keys ─────────────────────────────

export interface ApiKeyRecord {
  readonly id: string;
  /** null: the operator (admin) key. */
  readonly projectId: string | null;
  /** A hash of the key (the caller hashes; the store never sees a key). */
  readonly hash: string;
  readonly createdAt: Date;
}
