import type { Operation } from '../../domain/plan.js';
import { type CallLog, type ClientRecords, type User } from '../../domain/snapshot.js';
import { attempt } from '../attempt.js';
import { readTask } from '../task-gone.js';
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
import { currentUser, listFields, listPipelines, listUsers } from './admin.js';
import type { CrmIdentity } from '../descriptor.js';
import { catalogFields, catalogPipelines } from './catalog.js';
import { indexPage } from './index-records.js';
import { ZohoClient, type ZohoClientOptions, type ZohoModule } from './client.js';
import { ZohoConnectionSchema, type ZohoConnection } from './connection.js';
import { parseConnectionOrThrow } from '../connection-fields.js';
import { findClient } from './find-client.js';
import {
  callLogToNative,
  commentToNative,
  contactToNative,
  dealToNative,
  KEY_FIELD,
  leadToNative,
  noteMarker,
  organizationToNative,
  patchToNative,
  taskToNative,
} from './mapping.js';
import { appendOnce, patchedDescription } from '../call-log-text.js';

// The Zoho CRM adapter behind the port (issue 4): D12 through capabilities.ts,
// G1 in find-client.ts, D13 through the Callmatrix_Key unique field and note markers.

export interface ZohoAdapterOptions extends ZohoClientOptions {
  readonly defaultCountry?: string | undefined;
  /** The project's zone (every adapter is given it); Zoho's times are written with their offsets. */
  readonly timezone?: string;
  readonly texts: FitTexts;
  /** Pipeline for a deal that names none, where the org requires one (G9's default). */
  readonly defaultPipeline?: string;
}

const caps = capabilities;
const UPDATE_MODULE = {
  update_contact: 'Contacts',
  update_lead: 'Leads',
  update_deal: 'Deals',
  update_organization: 'Accounts',
} as const;

/** Zoho answers a deleted record's id with 400 INVALID_DATA naming the id (or 404, or nothing). */
const zohoTaskGone = (error: CrmError): boolean =>
  error.status === 404 ||
  error.status === 204 ||
  (error.status === 400 && error.message.includes('INVALID_DATA'));

export class ZohoCrm implements CrmPort {
  readonly client: ZohoClient;
  /** Keys of notes whose create had an uncertain outcome: look before writing again (D13). */
  private readonly uncertainNotes = new UncertainWrites();

  constructor(
    connection: ZohoConnection,
    private readonly options: ZohoAdapterOptions,
  ) {
    this.client = new ZohoClient(connection, options);
  }

  findClient(lookup: ClientLookup): Promise<Result<ClientRecords>> {
    return attempt(() => findClient(this.client, lookup, this.options.defaultCountry));
  }

  apply(operation: Operation, how?: ApplyOptions): Promise<Result<string>> {
    // Records carry their key in the unique Callmatrix_Key field; notes are looked up by title.
    this.uncertainNotes.heard(operation.key, how);
    return attempt(() => this.carryOut(operation));
  }

  /** "Test connection": the user the credentials act as. */
  currentUser(): Promise<Result<CrmIdentity>> {
    return attempt(() => currentUser(this.client));
  }

  listUsers(): Promise<Result<User[]>> {
    return attempt(() => listUsers(this.client));
  }

  /** service.md §2 `…/crm/pipelines` (G9). */
  listPipelines(): Promise<Result<CrmPipeline[]>> {
    return attempt(async () => catalogPipelines(await listPipelines(this.client)));
  }

  /** service.md §2 `…/crm/fields`, and G8's type check of a field map. */
  listFields(entity: FieldEntity): Promise<Result<CrmField[]>> {
    return attempt(async () => catalogFields(await listFields(this.client, entity)));
  }

  /** G13: the phone index's reader; every page of each module is read, so this is one page; a poll names the records deleted since, too. */
  listRecordsSince(since: Date | null): Promise<Result<IndexRecordPage>> {
    return attempt(() => indexPage(this.client, since));
  }

  private async carryOut(operation: Operation): Promise<string> {
    const { key } = operation;
    const { texts } = this.options;
    switch (operation.op) {
      case 'create_contact':
        return this.create('Contacts', contactToNative(operation.record, key));
      case 'create_lead':
        return this.create('Leads', leadToNative(operation.record, key));
      case 'create_deal':
        return this.create(
          'Deals',
          dealToNative(operation.record, key, this.options.defaultPipeline),
        );
      case 'create_organization':
        return this.create('Accounts', organizationToNative(operation.record, key));
      case 'update_contact':
      case 'update_lead':
      case 'update_deal':
      case 'update_organization': {
        const module = UPDATE_MODULE[operation.op];
        const patch = patchToNative(operation.patch, module);
        if (Object.keys(patch).length > 0) await this.client.update(module, operation.id, patch);
        return operation.id;
      }
      case 'create_task': {
        return this.create(
          'Tasks',
          taskToNative(withoutId(fitTask({ ...operation.record, id: '' }, caps, texts)), key),
        );
      }
      case 'update_task': {
        const task = await this.client.getRecord('Tasks', operation.id);
        const before = textOf(task['Description']);
        const after = appendOnce(before, `${texts.recording}: ${operation.patch.recordingUrl}`);
        if (after !== before)
          await this.client.update('Tasks', operation.id, { Description: after });
        return operation.id;
      }
      case 'complete_task': {
        // D13: read first, so a task done already (or by a lost answer) is not completed twice.
        const task = await readTask(
          operation.id,
          () => this.client.getRecord('Tasks', operation.id),
          zohoTaskGone,
        );
        if (task['Status'] === 'Completed') return operation.id;
        await this.client.update('Tasks', operation.id, {
          Status: 'Completed',
          Description: appendOnce(textOf(task['Description']), operation.note),
        });
        return operation.id;
      }
      case 'create_comment':
        return this.createNote(operation.record, key);
      case 'create_call_log': {
        const log = withoutId(fitCallLog({ ...operation.record, id: '' }, caps, texts));
        return this.create('Calls', callLogToNative(log, key, callSubject(log, texts)));
      }
      case 'update_call_log':
        return this.updateCallLog(operation.id, operation.patch);
      case 'notify':
        // Zoho has no pop-up channel through its REST API (behaviour §1): nothing to write.
        return operation.record.userId;
    }
  }

  /** A create carrying the key in the unique Callmatrix_Key field: a repeat answers DUPLICATE_DATA with the first record's id (D13). */
  private async create(module: ZohoModule, record: Record<string, unknown>): Promise<string> {
    const outcome = await this.client.insert(module, record);
    if ('id' in outcome) return outcome.id;
    if (outcome.field === KEY_FIELD) return outcome.duplicateOf;
    throw new CrmError(
      'permanent',
      `POST ${module}: ${outcome.field} duplicates record ${outcome.duplicateOf}`,
    );
  }

  private async createNote(
    record: Extract<Operation, { op: 'create_comment' }>['record'],
    key: string,
  ): Promise<string> {
    const native = commentToNative(withoutId(fitComment({ ...record, id: '' }, caps)), key);
    if (!native)
      throw new CrmError('permanent', 'a comment needs a contact, lead or deal to hang on');
    if (this.uncertainNotes.has(key)) {
      const notes = await this.client.readAll(`${native.parent.module}/${native.parent.id}/Notes`, {
        fields: 'Note_Title,Note_Content',
      });
      const found = notes.find((note) => note['Note_Title'] === noteMarker(key));
      if (found) return found.id;
    }
    return this.uncertainNotes.around(key, async () => {
      const outcome = await this.client.insert('Notes', native.note);
      if ('id' in outcome) return outcome.id;
      throw new CrmError(
        'permanent',
        `POST Notes: ${outcome.field} duplicates record ${outcome.duplicateOf}`,
      );
    });
  }

  /** The same text rules as the in-memory CRM (D10, D12): recordings and analytics appended once, the legs line replaced. */
  private async updateCallLog(
    id: string,
    patch: Extract<Operation, { op: 'update_call_log' }>['patch'],
  ): Promise<string> {
    const { texts } = this.options;
    const log = await this.client.getRecord('Calls', id);
    const before = textOf(log['Description']);
    const description = patchedDescription(before, patch, texts);
    const change: Record<string, unknown> = {};
    if (patch.userId !== undefined) change['Owner'] = { id: patch.userId };
    if (description !== before) change['Description'] = description;
    if (Object.keys(change).length > 0) await this.client.update('Calls', id, change);
    return id;
  }
}

function withoutId<T extends { id: string }>(record: T): Omit<T, 'id'> {
  const copy: Partial<T> = { ...record };
  delete copy.id;
  return copy as Omit<T, 'id'>;
}

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** "Incoming call 067… → 044…" in the project's language. */
function callSubject(log: Omit<CallLog, 'id'>, texts: FitTexts): string {
  return `${log.direction === 'outgoing' ? texts.outgoingCall : texts.incomingCall} ${log.from} → ${log.to}`.slice(
    0,
    255,
  );
}

/** Builds the adapter from a project's `connection` (service.md §2); throws naming the bad fields. */
export function createZohoAdapter(connection: unknown, options: ZohoAdapterOptions): ZohoCrm {
  return new ZohoCrm(parseConnectionOrThrow('Zoho', ZohoConnectionSchema, connection), options);
}
