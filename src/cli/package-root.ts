import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The installed package's folder (where package.json, schemas/ and .env.example
// are): two folders up from the source (src/cli), three from the build (dist/src/cli).

interface Manifest {
  readonly root: string;
  readonly version: string;
}

let found: Manifest | undefined;

function manifest(): Manifest {
  if (found) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth += 1) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (json.name === 'callmatrix' && typeof json.version === 'string')
        return (found = { root: dir, version: json.version });
    } catch {
      // not here: one folder up
    }
    dir = dirname(dir);
  }
  throw new Error('callmatrix: cannot find its own package.json');
}

export const packageRoot = (): string => manifest().root;
export const packageVersion = (): string => manifest().version;
