import type { Outcome } from '../domain/plan.js';

/** What a worker reports as it goes, for metrics and logs; every member optional. */
export interface WorkerObserver {
  processed?(projectId: string, outcome: Outcome | 'retry' | 'held'): void;
  crmCall?(method: 'findClient' | 'apply', seconds: number, ok: boolean): void;
  error?(message: string, context: Record<string, unknown>): void;
}
