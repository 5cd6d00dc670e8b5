import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db, Param, Queryable, Row, Statement, TransactionOptions } from '../sql.js';
import { Database, type SqliteStatement } from './driver.js';
import { WalFlusher, type SyncFile } from './wal-flush.js';
import { writeGateFor, type WriteGate } from './write-gate.js';
import { WriteClock } from './write-timing.js';

/**
 * better-sqlite3 is synchronous and has one connection; an async transaction
 * would let another caller's statement run inside it between awaits. So every
 * use of the connection (a statement, or a whole transaction) takes turns
 * through one queue.
 */
class Turns {
  private readonly urgent: Array<() => Promise<void>> = [];
  private readonly normal: Array<() => Promise<void>> = [];
  private running = false;

  /**
   * Runs `work` when the connection is free. Urgent work (an ingest commit,
   * whose caller waits for its 202) goes before queued normal work (the
   * workers, which the inbox lets lag), never in the middle of it.
   */
  take<T>(work: () => Promise<T>, urgent = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      (urgent ? this.urgent : this.normal).push(() => work().then(resolve, reject));
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (
        let next = this.urgent.shift() ?? this.normal.shift();
        next;
        next = this.urgent.shift() ?? this.normal.shift()
      )
        await next();
    } finally {
      this.running = false;
    }
  }
}

/**
 * One queue per database file in this process. busy_timeout waits
 * synchronously, so a second connection of the same process waiting for a
 * lock would block the event loop that the holder needs to finish: a
 * deadlock. Connections of one process therefore take turns here, and only
 * other processes wait on SQLite's lock.
 */
const turnsByFile = new Map<string, Turns>();

function turnsFor(path: string): Turns {
  if (path === ':memory:') return new Turns();
  const key = resolve(path);
  let turns = turnsByFile.get(key);
  if (!turns) {
    turns = new Turns();
    turnsByFile.set(key, turns);
  }
  return turns;
}

class Connection implements Queryable {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(readonly db: Database) {}

  /** Whether a statement may write (takes SQLite's write lock). */
  writes(sql: string): boolean {
    return !this.prepare(sql).readonly;
  }

  private prepare(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const statement = this.prepare(sql);
    // A write without RETURNING (in a script) answers no rows.
    if (!statement.reader) {
      statement.run(...params);
      return Promise.resolve([]);
    }
    return Promise.resolve(statement.all(...params) as T[]);
  }
  async get<T extends Row = Row>(
    sql: string,
    params: readonly Param[] = [],
  ): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  run(sql: string, params: readonly Param[] = []): Promise<number> {
    return Promise.resolve(this.prepare(sql).run(...params).changes);
  }
  exec(sql: string): Promise<void> {
    this.db.exec(sql);
    return Promise.resolve();
  }
}

class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly connection: Connection;
  private synchronous: 'FULL' | 'NORMAL' = 'FULL';
  private checkpoints: NodeJS.Timeout | undefined;

  /**
   * `wal`: durable commits wait for its fdatasync of the WAL (wal-flush.ts),
   * off the event loop; without one (in memory) they commit with
   * synchronous=FULL.
   */
  constructor(
    db: Database,
    private readonly turns: Turns,
    private readonly gate: WriteGate,
    private readonly wal: WalFlusher | null,
  ) {
    this.connection = new Connection(db);
  }

  // A statement outside transaction() commits on its own, and always durably:
  // it may be a write that must survive power loss before the next CRM call
  // (a recorded operation id, D13), whatever the last transaction relaxed.
  all<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]> {
    return this.alone(this.connection.writes(sql), () => this.connection.all<T>(sql, params));
  }
  get<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined> {
    return this.alone(this.connection.writes(sql), () => this.connection.get<T>(sql, params));
  }
  run(sql: string, params?: readonly Param[]): Promise<number> {
    return this.alone(true, () => this.connection.run(sql, params));
  }
  exec(sql: string): Promise<void> {
    return this.alone(true, () => this.connection.exec(sql));
  }

  private async alone<T>(writes: boolean, work: () => Promise<T>): Promise<T> {
    // A read needs no write lock (WAL): it does not wait for the gate.
    if (!writes) return this.turns.take(work);
    const result = await this.turns.take(() => {
      this.commitMode(this.wal ? 'NORMAL' : 'FULL');
      return this.gated(false, work);
    });
    await this.wal?.flushed();
    return result;
  }

  /** Runs `work` holding this process's write gate (write-gate.ts), then lets it go. */
  private async gated<T>(urgent: boolean, work: () => Promise<T>): Promise<T> {
    const held = await this.gate.enter(urgent);
    try {
      return await work();
    } finally {
      if (held) this.gate.leave();
    }
  }

  private commitMode(synchronous: 'FULL' | 'NORMAL'): void {
    if (synchronous === this.synchronous) return;
    this.connection.db.pragma(`synchronous = ${synchronous}`);
    this.synchronous = synchronous;
  }

  async transaction<T>(
    work: (tx: Queryable) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T> {
    const urgent = options?.urgent === true;
    const durable = options?.durable !== false;
    const clock = WriteClock.start(urgent);
    const result = await this.turns.take(() => {
      clock?.mark();
      return this.gated(urgent, async () => {
        clock?.mark();
        const db = this.connection.db;
        this.commitMode(durable && !this.wal ? 'FULL' : 'NORMAL');
        // IMMEDIATE takes the write lock now, so two processes never both read
        // then write (claims); busy_timeout makes the other one wait.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(this.connection);
          clock?.mark();
          db.exec('COMMIT');
          clock?.mark();
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
    }, urgent);
    // Outside the turn and the gate: the next transaction runs while this one's fdatasync does.
    if (durable) await this.wal?.flushed();
    clock?.done();
    return result;
  }

  script<T extends Row = Row>(
    statements: readonly Statement[],
    options?: TransactionOptions,
  ): Promise<T[][]> {
    return this.transaction(async (tx) => {
      const out: T[][] = [];
      for (const statement of statements)
        out.push(await tx.all<T>(statement.sql, statement.params));
      return out;
    }, options);
  }

  /**
   * Every `everyMs`, a PASSIVE checkpoint in this connection's turn (outside the
   * gate: it takes no write lock). Under steady writes that alone never lets
   * the WAL start over — new frames arrive while it copies, so the log is never
   * all copied when a writer begins — and the WAL grows without end, every read
   * slower as it does (issue 10: 4 → 329 MB in 10 s at 1 000 events/s). So once
   * the WAL passes RESTART_AFTER_FRAMES, a RESTART checkpoint follows inside the
   * write gate: it copies only what came in meanwhile, and the next commit
   * writes the WAL from its start again.
   */
  checkpointEvery(everyMs: number): void {
    this.checkpoints = setInterval(() => {
      void this.turns
        .take(async () => {
          const db = this.connection.db;
          const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
          if ((passive?.log ?? 0) < RESTART_AFTER_FRAMES) return;
          await this.gated(false, () => {
            // A reader that does not finish at once is waited for by the next round, not here.
            db.pragma(`busy_timeout = ${RESTART_WAIT_MS}`);
            try {
              db.pragma('wal_checkpoint(RESTART)');
            } finally {
              db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
            }
            return Promise.resolve();
          });
        })
        // A checkpoint that fails (the disk, a closing file) is retried by the next one.
        .catch(() => undefined);
    }, everyMs);
    this.checkpoints.unref();
  }

  async close(): Promise<void> {
    if (this.checkpoints) clearInterval(this.checkpoints);
    await this.turns.take(() => {
      this.connection.db.close();
      return Promise.resolve();
    });
    await this.wal?.close();
  }
}

/**
 * Where the WAL is copied back into the database file (a checkpoint: page
 * writes and two fsyncs, milliseconds to tens of them):
 * - `on-commit` (SQLite's default): in the commit that takes the WAL past
 *   1 000 pages, whoever made it;
 * - `elsewhere`: never in this connection's commits — another connection of
 *   the file checkpoints (serve's HTTP side: not in an ingest commit, on the
 *   event loop that answers);
 * - `background`: on a timer in this connection's thread, between its
 *   transactions (serve's worker thread).
 */
export type Checkpoints = 'on-commit' | 'elsewhere' | 'background';

/** How often a `background` connection checkpoints: the WAL stays a few MB under full ingest. */
export const CHECKPOINT_EVERY_MS = 200;

/** WAL frames (pages) past which a `background` checkpoint makes the WAL start over (SQLite's own autocheckpoint is 1 000). */
export const RESTART_AFTER_FRAMES = 1000;

/** How long a RESTART checkpoint waits for readers, holding the write gate. */
const RESTART_WAIT_MS = 5;

const BUSY_TIMEOUT_MS = 10_000;

interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

export interface SqliteOptions {
  readonly checkpoints?: Checkpoints;
  /** How a durable commit's WAL is flushed to disk (default fdatasync); tests replace it. */
  readonly syncWal?: SyncFile;
}

/**
 * Opens (creating when absent) a SQLite file in WAL mode. A durable commit
 * (an acknowledged event) survives power loss, not only a crash: it resolves
 * only after an fdatasync of the WAL (wal-flush.ts), as synchronous=FULL would.
 * The file holds phone numbers: a directory created here is 0700 and the file
 * is created 0600; SQLite gives its -wal and -shm files the database's mode.
 */
export function openSqlite(path: string, options: SqliteOptions = {}): Db {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // `a` creates an absent file with this mode and leaves an existing one as it is.
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new Database(path);
  const journal = db.pragma('journal_mode = WAL', { simple: true });
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  const checkpoints = options.checkpoints ?? 'on-commit';
  if (checkpoints !== 'on-commit') db.pragma('wal_autocheckpoint = 0');
  // Only a WAL holds every commit in one file to fdatasync; otherwise (in memory) FULL.
  const wal = journal === 'wal' ? new WalFlusher(`${path}-wal`, options.syncWal) : null;
  const opened = new SqliteDb(db, turnsFor(path), writeGateFor(path), wal);
  if (checkpoints === 'background' && path !== ':memory:')
    opened.checkpointEvery(CHECKPOINT_EVERY_MS);
  return opened;
}
