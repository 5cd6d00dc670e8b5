import { z } from 'zod';
import { transport } from '../http/client-options.js';
import { sharedPacer, type RateLimits } from '../http/pacing.js';
import { HttpClient, type HttpRequest, type HttpResponse } from '../http/client.js';
import type { HostRule } from '../http/hosts.js';
import type { RequestCounter } from '../http/request-tally.js';
import { CrmError } from '../port.js';
import type { RetailcrmConnection } from './connection.js';
import { classifyRetailcrm, outcomeUncertain, retailcrmWaitHintMs } from './errors.js';

// Every call to retailCRM's API v5: the key in X-API-KEY, entities as JSON
// strings inside form fields, PHP-style filters, page/limit pagination (§3.1–3.3).

export interface RetailcrmClientOptions {
  /** Where requests may go (docs/security.md); the service always passes its rule. */
  readonly hosts?: HostRule;
  /** Counts each request sent, for the project's requests per hour (the service passes its tally's counter). */
  readonly requests?: RequestCounter;
  /** Requests per second to stay under (§3.9: about 10). */
  readonly ratePerSec?: number;
  readonly timeoutMs?: number;
  /** Store code for accounts whose key covers several stores. */
  readonly site?: string;
}

export type Query = Record<string, string | number | readonly (string | number)[] | undefined>;

const PaginationSchema = z.looseObject({ currentPage: z.number(), totalPageCount: z.number() });

/** retailCRM's limit (crm-apis.md §3.9, UNVERIFIED): about 10 requests per second per API key. */
export const RETAILCRM_LIMITS: RateLimits = { requests: 10, windowMs: 1000 };

export class RetailcrmClient {
  readonly http: HttpClient;
  private readonly statusOf = new WeakMap<HttpRequest, number>();

  constructor(
    readonly connection: RetailcrmConnection,
    private readonly options: RetailcrmClientOptions = {},
  ) {
    this.http = new HttpClient({
      baseUrl: connection.baseUrl,
      ...transport(options),
      pacer: sharedPacer(connection.baseUrl, connection.credentials.apiKey, {
        ...RETAILCRM_LIMITS,
        ...(options.ratePerSec !== undefined && { requests: options.ratePerSec }),
      }),
      // §3.9: retailCRM's rate limit answers 503, not 429.
      isRateLimited: (response) => response.status === 503,
      authorize: (headers) => {
        headers['X-API-KEY'] = connection.credentials.apiKey;
      },
      classify: classifyRetailcrm,
      waitHintMs: retailcrmWaitHintMs,
      onResponse: (request, response) => this.statusOf.set(request, response.status),
    });
  }

  async get(path: string, query: Query = {}): Promise<unknown> {
    return (await this.send({ method: 'GET', url: path, query: flatten(query) })).json;
  }

  /** A POST with form fields; objects become the JSON strings the API expects. */
  async post(path: string, fields: Record<string, unknown>, query: Query = {}): Promise<unknown> {
    const form: Record<string, string> = {};
    if (this.options.site !== undefined) form['site'] = this.options.site;
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined)
        form[key] = typeof value === 'string' ? value : JSON.stringify(value);
    return (await this.send({ method: 'POST', url: path, form, query: flatten(query) })).json;
  }

  /** Every page of a list method, `limit=100`, the items under `key`. */
  async all(path: string, key: string, query: Query = {}): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let page = 1; ; page += 1) {
      const json = await this.get(path, { ...query, limit: 100, page });
      const record = json as Record<string, unknown>;
      const list = record[key];
      if (Array.isArray(list)) items.push(...(list as unknown[]));
      const pagination = PaginationSchema.safeParse(record['pagination']);
      if (!pagination.success || pagination.data.currentPage >= pagination.data.totalPageCount)
        return items;
    }
  }

  /** Raw access for reads outside the API (the emulator's snapshot). */
  send(request: HttpRequest): Promise<HttpResponse> {
    return this.http.send(request).catch((error: unknown) => {
      if (error instanceof CrmError)
        throw new RetailcrmError(error, outcomeUncertain(this.statusOf.get(request)));
      throw error;
    });
  }
}

/** A CrmError that also says whether the CRM may have carried the write out (D13). */
export class RetailcrmError extends CrmError {
  constructor(
    cause: CrmError,
    readonly uncertain: boolean,
  ) {
    super(cause.kind, cause.message, cause.retryAfterMs, cause.status);
  }
}

/** `{ filter: … }` is not used; filters are given flat: `'filter[ids]': [1, 2]` → `filter[ids][0]=1&filter[ids][1]=2` (as PHP's http_build_query). */
function flatten(query: Query): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value))
      (value as ReadonlyArray<string | number>).forEach(
        (item, index) => (out[`${key}[${index}]`] = item),
      );
    else out[key] = value as string | number | undefined;
  }
  return out;
}
