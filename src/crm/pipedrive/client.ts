import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { HttpClient, type HttpRequest, type HttpResponse } from '../http/client.js';
import type { HostRule } from '../http/hosts.js';
import type { RequestCounter } from '../http/request-tally.js';
import { pacing, transport } from '../http/client-options.js';
import type { RateLimits } from '../http/pacing.js';
import { SingleFlight } from '../http/single-flight.js';
import { CrmError } from '../port.js';
import type { PipedriveConnection } from './connection.js';
import { classifyOAuth, classifyPipedrive, pipedriveWaitMs } from './errors.js';

// The only place that speaks HTTP to Pipedrive (crm-apis.md §2.1–2.3): the two
// connection forms of service.md §2, the envelopes, and the paging helpers.

/**
 * Pipedrive's burst limit (crm-apis.md §2.14): requests per token in a rolling
 * 2-second window, 20 on the smallest plan (80 on Professional). Paced from 20
 * until the first answer's x-ratelimit-limit names the account's own figure.
 * The daily token budget: a 429 with x-daily-ratelimit-token-remaining 0
 * pauses the whole connection for an hour (errors.ts pipedriveWaitMs).
 */
export const PIPEDRIVE_LIMITS: RateLimits = {
  requests: 20,
  windowMs: 2000,
  limitHeader: 'x-ratelimit-limit',
};

export interface PipedriveClientOptions {
  /** Where requests may go (docs/security.md); the service always passes its rule. */
  readonly hosts?: HostRule;
  /** Counts each request sent, for the project's requests per hour (the service passes its tally's counter). */
  readonly requests?: RequestCounter;
  /** Requests per second instead of the connection's shared pacing (PIPEDRIVE_LIMITS); for tests. */
  readonly ratePerSec?: number;
  readonly timeoutMs?: number;
}

const EnvelopeSchema = z.looseObject({
  success: z.boolean(),
  data: z.unknown().optional(),
  additional_data: z
    .looseObject({
      next_cursor: z.string().nullable().optional(),
      pagination: z
        .looseObject({
          more_items_in_collection: z.boolean().optional(),
          next_start: z.number().optional(),
        })
        .optional(),
    })
    .nullable()
    .optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

const TokenSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().optional(),
  api_domain: z.string().optional(),
});

/** Which access token a request went out with: lets a late 401 skip a refresh already done. */
const sentWith = new AsyncLocalStorage<{ token: string | null }>();

export class PipedriveClient {
  private readonly http: HttpClient;
  private readonly oauthHttp: HttpClient | null;
  private readonly granting = new SingleFlight<void>();
  private accessToken: string | null = null;
  private readonly hosts: HostRule | undefined;
  private refreshToken: string | null = null;
  /** The API's address; with OAuth, the `api_domain` of the last grant. */
  private apiBase: string;

  /** The connection with its URLs' trailing slashes dropped. */
  readonly connection: PipedriveConnection;
  private readonly oauth: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly refreshToken: string;
  } | null;

  constructor(connection: PipedriveConnection, options: PipedriveClientOptions = {}) {
    const trim = (value: string): string => value.replace(/\/+$/, '');
    this.connection = {
      ...connection,
      baseUrl: trim(connection.baseUrl),
      ...(connection.oauthUrl !== undefined && { oauthUrl: trim(connection.oauthUrl) }),
    };
    connection = this.connection;
    this.apiBase = connection.baseUrl;
    const { credentials, oauthUrl } = connection;
    const oauth = 'refreshToken' in credentials && oauthUrl !== undefined ? credentials : null;
    this.oauth = oauth;
    this.hosts = options.hosts;
    this.refreshToken = oauth?.refreshToken ?? null;
    this.oauthHttp =
      oauth && oauthUrl !== undefined
        ? new HttpClient({ baseUrl: oauthUrl, ...transport(options), classify: classifyOAuth })
        : null;
    this.http = new HttpClient({
      baseUrl: connection.baseUrl,
      ...transport(options),
      ...pacing(options, connection.baseUrl, connection.credentials, PIPEDRIVE_LIMITS),
      classify: classifyPipedrive,
      waitHintMs: (response) => pipedriveWaitMs(response),
      authorize: (headers) => this.authorize(headers),
      ...(oauth && {
        refresh: () => this.refreshAfter401(),
        isExpiredToken: (response: HttpResponse) => response.status === 401,
      }),
    });
  }

  /** `/api/v1/…` or `/api/v2/…` joined to the API's address. */
  apiUrl(path: string): string {
    return `${this.apiBase}${path}`;
  }

  /** One request; a 2xx comes back as the parsed envelope, anything else as a CrmError. */
  async call(request: HttpRequest): Promise<Envelope> {
    const response = await sentWith.run({ token: null }, () =>
      this.http.send({ ...request, url: this.apiUrl(request.url) }),
    );
    const parsed = EnvelopeSchema.safeParse(response.json);
    if (!parsed.success)
      throw new CrmError(
        'retryable',
        `${request.method} ${request.url}: HTTP ${response.status}, not a Pipedrive envelope`,
      );
    return parsed.data;
  }

  /** Every page of a v2 list (cursor paging, crm-apis.md §2.3). */
  async listV2(
    path: string,
    query: Record<string, string | number | undefined> = {},
  ): Promise<unknown[]> {
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.call({
        method: 'GET',
        url: path,
        query: { ...query, limit: 500, cursor },
      });
      if (Array.isArray(page.data)) items.push(...(page.data as unknown[]));
      cursor = page.additional_data?.next_cursor ?? undefined;
    } while (cursor);
    return items;
  }

  /** Every page of a v1 list (start/limit paging). */
  async listV1(
    path: string,
    query: Record<string, string | number | undefined> = {},
    limit = 500,
  ): Promise<unknown[]> {
    const items: unknown[] = [];
    let start: number | undefined = 0;
    while (start !== undefined) {
      const page = await this.call({ method: 'GET', url: path, query: { ...query, start, limit } });
      if (Array.isArray(page.data)) items.push(...(page.data as unknown[]));
      const pagination = page.additional_data?.pagination;
      start = pagination?.more_items_in_collection ? pagination.next_start : undefined;
    }
    return items;
  }

  private async authorize(headers: Record<string, string>): Promise<void> {
    const connection = this.connection;
    if ('apiToken' in connection.credentials) {
      headers['x-api-token'] = connection.credentials.apiToken;
      return;
    }
    if (!this.accessToken) await this.granting.run(() => this.grant());
    const token = this.accessToken ?? '';
    const slot = sentWith.getStore();
    if (slot) slot.token = token;
    headers['authorization'] = `Bearer ${token}`;
  }

  private apiDomainRefusal(apiDomain: string): string | null {
    let url: URL;
    try {
      url = new URL(apiDomain);
    } catch {
      return 'not a URL';
    }
    return this.hosts?.refusal(url) ?? null;
  }

  /** Called by HttpClient on a 401: refresh unless another caller already did since this request went out. */
  private async refreshAfter401(): Promise<void> {
    const slot = sentWith.getStore();
    if (slot && slot.token !== this.accessToken) return;
    await this.granting.run(() => this.grant());
  }

  /** `POST {oauthUrl}/oauth/token`, refresh-token grant with Basic client auth (crm-apis.md §2.2, §6). */
  private async grant(): Promise<void> {
    if (!this.oauthHttp || !this.oauth) return;
    const { clientId, clientSecret } = this.oauth;
    const response = await this.oauthHttp.send({
      method: 'POST',
      url: '/oauth/token',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      },
      form: {
        grant_type: 'refresh_token',
        refresh_token: this.refreshToken ?? this.oauth.refreshToken,
      },
    });
    const token = TokenSchema.safeParse(response.json);
    if (!token.success)
      throw new CrmError(
        'retryable',
        `Pipedrive token endpoint: HTTP ${response.status}, no access_token in the answer`,
      );
    // A host learned at run time is held to the connection's rule before any token goes there.
    const refusal = token.data.api_domain ? this.apiDomainRefusal(token.data.api_domain) : null;
    if (refusal)
      throw new CrmError('reauth', `the token answer's api_domain may not be called: ${refusal}`);
    this.accessToken = token.data.access_token;
    if (token.data.refresh_token) this.refreshToken = token.data.refresh_token;
    if (token.data.api_domain) this.apiBase = token.data.api_domain.replace(/\/+$/, '');
  }
}
