import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { zadarma, zadarmaEcho } from './index.js';

// Real signatures computed here as Zadarma's SDK does: base64 of the hex HMAC-SHA1 (telephony-sources.md §2.1).

const SECRET = 'zadarma-api-secret-0123';
const NOW = new Date('2024-04-02T09:31:00Z');
const settings = { apiSecret: SECRET };

function sig(text: string, secret = SECRET): string {
  const hex = createHmac('sha1', secret).update(text).digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
}

function body(fields: Record<string, string>): Buffer {
  return Buffer.from(new URLSearchParams(fields).toString());
}

const start = {
  event: 'NOTIFY_START',
  call_start: '2024-04-02 12:28:43',
  pbx_call_id: 'in_3f6c2a8e',
  caller_id: '380671234567',
  called_did: '380443334455',
};
const answer = {
  event: 'NOTIFY_ANSWER',
  call_start: start.call_start,
  pbx_call_id: start.pbx_call_id,
  caller_id: start.caller_id,
  destination: '101',
  internal: '101',
};
const outStart = {
  event: 'NOTIFY_OUT_START',
  call_start: start.call_start,
  pbx_call_id: 'out_1',
  internal: '101',
  destination: '380671234567',
};
const record = {
  event: 'NOTIFY_RECORD',
  pbx_call_id: start.pbx_call_id,
  call_id_with_rec: '1712050123.4711',
};

function verify(fields: Record<string, string>, signature: string | undefined) {
  return zadarma.verify(
    body(fields),
    signature === undefined ? {} : { signature },
    settings,
    'http://127.0.0.1/x',
    NOW,
  );
}

describe('Zadarma Signature header (service.md §4)', () => {
  it.each([
    [
      'NOTIFY_START: caller_id + called_did + call_start',
      start,
      start.caller_id + start.called_did + start.call_start,
    ],
    [
      'NOTIFY_END: caller_id + called_did + call_start',
      { ...start, event: 'NOTIFY_END', duration: '81', disposition: 'answered' },
      start.caller_id + start.called_did + start.call_start,
    ],
    [
      'NOTIFY_ANSWER: caller_id + destination + call_start',
      answer,
      answer.caller_id + answer.destination + answer.call_start,
    ],
    [
      'NOTIFY_OUT_START: internal + destination + call_start',
      outStart,
      outStart.internal + outStart.destination + outStart.call_start,
    ],
    [
      'NOTIFY_RECORD: pbx_call_id + call_id_with_rec',
      record,
      record.pbx_call_id + record.call_id_with_rec,
    ],
  ])('accepts %s', (_name, fields, signed) => {
    expect(verify(fields, sig(signed))).toEqual({ ok: true });
  });

  it('refuses a missing header', () => {
    expect(verify(start, undefined)).toEqual({ ok: false, reason: 'missing-signature' });
  });

  it('refuses a changed signed field', () => {
    expect(
      verify(
        { ...start, caller_id: '380501111111' },
        sig(start.caller_id + start.called_did + start.call_start),
      ).ok,
    ).toBe(false);
  });

  it('refuses a signature made with another secret', () => {
    expect(
      verify(start, sig(start.caller_id + start.called_did + start.call_start, 'other')),
    ).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses the raw-digest base64 (the SDK encodes the hex string)', () => {
    const rawDigest = createHmac('sha1', SECRET)
      .update(start.caller_id + start.called_did + start.call_start)
      .digest('base64');
    expect(verify(start, rawDigest).ok).toBe(false);
  });

  it('refuses a partial signature', () => {
    expect(
      verify(start, sig(start.caller_id + start.called_did + start.call_start).slice(0, 12)).ok,
    ).toBe(false);
  });

  it('refuses notifications whose signed fields are undocumented (NOTIFY_IVR)', () => {
    const ivr = { ...start, event: 'NOTIFY_IVR' };
    expect(verify(ivr, sig(start.caller_id + start.called_did + start.call_start))).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('covers only the signed fields: others may change (documented weakness, no replay window)', () => {
    const signed = sig(start.caller_id + start.called_did + start.call_start);
    expect(verify({ ...start, pbx_call_id: 'in_other' }, signed).ok).toBe(true);
  });
});

describe('Zadarma zd_echo URL check', () => {
  it('answers the value as the plain body', () => {
    expect(zadarmaEcho('zd_echo=a1B2c3')).toEqual({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: 'a1B2c3',
    });
    expect(
      zadarmaEcho('http://127.0.0.1:8080/v1/projects/p/sources/zadarma?zd_echo=xyz')?.body,
    ).toBe('xyz');
    expect(zadarmaEcho('?x=1&zd_echo=42')?.body).toBe('42');
  });

  it('is no URL check without zd_echo, or with an empty or oversized value', () => {
    expect(zadarmaEcho('')).toBeNull();
    expect(zadarmaEcho('?x=1')).toBeNull();
    expect(zadarmaEcho('?zd_echo=')).toBeNull();
    expect(zadarmaEcho(`?zd_echo=${'a'.repeat(257)}`)).toBeNull();
    expect(zadarmaEcho('?zd_echo=%0Aevil')).toBeNull();
  });
});
