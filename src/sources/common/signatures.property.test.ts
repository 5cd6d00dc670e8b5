import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sign, verifySignature } from '../standard-webhooks/verify.js';
import { twilio } from '../twilio/index.js';

// Properties of the signature checks over arbitrary bodies (style.md §2.12):
// what was signed passes, and any one changed byte fails.

const SECRET = `whsec_${Buffer.from('property-test-key-32-bytes-long!').toString('base64')}`;
const NOW = new Date('2026-11-20T08:00:00Z');
const NOW_SEC = NOW.getTime() / 1000;

describe('signature properties', () => {
  it('Standard Webhooks: any signed body passes; flipping any byte fails', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, at, mask) => {
          const raw = Buffer.from(bytes);
          const headers = {
            'webhook-id': 'msg_1',
            'webhook-timestamp': String(NOW_SEC),
            'webhook-signature': sign(SECRET, 'msg_1', NOW_SEC, raw),
          };
          expect(verifySignature(raw, headers, SECRET, NOW).ok).toBe(true);
          const changed = Buffer.from(raw);
          const index = at % changed.length;
          changed[index] = (changed[index] ?? 0) ^ mask;
          expect(verifySignature(changed, headers, SECRET, NOW).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Twilio: any signed form passes whatever the parameter order; changing a value fails', () => {
    const token = 'tw-token';
    const url = 'https://hooks.example.com/v1/projects/p/sources/twilio';
    const params = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.string({ maxLength: 24 }),
      { minKeys: 1, maxKeys: 8 },
    );
    fc.assert(
      fc.property(params, (fields) => {
        let data = url;
        for (const name of Object.keys(fields).sort()) data += name + fields[name];
        const headers = {
          'x-twilio-signature': createHmac('sha1', token).update(data).digest('base64'),
        };
        const reversed = new URLSearchParams(Object.entries(fields).reverse());
        expect(
          twilio.verify(Buffer.from(reversed.toString()), headers, { authToken: token }, url, NOW)
            .ok,
        ).toBe(true);
        const [first] = Object.keys(fields);
        const changed = new URLSearchParams({
          ...fields,
          [first ?? '']: `${fields[first ?? ''] ?? ''}x`,
        });
        expect(
          twilio.verify(Buffer.from(changed.toString()), headers, { authToken: token }, url, NOW)
            .ok,
        ).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
