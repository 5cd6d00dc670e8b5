import type { IncomingMessage, ServerResponse } from 'node:http';

// Request parsing and Pipedrive's own envelopes (crm-apis.md §2.3).

export const ERROR_INFO =
  'Please check developers.pipedrive.com for more information about Pipedrive API.';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class PdError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const fail = (status: number, message: string): never => {
  throw new PdError(status, message);
};

export function errorBody(message: string): Record<string, unknown> {
  return {
    success: false,
    error: message,
    error_info: ERROR_INFO,
    data: null,
    additional_data: null,
  };
}

export function unauthorizedBody(): Record<string, unknown> {
  return { success: false, error: 'unauthorized access', errorCode: 401, error_info: ERROR_INFO };
}

export const ok = (data: unknown, additional?: Record<string, unknown>, status = 200): Reply => ({
  status,
  body: { success: true, data, ...(additional && { additional_data: additional }) },
});

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON or form bodies, both of which the v1 API takes; anything else (multipart) as an empty object. */
export function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (raw.length === 0) return {};
  const text = raw.toString('utf8');
  if ((contentType ?? '').includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  if ((contentType ?? '').includes('multipart/form-data')) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through: the API answers 400 for a body it cannot read
  }
  return fail(400, 'Request body is not valid JSON');
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body !== undefined) headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers);
  res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}

export interface Route<C> {
  readonly method: string;
  readonly pattern: string;
  readonly parts: readonly string[];
  readonly handle: (ctx: C, params: Record<string, string>) => Reply | Promise<Reply>;
}

export function route<C>(method: string, pattern: string, handle: Route<C>['handle']): Route<C> {
  return { method, pattern, parts: pattern.split('/').filter(Boolean), handle };
}

export function match<C>(
  routes: readonly Route<C>[],
  method: string,
  path: string,
): { route: Route<C>; params: Record<string, string> } | null {
  const parts = path.split('/').filter(Boolean);
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.parts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let good = true;
    candidate.parts.forEach((part, index) => {
      const actual = parts[index] ?? '';
      if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
      else if (part !== actual) good = false;
    });
    if (good) return { route: candidate, params };
  }
  return null;
}

// Field readers for request bodies: Pipedrive validates types and names the field in `error`.

export function str(
  body: Record<string, unknown>,
  name: string,
  required = false,
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '')
    return required ? fail(400, `${name} is required`) : undefined;
  if (typeof value !== 'string') return fail(400, `${name} must be a string`);
  return value;
}

export function int(body: Record<string, unknown>, name: string): number | null | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(n) || n <= 0) return fail(400, `${name} must be a positive integer`);
  return n;
}

export function bool(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return fail(400, `${name} must be a boolean`);
}

/** v2 lists: `limit` (≤ 500) + opaque `cursor`. */
export function cursorPage<T>(items: readonly T[], query: URLSearchParams): Reply {
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 100) || 100, 1), 500);
  const cursor = query.get('cursor');
  const start = cursor
    ? Number(
        Buffer.from(cursor, 'base64url')
          .toString('utf8')
          .replace(/^offset:/, ''),
      ) || 0
    : 0;
  const page = items.slice(start, start + limit);
  const next =
    start + limit < items.length
      ? Buffer.from(`offset:${start + limit}`).toString('base64url')
      : null;
  return ok(page, { next_cursor: next });
}

/** v1 lists: `start` + `limit` (≤ max). */
export function offsetPage<T>(items: readonly T[], query: URLSearchParams, max = 500): Reply {
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 100) || 100, 1), max);
  const start = Math.max(Number(query.get('start') ?? 0) || 0, 0);
  const page = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return ok(page, {
    pagination: {
      start,
      limit,
      more_items_in_collection: more,
      ...(more && { next_start: start + limit }),
    },
  });
}
