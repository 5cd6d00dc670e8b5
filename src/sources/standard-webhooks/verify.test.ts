import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TOLERANCE_SEC, sign, verifyBearer, verifySignature, verifyWebhook } from './verify.js';

// Genuinely signed payloads (style.md §2.12); each test breaks exactly one thing.

const KEY = Buffer.from('a-test-key-of-thirty-two-bytes!!');
const SECRET = `whsec_${KEY.toString('base64')}`;
const NOW = new Date('2026-11-20T08:00:00Z');
const NOW_SEC = NOW.getTime() / 1000;
const BODY = Buffer.from('{"type":"call.started","eventId":"k1-1","callId":"k1"}');
const ID = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';

/** The signature computed independently of the code under test, straight from the scheme's definition. */
function reference(id: string, ts: number, body: Buffer, key = KEY): string {
  return `v1,${createHmac('sha256', key)
    .update(`${id}.${ts}.${body.toString('utf8')}`)
    .digest('base64')}`;
}

function signed(
  overrides: Record<string, string | undefined> = {},
  ts = NOW_SEC,
): Record<string, string | undefined> {
  return {
    'webhook-id': ID,
    'webhook-timestamp': String(ts),
    'webhook-signature': reference(ID, ts, BODY),
    ...overrides,
  };
}

describe('Standard Webhooks signature (service.md §3)', () => {
  it('accepts a genuinely signed payload', () => {
    expect(verifySignature(BODY, signed(), SECRET, NOW)).toEqual({ ok: true });
  });

  it('signs as the reference definition does', () => {
    expect(sign(SECRET, ID, NOW_SEC, BODY)).toBe(reference(ID, NOW_SEC, BODY));
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
    'refuses a request without %s',
    (name) => {
      expect(verifySignature(BODY, signed({ [name]: undefined }), SECRET, NOW)).toEqual({
        ok: false,
        reason: 'missing-signature',
      });
    },
  );

  it('refuses a bad signature', () => {
    const other = reference(ID, NOW_SEC, Buffer.from('{"type":"call.ended"}'));
    expect(verifySignature(BODY, signed({ 'webhook-signature': other }), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a partial signature', () => {
    const partial = reference(ID, NOW_SEC, BODY).slice(0, 20);
    expect(verifySignature(BODY, signed({ 'webhook-signature': partial }), SECRET, NOW).ok).toBe(
      false,
    );
  });

  it('refuses a signature with characters appended', () => {
    expect(
      verifySignature(
        BODY,
        signed({ 'webhook-signature': `${reference(ID, NOW_SEC, BODY)}!!` }),
        SECRET,
        NOW,
      ).ok,
    ).toBe(false);
  });

  it('refuses a body changed after signing', () => {
    expect(verifySignature(Buffer.from(`${BODY.toString()} `), signed(), SECRET, NOW).ok).toBe(
      false,
    );
  });

  it('refuses a changed webhook-id', () => {
    expect(verifySignature(BODY, signed({ 'webhook-id': 'msg_other' }), SECRET, NOW).ok).toBe(
      false,
    );
  });

  it('refuses a signature made with another secret', () => {
    const wrong = `whsec_${Buffer.from('another-key-of-thirty-two-bytes!').toString('base64')}`;
    expect(verifySignature(BODY, signed(), wrong, NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a timestamp more than 5 minutes old, accepts one just inside', () => {
    const old = NOW_SEC - TOLERANCE_SEC - 1;
    expect(verifySignature(BODY, signed({}, old), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    expect(verifySignature(BODY, signed({}, NOW_SEC - TOLERANCE_SEC), SECRET, NOW).ok).toBe(true);
  });

  it('refuses a timestamp more than 5 minutes in the future', () => {
    expect(verifySignature(BODY, signed({}, NOW_SEC + TOLERANCE_SEC + 1), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('refuses a timestamp that is not Unix seconds', () => {
    const iso = '2026-11-20T08:00:00Z';
    const headers = { 'webhook-id': ID, 'webhook-timestamp': iso, 'webhook-signature': 'v1,x' };
    expect(verifySignature(BODY, headers, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('accepts several space-separated signatures when one is good', () => {
    const list = `v1,${Buffer.alloc(32).toString('base64')} v1a,ignored ${reference(ID, NOW_SEC, BODY)}`;
    expect(verifySignature(BODY, signed({ 'webhook-signature': list }), SECRET, NOW).ok).toBe(true);
  });

  it('refuses several signatures when none is good', () => {
    const list = `v1,${Buffer.alloc(32).toString('base64')} v2,${reference(ID, NOW_SEC, BODY).slice(3)}`;
    expect(verifySignature(BODY, signed({ 'webhook-signature': list }), SECRET, NOW).ok).toBe(
      false,
    );
  });

  it('refuses everything when the project has no signing secret', () => {
    expect(verifySignature(BODY, signed(), undefined, NOW)).toEqual({
      ok: false,
      reason: 'no-secret',
    });
  });

  it('reads header names case-insensitively', () => {
    const headers = {
      'Webhook-Id': ID,
      'Webhook-Timestamp': String(NOW_SEC),
      'Webhook-Signature': reference(ID, NOW_SEC, BODY),
    };
    expect(verifySignature(BODY, headers, SECRET, NOW).ok).toBe(true);
  });
});

describe('bearer token (service.md §3)', () => {
  it('accepts the project token', () => {
    expect(verifyBearer({ authorization: 'Bearer tok-123' }, 'tok-123').ok).toBe(true);
  });

  it('refuses a wrong token, a prefix of it, and a missing header', () => {
    expect(verifyBearer({ authorization: 'Bearer tok-124' }, 'tok-123').ok).toBe(false);
    expect(verifyBearer({ authorization: 'Bearer tok-12' }, 'tok-123').ok).toBe(false);
    expect(verifyBearer({ authorization: 'Basic tok-123' }, 'tok-123').ok).toBe(false);
    expect(verifyBearer({}, 'tok-123').ok).toBe(false);
  });

  it('refuses any token when the project has none', () => {
    expect(verifyBearer({ authorization: 'Bearer ' }, undefined).ok).toBe(false);
    expect(verifyBearer({ authorization: 'Bearer x' }, '').ok).toBe(false);
  });
});

describe('ingest authentication: token or signature (service.md §3)', () => {
  const credentials = { token: 'tok-123', signingSecret: SECRET };

  it('accepts either a good token or a good signature', () => {
    expect(verifyWebhook(BODY, { authorization: 'Bearer tok-123' }, credentials, NOW).ok).toBe(
      true,
    );
    expect(verifyWebhook(BODY, signed(), credentials, NOW).ok).toBe(true);
  });

  it('accepts a good signature alongside a wrong token', () => {
    expect(
      verifyWebhook(BODY, { ...signed(), authorization: 'Bearer nope' }, credentials, NOW).ok,
    ).toBe(true);
  });

  it('refuses a wrong token alone, a bad signature alone, and nothing at all', () => {
    expect(verifyWebhook(BODY, { authorization: 'Bearer nope' }, credentials, NOW).ok).toBe(false);
    expect(
      verifyWebhook(BODY, signed({ 'webhook-signature': 'v1,AAAA' }), credentials, NOW).ok,
    ).toBe(false);
    expect(verifyWebhook(BODY, {}, credentials, NOW).ok).toBe(false);
  });
});
