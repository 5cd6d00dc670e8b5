import { useEffect, useState } from 'preact/hooks';

// Hash routes (#/projects/acme/matrix): the server serves one page at /, and a reload keeps
// the place.

export type Route =
  | { readonly page: 'projects' }
  | { readonly page: 'new' }
  | { readonly page: 'project'; readonly project: string; readonly tab: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { page: 'new' };
  if (parts[0] === 'projects' && parts[1])
    return { page: 'project', project: parts[1], tab: parts[2] ?? 'overview' };
  return { page: 'projects' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'projects':
      return '#/projects';
    case 'new':
      return '#/new';
    case 'project':
      return `#/projects/${encodeURIComponent(route.project)}/${route.tab}`;
  }
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
