import type { CrmPort, IndexRecord, IndexRemoval } from '../crm/port.js';
import type { IndexChange, IndexedRecord, Store } from '../store/store.js';
import { indexPhones } from './index-changes.js';
import type { ProjectSource, ProjectView } from './project.js';

// G13: the phone index filled from the CRM. A full load when a project's
// integration is activated, then a poll of the records modified since the last
// read, every `intervalSec`. The service's own writes are indexed by the
// workers as they complete events (index-changes.ts); this catches everything
// else: records created or re-owned in the CRM by people.

export interface IndexSyncOptions {
  readonly store: Store;
  readonly projects: ProjectSource;
  readonly ports: (project: ProjectView) => CrmPort;
  /** How often recently modified records are read (CALLMATRIX_INDEX_SYNC_SEC). */
  readonly intervalSec: number;
  readonly now?: () => Date;
  readonly onError?: (message: string, context: Record<string, unknown>) => void;
  /** Issue 11 item 4: a load failed (the state is now `failed`), or a failed index loaded again. */
  readonly onIndexState?: (
    projectId: string,
    state: 'failed' | 'ready',
    reason: string | null,
  ) => void;
  /** The first retry of a failed load after this long, doubling per failure up to `intervalSec`. */
  readonly retryBaseMs?: number;
}

/** How much of a failure's message the status keeps. */
const MAX_REASON = 300;

/** Read a little before the last read started: a CRM's modification times are not exact to the ms, and clocks differ. */
const OVERLAP_MS = 60_000;
/** A runaway pager (a CRM that keeps answering a `next`) stops here. */
const MAX_PAGES = 100_000;

export class IndexSync {
  /** Project id → when the last successful read started (kept in the store too: a restart polls on from it). */
  private readonly lastRead = new Map<string, Date>();
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  /** Project id → failed loads in a row, and the timer of the next try. */
  private readonly failures = new Map<string, { count: number; retry: NodeJS.Timeout | null }>();
  private readonly now: () => Date;
  private stopped = false;

  constructor(private readonly options: IndexSyncOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The full load of an activation: the status says `loading` until every
   * record was read, then `ready`. A load already running for the project is
   * joined, not doubled.
   */
  load(projectId: string): Promise<void> {
    return this.once(projectId, async () => {
      try {
        await this.read(projectId, null, true);
      } catch (error) {
        await this.loadFailed(projectId, error);
        throw error;
      }
      this.loaded(projectId);
    });
  }

  /**
   * Issue 11 item 4: a failed load is `failed` with the reason, not `loading`
   * forever, and is tried again after a backoff (5 s, 10 s, … up to the poll interval).
   */
  private async loadFailed(projectId: string, error: unknown): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON);
    const previous = this.failures.get(projectId);
    if (previous?.retry) clearTimeout(previous.retry);
    const count = (previous?.count ?? 0) + 1;
    await this.options.store.setIndexState(projectId, 'failed', reason).catch(() => undefined);
    if (count === 1) this.options.onIndexState?.(projectId, 'failed', reason);
    const delay = Math.min(
      this.options.intervalSec * 1000,
      (this.options.retryBaseMs ?? 5_000) * 2 ** Math.min(count - 1, 20),
    );
    const retry = this.stopped
      ? null
      : setTimeout(() => {
          const entry = this.failures.get(projectId);
          if (entry) entry.retry = null;
          void this.retryLoad(projectId);
        }, delay);
    retry?.unref();
    this.failures.set(projectId, { count, retry });
  }

  private loaded(projectId: string): void {
    const previous = this.failures.get(projectId);
    if (!previous) return;
    if (previous.retry) clearTimeout(previous.retry);
    this.failures.delete(projectId);
    this.options.onIndexState?.(projectId, 'ready', null);
  }

  private async retryLoad(projectId: string): Promise<void> {
    const integration = await this.options.store.getIntegration(projectId).catch(() => null);
    // Deactivated (or deleted) meanwhile: the next activation loads again.
    if (integration?.state !== 'active') {
      this.failures.delete(projectId);
      return;
    }
    await this.load(projectId).catch((error: unknown) =>
      this.options.onError?.('index load failed again', { projectId, error: String(error) }),
    );
  }

  /**
   * Reads what changed (and what was deleted) since the last read, as this
   * process or the store remembers it; a full read, status untouched, when the
   * project was never read.
   */
  poll(projectId: string): Promise<void> {
    return this.once(projectId, async () => {
      const last =
        this.lastRead.get(projectId) ?? (await this.options.store.getIndexReadAt(projectId));
      await this.read(projectId, last ? new Date(last.getTime() - OVERLAP_MS) : null, false);
      // A poll that read everything ends a failed state too (read sets `ready`).
      this.loaded(projectId);
    });
  }

  /** Resolves when no load or poll of the project is under way (tests, and a drain on shutdown). */
  idle(projectId: string): Promise<void> {
    return (this.running.get(projectId) ?? Promise.resolve()).catch(() => undefined);
  }

  /**
   * The admin API's `integrationActivated` hook: starts the load and returns
   * at once (the activation answers now; the status says `loading` until done).
   */
  activated(projectId: string): void {
    this.load(projectId).catch((error: unknown) =>
      this.options.onError?.('index load failed', { projectId, error: String(error) }),
    );
  }

  /** Polls every active project now. */
  async pollAll(): Promise<void> {
    const projects = await this.options.store.listProjects();
    for (const project of projects) {
      const integration = await this.options.store.getIntegration(project.id);
      if (integration?.state !== 'active') continue;
      await this.poll(project.id).catch((error: unknown) =>
        this.options.onError?.('index poll failed', {
          projectId: project.id,
          error: String(error),
        }),
      );
    }
  }

  start(): void {
    if (this.timer) return;
    const tick = (): void => {
      void this.pollAll()
        .catch((error: unknown) =>
          this.options.onError?.('index poll failed', { error: String(error) }),
        )
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalSec * 1000);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopped = true;
    for (const entry of this.failures.values()) if (entry.retry) clearTimeout(entry.retry);
    await Promise.all(this.running.values());
  }

  private once(projectId: string, work: () => Promise<void>): Promise<void> {
    const current = this.running.get(projectId);
    if (current) return current;
    const job = work().finally(() => this.running.delete(projectId));
    this.running.set(projectId, job);
    return job;
  }

  private async read(projectId: string, since: Date | null, announce: boolean): Promise<void> {
    const { store } = this.options;
    const project = await this.options.projects.get(projectId);
    if (!project) return;
    const port = this.options.ports(project);
    const startedAt = this.now();
    if (announce) {
      // A full reload: records deleted in the CRM since the last one leave the index. Routing answers
      // "no match" for what is not loaded yet, and the status says `loading` meanwhile.
      await store.setIndexState(projectId, 'loading');
      if (port.listRecordsSince) await store.clearIndex(projectId);
    }
    if (port.listRecordsSince) {
      const country = project.settings.defaultCountry;
      /** Deals (or leads) reached through a contact that may come on a later page: applied again at the end. */
      const throughContacts: IndexChange[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await port.listRecordsSince(since, cursor);
        // The status stays `loading` (or as it was): the next poll reads again from the same `since`.
        if (!result.ok) throw result.error;
        // Removals after the page's records: a record both changed and deleted since the last poll leaves.
        const changes = [
          ...changesOf(result.value.records, country),
          ...removalsOf(result.value.removed ?? []),
        ];
        await store.applyIndexChanges(projectId, changes);
        throughContacts.push(
          ...changes.filter((change) => change.kind === 'record' && change.phonesOf),
        );
        cursor = result.value.next;
        if (cursor === null) break;
      }
      if (throughContacts.length > 0) await store.applyIndexChanges(projectId, throughContacts);
    }
    this.lastRead.set(projectId, startedAt);
    await store.setIndexReadAt(projectId, startedAt);
    if (announce || (await store.indexStatus(projectId)).state !== 'ready')
      await store.setIndexState(projectId, 'ready');
  }
}

/** Records the CRM reports deleted, as index changes. */
export function removalsOf(removed: readonly IndexRemoval[]): IndexChange[] {
  return removed.map((removal): IndexChange => ({
    kind: 'removed',
    entity: removal.entity,
    recordId: removal.id,
  }));
}

/** One page's records as index changes: contacts first, so a deal of the same page finds its contact's phones. */
export function changesOf(
  records: readonly IndexRecord[],
  defaultCountry: string | undefined,
): IndexChange[] {
  const ordered = [...records].sort(
    (a, b) => (a.entity === 'contacts' ? 0 : 1) - (b.entity === 'contacts' ? 0 : 1),
  );
  return ordered.map((source): IndexChange => {
    const record: IndexedRecord = {
      entity: source.entity,
      recordId: source.id,
      phones: indexPhones(source.phones, defaultCountry),
      ownerUserId: source.ownerId,
      createdOrder: source.createdAt?.getTime() ?? 0,
    };
    return record.phones.length === 0 && source.entity !== 'contacts' && source.contactId
      ? { kind: 'record', record, phonesOf: { entity: 'contacts', recordId: source.contactId } }
      : { kind: 'record', record };
  });
}
