import { KEY_PREFIX, makeId, to18, typeOfId } from './ids.js';
import { STAGES, standardSchema, type FieldDef } from './schema.js';

// The org's data in Salesforce's own form: sObject records keyed by 18-char id,
// with validation that answers in Salesforce's error shapes.

export type Value = string | number | boolean | null;
export type SRecord = Record<string, Value>;

export interface SfError {
  readonly message: string;
  readonly errorCode: string;
  readonly fields?: string[];
}

export class SfFailure extends Error {
  constructor(
    readonly status: number,
    readonly errors: SfError[],
  ) {
    super(errors[0]?.message ?? 'error');
  }
}

const fail = (status: number, errorCode: string, message: string, fields?: string[]): SfFailure =>
  new SfFailure(status, [{ message, errorCode, ...(fields && { fields }) }]);

export const sfDateTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

/** One entry of the org's delete log (what sObject Get Deleted reads): the time is the record's last SystemModstamp, to the second. */
export interface DeletedEntry {
  readonly type: string;
  readonly id: string;
  readonly at: number;
}

export class Org {
  readonly schema = standardSchema();
  readonly records = new Map<string, Map<string, SRecord>>();
  /** Records deleted through the API, oldest first; purged by a fault (the delete log's background purge). */
  readonly deleteLog: DeletedEntry[] = [];
  /** The last purge of the delete log (0: never); Get Deleted also reaches back no further than 15 days. */
  earliestDeleteLog = 0;
  private counter = 0;
  private clock = Date.UTC(2026, 0, 1);

  constructor() {
    for (const type of this.schema.keys()) this.records.set(type, new Map());
    STAGES.forEach((stage, index) =>
      this.insertRaw('OpportunityStage', {
        ApiName: stage.label,
        MasterLabel: stage.label,
        IsActive: true,
        IsClosed: stage.closed,
        IsWon: stage.won,
        SortOrder: index + 1,
        DefaultProbability: stage.won ? 100 : stage.closed ? 0 : 10 * (index + 1),
      }),
    );
  }

  /** A creation time that grows strictly, so "oldest first" is never a tie. */
  private now(): string {
    this.clock = Math.max(this.clock + 1, Date.now());
    return sfDateTime(this.clock);
  }

  nextId(type: string): string {
    return makeId(type, ++this.counter);
  }

  fieldsOf(type: string): FieldDef[] {
    const fields = this.schema.get(type);
    if (!fields) throw fail(404, 'NOT_FOUND', `The requested resource does not exist`);
    return fields;
  }

  field(type: string, name: string): FieldDef | undefined {
    const lower = name.toLowerCase();
    return this.fieldsOf(type).find((field) => field.name.toLowerCase() === lower);
  }

  /** The object type named in a URL, spelled canonically. */
  typeNamed(name: string): string {
    const lower = name.toLowerCase();
    const type = [...this.schema.keys()].find((key) => key.toLowerCase() === lower);
    if (!type) throw fail(404, 'NOT_FOUND', `The requested resource does not exist`);
    return type;
  }

  addCustomField(type: string, name: string): void {
    if (this.field(type, name)) return;
    this.fieldsOf(type).push({
      name,
      type: 'string',
      createable: true,
      updateable: true,
      custom: true,
      length: 255,
    });
  }

  /** Seeding and fixtures: stored as given, no validation. */
  insertRaw(type: string, values: SRecord, id?: string): string {
    const recordId = id ?? this.nextId(type);
    const record: SRecord = { Id: recordId, CreatedDate: this.now(), ...values };
    record['LastModifiedDate'] = record['CreatedDate'] ?? null;
    this.records.get(type)?.set(recordId, derive(type, record));
    return recordId;
  }

  get(type: string, id: string): SRecord | undefined {
    const full = to18(id);
    return full ? this.records.get(type)?.get(full) : undefined;
  }

  find(id: string): { type: string; record: SRecord } | undefined {
    const type = typeOfId(id);
    const record = type ? this.get(type, id) : undefined;
    return type && record ? { type, record } : undefined;
  }

  create(type: string, body: Record<string, unknown>): string {
    const values = this.check(type, body, 'create');
    for (const field of this.fieldsOf(type)) {
      if (
        field.required &&
        (values[field.name] === undefined ||
          values[field.name] === null ||
          values[field.name] === '')
      ) {
        throw fail(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [
          field.name,
        ]);
      }
    }
    const defaults: SRecord = {};
    if (type === 'Lead') defaults['Status'] = 'Open - Not Contacted';
    if (type === 'Task')
      Object.assign(defaults, { Status: 'Not Started', Priority: 'Normal', TaskSubtype: 'Task' });
    if (type === 'OpportunityContactRole') defaults['IsPrimary'] = false;
    const id = this.insertRaw(type, { ...defaults, ...values });
    if (type === 'OpportunityContactRole' && values['IsPrimary'] === true) this.onlyPrimary(id);
    // Opportunity.ContactId: the contact role "created at the same time the opportunity is created", primary.
    if (type === 'Opportunity' && typeof values['ContactId'] === 'string')
      this.insertRaw('OpportunityContactRole', {
        OpportunityId: id,
        ContactId: values['ContactId'],
        Role: null,
        IsPrimary: true,
      });
    return id;
  }

  /** Each opportunity has one primary contact: the role `id` just made primary demotes the others. */
  private onlyPrimary(id: string): void {
    const role = this.get('OpportunityContactRole', id);
    if (!role) return;
    for (const other of this.records.get('OpportunityContactRole')?.values() ?? []) {
      if (other['Id'] !== role['Id'] && other['OpportunityId'] === role['OpportunityId'])
        other['IsPrimary'] = false;
    }
  }

  update(
    type: string,
    id: string,
    body: Record<string, unknown>,
    mode: 'update' | 'upsert' = 'update',
  ): void {
    const record = this.get(type, id);
    if (!record) throw fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    const values = this.check(type, body, mode);
    Object.assign(record, values, { LastModifiedDate: this.now() });
    this.records.get(type)?.set(String(record['Id']), derive(type, record));
    if (type === 'OpportunityContactRole' && values['IsPrimary'] === true)
      this.onlyPrimary(String(record['Id']));
  }

  /** Deletes a record into the delete log; an account takes its contacts and opportunities with it (cascade delete). */
  delete(type: string, id: string): void {
    const record = this.get(type, id);
    if (!record) throw fail(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    const recordId = String(record['Id']);
    const at = Math.floor(Date.now() / 1000) * 1000;
    const gone = [recordId];
    if (type === 'Account') {
      for (const child of ['Contact', 'Opportunity']) {
        for (const row of [...(this.records.get(child)?.values() ?? [])]) {
          if (row['AccountId'] !== recordId) continue;
          this.records.get(child)?.delete(String(row['Id']));
          this.deleteLog.push({ type: child, id: String(row['Id']), at });
          gone.push(String(row['Id']));
        }
      }
    }
    this.records.get(type)?.delete(recordId);
    this.deleteLog.push({ type, id: recordId, at });
    // A contact role goes with its opportunity or its contact.
    const roles = this.records.get('OpportunityContactRole');
    for (const role of [...(roles?.values() ?? [])]) {
      if (
        !gone.includes(String(role['OpportunityId'])) &&
        !gone.includes(String(role['ContactId']))
      )
        continue;
      roles?.delete(String(role['Id']));
      this.deleteLog.push({ type: 'OpportunityContactRole', id: String(role['Id']), at });
    }
  }

  /** The delete log's purge: everything logged so far is gone, and the log starts now. */
  purgeDeleteLog(): void {
    this.deleteLog.length = 0;
    this.earliestDeleteLog = Date.now();
  }

  /** Field-by-field checks of a create or update body, in Salesforce's error codes. */
  private check(
    type: string,
    body: Record<string, unknown>,
    mode: 'create' | 'update' | 'upsert',
  ): SRecord {
    const out: SRecord = {};
    for (const [name, raw] of Object.entries(body)) {
      if (name === 'attributes') continue;
      const field = this.field(type, name);
      if (!field)
        throw fail(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${type}`);
      if (field.type === 'id') continue;
      if (mode === 'create' ? !field.createable : !field.updateable) {
        // An upsert that finds its record ignores create-only fields that do not change (UNVERIFIED).
        if (mode === 'upsert' && field.createable) continue;
        throw fail(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [field.name],
        );
      }
      out[field.name] = this.value(type, field, raw);
    }
    return out;
  }

  private value(type: string, field: FieldDef, raw: unknown): Value {
    if (raw === null || raw === undefined) return null;
    const bad = (): SfFailure =>
      fail(
        400,
        'JSON_PARSER_ERROR',
        `Cannot deserialize instance of ${field.type} from ${typeof raw} value ${JSON.stringify(raw)} for ${type}.${field.name}`,
      );
    switch (field.type) {
      case 'boolean':
        if (typeof raw !== 'boolean') throw bad();
        return raw;
      case 'int':
      case 'double':
        if (typeof raw !== 'number' || (field.type === 'int' && !Number.isInteger(raw)))
          throw bad();
        return raw;
      case 'reference': {
        if (typeof raw !== 'string') throw bad();
        if (raw === '') return null;
        const id = to18(raw);
        if (!id)
          throw fail(400, 'MALFORMED_ID', `${field.name}: id value of incorrect type: ${raw}`, [
            field.name,
          ]);
        const target = typeOfId(id);
        if (!target || !(field.referenceTo ?? []).includes(target) || !this.get(target, id)) {
          throw fail(400, 'INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [
            field.name,
          ]);
        }
        return id;
      }
      case 'date':
        if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw))
          throw fail(
            400,
            'INVALID_TYPE_ON_FIELD_IN_RECORD',
            `${field.name}: value not of required type: ${JSON.stringify(raw)}`,
            [field.name],
          );
        return raw;
      case 'datetime': {
        const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
        if (Number.isNaN(ms))
          throw fail(
            400,
            'INVALID_TYPE_ON_FIELD_IN_RECORD',
            `${field.name}: value not of required type: ${JSON.stringify(raw)}`,
            [field.name],
          );
        return sfDateTime(ms);
      }
      default: {
        if (typeof raw !== 'string') throw bad();
        if (field.picklist && field.restricted && !field.picklist.includes(raw)) {
          throw fail(
            400,
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${field.name}: bad value for restricted picklist field: ${raw}`,
            [field.name],
          );
        }
        if (field.length !== undefined && raw.length > field.length) {
          throw fail(
            400,
            'STRING_TOO_LONG',
            `${field.name}: data value too large: ${raw.slice(0, 40)}… (max length=${field.length})`,
            [field.name],
          );
        }
        return raw;
      }
    }
  }

  isKnownPrefix(id: string): boolean {
    return Object.values(KEY_PREFIX).includes(id.slice(0, 3));
  }
}

/** Fields Salesforce computes: compound names, closed / won flags. */
function derive(type: string, record: SRecord): SRecord {
  const name = (): string | null => {
    const parts = [record['FirstName'], record['LastName']].filter(
      (part) => typeof part === 'string' && part !== '',
    );
    return parts.length > 0 ? parts.join(' ') : null;
  };
  if (type === 'Contact' || type === 'Lead' || type === 'User') record['Name'] = name();
  if (type === 'Opportunity') {
    const stage = STAGES.find((s) => s.label === record['StageName']);
    record['IsClosed'] = stage?.closed ?? false;
    record['IsWon'] = stage?.won ?? false;
  }
  if (type === 'Task') record['IsClosed'] = record['Status'] === 'Completed';
  if (type === 'Lead')
    record['IsConverted'] =
      record['IsConverted'] === true || record['Status'] === 'Closed - Converted';
  if (type === 'ContentNote' && typeof record['Content'] === 'string') {
    record['TextPreview'] = Buffer.from(record['Content'], 'base64').toString('utf8').slice(0, 255);
  }
  return record;
}
