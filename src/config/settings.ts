import { z } from 'zod';
import { problemsFromZod, type Parsed } from '../domain/problems.js';

// Environment and flags, parsed once at start-up (service.md §1, style §2.10).
// Flags win over variables. Units are in the names.

const positiveInt = z.coerce.number().int().positive();
const nonNegative = z.coerce.number().nonnegative();

/** A comma-separated list of numbers, e.g. the retry schedule `5,30,120`. */
const secondsList = z
  .string()
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .pipe(z.array(z.number().positive()).min(1, 'expected at least one delay'));

const hostList = z.string().transform((text) =>
  text
    .split(',')
    .map((host) => host.trim())
    .filter((host) => host !== ''),
);

export const SettingsSchema = z.strictObject({
  databaseUrl: z
    .string()
    .min(1)
    .default('sqlite:./data/callmatrix.db')
    .describe(
      'Where events, projects and the journal are kept: `sqlite:PATH` (one machine) or `postgres://user:pass@host:5432/db` (several worker processes or machines).',
    ),
  adminKey: z
    .string()
    .min(16, 'expected at least 16 characters')
    .optional()
    .describe(
      'The operator key (at least 16 characters). Unset: one is created at first start, printed once to stderr, and only its hash is stored.',
    ),
  secretKey: z
    .string()
    .optional()
    .describe(
      'Encrypts CRM credentials and webhook secrets at rest: 32 random bytes, base64 (`openssl rand -base64 32`). Unset: SQLite generates `DATA_DIR/secret.key` (mode 0600); PostgreSQL refuses to start.',
    ),
  allowCrmHosts: hostList
    .default([])
    .describe(
      "Extra hosts a project's connection may name, plain http allowed, comma-separated (e.g. `127.0.0.1,localhost` for the emulators). Unset: only the CRMs' own domains over https.",
    ),
  ingestRatePerSec: nonNegative
    .default(200)
    .describe(
      "Each project's ingest limit in requests per second (bursts of twice that); 0 turns it off.",
    ),
  port: z.coerce.number().int().min(0).max(65_535).default(8080).describe('Listen port.'),
  host: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe(
      'Listen address. The default answers this machine only; `0.0.0.0` (or `::`) listens on every interface, for a reverse proxy on another machine or a container.',
    ),
  maxBodyBytes: positiveInt.default(1024 * 1024).describe('Largest accepted request body, bytes.'),
  requestTimeoutMs: positiveInt
    .default(30_000)
    .describe(
      'A request not received whole (headers and body) within this many milliseconds is cut off with 408: slow bodies hold sockets and memory.',
    ),
  workerConcurrency: positiveInt
    .default(8)
    .describe('Events one process works on at once (different clients only, D7).'),
  retryScheduleSec: secondsList
    .default([5, 30, 120, 600, 1800, 3600])
    .describe(
      'Seconds between attempts of a failing event, comma-separated; after the last one the event fails (dead letter, retryable by hand).',
    ),
  leaseMs: positiveInt
    .default(60_000)
    .describe('How long a claimed event is held before another worker may take it, ms.'),
  endedGraceSec: nonNegative
    .default(60)
    .describe('D11: how long a `call.ended` without its `call.started` waits for it, seconds.'),
  serveWorkers: z
    .stringbool({ truthy: ['true', '1', 'yes'], falsy: ['false', '0', 'no'] })
    .default(true)
    .describe(
      "`callmatrix serve` runs workers in a thread of its own, at a lower CPU priority than the thread that answers HTTP (nice +10, on Linux), so acknowledgements come first when the cores are busy; the workers' pace is set by the CRM's limits anyway. `false` (or `serve --no-workers`): serve only ingests and answers the API, and `callmatrix worker` processes do the work (scale-out on PostgreSQL; refused on an in-memory SQLite database, where nothing else could).",
    ),
  pollMs: positiveInt
    .default(200)
    .describe('How long an idle worker waits before looking for work again, ms.'),
  indexSyncSec: positiveInt
    .default(300)
    .describe(
      "G13: how often each active project's recently changed CRM records are read into the phone index, seconds.",
    ),
  logLevel: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe(
      'Log level: fatal, error, warn, info, debug, trace or silent. One line per request, URL query values redacted.',
    ),
  workerPort: z.coerce
    .number()
    .int()
    .min(0)
    .max(65_535)
    .default(8081)
    .describe(
      'Where `callmatrix worker` serves /healthz, /readyz and /metrics (0: any free port).',
    ),
  publicUrl: z
    .url()
    .optional()
    .describe(
      'The address browsers reach this service at (`https://callmatrix.example.com`): OAuth redirect URIs are `{publicUrl}/v1/oauth/{crm}/callback`. Unset: taken from the request that starts the flow (docs/oauth.md).',
    ),
  zohoClientId: z
    .string()
    .min(1)
    .optional()
    .describe("Zoho's OAuth client id (API console, server-based client), for Connect with Zoho."),
  zohoClientSecret: z.string().min(1).optional().describe("Zoho's OAuth client secret."),
  zohoAccountsUrl: z
    .url()
    .default('https://accounts.zoho.com')
    .describe(
      "Zoho's accounts server where Connect starts (your data centre's, e.g. `https://accounts.zoho.eu`).",
    ),
  salesforceClientId: z
    .string()
    .min(1)
    .optional()
    .describe("The Salesforce connected app's consumer key, for Connect with Salesforce."),
  salesforceClientSecret: z
    .string()
    .min(1)
    .optional()
    .describe("The Salesforce connected app's consumer secret."),
  salesforceLoginUrl: z
    .url()
    .default('https://login.salesforce.com')
    .describe(
      'The Salesforce login server (`https://test.salesforce.com` for sandboxes, or a My Domain).',
    ),
  pipedriveClientId: z
    .string()
    .min(1)
    .optional()
    .describe("The Pipedrive app's client id (Marketplace Manager), for Connect with Pipedrive."),
  pipedriveClientSecret: z
    .string()
    .min(1)
    .optional()
    .describe("The Pipedrive app's client secret."),
  pipedriveOAuthUrl: z
    .url()
    .default('https://oauth.pipedrive.com')
    .describe("Pipedrive's OAuth server."),
  dataDir: z
    .string()
    .min(1)
    .default('./data')
    .describe('Where the SQLite secret key file (`secret.key`) is kept.'),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Environment variable → setting. Every CALLMATRIX_* variable is listed in .env.example. */
export const SETTING_VARIABLES: Readonly<Record<string, keyof Settings>> = {
  CALLMATRIX_DATABASE_URL: 'databaseUrl',
  CALLMATRIX_ADMIN_KEY: 'adminKey',
  CALLMATRIX_SECRET_KEY: 'secretKey',
  CALLMATRIX_ALLOW_CRM_HOSTS: 'allowCrmHosts',
  CALLMATRIX_INGEST_RATE: 'ingestRatePerSec',
  PORT: 'port',
  HOST: 'host',
  CALLMATRIX_MAX_BODY_BYTES: 'maxBodyBytes',
  CALLMATRIX_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  CALLMATRIX_WORKER_CONCURRENCY: 'workerConcurrency',
  CALLMATRIX_RETRY_SCHEDULE: 'retryScheduleSec',
  CALLMATRIX_LEASE_MS: 'leaseMs',
  CALLMATRIX_ENDED_GRACE_SEC: 'endedGraceSec',
  CALLMATRIX_POLL_MS: 'pollMs',
  CALLMATRIX_SERVE_WORKERS: 'serveWorkers',
  CALLMATRIX_DATA_DIR: 'dataDir',
  CALLMATRIX_INDEX_SYNC_SEC: 'indexSyncSec',
  LOG_LEVEL: 'logLevel',
  CALLMATRIX_WORKER_PORT: 'workerPort',
  CALLMATRIX_PUBLIC_URL: 'publicUrl',
  CALLMATRIX_ZOHO_CLIENT_ID: 'zohoClientId',
  CALLMATRIX_ZOHO_CLIENT_SECRET: 'zohoClientSecret',
  CALLMATRIX_ZOHO_ACCOUNTS_URL: 'zohoAccountsUrl',
  CALLMATRIX_SALESFORCE_CLIENT_ID: 'salesforceClientId',
  CALLMATRIX_SALESFORCE_CLIENT_SECRET: 'salesforceClientSecret',
  CALLMATRIX_SALESFORCE_LOGIN_URL: 'salesforceLoginUrl',
  CALLMATRIX_PIPEDRIVE_CLIENT_ID: 'pipedriveClientId',
  CALLMATRIX_PIPEDRIVE_CLIENT_SECRET: 'pipedriveClientSecret',
  CALLMATRIX_PIPEDRIVE_OAUTH_URL: 'pipedriveOAuthUrl',
};

/** Command-line flag → setting. */
export const SETTING_FLAGS: Readonly<Record<string, keyof Settings>> = {
  '--port': 'port',
  '--host': 'host',
  '--database-url': 'databaseUrl',
  '--concurrency': 'workerConcurrency',
  '--log-level': 'logLevel',
  '--worker-port': 'workerPort',
};

/** Flags without a value: the flag → the setting and the value it stands for. */
export const SETTING_SWITCHES: Readonly<
  Record<string, { readonly setting: keyof Settings; readonly value: string }>
> = {
  '--no-workers': { setting: 'serveWorkers', value: 'false' },
};

/**
 * Reads the settings from the environment, then the flags (`--port 8080` or
 * `--port=8080`). Problems name the variable or flag they came from.
 */
export function parseSettings(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[] = [],
): Parsed<Settings> {
  const raw: Partial<Record<keyof Settings, string>> = {};
  const origin: Partial<Record<keyof Settings, string>> = {};
  for (const [name, key] of Object.entries(SETTING_VARIABLES)) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      raw[key] = value;
      origin[key] = name;
    }
  }
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const toggle = inline === undefined ? SETTING_SWITCHES[flag] : undefined;
    if (toggle) {
      raw[toggle.setting] = toggle.value;
      origin[toggle.setting] = flag;
      continue;
    }
    const key = SETTING_FLAGS[flag];
    if (!key)
      return {
        ok: false,
        problems: [
          {
            path: arg,
            message: `unknown flag (known: ${[...Object.keys(SETTING_FLAGS), ...Object.keys(SETTING_SWITCHES)].join(', ')})`,
          },
        ],
      };
    const value = inline ?? argv[(i += 1)];
    if (value === undefined)
      return { ok: false, problems: [{ path: flag, message: 'expected a value' }] };
    raw[key] = value;
    origin[key] = flag;
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = problemsFromZod(parsed.error).map((problem) => {
    const key = problem.path.split(/[.[]/)[0] as keyof Settings;
    return { ...problem, path: origin[key] ?? problem.path };
  });
  return { ok: false, problems };
}
