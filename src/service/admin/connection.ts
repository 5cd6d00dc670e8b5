import type { CrmId } from '../../domain/crm-id.js';
import type { Problem } from '../../domain/problems.js';
import { CRMS } from '../../crm/registry.js';
import { hostnameOf, urlRefusal } from '../../crm/http/hosts.js';

// Where a project's CRM connection may point. Each CRM's connection schema and
// its own domains live in its descriptor (src/crm/<crm>/index.ts).

/** Any CRM's connection, as the service keeps it. */
export interface Connection {
  readonly kind?: 'memory';
  readonly baseUrl?: string | undefined;
  readonly accountsUrl?: string;
  readonly loginUrl?: string;
  readonly oauthUrl?: string;
  readonly credentials?: Readonly<Record<string, string>>;
  readonly state?: unknown;
}

/** The members of a connection that name a server the service will call. */
export const URL_MEMBERS = ['baseUrl', 'accountsUrl', 'loginUrl', 'oauthUrl'] as const;

/**
 * service.md §1, §2: https on the CRM's own domains; a host listed in
 * CALLMATRIX_ALLOW_CRM_HOSTS (emulators) may be named too, plain http allowed.
 * Anything else would let a project document turn the service into a proxy
 * for requests carrying CRM credentials to any address.
 */
export function connectionUrlProblems(
  crm: CrmId,
  connection: Connection,
  allowHosts: readonly string[],
  prefix = 'connection',
): Problem[] {
  const problems: Problem[] = [];
  if (connection.kind === 'memory') {
    // An in-memory CRM in another process: loopback or an allowed host only, never a CRM domain.
    if (connection.baseUrl !== undefined && !allowHosts.includes(hostOf(connection.baseUrl))) {
      problems.push({
        path: `${prefix}.baseUrl`,
        message: "a memory CRM's baseUrl must name a host in CALLMATRIX_ALLOW_CRM_HOSTS",
      });
    }
    return problems;
  }
  for (const member of URL_MEMBERS) {
    const value = connection[member];
    if (value === undefined) continue;
    const message = urlProblem(crm, value, allowHosts);
    if (message) problems.push({ path: `${prefix}.${member}`, message });
  }
  return problems;
}

function hostOf(value: string): string {
  try {
    return hostnameOf(new URL(value));
  } catch {
    return '';
  }
}

/** The request-time rule of src/crm/http/hosts.ts, and a base URL's shape on top. */
function urlProblem(crm: CrmId, value: string, allowHosts: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `"${value}" is not a URL`;
  }
  if (parsed.search !== '' || parsed.hash !== '')
    return 'expected a base URL without query or fragment';
  return urlRefusal(parsed, { crm, domains: CRMS[crm].domains, allowHosts });
}

/** CALLMATRIX_ALLOW_CRM_HOSTS: comma-separated host names. */
export function parseAllowHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
}
