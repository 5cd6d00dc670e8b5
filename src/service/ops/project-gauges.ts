import { Gauge, type Registry } from 'prom-client';
import { INTEGRATION_STATES } from '../../store/states.js';
import type { ProjectFigures, Store } from '../../store/store.js';

// Issue 11 item 6 (b): per-project gauges on /metrics. The figures come from
// one query per scrape at most, read through the (project_id, state, seq)
// index (no scan of the events' history), and are reused for `cacheMs` so
// that frequent or parallel scrapes cost one query.

const INDEX_STATES = ['loading', 'ready', 'failed'] as const;

export function registerProjectGauges(
  registry: Registry,
  store: Store,
  options: { readonly cacheMs?: number; readonly now?: () => number } = {},
): void {
  const cacheMs = options.cacheMs ?? 5_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; figures: Promise<ProjectFigures[]> } | null = null;
  const figures = (): Promise<ProjectFigures[]> => {
    if (!cached || now() - cached.at >= cacheMs) {
      const read = store.projectFigures();
      cached = { at: now(), figures: read };
      read.catch(() => (cached = null));
    }
    return cached.figures;
  };

  const gauge = (
    name: string,
    help: string,
    fill: (gauge: Gauge, project: ProjectFigures) => void,
    labelNames: string[] = ['project'],
  ): void => {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const all = await figures();
        this.reset();
        for (const project of all) fill(this, project);
      },
    });
  };

  gauge(
    'callmatrix_project_integration_state',
    'The integration state of each project: 1 for its current state, 0 for the others',
    (g, p) => {
      for (const state of INTEGRATION_STATES)
        g.set({ project: p.projectId, state }, p.integration === state ? 1 : 0);
    },
    ['project', 'state'],
  );
  gauge(
    'callmatrix_project_index_state',
    'The phone index state of each project: 1 for its current state, 0 for the others',
    (g, p) => {
      for (const state of INDEX_STATES)
        g.set({ project: p.projectId, state }, p.indexState === state ? 1 : 0);
    },
    ['project', 'state'],
  );
  gauge(
    'callmatrix_project_events_pending',
    'Events waiting to be sent to the CRM (held ones not included)',
    (g, p) => g.set({ project: p.projectId }, p.integration === 'active' ? p.pending : 0),
  );
  gauge(
    'callmatrix_project_events_held',
    'Events held while the integration is not active (G10)',
    (g, p) => g.set({ project: p.projectId }, p.integration === 'active' ? 0 : p.pending),
  );
  gauge('callmatrix_project_events_failed', 'Failed events (dead letter)', (g, p) =>
    g.set({ project: p.projectId }, p.failed),
  );
  gauge(
    'callmatrix_project_oldest_pending_age_seconds',
    'How long the oldest pending (or held) event has waited; 0 when none',
    (g, p) =>
      g.set(
        { project: p.projectId },
        p.oldestPendingAt ? Math.max(0, (now() - p.oldestPendingAt.getTime()) / 1000) : 0,
      ),
  );
}
