import pg from 'pg';
import { inlineParams, numberPlaceholders, type Db, type Param, type Queryable, type Row, type Statement, type TransactionOptions } from '../sql.js';

const INT8_OID = 20;

// BIGINT columns hold epoch milliseconds and sequences, all far below 2^53.
type Parser = (value: string) => unknown;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): Parser =>
    oid === INT8_OID && format !== 'binary' ? Number : (pg.types.getTypeParser(oid, format ?? 'text') as Parser)) as typeof pg.types.getTypeParser,
};

type Client = pg.Pool | pg.PoolClient;

class Session implements Queryable {
  readonly dialect = 'postgres' as const;
  constructor(private readonly client: Client) {}

  async all<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const result = await this.client.query<T>(numberPlaceholders(sql), [...params]);
    return result.rows;
  }
  async get<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
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

  async script<T extends Row = Row>(statements: readonly Statement[], options?: TransactionOptions): Promise<T[][]> {
    if (statements.length === 0) return [];
    // No values: pg sends a simple Query, several statements in one message.
    const text = statements.map((statement) => inlineParams(statement.sql, statement.params, pg.escapeLiteral)).join(';\n');
    const result = (await (options?.urgent === true ? this.urgentPool : this.pool).query(text)) as unknown as pg.QueryResult<T> | Array<pg.QueryResult<T>>;
    return (Array.isArray(result) ? result : [result]).map((each) => each.rows);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T> {
    const client = await (options?.urgent === true ? this.urgentPool : this.pool).connect();
    try {
      await client.query('BEGIN');
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
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const config: pg.PoolConfig = { connectionString: url, types, ...(schema !== undefined && { options: `-c search_path=${schema}` }) };
  const pool = new pg.Pool({ ...config, max: options.max ?? 10 });
  const urgentPool = new pg.Pool({ ...config, max: URGENT_CONNECTIONS });
  // A pool's idle client can fail when the server goes away; without a
  // listener that would crash the process. The next query reports it.
  pool.on('error', () => undefined);
  urgentPool.on('error', () => undefined);
  return new PostgresDb(pool, urgentPool);
}
