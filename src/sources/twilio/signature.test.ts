import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { twilio } from './index.js';
import { calledUrl, twilioSignature, urlVariants, verifyTwilio } from './signature.js';

// Real signatures, computed here from the algorithm's definition (telephony-sources.md §4.3).

const TOKEN = 'twilio-auth-token-0123456789abcdef';
const PUBLIC = 'https://hooks.example.com';
const PATH = '/v1/projects/acme/sources/twilio?tenant=7';
const OWN = `http://127.0.0.1:8080${PATH}`;

function body(params: Record<string, string>): Buffer {
  return Buffer.from(new URLSearchParams(params).toString());
}

function reference(url: string, params: Record<string, string>, token = TOKEN): string {
  let data = url;
  for (const name of Object.keys(params).sort()) data += name + params[name];
  return createHmac('sha1', token).update(data).digest('base64');
}

const PARAMS = {
  CallSid: 'CA5b0c4d2e1f00112233445566778899aa',
  From: '+380671234567',
  To: '+380441234567',
  CallStatus: 'ringing',
  Direction: 'inbound',
};
const settings = { authToken: TOKEN, publicUrl: PUBLIC };
const NOW = new Date('2026-11-20T08:00:00Z');

describe('X-Twilio-Signature (service.md §4)', () => {
  it("matches the known answer of Twilio's own helper-library tests", () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    expect(
      twilioSignature(
        '12345',
        'https://mycompany.com/myapp.php?foo=1&bar=2',
        Object.entries(params),
      ),
    ).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('accepts a callback signed over publicUrl + path + query', () => {
    const headers = { 'x-twilio-signature': reference(PUBLIC + PATH, PARAMS) };
    expect(twilio.verify(body(PARAMS), headers, settings, OWN, NOW)).toEqual({ ok: true });
  });

  it("uses the request's own URL when publicUrl is unset", () => {
    const headers = { 'x-twilio-signature': reference(OWN, PARAMS) };
    expect(twilio.verify(body(PARAMS), headers, { authToken: TOKEN }, OWN, NOW).ok).toBe(true);
    expect(twilio.verify(body(PARAMS), headers, settings, OWN, NOW).ok).toBe(false);
  });

  it('refuses a missing header', () => {
    expect(twilio.verify(body(PARAMS), {}, settings, OWN, NOW)).toEqual({
      ok: false,
      reason: 'missing-signature',
    });
  });

  it('refuses a changed parameter', () => {
    const headers = { 'x-twilio-signature': reference(PUBLIC + PATH, PARAMS) };
    expect(
      twilio.verify(body({ ...PARAMS, CallStatus: 'completed' }), headers, settings, OWN, NOW).ok,
    ).toBe(false);
  });

  it('refuses an added parameter', () => {
    const headers = { 'x-twilio-signature': reference(PUBLIC + PATH, PARAMS) };
    expect(
      twilio.verify(
        body({ ...PARAMS, RecordingUrl: 'https://evil.example/x' }),
        headers,
        settings,
        OWN,
        NOW,
      ).ok,
    ).toBe(false);
  });

  it('refuses another query string', () => {
    const headers = {
      'x-twilio-signature': reference(`${PUBLIC}/v1/projects/acme/sources/twilio?tenant=8`, PARAMS),
    };
    expect(twilio.verify(body(PARAMS), headers, settings, OWN, NOW).ok).toBe(false);
  });

  it('refuses a signature made with another auth token', () => {
    const headers = { 'x-twilio-signature': reference(PUBLIC + PATH, PARAMS, 'another-token') };
    expect(twilio.verify(body(PARAMS), headers, settings, OWN, NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a partial signature', () => {
    const headers = { 'x-twilio-signature': reference(PUBLIC + PATH, PARAMS).slice(0, 10) };
    expect(twilio.verify(body(PARAMS), headers, settings, OWN, NOW).ok).toBe(false);
  });

  it('signs repeated parameters one pair at a time, in order', () => {
    const raw = Buffer.from('To=%2B2&Foo=b&Foo=a');
    const data = `${PUBLIC}${PATH}FooaFoobTo+2`;
    const headers = {
      'x-twilio-signature': createHmac('sha1', TOKEN).update(data).digest('base64'),
    };
    expect(twilio.verify(raw, headers, settings, OWN, NOW).ok).toBe(true);
  });

  it('accepts the URL with or without the default port', () => {
    expect(urlVariants('https://h.example/a?b=1')).toEqual([
      'https://h.example/a?b=1',
      'https://h.example:443/a?b=1',
    ]);
    expect(urlVariants('https://h.example:443/a')).toEqual([
      'https://h.example:443/a',
      'https://h.example/a',
    ]);
    expect(urlVariants('http://h.example:8080/a')).toEqual(['http://h.example:8080/a']);
    const headers = {
      'x-twilio-signature': reference(`https://hooks.example.com:443${PATH}`, PARAMS),
    };
    expect(twilio.verify(body(PARAMS), headers, settings, OWN, NOW).ok).toBe(true);
  });

  it('checks a JSON body through bodySHA256, the signature covering the URL only', () => {
    const raw = Buffer.from('{"CallSid":"CA1"}');
    const url = `${PUBLIC}/hook?bodySHA256=${createHash('sha256').update(raw).digest('hex')}`;
    const headers = { 'x-twilio-signature': reference(url, {}) };
    expect(verifyTwilio(raw, headers, TOKEN, url).ok).toBe(true);
    expect(verifyTwilio(Buffer.from('{"CallSid":"CA2"}'), headers, TOKEN, url).ok).toBe(false);
  });

  it('builds the called URL from publicUrl, ignoring a trailing slash', () => {
    expect(calledUrl('https://hooks.example.com/', OWN)).toBe(PUBLIC + PATH);
    expect(calledUrl('https://hooks.example.com/cm', PATH)).toBe(
      `https://hooks.example.com/cm${PATH}`,
    );
    expect(calledUrl(undefined, OWN)).toBe(OWN);
  });
});
