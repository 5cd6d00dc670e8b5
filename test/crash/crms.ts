import { startPipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { SnapshotSchema, type Snapshot } from '../../src/domain/snapshot.js';
import { startRemoteCrm } from './remote-crm.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { createPipedriveAdapter } from '../../src/crm/pipedrive/adapter.js';
import { ensureKeyFields } from '../../src/crm/pipedrive/record-key.js';

// The CRMs a crash run can write to, each outliving every kill -9 of the
// service: the in-memory CRM over loopback HTTP, or the Pipedrive emulator
// spoken to by the real Pipedrive adapter (issue 11, Proof).

export type CrashCrmName = 'memory' | 'pipedrive';

export interface CrashCrm {
  readonly name: CrashCrmName;
  /** The project document's `connection`. */
  readonly connection: Record<string, unknown>;
  /** Neutral user id (the seed's) → the id the project's employees must name. */
  readonly userIds: Readonly<Record<string, string>>;
  /** The CRM's content as the neutral snapshot. */
  snapshot(): Promise<Snapshot>;
  /** A line on what the CRM saw (operation keys re-sent, requests). */
  notes(): Promise<string>;
  close(): Promise<void>;
}

export async function startCrashCrm(name: CrashCrmName, seed: Snapshot): Promise<CrashCrm> {
  if (name === 'memory') {
    const crm = await startRemoteCrm(seed);
    return {
      name,
      connection: { kind: 'memory', baseUrl: crm.baseUrl },
      userIds: Object.fromEntries(seed.users.map((user) => [user.id, user.id])),
      async snapshot() {
        const snapshot = await crm.port.snapshot();
        if (!snapshot.ok) throw snapshot.error;
        return snapshot.value;
      },
      notes: () =>
        Promise.resolve(
          `operation keys re-sent after a crash, absorbed by their key: ${crm.resent()}`,
        ),
      close: () => crm.close(),
    };
  }
  const emulator = await startPipedriveEmulator({ burstPer2s: 100_000 });
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${emulator.baseUrl}/_emulator/${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : await res.json();
  };
  await control('PUT', 'state', seed);
  // The account as a user prepares it (docs/crm/pipedrive.md): the Callmatrix key fields (D13).
  await ensureKeyFields(
    createPipedriveAdapter(emulator.connection, { texts: fitTexts('en') }).client,
  );
  const ids = (await control('GET', 'ids')) as { users?: Record<string, string | number> };
  const userIds = Object.fromEntries(
    Object.entries(ids.users ?? {}).map(([neutral, native]) => [neutral, String(native)]),
  );
  return {
    name,
    connection: { ...emulator.connection },
    userIds,
    snapshot: async () => SnapshotSchema.parse(await control('GET', 'snapshot')),
    async notes() {
      const requests = (await control('GET', 'requests')) as { total: number };
      return `Pipedrive API requests served by the emulator: ${requests.total}`;
    },
    close: () => emulator.close(),
  };
}
