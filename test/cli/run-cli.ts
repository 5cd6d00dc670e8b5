import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

// The CLI as a user meets it: in-process through main() with captured output,
// or as a child process from source (tsx) in a folder of the test's choosing.

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runMain(argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  const lines: string[] = [];
  const code = await main(argv, {
    out: (text) => void (stdout += text),
    err: (line) => void lines.push(line),
  });
  return { code, stdout, stderr: lines.map((line) => `${line}\n`).join('') };
}

const CLI = fileURLToPath(new URL('../crash/cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export function runChild(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...argv], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
