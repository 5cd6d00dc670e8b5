import { header, type RequestHeaders } from '../../sources/common/headers.js';
import type { Store } from '../../store/store.js';
import { findKey } from './keys.js';

// Who may do what on the admin API (service.md §3), as one pure decision.

export type Principal =
  { readonly kind: 'operator' } | { readonly kind: 'project'; readonly projectId: string };

/** `operator`: operator key only. `project`: the operator, or a key of the project in the URL. `any`: any valid key. */
export type Access = 'operator' | 'project' | 'any';

export type Denial = 'unauthorized' | 'forbidden' | 'not-found';

/**
 * A project key on another project is 404, as if the project did not exist,
 * and that check comes first: a 403 on another project's operator-only path
 * would tell the caller the path is real for somebody.
 */
export function authorize(
  principal: Principal | null,
  access: Access,
  projectId: string | undefined,
): Denial | null {
  if (!principal) return 'unauthorized';
  if (principal.kind === 'operator') return null;
  if (projectId !== undefined && projectId !== principal.projectId) return 'not-found';
  if (access === 'operator') return 'forbidden';
  return null;
}

/** The token of `Authorization: Bearer TOKEN`, or null. */
export function bearerToken(headers: RequestHeaders): string | null {
  const value = header(headers, 'authorization');
  const match = value ? /^Bearer +(\S+) *$/i.exec(value) : null;
  return match?.[1] ?? null;
}

/** The principal a request's API key names; null for a missing or unknown key. */
export async function principalOf(
  store: Store,
  headers: RequestHeaders,
): Promise<Principal | null> {
  const token = bearerToken(headers);
  // Longer than any key we issue: refused before hashing megabytes of header.
  if (!token || token.length > 200) return null;
  const record = await findKey(store, token);
  if (!record) return null;
  return record.projectId === null
    ? { kind: 'operator' }
    : { kind: 'project', projectId: record.projectId };
}
