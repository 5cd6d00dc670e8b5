import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../http/client.js';
import { classifyRetailcrm, isDuplicateExternalId, retailcrmWaitHintMs } from './errors.js';

const response = (
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({ status, headers: new Headers(headers), text: JSON.stringify(json), json });

describe('retailCRM errors → CrmError kind (crm-apis.md §3.2, §3.9)', () => {
  it('§3.2 a 2xx without `success: true` is an error: "2xx with an error inside"', () => {
    expect(classifyRetailcrm(response(200, { success: true, id: 1 }))).toBeNull();
    expect(
      classifyRetailcrm(response(200, { success: false, errorMsg: 'Errors in the entity format' })),
    ).toBe('permanent');
    expect(classifyRetailcrm(response(200, { success: false, errorMsg: 'Access denied.' }))).toBe(
      'reauth',
    );
    expect(classifyRetailcrm(response(200, 'not json'))).toBe('permanent');
  });

  it('§3.2 G10 refused keys are reauth, whatever the status the CRM picks', () => {
    expect(
      classifyRetailcrm(response(403, { success: false, errorMsg: 'Wrong "apiKey" value.' })),
    ).toBe('reauth');
    expect(
      classifyRetailcrm(response(403, { success: false, errorMsg: '"apiKey" is missing.' })),
    ).toBe('reauth');
    expect(
      classifyRetailcrm(response(400, { success: false, errorMsg: 'Account does not exist.' })),
    ).toBe('reauth');
    expect(classifyRetailcrm(response(401, {}))).toBe('reauth');
  });

  it('§3.9 the 503 rate-limit signal (and 429, 5xx) are retryable, with a one-second hint when no Retry-After', () => {
    const limited = response(503, { success: false, errorMsg: 'rate limit' });
    expect(classifyRetailcrm(limited)).toBe('retryable');
    expect(retailcrmWaitHintMs(limited)).toBe(1000);
    expect(retailcrmWaitHintMs(response(503, {}, { 'retry-after': '3' }))).toBe(3000);
    expect(classifyRetailcrm(response(429, {}))).toBe('retryable');
    expect(classifyRetailcrm(response(500, {}))).toBe('retryable');
  });

  it('a rejected record is permanent; a duplicate externalId is the D13 retry path, not an error', () => {
    expect(
      classifyRetailcrm(
        response(400, {
          success: false,
          errorMsg: 'Errors in the entity format',
          errors: { managerId: 'x' },
        }),
      ),
    ).toBe('permanent');
    expect(classifyRetailcrm(response(404, { success: false, errorMsg: 'Not found' }))).toBe(
      'permanent',
    );
    const duplicate = {
      success: false,
      errorMsg: 'Errors in the entity format',
      errors: { externalId: 'exists' },
    };
    expect(classifyRetailcrm(response(400, duplicate))).toBeNull();
    expect(isDuplicateExternalId(duplicate)).toBe(true);
  });
});
