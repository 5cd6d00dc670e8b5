import type { Acknowledgement } from '../common/source.js';

// Zadarma checks a notification URL by calling it with `?zd_echo=<random>` and
// expecting that value back as the plain body (telephony-sources.md §2.1). The
// check is unsigned; the answer reveals nothing but what was sent.

const ECHO = /^[\x21-\x7e]{1,256}$/;

/**
 * The answer to a URL check, or null when the request is none (then the route
 * answers as usual). `query` is the request's query string, with or without `?`,
 * or its full URL.
 */
export function zadarmaEcho(query: string): Acknowledgement | null {
  const start = query.indexOf('?');
  const search = start >= 0 ? query.slice(start + 1) : query;
  const value = new URLSearchParams(search.split('#')[0]).get('zd_echo');
  if (value === null || !ECHO.test(value)) return null;
  return { status: 200, contentType: 'text/plain; charset=utf-8', body: value };
}
