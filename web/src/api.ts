import { createApiClient, type ApiClient, type Schemas } from '../../api-client/index';

// The page talks to /v1 on its own origin through the client generated from the OpenAPI
// document: every path, body and answer type below is the API's own.

export type { ApiClient, Schemas };
export type Problem = Schemas['Problem'];

export function apiFor(key: string): ApiClient {
  return createApiClient({ baseUrl: '', key });
}

/** An API refusal in words: the title and detail, then each problem with the field it names. */
export function problemText(problem: unknown): string {
  if (!problem || typeof problem !== 'object') return String(problem);
  const p = problem as Partial<Problem>;
  const head = [p.title, p.detail].filter(Boolean).join(': ');
  const lines = (p.problems ?? []).map((item) =>
    item.path ? `${item.path}: ${item.message}` : item.message,
  );
  return [head, ...lines].filter(Boolean).join('\n');
}

/** The problems of a refusal by the JSON path they name, for showing next to each field. */
export function problemsByPath(problem: unknown): Map<string, string> {
  const map = new Map<string, string>();
  const items = (problem as Partial<Problem> | null)?.problems ?? [];
  for (const item of items) map.set(item.path, item.message);
  return map;
}
