import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time (service.md §3). Both sides are
 * hashed first so that neither the content nor the length of the expected
 * value leaks through timing; `timingSafeEqual` alone throws on unequal lengths.
 */
export function secretsEqual(given: string | Uint8Array, expected: string | Uint8Array): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
