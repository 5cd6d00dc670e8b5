import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';

// Request parsing and the CRM's reply forms (crm-apis.md §3.1–3.3).

export type Params = { [key: string]: Param };
export type Param = string | Param[] | Params;

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Params;
  readonly form: Params;
  readonly headers: IncomingMessage['headers'];
}

export interface ApiReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export const ok = (body: Record<string, unknown> = {}, status = 200): ApiReply => ({
  status,
  body: { success: true, ...body },
});
export const fail = (
  status: number,
  errorMsg: string,
  errors?: Record<string, string> | string[],
  extra?: Record<string, unknown>,
): ApiReply => ({
  status,
  body: { success: false, errorMsg, ...(errors && { errors }), ...extra },
});
export const notFound = (): ApiReply => fail(404, 'Not found');
export const invalid = (errors: Record<string, string>): ApiReply =>
  fail(400, 'Errors in the entity format', errors);

/** PHP-style brackets: `filter[ids][]=1`, `filter[ids][0]=1` (http_build_query), `filter[name]=x`. */
export function parseParams(search: URLSearchParams): Params {
  const root: Params = {};
  for (const [rawKey, value] of search) {
    const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(rawKey);
    if (!match) continue;
    const path = [
      match[1] ?? '',
      ...[...(match[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? ''),
    ];
    assign(root, path, value);
  }
  return root;
}

function assign(target: Params | Param[], path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const isArray = Array.isArray(target);
  const key = head === '' || (isArray && /^\d+$/.test(head)) ? null : head;
  if (rest.length === 0) {
    if (isArray) target.push(value);
    else if (key !== null) target[key] = value;
    return;
  }
  const wantsArray = rest[0] === '' || /^\d+$/.test(rest[0] ?? '');
  let child: Param | undefined;
  if (isArray) {
    child = wantsArray ? [] : {};
    target.push(child);
  } else if (key !== null) {
    child = target[key];
    if (child === undefined || typeof child === 'string')
      target[key] = child = wantsArray ? [] : {};
  }
  if (child !== undefined && typeof child !== 'string') assign(child, rest, value);
}

export function str(params: Params, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}

export function obj(params: Params, key: string): Params {
  const value = params[key];
  return value !== undefined && typeof value !== 'string' && !Array.isArray(value) ? value : {};
}

/** A filter list: `[]`, `[0]` or a single value. */
export function list(params: Params, key: string): string[] {
  const value = params[key];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (value && typeof value === 'object')
    return Object.values(value).filter((item): item is string => typeof item === 'string');
  return [];
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The form, or a JSON body read the same way (members that are objects count as JSON strings already parsed). */
export function parseForm(text: string, contentType: string | undefined): Params {
  if (contentType?.includes('application/json')) {
    try {
      const json: unknown = JSON.parse(text);
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        const out: Params = {};
        for (const [key, value] of Object.entries(json))
          out[key] = typeof value === 'string' ? value : JSON.stringify(value);
        return out;
      }
    } catch {
      return {};
    }
    return {};
  }
  return parseParams(new URLSearchParams(text));
}

/** The JSON entity inside one form field (`customer=<json>`), validated by the schema. */
export function entity<T>(
  form: Params,
  field: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; reply: ApiReply } {
  const raw = str(form, field);
  if (raw === undefined) return { ok: false, reply: fail(400, `Parameter '${field}' is missing`) };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reply: invalid({ [field]: 'This value is not valid JSON.' }) };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [first, ...rest] = issue.path.map(String);
    errors[first === undefined ? field : `${first}${rest.map((p) => `[${p}]`).join('')}`] =
      'This value is not valid.';
  }
  return { ok: false, reply: invalid(errors) };
}

const LIMITS = new Set([20, 50, 100]);

/** `page` / `limit` of §3.3, or the CRM's error for a limit outside its enum. */
export function paginate<T>(
  items: readonly T[],
  query: Params,
): { ok: true; page: T[]; pagination: Record<string, number> } | { ok: false; reply: ApiReply } {
  const limit = Number(str(query, 'limit') ?? 20);
  const page = Number(str(query, 'page') ?? 1);
  if (!LIMITS.has(limit))
    return {
      ok: false,
      reply: invalid({ limit: 'The value you selected is not a valid choice.' }),
    };
  if (!Number.isInteger(page) || page < 1)
    return {
      ok: false,
      reply: invalid({ page: 'This value should be greater than or equal to 1.' }),
    };
  const totalCount = items.length;
  return {
    ok: true,
    page: items.slice((page - 1) * limit, page * limit),
    pagination: {
      limit,
      totalCount,
      currentPage: page,
      totalPageCount: Math.max(1, Math.ceil(totalCount / limit)),
    },
  };
}
