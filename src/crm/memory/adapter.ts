import type { CrmId } from '../../domain/crm-id.js';
import { normalisePhone } from '../../domain/phone.js';
import type { Operation } from '../../domain/plan.js';
import type { ClientRecords, Snapshot, User } from '../../domain/snapshot.js';
import {
  fitCallLog,
  fitComment,
  fitTask,
  type FitTexts,
  type StorageCapabilities,
} from '../capabilities.js';
import { CRMS } from '../registry.js';
import {
  err,
  ok,
  RecordGone,
  type ClientLookup,
  type IndexRecordPage,
  type PicklistEntity,
  type Picklists,
  type Result,
} from '../port.js';
import type { SandboxCrm } from '../snapshotting.js';
import { MemoryStore } from './store.js';
import { foldSourceBlock } from '../source-block.js';
import { appendOnce, withLegs } from '../call-log-text.js';

/**
 * The in-memory CRM: a complete adapter behind the port, used by `simulate`
 * and the benchmarks. It keeps, per CRM, only what that CRM can hold (D12),
 * finds clients by phone in any stored format (G1), and never writes an
 * operation key twice (D13).
 */
export class MemoryCrm implements SandboxCrm {
  private readonly store: MemoryStore;
  /**
   * The operation key each record was written with, as the real CRMs keep it
   * on the record (Zoho's key field, retailCRM's externalId, Salesforce's
   * CM_Key__c): part of this CRM's content, not a memo of the run. It answers
   * a key sent again after a crash between the CRM's answer and the ledger's
   * record of it (D13), as those CRMs do.
   */
  private readonly keys = new Map<string, string>();
  private readonly caps: StorageCapabilities;

  constructor(
    crm: CrmId,
    seed: Snapshot,
    private readonly options: {
      readonly defaultCountry?: string | undefined;
      readonly texts: FitTexts;
      /** The clock of creation and modification times (G13's "modified since"); the real one by default. */
      readonly now?: (() => Date) | undefined;
    },
  ) {
    this.caps = CRMS[crm].capabilities;
    const now = options.now;
    this.store = new MemoryStore(
      seed,
      (raw) => normalisePhone(raw, options.defaultCountry).e164,
      now ? () => now().getTime() : Date.now,
    );
  }

  findClient(lookup: ClientLookup): Promise<Result<ClientRecords>> {
    return Promise.resolve(ok(this.store.client(lookup.phone?.e164 ?? null, lookup.created)));
  }

  apply(operation: Operation): Promise<Result<string>> {
    let id = this.keys.get(operation.key);
    if (id === undefined) {
      try {
        id = this.carryOut(operation);
      } catch (error) {
        if (error instanceof RecordGone) return Promise.resolve(err(error));
        throw error;
      }
      this.keys.set(operation.key, id);
    }
    return Promise.resolve(ok(id));
  }

  /** Issue 14 item 4: the CRM's standard picklists (its capabilities); other fields take any text, as `simulate` treats them. */
  picklists(entity: PicklistEntity): Promise<Result<Picklists>> {
    return Promise.resolve(
      ok(new Map(Object.entries(this.caps.standardPicklists?.[entity] ?? {}))),
    );
  }

  /** Issue 14 item 4: a CRM with a source block keeps mapped `source_*` values in the record's UTM tags. */
  private sourced<R extends Parameters<typeof foldSourceBlock>[0]>(record: R): R {
    return this.caps.sourceBlock ? foldSourceBlock(record) : record;
  }

  listUsers(): Promise<Result<User[]>> {
    return Promise.resolve(ok([...this.store.snapshot.users]));
  }

  snapshot(): Promise<Result<Snapshot>> {
    return Promise.resolve(ok(structuredClone(this.store.snapshot)));
  }

  /** G13: everything in one page (the records are in memory already). */
  listRecordsSince(since: Date | null): Promise<Result<IndexRecordPage>> {
    const records = this.store
      .changedSince(since ? since.getTime() : null)
      .map(({ collection, record, createdMs }) => ({
        entity: collection,
        id: record.id,
        phones: [...(record.phones ?? [])],
        ownerId: record.ownerId ?? null,
        contactId: 'contactId' in record ? (record.contactId ?? null) : null,
        createdAt: new Date(createdMs),
      }));
    return Promise.resolve(ok({ records, next: null }));
  }

  private carryOut(operation: Operation): string {
    const { store, caps } = this;
    const texts = this.options.texts;
    switch (operation.op) {
      case 'create_contact':
        return store.insert('contacts', this.sourced(operation.record));
      case 'create_lead':
        return store.insert('leads', this.sourced(operation.record));
      case 'create_deal':
        return store.insert('deals', this.sourced(operation.record));
      case 'create_organization':
        return store.insert('organizations', operation.record);
      case 'update_contact':
        return store.patch('contacts', operation.id, operation.patch);
      case 'update_lead':
        return store.patch('leads', operation.id, operation.patch);
      case 'update_deal':
        return store.patch('deals', operation.id, operation.patch);
      case 'update_organization':
        return store.patch('organizations', operation.id, operation.patch);
      case 'create_task':
        return store.insert('tasks', fitTask({ ...operation.record, id: '' }, caps, texts));
      case 'update_task':
        return store.update('tasks', operation.id, (task) =>
          caps.taskRecordingField
            ? { ...task, recordingUrl: operation.patch.recordingUrl }
            : {
                ...task,
                description: appendOnce(
                  task.description,
                  `${texts.recording}: ${operation.patch.recordingUrl}`,
                ),
              },
        );
      case 'complete_task': {
        // D13: a task already done (by a manager, or by an earlier attempt) is left as it is.
        const task = store.get('tasks', operation.id);
        if (!task)
          throw new RecordGone(`the task ${operation.id} is no longer in the CRM (deleted there)`);
        if (task.done) return operation.id;
        return store.update('tasks', operation.id, (current) => ({
          ...current,
          done: true,
          description: appendOnce(current.description, operation.note),
        }));
      }
      case 'create_comment':
        return store.insert('comments', fitComment({ ...operation.record, id: '' }, caps));
      case 'create_call_log':
        return store.insert('calls', fitCallLog({ ...operation.record, id: '' }, caps, texts));
      case 'update_call_log':
        return store.update('calls', operation.id, (log) => {
          const { patch } = operation;
          let next = { ...log, ...(patch.userId !== undefined && { userId: patch.userId }) };
          if (patch.recordingUrl !== undefined) {
            next = caps.callLogRecordingField
              ? { ...next, recordingUrl: patch.recordingUrl }
              : caps.callLogDescription
                ? {
                    ...next,
                    description: appendOnce(
                      next.description,
                      `${texts.recording}: ${patch.recordingUrl}`,
                    ),
                  }
                : next;
          }
          if (patch.legs && caps.callLogDescription)
            next = { ...next, description: withLegs(next.description, patch.legs, texts) };
          if (patch.appendDescription !== undefined && caps.callLogDescription) {
            next = { ...next, description: appendOnce(next.description, patch.appendDescription) };
          }
          return next;
        });
      case 'notify':
        store.snapshot.notifications.push({ ...operation.record });
        return operation.record.userId;
    }
  }
}
