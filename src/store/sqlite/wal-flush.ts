import { open, type FileHandle } from 'node:fs/promises';

// Durable commits without an fsync on the event loop (issue 10). A durable
// transaction commits with synchronous=NORMAL — SQLite writes its WAL frames
// to the OS and returns — and its caller then waits here for an fdatasync of
// the WAL file, which runs in libuv's thread pool. The caller answers (a 202,
// a CRM call after a D13 mark) only once the frames it wrote are on disk: the
// same promise as synchronous=FULL. Commits made while one fdatasync is under
// way share the next one, so under load one fsync serves many commits, and
// the event loop keeps answering meanwhile.

/** Flushes a file's written data to disk (fdatasync). Replaceable in tests. */
export type SyncFile = (file: FileHandle) => Promise<void>;

const datasync: SyncFile = (file) => file.datasync();

interface Waiter {
  readonly ticket: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class WalFlusher {
  private file: Promise<FileHandle> | undefined;
  /** Tickets handed out: one per commit that asked for a flush. */
  private issued = 0;
  private waiters: Waiter[] = [];
  private running = false;

  constructor(
    private readonly walPath: string,
    private readonly sync: SyncFile = datasync,
  ) {}

  /**
   * Resolves once an fdatasync that began after this call has finished: call it
   * after COMMIT returned, and everything that commit wrote is then durable.
   */
  flushed(): Promise<void> {
    this.issued += 1;
    const ticket = this.issued;
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ ticket, resolve, reject });
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiters.length > 0) {
        // Everything asked for up to now is covered by the sync that starts now.
        const covered = this.issued;
        let failure: unknown = null;
        try {
          const file = await this.handle();
          // No WAL yet: nothing was committed to it, so nothing waits to be made durable.
          if (file) await this.sync(file);
        } catch (error) {
          failure = error;
        }
        const done = this.waiters.filter((waiter) => waiter.ticket <= covered);
        this.waiters = this.waiters.filter((waiter) => waiter.ticket > covered);
        for (const waiter of done) {
          if (failure === null) waiter.resolve();
          else waiter.reject(failure);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * The WAL file, opened once: SQLite keeps it (same inode) while any connection
   * of the file is open. Null while it does not exist (a statement that wrote
   * nothing, before the first commit).
   */
  private async handle(): Promise<FileHandle | null> {
    if (!this.file) {
      const opening = open(this.walPath, 'r+');
      this.file = opening;
      // An open that failed is tried again by the next flush.
      opening.catch(() => {
        if (this.file === opening) this.file = undefined;
      });
    }
    try {
      return await this.file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async close(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    await file?.then((handle) => handle.close()).catch(() => undefined);
  }
}
