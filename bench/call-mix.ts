import type { Event } from '../src/domain/events.js';
import { EmployeesSchema } from '../src/domain/project.js';
import { SnapshotSchema, type Snapshot } from '../src/domain/snapshot.js';

// The benchmarks' call mix, one generator for them all (npm run bench, bench:crm):
// seeded clients and a deterministic run of call lifecycles — 70% from existing
// clients, 15% outgoing (to existing clients), of the incoming ~20% missed or
// voicemail (4:1), the rest answered, 10% of calls transferred once.

export const CLIENTS = 10_000;
const LINE = '+380441234567';

/** A deterministic draw (a linear congruential generator from 42), so runs compare. */
export interface Draw {
  readonly random: () => number;
  readonly pick: <T>(list: readonly T[]) => T;
}

export function newDraw(): Draw {
  let seed = 42;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return { random, pick: <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T };
}

/** The top manager (extension 100) and twenty managers (101–120), as a document lists them. */
export const BENCH_EMPLOYEES = [
  { id: 'e0', name: 'Top', crmUserId: 'u0', extension: '100', topManager: true },
  ...Array.from({ length: 20 }, (_, i) => ({
    id: `e${i + 1}`,
    name: `Manager ${i + 1}`,
    crmUserId: `u${i + 1}`,
    extension: String(101 + i),
  })),
];
export const employees = EmployeesSchema.parse(BENCH_EMPLOYEES);
const extensions = BENCH_EMPLOYEES.map((employee) => employee.extension);

const phone = (n: number): string => `+38067${String(1_000_000 + n).slice(-7)}`;
/** Stored phone formats (G1): international, local with spaces, digits without "+". */
const FORMATS = [
  (p: string): string => p,
  (p: string): string => `0${p.slice(4, 6)} ${p.slice(6, 9)} ${p.slice(9)}`,
  (p: string): string => p.slice(1),
];

/**
 * Existing clients: a contact each, owned by the managers in turn; two in three
 * with a deal (one in seven of those closed won), named after the client where
 * `dealNames`.
 */
export function existingClients(count: number, draw: Draw, options: { dealNames: boolean }) {
  const contacts = [];
  const deals = [];
  for (let i = 0; i < count; i++) {
    const owner = `u${1 + (i % 20)}`;
    contacts.push({
      id: `c${i}`,
      name: `Client ${i}`,
      phones: [draw.pick(FORMATS)(phone(i))],
      ownerId: owner,
    });
    if (i % 3 !== 0)
      deals.push({
        id: `d${i}`,
        ...(options.dealNames && { name: `Client ${i}` }),
        contactId: `c${i}`,
        ownerId: owner,
        status: i % 7 === 0 ? 'won' : 'open',
      });
  }
  return { contacts, deals };
}

/** When the calls happen and how fully their events are written. */
export interface CallShape {
  /** The first call's start (ms since the epoch) and the seconds from one call to the next. */
  readonly start: number;
  readonly everySec: number;
  /** Durations, the voicemail's recording and full recording URLs, as a telephony source sends them. */
  readonly full: boolean;
}

/** `count` call lifecycles from `clients` existing clients (and new ones), drawn from `draw`. */
export function* callLifecycles(
  count: number,
  clients: number,
  draw: Draw,
  shape: CallShape,
): Generator<Event> {
  const { random, pick } = draw;
  const at = (call: number, sec: number): string =>
    new Date(shape.start + call * shape.everySec * 1000 + sec * 1000).toISOString();
  const recording = (callId: string): string =>
    shape.full ? `https://records.example/${callId}.mp3` : `https://r/${callId}`;
  const duration = (sec: number) => (shape.full ? { durationSec: sec } : {});
  for (let n = 0; n < count; n++) {
    const callId = `k${n}`;
    const existing = random() < 0.7;
    const client = existing ? phone(Math.floor(random() * clients)) : phone(clients + n);
    const kind = random();
    if (kind < 0.15 && existing) {
      yield {
        type: 'call.started',
        eventId: `${callId}-1`,
        callId,
        at: at(n, 0),
        direction: 'outgoing',
        from: LINE,
        to: client,
        employee: { extension: pick(extensions) },
      };
      yield {
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(n, 60),
        disposition: random() < 0.7 ? 'answered' : 'missed',
        ...duration(60),
        recordingUrl: recording(callId),
      };
      continue;
    }
    yield {
      type: 'call.started',
      eventId: `${callId}-1`,
      callId,
      at: at(n, 0),
      direction: 'incoming',
      from: client,
      to: LINE,
      tracking: { utm: { source: 'google' }, pool: 'Ads' },
    };
    if (kind < 0.35) {
      const voicemail = random() >= 0.8;
      yield {
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(n, 30),
        disposition: voicemail ? 'voicemail' : 'missed',
        ...duration(30),
        ...(voicemail && shape.full && { recordingUrl: recording(callId) }),
      };
      continue;
    }
    yield {
      type: 'call.answered',
      eventId: `${callId}-2`,
      callId,
      at: at(n, 5),
      employee: { extension: pick(extensions) },
    };
    if (kind > 0.9)
      yield {
        type: 'call.transferred',
        eventId: `${callId}-t`,
        callId,
        at: at(n, 40),
        employee: { extension: pick(extensions) },
      };
    yield {
      type: 'call.ended',
      eventId: `${callId}-3`,
      callId,
      at: at(n, 120),
      disposition: 'answered',
      ...duration(120),
      talkSec: 110,
      recordingUrl: recording(callId),
    };
  }
}

// npm run bench's mix: one draw across the seeded CRM and the calls, back to
// its start with reseed(); calls every 2 s from 08:00 Kyiv time.
let mix = newDraw();
/** Back to the start of the sequence. */
export function reseed(): void {
  mix = newDraw();
}

export function seedCrm(): Snapshot {
  return SnapshotSchema.parse({
    users: employees.map((e) => ({ id: e.crmUserId, name: e.name })),
    ...existingClients(CLIENTS, mix, { dealNames: false }),
  });
}

/** `count` call lifecycles, drawn from the one generator (the same ones on every run of a benchmark). */
export function calls(count: number): Generator<Event> {
  return callLifecycles(count, CLIENTS, mix, {
    start: Date.UTC(2026, 10, 20, 6),
    everySec: 2,
    full: false,
  });
}
