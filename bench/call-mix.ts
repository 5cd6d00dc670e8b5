import type { Event } from '../src/domain/events.js';
import { EmployeesSchema } from '../src/domain/project.js';
import { SnapshotSchema, type Snapshot } from '../src/domain/snapshot.js';

// The benchmarks' call mix (npm run bench): seeded clients and a deterministic
// run of call lifecycles — 15% outgoing, ~20% missed or voicemail, answered
// calls with 10% transfers.

export const CLIENTS = 10_000;

// A deterministic generator, so runs compare.
let seed = 42;
/** Back to the start of the sequence. */
export function reseed(): void {
  seed = 42;
}
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

export const employees = EmployeesSchema.parse([
  { id: 'e0', name: 'Top', crmUserId: 'u0', extension: '100', topManager: true },
  ...Array.from({ length: 20 }, (_, i) => ({
    id: `e${i + 1}`,
    name: `Manager ${i + 1}`,
    crmUserId: `u${i + 1}`,
    extension: String(101 + i),
  })),
]);
const extensions = employees.map((employee) => employee.extension ?? '100');
const phone = (n: number): string => `+38067${String(1_000_000 + n).slice(-7)}`;
const formats = [
  (p: string) => p,
  (p: string) => `0${p.slice(4, 6)} ${p.slice(6, 9)} ${p.slice(9)}`,
  (p: string) => p.slice(1),
];

export function seedCrm(): Snapshot {
  const contacts = [];
  const deals = [];
  for (let i = 0; i < CLIENTS; i++) {
    const owner = `u${1 + (i % 20)}`;
    contacts.push({
      id: `c${i}`,
      name: `Client ${i}`,
      phones: [pick(formats)(phone(i))],
      ownerId: owner,
    });
    if (i % 3 !== 0)
      deals.push({
        id: `d${i}`,
        contactId: `c${i}`,
        ownerId: owner,
        status: i % 7 === 0 ? 'won' : 'open',
      });
  }
  return SnapshotSchema.parse({
    users: employees.map((e) => ({ id: e.crmUserId, name: e.name })),
    contacts,
    deals,
  });
}

/** `count` call lifecycles, drawn from the one generator (the same ones on every run of a benchmark). */
export function* calls(count: number): Generator<Event> {
  const at = (call: number, sec: number): string =>
    new Date(Date.UTC(2026, 10, 20, 6) + call * 2000 + sec * 1000).toISOString();
  for (let n = 0; n < count; n++) {
    const callId = `k${n}`;
    const existing = random() < 0.7;
    const client = existing ? phone(Math.floor(random() * CLIENTS)) : phone(CLIENTS + n);
    const kind = random();
    const base = { callId, to: '+380441234567' };
    if (kind < 0.15 && existing) {
      yield {
        type: 'call.started',
        eventId: `${callId}-1`,
        at: at(n, 0),
        direction: 'outgoing',
        ...base,
        from: '+380441234567',
        to: client,
        employee: { extension: pick(extensions) },
      };
      yield {
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(n, 60),
        disposition: random() < 0.7 ? 'answered' : 'missed',
        recordingUrl: `https://r/${callId}`,
      };
      continue;
    }
    yield {
      type: 'call.started',
      eventId: `${callId}-1`,
      at: at(n, 0),
      direction: 'incoming',
      from: client,
      ...base,
      tracking: { utm: { source: 'google' }, pool: 'Ads' },
    };
    if (kind < 0.35) {
      yield {
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(n, 30),
        disposition: random() < 0.8 ? 'missed' : 'voicemail',
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
      talkSec: 110,
      recordingUrl: `https://r/${callId}`,
    };
  }
}
