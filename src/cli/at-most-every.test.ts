import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { atMostEvery } from './at-most-every.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('issue 10: a burst of calls runs once, after the interval; a later burst runs again', () => {
  const runs: number[] = [];
  const notify = atMostEvery(5, () => runs.push(Date.now()));
  const start = Date.now();
  for (let i = 0; i < 100; i += 1) notify();
  expect(runs).toHaveLength(0);
  vi.advanceTimersByTime(5);
  expect(runs).toEqual([start + 5]);
  notify();
  vi.advanceTimersByTime(4);
  notify();
  vi.advanceTimersByTime(1);
  expect(runs).toHaveLength(2);
});

it('cancel drops the scheduled run', () => {
  let runs = 0;
  const notify = atMostEvery(5, () => (runs += 1));
  notify();
  notify.cancel();
  vi.advanceTimersByTime(10);
  expect(runs).toBe(0);
});
