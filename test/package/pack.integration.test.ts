import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Issue 12 item 4: `npm pack` makes a tarball that, installed with `npm install --omit=dev`
// into an empty folder, runs `callmatrix simulate` on a shipped example and `callmatrix serve`.
//
// One thing is arranged: better-sqlite3's install script (prebuild-install) fetches a prebuilt
// binary from GitHub, which this machine cannot reach, and would otherwise compile SQLite for
// minutes. The test hands it the binary this checkout already built, as a local prebuild
// (npm_config_better_sqlite3_local_prebuilds), in the very tarball format it would download.

const run = promisify(execFile);
const repo = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** better-sqlite3's compiled binary as prebuild-install's tarball for this Node's ABI. */
async function localPrebuild(dir: string): Promise<string> {
  const pkg = JSON.parse(
    readFileSync(join(repo, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
  ) as { version: string };
  const stage = join(dir, 'stage');
  mkdirSync(join(stage, 'build', 'Release'), { recursive: true });
  copyFileSync(
    join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    join(stage, 'build', 'Release', 'better_sqlite3.node'),
  );
  const prebuilds = join(dir, 'prebuilds');
  mkdirSync(prebuilds);
  const name = `better-sqlite3-v${pkg.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await run('tar', ['-czf', join(prebuilds, name), '-C', stage, 'build']);
  return prebuilds;
}

describe('the packed package', () => {
  it('installs with --omit=dev into an empty folder and runs simulate and serve', async () => {
    const work = mkdtempSync(join(tmpdir(), 'callmatrix-pack-'));
    const started = Date.now();
    const packed = await run(npm, ['pack', '--json', '--pack-destination', work], {
      cwd: repo,
      maxBuffer: 64 * 1024 * 1024,
    });
    const [manifest] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = manifest?.files.map((file) => file.path) ?? [];
    for (const path of [
      'bin/callmatrix.js',
      'dist/src/cli/main.js',
      'dist/emulators/zoho/index.js',
      'dist/web/index.html',
      'schemas/project.json',
      'schemas/events.json',
      'examples/zoho-morning.json',
      'docs/README.md',
      'deploy/callmatrix.service',
      '.env.example',
    ])
      expect(files, path).toContain(path);
    expect(files.filter((path) => /(^test\/|\.test\.(ts|js)$|^src\/)/.test(path))).toEqual([]);

    const app = join(work, 'app');
    mkdirSync(app);
    // On Node 22 and later the store loads better-sqlite3 13, whose binaries ship inside its npm
    // package; 12's install script (whose prebuild-install knows no Node 24 ABI) is not needed
    // there and would compile SQLite, so scripts are skipped: the package needs none of its own.
    const modernNode = Number(process.versions.node.split('.')[0]) >= 22;
    const env = modernNode
      ? process.env
      : { ...process.env, npm_config_better_sqlite3_local_prebuilds: await localPrebuild(work) };
    await run(
      npm,
      [
        'install',
        '--omit=dev',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        ...(modernNode ? ['--ignore-scripts'] : []),
        join(work, manifest?.filename ?? ''),
      ],
      { cwd: app, env, maxBuffer: 64 * 1024 * 1024 },
    );
    const installed = Date.now();
    const bin = join(app, 'node_modules', '.bin', 'callmatrix');
    const version = await run(bin, ['--version'], { cwd: app });
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version,
    );

    const simulated = await run(
      bin,
      ['simulate', join('node_modules', 'callmatrix', 'examples', 'zoho-morning.json')],
      { cwd: app, maxBuffer: 64 * 1024 * 1024 },
    );
    const result = JSON.parse(simulated.stdout) as {
      crm_state: { leads: { utm?: { campaign?: string } }[] };
      journal: { eventId: string; outcome: string }[];
    };
    expect(result.journal).toHaveLength(21);
    expect(result.journal[1]).toMatchObject({ eventId: 'm1-2', outcome: 'applied' });
    expect(result.crm_state.leads[0]?.utm?.campaign).toBe('winter-sale');

    // serve: its own data directory in the empty folder, a free port, SIGTERM drains and exits 0.
    const port = await freePort();
    const child = spawn(bin, ['serve', '--port', String(port)], {
      cwd: app,
      env: { ...process.env, CALLMATRIX_ADMIN_KEY: 'packed-operator-key-123' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const base = `http://127.0.0.1:${port}`;
      let ready = false;
      for (let attempt = 0; attempt < 100 && !ready; attempt += 1) {
        ready = await fetch(`${base}/readyz`).then(
          (response) => response.ok,
          () => false,
        );
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ready, log).toBe(true);
      const put = await fetch(`${base}/v1/projects/packed`, {
        method: 'PUT',
        headers: {
          authorization: 'Bearer packed-operator-key-123',
          'content-type': 'application/json',
        },
        body: readFileSync(join(app, 'node_modules', 'callmatrix', 'examples', 'project.json')),
      });
      expect(put.status, log).toBe(201);
      const schema = await fetch(`${base}/v1/schemas/project.json`);
      expect(schema.status).toBe(200);
      // The admin web app ships built in the package and is served at /.
      const page = await fetch(`${base}/`);
      expect(page.status, log).toBe(200);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1] ?? '';
      expect((await fetch(`${base}${script}`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, log).toBe(0);
    expect(log).toContain('draining');
    process.stdout.write(
      `pack + install: ${((installed - started) / 1000).toFixed(1)} s; simulate and serve after ${((Date.now() - installed) / 1000).toFixed(1)} s more\n`,
    );
  }, 600_000); // a build and an install: a minute or two on an idle machine, far more on a loaded one
});
