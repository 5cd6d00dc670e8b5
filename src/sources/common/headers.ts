/** Request headers as Node and Fastify hand them over (lower-case names). */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * One header's value, looked up case-insensitively. A repeated header yields
 * its first value: a signature scheme that reads "the" header must not be
 * able to pick a different copy from the one a proxy forwarded.
 */
export function header(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}
