import type { CrmPort } from '../../crm/port.js';
import type { Operation } from '../../domain/plan.js';
import type { AlertRecord, Store } from '../../store/store.js';
import type { ProjectSource, ProjectView } from '../project.js';
import { nextAttempt } from '../retry.js';
import { signWebhook } from './sign.js';
import { alertUrlRefusal } from './target.js';

// Issue 11 item 6: the outbox's alerts sent, durable and retried like any
// outbound call (the events' retry schedule): the operator's webhook, signed
// per Standard Webhooks, no redirect followed and the host rule asked before
// each send; the outage task through the project's CRM port.

export interface AlertSenderOptions {
  readonly store: Store;
  readonly projects: ProjectSource;
  readonly ports: (project: ProjectView) => CrmPort;
  /** CALLMATRIX_ALLOW_CRM_HOSTS as the process was started with. */
  readonly allowHosts: readonly string[];
  readonly retryScheduleSec: readonly number[];
  readonly warn: (message: string, context: Record<string, unknown>) => void;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly leaseMs?: number;
}

type Attempt =
  { readonly ok: true } | { readonly ok: false; readonly retry: boolean; readonly error: string };

/** The CRM task's record, as the activation wrote it into the outbox. */
export interface OutageTaskPayload {
  readonly task: Extract<Operation, { op: 'create_task' }>['record'];
}

const MAX_ERROR = 300;

export class AlertSender {
  private readonly now: () => Date;

  constructor(private readonly options: AlertSenderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Sends what is due; resolves to the alerts sent. */
  async sendDue(limit = 20): Promise<number> {
    const { store } = this.options;
    const due = await store.claimAlerts(this.now(), limit, this.options.leaseMs ?? 60_000);
    let sent = 0;
    for (const alert of due) {
      const attempt = await this.attempt(alert).catch((error: unknown): Attempt => ({
        ok: false,
        retry: true,
        error: String(error),
      }));
      if (attempt.ok) {
        await store.finishAlert(alert.id, { state: 'sent', now: this.now() });
        sent += 1;
        continue;
      }
      const error = attempt.error.slice(0, MAX_ERROR);
      const next = attempt.retry
        ? nextAttempt(
            alert.attempts,
            { kind: 'retryable' },
            this.now(),
            this.options.retryScheduleSec,
          )
        : 'give-up';
      if (next === 'give-up') {
        await store.finishAlert(alert.id, { state: 'failed', error, now: this.now() });
        this.options.warn('alert not delivered', {
          projectId: alert.projectId,
          alert: alert.type,
          channel: alert.channel,
          reason: error,
        });
      } else await store.finishAlert(alert.id, { state: 'retry', at: next, error });
    }
    return sent;
  }

  private async attempt(alert: AlertRecord): Promise<Attempt> {
    const project = await this.options.projects.get(alert.projectId);
    if (!project) return { ok: false, retry: false, error: 'the project no longer exists' };
    return alert.channel === 'crm-task'
      ? this.toCrm(alert, project)
      : this.toWebhook(alert, project);
  }

  private async toWebhook(alert: AlertRecord, project: ProjectView): Promise<Attempt> {
    const { url, signingSecret } = project.alerts ?? {};
    if (url === undefined || signingSecret === undefined)
      return { ok: false, retry: false, error: 'the project no longer has an alert webhook' };
    // Item 9: the rule as it is now (CALLMATRIX_ALLOW_CRM_HOSTS may have changed since the save).
    const refusal = alertUrlRefusal(project.crm, url, this.options.allowHosts);
    if (refusal) return { ok: false, retry: false, error: refusal };
    const body = JSON.stringify(alert.payload);
    const headers = signWebhook(
      signingSecret,
      alert.id,
      Math.floor(this.now().getTime() / 1000),
      body,
    );
    const response = await (this.options.fetch ?? fetch)(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    await response.body?.cancel().catch(() => undefined);
    const { status } = response;
    if (status >= 200 && status < 300) return { ok: true };
    if (status >= 300 && status < 400)
      return {
        ok: false,
        retry: false,
        error: `the alert webhook answered ${status} (a redirect); redirects are not followed`,
      };
    const retry = status === 408 || status === 429 || status >= 500;
    return { ok: false, retry, error: `the alert webhook answered ${status}` };
  }

  private async toCrm(alert: AlertRecord, project: ProjectView): Promise<Attempt> {
    const { task } = alert.payload as OutageTaskPayload;
    const result = await this.options
      .ports(project)
      .apply({ op: 'create_task', key: `alert:${alert.id}`, record: task });
    if (result.ok) return { ok: true };
    return { ok: false, retry: result.error.kind === 'retryable', error: result.error.message };
  }
}
