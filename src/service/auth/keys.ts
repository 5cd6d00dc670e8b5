import { createHash, randomBytes } from 'node:crypto';
import { secretsEqual } from '../../sources/common/constant-time.js';
import type { ApiKeyRecord, Store } from '../../store/store.js';

// API keys (service.md §3): 32 random bytes, shown once, stored only as a
// SHA-256 hash. A fast hash suffices: the keys carry 256 bits of entropy,
// nothing a dictionary could guess, and a slow hash would cost every request.

const OPERATOR_PREFIX = 'cmo_';
const PROJECT_PREFIX = 'cmp_';

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function newKey(kind: 'operator' | 'project'): string {
  return `${kind === 'operator' ? OPERATOR_PREFIX : PROJECT_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A project key's id names its project, so `DELETE …/keys/{id}` can refuse another project's key without reading it. */
export function projectKeyId(projectId: string): string {
  return `${projectId}.${randomBytes(9).toString('base64url')}`;
}

export function keyIdBelongsTo(id: string, projectId: string): boolean {
  return id.startsWith(`${projectId}.`) && id.length > projectId.length + 1;
}

/** The key's record, or null. The store finds by hash; the hash is compared again in constant time. */
export async function findKey(store: Store, key: string): Promise<ApiKeyRecord | null> {
  const hash = hashKey(key);
  const record = await store.findApiKey(hash);
  return record && secretsEqual(record.hash, hash) ? record : null;
}

/**
 * First start (service.md §1): CALLMATRIX_ADMIN_KEY, when set, is registered
 * (its hash); otherwise, when no operator key exists yet, one is created and
 * returned so the caller prints it once to stderr. Null: nothing to print.
 */
export async function ensureOperatorKey(
  store: Store,
  envKey: string | undefined,
  now: Date,
): Promise<string | null> {
  if (envKey !== undefined && envKey !== '') {
    if (!(await findKey(store, envKey))) {
      await store.createApiKey({
        id: `operator.${randomBytes(9).toString('base64url')}`,
        projectId: null,
        hash: hashKey(envKey),
        now,
      });
    }
    return null;
  }
  if (await store.hasOperatorKey()) return null;
  const key = newKey('operator');
  await store.createApiKey({
    id: `operator.${randomBytes(9).toString('base64url')}`,
    projectId: null,
    hash: hashKey(key),
    now,
  });
  return key;
}
