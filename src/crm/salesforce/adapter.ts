import { z } from 'zod';
import { normalisePhone } from '../../domain/phone.js';
import type { Operation } from '../../domain/plan.js';
import { type ClientRecords, type User } from '../../domain/snapshot.js';
import { attempt } from '../attempt.js';
import { notFound, readTask } from '../task-gone.js';
import { UncertainWrites } from '../uncertain.js';
import { fitCallLog, fitComment, fitTask, type FitTexts } from '../capabilities.js';
import { capabilities } from './capabilities.js';
import type { FieldEntity } from '../../domain/project.js';
import {
  CrmError,
  type ApplyOptions,
  type ClientLookup,
  type CrmField,
  type CrmPipeline,
  type CrmPort,
  type IndexRecordPage,
  type Result,
} from '../port.js';
import { catalogFields, catalogPipelines } from './catalog.js';
import { recordsSince, removedSince } from './index-records.js';
import { SalesforceClient, type SalesforceClientOptions, type SfRecord } from './client.js';
import { SalesforceConnectionSchema } from './connection.js';
import { parseConnectionOrThrow } from '../connection-fields.js';
import { findClient } from './find-client.js';
import {
  callLogToNative,
  contactToNative,
  dayIn,
  dealToNative,
  KEY_FIELD,
  leadToNative,
  noteLinks,
  noteTitle,
  organizationToNative,
  patchToNative,
  taskToNative,
} from './mapping.js';
import { currentUser, listFields, listPipelines, listUsers, recordTypes } from './admin.js';
import type { CrmIdentity } from '../descriptor.js';
import { soql } from './query.js';
import { appendOnce, patchedDescription } from '../call-log-text.js';

// The CrmPort for Salesforce (crm-apis.md §4): one HTTP call per operation
// where it can be, creates as upserts on the CM_Key__c external id (D13).

export interface SalesforceAdapterOptions extends SalesforceClientOptions {
  readonly texts: FitTexts;
  /** Reads local numbers in stored phones (G1). */
  readonly defaultCountry?: string | undefined;
  /** The project's zone: task due days (D4). */
  readonly timezone?: string | undefined;
}

const caps = capabilities;

export class SalesforceAdapter implements CrmPort {
  readonly client: SalesforceClient;
  /** Comment keys whose last write had an uncertain outcome: look before writing again (D13). */
  private readonly uncertain = new UncertainWrites();
  private pipelines: Map<string, string> | null = null;
  private readonly timezone: string;

  constructor(
    connection: unknown,
    private readonly options: SalesforceAdapterOptions,
  ) {
    this.client = new SalesforceClient(
      parseConnectionOrThrow('Salesforce', SalesforceConnectionSchema, connection),
      options,
    );
    this.timezone = options.timezone ?? 'UTC';
  }

  async findClient(lookup: ClientLookup): Promise<Result<ClientRecords>> {
    return this.attempt(() =>
      findClient(
        this.client,
        lookup,
        (raw: string) => this.identity(raw),
        async (ids) => {
          const known = await this.recordTypeNames();
          if (ids.every((id) => known.has(id))) return known;
          this.pipelines = null; // a record type created since we read them
          return this.recordTypeNames();
        },
      ),
    );
  }

  apply(operation: Operation, how?: ApplyOptions): Promise<Result<string>> {
    // Creates are upserts on CM_Key__c; only notes need the search after an uncertain write.
    this.uncertain.heard(operation.key, how);
    return this.attempt(() => this.carryOut(operation));
  }

  /** "Test connection": the user the credentials act as. */
  currentUser(): Promise<Result<CrmIdentity>> {
    return attempt(() => currentUser(this.client));
  }

  listUsers(): Promise<Result<User[]>> {
    return this.attempt(() => listUsers(this.client));
  }

  /** service.md §2 `…/crm/pipelines`: the opportunity record types (G9). */
  listPipelines(): Promise<Result<CrmPipeline[]>> {
    return this.attempt(async () => catalogPipelines(await listPipelines(this.client)));
  }

  /** service.md §2 `…/crm/fields`, and G8's type check of a field map. */
  listFields(entity: FieldEntity): Promise<Result<CrmField[]>> {
    return this.attempt(async () => catalogFields(await listFields(this.client, entity)));
  }

  /**
   * G13: the phone index's reader; the client follows every SOQL page, so this
   * is one page. A poll also names what was deleted since (an activation load
   * starts from an empty index).
   */
  listRecordsSince(since: Date | null): Promise<Result<IndexRecordPage>> {
    return this.attempt(async () => {
      const [records, removed] = await Promise.all([
        recordsSince(this.client, since),
        since ? removedSince(this.client, since, new Date()) : null,
      ]);
      return { records, ...(removed && { removed }), next: null };
    });
  }

  private identity(raw: string): string | null {
    return normalisePhone(raw, this.options.defaultCountry).e164;
  }

  private attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
    return attempt(work, (error) =>
      error instanceof z.ZodError ? `invalid data: ${error.message.slice(0, 300)}` : null,
    );
  }

  /** RecordType id → name for opportunities (G9: the pipeline), read once. */
  private async recordTypeNames(): Promise<Map<string, string>> {
    if (!this.pipelines)
      this.pipelines = new Map((await recordTypes(this.client)).map((r) => [r.id, r.name]));
    return this.pipelines;
  }

  private async recordTypeId(pipeline: string | undefined): Promise<string | null> {
    if (pipeline === undefined) return null;
    for (let pass = 0; pass < 2; pass++) {
      const names = await this.recordTypeNames();
      for (const [id, name] of names) if (name === pipeline) return id;
      this.pipelines = null; // created since we read them?
    }
    throw new CrmError(
      'permanent',
      `no opportunity record type named "${pipeline}" (G9: create it in Setup)`,
    );
  }

  private upsert(type: string, key: string, body: SfRecord): Promise<string> {
    return this.client.upsert(type, KEY_FIELD, key, body);
  }

  private async carryOut(op: Operation): Promise<string> {
    const tz = this.timezone;
    const { texts } = this.options;
    switch (op.op) {
      case 'create_contact':
        return this.upsert('Contact', op.key, contactToNative(op.record));
      case 'create_lead':
        return this.upsert('Lead', op.key, leadToNative(op.record));
      case 'create_deal':
        return this.upsert(
          'Opportunity',
          op.key,
          dealToNative(
            op.record,
            await this.recordTypeId(op.record.pipeline),
            dayIn(Date.now(), tz),
          ),
        );
      case 'create_organization':
        return this.upsert('Account', op.key, organizationToNative(op.record));
      case 'update_contact':
      case 'update_lead':
      case 'update_deal':
      case 'update_organization': {
        const type = (
          {
            update_contact: 'Contact',
            update_lead: 'Lead',
            update_deal: 'Opportunity',
            update_organization: 'Account',
          } as const
        )[op.op];
        const body = patchToNative(type, op.patch);
        if (Object.keys(body).length > 0) await this.client.update(type, op.id, body);
        return op.id;
      }
      case 'create_task':
        return this.upsert(
          'Task',
          op.key,
          taskToNative(fitTask({ ...op.record, id: '' }, caps, texts), tz),
        );
      case 'update_task': {
        const current = await this.client.get('Task', op.id, ['Description']);
        const description = appendOnce(
          str(current['Description']),
          `${texts.recording}: ${op.patch.recordingUrl}`,
        );
        await this.client.update('Task', op.id, { Description: description });
        return op.id;
      }
      case 'complete_task': {
        // D13: read first, so a task done already (or by a lost answer) is not completed twice.
        const current = await readTask(
          op.id,
          () => this.client.get('Task', op.id, ['Status', 'Description']),
          notFound,
        );
        if (current['Status'] === 'Completed') return op.id;
        await this.client.update('Task', op.id, {
          Status: 'Completed',
          Description: appendOnce(str(current['Description']), op.note),
        });
        return op.id;
      }
      case 'create_comment':
        return this.createComment(op.key, fitComment({ ...op.record, id: '' }, caps));
      case 'create_call_log':
        return this.upsert(
          'Task',
          op.key,
          callLogToNative(fitCallLog({ ...op.record, id: '' }, caps, texts), tz, texts),
        );
      case 'update_call_log': {
        const current = await this.client.get('Task', op.id, ['Description']);
        const { patch } = op;
        const description = patchedDescription(str(current['Description']), patch, texts);
        const body: SfRecord = {
          ...(patch.userId !== undefined && { OwnerId: patch.userId }),
          ...(description !== str(current['Description']) && { Description: description ?? null }),
        };
        if (Object.keys(body).length > 0) await this.client.update('Task', op.id, body);
        return op.id;
      }
      case 'notify':
        // Salesforce has no pop-up to send (behaviour §1); nothing is written.
        return op.record.userId;
    }
  }

  /** ContentNote and its links in one all-or-none composite request; the title carries the key. */
  private async createComment(
    key: string,
    comment: Parameters<typeof noteLinks>[0] & { text: string },
  ): Promise<string> {
    const title = noteTitle(comment.text, key);
    if (this.uncertain.has(key)) {
      const found = await this.client.query(
        soql`SELECT Id FROM ContentNote WHERE Title = ${title} ORDER BY CreatedDate LIMIT 1`,
      );
      const id = found[0]?.['Id'];
      if (typeof id === 'string') {
        this.uncertain.forget(key);
        return id;
      }
    }
    return this.uncertain.around(key, async () => {
      const answers = await this.client.composite(
        [
          {
            method: 'POST',
            path: '/sobjects/ContentNote',
            referenceId: 'note',
            body: { Title: title, Content: Buffer.from(comment.text, 'utf8').toString('base64') },
          },
          ...noteLinks(comment).map((linked, i) => ({
            method: 'POST' as const,
            path: '/sobjects/ContentDocumentLink',
            referenceId: `link${i}`,
            body: { ContentDocumentId: '@{note.id}', LinkedEntityId: linked, ShareType: 'V' },
          })),
        ],
        true,
      );
      const id = (answers.get('note')?.body as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string')
        throw new CrmError('retryable', 'composite: the note came back without an id');
      return id;
    });
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function createSalesforceAdapter(
  connection: unknown,
  options: SalesforceAdapterOptions,
): SalesforceAdapter {
  return new SalesforceAdapter(connection, options);
}
