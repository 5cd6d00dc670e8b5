import pg from 'pg';
import { inlineParams, numberPlaceholders, type Db, type Param, type Queryable, type Row } from '../sql.js';

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

class PostgresDb extends Session implements Db {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  async allAfterLock<T extends Row = Row>(lock: readonly [number, number], sql: string, params: readonly Param[]): Promise<T[]> {
    const [space, key] = lock;
    if (!Number.isInteger(space) || !Number.isInteger(key)) throw new TypeError('advisory lock keys must be integers');
    // Simple protocol, two statements: the server runs them as one implicit
    // transaction (commits after the second, rolls back on an error). Under
    // READ COMMITTED the second takes its snapshot after the lock is granted.
    const text = `SELECT pg_advisory_xact_lock(${space}, ${key}); ${inlineParams(sql, params, pg.escapeLiteral)}`;
    const results = (await this.pool.query(text)) as unknown as Array<pg.QueryResult<T>>;
    const statement = results[1];
    if (!statement) throw new Error('allAfterLock: the statement returned no result');
    return statement.rows;
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
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

  close(): Promise<void> {
    return this.pool.end();
  }
}

export interface PostgresOptions {
  /** A schema to create and use instead of `public` (one per test suite, style §2.14). */
  readonly schema?: string;
  readonly max?: number;
}

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
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // A pool's idle client can fail when the server goes away; without a
  // listener that would crash the process. The next query reports it.
  pool.on('error', () => undefined);
  return new PostgresDb(pool);
}
