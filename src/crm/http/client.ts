import { CrmError, type CrmErrorKind } from '../port.js';
import { errorSummary } from './error-summary.js';
import type { HostRule } from './hosts.js';
import { ConnectionPacer } from './pacing.js';
import type { RequestCounter } from './request-tally.js';
import { parseRetryAfter } from './retry-after.js';
import { SingleFlight } from './single-flight.js';

// The one HTTP layer every CRM adapter uses: one attempt per call (the inbox
// owns retries), timeouts, pacing, token refresh, and status → error kind.
// It follows no redirect and asks `hosts` before every request (docs/security.md);
// each request sent is counted for its project (`requests`, request-tally.ts).

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL, or a path joined to the client's base URL. */
  readonly url: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
}

export interface HttpClientOptions {
  readonly baseUrl: string;
  /** Where requests may go; checked when each request is made, before credentials are added. */
  readonly hosts?: HostRule;
  /** Counts each request sent (after the host check): the project's CRM requests per hour. */
  readonly requests?: RequestCounter;
  readonly timeoutMs?: number;
  /** Requests per second the CRM allows; the pacer waits below it. */
  readonly ratePerSec?: number;
  /** The connection's pacer, shared with its other clients (pacing.ts sharedPacer); wins over ratePerSec. */
  readonly pacer?: ConnectionPacer;
  /** Is this response the CRM's "too many requests" (default: 429)? It slows the pacer and is sent again. */
  readonly isRateLimited?: (response: HttpResponse) => boolean;
  /** Adds the credentials to a request; called again after a refresh. */
  readonly authorize?: (headers: Record<string, string>, url: URL) => Promise<void> | void;
  /** Gets a new access token; shared by concurrent callers (no refresh storm). */
  readonly refresh?: () => Promise<void>;
  /** Is this response "the token expired, refresh and try once more"? */
  readonly isExpiredToken?: (response: HttpResponse) => boolean;
  /** Classifies a failed response; the default covers the usual statuses. */
  readonly classify?: (response: HttpResponse) => CrmErrorKind | null;
  /** Reads a CRM's own wait hint from a response (rate-limit headers). */
  readonly waitHintMs?: (response: HttpResponse) => number | undefined;
  /** Called after every response, for request counting in benchmarks. */
  readonly onResponse?: (request: HttpRequest, response: HttpResponse) => void;
}

export function defaultClassify(response: HttpResponse): CrmErrorKind | null {
  const { status } = response;
  if (status < 400) return null;
  if (status === 401) return 'reauth';
  if (status === 408 || status === 429 || status >= 500) return 'retryable';
  return 'permanent';
}

export class HttpClient {
  private readonly pacer: ConnectionPacer | null;
  private readonly refreshing = new SingleFlight<void>();

  constructor(private readonly options: HttpClientOptions) {
    this.pacer =
      options.pacer ??
      (options.ratePerSec
        ? new ConnectionPacer({ requests: options.ratePerSec, windowMs: 1000 })
        : null);
  }

  /** Sends the request; a 2xx comes back, anything else as a CrmError. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.answer(request);
    const kind = (this.options.classify ?? defaultClassify)(response);
    if (!kind) return response;
    const waitMs =
      this.options.waitHintMs?.(response) ??
      parseRetryAfter(response.headers.get('retry-after'), Date.now());
    // A rate limit (or a wait hint) slows the connection's pacer for everyone using it (issue 10).
    const limited =
      kind === 'retryable' && (this.options.isRateLimited ?? ((r) => r.status === 429))(response);
    if (limited || (kind === 'retryable' && waitMs !== undefined)) this.pacer?.limited(waitMs);
    // The CRM's own code and message only, never its body (docs/security.md).
    const summary = errorSummary(response.json);
    throw new CrmError(
      kind,
      `${request.method} ${request.url}: HTTP ${response.status}${summary ? ` ${summary}` : ''}`,
      waitMs,
      response.status,
    );
  }

  /** One answer, after one token refresh when the token had expired. */
  private async answer(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.paced(request);
    if (!this.options.refresh || !this.options.isExpiredToken?.(response)) return response;
    await this.refreshing.run(this.options.refresh);
    return this.paced(request);
  }

  private async paced(request: HttpRequest): Promise<HttpResponse> {
    const release = this.pacer ? await this.pacer.acquire() : null;
    try {
      const response = await this.once(request);
      this.pacer?.observe(response.headers);
      return response;
    } finally {
      release?.();
    }
  }

  private async once(request: HttpRequest): Promise<HttpResponse> {
    const url = new URL(
      request.url,
      this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`,
    );
    for (const [key, value] of Object.entries(request.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form as Record<string, string>).toString();
    }
    const refusal = this.options.hosts?.refusal(url);
    if (refusal)
      throw new CrmError('reauth', `${request.method} ${url.pathname}: not sent: ${refusal}`);
    await this.options.authorize?.(headers, url);
    this.options.requests?.count();
    let raw: Response;
    try {
      raw = await fetch(url, {
        method: request.method,
        headers,
        ...(body !== undefined && { body }),
        // A redirect would carry custom credential headers (x-api-token) to another host.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new CrmError(
        'retryable',
        `${request.method} ${url.pathname}: ${(error as Error).message}`,
      );
    }
    if (REDIRECTS.has(raw.status)) {
      await raw.body?.cancel();
      throw new CrmError(
        'reauth',
        `${request.method} ${url.pathname}: HTTP ${raw.status} redirect${redirectTarget(raw, url)} not followed: correct the connection's URL`,
      );
    }
    const text = await raw.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const response: HttpResponse = { status: raw.status, headers: raw.headers, text, json };
    this.options.onResponse?.(request, response);
    return response;
  }
}

/** 304 Not Modified is an answer (Zoho's If-Modified-Since reads), not a redirect. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** ` to https://host` of a redirect's Location: its origin only, the rest may carry anything. */
function redirectTarget(response: Response, from: URL): string {
  const location = response.headers.get('location');
  if (!location) return '';
  try {
    return ` to ${new URL(location, from).origin}`;
  } catch {
    return '';
  }
}
