import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../http/client.js';
import { CrmError } from '../port.js';
import { classify, isExpiredToken, readWriteEntry, waitHintMs, WriteReply } from './errors.js';
import partial from './fixtures/insert.partial.json' with { type: 'json' };
import duplicateKey from './fixtures/insert.duplicate-key.json' with { type: 'json' };

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
const entries = (body: unknown) => WriteReply.parse(body).data;

describe('Zoho errors → kinds (crm-apis.md §1.2, §1.3, §1.12)', () => {
  it('§1.2: 401 INVALID_TOKEN is an expired token to refresh; 401 OAUTH_SCOPE_MISMATCH is not, and both are reauth', () => {
    const expired = response(401, {
      code: 'INVALID_TOKEN',
      details: {},
      message: 'invalid oauth token',
      status: 'error',
    });
    const scope = response(401, {
      code: 'OAUTH_SCOPE_MISMATCH',
      details: {},
      message: 'invalid oauth scope',
      status: 'error',
    });
    expect(isExpiredToken(expired)).toBe(true);
    expect(isExpiredToken(scope)).toBe(false);
    expect(classify(expired)).toBe('reauth');
    expect(classify(scope)).toBe('reauth');
  });

  it('§1.12: 429 TOO_MANY_REQUESTS and 5xx are retryable; INVALID_DATA at the top level is permanent', () => {
    expect(
      classify(
        response(429, { code: 'TOO_MANY_REQUESTS', details: {}, message: '', status: 'error' }),
      ),
    ).toBe('retryable');
    expect(
      classify(
        response(500, { code: 'INTERNAL_ERROR', details: {}, message: '', status: 'error' }),
      ),
    ).toBe('retryable');
    expect(
      classify(response(400, { code: 'INVALID_QUERY', details: {}, message: '', status: 'error' })),
    ).toBe('permanent');
  });

  it('§1.3: a 400 carrying the per-record envelope is left to the write reader', () => {
    expect(classify(response(400, duplicateKey))).toBeNull();
  });

  it('§1.12: X-RATELIMIT-RESET (epoch ms or s) is the wait hint; Zoho sends no Retry-After', () => {
    const now = 1_700_000_000_000;
    expect(waitHintMs(response(429, {}, { 'x-ratelimit-reset': String(now + 4000) }), now)).toBe(
      4000,
    );
    expect(
      waitHintMs(response(429, {}, { 'x-ratelimit-reset': String(now / 1000 + 4) }), now),
    ).toBe(4000);
    expect(waitHintMs(response(429, {}), now)).toBeUndefined();
  });

  it('style §2.7: "2xx with an error inside": a 207 partial reply rejects the failed record as permanent', () => {
    const [ok, failed] = entries(partial);
    expect(readWriteEntry(ok, 'POST Leads')).toEqual({ id: '5725767000000524157' });
    expect(() => readWriteEntry(failed, 'POST Leads')).toThrow(CrmError);
    try {
      readWriteEntry(failed, 'POST Leads');
    } catch (error) {
      expect((error as CrmError).kind).toBe('permanent');
    }
  });

  it('D13: DUPLICATE_DATA on the key field names the record that already exists', () => {
    expect(readWriteEntry(entries(duplicateKey)[0], 'POST Leads')).toEqual({
      duplicateOf: '5725767000000524100',
      field: 'Callmatrix_Key',
    });
  });
});
