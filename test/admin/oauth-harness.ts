import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { OAuthApps } from '../../src/service/oauth/apps.js';
import type { Store } from '../../src/store/store.js';
import { serviceApp } from '../support/service-app.js';
import type { TestStore } from '../support/test-store.js';

// The service over real HTTP on loopback with the real CRM adapters (the
// emulators stand in for the CRMs), for the OAuth "Connect" flow end to end.

export const OPERATOR_KEY = 'cmo_oauth-operator-key-0123456789abcdef';

export interface OAuthHarness {
  readonly baseUrl: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly opened: TestStore;
  readonly clock: { now: Date };
  /** A JSON request to the service with the operator key (or the key given). */
  call(method: string, path: string, body?: unknown, key?: string): Promise<Response>;
  close(): Promise<void>;
}

export async function oauthHarness(oauth: OAuthApps): Promise<OAuthHarness> {
  const clock = { now: new Date() };
  const { app, store, opened } = await serviceApp({
    storePrefix: 'oauth',
    operatorKey: OPERATOR_KEY,
    allowCrmHosts: ['127.0.0.1'],
    now: () => clock.now,
    oauth,
  });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    app,
    store,
    opened,
    clock,
    call: (method, path, body, key = OPERATOR_KEY) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        redirect: 'manual',
      }),
    async close() {
      await app.close();
      await opened.close();
    },
  };
}

/** A project document without a connection: "Connect" gives it one. */
export function unconnectedDocument(crm: string): Record<string, unknown> {
  return {
    crm,
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    employees: [],
    webhook: { token: randomBytes(16).toString('hex') },
  };
}
