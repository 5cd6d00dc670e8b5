import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zadarmaSignature } from '../../src/sources/zadarma/signature.js';
import { harness, type Harness } from '../service/harness.js';

// Issue 11 item 12: Zadarma signs caller_id + called_did + call_start only, so
// a captured NOTIFY_START signature validates a forged NOTIFY_END with another
// duration and pbx_call_id. Accepted signatures are remembered per project.

const SECRET = 'zadarma-api-secret';
const call = {
  call_start: '2024-04-02 12:28:43',
  pbx_call_id: 'in_3f6c2a8e',
  caller_id: '380671234567',
  called_did: '380443334455',
};
const start = { ...call, event: 'NOTIFY_START' };
const end = {
  ...call,
  event: 'NOTIFY_END',
  internal: '101',
  duration: '81',
  disposition: 'answered',
  status_code: '16',
  is_recorded: '0',
};
const signature = zadarmaSignature(SECRET, call.caller_id + call.called_did + call.call_start);

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await h.addProject('acme', { sources: { zadarma: { apiSecret: SECRET } } });
});
afterEach(async () => {
  await h.close();
});

const post = (fields: Record<string, string>, sig = signature) =>
  h.app.inject({
    method: 'POST',
    url: '/v1/projects/acme/sources/zadarma',
    headers: { 'content-type': 'application/x-www-form-urlencoded', signature: sig },
    payload: new URLSearchParams(fields).toString(),
  });
const pending = async () => (await h.store.countEvents('acme')).pending;

describe('security: Zadarma signatures are bound to their call (issue 11 item 12)', () => {
  it('a captured NOTIFY_START signature no longer carries a forged NOTIFY_END for another call', async () => {
    expect((await post(start)).statusCode).toBe(200);
    const stored = await pending();
    const forged = await post({ ...end, pbx_call_id: 'in_forged_1', duration: '3600' });
    expect(forged.statusCode).toBe(401);
    expect(await pending()).toBe(stored);
  });

  it("the call's own course still goes through: a re-delivered start, then its end; a second, different end does not", async () => {
    expect((await post(start)).statusCode).toBe(200);
    expect((await post(start)).statusCode).toBe(200); // Zadarma re-delivers: a duplicate, accepted
    expect((await post(end)).statusCode).toBe(200);
    expect((await post(end)).statusCode).toBe(200);
    const stored = await pending();
    expect((await post({ ...end, duration: '3600' })).statusCode).toBe(401);
    expect((await post({ ...start, event: 'NOTIFY_INTERNAL', internal: '102' })).statusCode).toBe(
      401,
    );
    expect(await pending()).toBe(stored);
  });

  it('the record is per project: another project with the same secret is not affected', async () => {
    await h.addProject('other', { sources: { zadarma: { apiSecret: SECRET } } });
    expect((await post(start)).statusCode).toBe(200);
    const elsewhere = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/other/sources/zadarma',
      headers: { 'content-type': 'application/x-www-form-urlencoded', signature },
      payload: new URLSearchParams({ ...start, pbx_call_id: 'in_other' }).toString(),
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
