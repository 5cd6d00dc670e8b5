import type { HttpClientOptions } from './client.js';
import { sharedPacer, type RateLimits } from './pacing.js';

// What every CRM client hands each of its HttpClients from its own options,
// written once instead of once per client (issue 9: no idiom copied across
// the adapters).

/** The transport settings a CRM client's options carry. */
export interface TransportOptions {
  readonly hosts?: HttpClientOptions['hosts'];
  readonly requests?: HttpClientOptions['requests'];
  readonly timeoutMs?: number;
}

/** Where requests may go, how they are counted and how long one may take: as given, absent when not. */
export function transport(
  options: TransportOptions,
): Pick<HttpClientOptions, 'hosts' | 'requests' | 'timeoutMs'> {
  return {
    ...(options.hosts && { hosts: options.hosts }),
    ...(options.requests && { requests: options.requests }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  };
}

/**
 * A fixed rate when the options name one (tests, benchmarks), else the
 * connection's pacer at the CRM's documented limits, shared by every client
 * of the same account in this process.
 */
export function pacing(
  options: { readonly ratePerSec?: number },
  baseUrl: string,
  credentials: unknown,
  limits: RateLimits,
): Pick<HttpClientOptions, 'ratePerSec' | 'pacer'> {
  return options.ratePerSec !== undefined
    ? { ratePerSec: options.ratePerSec }
    : { pacer: sharedPacer(baseUrl, JSON.stringify(credentials), limits) };
}
