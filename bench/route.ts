import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { request } from 'undici';
import { MemoryCrm } from '../src/crm/memory/adapter.js';
import { fitTexts } from '../src/crm/capabilities.js';
import { SnapshotSchema } from '../src/domain/snapshot.js';
import { registerAdminRoutes } from '../src/service/admin/index.js';
import { ensureOperatorKey } from '../src/service/auth/keys.js';
import { generateSecretKey, SecretBox } from '../src/service/crypto/secret-box.js';
import { openStore } from '../src/store/open.js';
import type { IndexedRecord } from '../src/store/store.js';

// G13 benchmark (`npm run bench:route`): 1 000 000 indexed phones in SQLite,
// the routing answer over loopback HTTP, one request at a time (the PBX asks
// while the caller waits), p50 / p99 printed with the setup that produced them.

const PHONES = Number(process.env['BENCH_PHONES'] ?? 1_000_000);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 20_000);
const WARMUP = 1_000;
const TOKEN = 'bench-webhook-token-0123456789';
const OPERATOR = 'cmo_bench-operator-key-0123456789';

const phoneOf = (n: number) => `+38067${String(n).padStart(7, '0')}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-bench-route-'));
  const store = await openStore(`sqlite:${join(dir, 'db.sqlite')}`);
  const app = Fastify({ logger: false });
  try {
    await ensureOperatorKey(store, OPERATOR, new Date());
    registerAdminRoutes(app, {
      store,
      secretBox: new SecretBox(Buffer.from(generateSecretKey(), 'base64')),
      allowCrmHosts: [],
      crmPort: (p) =>
        new MemoryCrm(p.crm, SnapshotSchema.parse({}), { texts: fitTexts(p.settings.language) }),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    const base = `http://127.0.0.1:${address.port}`;

    const employees = Array.from({ length: 50 }, (_, i) => ({
      id: `e${i}`,
      name: `Manager ${i}`,
      crmUserId: `u${i}`,
      extension: String(100 + i),
      topManager: i === 0,
    }));
    const put = await request(`${base}/v1/projects/bench`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        crm: 'pipedrive',
        project: { defaultCountry: 'UA' },
        employees,
        connection: { kind: 'memory' },
        webhook: { token: TOKEN },
      }),
    });
    if (put.statusCode !== 201)
      throw new Error(`PUT answered ${put.statusCode}: ${await put.body.text()}`);
    await put.body.dump();

    const loadStart = performance.now();
    const entities = ['deals', 'leads', 'contacts'] as const;
    for (let start = 0; start < PHONES; start += 10_000) {
      const batch: IndexedRecord[] = [];
      for (let n = start; n < Math.min(start + 10_000, PHONES); n++) {
        batch.push({
          entity: entities[n % 3] ?? 'contacts',
          recordId: `r${n}`,
          phones: [phoneOf(n)],
          ownerUserId: `u${n % 50}`,
          createdOrder: n,
        });
      }
      await store.upsertIndex('bench', batch);
    }
    await store.setIndexState('bench', 'ready');
    const loadSec = (performance.now() - loadStart) / 1000;

    const ask = async (n: number): Promise<number> => {
      const t0 = performance.now();
      const response = await request(
        `${base}/v1/projects/bench/route?caller=${encodeURIComponent(phoneOf(n))}`,
        { headers: { authorization: `Bearer ${TOKEN}` } },
      );
      const body = (await response.body.json()) as { match: boolean };
      const elapsed = performance.now() - t0;
      if (response.statusCode !== 200 || (n < PHONES && !body.match))
        throw new Error(`caller ${phoneOf(n)}: ${response.statusCode} ${JSON.stringify(body)}`);
      return elapsed;
    };
    for (let i = 0; i < WARMUP; i++) await ask(Math.floor(Math.random() * PHONES));
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      // One in ten callers is unknown: a miss costs the whole priority list.
      const n =
        i % 10 === 9
          ? PHONES + Math.floor(Math.random() * 1000)
          : Math.floor(Math.random() * PHONES);
      samples.push(await ask(n));
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) =>
      (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(3);
    const index = await store.indexStatus('bench');
    console.log(
      JSON.stringify(
        {
          benchmark: 'GET /v1/projects/{project}/route (G13)',
          setup: {
            store: 'SQLite (temp file)',
            indexedPhones: index.phones,
            requests: REQUESTS,
            concurrency: 1,
            auth: 'webhook bearer token',
            transport: 'HTTP/1.1 keep-alive over loopback (undici)',
            node: process.version,
            cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
          },
          indexLoadSec: Number(loadSec.toFixed(1)),
          latencyMs: {
            p50: Number(at(0.5)),
            p90: Number(at(0.9)),
            p99: Number(at(0.99)),
            max: Number(at(1)),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
