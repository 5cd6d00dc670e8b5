import { fitTexts } from '../capabilities.js';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../http/client.js';
import { patchedNote } from './call-log-update.js';
import { classifyPipedrive, pipedriveWaitMs } from './errors.js';
import {
  activityBody,
  callLogBody,
  callSubject,
  customValues,
  leadFrom,
  MappingError,
  readMarker,
  trackedFrom,
} from './mapping.js';
import { phoneSearchTerms } from './phone-search.js';

const texts = fitTexts('en');
const response = (
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  headers: new Headers(headers),
  text: JSON.stringify(json),
  json,
});
const KEYS = new Map([
  ['UTM source', 'a'.repeat(40)],
  ['Pool', 'b'.repeat(40)],
  ['Phone', 'c'.repeat(40)],
  ['Campaign', 'd'.repeat(40)],
]);

describe('phone search terms (G1)', () => {
  it('G1: substring mode sends the national significant digits once', () => {
    expect(phoneSearchTerms('+380671234567', 'substring')).toEqual([
      { term: '671234567', exact: false },
    ]);
  });
  it('G1: exact mode sends E.164, without "+", national with trunk prefix, national digits', () => {
    expect(phoneSearchTerms('+380671234567', 'exact-variants').map((t) => t.term)).toEqual([
      '+380671234567',
      '380671234567',
      '0671234567',
      '671234567',
    ]);
    // No trunk prefix in the US: the national form and the national digits are one term.
    expect(phoneSearchTerms('+12025550123', 'exact-variants').map((t) => t.term)).toEqual([
      '+12025550123',
      '12025550123',
      '2025550123',
    ]);
  });
});

describe('custom fields (G5, G8)', () => {
  it('G5: UTM and tracking go to the prepared fields; a missing prepared field is skipped', () => {
    expect(
      customValues(
        { utm: { source: 'google', medium: 'cpc' }, tracking: { pool: 'Ads' } },
        KEYS,
        false,
      ),
    ).toEqual({ ['a'.repeat(40)]: 'google', ['b'.repeat(40)]: 'Ads' });
  });
  it('G8: a mapped field is written by name or key; an unknown name is an error', () => {
    expect(customValues({ fields: { Campaign: 'winter' } }, KEYS, false)).toEqual({
      ['d'.repeat(40)]: 'winter',
    });
    expect(() => customValues({ fields: { Nope: 'x' } }, KEYS, false)).toThrow(MappingError);
  });
  it('D12: a lead keeps its phones in the deal field "Phone" and reads them back', () => {
    const values = customValues({ phones: ['+380671234567', '0671234568'] }, KEYS, true);
    expect(trackedFrom(values, KEYS)).toEqual({ phones: ['+380671234567', '0671234568'] });
    expect(
      leadFrom({ id: 'x', title: 'L', person_id: 5, is_archived: true, ...values }, KEYS),
    ).toMatchObject({ contactId: '5', phones: ['+380671234567', '0671234568'], status: 'closed' });
  });
});

describe('activities and call logs (D12, D13)', () => {
  it('D13: the activity carries its key and call id in public_description; due time in UTC to the minute', () => {
    const body = activityBody(
      {
        assigneeId: '2',
        done: false,
        dueAt: '2026-11-20T14:03:00+02:00',
        title: 'Call back',
        contactId: '5',
        leadId: 'u-u',
        dealId: '7',
        callId: 'k 1',
        recordingUrl: null,
      },
      'ev#1',
    );
    expect(body).toMatchObject({
      owner_id: 2,
      due_date: '2026-11-20',
      due_time: '12:03',
      person_id: 5,
      deal_id: 7,
      lead_id: 'u-u',
      type: 'task',
    });
    const marker = readMarker(body['public_description'] as string);
    expect([marker.get('key'), marker.get('call')]).toEqual(['ev#1', 'k 1']);
  });
  it('D12: a call log keeps a deal link over a lead link, and its subject keeps direction and disposition', () => {
    const log = {
      callId: 'k1',
      direction: 'outgoing' as const,
      from: '+1',
      to: '+2',
      disposition: 'failed' as const,
      recordingUrl: null,
      contactId: '5',
      leadId: 'l',
      dealId: '7',
      userId: null,
    };
    const subject = callSubject(log, 'ev#3');
    const body = callLogBody(
      { ...log, startedAt: '2026-11-20T10:00:00+02:00', durationSec: 61 },
      subject,
      0,
    );
    expect(body).toMatchObject({
      outcome: 'wrong_number',
      deal_id: 7,
      start_time: '2026-11-20 08:00:00',
      end_time: '2026-11-20 08:01:01',
      duration: '61',
    });
    expect(body).not.toHaveProperty('lead_id');
    expect(Object.fromEntries(readMarker(subject))).toEqual({
      call: 'k1',
      direction: 'outgoing',
      disposition: 'failed',
      key: 'ev#3',
    });
  });
  it('D12: a call log update changes the text as the in-memory CRM does (recording once, legs replaced)', () => {
    const once = patchedNote(
      'Legs: Petro 0:10',
      {
        recordingUrl: 'https://r/1.mp3',
        legs: [
          { userId: '2', talkSec: 10, name: 'Petro' },
          { userId: null, talkSec: 65, name: 'extension 199' },
        ],
      },
      texts,
    );
    expect(once).toBe('Recording: https://r/1.mp3\nLegs: Petro 0:10, extension 199 1:05');
    expect(patchedNote(once, { recordingUrl: 'https://r/1.mp3' }, texts)).toBe(once);
  });
});

describe('errors.ts (crm-apis.md §2.3, §2.14)', () => {
  it('crm-apis §2.3: success:false inside a 200 is permanent', () => {
    expect(classifyPipedrive(response(200, { success: false, error: 'x' }))).toBe('permanent');
    expect(classifyPipedrive(response(200, { success: true, data: {} }))).toBeNull();
  });
  it('G10: 401 and 402 → reauth; 429 and 5xx → retryable; 400, 404 → permanent', () => {
    expect(
      [401, 402, 429, 500, 503, 400, 404].map((s) => classifyPipedrive(response(s, {}))),
    ).toEqual([
      'reauth',
      'reauth',
      'retryable',
      'retryable',
      'retryable',
      'permanent',
      'permanent',
    ]);
  });
  it('crm-apis §2.14: the wait hint prefers Retry-After, then x-ratelimit-reset; a spent daily budget waits an hour', () => {
    expect(
      pipedriveWaitMs(response(429, {}, { 'retry-after': '4', 'x-ratelimit-reset': '1' })),
    ).toBe(4000);
    expect(pipedriveWaitMs(response(429, {}, { 'x-ratelimit-reset': '2' }))).toBe(2000);
    expect(pipedriveWaitMs(response(429, {}, { 'x-daily-ratelimit-token-remaining': '0' }))).toBe(
      3_600_000,
    );
    expect(pipedriveWaitMs(response(500, {}))).toBeUndefined();
  });
});
