import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

// Starts `callmatrix serve` / `worker` from source in a child process.

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export function startCli(args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(TSX, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

/** Waits until GET url answers 200. */
export async function waitReady(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/** kill -9 of the process tree's node (tsx runs the CLI in a child of its own). */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      // The tsx wrapper's process group: the wrapper and the node running the CLI.
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  });
}

/** A `serve` to start on a random loopback port: its address, a fresh operator key, and the environment. */
export function serviceSetup(
  databaseUrl: string,
  dataDir: string,
  extra: Record<string, string> = {},
) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const adminKey = `cmo_${randomBytes(24).toString('base64url')}`;
  const env: Record<string, string> = {
    CALLMATRIX_DATABASE_URL: databaseUrl,
    CALLMATRIX_ADMIN_KEY: adminKey,
    CALLMATRIX_SECRET_KEY: randomBytes(32).toString('base64'),
    CALLMATRIX_INGEST_RATE: '0',
    CALLMATRIX_DATA_DIR: dataDir,
    ...extra,
  };
  return { port, adminKey, env, base: `http://127.0.0.1:${port}` };
}

/**
 * Creates a Pipedrive project (Kyiv, UA) on a running service over its admin
 * API, with a fresh webhook token; answers the token. `connection` defaults to
 * the in-memory CRM.
 */
export async function putProject(
  base: string,
  adminKey: string,
  project: string,
  connection: unknown = { kind: 'memory' },
): Promise<string> {
  const token = `tok_${randomBytes(16).toString('hex')}`;
  const put = await fetch(`${base}/v1/projects/${project}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      crm: 'pipedrive',
      project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
      connection,
      webhook: { token },
    }),
  });
  if (!put.ok) throw new Error(`PUT project ${project}: ${put.status} ${await put.text()}`);
  return token;
}
