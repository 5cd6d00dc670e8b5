import type { Problem } from '../../domain/problems.js';

// RFC 9457 `application/problem+json` bodies (service.md §4, style.md §2.11):
// one closed union of `type` URNs, one helper that builds every error body.

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const KINDS = {
  'invalid-events': { status: 422, title: 'Invalid events' },
  'invalid-document': { status: 422, title: 'Invalid project document' },
  'invalid-request': { status: 400, title: 'Invalid request' },
  'replay-refused': { status: 422, title: 'Replay refused' },
  'not-json': { status: 400, title: 'Body is not JSON' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  'not-implemented': { status: 501, title: 'Not implemented' },
  'crm-unavailable': { status: 502, title: 'The CRM did not answer as expected' },
  'store-unavailable': { status: 503, title: 'Store unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof KINDS;
export type ProblemType = `urn:callmatrix:${ProblemKind}`;
export const PROBLEM_KINDS = Object.keys(KINDS) as ProblemKind[];

export interface ProblemBody {
  readonly type: ProblemType;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly problems?: readonly Problem[];
  /** On `rate-limited` and `store-unavailable`: the same value as the `Retry-After` header. */
  readonly retryAfterSec?: number;
}

export interface ProblemOptions {
  /** Human-readable; never a secret, never another project's data. Defaults to "N problems" when `problems` are given. */
  readonly detail?: string;
  readonly problems?: readonly Problem[];
  readonly retryAfterSec?: number;
}

export function problemBody(kind: ProblemKind, options: ProblemOptions = {}): ProblemBody {
  const { status, title } = KINDS[kind];
  const { problems, retryAfterSec } = options;
  const detail = options.detail ?? (problems ? countProblems(problems.length) : undefined);
  return {
    type: `urn:callmatrix:${kind}`,
    title,
    status,
    ...(detail !== undefined && { detail }),
    ...(problems !== undefined && {
      problems: problems.map(({ path, message }) => ({ path, message })),
    }),
    ...(retryAfterSec !== undefined && { retryAfterSec }),
  };
}

/** The HTTP status of a kind, for routes that set it before building the body. */
export function problemStatus(kind: ProblemKind): number {
  return KINDS[kind].status;
}

function countProblems(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}
