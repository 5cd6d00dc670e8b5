import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { SnapshotSchema } from '../../src/domain/snapshot.js';
import { buildApp } from '../../src/service/app.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

// The service the fuzz of issue 11's new surfaces runs against
// (new-surfaces.test.ts): ingest and the admin API on a temp SQLite store, a
// project with one applied and one failed event, and a Connect flow started
// for it and never finished.

/** Any value but undefined (an absent member is a valid document). */
export const defined = fc.anything().filter((value) => value !== undefined);

/** A path segment as a client would send it; a lone surrogate as its (invalid) UTF-8 bytes. */
export const segment = (id: string): string =>
  [...id]
    .map((char) => (/[\uD800-\uDFFF]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char)))
    .join('');

export const OPERATOR = 'cmo_fuzz-operator-key-0123456789abcdef';
export const TOKEN = 'fuzz-webhook-token-0123456789';
export const SECRET = `whsec_${Buffer.from('alert-secret-of-thirty-two-bytes').toString('base64')}`;
export const NOW = new Date('2026-05-04T12:00:00Z');

export const DOCUMENT = {
  crm: 'pipedrive',
  project: { defaultCountry: 'UA' },
  employees: [{ id: 'e1', name: 'Top', crmUserId: 'u1', topManager: true }],
  connection: { kind: 'memory', state: { users: [{ id: 'u1', name: 'Top' }] } },
  webhook: { token: TOKEN },
  alerts: { url: 'http://127.0.0.1:9/alerts', signingSecret: SECRET, failedThreshold: 5 },
};

/** Strings that trip parsers: lone surrogates, controls, bidi marks, NUL, very long runs. */
export const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\uD800', 'a\uDC00b', '\uFFFF', '\u0000', '\u202E', 'e\u0301', '𝔘𝔫𝔦'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant('x'.repeat(5_000)),
);

export interface Surfaces {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** The state of a real Connect flow for acme (Pipedrive), started and never finished. */
  readonly realState: string;
  /** Everything the requests could have changed. */
  footprint(): Promise<string>;
  close(): Promise<void>;
}

export async function openSurfaces(): Promise<Surfaces> {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-fuzz-new-'));
  const store: Store = await openStore(`sqlite:${join(dir, 'db.sqlite')}`);
  await ensureOperatorKey(store, OPERATOR, NOW);
  const box = new SecretBox(Buffer.from(generateSecretKey(), 'base64'));
  const projects = new ProjectStore(store, box);
  const app = await buildApp({
    store,
    settings: { maxBodyBytes: 64 * 1024, ingestRatePerSec: 0 },
    projects,
    now: () => NOW,
    extraRoutes: [
      (root) =>
        registerAdminRoutes(root, {
          store,
          secretBox: box,
          projects,
          allowCrmHosts: ['127.0.0.1'],
          crmPort: (p) =>
            new MemoryCrm(p.crm, SnapshotSchema.parse({ users: [{ id: 'u1', name: 'Top' }] }), {
              defaultCountry: p.settings.defaultCountry,
              texts: fitTexts(p.settings.language),
            }),
          now: () => NOW,
          // Connect set up for Zoho and Pipedrive; the OAuth server is never reached.
          oauth: {
            apps: {
              zoho: { clientId: 'cid', clientSecret: 'csecret', server: 'http://127.0.0.1:9' },
              pipedrive: { clientId: 'cid', clientSecret: 'csecret', server: 'http://127.0.0.1:9' },
            },
          },
        }),
    ],
  });
  await app.ready();
  const put = await app.inject({
    method: 'PUT',
    url: '/v1/projects/acme',
    headers: { authorization: `Bearer ${OPERATOR}` },
    payload: DOCUMENT,
  });
  expect(put.statusCode).toBe(201);
  // One event already applied: retrying it is a conflict, not a change.
  const event = {
    eventId: 'done-1',
    type: 'call.started',
    at: NOW.toISOString(),
    callId: 'c-done',
    direction: 'incoming',
    from: '+380501112233',
    to: '+380441110001',
  };
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/projects/acme/events',
    headers: { authorization: `Bearer ${TOKEN}` },
    payload: event,
  });
  expect(accepted.statusCode).toBe(202);
  // And one failed event of another caller: a retry that got through would put it back.
  const failing = { ...event, eventId: 'failed-1', callId: 'c-failed', from: '+380671112233' };
  const second = await app.inject({
    method: 'POST',
    url: '/v1/projects/acme/events',
    headers: { authorization: `Bearer ${TOKEN}` },
    payload: failing,
  });
  expect(second.statusCode).toBe(202);
  const claimedNow = await store.claimEvents('w', 2, 60_000, NOW);
  expect(claimedNow.map((e) => e.eventId).sort()).toEqual(['done-1', 'failed-1']);
  expect(await store.fail('w', 'acme', 'failed-1', 'refused by the CRM')).toBe(true);
  await store.complete('w', 'acme', 'done-1', {
    outcome: 'skipped',
    journal: {
      entry: {
        eventId: 'done-1',
        type: 'call.started',
        conditions: [],
        outcome: 'skipped',
        operations: [],
      },
      at: NOW,
      callId: 'c-done',
      phones: [],
    },
  });

  const started = await app.inject({
    method: 'POST',
    url: '/v1/oauth/pipedrive/start',
    headers: { authorization: `Bearer ${OPERATOR}` },
    payload: { project: 'acme' },
  });
  expect(started.statusCode).toBe(200);
  const realState = started.json<{ state: string }>().state;
  return {
    app,
    store,
    realState,
    footprint: () => footprintOf(store),
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything the requests could have changed. */
async function footprintOf(store: Store): Promise<string> {
  const projects = await store.listProjects();
  const per = await Promise.all(
    projects.map(async (p) => ({
      id: p.id,
      version: p.version,
      document: p.document,
      events: await store.countEvents(p.id),
      journal: (await store.listJournal(p.id, {})).entries.length,
      alerts: (await store.listAlerts(p.id)).length,
    })),
  );
  return JSON.stringify(per);
}

export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
