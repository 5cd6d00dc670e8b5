import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, harness, memoryDocument, putProject, type Harness } from './harness.js';

// PUT …/stop-list stores each valid number in E.164 (the project's default country for local
// numbers), keeps short codes and SIP numbers as given, each once; the answer is the list as stored.

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('the stop-list part', () => {
  it('is stored normalised: numbers in any format become E.164, the rest stays as typed', async () => {
    await putProject(h, 'acme', memoryDocument());
    const put = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/stop-list',
      headers: auth(),
      payload: ['044 111 00 00', '+38 (044) 111-00-00', '(067) 123-45-67', '700', ' 0800 '],
    });
    expect(put.statusCode).toBe(200);
    const stored = ['+380441110000', '+380671234567', '700', '0800'];
    expect(put.json()).toEqual(stored);
    const got = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/stop-list',
      headers: auth(),
    });
    expect(got.json()).toEqual(stored);
  });

  it('an empty entry is refused at its index, nothing stored', async () => {
    await putProject(h, 'acme', memoryDocument());
    const put = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/stop-list',
      headers: auth(),
      payload: ['044 111 00 00', ''],
    });
    expect(put.statusCode).toBe(422);
    expect(put.json<{ problems: Array<{ path: string }> }>().problems[0]?.path).toBe('[1]');
    const got = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/stop-list',
      headers: auth(),
    });
    expect(got.json()).toEqual([]);
  });
});
