import { afterEach } from 'vitest';
import type { Event } from '../../src/domain/events.js';
import type { JournalEntry } from '../../src/domain/plan.js';
import { inboxCases } from './contract-inbox.js';
import { dataCases } from './contract-data.js';
import { planCases } from './contract-plans.js';
import { heldCases } from './contract-held.js';
import { indexCases } from './contract-index.js';
import { readyCases } from './contract-ready.js';
import { sendingCases } from './contract-sending.js';
import { crmRequestCases } from './contract-crm-requests.js';
import type { JournalRecord, NewEvent, Store } from '../../src/store/store.js';

// The store contract: one list of cases, run against every backend
// (style §2.14). Each case gets a fresh, migrated database of its own.

export interface Fresh {
  readonly store: Store;
  /** Another Store on the same database (a second process: PostgreSQL pool or SQLite connection). */
  another(): Promise<Store>;
}

export type FreshStore = () => Promise<Fresh>;

/** Registers every case with vitest's describe/it; call inside a describe. */
export function storeContract(fresh: FreshStore): void {
  inboxCases(fresh);
  heldCases(fresh);
  readyCases(fresh);
  dataCases(fresh);
  planCases(fresh);
  sendingCases(fresh);
  indexCases(fresh);
  crmRequestCases(fresh);
}

// ── helpers shared by the case files ──

/** Opens fresh databases for a case file's cases; every store opened (and `another`) is closed after each case. */
export function closedAfterEach(fresh: FreshStore): () => Promise<Fresh> {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return async () => {
    const made = await fresh();
    opened.push(made.store);
    return {
      store: made.store,
      another: async () => {
        const second = await made.another();
        opened.push(second);
        return second;
      },
    };
  };
}

export const T0 = new Date('2026-03-10T10:00:00Z');
export const at = (ms: number): Date => new Date(T0.getTime() + ms);

export function recording(eventId: string, callId: string, when = '2026-03-10T09:00:00Z'): Event {
  return {
    eventId,
    at: when,
    type: 'call.recording',
    callId,
    recordingUrl: `https://rec.example/${eventId}`,
  };
}

/** An event of a call, its ordering key the call (D7). */
export function callEvent(eventId: string, callId: string, when?: string): NewEvent {
  return { event: recording(eventId, callId, when), orderingKey: `call:${callId}` };
}

export function journalOf(
  eventId: string,
  options: {
    callId?: string | null;
    phones?: string[];
    outcome?: JournalEntry['outcome'];
    at?: Date;
  } = {},
): JournalRecord {
  return {
    entry: {
      eventId,
      type: 'call.recording',
      conditions: [],
      outcome: options.outcome ?? 'applied',
      operations: [],
    },
    at: options.at ?? T0,
    callId: options.callId ?? null,
    phones: options.phones ?? [],
  };
}

/** A project whose integration is active, so its events can be claimed. */
export async function activeProject(store: Store, id = 'acme'): Promise<string> {
  await store.putProject({
    id,
    crm: 'pipedrive',
    document: { crm: 'pipedrive' },
    secrets: 'enc:…',
    now: T0,
  });
  const moved = await store.moveIntegration(id, 'active', null, T0);
  if (!moved.ok) throw new Error(moved.message);
  return id;
}

/** Claims everything claimable at `now` and completes it as applied; returns the event ids in claim order. */
export async function drain(store: Store, project: string, now = T0): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    const claimed = await store.claimEvents('drain', 100, 60_000, now);
    if (claimed.length === 0) return done;
    for (const item of claimed) {
      await store.complete('drain', project, item.eventId, {
        outcome: 'applied',
        journal: journalOf(item.eventId),
      });
      done.push(item.eventId);
    }
  }
}
