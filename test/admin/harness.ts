import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { createApiClient, type ApiClient, type Schemas } from '../../api-client/index.js';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import { CrmError, err, type CrmPort } from '../../src/crm/port.js';
import { SnapshotSchema, type Snapshot } from '../../src/domain/snapshot.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import {
  ProjectStore,
  registerAdminRoutes,
  type AdminHooks,
} from '../../src/service/admin/index.js';
import type { ProjectView } from '../../src/worker/project.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { injectFetch } from '../support/inject-fetch.js';
import { openTestStore } from '../support/test-store.js';
import type { Store } from '../../src/store/store.js';

// A bare fastify app with the admin routes on a temp SQLite store, and an
// in-memory CRM per project (seeded from a `{ kind: 'memory', state }` connection).

const STAND_IN_USERS = [
  { id: 'u1', name: 'Olena Top' },
  { id: 'u2', name: 'Petro' },
];

export const OPERATOR_KEY = 'cmo_test-operator-key-0123456789abcdef';

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly crms: Map<string, MemoryCrm>;
  /** Projects whose CRM refuses the credentials (G10). */
  readonly revoked: Set<string>;
  readonly routes: string[];
  /** The projects as the workers read them (the admin routes' own cache). */
  readonly projects: ProjectStore;
  /** The CRM port of a project, as the admin routes and the workers get it. */
  readonly crmPort: (project: ProjectView) => CrmPort;
  /** The typed client (api-client/) with the operator key, calling the app in-process. */
  readonly api: ApiClient;
  /** The same client with another key (a project key, a webhook token), or none. */
  apiAs(key?: string): ApiClient;
  now: Date;
  close(): Promise<void>;
}

export async function harness(
  options: { hooks?: AdminHooks; allowCrmHosts?: string[] } = {},
): Promise<Harness> {
  const opened = await openTestStore('adm');
  const { store } = opened;
  await ensureOperatorKey(store, OPERATOR_KEY, new Date());
  const crms = new Map<string, MemoryCrm>();
  const revoked = new Set<string>();
  const routes: string[] = [];
  const secretBox = new SecretBox(Buffer.from(generateSecretKey(), 'base64'));
  const projects = new ProjectStore(store, secretBox);
  const app = Fastify({ logger: false });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  const apiAs = (key?: string): ApiClient =>
    createApiClient({
      baseUrl: 'http://callmatrix.test',
      fetch: injectFetch(app),
      ...(key !== undefined && { key }),
    });
  const h: Harness = {
    app,
    store,
    crms,
    revoked,
    routes,
    projects,
    crmPort: (project) => crmPort(project),
    api: apiAs(OPERATOR_KEY),
    apiAs,
    now: new Date('2026-05-04T12:00:00Z'),
    async close() {
      await app.close();
      await opened.close();
    },
  };
  const crmPort = (project: ProjectView): CrmPort => {
    if (revoked.has(project.id)) {
      const refuse = () =>
        Promise.resolve(err<never>(new CrmError('reauth', 'invalid_grant: token revoked')));
      return { findClient: refuse, apply: refuse, listUsers: refuse };
    }
    let port = crms.get(project.id);
    if (!port) {
      const connection = project.connection as { state?: Snapshot } | null;
      // A document naming a real CRM gets a stand-in that knows the users memoryDocument links (issue 11 item 2 checks them).
      const seed = connection?.state ?? SnapshotSchema.parse({ users: STAND_IN_USERS });
      port = new MemoryCrm(project.crm, seed, {
        defaultCountry: project.settings.defaultCountry,
        texts: fitTexts(project.settings.language),
      });
      crms.set(project.id, port);
    }
    return port;
  };
  registerAdminRoutes(app, {
    store,
    secretBox,
    projects,
    allowCrmHosts: options.allowCrmHosts ?? ['127.0.0.1', 'localhost'],
    crmPort,
    now: () => h.now,
    ...(options.hooks && { hooks: options.hooks }),
  });
  await app.ready();
  return h;
}

export const auth = (key: string = OPERATOR_KEY) => ({ authorization: `Bearer ${key}` });

/** A small valid document on the in-memory CRM. */
export function memoryDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    crm: 'pipedrive',
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    employees: [
      {
        id: 'e1',
        name: 'Olena Top',
        crmUserId: 'u1',
        extension: '100',
        sipLogins: ['olena'],
        topManager: true,
      },
      { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101', sipLogins: ['petro'] },
    ],
    connection: {
      kind: 'memory',
      state: {
        users: [
          { id: 'u1', name: 'Olena Top' },
          { id: 'u2', name: 'Petro' },
        ],
        contacts: [{ id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u2' }],
      },
    },
    ...overrides,
  };
}

/** What the tests read of an answer, whichever way it was made. */
export interface Answer {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  json<T = unknown>(): T;
}

/** The answer of a typed-client call in the shape the tests read. */
export function answer(result: { response: Response; data?: unknown; error?: unknown }): Answer {
  const body = result.data ?? result.error;
  return {
    statusCode: result.response.status,
    headers: Object.fromEntries(result.response.headers),
    json: <T>() => body as T,
  };
}

/** PUT /v1/projects/{project} through the typed client (`document` may be invalid on purpose). */
export async function putProject(
  h: Harness,
  id: string,
  document: unknown = memoryDocument(),
): Promise<Answer> {
  return answer(
    await h.api.PUT('/v1/projects/{project}', {
      params: { path: { project: id } },
      body: document as Schemas['ProjectDocument'],
    }),
  );
}

export async function projectKey(h: Harness, id: string): Promise<string> {
  const { data, response } = await h.api.POST('/v1/projects/{project}/keys', {
    params: { path: { project: id } },
  });
  if (!data) throw new Error(`creating a key of ${id} answered ${response.status}`);
  return data.key;
}

/**
 * Each test of the file gets a fresh harness with the in-memory project `acme`
 * (memoryDocument), handed to `use` before the test and closed after it.
 */
export function acmeForEachTest(use: (h: Harness) => void): void {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await harness();
    await putProject(current, 'acme');
    use(current);
  });
  afterEach(async () => {
    await current?.close();
  });
}
