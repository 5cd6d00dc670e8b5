import { describe, expect, it } from 'vitest';
import {
  callLogToNative,
  commentToNative,
  escapeCriteria,
  nativeToDeal,
  nativeToLead,
  patchToNative,
  stageStatus,
  taskToNative,
} from './mapping.js';

describe('neutral ↔ Zoho mapping (README "What goes where")', () => {
  it('§1.4: criteria values escape brackets, commas and backslashes', () => {
    expect(escapeCriteria('a(b),c\\d')).toBe('a\\(b\\)\\,c\\\\d');
  });

  it('D4: a task keeps its due date in Due_Date and the exact time in the reminder', () => {
    const native = taskToNative(
      {
        assigneeId: 'u2',
        done: false,
        dueAt: '2026-11-20T23:30:00+02:00',
        title: 'Call back',
        contactId: 'c1',
        leadId: null,
        dealId: 'd1',
        callId: 'k1',
        recordingUrl: null,
      },
      'e1#2',
    );
    expect(native).toMatchObject({
      Subject: 'Call back',
      Status: 'Not Started',
      Due_Date: '2026-11-20',
      Owner: { id: 'u2' },
      Who_Id: { id: 'c1' },
      What_Id: { id: 'd1' },
      $se_module: 'Deals',
      Call_Id: 'k1',
      Callmatrix_Key: 'e1#2',
    });
    expect(native['Remind_At']).toEqual({
      ALARM: 'FREQ=NONE;ACTION=POPUP;TRIGGER=DATE-TIME:2026-11-20T23:30:00+02:00',
    });
  });

  it('§1.7: call type, duration mm:ss and the disposition in Call_Result', () => {
    const base = {
      callId: 'k1',
      direction: 'incoming' as const,
      from: '+380671234567',
      to: '+380441234567',
      startedAt: '2026-11-20T10:00:00+02:00',
    };
    expect(
      callLogToNative({ ...base, disposition: 'answered', durationSec: 185 }, 'k', 'Incoming call'),
    ).toMatchObject({ Call_Type: 'Inbound', Call_Duration: '03:05', Call_Result: 'answered' });
    expect(
      callLogToNative({ ...base, disposition: 'voicemail' }, 'k', 'Incoming call'),
    ).toMatchObject({ Call_Type: 'Missed', Call_Result: 'voicemail' });
    expect(
      callLogToNative({ ...base, direction: 'outgoing', disposition: 'busy' }, 'k', 'x'),
    ).toMatchObject({ Call_Type: 'Outbound', Call_Duration: '00:00' });
  });

  it('D12: a note hangs on one record and carries the operation key as a title marker', () => {
    expect(
      commentToNative({ text: 'hi', contactId: 'c1', leadId: null, dealId: 'd1' }, 'f1#1'),
    ).toEqual({
      parent: { module: 'Deals', id: 'd1' },
      note: {
        Note_Title: '[callmatrix f1#1]',
        Note_Content: 'hi',
        Parent_Id: { module: { api_name: 'Deals' }, id: 'd1' },
      },
    });
  });

  it('G5: a patch replaces the UTM set whole and fills the tracking fields it names', () => {
    expect(
      patchToNative({ utm: { source: 'google' }, tracking: { pool: 'Ads' } }, 'Leads'),
    ).toEqual({
      UTM_Source: 'google',
      UTM_Medium: null,
      UTM_Campaign: null,
      UTM_Term: null,
      UTM_Content: null,
      Tracking_Pool: 'Ads',
    });
  });

  it('native → neutral: stages, converted leads, lookups', () => {
    expect([
      stageStatus('Qualification'),
      stageStatus('Closed Won'),
      stageStatus('Closed-Lost to Competition'),
    ]).toEqual(['open', 'won', 'lost']);
    expect(
      nativeToLead({ id: '1', Last_Name: 'A', $converted: true, Phone: '+1', Owner: { id: '9' } }),
    ).toMatchObject({ status: 'converted', ownerId: '9', phones: ['+1'] });
    expect(
      nativeToDeal({
        id: '2',
        Deal_Name: 'D',
        Stage: 'Closed Lost',
        Contact_Name: { id: '3', name: 'x' },
        Pipeline: 'Ads',
      }),
    ).toMatchObject({ status: 'lost', contactId: '3', pipeline: 'Ads' });
  });
});
