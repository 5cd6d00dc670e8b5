import { describe, expect, it } from 'vitest';
import {
  callPayload,
  eventPayload,
  localDateTime,
  splitMarker,
  splitName,
  taskPayload,
  withMarker,
} from './mapping.js';

describe('retailCRM mapping (pure)', () => {
  it('D12: the task marker carries key and call id and leaves the description intact', () => {
    const commentary = withMarker('Line one\nRecording: https://r/k 1.mp3', {
      key: 'ev 1#0',
      call: 'k]1',
      none: null,
    });
    expect(splitMarker(commentary)).toEqual({
      text: 'Line one\nRecording: https://r/k 1.mp3',
      values: { key: 'ev 1#0', call: 'k]1' },
    });
    expect(splitMarker(withMarker(undefined, { call: 'k1' }))).toEqual({
      text: undefined,
      values: { call: 'k1' },
    });
    expect(splitMarker('no marker')).toEqual({ text: 'no marker', values: {} });
  });

  it('names split at the first space and join back unchanged', () => {
    expect(splitName('Ivan Petrenko Jr')).toEqual({ firstName: 'Ivan', lastName: 'Petrenko Jr' });
    expect(splitName('Ivan')).toEqual({ firstName: 'Ivan' });
  });

  it('D4: due times and call dates are written in the account timezone', () => {
    expect(localDateTime('2026-11-20T08:03:00Z', 'Europe/Kyiv')).toBe('2026-11-20 10:03:00');
    const task = taskPayload(
      {
        assigneeId: '4',
        done: false,
        title: 'T',
        dueAt: '2026-11-20T10:03:00+02:00',
        contactId: '1',
        leadId: null,
        dealId: '9',
        callId: 'k1',
        recordingUrl: null,
      },
      'e#1',
      'Europe/Kyiv',
    );
    expect(task).toMatchObject({
      datetime: '2026-11-20 10:03',
      performerId: 4,
      order: { id: 9 },
      complete: false,
    });
    expect(task).not.toHaveProperty('customer');
  });

  it('RC-1..RC-3: pop-ups are call events; calls keep the client side in `phone`', () => {
    expect(eventPayload([{ userId: '2', callId: 'k1', kind: 'missed' }], '+380671234567')).toEqual({
      phone: '+380671234567',
      type: 'hangup',
      hangupStatus: 'no answered',
      userIds: [2],
      callExternalId: 'k1',
    });
    // One call event reaches every notified employee.
    expect(
      eventPayload(
        [
          { userId: '2', callId: 'k1', kind: 'incoming' },
          { userId: '5', callId: 'k1', kind: 'incoming' },
        ],
        '+380671234567',
      ),
    ).toEqual({ phone: '+380671234567', type: 'in', userIds: [2, 5], callExternalId: 'k1' });
    const outgoing = callPayload(
      {
        callId: 'k5',
        direction: 'outgoing',
        from: '+380441234567',
        to: '0671234567',
        disposition: 'voicemail',
        recordingUrl: null,
        userId: null,
        contactId: null,
        leadId: null,
        dealId: null,
        startedAt: '2026-11-20T10:00:00+02:00',
      },
      'UTC',
    );
    expect(outgoing).toMatchObject({
      type: 'out',
      phone: '0671234567',
      externalPhone: '+380441234567',
      result: 'unknown',
      date: '2026-11-20 08:00:00',
    });
  });
});
