import type { z } from 'zod';
import type { Event } from '../../domain/events.js';
import { problemsFromZod, type Parsed } from '../../domain/problems.js';
import type { RequestHeaders } from './headers.js';

// The one contract every telephony format implements (style.md §2.2), so the
// service mounts `POST /v1/projects/{project}/sources/{name}` the same way for all.

/** Why a request was refused. For logs only: the answer is the same 401 for every reason (service.md §3). */
export type Refusal =
  | 'no-secret'
  | 'missing-signature'
  | 'bad-signature'
  | 'stale-timestamp'
  | 'malformed'
  | 'replayed-signature';

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: Refusal };

export const ACCEPTED: Verdict = { ok: true };
export function refused(reason: Refusal): Verdict {
  return { ok: false, reason };
}

export interface ParseContext {
  /** When the request arrived: the event time when the platform sends none. */
  readonly receivedAt: Date;
  /** The project's IANA timezone, for platforms that send wall-clock times without an offset. */
  readonly timezone: string;
}

/** What the platform expects as the answer to a callback it delivered. */
export interface Acknowledgement {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * For platforms whose signatures cover too little to stand alone (Zadarma):
 * a record of accepted signatures, one per service, consulted after `verify`.
 */
export interface ReplayGuard {
  admit(projectId: string, raw: Uint8Array, headers: RequestHeaders, now: Date): Verdict;
}

export interface Source<Settings> {
  readonly name: string;
  /** The project document's `sources.<name>` member. */
  readonly settings: z.ZodType<Settings>;
  /**
   * Checks the platform's signature on the raw body bytes, before anything is
   * parsed (style.md §2.12). `url` is the request's own absolute URL
   * (scheme, host, path, query) as the service received it.
   */
  verify(
    raw: Uint8Array,
    headers: RequestHeaders,
    settings: Settings,
    url: string,
    now: Date,
  ): Verdict;
  /** The callback as native events (scenario-format §3); several, one or none. Problems name the platform's fields. */
  parse(raw: Uint8Array, settings: Settings, context: ParseContext): Parsed<Event[]>;
  readonly acknowledgement: Acknowledgement;
  /** A new replay record, for a platform that needs one (one per mounted route). */
  readonly replayGuard?: () => ReplayGuard;
}

/** A source with a project's settings already applied: what a route holds. */
export interface BoundSource {
  readonly name: string;
  verify(raw: Uint8Array, headers: RequestHeaders, url: string, now: Date): Verdict;
  parse(raw: Uint8Array, context: ParseContext): Parsed<Event[]>;
  readonly acknowledgement: Acknowledgement;
}

/**
 * Validates a project's `sources.<name>` member and binds it, so the caller
 * need not know each source's settings type. Problems are prefixed with
 * `sources.<name>`.
 */
export function bindSource<Settings>(
  source: Source<Settings>,
  settings: unknown,
): Parsed<BoundSource> {
  const parsed = source.settings.safeParse(settings);
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error, ['sources', source.name]) };
  const value = parsed.data;
  return {
    ok: true,
    value: {
      name: source.name,
      verify: (raw, headers, url, now) => source.verify(raw, headers, value, url, now),
      parse: (raw, context) => source.parse(raw, value, context),
      acknowledgement: source.acknowledgement,
    },
  };
}
