import { AlertSender, type AlertSenderOptions } from './send.js';
import { AlertWatch } from './watch.js';

// The alert loop of a serving process: look for state changes, then send
// what is due, every `intervalMs` (and at once when nudged).

export interface AlertServiceOptions extends AlertSenderOptions {
  readonly intervalMs: number;
  readonly onError?: (message: string, context: Record<string, unknown>) => void;
}

/** Sent alerts are kept this long (for the operator to look at), then pruned. */
const KEEP_SENT_MS = 7 * 86_400_000;

export class AlertService {
  readonly watch: AlertWatch;
  readonly sender: AlertSender;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: AlertServiceOptions) {
    this.watch = new AlertWatch(options);
    this.sender = new AlertSender(options);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Look now (a state just changed, e.g. an activation). */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** One pass: watch, then send. Tests drive it directly. */
  async pass(): Promise<void> {
    const now = this.options.now?.() ?? new Date();
    await this.watch.check();
    await this.sender.sendDue();
    await this.options.store.pruneAlerts(new Date(now.getTime() - KEEP_SENT_MS));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.pass()
        .catch((error: unknown) =>
          this.options.onError?.('alert pass failed', { error: String(error) }),
        )
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.schedule(this.options.intervalMs);
        });
    }, ms);
    this.timer.unref();
  }
}
