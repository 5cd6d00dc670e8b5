import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SOURCE_NAMES, bindSource, isSourceName, sources } from '../index.js';
import { secretsEqual } from './constant-time.js';
import { formPairs, formRecord } from './form.js';
import { header } from './headers.js';
import { isoFromLocal } from './time.js';

describe('wall-clock times read in a timezone', () => {
  it('reads summer and winter times with their own offsets (Europe/Kyiv: +03 / +02)', () => {
    expect(isoFromLocal('2024-07-01 12:00:00', 'Europe/Kyiv')).toBe('2024-07-01T09:00:00.000Z');
    expect(isoFromLocal('2024-01-15 12:00:00', 'Europe/Kyiv')).toBe('2024-01-15T10:00:00.000Z');
    expect(isoFromLocal('2024-01-15T12:00:00', 'UTC')).toBe('2024-01-15T12:00:00.000Z');
  });

  it('settles across a DST change', () => {
    // 2024-03-31 04:00 Kyiv is already summer time (+03).
    expect(isoFromLocal('2024-03-31 04:30:00', 'Europe/Kyiv')).toBe('2024-03-31T01:30:00.000Z');
    expect(isoFromLocal('2024-03-31 02:30:00', 'Europe/Kyiv')).toBe('2024-03-31T00:30:00.000Z');
  });

  it('refuses texts that are no such time and unknown zones', () => {
    expect(isoFromLocal('2024-02-30 12:00:00', 'UTC')).toBeNull();
    expect(isoFromLocal('02.04.2024 12:00', 'UTC')).toBeNull();
    expect(isoFromLocal('2024-04-02 12:00:00', 'Mars/Base')).toBeNull();
  });
});

describe('request helpers', () => {
  it('reads headers case-insensitively, the first of a repeated one', () => {
    expect(header({ 'X-Twilio-Signature': 'a' }, 'x-twilio-signature')).toBe('a');
    expect(header({ signature: ['first', 'second'] }, 'Signature')).toBe('first');
    expect(header({}, 'signature')).toBeUndefined();
  });

  it('keeps every form pair in order and the first value per name', () => {
    const raw = Buffer.from('a=1&b=%2B380&a=2&c=');
    expect(formPairs(raw)).toEqual([
      ['a', '1'],
      ['b', '+380'],
      ['a', '2'],
      ['c', ''],
    ]);
    expect(formRecord(raw)).toEqual({ a: '1', b: '+380', c: '' });
  });

  it('compares secrets of any length without throwing', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual('', 'x')).toBe(false);
  });
});

describe('the source registry and bindSource', () => {
  it('lists every source by name', () => {
    expect(SOURCE_NAMES).toEqual(['twilio', 'zadarma']);
    expect(isSourceName('twilio')).toBe(true);
    expect(isSourceName('toString')).toBe(false);
  });

  it('binds valid settings and mounts any source the same way', () => {
    const bound = bindSource(sources.zadarma, { apiSecret: 'sec' });
    expect(bound.ok).toBe(true);
    if (!bound.ok) return;
    const fields = { event: 'NOTIFY_RECORD', pbx_call_id: 'in_1', call_id_with_rec: 'r1' };
    const hex = createHmac('sha1', 'sec').update('in_1r1').digest('hex');
    const raw = Buffer.from(new URLSearchParams(fields).toString());
    expect(
      bound.value.verify(
        raw,
        { signature: Buffer.from(hex).toString('base64') },
        'http://127.0.0.1/',
        new Date(),
      ).ok,
    ).toBe(true);
    expect(bound.value.parse(raw, { receivedAt: new Date(), timezone: 'UTC' })).toEqual({
      ok: true,
      value: [],
    });
  });

  it('names the settings problems under sources.<name>', () => {
    const bound = bindSource(sources.twilio, { publicUrl: 'nope' });
    expect(bound.ok ? [] : bound.problems.map((p) => p.path).sort()).toEqual([
      'sources.twilio.authToken',
      'sources.twilio.publicUrl',
    ]);
  });
});
