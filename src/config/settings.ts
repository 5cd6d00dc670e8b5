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
  databaseUrl: z.string().min(1).default('sqlite:./data/callmatrix.db'),
  /** Absent: one is created at first start (only its hash is stored). */
  adminKey: z.string().min(16, 'expected at least 16 characters').optional(),
  /** 32 bytes, base64. Absent: SQLite generates ./data/secret.key; PostgreSQL refuses to start. */
  secretKey: z.string().optional(),
  allowCrmHosts: hostList.default([]),
  /** Requests per second per project, bursts of twice that; 0 turns the limit off. */
  ingestRatePerSec: nonNegative.default(200),
  port: z.coerce.number().int().min(0).max(65_535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  maxBodyBytes: positiveInt.default(1024 * 1024),
  /** Events worked on at once by one process (different ordering keys only, D7). */
  workerConcurrency: positiveInt.default(8),
  /** Delays between attempts; after the last one the event fails (dead letter). */
  retryScheduleSec: secondsList.default([5, 30, 120, 600, 1800, 3600]),
  /** How long a claim is held before another worker may take the event. */
  leaseMs: positiveInt.default(60_000),
  /** D11: how long a call.ended without its call.started waits. */
  endedGraceSec: nonNegative.default(60),
  /** How long an idle worker waits before claiming again. */
  pollMs: positiveInt.default(200),
  /** G13: how often each active project's recently modified CRM records are read into the phone index. */
  indexSyncSec: positiveInt.default(300),
  /** Where the SQLite secret key file lives. */
  dataDir: z.string().min(1).default('./data'),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Environment variable → setting. Every CALLMATRIX_* variable is listed in .env.example. */
const ENV: Record<string, keyof Settings> = {
  CALLMATRIX_DATABASE_URL: 'databaseUrl',
  CALLMATRIX_ADMIN_KEY: 'adminKey',
  CALLMATRIX_SECRET_KEY: 'secretKey',
  CALLMATRIX_ALLOW_CRM_HOSTS: 'allowCrmHosts',
  CALLMATRIX_INGEST_RATE: 'ingestRatePerSec',
  PORT: 'port',
  HOST: 'host',
  CALLMATRIX_MAX_BODY_BYTES: 'maxBodyBytes',
  CALLMATRIX_WORKER_CONCURRENCY: 'workerConcurrency',
  CALLMATRIX_RETRY_SCHEDULE: 'retryScheduleSec',
  CALLMATRIX_LEASE_MS: 'leaseMs',
  CALLMATRIX_ENDED_GRACE_SEC: 'endedGraceSec',
  CALLMATRIX_POLL_MS: 'pollMs',
  CALLMATRIX_DATA_DIR: 'dataDir',
  CALLMATRIX_INDEX_SYNC_SEC: 'indexSyncSec',
};

/** Command-line flag → setting. */
const FLAGS: Record<string, keyof Settings> = {
  '--port': 'port',
  '--host': 'host',
  '--database-url': 'databaseUrl',
  '--concurrency': 'workerConcurrency',
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
  for (const [name, key] of Object.entries(ENV)) {
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
    const key = FLAGS[flag];
    if (!key)
      return {
        ok: false,
        problems: [
          { path: arg, message: `unknown flag (known: ${Object.keys(FLAGS).join(', ')})` },
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
