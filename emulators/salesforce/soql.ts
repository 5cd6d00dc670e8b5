import type { Org, SRecord, Value } from './org.js';
import { SfFailure } from './org.js';
import { to18 } from './ids.js';

// A SOQL subset: SELECT fields FROM Object [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n],
// conditions with = != <> < > <= >= LIKE IN / NOT IN, AND / OR / NOT and parentheses.

type Token = { kind: 'word' | 'string' | 'number' | 'op' | 'punct'; text: string };

export const malformed = (message: string): SfFailure =>
  new SfFailure(400, [{ message, errorCode: 'MALFORMED_QUERY' }]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw malformed('unterminated string literal');
        const d = text.charAt(i);
        if (d === '\\') {
          const next = text.charAt(i + 1);
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', text: value });
    } else if (/[-\d]/.test(c) && /[\d]/.test(text.charAt(c === '-' ? i + 1 : i))) {
      const m = /^-?[\d.:TZ+-]+/.exec(text.slice(i));
      const raw = m?.[0] ?? c;
      tokens.push({ kind: 'number', text: raw });
      i += raw.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w.]*/.exec(text.slice(i));
      const raw = m?.[0] ?? c;
      tokens.push({ kind: 'word', text: raw });
      i += raw.length;
    } else if (/[<>!=]/.test(c)) {
      const m = /^(<=|>=|!=|<>|=|<|>)/.exec(text.slice(i));
      if (!m) throw malformed(`unexpected token: '${c}'`);
      tokens.push({ kind: 'op', text: m[0] });
      i += m[0].length;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      throw malformed(`unexpected token: '${c}'`);
    }
  }
  return tokens;
}

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; inner: Condition }
  | { kind: 'compare'; field: string; op: string; value: Value | Value[] };

export interface Query {
  readonly fields: string[];
  readonly type: string;
  readonly where: Condition | null;
  readonly orderBy: Array<{ field: string; desc: boolean }>;
  readonly limit: number | null;
  readonly offset: number;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  peekWord(...words: string[]): boolean {
    const t = this.tokens[this.i];
    return t?.kind === 'word' && words.includes(t.text.toUpperCase());
  }
  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw malformed('unexpected end of query');
    return t;
  }
  expectWord(word: string): void {
    const t = this.next();
    if (t.kind !== 'word' || t.text.toUpperCase() !== word)
      throw malformed(`unexpected token: '${t.text}', expecting ${word}`);
  }
  expectPunct(p: string): void {
    const t = this.next();
    if (t.text !== p) throw malformed(`unexpected token: '${t.text}', expecting '${p}'`);
  }
  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }
  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  fieldList(): string[] {
    const fields = [this.identifier()];
    while (this.peek()?.text === ',') {
      this.i++;
      fields.push(this.identifier());
    }
    return fields;
  }
  identifier(): string {
    const t = this.next();
    if (t.kind !== 'word') throw malformed(`unexpected token: '${t.text}'`);
    return t.text;
  }

  condition(): Condition {
    let left = this.conjunction();
    while (this.peekWord('OR')) {
      this.i++;
      left = { kind: 'or', left, right: this.conjunction() };
    }
    return left;
  }
  conjunction(): Condition {
    let left = this.unary();
    while (this.peekWord('AND')) {
      this.i++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }
  unary(): Condition {
    if (this.peekWord('NOT')) {
      this.i++;
      return { kind: 'not', inner: this.unary() };
    }
    if (this.peek()?.text === '(') {
      this.i++;
      const inner = this.condition();
      this.expectPunct(')');
      return inner;
    }
    const field = this.identifier();
    if (this.peekWord('NOT')) {
      this.i++;
      this.expectWord('IN');
      return { kind: 'compare', field, op: 'NOT IN', value: this.list() };
    }
    if (this.peekWord('IN')) {
      this.i++;
      return { kind: 'compare', field, op: 'IN', value: this.list() };
    }
    if (this.peekWord('LIKE')) {
      this.i++;
      return { kind: 'compare', field, op: 'LIKE', value: this.literal() };
    }
    const op = this.next();
    if (op.kind !== 'op') throw malformed(`unexpected token: '${op.text}'`);
    return { kind: 'compare', field, op: op.text === '<>' ? '!=' : op.text, value: this.literal() };
  }
  list(): Value[] {
    this.expectPunct('(');
    const values = [this.literal()];
    while (this.peek()?.text === ',') {
      this.i++;
      values.push(this.literal());
    }
    this.expectPunct(')');
    return values;
  }
  literal(): Value {
    const t = this.next();
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return /^-?\d+(\.\d+)?$/.test(t.text) ? Number(t.text) : t.text;
    if (t.kind === 'word') {
      const upper = t.text.toUpperCase();
      if (upper === 'TRUE') return true;
      if (upper === 'FALSE') return false;
      if (upper === 'NULL') return null;
    }
    throw malformed(`unexpected token: '${t.text}'`);
  }
}

export function parseQuery(text: string): Query {
  const p = new Parser(tokenize(text));
  p.expectWord('SELECT');
  const fields = p.fieldList();
  p.expectWord('FROM');
  return { fields, ...parseTail(p, p.identifier()) };
}

/** FROM's object and what may follow it; shared with SOSL's RETURNING clauses. */
export function parseTail(p: Parser, type: string): Omit<Query, 'fields'> {
  let where: Condition | null = null;
  const orderBy: Query['orderBy'] = [];
  let limit: number | null = null;
  let offset = 0;
  if (p.peekWord('WHERE')) {
    p.next();
    where = p.condition();
  }
  if (p.peekWord('ORDER')) {
    p.next();
    p.expectWord('BY');
    do {
      const field = p.identifier();
      let desc = false;
      if (p.peekWord('ASC', 'DESC')) desc = p.next().text.toUpperCase() === 'DESC';
      if (p.peekWord('NULLS')) {
        p.next();
        p.next();
      }
      orderBy.push({ field, desc });
    } while (p.peek()?.text === ',' && p.next());
  }
  if (p.peekWord('LIMIT')) {
    p.next();
    limit = Number(p.next().text);
  }
  if (p.peekWord('OFFSET')) {
    p.next();
    offset = Number(p.next().text);
  }
  if (!p.atEnd()) throw malformed(`unexpected token: '${p.peek()?.text ?? ''}'`);
  return { type, where, orderBy, limit, offset };
}

export { Parser };

/** Runs a parsed query over the org: canonical field names, filtered, ordered, limited. */
export function runQuery(org: Org, query: Query, only?: (record: SRecord) => boolean): SRecord[] {
  const type = org.typeNamed(query.type);
  const canonical = (name: string): string => {
    const field = org.field(type, name);
    if (!field)
      throw new SfFailure(400, [
        { message: `No such column '${name}' on entity '${type}'.`, errorCode: 'INVALID_FIELD' },
      ]);
    return field.name;
  };
  const fields = query.fields.map(canonical);
  const where = query.where ? resolve(query.where, canonical) : null;
  const order = query.orderBy.map((o) => ({ field: canonical(o.field), desc: o.desc }));
  let rows = [...(org.records.get(type)?.values() ?? [])].filter(
    (r) => (!only || only(r)) && (!where || test(where, r)),
  );
  if (order.length > 0) {
    rows.sort((a, b) => {
      for (const o of order) {
        const c = compare(a[o.field] ?? null, b[o.field] ?? null);
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  }
  rows = rows.slice(query.offset, query.limit === null ? undefined : query.offset + query.limit);
  return rows.map((r) => {
    const out: SRecord = {};
    for (const field of fields) out[field] = r[field] ?? null;
    return out;
  });
}

function resolve(c: Condition, canonical: (name: string) => string): Condition {
  if (c.kind === 'compare') return { ...c, field: canonical(c.field) };
  if (c.kind === 'not') return { kind: 'not', inner: resolve(c.inner, canonical) };
  return { kind: c.kind, left: resolve(c.left, canonical), right: resolve(c.right, canonical) };
}

const norm = (v: Value): Value =>
  typeof v === 'string' && /^[a-zA-Z0-9]{15}$/.test(v) ? (to18(v) ?? v) : v;

function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

function test(c: Condition, r: SRecord): boolean {
  switch (c.kind) {
    case 'and':
      return test(c.left, r) && test(c.right, r);
    case 'or':
      return test(c.left, r) || test(c.right, r);
    case 'not':
      return !test(c.inner, r);
    case 'compare': {
      const v = r[c.field] ?? null;
      const eq = (x: Value): boolean =>
        typeof v === 'string' && typeof x === 'string'
          ? v.toLowerCase() === x.toLowerCase() || norm(v) === norm(x)
          : v === x;
      if (Array.isArray(c.value)) return c.op === 'IN' ? c.value.some(eq) : !c.value.some(eq);
      const x = c.value;
      switch (c.op) {
        case '=':
          return eq(x);
        case '!=':
          return !eq(x);
        case 'LIKE': {
          if (typeof v !== 'string' || typeof x !== 'string') return false;
          const pattern = x
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/%/g, '.*')
            .replace(/_/g, '.');
          return new RegExp(`^${pattern}$`, 'is').test(v);
        }
        default: {
          if (v === null || x === null) return false;
          const d = compare(v, x);
          return c.op === '<' ? d < 0 : c.op === '>' ? d > 0 : c.op === '<=' ? d <= 0 : d >= 0;
        }
      }
    }
  }
}
