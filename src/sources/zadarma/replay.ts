import { createHash } from 'node:crypto';
import { formRecord } from '../common/form.js';
import { header, type RequestHeaders } from '../common/headers.js';
import { ACCEPTED, refused, type ReplayGuard, type Verdict } from '../common/source.js';

// Zadarma signs only a few fields and no time (telephony-sources.md §2.1), so a
// captured signature validates other bodies: a NOTIFY_START's signature also
// fits a forged NOTIFY_END with another duration and pbx_call_id. This record
// of accepted signatures, per project and for a few hours, binds each
// signature to the one call and the one course of notifications it was first
// seen with. What it cannot stop is in src/sources/README.md.

/** Notifications that share signed fields and follow each other in one call. */
const COURSE: Record<string, { readonly course: string; readonly last: boolean }> = {
  NOTIFY_START: { course: 'incoming', last: false },
  NOTIFY_INTERNAL: { course: 'incoming', last: false },
  NOTIFY_END: { course: 'incoming', last: true },
  NOTIFY_ANSWER: { course: 'answer', last: false },
  NOTIFY_OUT_START: { course: 'outgoing', last: false },
  NOTIFY_OUT_END: { course: 'outgoing', last: true },
  NOTIFY_RECORD: { course: 'record', last: false },
};

interface Seen {
  readonly firstAt: number;
  readonly call: string;
  readonly course: string;
  /** Notification type → the hash of the body accepted for it. */
  readonly bodies: Map<string, string>;
  ended: boolean;
}

/** Longer than a call and Zadarma's re-deliveries; short enough to stay small. */
const KEEP_MS = 6 * 3600_000;
const MAX_PER_PROJECT = 20_000;

export class SignatureRecord implements ReplayGuard {
  private readonly byProject = new Map<string, Map<string, Seen>>();

  constructor(
    private readonly keepMs = KEEP_MS,
    private readonly maxPerProject = MAX_PER_PROJECT,
  ) {}

  /**
   * Accepts a verified notification unless its signature was accepted before
   * for another call, another course of notifications, a notification after
   * the call's end, or the same notification with another body.
   */
  admit(projectId: string, raw: Uint8Array, headers: RequestHeaders, now: Date): Verdict {
    const signature = header(headers, 'signature') ?? '';
    const form = formRecord(raw);
    const type = form['event'] ?? '';
    const step = COURSE[type];
    if (!step) return refused('malformed');
    const call = form['pbx_call_id'] ?? '';
    const body = createHash('sha256').update(raw).digest('hex');
    const record = this.recordOf(projectId, now.getTime());
    const seen = record.get(signature);
    if (!seen) {
      if (record.size >= this.maxPerProject) {
        const oldest = record.keys().next().value;
        if (oldest !== undefined) record.delete(oldest);
      }
      const bodies = new Map([[type, body]]);
      record.set(signature, {
        firstAt: now.getTime(),
        call,
        course: step.course,
        bodies,
        ended: step.last,
      });
      return ACCEPTED;
    }
    if (seen.call !== call || seen.course !== step.course) return refused('replayed-signature');
    const earlier = seen.bodies.get(type);
    // The same notification again is a re-delivery (a duplicate by its event id); another body is not.
    if (earlier !== undefined) return earlier === body ? ACCEPTED : refused('replayed-signature');
    if (seen.ended) return refused('replayed-signature');
    seen.bodies.set(type, body);
    seen.ended = step.last;
    return ACCEPTED;
  }

  private recordOf(projectId: string, nowMs: number): Map<string, Seen> {
    let record = this.byProject.get(projectId);
    if (!record) {
      record = new Map();
      this.byProject.set(projectId, record);
    }
    // Insertion order is age order: drop the expired from the front.
    for (const [signature, seen] of record) {
      if (nowMs - seen.firstAt < this.keepMs) break;
      record.delete(signature);
    }
    return record;
  }
}
