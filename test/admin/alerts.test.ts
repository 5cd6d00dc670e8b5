import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceMetrics } from '../../src/service/ops/metrics.js';
import { AlertService, type AlertServiceOptions } from '../../src/worker/alerts/service.js';
import { alertReceiver, type AlertReceiver } from '../support/alert-receiver.js';
import { callStarted, inbox } from './events.js';
import { auth, harness, memoryDocument, putProject, type Harness } from './harness.js';

// Issue 11 item 6: state changes logged once at warn, sent signed to the
// project's alert webhook through a durable outbox, a task for the top manager
// when the integration comes back with resend, and per-project gauges.
// Runs on SQLite, and on PostgreSQL in the service suites' second run.

const SECRET = `whsec_${Buffer.from('alert-secret-of-thirty-two-bytes').toString('base64')}`;

let h: Harness;
let receiver: AlertReceiver;
let warns: Array<{ message: string; context: Record<string, unknown> }>;

beforeEach(async () => {
  h = await harness();
  h.now = new Date();
  receiver = await alertReceiver();
  warns = [];
});
afterEach(async () => {
  await receiver.close();
  await h.close();
});

const alertsDoc = (overrides: Record<string, unknown> = {}) =>
  memoryDocument({ alerts: { url: receiver.url, signingSecret: SECRET, ...overrides } });

function service(overrides: Partial<AlertServiceOptions> = {}): AlertService {
  return new AlertService({
    store: h.store,
    projects: h.projects,
    ports: h.crmPort,
    allowHosts: ['127.0.0.1', 'localhost'],
    retryScheduleSec: [1, 1],
    intervalMs: 60_000,
    warn: (message, context) => warns.push({ message, context }),
    now: () => h.now,
    ...overrides,
  });
}

const payloads = () =>
  receiver.received.map(({ body, headers }) =>
    new Webhook(SECRET).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    }),
  ) as Array<{ type: string; data: Record<string, unknown> }>;

async function failEvents(count: number): Promise<void> {
  const at = h.now.toISOString();
  await h.store.insertEvents(
    'acme',
    Array.from({ length: count }, (_, i) => inbox(callStarted(`f${i}`, `fc${i}`, at))),
    h.now,
  );
  for (const item of await h.store.claimEvents('w1', count, 60_000, h.now))
    await h.store.fail('w1', 'acme', item.eventId, 'INVALID_DATA Owner');
}

describe('the alert settings in the project document', () => {
  it('refuses an alert url without a signing secret, naming the field', async () => {
    const res = await putProject(h, 'acme', memoryDocument({ alerts: { url: receiver.url } }));
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('alerts.signingSecret');
  });

  it('refuses an alert url whose host the CRM host rule does not allow', async () => {
    const res = await putProject(h, 'acme', alertsDoc({ url: 'https://alerts.example.com/hook' }));
    expect(res.statusCode).toBe(422);
    const body = JSON.stringify(res.json());
    expect(body).toContain('alerts.url');
    expect(body).toContain('CALLMATRIX_ALLOW_CRM_HOSTS');
    expect(await h.store.getProject('acme')).toBeNull();
  });

  it('refuses a threshold that is not a positive whole number', async () => {
    const res = await putProject(h, 'acme', alertsDoc({ failedThreshold: 0 }));
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('alerts.failedThreshold');
  });

  it('keeps the secret write-only and defaults the threshold', async () => {
    expect((await putProject(h, 'acme', alertsDoc())).statusCode).toBe(201);
    const got = await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth() });
    const alerts = got.json<{ alerts: Record<string, unknown> }>().alerts;
    expect(alerts).toEqual({ url: receiver.url, signingSecret: 'redacted', failedThreshold: 10 });
  });
});

describe('state changes announced (issue 11 item 6)', () => {
  it('an integration turning broken: one warn line and one signed alert, however often it is looked at', async () => {
    await putProject(h, 'acme', alertsDoc());
    const alerts = service();
    await alerts.pass();
    expect(warns).toEqual([]);
    // Three events waiting: held once the integration is broken, and counted so in the alert.
    await h.store.insertEvents(
      'acme',
      ['h1', 'h2', 'h3'].map((id) => inbox(callStarted(id, `c${id}`, h.now.toISOString()))),
      h.now,
    );
    await h.store.moveIntegration('acme', 'broken', 'invalid_grant: token revoked', h.now);
    await alerts.pass();
    await alerts.pass();
    await service().pass(); // a second process watching the same store
    expect(warns).toEqual([
      {
        message: 'alert: integration.broken',
        context: {
          projectId: 'acme',
          alert: 'integration.broken',
          reason: 'invalid_grant: token revoked',
          webhook: true,
        },
      },
    ]);
    const [payload] = payloads();
    expect(receiver.received).toHaveLength(1);
    expect(payload?.type).toBe('integration.broken');
    expect(payload?.data).toMatchObject({
      project: 'acme',
      reason: 'invalid_grant: token revoked',
      integration: { state: 'broken' },
      events: { pending: 0, held: 3, failed: 0 },
    });
    expect(receiver.received[0]?.headers['webhook-id']).toMatch(/^msg_/);
  });

  it('looks at projects without counting their backlogs (issue 10: it runs beside ingest)', async () => {
    await putProject(h, 'acme', alertsDoc());
    await h.store.insertEvents(
      'acme',
      [inbox(callStarted('b1', 'bc1', h.now.toISOString()))],
      h.now,
    );
    const counted: string[] = [];
    const store = new Proxy(h.store, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (name === 'projectFigures' || name === 'countPending') counted.push(String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    await service({ store }).pass();
    expect(counted).toEqual([]);
    await h.store.moveIntegration('acme', 'broken', 'invalid_grant: token revoked', h.now);
    await service({ store }).pass();
    // Only an alert being sent counts its project's pending events.
    expect(counted).toEqual(['countPending']);
  });

  it('back with resend: restored alert, and a task for the top manager saying how long and how many', async () => {
    await putProject(h, 'acme', alertsDoc());
    const alerts = service();
    const brokenAt = new Date(h.now.getTime() - 90 * 60_000);
    await h.store.moveIntegration('acme', 'broken', 'token revoked', brokenAt);
    await alerts.pass();
    // Held meanwhile: two calls inside the resend window, one older (expires).
    const old = new Date(h.now.getTime() - 10 * 86_400_000).toISOString();
    await h.store.insertEvents(
      'acme',
      [
        inbox(callStarted('h1', 'hc1', h.now.toISOString())),
        inbox(callStarted('h2', 'hc2', h.now.toISOString())),
        inbox(callStarted('h3', 'hc3', old)),
      ],
      h.now,
    );
    const activated = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/acme/integration/activate',
      headers: auth(),
      payload: { resend: true },
    });
    expect(activated.statusCode).toBe(200);
    await alerts.pass();
    expect(payloads().map((p) => p.type)).toEqual(['integration.broken', 'integration.restored']);
    expect(warns.map((w) => w.message)).toEqual([
      'alert: integration.broken',
      'alert: integration.restored',
    ]);
    const crm = h.crms.get('acme');
    const snapshot = await crm?.snapshot();
    const tasks = snapshot?.ok ? snapshot.value.tasks : [];
    const task = tasks.find((t) => t.title === 'The CRM integration is working again');
    expect(task?.assigneeId).toBe('u1');
    expect(task?.description).toContain('down for 1 h 30 min');
    expect(task?.description).toContain('Calls resent: 2');
    expect(task?.description).toContain('not sent): 1');
    // Sent once: another pass writes no second task.
    await alerts.pass();
    const again = await crm?.snapshot();
    expect(again?.ok && again.value.tasks.filter((t) => t.title === task?.title)).toHaveLength(1);
  });

  it('the task is written in the project language', async () => {
    await putProject(h, 'acme', {
      ...alertsDoc(),
      project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', language: 'uk' },
    });
    await h.store.moveIntegration('acme', 'broken', 'token revoked', h.now);
    await h.app.inject({
      method: 'POST',
      url: '/v1/projects/acme/integration/activate',
      headers: auth(),
      payload: { resend: true },
    });
    await service().pass();
    const snapshot = await h.crms.get('acme')?.snapshot();
    const titles = snapshot?.ok ? snapshot.value.tasks.map((t) => t.title) : [];
    expect(titles).toContain('Інтеграція з CRM знову працює');
  });

  it('no task when the integration comes back without resend', async () => {
    await putProject(h, 'acme', alertsDoc());
    await h.store.moveIntegration('acme', 'broken', 'token revoked', h.now);
    await service().pass();
    await h.app.inject({
      method: 'POST',
      url: '/v1/projects/acme/integration/activate',
      headers: auth(),
      payload: { resend: false },
    });
    await service().pass();
    const alerts = await h.store.listAlerts('acme');
    expect(alerts.map((a) => [a.channel, a.type]).sort()).toEqual([
      ['webhook', 'integration.broken'],
      ['webhook', 'integration.restored'],
    ]);
  });

  it('failed events crossing the threshold, up and back down, once each', async () => {
    await putProject(h, 'acme', alertsDoc({ failedThreshold: 3 }));
    const alerts = service();
    await failEvents(2);
    await alerts.pass();
    expect(warns).toEqual([]);
    await failEvents(1).catch(() => undefined);
    await h.store.insertEvents(
      'acme',
      [inbox(callStarted('g1', 'gc1', h.now.toISOString()))],
      h.now,
    );
    for (const item of await h.store.claimEvents('w1', 5, 60_000, h.now))
      await h.store.fail('w1', 'acme', item.eventId, 'INVALID_DATA Owner');
    await alerts.pass();
    await alerts.pass();
    expect(warns.map((w) => w.message)).toEqual(['alert: events.failed_above_threshold']);
    expect(warns[0]?.context['reason']).toBe('3 failed events (threshold 3)');
    for (const id of ['f0', 'f1']) expect(await h.store.retry('acme', id, h.now)).toBe(true);
    await alerts.pass();
    expect(payloads().map((p) => p.type)).toEqual([
      'events.failed_above_threshold',
      'events.failed_below_threshold',
    ]);
  });

  it('the phone index failing and loading again: announced once each, with the reason', async () => {
    await putProject(h, 'acme', alertsDoc());
    const alerts = service();
    await h.store.setIndexState('acme', 'failed', 'the CRM answered 500 to the record list');
    await alerts.pass();
    await alerts.pass();
    await h.store.setIndexState('acme', 'ready');
    await alerts.pass();
    expect(warns.map((w) => [w.message, w.context['reason']])).toEqual([
      ['alert: index.failed', 'the CRM answered 500 to the record list'],
      ['alert: index.restored', null],
    ]);
    expect(payloads().map((p) => p.type)).toEqual(['index.failed', 'index.restored']);
  });

  it('logs without a webhook when the project has none', async () => {
    await putProject(h, 'acme');
    await h.store.moveIntegration('acme', 'broken', 'token revoked', h.now);
    await service().pass();
    expect(warns).toHaveLength(1);
    expect(warns[0]?.context).toMatchObject({ projectId: 'acme', webhook: false });
    expect(await h.store.listAlerts('acme')).toEqual([]);
  });
});

describe('alert delivery', () => {
  it('an alert the webhook refuses with 503 stays in the outbox and is sent by a later sender', async () => {
    await putProject(h, 'acme', alertsDoc());
    receiver.answers = [{ status: 503 }, { status: 200 }];
    await h.store.moveIntegration('acme', 'broken', 'token revoked', h.now);
    await service().pass();
    const [pending] = await h.store.listAlerts('acme');
    expect(pending).toMatchObject({ state: 'pending', attempts: 1 });
    expect(pending?.lastError).toContain('503');
    // Another process (or this one restarted) after the retry delay: the same alert, the same id.
    h.now = new Date(h.now.getTime() + 5_000);
    await service().pass();
    const [sent] = await h.store.listAlerts('acme');
    expect(sent?.state).toBe('sent');
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([
      pending?.id,
      pending?.id,
    ]);
  });

  it('gives up after the retry schedule, and says so at warn', async () => {
    await putProject(h, 'acme', alertsDoc());
    receiver.answers = [{ status: 500 }];
    await h.store.moveIntegration('acme', 'broken', 'token revoked', h.now);
    for (let i = 0; i < 4; i++) {
      await service().pass();
      h.now = new Date(h.now.getTime() + 5_000);
    }
    const [failed] = await h.store.listAlerts('acme');
    expect(failed).toMatchObject({ state: 'failed', attempts: 3 });
    expect(warns.map((w) => w.message)).toContain('alert not delivered');
  });

  it('follows no redirect', async () => {
    const elsewhere = await alertReceiver();
    try {
      await putProject(h, 'acme', alertsDoc());
      receiver.answers = [{ status: 307, location: elsewhere.url }];
      await h.store.moveIntegration('acme', 'broken', 'token revoked', h.now);
      await service().pass();
      expect(receiver.received).toHaveLength(1);
      expect(elsewhere.received).toHaveLength(0);
      const [alert] = await h.store.listAlerts('acme');
      expect(alert?.state).toBe('failed');
      expect(alert?.lastError).toContain('redirects are not followed');
    } finally {
      await elsewhere.close();
    }
  });

  it('asks the host rule again when sending: a host no longer allowed gets nothing', async () => {
    await putProject(h, 'acme', alertsDoc());
    await h.store.moveIntegration('acme', 'broken', 'token revoked', h.now);
    await service({ allowHosts: [] }).pass();
    expect(receiver.received).toHaveLength(0);
    const [alert] = await h.store.listAlerts('acme');
    expect(alert?.state).toBe('failed');
    expect(alert?.lastError).toContain('CALLMATRIX_ALLOW_CRM_HOSTS');
  });
});

describe('per-project gauges on /metrics', () => {
  it('integration state, pending, held, failed and the oldest pending age', async () => {
    await putProject(h, 'acme');
    await putProject(h, 'beta');
    await failEvents(2);
    const at = new Date(Date.now() - 120_000);
    await h.store.insertEvents('beta', [inbox(callStarted('b1', 'bc1', at.toISOString()))], at);
    await h.store.moveIntegration('beta', 'broken', 'token revoked', h.now);
    const text = await new ServiceMetrics(h.store).registry.metrics();
    expect(text).toContain('callmatrix_project_integration_state{project="beta",state="broken"} 1');
    expect(text).toContain('callmatrix_project_integration_state{project="acme",state="active"} 1');
    expect(text).toContain('callmatrix_project_events_failed{project="acme"} 2');
    expect(text).toContain('callmatrix_project_events_held{project="beta"} 1');
    expect(text).toContain('callmatrix_project_events_pending{project="beta"} 0');
    expect(text).toContain('callmatrix_project_index_state{project="acme",state="loading"} 1');
    const age = Number(
      /callmatrix_project_oldest_pending_age_seconds\{project="beta"\} (\S+)/.exec(text)?.[1],
    );
    expect(age).toBeGreaterThanOrEqual(119);
    expect(age).toBeLessThan(600);
  });
});
