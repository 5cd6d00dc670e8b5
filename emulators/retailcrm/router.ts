import type { ApiReply, ApiRequest } from './http.js';
import type { AccountState } from './state.js';

export interface Route {
  readonly method: 'GET' | 'POST';
  /** The route pattern, also the key of the request counts: `/api/v5/customers/{id}`. */
  readonly pattern: string;
  readonly handle: (
    req: ApiRequest,
    params: Record<string, string>,
    state: AccountState,
  ) => ApiReply | Promise<ApiReply>;
}

interface Compiled {
  readonly route: Route;
  readonly regex: RegExp;
  readonly names: string[];
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.pattern
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{(\w+)\}/g, (_all, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
      return { route, regex: new RegExp(`^${source}/?$`), names };
    });
  }

  /** The route for the path; `wrongMethod` when the path exists under another method (405). */
  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | 'wrongMethod' | null {
    let pathKnown = false;
    for (const { route, regex, names } of this.compiled) {
      const found = regex.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        pathKnown = true;
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1] ?? '')));
      return { route, params };
    }
    return pathKnown ? 'wrongMethod' : null;
  }
}
