import type { FieldMeta } from './fields.js';
import type { NativeRecord } from './state.js';

// Search semantics of `GET /crm/{v}/{Module}/search` (crm-apis.md §1.4).
//
// Phone fields (UNVERIFIED choice, §1.4 leaves phone normalisation open):
// values are compared by DIGITS: spaces, dashes, dots, brackets and a leading
// '+' in the stored value or the searched value are ignored; nothing else is.
// `equals` behaves like "contains", as Zoho documents it for criteria (and
// `not_equal` is its negation): `(Phone:equals:1234567)` finds "067 123 4567".
// `in` and `?phone=` compare the whole number, so a number stored with its
// international call prefix ("00380 67 …") is found by `equals` only.
// Text fields: `equals` behaves like "contains" (case-insensitive).

export type Condition = {
  field: string;
  op: 'equals' | 'not_equal' | 'starts_with' | 'in';
  values: string[];
};
export type Criteria =
  | { kind: 'cond'; cond: Condition }
  | { kind: 'group'; joins: Array<'and' | 'or'>; parts: Criteria[] };

export class CriteriaError extends Error {}

const OPS = ['equals', 'not_equal', 'starts_with', 'in'] as const;
const MAX_CONDITIONS = 10;
const MAX_IN_VALUES = 100;

export function parseCriteria(text: string): Criteria {
  let at = 0;
  let conditions = 0;
  const expect = (char: string): void => {
    if (text[at] !== char) throw new CriteriaError(`expected "${char}" at ${at}`);
    at += 1;
  };
  const group = (): Criteria => {
    expect('(');
    if (text[at] !== '(') {
      const start = at;
      while (at < text.length && text[at] !== ')') at += text[at] === '\\' ? 2 : 1;
      const cond = condition(text.slice(start, at));
      expect(')');
      conditions += 1;
      return { kind: 'cond', cond };
    }
    const parts: Criteria[] = [group()];
    const joins: Array<'and' | 'or'> = [];
    while (text[at] !== ')') {
      const join = /^(and|or)/i.exec(text.slice(at))?.[1]?.toLowerCase();
      if (join !== 'and' && join !== 'or')
        throw new CriteriaError(`expected "and" or "or" at ${at}`);
      at += join.length;
      joins.push(join);
      parts.push(group());
    }
    expect(')');
    return { kind: 'group', joins, parts };
  };
  const parsed = group();
  if (at !== text.length) throw new CriteriaError(`unexpected text at ${at}`);
  if (conditions > MAX_CONDITIONS)
    throw new CriteriaError(`more than ${MAX_CONDITIONS} conditions`);
  return parsed;
}

function condition(text: string): Condition {
  const first = text.indexOf(':');
  const second = text.indexOf(':', first + 1);
  if (first <= 0 || second < 0) throw new CriteriaError(`"${text}" is no field:operator:value`);
  const field = text.slice(0, first);
  const op = text.slice(first + 1, second) as Condition['op'];
  if (!OPS.includes(op)) throw new CriteriaError(`unsupported operator "${op}"`);
  const raw = text.slice(second + 1);
  const values = (op === 'in' ? splitUnescaped(raw) : [raw]).map(unescape);
  if (values.length > MAX_IN_VALUES)
    throw new CriteriaError(`"in" takes up to ${MAX_IN_VALUES} values`);
  return { field, op, values };
}

function splitUnescaped(raw: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i] ?? '';
    if (char === '\\') {
      current += char + (raw[i + 1] ?? '');
      i += 1;
    } else if (char === ',') {
      out.push(current);
      current = '';
    } else current += char;
  }
  out.push(current);
  return out;
}

const unescape = (value: string): string => value.replace(/\\(.)/g, '$1');

const fieldIn = (fields: readonly FieldMeta[], apiName: string): FieldMeta | undefined =>
  fields.find((field) => field.api_name === apiName);

/** Fields a criteria may name on the module (its `fields`): its own fields and `id`. */
export function unknownFields(criteria: Criteria, fields: readonly FieldMeta[]): string[] {
  if (criteria.kind === 'cond') {
    const { field } = criteria.cond;
    return field === 'id' || fieldIn(fields, field) || /^[A-Za-z][A-Za-z0-9_]*$/.test(field)
      ? []
      : [field];
  }
  return criteria.parts.flatMap((part) => unknownFields(part, fields));
}

export function matches(
  record: NativeRecord,
  criteria: Criteria,
  fields: readonly FieldMeta[],
): boolean {
  if (criteria.kind === 'cond') return matchCondition(record, criteria.cond, fields);
  let result = matches(record, criteria.parts[0] as Criteria, fields);
  criteria.joins.forEach((join, index) => {
    const next = matches(record, criteria.parts[index + 1] as Criteria, fields);
    result = join === 'and' ? result && next : result || next;
  });
  return result;
}

function matchCondition(
  record: NativeRecord,
  cond: Condition,
  fields: readonly FieldMeta[],
): boolean {
  const stored = storedText(record, cond.field);
  const type = cond.field === 'id' ? 'id' : (fieldIn(fields, cond.field)?.data_type ?? 'text');
  const one = (value: string): boolean => {
    if (stored === null) return false;
    if (type === 'phone') {
      if (cond.op === 'starts_with') return digits(stored).startsWith(digits(value));
      return cond.op === 'in' ? samePhoneDigits(stored, value) : phoneContains(stored, value);
    }
    if (type === 'id' || type === 'lookup' || type === 'ownerlookup') return stored === value;
    const a = stored.toLowerCase();
    const b = value.toLowerCase();
    return cond.op === 'starts_with' ? a.startsWith(b) : a.includes(b);
  };
  const any = cond.values.some(one);
  return cond.op === 'not_equal' ? !any : any;
}

function storedText(record: NativeRecord, field: string): string | null {
  const value = record[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string')
    return value.id;
  return null;
}

const digits = (text: string): string => text.replace(/[\s().\-+]/g, '');

/** `in` and `?phone=` (the choice documented at the top): digits only, whole number. */
export function samePhoneDigits(stored: string, searched: string): boolean {
  const wanted = digits(searched);
  return wanted.length >= 2 && digits(stored) === wanted;
}

/** Criteria `equals` on a phone field: the searched digits anywhere in the stored ones. */
function phoneContains(stored: string, searched: string): boolean {
  const wanted = digits(searched);
  return wanted.length >= 2 && digits(stored).includes(wanted);
}

/** `?phone=`: every phone-type field of the module (§1.4). */
export function matchesPhone(
  record: NativeRecord,
  fields: readonly FieldMeta[],
  searched: string,
): boolean {
  return fields.some((field) => {
    const value = record[field.api_name];
    return (
      field.data_type === 'phone' && typeof value === 'string' && samePhoneDigits(value, searched)
    );
  });
}

/** `?word=`: any text value containing the word. */
export function matchesWord(record: NativeRecord, word: string): boolean {
  const wanted = word.toLowerCase();
  return Object.values(record).some(
    (value) => typeof value === 'string' && value.toLowerCase().includes(wanted),
  );
}
