import { useEffect, useState } from 'preact/hooks';

// Hash routes (#/projects/acme/matrix): the server serves one page at /, and a reload keeps
// the place.

export type Route =
  | { readonly page: 'projects' }
  /** The new-project wizard: a project once its first step has created it, and the step. */
  | { readonly page: 'new'; readonly project: string | null; readonly step: string }
  | {
      readonly page: 'project';
      readonly project: string;
      readonly tab: string;
      /** A part of the tab, e.g. the settings' stop-list. */
      readonly section?: string;
    };

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .replace(/\?.*$/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  if (parts[0] === 'new')
    return { page: 'new', project: parts[1] ?? null, step: parts[2] ?? 'crm' };
  if (parts[0] === 'projects' && parts[1])
    return {
      page: 'project',
      project: parts[1],
      tab: parts[2] ?? 'overview',
      ...(parts[3] && { section: parts[3] }),
    };
  return { page: 'projects' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'projects':
      return '#/projects';
    case 'new':
      return route.project ? `#/new/${encodeURIComponent(route.project)}/${route.step}` : '#/new';
    case 'project':
      return `#/projects/${encodeURIComponent(route.project)}/${route.tab}${
        route.section ? `/${encodeURIComponent(route.section)}` : ''
      }`;
  }
}

/** The query after the route (`#/projects/acme/connection?oauth=connected`): OAuth's way back. */
export function routeQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
