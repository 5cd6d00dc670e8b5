/**
 * A token bucket that makes callers wait rather than fail (issue: "the adapter
 * waits rather than fails"). `pause` holds everyone back after a 429.
 */
export class Pacer {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number = ratePerSec,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Milliseconds to wait before the next request may go; takes its token. */
  reserve(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSec);
    this.last = now;
    this.tokens -= 1;
    const forRate = this.tokens >= 0 ? 0 : (-this.tokens / this.ratePerSec) * 1000;
    return Math.max(forRate, this.pausedUntil - now);
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  async wait(): Promise<void> {
    const ms = this.reserve();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
