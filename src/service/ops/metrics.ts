import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { observeUrgentWrites } from '../../store/sqlite/write-timing.js';
import type { Store } from '../../store/store.js';
import type { WorkerObserver } from '../../worker/observer.js';
import { registerProjectGauges } from './project-gauges.js';

// GET /metrics (service.md §1): Prometheus text. One registry per app, so
// tests building several apps in one process do not collide.

/** Bucket bounds (seconds) of the ingest commit parts: 0.1 ms to 1 s. */
export const INGEST_COMMIT_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,
];

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly accepted = new Counter({
    name: 'callmatrix_events_accepted_total',
    help: 'Events accepted by ingest (new, not duplicates)',
    registers: [this.registry],
  });
  readonly duplicates = new Counter({
    name: 'callmatrix_events_duplicate_total',
    help: 'Re-delivered events counted as duplicates',
    registers: [this.registry],
  });
  readonly processed = new Counter({
    name: 'callmatrix_events_processed_total',
    help: 'Events a worker finished or put back, by result (applied, skipped, failed, retry, held)',
    labelNames: ['result'],
    registers: [this.registry],
  });
  readonly failed = new Counter({
    name: 'callmatrix_events_failed_total',
    help: 'Events given up (dead letter)',
    registers: [this.registry],
  });
  readonly crmLatency = new Histogram({
    name: 'callmatrix_crm_request_seconds',
    help: 'CRM port calls, by method and result',
    labelNames: ['method', 'ok'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** `processMetrics`: prom-client's defaults (heap, event loop lag, GC, CPU); once per process's registry. */
  constructor(store: Store, options: { readonly processMetrics?: boolean } = {}) {
    if (options.processMetrics) {
      collectDefaultMetrics({ register: this.registry });
      this.timeIngestCommits();
    }
    new Gauge({
      name: 'callmatrix_queue_depth',
      help: 'Pending events across projects (including held ones)',
      registers: [this.registry],
      async collect() {
        this.set(await store.countPending());
      },
    });
    registerProjectGauges(this.registry, store);
  }

  /**
   * Issue 10: where an ingest commit's time goes on SQLite (write-timing.ts):
   * what an answer's tail is made of. A histogram, not a summary: a summary's
   * quantile sketch cost ~70 µs per commit on the event loop that answers
   * (8 % of it at 1 000 events/s), a bucket count next to nothing; quantiles
   * over any window come from the buckets (Prometheus' histogram_quantile, or
   * the bench's own). Once per process, as the process metrics are.
   */
  private timeIngestCommits(): void {
    const histogram = new Histogram({
      name: 'callmatrix_sqlite_ingest_commit_seconds',
      help: 'SQLite ingest commits by part: queue (this connection busy), gate (another thread writing), write (statements), commit (WAL written), sync (its fdatasync, off the event loop)',
      labelNames: ['part'],
      buckets: INGEST_COMMIT_BUCKETS,
      registers: [this.registry],
    });
    const part = (name: string) => histogram.labels({ part: name });
    const [queue, gate, write, commit, sync, total] = [
      'queue',
      'gate',
      'write',
      'commit',
      'sync',
      'total',
    ].map(part);
    observeUrgentWrites((timing) => {
      queue?.observe(timing.queueMs / 1000);
      gate?.observe(timing.gateMs / 1000);
      write?.observe(timing.writeMs / 1000);
      commit?.observe(timing.commitMs / 1000);
      sync?.observe(timing.syncMs / 1000);
      total?.observe(
        (timing.queueMs + timing.gateMs + timing.writeMs + timing.commitMs + timing.syncMs) / 1000,
      );
    });
  }

  observer(): WorkerObserver {
    return {
      processed: (_projectId, result) => {
        this.processed.inc({ result });
        if (result === 'failed') this.failed.inc();
      },
      crmCall: (method, seconds, ok) =>
        this.crmLatency.observe({ method, ok: String(ok) }, seconds),
    };
  }
}
