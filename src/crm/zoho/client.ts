import { z } from 'zod';
import { HttpClient, type HttpResponse } from '../http/client.js';
import type { HostRule } from '../http/hosts.js';
import type { RequestCounter } from '../http/request-tally.js';
import { pacing, transport } from '../http/client-options.js';
import type { RateLimits } from '../http/pacing.js';
import { SingleFlight } from '../http/single-flight.js';
import { CrmError } from '../port.js';
import type { ZohoConnection } from './connection.js';
import {
  classify,
  isExpiredToken,
  readWriteEntry,
  tokenRefused,
  waitHintMs,
  WriteReply,
  type WriteOutcome,
} from './errors.js';

// Every call the Zoho adapter makes, through the shared HttpClient (one
// attempt each; the inbox owns retries). OAuth per crm-apis.md §1.2.

export type ZohoModule = 'Leads' | 'Contacts' | 'Accounts' | 'Deals' | 'Tasks' | 'Calls' | 'Notes';
export type NativeRecord = Record<string, unknown> & { id: string };
/** Extra headers for one request; the client adds Authorization and Accept itself. */
export type RequestHeaders = Readonly<Record<string, string>>;

export interface ZohoClientOptions {
  /** Where requests may go (docs/security.md); the service always passes its rule. */
  readonly hosts?: HostRule;
  /** Counts each request sent, for the project's requests per hour (the service passes its tally's counter). */
  readonly requests?: RequestCounter;
  /** REST API version in paths, `v8` by default (§1.1). */
  readonly apiVersion?: string;
  readonly timeoutMs?: number;
  readonly ratePerSec?: number;
  /** After every API response; `query` is the request's query params (undefined ones left out of the URL). */
  readonly onResponse?: (
    method: string,
    url: string,
    status: number,
    query: Readonly<Record<string, string | number | undefined>>,
  ) => void;
  /** Records one module list (`listAll`) may hold before the read fails rather than stop short; 100 000 by default, as far as Zoho's page tokens reach. */
  readonly maxListRecords?: number;
}

const TokenReply = z.looseObject({
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
  expires_in_sec: z.number().optional(),
  api_domain: z.string().optional(),
  error: z.string().optional(),
});
const RecordSchema = z.looseObject({ id: z.string() });
const ListReply = z.looseObject({
  data: z.array(RecordSchema),
  info: z
    .looseObject({ more_records: z.boolean().optional(), next_page_token: z.string().nullish() })
    .optional(),
});
/** `page` reaches 2000 records, 10 pages of 200: Zoho's cap on search (§1.4, LIMIT_REACHED) and on `page` in lists (§1.11). */
const MAX_PAGES = 10;
/** Get Records docs: page tokens reach the first 100 000 records (PAGINATION_LIMIT_EXCEEDED past them). */
const TOKEN_REACH = 100_000;

/**
 * After a refresh forced by a 401, further 401s within this window answered
 * requests sent with the old token: they retry with the new one instead of
 * refreshing again (the HttpClient's single flight ends when the refresh does).
 */
const FRESH_TOKEN_MS = 2000;
/** Refresh ahead of expiry, as the SDK does (§1.2: "refreshes when <5 s left"). */
const EXPIRY_MARGIN_MS = 5000;

/**
 * Zoho's concurrency limit (crm-apis.md §1.12): simultaneous calls per org and
 * app, 5 on the Free edition (10 to 25 on paid ones, and a sub-concurrency of
 * 10 for heavy APIs such as search). No per-second rate: credits are per day.
 */
export const ZOHO_LIMITS: RateLimits = { concurrency: 5 };

export class ZohoClient {
  private readonly http: HttpClient;
  private readonly accounts: HttpClient;
  private readonly tokenFlight = new SingleFlight<void>();
  private accessToken: string | null = null;
  private expiresAt = 0;
  private refreshedFor401At = 0;
  private readonly root: string;
  private readonly maxListRecords: number;
  /** Token requests sent, for tests of the single-flight refresh. */
  tokenRequests = 0;

  constructor(
    readonly connection: ZohoConnection,
    options: ZohoClientOptions = {},
  ) {
    this.root = `/crm/${options.apiVersion ?? 'v8'}`;
    this.maxListRecords = options.maxListRecords ?? TOKEN_REACH;
    const onResponse = options.onResponse;
    this.accounts = new HttpClient({ baseUrl: connection.accountsUrl, ...transport(options) });
    this.http = new HttpClient({
      baseUrl: connection.baseUrl,
      ...transport(options),
      ...pacing(options, connection.baseUrl, connection.credentials, ZOHO_LIMITS),
      authorize: async (headers) => {
        if (!this.accessToken || Date.now() > this.expiresAt - EXPIRY_MARGIN_MS)
          await this.refresh();
        headers['authorization'] = `Zoho-oauthtoken ${this.accessToken ?? ''}`;
      },
      refresh: async () => {
        if (Date.now() - this.refreshedFor401At < FRESH_TOKEN_MS) return;
        await this.refresh();
        this.refreshedFor401At = Date.now();
      },
      isExpiredToken,
      classify,
      waitHintMs: (response) => waitHintMs(response),
      ...(onResponse && {
        onResponse: (request, response) =>
          onResponse(request.method, request.url, response.status, request.query ?? {}),
      }),
    });
  }

  /** New access token from the refresh token; concurrent callers share one request. */
  refresh(): Promise<void> {
    return this.tokenFlight.run(async () => {
      const { clientId, clientSecret, refreshToken } = this.connection.credentials;
      this.tokenRequests += 1;
      const response = await this.accounts.send({
        method: 'POST',
        url: 'oauth/v2/token',
        form: {
          grant_type: 'refresh_token',
          client_id: clientId,
          client_secret: clientSecret,
          refresh_token: refreshToken,
        },
      });
      const body = TokenReply.safeParse(response.json);
      if (!body.success || !body.data.access_token)
        throw tokenRefused(
          body.success ? (body.data.error ?? 'no access_token') : 'unreadable reply',
        );
      const ttlSec = body.data.expires_in ?? body.data.expires_in_sec ?? 3600;
      this.accessToken = body.data.access_token;
      this.expiresAt = Date.now() + ttlSec * 1000;
    });
  }

  /** `headers` go out with this request only (e.g. `If-Modified-Since` on a list, index-records.ts). */
  async get(
    path: string,
    query: Record<string, string | undefined> = {},
    headers: RequestHeaders = {},
  ): Promise<HttpResponse> {
    return this.http.send({
      method: 'GET',
      url: `${this.root}/${path}`.replace(/^\//, ''),
      query,
      headers,
    });
  }

  /**
   * All pages of a read that answers `{data, info.more_records}`, 204 when
   * empty (§1.3, §1.11), or 304 when `If-Modified-Since` is among `headers`
   * and nothing changed since: no records either way, not an error. At most
   * 10 pages, Zoho's own cap on search; a module's list goes on with `listAll`.
   */
  async readAll(
    path: string,
    query: Record<string, string | undefined>,
    headers: RequestHeaders = {},
  ): Promise<NativeRecord[]> {
    const out: NativeRecord[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const parsed = await this.listPage(
        path,
        { ...query, page: String(page), per_page: '200' },
        headers,
      );
      if (!parsed) break;
      out.push(...parsed.records);
      if (!parsed.more) break;
    }
    return out;
  }

  /**
   * Every record of a module's list (Get Records), past 2000 records too.
   * Zoho's docs: `page` reaches the first 2000 only; beyond, each request
   * sends the previous reply's `info.next_page_token` as `page_token`, never
   * with `page`, and the other params unchanged (a token is bound to them).
   * The token is followed as soon as a reply carries one (the docs' sample has
   * one from page 1); `page` counts on only while none came. More records than
   * `maxListRecords`, or past 2000 with no token (API v2), fail the read with a
   * CrmError instead of returning part of the list.
   */
  async listAll(
    module: ZohoModule,
    query: Record<string, string | undefined>,
    headers: RequestHeaders = {},
  ): Promise<NativeRecord[]> {
    const base = { ...query, per_page: '200' };
    const out: NativeRecord[] = [];
    let request: Record<string, string | undefined> = base;
    let page = 1;
    for (;;) {
      const parsed = await this.listPage(module, request, headers);
      if (!parsed) return out;
      out.push(...parsed.records);
      if (!parsed.more) return out;
      if (out.length >= this.maxListRecords) {
        throw new CrmError(
          'permanent',
          `GET ${module}: more than ${this.maxListRecords} records; a record list reads no further (Zoho's page tokens reach ${TOKEN_REACH})`,
        );
      }
      if (parsed.nextPageToken) {
        request = { ...base, page_token: parsed.nextPageToken };
      } else if (request['page_token'] === undefined && page < MAX_PAGES) {
        page += 1;
        request = { ...base, page: String(page) };
      } else {
        throw new CrmError(
          'permanent',
          `GET ${module}: more records after ${out.length} but no next_page_token to read them (page tokens need API v2.1 or later)`,
        );
      }
    }
  }

  /**
   * Every entry of a module's deleted-records list (`GET {Module}/deleted`,
   * `type=all`: the recycle bin and the permanently deleted), `page` by
   * `page` while `info.more_records` says so (no page tokens documented for
   * it), with `headers` (If-Modified-Since) on each. 204 / 304: none. More
   * entries than `maxListRecords` fail the read rather than stop short.
   */
  async listDeleted(module: ZohoModule, headers: RequestHeaders = {}): Promise<NativeRecord[]> {
    const out: NativeRecord[] = [];
    for (let page = 1; ; page += 1) {
      const parsed = await this.listPage(
        `${module}/deleted`,
        { type: 'all', page: String(page), per_page: '200' },
        headers,
      );
      if (!parsed) return out;
      out.push(...parsed.records);
      if (!parsed.more) return out;
      if (out.length >= this.maxListRecords)
        throw new CrmError(
          'permanent',
          `GET ${module}/deleted: more than ${this.maxListRecords} deleted records`,
        );
    }
  }

  /** One page of a list: its records, whether more follow, the token to them; null for 204 / 304. */
  private async listPage(
    path: string,
    query: Record<string, string | undefined>,
    headers: RequestHeaders,
  ): Promise<{ records: NativeRecord[]; more: boolean; nextPageToken: string | undefined } | null> {
    const response = await this.get(path, query, headers);
    if (response.status === 204 || response.status === 304) return null;
    const parsed = ListReply.safeParse(response.json);
    if (!parsed.success) throw new CrmError('retryable', `GET ${path}: unreadable Zoho reply`);
    const info = parsed.data.info;
    return {
      records: parsed.data.data,
      more: info?.more_records === true,
      nextPageToken: info?.next_page_token ?? undefined,
    };
  }

  search(
    module: ZohoModule,
    criteria: string,
    extra: Record<string, string> = {},
  ): Promise<NativeRecord[]> {
    return this.readAll(`${module}/search`, { criteria, ...extra });
  }

  async getRecord(module: ZohoModule, id: string): Promise<NativeRecord> {
    const response = await this.get(`${module}/${id}`);
    const parsed = ListReply.safeParse(response.json);
    const record = parsed.success ? parsed.data.data[0] : undefined;
    if (!record)
      throw new CrmError('permanent', `GET ${module}/${id}: no such record`, undefined, 204);
    return record;
  }

  /** One record per call, so a rejected one is named exactly (1 credit either way, §1.12). */
  async insert(
    module: ZohoModule,
    record: Record<string, unknown>,
    path: string = module,
  ): Promise<WriteOutcome> {
    const response = await this.http.send({
      method: 'POST',
      url: `${this.root}/${path}`.replace(/^\//, ''),
      json: { data: [record], trigger: [] },
    });
    return readWriteEntry(this.writeEntries(response, `POST ${path}`)[0], `POST ${path}`);
  }

  async update(module: ZohoModule, id: string, record: Record<string, unknown>): Promise<void> {
    const response = await this.http.send({
      method: 'PUT',
      url: `${this.root}/${module}/${id}`.replace(/^\//, ''),
      json: { data: [record], trigger: [] },
    });
    const outcome = readWriteEntry(
      this.writeEntries(response, `PUT ${module}/${id}`)[0],
      `PUT ${module}/${id}`,
    );
    if ('duplicateOf' in outcome)
      throw new CrmError(
        'permanent',
        `PUT ${module}/${id}: ${outcome.field} duplicates record ${outcome.duplicateOf}`,
      );
  }

  private writeEntries(response: HttpResponse, what: string): z.infer<typeof WriteReply>['data'] {
    const parsed = WriteReply.safeParse(response.json);
    if (!parsed.success)
      throw new CrmError('retryable', `${what}: unreadable Zoho reply (HTTP ${response.status})`);
    return parsed.data.data;
  }

  /** Raw GET for metadata endpoints whose bodies are not record lists. */
  async getJson(path: string, query: Record<string, string | undefined> = {}): Promise<unknown> {
    const response = await this.get(path, query);
    return response.status === 204 ? undefined : response.json;
  }
}
