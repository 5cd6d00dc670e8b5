import type { CrmId } from '../src/domain/crm-id.js';
import { parseScenario, type Scenario } from '../src/domain/scenario.js';

// A working day of calls for `npm run bench:crm`, with the mix of bench/engine.ts:
// 70% of calls from existing clients; 15% of calls outgoing (to existing
// clients); of the incoming, ~20% missed or voicemail, the rest answered, and
// 10% of all calls transferred once. Deterministic, so runs compare.

export const DAY_MIX =
  '70% existing clients; 15% outgoing; ~20% of incoming missed / voicemail (4:1); 10% of calls transferred once; the rest answered';

const USERS = 21;
const LINE = '+380441234567';
const phone = (n: number): string => `+38067${String(1_000_000 + n).slice(-7)}`;
/** Stored phone formats (G1): international, local with spaces, digits without "+". */
const FORMATS = [
  (p: string): string => p,
  (p: string): string => `0${p.slice(4, 6)} ${p.slice(6, 9)} ${p.slice(9)}`,
  (p: string): string => p.slice(1),
];

export function dayScenario(crm: CrmId, calls: number, clients: number): Scenario {
  let seed = 42;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const employees = [
    { id: 'e0', name: 'Top', crmUserId: 'u0', extension: '100', topManager: true },
    ...Array.from({ length: USERS - 1 }, (_, i) => ({
      id: `e${i + 1}`,
      name: `Manager ${i + 1}`,
      crmUserId: `u${i + 1}`,
      extension: String(101 + i),
    })),
  ];
  const extensions = employees.map((employee) => employee.extension);
  // Existing clients: a contact each; two in three with a deal (one in seven of those closed won).
  const contacts = [];
  const deals = [];
  for (let i = 0; i < clients; i++) {
    const owner = `u${1 + (i % (USERS - 1))}`;
    contacts.push({
      id: `c${i}`,
      name: `Client ${i}`,
      phones: [pick(FORMATS)(phone(i))],
      ownerId: owner,
    });
    if (i % 3 !== 0)
      deals.push({
        id: `d${i}`,
        name: `Client ${i}`,
        contactId: `c${i}`,
        ownerId: owner,
        status: i % 7 === 0 ? 'won' : 'open',
      });
  }

  const events: unknown[] = [];
  // Calls spread over the day from 09:00 Kyiv time, one every 30 s.
  const at = (call: number, sec: number): string =>
    new Date(Date.UTC(2026, 10, 20, 7) + call * 30_000 + sec * 1000).toISOString();
  for (let n = 0; n < calls; n++) {
    const callId = `k${n}`;
    const existing = random() < 0.7;
    const client = existing ? phone(Math.floor(random() * clients)) : phone(clients + n);
    const kind = random();
    if (kind < 0.15 && existing) {
      events.push({
        type: 'call.started',
        eventId: `${callId}-1`,
        callId,
        at: at(n, 0),
        direction: 'outgoing',
        from: LINE,
        to: client,
        employee: { extension: pick(extensions) },
      });
      events.push({
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(n, 60),
        disposition: random() < 0.7 ? 'answered' : 'missed',
        durationSec: 60,
        recordingUrl: `https://records.example/${callId}.mp3`,
      });
      continue;
    }
    events.push({
      type: 'call.started',
      eventId: `${callId}-1`,
      callId,
      at: at(n, 0),
      direction: 'incoming',
      from: client,
      to: LINE,
      tracking: { utm: { source: 'google' }, pool: 'Ads' },
    });
    if (kind < 0.35) {
      const voicemail = random() >= 0.8;
      events.push({
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(n, 30),
        disposition: voicemail ? 'voicemail' : 'missed',
        durationSec: 30,
        ...(voicemail && { recordingUrl: `https://records.example/${callId}.mp3` }),
      });
      continue;
    }
    events.push({
      type: 'call.answered',
      eventId: `${callId}-2`,
      callId,
      at: at(n, 5),
      employee: { extension: pick(extensions) },
    });
    if (kind > 0.9)
      events.push({
        type: 'call.transferred',
        eventId: `${callId}-t`,
        callId,
        at: at(n, 40),
        employee: { extension: pick(extensions) },
      });
    events.push({
      type: 'call.ended',
      eventId: `${callId}-3`,
      callId,
      at: at(n, 120),
      disposition: 'answered',
      durationSec: 120,
      talkSec: 110,
      recordingUrl: `https://records.example/${callId}.mp3`,
    });
  }

  const parsed = parseScenario({
    crm,
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    employees,
    crm_state: {
      users: employees.map((employee) => ({ id: employee.crmUserId, name: employee.name })),
      contacts,
      deals,
    },
    events,
  });
  if (!parsed.ok)
    throw new Error(
      parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'),
    );
  return parsed.value;
}
