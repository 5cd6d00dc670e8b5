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

/**
 * Where a key came from, told by its id's prefix: `environment` (CALLMATRIX_ADMIN_KEY),
 * `generated` (first start), `api` (POST /v1/operator-keys), `project` (a project key).
 * The rest of an id is random: nothing in it names a project, so no project
 * name can be chosen to reach another's or the operator's keys (issue 11).
 */
export type KeyOrigin = 'environment' | 'generated' | 'api' | 'project';
const ID_PREFIX: Record<KeyOrigin, string> = {
  environment: 'env_',
  generated: 'gen_',
  api: 'opk_',
  project: 'pk_',
};

export function newKeyId(origin: KeyOrigin): string {
  return `${ID_PREFIX[origin]}${randomBytes(12).toString('base64url')}`;
}

/** A key's origin; `earlier` for operator keys stored before ids told it (`operator.…`). */
export function originOf(id: string): KeyOrigin | 'earlier' {
  const found = (Object.keys(ID_PREFIX) as KeyOrigin[]).find((origin) =>
    id.startsWith(ID_PREFIX[origin]),
  );
  return found ?? 'earlier';
}

/** The key's record, or null. The store finds by hash; the hash is compared again in constant time. */
export async function findKey(store: Store, key: string): Promise<ApiKeyRecord | null> {
  const hash = hashKey(key);
  const record = await store.findApiKey(hash);
  return record && secretsEqual(record.hash, hash) ? record : null;
}

/**
 * First start (service.md §1): CALLMATRIX_ADMIN_KEY, when set, is registered
 * (its hash), and a changed value revokes the key the previous value created;
 * otherwise, when no operator key exists yet, one is created and returned so
 * the caller prints it once to stderr. Null: nothing to print.
 */
export async function ensureOperatorKey(
  store: Store,
  envKey: string | undefined,
  now: Date,
): Promise<string | null> {
  if (envKey !== undefined && envKey !== '') {
    if (await findKey(store, envKey)) return null;
    for (const key of await store.listApiKeys(null))
      if (originOf(key.id) === 'environment') await store.deleteApiKeyOf(key.id, null);
    await store.createApiKey({
      id: newKeyId('environment'),
      projectId: null,
      hash: hashKey(envKey),
      now,
    });
    return null;
  }
  if (await store.hasOperatorKey()) return null;
  const key = newKey('operator');
  await store.createApiKey({ id: newKeyId('generated'), projectId: null, hash: hashKey(key), now });
  return key;
}
