import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { seedEmulator } from '../index/seed.js';
import { CRM_STATE, EMPLOYEES, incomingCallStarted } from './events.js';
import { EMULATORS, type RunningEmulator } from '../../src/sandbox/emulators.js';
import type { ReplayLimits } from '../../src/service/admin/context.js';
import type { Store } from '../../src/store/store.js';
import { Worker } from '../../src/worker/worker.js';
import { serviceApp } from '../support/service-app.js';

// The service as `serve` wires it (ingest, admin API, a worker driven step by
// step) on a real store — SQLite in a temp file, or PostgreSQL with
// CALLMATRIX_TEST_BACKEND=postgres — and the Pipedrive emulator as its CRM,
// spoken to over HTTP through the real adapter.

export const OPERATOR_KEY = 'cmo_replay-operator-key-0123456789abcdef';
export const TOKEN = 'tok_replay0123456789ab';

export interface ReplayHarness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly worker: Worker;
  readonly emulator: RunningEmulator;
  /** Worker steps until the inbox has nothing it can take. */
  drain(): Promise<void>;
  /** The emulator's own request count (service.md §7 `GET /_emulator/requests`). */
  crmRequests(): Promise<number>;
  /** The emulator's content as a neutral snapshot. */
  crmSnapshot(): Promise<unknown>;
  close(): Promise<void>;
}

export async function replayHarness(replayLimits?: ReplayLimits): Promise<ReplayHarness> {
  const emulator = await EMULATORS.pipedrive.replay();
  const { app, store, opened, projects, registry } = await serviceApp({
    storePrefix: 'replay',
    operatorKey: OPERATOR_KEY,
    allowCrmHosts: ['127.0.0.1', 'localhost'],
    ...(replayLimits && { replayLimits }),
  });
  const worker = new Worker({
    store,
    projects,
    ports: (project) => registry.portFor(project),
    concurrency: 4,
    leaseMs: 30_000,
    pollMs: 20,
    retryScheduleSec: [5],
    endedGraceSec: 0,
  });
  await app.ready();
  const emulatorJson = async (path: string): Promise<unknown> =>
    (await fetch(`${emulator.baseUrl}${path}`)).json();
  return {
    app,
    store,
    worker,
    emulator,
    async drain() {
      while ((await worker.runOnce()).length > 0);
    },
    async crmRequests() {
      return ((await emulatorJson('/_emulator/requests')) as { total: number }).total;
    },
    crmSnapshot: () => emulatorJson('/_emulator/snapshot'),
    async close() {
      await app.close();
      await opened.close();
      await emulator.close();
    },
  };
}

export const ADMIN = {
  'content-type': 'application/json',
  authorization: `Bearer ${OPERATOR_KEY}`,
};
const INGEST = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
export const DAY = { from: '2026-03-02T00:00:00+02:00', to: '2026-03-02T23:59:59+02:00' };

const at = (hh: number, mm: number): string =>
  new Date(Date.UTC(2026, 2, 2, hh - 2, mm)).toISOString();

function answered(callId: string, from: string, hh: number): Record<string, unknown>[] {
  return [
    incomingCallStarted(callId, from, at(hh, 0)),
    {
      type: 'call.answered',
      eventId: `${callId}-2`,
      callId,
      at: at(hh, 1),
      employee: { extension: '101' },
    },
    {
      type: 'call.ended',
      eventId: `${callId}-3`,
      callId,
      at: at(hh, 5),
      disposition: 'answered',
      durationSec: 300,
      talkSec: 240,
    },
  ];
}

function missed(callId: string, from: string, hh: number): Record<string, unknown>[] {
  return [
    incomingCallStarted(callId, from, at(hh, 0)),
    {
      type: 'call.ended',
      eventId: `${callId}-2`,
      callId,
      at: at(hh, 1),
      disposition: 'missed',
      durationSec: 30,
      talkSec: 0,
    },
  ];
}

/** A day: Ivan calls and is answered, Maria's call is missed, Ivan calls again in the afternoon. */
export const A_DAY = [
  ...answered('ivan-am', '+380501112233', 9),
  ...missed('maria', '+380671234567', 11),
  ...answered('ivan-pm', '+380501112233', 15),
];

/**
 * A day stored: the Pipedrive emulator seeded with the two employees' users, the
 * project put through the admin API, the day's events ingested and run by the worker.
 */
export async function storedDay(
  limits?: ReplayLimits,
): Promise<{ h: ReplayHarness; native: (kind: string, id: string) => string }> {
  const h = await replayHarness(limits);
  const native = await seedEmulator(h.emulator.baseUrl, CRM_STATE);
  const employees = EMPLOYEES.map((e) => ({ ...e, crmUserId: native('users', e.crmUserId) }));
  const put = await h.app.inject({
    method: 'PUT',
    url: '/v1/projects/acme',
    headers: ADMIN,
    payload: {
      crm: 'pipedrive',
      project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
      employees,
      connection: h.emulator.connection,
      webhook: { token: TOKEN },
    },
  });
  expect(put.statusCode, put.body).toBeLessThan(300);
  const ingest = await h.app.inject({
    method: 'POST',
    url: '/v1/projects/acme/events',
    headers: INGEST,
    payload: A_DAY,
  });
  expect(ingest.statusCode, ingest.body).toBe(202);
  await h.drain();
  expect(await h.store.countEvents('acme')).toMatchObject({ applied: 8, pending: 0, failed: 0 });
  return { h, native };
}
