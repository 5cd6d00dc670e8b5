import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import type { SandboxCrm } from '../../src/crm/snapshotting.js';
import type { Operation } from '../../src/domain/plan.js';
import type { Snapshot } from '../../src/domain/snapshot.js';
import type { ClientLookup } from '../../src/crm/port.js';
import { fitTexts } from '../../src/crm/capabilities.js';

// The crash test's CRM: the in-memory CRM in the driver's process, spoken to
// over loopback HTTP (src/service/crm-registry.ts RemoteMemoryCrm), so it
// outlives every kill -9 of `serve`. Like an emulator it carries out each
// operation key once (D13); it also counts keys sent again, which is the work
// the service's recorded plan could not spare after a crash.

export interface RemoteCrm {
  readonly baseUrl: string;
  readonly port: SandboxCrm;
  /** Operation keys received more than once (a crash between the CRM's answer and its recording). */
  readonly resent: () => number;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

export async function startRemoteCrm(seed: Snapshot, latencyMs = 2): Promise<RemoteCrm> {
  const crm = new MemoryCrm('pipedrive', seed, { defaultCountry: 'UA', texts: fitTexts('en') });
  const seen = new Set<string>();
  let resent = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const method = (request.url ?? '').replace('/port/', '');
      const body = await readJson(request);
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      let result: unknown;
      if (method === 'findClient') result = await crm.findClient(body as ClientLookup);
      else if (method === 'apply') {
        const operation = body as Operation;
        if (seen.has(operation.key)) resent += 1;
        seen.add(operation.key);
        result = await crm.apply(operation);
      } else if (method === 'listUsers') result = await crm.listUsers();
      else result = await crm.snapshot();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port: crm,
    resent: () => resent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
