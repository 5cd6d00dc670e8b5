// The one query layer both backends implement. SQL is written once with `?`
// placeholders; the PostgreSQL side numbers them ($1, $2, …). Times are
// stored as epoch milliseconds (BIGINT) and JSON as text in both backends, so
// the same statements and the same row mappers serve both.

export type Dialect = 'sqlite' | 'postgres';
export type Param = string | number | null;
export type Row = Record<string, unknown>;

export interface Queryable {
  readonly dialect: Dialect;
  /** Rows of a statement (SELECT, or a write with RETURNING). */
  all<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** A write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back
   * when it throws. SQLite: BEGIN IMMEDIATE (one writer across processes);
   * PostgreSQL: one pooled connection, READ COMMITTED.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Statements run in order as ONE transaction; resolves to each one's rows.
   * PostgreSQL: one round trip (simple protocol, parameters inlined as
   * literals; the server commits after the last, rolls all back on an error;
   * under READ COMMITTED each statement sees what committed before it began,
   * e.g. before an advisory lock it follows was granted), so locks taken in it
   * are held only inside the server. SQLite: a transaction running them.
   */
  script<T extends Row = Row>(
    statements: readonly Statement[],
    options?: TransactionOptions,
  ): Promise<T[][]>;
  close(): Promise<void>;
}

export interface Statement {
  readonly sql: string;
  readonly params: readonly Param[];
  /**
   * A statement run for every event (claims, completions): PostgreSQL
   * prepares it once per connection under this name and then only executes
   * it, instead of parsing and planning it anew each time. Its parameters
   * must have types the statement determines (casts where it does not).
   */
  readonly prepareAs?: string;
}

export interface TransactionOptions {
  /** Someone waits for this commit (an ingest answer): run it before queued background work where the backend queues. */
  readonly urgent?: boolean;
  /**
   * Default true: the commit survives power loss (SQLite synchronous=FULL).
   * False for bookkeeping that is safe to redo (claims, completions whose plan
   * ids were already committed durably): it still survives a crash (kill -9),
   * and the next durable commit makes it durable too (the WAL is sequential).
   */
  readonly durable?: boolean;
}

/** `?` → `$1`, `$2`, … outside single-quoted literals. */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quoted = false;
  for (const char of sql) {
    if (char === "'") quoted = !quoted;
    if (char === '?' && !quoted) {
      n += 1;
      out += `$${n}`;
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * `?` → each parameter as an SQL literal, outside single-quoted literals: for
 * PostgreSQL's simple protocol, the one that carries several statements in a
 * round trip and takes no parameters. `quote` makes a string literal (pg's
 * escapeLiteral); numbers must be finite.
 */
export function inlineParams(
  sql: string,
  params: readonly Param[],
  quote: (text: string) => string,
): string {
  let out = '';
  let n = 0;
  let quoted = false;
  for (const char of sql) {
    if (char === "'") quoted = !quoted;
    if (char !== '?' || quoted) {
      out += char;
      continue;
    }
    if (n >= params.length)
      throw new RangeError(`more placeholders than the ${params.length} parameters`);
    const value = params[n] ?? null;
    n += 1;
    if (value === null) out += 'NULL';
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`parameter ${n} is not a finite number`);
      out += String(value);
    } else out += quote(value);
  }
  if (n !== params.length)
    throw new RangeError(`${params.length} parameters for ${n} placeholders`);
  return out;
}

/** `(?, ?, ?)` for `n` values. */
export function placeholders(n: number): string {
  return `(${Array.from({ length: n }, () => '?').join(', ')})`;
}

/** A column read back as a number (pg may hand BIGINT back as a string if a parser is missing). */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  throw new TypeError(`expected a number column, got ${typeof value}`);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  throw new TypeError(`expected a text column, got ${typeof value}`);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : str(value);
}
