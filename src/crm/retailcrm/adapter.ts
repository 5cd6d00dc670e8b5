import { z } from 'zod';
import type { Operation } from '../../domain/plan.js';
import { type ClientRecords, type User } from '../../domain/snapshot.js';
import { attempt } from '../attempt.js';
import { UncertainWrites } from '../uncertain.js';
import { fitCallLog, fitComment, fitTask, type FitTexts } from '../capabilities.js';
import { capabilities } from './capabilities.js';
import type { FieldEntity } from '../../domain/project.js';
import {
  CrmError,
  ok,
  type ApplyOptions,
  type ClientLookup,
  type CrmField,
  type CrmPipeline,
  type CrmPort,
  type IndexRecordPage,
  type NotifyOperation,
  type Result,
} from '../port.js';
import { listCustomFields, listPipelines, listUsers, statusGroups } from './admin.js';
import { catalogPipelines, entityFields } from './catalog.js';
import { RetailcrmClient, RetailcrmError, type RetailcrmClientOptions } from './client.js';
import { RetailcrmConnectionSchema } from './connection.js';
import { parseConnectionOrThrow } from '../connection-fields.js';
import { isDuplicateExternalId } from './errors.js';
import { recordsPage } from './index-records.js';
import { TelephonyModule } from './telephony-module.js';
import { findClientRecords } from './lookup.js';
import { completeTask } from './complete-task.js';
import {
  callPayload,
  corporatePayload,
  customerPayload,
  eventPayload,
  keyMarker,
  nativeId,
  orderPayload,
  patchPayload,
  splitMarker,
  taskPayload,
  withMarker,
  type StatusGroups,
} from './mapping.js';

export interface RetailcrmAdapterOptions extends RetailcrmClientOptions {
  readonly texts: FitTexts;
  readonly defaultCountry?: string | undefined;
  /** The account's timezone: task due times and call dates are written in it. */
  readonly timezone?: string;
  /** The telephony integration module's code (§3.8). */
  readonly moduleCode?: string;
}

const CAPS = capabilities;
const IdReply = z.looseObject({ id: z.number() });
const TaskReply = z.looseObject({ task: z.looseObject({ commentary: z.string().optional() }) });
const Tasks = z.looseObject({
  tasks: z.array(z.looseObject({ id: z.number(), commentary: z.string().optional() })),
});
const Notes = z.looseObject({
  notes: z.array(z.looseObject({ id: z.number(), text: z.string() })),
});

/** retailCRM's client says itself whether a failed write may have landed (D13). */
const mayHaveLanded = (error: CrmError): boolean =>
  error instanceof RetailcrmError && error.uncertain;

/** The retailCRM adapter behind the CRM port (README). */
export class RetailcrmAdapter implements CrmPort {
  readonly client: RetailcrmClient;
  /** Keys whose last attempt may have reached the CRM: looked up before writing again (D13). */
  private readonly uncertain = new UncertainWrites();
  private groups: Promise<StatusGroups> | null = null;
  /** The last upload of each call, so an update can send the call whole again. */
  private readonly uploaded = new Map<string, Record<string, unknown>>();
  private readonly timezone: string;
  private readonly telephonyModule: TelephonyModule;

  constructor(
    connection: unknown,
    private readonly options: RetailcrmAdapterOptions,
  ) {
    this.client = new RetailcrmClient(
      parseConnectionOrThrow('retailCRM', RetailcrmConnectionSchema, connection),
      options,
    );
    this.timezone = options.timezone ?? 'UTC';
    this.telephonyModule = new TelephonyModule(this.client, options.moduleCode ?? 'callmatrix');
  }

  findClient(lookup: ClientLookup): Promise<Result<ClientRecords>> {
    return this.attempt(() =>
      findClientRecords(
        this.client,
        lookup,
        () => this.statusGroups(),
        this.options.defaultCountry,
      ),
    );
  }

  async apply(operation: Operation, how?: ApplyOptions): Promise<Result<string>> {
    this.uncertain.heard(operation.key, how);
    return this.uncertain.settle(
      operation.key,
      await this.attempt(() => this.carryOut(operation)),
      mayHaveLanded,
    );
  }

  /** RC-1..RC-3: the pop-ups of one call moment as one call event with every recipient's userId. */
  async notifyTogether(operations: readonly NotifyOperation[]): Promise<Result<string[]>> {
    // D13: a pop-up whose outcome is unknown is not shown again (the run sends none already shown).
    const send = operations.filter((operation) => !this.uncertain.has(operation.key));
    const [first, ...rest] = send;
    if (first) {
      const result = await this.attempt(async () => {
        await this.telephonyModule.ensure();
        await this.client.post('/api/v5/telephony/call/event', {
          event: eventPayload(
            [first.record, ...rest.map((operation) => operation.record)],
            first.phone,
          ),
        });
      });
      if (!result.ok) {
        this.uncertain.settle(
          send.map((operation) => operation.key),
          result,
          mayHaveLanded,
        );
        return result;
      }
    }
    for (const operation of operations) this.uncertain.forget(operation.key);
    return ok(operations.map((operation) => operation.record.userId));
  }

  listUsers(): Promise<Result<User[]>> {
    return this.attempt(() => listUsers(this.client));
  }

  /** service.md §2 `…/crm/pipelines`: the order types (G9). */
  listPipelines(): Promise<Result<CrmPipeline[]>> {
    return this.attempt(async () => catalogPipelines(await listPipelines(this.client)));
  }

  /** service.md §2 `…/crm/fields`, and G8's type check of a field map: custom fields (none for leads). */
  listFields(entity: FieldEntity): Promise<Result<CrmField[]>> {
    return this.attempt(async () =>
      entityFields(entity, await listCustomFields(this.client, entity)),
    );
  }

  /** G13: the phone index's reader, one page per call: the lists on activation, the change histories on a poll. */
  listRecordsSince(since: Date | null, cursor: string | null): Promise<Result<IndexRecordPage>> {
    return this.attempt(() => recordsPage(this.client, since, cursor, this.timezone));
  }

  private attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
    return attempt(work, (error) =>
      error instanceof z.ZodError
        ? `retailCRM answered in an unexpected shape: ${error.message.slice(0, 300)}`
        : null,
    );
  }

  private statusGroups(): Promise<StatusGroups> {
    this.groups ??= statusGroups(this.client).catch((error: unknown) => {
      this.groups = null;
      throw error;
    });
    return this.groups;
  }

  private async carryOut(operation: Operation): Promise<string> {
    const { key } = operation;
    const texts = this.options.texts;
    switch (operation.op) {
      case 'create_contact': {
        const id = await this.create(
          '/api/v5/customers',
          'customer',
          customerPayload(operation.record, key),
          key,
        );
        if (operation.record.organizationId)
          await this.linkContact(operation.record.organizationId, id);
        return id;
      }
      case 'create_lead':
        throw new CrmError(
          'permanent',
          'retailCRM has no leads (a customer and an order play the part)',
        );
      case 'create_deal': {
        const status =
          operation.record.status === 'open'
            ? undefined
            : await this.statusCode(operation.record.status === 'won' ? 'complete' : 'cancel');
        return this.create(
          '/api/v5/orders',
          'order',
          orderPayload(operation.record, key, status),
          key,
        );
      }
      case 'create_organization':
        return this.create(
          '/api/v5/customers-corporate',
          'customerCorporate',
          corporatePayload(operation.record, key),
          key,
        );
      case 'update_contact': {
        const payload = patchPayload(operation.patch);
        if (payload)
          await this.client.post(`/api/v5/customers/${nativeId(operation.id)}/edit`, {
            by: 'id',
            customer: payload,
          });
        if (operation.patch.organizationId)
          await this.linkContact(operation.patch.organizationId, operation.id);
        return operation.id;
      }
      case 'update_deal': {
        const payload = {
          ...patchPayload(operation.patch),
          ...(operation.patch.organizationId && {
            company: { id: nativeId(operation.patch.organizationId) },
          }),
        };
        if (Object.keys(payload).length > 0)
          await this.client.post(`/api/v5/orders/${nativeId(operation.id)}/edit`, {
            by: 'id',
            order: payload,
          });
        return operation.id;
      }
      case 'update_organization': {
        const payload = patchPayload(operation.patch);
        if (payload)
          await this.client.post(`/api/v5/customers-corporate/${nativeId(operation.id)}/edit`, {
            by: 'id',
            customerCorporate: payload,
          });
        return operation.id;
      }
      case 'update_lead':
        throw new CrmError('permanent', 'retailCRM has no leads');
      case 'create_task':
        return this.createTask(fitTask({ ...operation.record, id: '' }, CAPS, texts), key);
      case 'update_task': {
        const reply = TaskReply.parse(
          await this.client.get(`/api/v5/tasks/${nativeId(operation.id)}`),
        );
        const { text, values } = splitMarker(reply.task.commentary);
        const line = `${texts.recording}: ${operation.patch.recordingUrl}`;
        if (text?.split('\n').includes(line)) return operation.id;
        const commentary = withMarker(text ? `${text}\n${line}` : line, values);
        await this.client.post(`/api/v5/tasks/${nativeId(operation.id)}/edit`, {
          task: { commentary },
        });
        return operation.id;
      }
      case 'complete_task':
        return completeTask(this.client, operation.id, operation.note);
      case 'create_comment':
        return this.createNote(
          fitComment({ ...operation.record, id: '' }, CAPS).contactId ?? null,
          operation.record.text,
          key,
        );
      case 'create_call_log': {
        const call = callPayload(
          fitCallLog({ ...operation.record, id: '' }, CAPS, texts),
          this.timezone,
        );
        await this.upload(call);
        return operation.record.callId;
      }
      case 'update_call_log': {
        // D12: retailCRM's call keeps the recording link and the employee; legs and texts have no place.
        const { recordingUrl, userId } = operation.patch;
        if (recordingUrl === undefined && userId === undefined) return operation.id;
        await this.upload({
          ...this.uploaded.get(operation.id),
          externalId: operation.id,
          ...(recordingUrl !== undefined && { recordUrl: recordingUrl }),
          ...(userId !== undefined && { userId: nativeId(userId) }),
        });
        return operation.id;
      }
      case 'notify': {
        // D13: a pop-up whose outcome is unknown is not shown twice; the CRM offers no way to look it up.
        if (this.uncertain.has(key)) return operation.record.userId;
        await this.telephonyModule.ensure();
        await this.client.post('/api/v5/telephony/call/event', {
          event: eventPayload([operation.record], operation.phone),
        });
        return operation.record.userId;
      }
    }
  }

  /** A create carrying the operation key as externalId; a retry that finds it takes its id (D13). */
  private async create(
    base: string,
    field: string,
    payload: Record<string, unknown>,
    key: string,
  ): Promise<string> {
    const json = await this.client.post(`${base}/create`, { [field]: payload });
    if (!isDuplicateExternalId(json)) return String(IdReply.parse(json).id);
    const found = (await this.client.get(`${base}/${encodeURIComponent(key)}`, {
      by: 'externalId',
    })) as Record<string, unknown>;
    const record = found[field];
    return String(IdReply.parse(record).id);
  }

  private async linkContact(organizationId: string, customerId: string): Promise<void> {
    await this.client.post(
      `/api/v5/customers-corporate/${nativeId(organizationId)}/contacts/create`,
      { by: 'id', contact: { isMain: false, customer: { id: nativeId(customerId) } } },
      { by: 'id' },
    );
  }

  private async createTask(task: Parameters<typeof taskPayload>[0], key: string): Promise<string> {
    if (this.uncertain.has(key)) {
      const found = Tasks.parse(
        await this.client.get('/api/v5/tasks', { 'filter[text]': keyMarker(key), limit: 20 }),
      );
      const hit = found.tasks.find((t) => splitMarker(t.commentary).values['key'] === key);
      if (hit) return String(hit.id);
    }
    const json = await this.client.post('/api/v5/tasks/create', {
      task: taskPayload(task, key, this.timezone),
    });
    return String(IdReply.parse(json).id);
  }

  private async createNote(contactId: string | null, text: string, key: string): Promise<string> {
    if (!contactId) throw new CrmError('permanent', 'a retailCRM note needs a customer');
    if (this.uncertain.has(key)) {
      // Notes carry no key; after an uncertain outcome the same text on the same customer counts as written.
      const notes = Notes.parse(
        await this.client.get('/api/v5/customers/notes', {
          'filter[customerIds]': [nativeId(contactId)],
          limit: 100,
        }),
      );
      const hit = notes.notes.find((note) => note.text === text);
      if (hit) return String(hit.id);
    }
    const json = await this.client.post('/api/v5/customers/notes/create', {
      note: { text, customer: { id: nativeId(contactId) } },
    });
    return String(IdReply.parse(json).id);
  }

  private async upload(call: Record<string, unknown>): Promise<void> {
    await this.telephonyModule.ensure();
    await this.client.post('/api/v5/telephony/calls/upload', { calls: [call] });
    const externalId = call['externalId'];
    if (typeof externalId === 'string')
      this.uploaded.set(externalId, { ...this.uploaded.get(externalId), ...call });
  }

  private async statusCode(group: string): Promise<string> {
    for (const [code, of] of await this.statusGroups()) if (of === group) return code;
    throw new CrmError('permanent', `the account has no order status in the group "${group}"`);
  }
}

export function createRetailcrmAdapter(
  connection: unknown,
  options: RetailcrmAdapterOptions,
): RetailcrmAdapter {
  return new RetailcrmAdapter(connection, options);
}
