import { CrmError, type ApplyOptions, type Result } from './port.js';

/** The usual reading of a failed write: a retryable error may have landed (timeout, 5xx). */
const retryable = (error: CrmError): boolean => error.kind === 'retryable';

/**
 * The writes of one adapter whose outcome is unknown (D13). The run's ledger
 * answers "already landed?" for every write that came back; a write that failed
 * in a way that may have landed is sent again by the retry, and the adapter
 * looks for its marker (`has`) before writing it twice. The run's ledger also
 * hands over, as `apply(operation, { uncertain: true })`, the writes it marked
 * as sending before a crash and never saw answered (`heard`): the same search
 * covers both. Every adapter keeps this memo the same way, so it lives here once.
 */
export class UncertainWrites {
  private readonly keys = new Set<string>();

  /** Whether the last write of `key` may have landed unseen: look before writing again. */
  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** What the run knows of `key` (D13 write-ahead): an uncertain write is looked for before it is sent. */
  heard(key: string, how: ApplyOptions | undefined): void {
    if (how?.uncertain) this.keys.add(key);
  }

  /** The write of `key` is known to have landed (found or answered). */
  forget(key: string): void {
    this.keys.delete(key);
  }

  /**
   * A write's outcome: success forgets the key, a failure `mayHaveLanded`
   * says may have landed remembers it, any other failure leaves it as it was.
   */
  settle<T>(
    keys: string | readonly string[],
    result: Result<T>,
    mayHaveLanded: (error: CrmError) => boolean = retryable,
  ): Result<T> {
    const all = typeof keys === 'string' ? [keys] : keys;
    if (result.ok) for (const key of all) this.keys.delete(key);
    else if (mayHaveLanded(result.error)) for (const key of all) this.keys.add(key);
    return result;
  }

  /** `settle` for a write that throws its CrmError rather than returning a Result. */
  async around<T>(key: string, write: () => Promise<T>): Promise<T> {
    try {
      const value = await write();
      this.keys.delete(key);
      return value;
    } catch (error) {
      if (error instanceof CrmError && retryable(error)) this.keys.add(key);
      throw error;
    }
  }
}
