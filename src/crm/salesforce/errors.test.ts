import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../http/client.js';
import {
  classify,
  classifyOAuth,
  insideError,
  isExpiredToken,
  REQUEST_LIMIT_WAIT_MS,
  waitHintMs,
} from './errors.js';

const response = (
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({ status, json, text: JSON.stringify(json), headers: new Headers(headers) });
const sf = (errorCode: string): unknown => [{ message: errorCode, errorCode }];

describe('Salesforce errors → kinds (crm-apis.md §4.12)', () => {
  it('§4.12: 401 INVALID_SESSION_ID is an expired session (refresh once), then reauth', () => {
    expect(isExpiredToken(response(401, sf('INVALID_SESSION_ID')))).toBe(true);
    expect(classify(response(401, sf('INVALID_SESSION_ID')))).toBe('reauth');
    expect(isExpiredToken(response(403, sf('REQUEST_LIMIT_EXCEEDED')))).toBe(false);
  });

  it('§4.13: 403 REQUEST_LIMIT_EXCEEDED is the rate-limit signal: retryable, a minute unless told otherwise', () => {
    const limited = response(403, sf('REQUEST_LIMIT_EXCEEDED'));
    expect(classify(limited)).toBe('retryable');
    expect(waitHintMs(limited)).toBe(REQUEST_LIMIT_WAIT_MS);
    expect(waitHintMs(response(403, sf('REQUEST_LIMIT_EXCEEDED'), { 'retry-after': '7' }))).toBe(
      7000,
    );
  });

  it('§4.12: 403 for other reasons and 400 validation errors are permanent; API_DISABLED_FOR_ORG is reauth', () => {
    expect(classify(response(403, sf('INSUFFICIENT_ACCESS_OR_READONLY')))).toBe('permanent');
    expect(classify(response(400, sf('REQUIRED_FIELD_MISSING')))).toBe('permanent');
    expect(classify(response(404, sf('NOT_FOUND')))).toBe('permanent');
    expect(classify(response(403, sf('API_DISABLED_FOR_ORG')))).toBe('reauth');
  });

  it('§4.12: 5xx and the 400 UNABLE_TO_LOCK_ROW (a row lock held by another transaction) are retryable', () => {
    expect(classify(response(503, sf('SERVER_UNAVAILABLE')))).toBe('retryable');
    expect(classify(response(500, 'not json'))).toBe('retryable');
    expect(classify(response(400, sf('UNABLE_TO_LOCK_ROW')))).toBe('retryable');
  });

  it('§4.11: failures inside a 2xx (composite statusCode / errorCode) get the same kinds', () => {
    expect(
      insideError('x', 400, [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'm' }]).kind,
    ).toBe('permanent');
    expect(insideError('x', 400, [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'm' }]).kind).toBe(
      'retryable',
    );
    const limited = insideError('x', 403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'm' }]);
    expect([limited.kind, limited.retryAfterMs]).toEqual(['retryable', REQUEST_LIMIT_WAIT_MS]);
  });

  it('§4.2: the token endpoint refusing the grant or the client is reauth; its outage is retryable', () => {
    expect(
      classifyOAuth(
        response(400, {
          error: 'invalid_grant',
          error_description: 'expired access/refresh token',
        }),
      ),
    ).toBe('reauth');
    expect(classifyOAuth(response(400, { error: 'invalid_client_id' }))).toBe('reauth');
    expect(classifyOAuth(response(503, 'down'))).toBe('retryable');
    expect(classifyOAuth(response(200, {}))).toBeNull();
  });
});
