// Event builders for the service tests (scenario-format §3).

export const EMPLOYEES = [
  { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
  { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
];
export const CRM_STATE = {
  users: [
    { id: 'u1', name: 'Olena Top' },
    { id: 'u2', name: 'Petro' },
  ],
};

let minute = 0;
const at = (): string => new Date(Date.UTC(2026, 2, 2, 8, minute++, 0)).toISOString();

/** The first event of an incoming call from `from` to the project's line (the call's `-1`). */
export function incomingCallStarted(
  callId: string,
  from: string,
  at: string,
): Record<string, unknown> {
  return {
    type: 'call.started',
    eventId: `${callId}-1`,
    callId,
    at,
    direction: 'incoming',
    from,
    to: '+380441234567',
  };
}

/** The three events of an answered incoming call from `from`. */
export function answeredCall(callId: string, from: string): Record<string, unknown>[] {
  return [
    incomingCallStarted(callId, from, at()),
    {
      type: 'call.answered',
      eventId: `${callId}-2`,
      callId,
      at: at(),
      employee: { extension: '101' },
    },
    {
      type: 'call.ended',
      eventId: `${callId}-3`,
      callId,
      at: at(),
      disposition: 'answered',
      durationSec: 60,
      talkSec: 50,
    },
  ];
}
