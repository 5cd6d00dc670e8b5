import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { NOW, OPERATOR, openFuzzApp } from './fuzz-app.js';

export { NOW, OPERATOR } from './fuzz-app.js';

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

export const TOKEN = 'fuzz-webhook-token-0123456789';
export const SECRET = `whsec_${Buffer.from('alert-secret-of-thirty-two-bytes').toString('base64')}`;

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
  const { app, store, close } = await openFuzzApp(DOCUMENT, {
    tempPrefix: 'callmatrix-fuzz-new-',
    // Connect set up for Zoho and Pipedrive; the OAuth server is never reached.
    oauth: {
      apps: {
        zoho: { clientId: 'cid', clientSecret: 'csecret', server: 'http://127.0.0.1:9' },
        pipedrive: { clientId: 'cid', clientSecret: 'csecret', server: 'http://127.0.0.1:9' },
      },
    },
  });
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
    close,
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
