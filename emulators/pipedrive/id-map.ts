// Seeded neutral ids ↔ Pipedrive's native ids, per table (service.md §7).

export type Table =
  'users' | 'contacts' | 'organizations' | 'deals' | 'leads' | 'tasks' | 'comments' | 'calls';

export class IdMap {
  private readonly toNative = new Map<string, string>();
  private readonly toSeed = new Map<string, string>();

  set(table: Table, seed: string, native: string | number): void {
    this.toNative.set(`${table}:${seed}`, String(native));
    this.toSeed.set(`${table}:${native}`, seed);
  }
  native(table: Table, seed: string | null | undefined): string | null {
    return seed ? (this.toNative.get(`${table}:${seed}`) ?? null) : null;
  }
  seed(table: Table, native: string | number | null | undefined): string | null {
    if (native === null || native === undefined) return null;
    return this.toSeed.get(`${table}:${native}`) ?? String(native);
  }
  clear(): void {
    this.toNative.clear();
    this.toSeed.clear();
  }
  /** For tests and harnesses that translate a scenario's user ids (GET /_emulator/ids). */
  dump(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const [key, native] of this.toNative) {
      const at = key.indexOf(':');
      const table = key.slice(0, at);
      (out[table] ??= {})[key.slice(at + 1)] = native;
    }
    return out;
  }
}
