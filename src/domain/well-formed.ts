import { formatPath, type Problem } from './problems.js';

// Issue 11 item 3: a string with a lone UTF-16 surrogate cannot be stored as
// text (SQLite and PostgreSQL write U+FFFD in its place), so an event id read
// back no longer matches the one sent, and the event was claimed forever.
// Such strings are refused where an event enters.

// With the `u` flag a surrogate pair is one code point, so only lone halves match.
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` is valid Unicode (no lone surrogate). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Every string (member names included) of a parsed JSON value that is not valid Unicode, by path. */
export function illFormedStrings(value: unknown, path: readonly PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: unknown, at: readonly PropertyKey[]): void => {
    if (typeof node === 'string') {
      if (!isWellFormed(node))
        problems.push({ path: formatPath(at), message: 'not valid Unicode (a lone surrogate)' });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...at, index]));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        if (!isWellFormed(key))
          problems.push({
            path: formatPath([...at, key]),
            message: 'member name not valid Unicode (a lone surrogate)',
          });
        visit(item, [...at, key]);
      }
    }
  };
  visit(value, path);
  return problems;
}
