import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

// `.env` in the working directory: flags > environment > .env > defaults.
// A variable set in the environment, even to the same value, is never
// replaced; one set to the empty string counts as unset, as in the settings.

export type EnvLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly path: string; readonly applied: readonly string[] }
  | { readonly kind: 'unreadable'; readonly path: string; readonly message: string };

export function loadEnvFile(
  env: NodeJS.ProcessEnv = process.env,
  path: string = resolve('.env'),
): EnvLoad {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', path, message: (error as Error).message };
  }
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (value === undefined) continue;
    if (env[name] !== undefined && env[name] !== '') continue;
    env[name] = value;
    applied.push(name);
  }
  return { kind: 'loaded', path, applied };
}
