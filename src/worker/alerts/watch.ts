import { randomBytes } from 'node:crypto';
import { DEFAULT_FAILED_THRESHOLD } from '../../domain/alerts.js';
import type { AlertSubject, NewAlert, ProjectState, Store } from '../../store/store.js';
import type { ProjectSource } from '../project.js';

// Issue 11 item 6: state changes announced once per change, not per event.
// Each pass reads every project's figures (indexes only) and the marks of
// what was last announced; a subject whose value moved is announced by the
// process whose mark move wins: a warn log line, and an alert in the outbox
// when the project has an alert webhook.

export type AlertType =
  | 'integration.broken'
  | 'integration.restored'
  | 'index.failed'
  | 'index.restored'
  | 'events.failed_above_threshold'
  | 'events.failed_below_threshold';

export interface AlertLog {
  (message: string, context: Record<string, unknown>): void;
}

export interface AlertWatchOptions {
  readonly store: Store;
  readonly projects: ProjectSource;
  /** Logged at warn: one line per change, with the project and the reason. */
  readonly warn: AlertLog;
  readonly now?: () => Date;
}

interface Change {
  readonly subject: AlertSubject;
  readonly from: string | null;
  readonly to: string;
  /** Null: the mark moves silently (e.g. an operator deactivating). */
  readonly type: AlertType | null;
  readonly reason: string | null;
}

/** A new alert id in the Standard Webhooks style. */
export const newAlertId = (): string => `msg_${randomBytes(16).toString('base64url')}`;

/** What moved for one project since the marks were written. */
export function changesOf(
  figures: ProjectState,
  marks: Partial<Record<AlertSubject, string>>,
  threshold: number,
): Change[] {
  const changes: Change[] = [];
  const integration = marks.integration ?? null;
  if ((integration ?? 'active') !== figures.integration) {
    const to = figures.integration;
    const type =
      to === 'broken'
        ? 'integration.broken'
        : integration === 'broken' && to === 'active'
          ? 'integration.restored'
          : null;
    changes.push({
      subject: 'integration',
      from: integration,
      to,
      type,
      reason: figures.integrationReason,
    });
  }
  const index = marks.index ?? null;
  const indexNow = figures.indexState === 'failed' ? 'failed' : 'ok';
  if ((index ?? 'ok') !== indexNow)
    changes.push({
      subject: 'index',
      from: index,
      to: indexNow,
      type: indexNow === 'failed' ? 'index.failed' : 'index.restored',
      reason:
        indexNow === 'failed'
          ? (figures.indexReason ?? 'the phone index could not be loaded')
          : null,
    });
  const failed = marks.failed ?? null;
  const failedNow = figures.failed >= threshold ? 'above' : 'below';
  if ((failed ?? 'below') !== failedNow)
    changes.push({
      subject: 'failed',
      from: failed,
      to: failedNow,
      type:
        failedNow === 'above' ? 'events.failed_above_threshold' : 'events.failed_below_threshold',
      reason: `${figures.failed} failed events (threshold ${threshold})`,
    });
  return changes;
}

export class AlertWatch {
  private readonly now: () => Date;

  constructor(private readonly options: AlertWatchOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** One pass over every project; resolves to the changes this process announced. */
  async check(): Promise<number> {
    const { store } = this.options;
    // States without counting backlogs: the pending count is read only for an alert being sent.
    const [figures, marks] = await Promise.all([store.projectStates(), store.alertMarks()]);
    let announced = 0;
    for (const project of figures) {
      const view = await this.options.projects.get(project.projectId).catch(() => null);
      const threshold = view?.alerts?.failedThreshold ?? DEFAULT_FAILED_THRESHOLD;
      for (const change of changesOf(project, marks.get(project.projectId) ?? {}, threshold)) {
        const alerts: NewAlert[] =
          change.type !== null && view?.alerts?.url !== undefined
            ? [
                this.alert(
                  { ...project, pending: await store.countPending(project.projectId) },
                  change,
                  change.type,
                  threshold,
                ),
              ]
            : [];
        const won = await store.moveAlertMark({
          projectId: project.projectId,
          subject: change.subject,
          from: change.from,
          to: change.to,
          alerts,
        });
        if (!won || change.type === null) continue;
        announced += 1;
        this.options.warn(`alert: ${change.type}`, {
          projectId: project.projectId,
          alert: change.type,
          reason: change.reason,
          webhook: alerts.length > 0,
        });
      }
    }
    return announced;
  }

  private alert(
    project: ProjectState & { readonly pending: number },
    change: Change,
    type: AlertType,
    threshold: number,
  ): NewAlert {
    const now = this.now();
    const held = project.integration === 'active' ? 0 : project.pending;
    return {
      id: newAlertId(),
      projectId: project.projectId,
      channel: 'webhook',
      type,
      now,
      // The Standard Webhooks payload shape: type, timestamp, data.
      payload: {
        type,
        timestamp: now.toISOString(),
        data: {
          project: project.projectId,
          reason: change.reason,
          integration: {
            state: project.integration,
            since: project.integrationSince.toISOString(),
            reason: project.integrationReason,
          },
          index: { state: project.indexState, reason: project.indexReason },
          events: {
            pending: project.pending - held,
            held,
            failed: project.failed,
            failedThreshold: threshold,
          },
        },
      },
    };
  }
}
