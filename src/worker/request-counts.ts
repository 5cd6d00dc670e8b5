import type { RequestTally } from '../crm/http/request-tally.js';
import type { CrmRequestCounts } from '../store/crm-requests.js';

// Moves the CRM requests counted in memory (crm/http/request-tally.ts) to the
// store every few seconds and once more when the process stops, so counting
// adds no write to a request. A flush the store refuses is put back and tried
// again; a kill -9 loses what was counted since the last flush.

export interface RequestCountFlushOptions {
  readonly store: CrmRequestCounts;
  readonly tally: RequestTally;
  /** How often counts are written; 10 s by default. */
  readonly intervalMs?: number;
  readonly onError?: (message: string, context: Record<string, unknown>) => void;
}

export class RequestCountFlush {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: RequestCountFlushOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.intervalMs ?? 10_000);
    // The counts are bookkeeping: they never keep a process alive.
    this.timer.unref();
  }

  /** Writes what was counted so far; one flush at a time. */
  flush(): Promise<void> {
    this.running = this.running.then(() => this.write());
    return this.running;
  }

  /** Stops the timer and writes what is left; call before the store closes. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async write(): Promise<void> {
    const counts = this.options.tally.drain();
    if (counts.length === 0) return;
    try {
      await this.options.store.addCrmRequests(counts);
    } catch (error) {
      this.options.tally.restore(counts);
      this.options.onError?.('CRM request counts not written; kept for the next flush', {
        error: (error as Error).message,
      });
    }
  }
}
