// What the service remembers of one client between calls, kept under the key
// `client:<E.164>` beside the call and dialog memories (issue 14 item 2): the
// call-back tasks this integration set for the client and that it has not
// closed yet, so that `decide` can close them, without I/O, once the client
// is reached. Task ids may be plan references until the run resolves them.

/** A call-back task set at the end of an unanswered incoming call (missed, busy, voicemail). */
export interface OpenCallback {
  readonly taskId: string;
  /** The call that was missed. */
  readonly callId: string;
  /** When that call ended. */
  readonly at: string;
}

export interface ClientMemory {
  readonly kind: 'client';
  /** The client's number, E.164. */
  readonly phone: string;
  readonly callbacks: readonly OpenCallback[];
}

/** Where a client's memory is kept. */
export function clientMemoryKey(phone: string): string {
  return `client:${phone}`;
}
