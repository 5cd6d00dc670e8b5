import type { Schemas } from '../api';

// "What would happen": the events of a situation, as a telephony platform would post them, for
// the dry-run endpoint. Who the client is comes from the phone (the dry run reads the real CRM).

export const SITUATIONS = [
  'incoming_answered',
  'incoming_missed',
  'incoming_voicemail',
  'outgoing_answered',
  'outgoing_failed',
  'form',
  'messenger',
] as const;
export type Situation = (typeof SITUATIONS)[number];
type Event = Schemas['Event'];

export interface SituationInput {
  readonly situation: Situation;
  readonly phone: string;
  /** The extension of the employee who answers or calls; null for one no employee has. */
  readonly extension: string | null;
  readonly now: Date;
  /** Makes the event ids unique per try. */
  readonly run: string;
}

const UNKNOWN_EXTENSION = '9999';
const COMPANY_NUMBER = '+380440000000';

export function situationEvents(input: SituationInput): Event[] {
  const { situation, phone, run } = input;
  const at = (seconds: number) => new Date(input.now.getTime() + seconds * 1000).toISOString();
  const id = (n: number) => `try-${run}-${n}`;
  const callId = `try-${run}`;
  const employee = { extension: input.extension ?? UNKNOWN_EXTENSION };
  switch (situation) {
    case 'incoming_answered':
    case 'incoming_missed':
    case 'incoming_voicemail': {
      const started: Event = {
        eventId: id(1),
        type: 'call.started',
        at: at(0),
        callId,
        direction: 'incoming',
        from: phone,
        to: COMPANY_NUMBER,
      };
      if (situation === 'incoming_answered')
        return [
          started,
          { eventId: id(2), type: 'call.answered', at: at(5), callId, employee },
          {
            eventId: id(3),
            type: 'call.ended',
            at: at(65),
            callId,
            disposition: 'answered',
            durationSec: 65,
            talkSec: 60,
            employee,
          },
        ];
      return [
        started,
        {
          eventId: id(2),
          type: 'call.ended',
          at: at(25),
          callId,
          disposition: situation === 'incoming_missed' ? 'missed' : 'voicemail',
          durationSec: 25,
        },
      ];
    }
    case 'outgoing_answered':
    case 'outgoing_failed':
      return [
        {
          eventId: id(1),
          type: 'call.started',
          at: at(0),
          callId,
          direction: 'outgoing',
          from: COMPANY_NUMBER,
          to: phone,
          employee,
        },
        {
          eventId: id(2),
          type: 'call.ended',
          at: at(60),
          callId,
          disposition: situation === 'outgoing_answered' ? 'answered' : 'failed',
          durationSec: 60,
          ...(situation === 'outgoing_answered' && { talkSec: 50 }),
          employee,
        },
      ];
    case 'form':
      return [
        { eventId: id(1), type: 'form.submitted', at: at(0), phone, name: 'Website visitor' },
      ];
    case 'messenger':
      return [
        {
          eventId: id(1),
          type: 'messenger.contact_provided',
          at: at(0),
          dialogId: `dialog-${run}`,
          channel: 'telegram',
          clientId: `client-${run}`,
          phone,
          ...(input.extension !== null && { employee }),
        },
      ];
  }
}

export type JournalEntry = Schemas['JournalEntry'];

/** One line per operation and skip, so two dry runs compare line by line. */
export function outcomeLines(journal: readonly JournalEntry[]): string[] {
  return journal.flatMap((entry) => [
    ...entry.operations.map((operation) => `${operation.op} (${operation.entity})`),
    ...(entry.skipped ?? []).map((skip) => `skip ${skip.action}: ${skip.reason}`),
  ]);
}

/** Lines of the unsaved run that the saved one lacks, and the other way round. */
export function outcomeDiff(
  saved: readonly JournalEntry[],
  unsaved: readonly JournalEntry[],
): { added: string[]; removed: string[] } {
  const before = outcomeLines(saved);
  const after = outcomeLines(unsaved);
  return {
    added: minus(after, before),
    removed: minus(before, after),
  };
}

function minus(list: readonly string[], other: readonly string[]): string[] {
  const left = [...other];
  return list.filter((line) => {
    const at = left.indexOf(line);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}
