import pg from 'pg';
import {
  inlineParams,
  numberPlaceholders,
  type Db,
  type Param,
  type Queryable,
  type Row,
  type Statement,
  type TransactionOptions,
} from '../sql.js';

const INT8_OID = 20;

// BIGINT columns hold epoch milliseconds and sequences, all far below 2^53.
type Parser = (value: string) => unknown;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): Parser =>
    oid === INT8_OID && format !== 'binary'
      ? Number
      : (pg.types.getTypeParser(oid, format ?? 'text') as Parser)) as typeof pg.types.getTypeParser,
};

type Client = pg.Pool | pg.PoolClient;

/** The statement names each pooled connection has prepared (Statement.prepareAs). */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

function isPrepared(client: pg.PoolClient, name: string): boolean {
  return preparedOn.get(client)?.has(name) === true;
}

function markPrepared(client: pg.PoolClient, name: string): void {
  const names = preparedOn.get(client) ?? new Set<string>();
  names.add(name);
  preparedOn.set(client, names);
}

const PREPARED_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function prepareText(statement: Statement): string {
  const name = statement.prepareAs ?? '';
  if (!PREPARED_NAME.test(name)) throw new Error(`invalid prepared statement name "${name}"`);
  return `PREPARE ${name} AS ${numberPlaceholders(statement.sql)}`;
}

/** The statement as script text: EXECUTE of its prepared form, or the statement itself, with the values inlined. */
function scriptText(statement: Statement): string {
  if (statement.prepareAs === undefined)
    return inlineParams(statement.sql, statement.params, pg.escapeLiteral);
  const values = statement.params.map(() => '?').join(', ');
  return inlineParams(
    `EXECUTE ${statement.prepareAs}${values === '' ? '' : `(${values})`}`,
    statement.params,
    pg.escapeLiteral,
  );
}

/**
 * TransactionOptions.durable === false: the commit returns before its WAL
 * record is flushed. A crash of this process loses nothing (the server has
 * it); a crash of the server may undo the last moments of such commits, as a
 * power cut does to SQLite's synchronous=NORMAL; WAL order makes any later
 * durable commit flush them too. Locks the transaction holds (the journal's)
 * are released without waiting for the disk.
 */
const RELAXED_COMMIT = 'SET LOCAL synchronous_commit = off';

class Session implements Queryable {
  readonly dialect = 'postgres' as const;
  constructor(private readonly client: Client) {}

  async all<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const result = await this.client.query<T>(numberPlaceholders(sql), [...params]);
    return result.rows;
  }
  async get<T extends Row = Row>(
    sql: string,
    params: readonly Param[] = [],
  ): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    const result = await this.client.query(numberPlaceholders(sql), [...params]);
    return result.rowCount ?? 0;
  }
  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
}

/**
 * Two pools: the workers' statements queue in `pool` (FIFO, one connection
 * per event under way), so an ingest commit, whose caller waits for its 202,
 * would wait behind them; urgent transactions (TransactionOptions.urgent)
 * take a connection of their own in `urgentPool` instead. Ingest's group
 * commit (inbox.ts InsertBatcher) runs one commit at a time: two connections
 * are plenty.
 */
class PostgresDb extends Session implements Db {
  constructor(
    private readonly pool: pg.Pool,
    private readonly urgentPool: pg.Pool,
  ) {
    super(pool);
  }

  async script<T extends Row = Row>(
    statements: readonly Statement[],
    options?: TransactionOptions,
  ): Promise<T[][]> {
    if (statements.length === 0) return [];
    const client = await (options?.urgent === true ? this.urgentPool : this.pool).connect();
    // PREPAREs answer no rows of their own; sent with the first use on this connection.
    const prepares = statements
      .filter(
        (statement) =>
          statement.prepareAs !== undefined && !isPrepared(client, statement.prepareAs),
      )
      .map(prepareText);
    // After a failure it is unknown which PREPAREs took: the connection is closed rather than reused.
    let discard = false;
    try {
      // No values: pg sends a simple Query, several statements in one message (one implicit transaction, where SET LOCAL holds).
      const text = [
        ...prepares,
        ...(options?.durable === false ? [RELAXED_COMMIT] : []),
        ...statements.map(scriptText),
      ].join(';\n');
      const result = (await client.query(text)) as unknown as
        pg.QueryResult<T> | Array<pg.QueryResult<T>>;
      for (const statement of statements)
        if (statement.prepareAs !== undefined) markPrepared(client, statement.prepareAs);
      const rows = (Array.isArray(result) ? result : [result]).map((each) => each.rows);
      return rows.slice(prepares.length + (options?.durable === false ? 1 : 0));
    } catch (error) {
      discard = prepares.length > 0;
      throw error;
    } finally {
      client.release(discard);
    }
  }

  async transaction<T>(
    work: (tx: Queryable) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T> {
    const client = await (options?.urgent === true ? this.urgentPool : this.pool).connect();
    try {
      await client.query(options?.durable === false ? `BEGIN; ${RELAXED_COMMIT}` : 'BEGIN');
      const result = await work(new Session(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.urgentPool.end()]);
  }
}

export interface PostgresOptions {
  /** A schema to create and use instead of `public` (one per test suite, style §2.14). */
  readonly schema?: string;
  /** The pool's size (default 10); urgent transactions have two connections more of their own. */
  readonly max?: number;
}

/** Connections kept for urgent transactions (ingest commits), besides `max`. */
const URGENT_CONNECTIONS = 2;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema))
    throw new Error(`invalid schema name "${schema}"`);
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const config: pg.PoolConfig = {
    connectionString: url,
    types,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  };
  const pool = new pg.Pool({ ...config, max: options.max ?? 10 });
  const urgentPool = new pg.Pool({ ...config, max: URGENT_CONNECTIONS });
  // A pool's idle client can fail when the server goes away; without a
  // listener that would crash the process. The next query reports it.
  pool.on('error', () => undefined);
  urgentPool.on('error', () => undefined);
  return new PostgresDb(pool, urgentPool);
}
