import { z } from 'zod';
import { normalisePhone } from '../../domain/phone.js';
import type { Operation } from '../../domain/plan.js';
import { type ClientRecords, type User } from '../../domain/snapshot.js';
import { attempt } from '../attempt.js';
import { UncertainWrites } from '../uncertain.js';
import { fitCallLog, fitComment, fitTask, type FitTexts } from '../capabilities.js';
import { capabilities } from './capabilities.js';
import { SingleFlight } from '../http/single-flight.js';
import type { FieldEntity as MapEntity } from '../../domain/project.js';
import {
  isCrmError,
  type ApplyOptions,
  type ClientLookup,
  type CrmField,
  type CrmPipeline,
  type CrmPort,
  type IndexRecordPage,
  type Result,
} from '../port.js';
import {
  currentUser,
  dealFieldKeys,
  fieldKeys,
  listFields,
  listPipelines,
  listUsers,
} from './admin.js';
import { channelLabel, splitSourceFields, type ChannelOptions } from './source-fields.js';
import type { CrmIdentity } from '../descriptor.js';
import { catalogFields, catalogPipelines } from './catalog.js';
import { dealsDeletedSince, recordsSince } from './index-records.js';
import { appendOnce } from '../call-log-text.js';
import { patchedNote, recreateBody } from './call-log-update.js';
import { PipedriveClient, type PipedriveClientOptions } from './client.js';
import { PipedriveConnectionSchema } from './connection.js';
import { parseConnectionOrThrow } from '../connection-fields.js';
import { findClient, type FindContext } from './find-client.js';
import {
  activityBody,
  callLogBody,
  callSubject,
  dealBody,
  leadBody,
  MappingError,
  nativeId,
  noteBody,
  organizationBody,
  patchBody,
  personBody,
  type FieldEntity,
  type FieldKeys,
} from './mapping.js';
import { ActivitySchema, CallLogSchema, CreatedSchema } from './native.js';
import { completeActivity } from './complete-task.js';
import type { PhoneSearchMode } from './phone-search.js';
import { findByKey, withKey, type KeyedEntity } from './record-key.js';
import { findActivity, findCallLog, findNote } from './find-written.js';

// The CrmPort for Pipedrive (crm-apis.md §2): persons ↔ contacts, deals,
// leads (v1, UUID ids), organizations, activities ↔ tasks, notes ↔ comments,
// callLogs ↔ calls. One HTTP call per operation where the API allows it.

export interface PipedriveAdapterOptions extends PipedriveClientOptions {
  readonly texts: FitTexts;
  /** Reads local numbers in stored phones (G1). */
  readonly defaultCountry?: string | undefined;
  /** The project's zone (every adapter is given it); Pipedrive's times are written as instants. */
  readonly timezone?: string | undefined;
  /** How phones are searched (phone-search.ts); default `substring`. */
  readonly phoneSearch?: PhoneSearchMode | undefined;
}

const caps = capabilities;

const CREATE_PATH: Record<KeyedEntity, string> = {
  person: '/api/v2/persons',
  organization: '/api/v2/organizations',
  deal: '/api/v2/deals',
  lead: '/api/v1/leads',
};

interface Account {
  readonly keys: Record<FieldEntity, FieldKeys>;
  /** The Source channel's options (issue 14 item 4), read again when a label is not among them. */
  channels: ChannelOptions;
  readonly pipelineIds: ReadonlyMap<string, number>;
  readonly pipelineNames: ReadonlyMap<number, string>;
  readonly defaultPipelineId: number | null;
}

export class PipedriveAdapter implements CrmPort {
  readonly client: PipedriveClient;
  /** Keys whose last write had an uncertain outcome: look for the marker before writing again (D13). */
  private readonly uncertain = new UncertainWrites();
  /** Call logs recreated by an update: old id → new id (callLogs cannot be edited). */
  private readonly callLogAlias = new Map<string, string>();
  private readonly recreated = new Map<string, { oldId: string; newId: string }>();
  private account: Account | null = null;
  private readonly loading = new SingleFlight<Account>();

  constructor(
    connection: unknown,
    private readonly options: PipedriveAdapterOptions,
  ) {
    this.client = new PipedriveClient(
      parseConnectionOrThrow('Pipedrive', PipedriveConnectionSchema, connection),
      options,
    );
  }

  findClient(lookup: ClientLookup): Promise<Result<ClientRecords>> {
    return this.attempt(async () => {
      const account = await this.setup();
      const ctx: FindContext = {
        keys: account.keys,
        pipelines: account.pipelineNames,
        defaultPipelineId: account.defaultPipelineId,
        mode: this.options.phoneSearch ?? 'substring',
        identity: (raw) => normalisePhone(raw, this.options.defaultCountry).e164,
      };
      return findClient(this.client, lookup, ctx);
    });
  }

  async apply(operation: Operation, how?: ApplyOptions): Promise<Result<string>> {
    this.uncertain.heard(operation.key, how);
    return this.uncertain.settle(operation.key, await this.attempt(() => this.carryOut(operation)));
  }

  /** "Test connection": the user the credentials act as. */
  currentUser(): Promise<Result<CrmIdentity>> {
    return attempt(() => currentUser(this.client));
  }

  listUsers(): Promise<Result<User[]>> {
    return this.attempt(() => listUsers(this.client));
  }

  /** service.md §2 `…/crm/pipelines` (G9). */
  listPipelines(): Promise<Result<CrmPipeline[]>> {
    return this.attempt(async () => catalogPipelines(await listPipelines(this.client)));
  }

  /** service.md §2 `…/crm/fields`, and G8's type check of a field map. Leads share the deal fields. */
  listFields(entity: MapEntity): Promise<Result<CrmField[]>> {
    return this.attempt(async () => catalogFields(await listFields(this.client, entity)));
  }

  /** G13: the phone index's reader; the client follows every page, so this is one page. */
  listRecordsSince(since: Date | null): Promise<Result<IndexRecordPage>> {
    return this.attempt(async () => {
      // An activation load starts from an empty index: no removals asked for.
      if (!since) return { records: await recordsSince(this.client, null), next: null };
      const [records, removed] = await Promise.all([
        recordsSince(this.client, since),
        dealsDeletedSince(this.client, since),
      ]);
      return { records, removed, next: null };
    });
  }

  private attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
    return attempt(work, (error) =>
      error instanceof MappingError
        ? error.message
        : error instanceof z.ZodError
          ? `unexpected Pipedrive data: ${error.message.slice(0, 300)}`
          : null,
    );
  }

  /** Custom-field keys and pipelines, read once (four requests). */
  private async setup(): Promise<Account> {
    if (this.account) return this.account;
    this.account = await this.loading.run(async () => {
      const [person, organization, deal, pipelines] = await Promise.all([
        fieldKeys(this.client, 'person'),
        fieldKeys(this.client, 'organization'),
        dealFieldKeys(this.client),
        listPipelines(this.client),
      ]);
      return {
        keys: { person, organization, deal: deal.keys },
        channels: deal.channels,
        pipelineIds: new Map(pipelines.map((p) => [p.name, Number(p.id)])),
        pipelineNames: new Map(pipelines.map((p) => [Number(p.id), p.name])),
        defaultPipelineId: pipelines[0] ? Number(pipelines[0].id) : null,
      };
    });
    return this.account;
  }

  /** Issue 14 item 4: a deal's or lead's mapped source fields as members of its body. */
  private async sourceFields<R extends Parameters<typeof splitSourceFields>[0]>(record: R) {
    const account = await this.setup();
    const label = channelLabel(record.fields);
    if (label !== null && !account.channels.has(label))
      account.channels = (await dealFieldKeys(this.client)).channels;
    return splitSourceFields(record, account.channels);
  }

  private async create(url: string, body: Record<string, unknown>): Promise<string> {
    const reply = await this.client.call({ method: 'POST', url, json: body });
    return CreatedSchema.parse(reply.data).id;
  }

  /**
   * D13: a person, organization, deal or lead carries its operation key
   * (record-key.ts); after an uncertain outcome it is searched for by it before
   * it is created again.
   */
  private async createKeyed(
    entity: KeyedEntity,
    key: string,
    fields: FieldKeys,
    body: Record<string, unknown>,
  ): Promise<string> {
    if (this.uncertain.has(key)) {
      const found = await findByKey(this.client, entity, fields, key);
      if (found) return found;
    }
    return this.create(CREATE_PATH[entity], withKey(body, fields, key, entity));
  }

  private async update(url: string, id: string, body: Record<string, unknown>): Promise<string> {
    if (Object.keys(body).length > 0)
      await this.client.call({
        method: 'PATCH',
        url: `${url}/${encodeURIComponent(id)}`,
        json: body,
      });
    return id;
  }

  private async carryOut(operation: Operation): Promise<string> {
    const { keys, pipelineIds } = await this.setup();
    const { texts } = this.options;
    switch (operation.op) {
      case 'create_contact':
        return this.createKeyed(
          'person',
          operation.key,
          keys.person,
          personBody(operation.record, keys.person),
        );
      case 'create_organization':
        return this.createKeyed(
          'organization',
          operation.key,
          keys.organization,
          organizationBody(operation.record, keys.organization),
        );
      case 'create_deal': {
        const name = operation.record.pipeline;
        const pipelineId = name === undefined ? null : pipelineIds.get(name);
        if (pipelineId === undefined)
          throw new MappingError(`no Pipedrive pipeline is named "${name}" (G9)`);
        const { record, body } = await this.sourceFields(operation.record);
        const deal = dealBody(record, keys.deal, pipelineId);
        return this.createKeyed('deal', operation.key, keys.deal, { ...deal, ...body });
      }
      case 'create_lead': {
        const { record, body } = await this.sourceFields(operation.record);
        const lead = leadBody(record, keys.deal);
        return this.createKeyed('lead', operation.key, keys.deal, { ...lead, ...body });
      }
      case 'update_contact':
        return this.update(
          '/api/v2/persons',
          operation.id,
          patchBody(operation.patch, keys.person, 'v2', 'org_id'),
        );
      case 'update_organization':
        return this.update(
          '/api/v2/organizations',
          operation.id,
          patchBody(operation.patch, keys.organization, 'v2', null),
        );
      case 'update_deal':
        return this.update(
          '/api/v2/deals',
          operation.id,
          patchBody(operation.patch, keys.deal, 'v2', 'org_id'),
        );
      case 'update_lead':
        return this.update(
          '/api/v1/leads',
          operation.id,
          patchBody(operation.patch, keys.deal, 'lead', null),
        );
      case 'create_task': {
        const task = fitTask({ ...operation.record, id: '' }, caps, texts);
        const found = this.uncertain.has(operation.key)
          ? await findActivity(this.client, operation.key, task)
          : null;
        return found ?? this.create('/api/v2/activities', activityBody(task, operation.key));
      }
      case 'update_task': {
        const id = nativeId(operation.id);
        const activity = ActivitySchema.parse(
          (await this.client.call({ method: 'GET', url: `/api/v2/activities/${id}` })).data,
        );
        const note = appendOnce(
          activity.note,
          `${texts.recording}: ${operation.patch.recordingUrl}`,
        );
        return note === activity.note
          ? operation.id
          : this.update('/api/v2/activities', operation.id, { note });
      }
      case 'complete_task':
        return completeActivity(this.client, operation.id, operation.note);
      case 'create_comment': {
        const comment = fitComment({ ...operation.record, id: '' }, caps);
        const found = this.uncertain.has(operation.key)
          ? await findNote(this.client, comment.text, noteBody(comment))
          : null;
        return found ?? this.create('/api/v1/notes', noteBody(comment));
      }
      case 'create_call_log': {
        const log = fitCallLog({ ...operation.record, id: '' }, caps, texts);
        const found = this.uncertain.has(operation.key)
          ? await findCallLog(this.client, operation.key)
          : null;
        return (
          found ??
          this.create(
            '/api/v1/callLogs',
            callLogBody(log, callSubject(log, operation.key, texts), Date.now()),
          )
        );
      }
      case 'update_call_log':
        return this.updateCallLog(operation.key, operation.id, operation.patch);
      case 'notify':
        // Pipedrive shows no call pop-ups (PD profile: popups false); nothing to write.
        return operation.record.userId;
    }
  }

  private async updateCallLog(
    key: string,
    id: string,
    patch: Parameters<typeof patchedNote>[1],
  ): Promise<string> {
    const earlier = this.recreated.get(key);
    if (earlier) {
      await this.deleteCallLog(earlier.oldId);
      return earlier.newId;
    }
    let current = id;
    for (
      let next = this.callLogAlias.get(current);
      next !== undefined;
      next = this.callLogAlias.get(current)
    )
      current = next;
    const log = CallLogSchema.parse(
      (
        await this.client.call({
          method: 'GET',
          url: `/api/v1/callLogs/${encodeURIComponent(current)}`,
        })
      ).data,
    );
    const note = patchedNote(log.note, patch, this.options.texts);
    const userId = patch.userId ? nativeId(patch.userId) : undefined;
    if (note === (log.note ?? null) && (userId === undefined || userId === log.user_id))
      return current;
    const newId = await this.create('/api/v1/callLogs', recreateBody(log, note, userId));
    this.callLogAlias.set(current, newId);
    this.recreated.set(key, { oldId: current, newId });
    await this.deleteCallLog(current);
    return newId;
  }

  private async deleteCallLog(id: string): Promise<void> {
    try {
      await this.client.call({
        method: 'DELETE',
        url: `/api/v1/callLogs/${encodeURIComponent(id)}`,
      });
    } catch (error) {
      // Already gone: a retry after the delete went through.
      if (!(isCrmError(error) && error.kind === 'permanent' && error.message.includes('HTTP 404')))
        throw error;
    }
  }
}

export function createPipedriveAdapter(
  connection: unknown,
  options: PipedriveAdapterOptions,
): PipedriveAdapter {
  return new PipedriveAdapter(connection, options);
}
