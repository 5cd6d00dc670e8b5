import { handleApi, type ApiContext, type ApiResponse } from './api.js';
import { SfFailure } from './org.js';

// POST /composite (crm-apis.md §4.11): up to 25 subrequests run in order, a
// later one naming an earlier result as @{referenceId.path}. With allOrNone a
// failure rolls every write back; the others then report PROCESSING_HALTED.

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
}

const bad = (message: string): SfFailure =>
  new SfFailure(400, [{ errorCode: 'JSON_PARSER_ERROR', message }]);

export function handleComposite(
  ctx: ApiContext,
  rawBody: unknown,
  headers: Record<string, string | undefined>,
): ApiResponse {
  const body = rawBody as { allOrNone?: unknown; compositeRequest?: unknown } | null;
  if (!body || !Array.isArray(body.compositeRequest)) throw bad('compositeRequest is required');
  const requests = body.compositeRequest as Subrequest[];
  if (requests.length > 25)
    throw new SfFailure(400, [
      {
        errorCode: 'INVALID_BATCH_REQUEST',
        message: 'Composite request may contain at most 25 subrequests',
      },
    ]);
  const allOrNone = body.allOrNone === true;
  const before = structuredClone(ctx.org.records);
  const logged = ctx.org.deleteLog.length;
  const results = new Map<string, unknown>();
  const responses: Array<{
    body: unknown;
    httpHeaders: Record<string, string>;
    httpStatusCode: number;
    referenceId: string;
  }> = [];
  let failed = false;
  for (const sub of requests) {
    if (failed && allOrNone) {
      responses.push({
        body: [
          {
            errorCode: 'PROCESSING_HALTED',
            message:
              'The transaction was rolled back since another operation in the same transaction failed.',
          },
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: sub.referenceId,
      });
      continue;
    }
    let answer: ApiResponse;
    try {
      const url = new URL(substitute(sub.url, results) as string, 'http://composite');
      const m = /^\/services\/data\/v(\d+\.\d+)(\/.*)?$/.exec(url.pathname.replace(/\/$/, ''));
      if (!m)
        throw new SfFailure(404, [
          { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
        ]);
      answer = handleApi(ctx, {
        method: sub.method.toUpperCase(),
        version: m[1] ?? '59.0',
        path: m[2] ?? '',
        query: url.searchParams,
        headers,
        body: substitute(sub.body, results),
      });
    } catch (error) {
      if (!(error instanceof SfFailure)) throw error;
      answer = { status: error.status, body: error.errors };
    }
    if (answer.status >= 400) failed = true;
    else results.set(sub.referenceId, answer.body);
    responses.push({
      body: answer.body ?? null,
      httpHeaders: answer.headers ?? {},
      httpStatusCode: answer.status,
      referenceId: sub.referenceId,
    });
  }
  if (failed && allOrNone) {
    ctx.org.records.clear();
    for (const [type, map] of before) ctx.org.records.set(type, map);
    ctx.org.deleteLog.length = logged;
    for (const response of responses) {
      if (response.httpStatusCode < 400)
        Object.assign(response, {
          httpStatusCode: 400,
          body: [
            {
              errorCode: 'PROCESSING_HALTED',
              message:
                'The transaction was rolled back since another operation in the same transaction failed.',
            },
          ],
        });
    }
  }
  return { status: 200, body: { compositeResponse: responses } };
}

/** Replaces @{ref.path} in strings, anywhere in a value. */
function substitute(value: unknown, results: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /@\{([\w]+)((?:\.\w+|\[\d+\])*)\}/g,
      (_whole, ref: string, path: string) => {
        let current: unknown = results.get(ref);
        if (current === undefined)
          throw bad(`Invalid reference specified. No value for ${ref} found`);
        for (const step of path.match(/\.\w+|\[\d+\]/g) ?? []) {
          const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
          current = (current as Record<string | number, unknown> | null)?.[key];
        }
        return String(current);
      },
    );
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, results));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]));
  return value;
}
