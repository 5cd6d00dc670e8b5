import type { Org, SRecord } from './org.js';
import { malformed, Parser, parseTail, runQuery, tokenize } from './soql.js';

// SOSL subset: FIND {terms} [IN ALL|NAME|PHONE|EMAIL FIELDS] RETURNING Obj(fields [WHERE …] [ORDER BY …] [LIMIT n]), …
//
// Phone semantics (UNVERIFIED in crm-apis.md §4.5, the emulator's documented choice):
// a term matches a phone field when the term's digits equal the stored value's
// digits, punctuation ignored on both sides. So `0671234567` finds
// "067 123 4567" and `380671234567` finds "+38-067-123-4567", but no term
// finds a number stored with an international call prefix ("00380…") or
// with an extension ("… ext. 12") unless the term carries the same digits.
// Terms are OR-ed with `OR`; reserved characters are backslash-escaped.

const RESERVED = /\\([&|!(){}[\]^"~*?:\\'+-])/g;

export interface SearchRequest {
  readonly terms: string[];
  readonly scope: string;
  readonly returning: Array<{ type: string; spec: string }>;
  readonly limit: number | null;
}

export function parseSearch(text: string): SearchRequest {
  const trimmed = text.trim();
  if (!/^FIND\s*\{/i.test(trimmed)) throw malformed('SOSL must start with FIND {');
  let i = trimmed.indexOf('{') + 1;
  let body = '';
  while (i < trimmed.length && trimmed.charAt(i) !== '}') {
    if (trimmed.charAt(i) === '\\') {
      body += trimmed.slice(i, i + 2);
      i += 2;
    } else {
      body += trimmed.charAt(i++);
    }
  }
  if (trimmed.charAt(i) !== '}') throw malformed('missing } in FIND clause');
  if (/(^|[^\\])[{}]/.test(body)) throw malformed('reserved character not escaped in search term');
  const terms = body
    .split(/\s+OR\s+/i)
    .map((term) => term.replace(RESERVED, '$1').replace(/^"|"$/g, '').trim())
    .filter(Boolean);
  let rest = trimmed.slice(i + 1).trim();
  let scope = 'ALL';
  const scopeMatch = /^IN\s+(ALL|NAME|PHONE|EMAIL|SIDEBAR)\s+FIELDS\s*/i.exec(rest);
  if (scopeMatch) {
    scope = (scopeMatch[1] ?? 'ALL').toUpperCase();
    rest = rest.slice(scopeMatch[0].length);
  }
  const returning: SearchRequest['returning'] = [];
  let limit: number | null = null;
  if (/^RETURNING\s+/i.test(rest)) {
    rest = rest.replace(/^RETURNING\s+/i, '');
    while (rest.length > 0) {
      const m = /^(\w+)\s*/.exec(rest);
      if (!m?.[1]) break;
      if (m[1].toUpperCase() === 'LIMIT') break;
      rest = rest.slice(m[0].length);
      let spec = '';
      if (rest.startsWith('(')) {
        let depth = 0;
        let end = -1;
        for (let j = 0; j < rest.length; j++) {
          if (rest.charAt(j) === '(') depth++;
          if (rest.charAt(j) === ')' && --depth === 0) {
            end = j;
            break;
          }
        }
        if (end < 0) throw malformed('unbalanced parentheses in RETURNING');
        spec = rest.slice(1, end);
        rest = rest.slice(end + 1).trim();
      }
      returning.push({ type: m[1], spec });
      rest = rest.replace(/^,\s*/, '');
    }
  }
  const limitMatch = /^LIMIT\s+(\d+)\s*$/i.exec(rest);
  if (limitMatch) limit = Number(limitMatch[1]);
  else if (rest.length > 0) throw malformed(`unexpected token: '${rest.slice(0, 20)}'`);
  if (terms.length === 0) throw malformed('search term must be longer than one character');
  return { terms, scope, returning, limit };
}

const digitsOf = (text: string): string => text.replace(/\D/g, '');

export function runSearch(
  org: Org,
  request: SearchRequest,
): Array<{ type: string; record: SRecord }> {
  const results: Array<{ type: string; record: SRecord }> = [];
  const wanted =
    request.returning.length > 0
      ? request.returning
      : [
          { type: 'Contact', spec: 'Id' },
          { type: 'Lead', spec: 'Id' },
          { type: 'Account', spec: 'Id' },
        ];
  for (const { type: rawType, spec } of wanted) {
    const type = org.typeNamed(rawType);
    const phoneFields = org
      .fieldsOf(type)
      .filter((field) => field.type === 'phone')
      .map((field) => field.name);
    const textFields = org
      .fieldsOf(type)
      .filter((field) => ['string', 'email', 'textarea'].includes(field.type))
      .map((field) => field.name);
    const matches = (record: SRecord): boolean =>
      request.terms.some((term) => {
        const digits = digitsOf(term);
        const byPhone =
          request.scope !== 'NAME' &&
          request.scope !== 'EMAIL' &&
          digits.length >= 2 &&
          phoneFields.some(
            (name) => typeof record[name] === 'string' && digitsOf(String(record[name])) === digits,
          );
        if (byPhone) return true;
        if (request.scope === 'PHONE') return false;
        const needle = term.toLowerCase();
        return textFields.some(
          (name) =>
            typeof record[name] === 'string' &&
            String(record[name]).toLowerCase().split(/\W+/).includes(needle),
        );
      });
    const p = new Parser(tokenize(spec.trim() === '' ? 'Id' : spec));
    const fields = p.fieldList();
    const query = { fields, ...parseTail(p, type) };
    for (const row of runQuery(org, query, matches)) results.push({ type, record: row });
  }
  return results.slice(0, request.limit ?? 2000);
}
