import { z } from 'zod';
import type { CrmId } from '../../domain/crm-id.js';
import type { Problem } from '../../domain/problems.js';
import { SnapshotSchema } from '../../domain/snapshot.js';

// A project's CRM connection (service.md §2 table), one strict schema per CRM,
// and the rule on where its URLs may point.

const text = (what: string) => z.string({ error: `expected ${what}` }).min(1, `expected ${what}`);
const url = text('a URL');

const oauthCredentials = z.strictObject({
  clientId: text('the OAuth client id'),
  clientSecret: text('the OAuth client secret'),
  refreshToken: text('the OAuth refresh token'),
});

const zoho = z.strictObject({ baseUrl: url, accountsUrl: url, credentials: oauthCredentials });

const pipedrive = z
  .strictObject({
    baseUrl: url,
    oauthUrl: url.optional(),
    credentials: z.union([z.strictObject({ apiToken: text('the API token') }), oauthCredentials], {
      error: 'expected { apiToken } or { clientId, clientSecret, refreshToken }',
    }),
  })
  .superRefine((connection, ctx) => {
    if ('refreshToken' in connection.credentials && connection.oauthUrl === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['oauthUrl'],
        message: 'OAuth credentials need the oauthUrl (https://oauth.pipedrive.com)',
      });
    }
  });

const retailcrm = z.strictObject({
  baseUrl: url,
  credentials: z.strictObject({ apiKey: text('the API key') }),
});

const salesforce = z.strictObject({ baseUrl: url, loginUrl: url, credentials: oauthCredentials });

export const CONNECTION_SCHEMAS = {
  zoho,
  pipedrive,
  retailcrm,
  salesforce,
} as const satisfies Record<CrmId, z.ZodType>;

/**
 * `{ "kind": "memory" }`: the in-memory CRM of src/service/crm-registry.ts,
 * for trying a project out and for tests, optionally seeded with `state`, or
 * in another process at `baseUrl` (a host of CALLMATRIX_ALLOW_CRM_HOSTS only).
 */
export const MemoryConnectionSchema = z.strictObject({
  kind: z.literal('memory'),
  baseUrl: url.optional(),
  state: SnapshotSchema.optional(),
});

export function isMemoryKind(input: unknown): boolean {
  return (
    typeof input === 'object' && input !== null && (input as { kind?: unknown }).kind === 'memory'
  );
}

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
 * The CRMs' own domains (crm-apis.md): a host must be one of these or end in
 * `.` + one of them. Zoho's non-US/EU data centres follow the same pattern.
 */
export const CRM_DOMAINS: Record<CrmId, readonly string[]> = {
  zoho: [
    'zohoapis.com',
    'zohoapis.eu',
    'zohoapis.in',
    'zohoapis.com.au',
    'zohoapis.jp',
    'zohoapis.ca',
    'zohoapis.com.cn',
    'zohoapis.sa',
    'zoho.com',
    'zoho.eu',
    'zoho.in',
    'zoho.com.au',
    'zoho.jp',
    'zohocloud.ca',
    'zoho.com.cn',
    'zoho.sa',
  ],
  pipedrive: ['pipedrive.com'],
  retailcrm: ['retailcrm.ru', 'retailcrm.pro', 'retailcrm.es', 'simla.com', 'simla.io'],
  salesforce: ['salesforce.com', 'force.com', 'cloudforce.com', 'salesforce.mil'],
};

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
    return new URL(value).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

function urlProblem(crm: CrmId, value: string, allowHosts: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `"${value}" is not a URL`;
  }
  if (parsed.username !== '' || parsed.password !== '')
    return 'a URL may not carry a user name or password: credentials go in "credentials"';
  if (parsed.search !== '' || parsed.hash !== '')
    return 'expected a base URL without query or fragment';
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const allowed = allowHosts.some((extra) => extra.toLowerCase() === host);
  if (allowed)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? null
      : 'expected an http or https URL';
  if (parsed.protocol !== 'https:')
    return `expected an https URL (plain http only for hosts in CALLMATRIX_ALLOW_CRM_HOSTS)`;
  const own = CRM_DOMAINS[crm].some((domain) => host === domain || host.endsWith(`.${domain}`));
  return own
    ? null
    : `${host} is not a ${crm} domain (${CRM_DOMAINS[crm].slice(0, 3).join(', ')}, …) nor listed in CALLMATRIX_ALLOW_CRM_HOSTS`;
}

/** CALLMATRIX_ALLOW_CRM_HOSTS: comma-separated host names. */
export function parseAllowHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
}
