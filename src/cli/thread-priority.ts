import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

// serve's worker thread yields the CPU to the thread that answers HTTP (issue
// 10): acknowledgements wait on the event loop, the workers' pace is set by the
// CRM's limits anyway. Linux gives each thread its own nice value; its id is
// the last part of /proc/thread-self. Elsewhere this changes nothing.

/** How much lower the worker thread's CPU priority is than serve's (nice, 0–19). */
export const WORKER_THREAD_NICE = 10;

/** Lowers the calling thread's CPU priority by `nice`; false where the platform cannot. */
export function lowerThisThread(nice: number): boolean {
  if (nice <= 0) return false;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, nice);
    return true;
  } catch {
    return false;
  }
}
