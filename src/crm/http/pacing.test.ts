import { fitTexts } from '../capabilities.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPipedriveEmulator } from '../../../emulators/pipedrive/index.js';
import { createPipedriveAdapter } from '../pipedrive/adapter.js';
import { ConnectionPacer, sharedPacer } from './pacing.js';

// The pacer of a CRM connection (issue 10): below the window's limit, one
// slot per allowed concurrent call, slowed and paused by a rate-limit answer.

describe('ConnectionPacer (fake clock)', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  /** Times (ms) at which `n` acquires were granted, each released at once. */
  async function grants(pacer: ConnectionPacer, n: number, runMs: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < n; i += 1)
      void pacer.acquire().then((release) => {
        times.push(Date.now());
        release();
      });
    await vi.advanceTimersByTimeAsync(runMs);
    return times;
  }

  const mostInWindow = (times: number[], windowMs: number): number =>
    Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

  it('crm-apis §2.14: 80 per 2 s never goes over 80 in any 2-second window, and runs near 80 % of it', async () => {
    const pacer = new ConnectionPacer({ requests: 80, windowMs: 2000 });
    const times = await grants(pacer, 300, 20_000);
    expect(times).toHaveLength(300);
    expect(mostInWindow(times, 2000)).toBeLessThanOrEqual(80);
    // 16 at once, then 32 a second: the 300th about (300 - 16) / 32 s in.
    expect(times.at(-1)).toBeGreaterThan(8_000);
    expect(times.at(-1)).toBeLessThan(9_500);
  });

  it('a rate-limit answer pauses everyone for its hint (at most 2 s) and halves the rate; it climbs back', async () => {
    const pacer = new ConnectionPacer({ requests: 10, windowMs: 1000 });
    expect(pacer.currentRate).toBe(8);
    pacer.limited(1_500);
    expect(pacer.currentRate).toBe(4);
    const times = await grants(pacer, 1, 5_000);
    expect(times[0]).toBeGreaterThanOrEqual(1_500);
    pacer.limited(3_600_000);
    const later = await grants(pacer, 1, 5_000);
    expect((later[0] ?? 0) - 6_500).toBeLessThanOrEqual(2_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pacer.currentRate).toBe(8);
  });

  it("Zoho's concurrency: no more calls in flight than allowed; a released slot goes to the next", async () => {
    const pacer = new ConnectionPacer({ concurrency: 2 });
    const held: Array<() => void> = [];
    for (let i = 0; i < 3; i += 1) void pacer.acquire().then((release) => held.push(release));
    await vi.advanceTimersByTimeAsync(10);
    expect(held).toHaveLength(2);
    held[0]?.();
    await vi.advanceTimersByTimeAsync(10);
    expect(held).toHaveLength(3);
  });

  it('learns the account limit from the limit header; one pacer per connection and credential', () => {
    const limits = { requests: 20, windowMs: 2000, limitHeader: 'x-ratelimit-limit' };
    const pacer = sharedPacer('https://a.example', 'token-1', limits);
    expect(sharedPacer('https://a.example', 'token-1', limits)).toBe(pacer);
    expect(sharedPacer('https://a.example', 'token-2', limits)).not.toBe(pacer);
    expect(pacer.currentRate).toBe(8);
    pacer.observe(new Headers({ 'x-ratelimit-limit': '80' }));
    expect(pacer.currentRate).toBe(32);
  });
});

describe('Pipedrive paced against its emulator (burst limit on)', () => {
  it('crm-apis §2.14: 40 concurrent calls on a 20-per-2-s account all succeed (no 429)', async () => {
    const emu = await startPipedriveEmulator({ burstPer2s: 20 });
    try {
      const adapter = createPipedriveAdapter(emu.connection, {
        texts: fitTexts('en'),
      });
      const results = await Promise.all(Array.from({ length: 40 }, () => adapter.listUsers()));
      expect(results.filter((r) => !r.ok)).toEqual([]);
    } finally {
      await emu.close();
    }
  }, 20_000);
});
