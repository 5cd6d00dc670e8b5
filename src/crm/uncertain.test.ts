import { describe, expect, it } from 'vitest';
import { CrmError, err, ok } from './port.js';
import { UncertainWrites } from './uncertain.js';

describe('UncertainWrites (D13: look before writing again)', () => {
  it('remembers a write that may have landed and forgets it once it is known', () => {
    const writes = new UncertainWrites();
    writes.settle('k1', err(new CrmError('retryable', 'timeout')));
    writes.settle('k2', err(new CrmError('permanent', 'refused')));
    expect(writes.has('k1')).toBe(true);
    expect(writes.has('k2')).toBe(false);
    writes.settle('k1', err(new CrmError('permanent', 'refused')));
    expect(writes.has('k1')).toBe(true);
    writes.settle('k1', ok('id-1'));
    expect(writes.has('k1')).toBe(false);
  });

  it('takes the adapter’s own reading of a failure, for several keys at once', () => {
    const writes = new UncertainWrites();
    const failure = err(new CrmError('permanent', 'cut off'));
    writes.settle(['a', 'b'], failure, () => true);
    expect([writes.has('a'), writes.has('b')]).toEqual([true, true]);
    writes.forget('a');
    expect([writes.has('a'), writes.has('b')]).toEqual([false, true]);
  });

  it('around: a thrown retryable error is remembered and rethrown, a success forgets', async () => {
    const writes = new UncertainWrites();
    await expect(
      writes.around('k', () => Promise.reject(new CrmError('retryable', 'timeout'))),
    ).rejects.toThrow('timeout');
    expect(writes.has('k')).toBe(true);
    await expect(writes.around('k', () => Promise.resolve('id'))).resolves.toBe('id');
    expect(writes.has('k')).toBe(false);
    await expect(
      writes.around('k', () => Promise.reject(new CrmError('permanent', 'no'))),
    ).rejects.toThrow('no');
    expect(writes.has('k')).toBe(false);
  });
});
