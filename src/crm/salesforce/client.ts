import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { HttpClient, type HttpRequest, type HttpResponse } from '../http/client.js';
import type { HostRule } from '../http/hosts.js';
import type { RequestCounter } from '../http/request-tally.js';
import { pacing, transport } from '../http/client-options.js';
import type { RateLimits } from '../http/pacing.js';
import { SingleFlight } from '../http/single-flight.js';
import { CrmError } from '../port.js';
import type { SalesforceConnection } from './connection.js';
import {
  classify,
  classifyOAuth,
  errorsOf,
  insideError,
  isExpiredToken,
  waitHintMs,
} from './errors.js';

// Every call the adapter makes to Salesforce, through the shared HttpClient:
// OAuth refresh-token grant (crm-apis.md §4.2), SOQL with nextRecordsUrl
// paging (§4.10), SOSL, sObject create / upsert / update, composite (§4.11),
// sObject Get Deleted (README "Phone index").

const TokenSchema = z.looseObject({
  access_token: z.string().min(1),
  instance_url: z.url(),
  // jsforce reads `id` as …/ORGID/USERID (§6): a token answer without it is unusable.
  id: z.string().regex(/\/[a-zA-Z0-9]{15,18}\/[a-zA-Z0-9]{15,18}$/),
});
const QuerySchema = z.looseObject({
  totalSize: z.number(),
  done: z.boolean(),
  records: z.array(z.record(z.string(), z.unknown())),
  nextRecordsUrl: z.string().optional(),
});
const SearchSchema = z.union([
  z.looseObject({ searchRecords: z.array(z.record(z.string(), z.unknown())) }),
  z.array(z.record(z.string(), z.unknown())).transform((searchRecords) => ({ searchRecords })),
]);
const DeletedSchema = z.looseObject({
  deletedRecords: z.array(z.looseObject({ id: z.string(), deletedDate: z.string().optional() })),
  earliestDateAvailable: z.string().optional(),
  latestDateCovered: z.string().optional(),
});
export type DeletedList = z.infer<typeof DeletedSchema>;
const SaveSchema = z.looseObject({
  id: z.string(),
  success: z.boolean().optional(),
  created: z.boolean().optional(),
});
const CollectionSchema = z.array(
  z.looseObject({
    id: z.string().optional(),
    success: z.boolean(),
    errors: z.array(z.unknown()).default([]),
  }),
);
const CompositeSchema = z.looseObject({
  compositeResponse: z.array(
    z.looseObject({ body: z.unknown(), httpStatusCode: z.number(), referenceId: z.string() }),
  ),
});

export type SfRecord = Record<string, unknown>;
export interface Subrequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path after /services/data/vNN.N, e.g. `/sobjects/ContentNote`. */
  readonly path: string;
  readonly referenceId: string;
  readonly body?: unknown;
}

export interface SalesforceClientOptions {
  /** Where requests may go (docs/security.md); the service always passes its rule. */
  readonly hosts?: HostRule;
  /** Counts each request sent, for the project's requests per hour (the service passes its tally's counter). */
  readonly requests?: RequestCounter;
  readonly apiVersion?: string;
  readonly timeoutMs?: number;
  readonly ratePerSec?: number;
  readonly onResponse?: (request: HttpRequest, response: HttpResponse) => void;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new CrmError(
      'retryable',
      `${what}: unexpected answer from Salesforce: ${parsed.error.message.slice(0, 200)}`,
    );
  return parsed.data;
}

/**
 * Salesforce's limits (crm-apis.md §4.13): a daily request allocation per org
 * (403 REQUEST_LIMIT_EXCEEDED once spent) and 25 long-running requests at once;
 * paced at 20 in flight. The daily allocation is not paced (a day's budget).
 */
export const SALESFORCE_LIMITS: RateLimits = { concurrency: 20 };

export class SalesforceClient {
  readonly version: string;
  private instanceUrl: string;
  private accessToken: string | null = null;
  private readonly http: HttpClient;
  private readonly oauth: HttpClient;
  private readonly refreshing = new SingleFlight<void>();
  private readonly hosts: HostRule | undefined;
  /** The token each in-flight call sent, so a late 401 does not refresh a token already replaced. */
  private readonly sent = new AsyncLocalStorage<{ token: string | null }>();

  constructor(
    private readonly connection: SalesforceConnection,
    options: SalesforceClientOptions = {},
  ) {
    this.version = options.apiVersion ?? '59.0';
    this.hosts = options.hosts;
    this.instanceUrl = connection.baseUrl.replace(/\/+$/, '');
    this.oauth = new HttpClient({
      baseUrl: connection.loginUrl,
      ...transport(options),
      classify: classifyOAuth,
    });
    this.http = new HttpClient({
      baseUrl: this.instanceUrl,
      ...transport(options),
      ...pacing(options, this.instanceUrl, connection.credentials, SALESFORCE_LIMITS),
      ...(options.onResponse && { onResponse: options.onResponse }),
      authorize: async (headers) => {
        if (this.accessToken === null) await this.refreshing.run(() => this.grant());
        const store = this.sent.getStore();
        if (store) store.token = this.accessToken;
        headers['authorization'] = `Bearer ${this.accessToken ?? ''}`;
      },
      refresh: () => this.refresh(),
      isExpiredToken,
      classify,
      waitHintMs,
    });
  }

  /** Refreshes unless another caller already replaced the token this call sent. */
  private refresh(): Promise<void> {
    const used = this.sent.getStore()?.token;
    if (used !== undefined && used !== this.accessToken) return Promise.resolve();
    return this.refreshing.run(() => this.grant());
  }

  private async grant(): Promise<void> {
    const { clientId, clientSecret, refreshToken } = this.connection.credentials;
    const response = await this.oauth.send({
      method: 'POST',
      url: '/services/oauth2/token',
      form: {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: clientId,
        client_secret: clientSecret,
      },
    });
    const token = parse(TokenSchema, response.json, 'token');
    // A host learned at run time is held to the connection's rule before any token goes there.
    const refusal = this.hosts?.refusal(new URL(token.instance_url));
    if (refusal)
      throw new CrmError('reauth', `the token answer's instance_url may not be called: ${refusal}`);
    this.accessToken = token.access_token;
    this.instanceUrl = token.instance_url.replace(/\/+$/, '');
  }

  private url(path: string): string {
    return `${this.instanceUrl}/services/data/v${this.version}${path}`;
  }

  send(request: Omit<HttpRequest, 'url'> & { path: string }): Promise<HttpResponse> {
    const { path, ...rest } = request;
    return this.sent.run({ token: null }, () =>
      this.http.send({ ...rest, url: path.startsWith('http') ? path : this.url(path) }),
    );
  }

  /** All rows of a SOQL query, following nextRecordsUrl (§4.10, §6: locator rebuilt on our version). */
  async query(text: string): Promise<SfRecord[]> {
    let page = parse(
      QuerySchema,
      (await this.send({ method: 'GET', path: '/query', query: { q: text } })).json,
      'query',
    );
    const rows = [...page.records];
    while (!page.done && page.nextRecordsUrl) {
      const locator = page.nextRecordsUrl.split('/').pop() ?? '';
      page = parse(
        QuerySchema,
        (await this.send({ method: 'GET', path: `/query/${encodeURIComponent(locator)}` })).json,
        'query',
      );
      rows.push(...page.records);
    }
    return rows;
  }

  async search(text: string): Promise<SfRecord[]> {
    return parse(
      SearchSchema,
      (await this.send({ method: 'GET', path: '/search', query: { q: text } })).json,
      'search',
    ).searchRecords;
  }

  async create(type: string, body: SfRecord): Promise<string> {
    return parse(
      SaveSchema,
      (await this.send({ method: 'POST', path: `/sobjects/${type}`, json: body })).json,
      `create ${type}`,
    ).id;
  }

  /** Creates or finds by external id (§4.3): a retry after an uncertain outcome finds the first write. */
  async upsert(type: string, field: string, value: string, body: SfRecord): Promise<string> {
    const path = `/sobjects/${type}/${field}/${encodeURIComponent(value)}`;
    const response = await this.send({ method: 'PATCH', path, json: body });
    if (response.json === undefined) {
      // Before API 46 an upsert that updated answered 204 without the id.
      const found = await this.send({ method: 'GET', path, query: { fields: 'Id' } });
      return parse(z.looseObject({ Id: z.string() }), found.json, `upsert ${type}`).Id;
    }
    return parse(SaveSchema, response.json, `upsert ${type}`).id;
  }

  async update(type: string, id: string, body: SfRecord): Promise<void> {
    await this.send({ method: 'PATCH', path: `/sobjects/${type}/${id}`, json: body });
  }

  async get(type: string, id: string, fields: readonly string[]): Promise<SfRecord> {
    return (
      await this.send({
        method: 'GET',
        path: `/sobjects/${type}/${id}`,
        query: { fields: fields.join(',') },
      })
    ).json as SfRecord;
  }

  /** sObject Get Deleted (v29.0+): the org's delete log of one type between two times; the API ignores their seconds. */
  async deleted(type: string, start: Date, end: Date): Promise<DeletedList> {
    const at = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const response = await this.send({
      method: 'GET',
      path: `/sobjects/${type}/deleted`,
      query: { start: at(start), end: at(end) },
    });
    return parse(DeletedSchema, response.json, `deleted ${type}`);
  }

  async describe(type: string): Promise<unknown> {
    return (await this.send({ method: 'GET', path: `/sobjects/${type}/describe` })).json;
  }

  /** POST /composite; answers each subrequest's body by referenceId, or the first failure inside the 200. */
  async composite(
    requests: readonly Subrequest[],
    allOrNone: boolean,
  ): Promise<Map<string, { status: number; body: unknown }>> {
    const response = await this.send({
      method: 'POST',
      path: '/composite',
      json: {
        allOrNone,
        compositeRequest: requests.map((r) => ({
          method: r.method,
          url: `/services/data/v${this.version}${r.path}`,
          referenceId: r.referenceId,
          ...(r.body !== undefined && { body: r.body }),
        })),
      },
    });
    const out = new Map<string, { status: number; body: unknown }>();
    for (const sub of parse(CompositeSchema, response.json, 'composite').compositeResponse)
      out.set(sub.referenceId, { status: sub.httpStatusCode, body: sub.body });
    if (allOrNone) {
      const failed = [...out.entries()].find(
        ([, r]) =>
          r.status >= 400 && !errorsOf(r.body).some((e) => e.errorCode === 'PROCESSING_HALTED'),
      );
      if (failed)
        throw insideError(`composite ${failed[0]}`, failed[1].status, errorsOf(failed[1].body));
    }
    return out;
  }

  /** POST /composite/sobjects (≤200 records); a record's failure inside the 200 is an error. */
  async createMany(
    records: ReadonlyArray<{ type: string; fields: SfRecord }>,
    allOrNone: boolean,
  ): Promise<string[]> {
    const response = await this.send({
      method: 'POST',
      path: '/composite/sobjects',
      json: {
        allOrNone,
        records: records.map((r) => ({ attributes: { type: r.type }, ...r.fields })),
      },
    });
    const results = parse(CollectionSchema, response.json, 'composite/sobjects');
    const failed =
      results.find(
        (r) =>
          !r.success &&
          !errorsOf(r.errors).some((e) => e.statusCode === 'ALL_OR_NONE_OPERATION_ROLLED_BACK'),
      ) ?? results.find((r) => !r.success);
    if (failed) throw insideError('composite/sobjects', 400, errorsOf(failed.errors));
    return results.map((r) => r.id ?? '');
  }

  /** The OpenID Connect userinfo of the token's user (`{instance}/services/oauth2/userinfo`). */
  async userInfo(): Promise<unknown> {
    return (
      await this.send({ method: 'GET', path: `${this.instanceUrl}/services/oauth2/userinfo` })
    ).json;
  }
}
