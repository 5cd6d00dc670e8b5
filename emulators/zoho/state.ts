import { randomBytes } from 'node:crypto';
import { FIELDS, MODULES, type FieldMeta, type ModuleName } from './fields.js';
import type { DeletedRecord } from './deleted.js';
import type { PageToken } from './paging.js';

// The emulated org's content in Zoho's native form: records keyed by module
// with numeric-string ids, users, pipelines, OAuth tokens, faults and counts.

export type NativeRecord = Record<string, unknown> & { id: string };

export interface NativeUser {
  id: string;
  full_name: string;
  first_name: string;
  last_name: string;
  email: string;
  status: 'active';
  role: { name: string; id: string };
  profile: { name: string; id: string };
  time_zone: string;
  zuid: string;
  confirm: true;
}

export interface Faults {
  credentials: 'valid' | 'revoked';
  fail: { count: number; status: number; retryAfterSec: number | undefined } | null;
  latencyMs: number;
}

export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/** Native ids look like Zoho's: a 13-digit org prefix and a running number (~19 digits, §1.3). */
const ID_PREFIX = '5725767';

export class ZohoState {
  readonly records = new Map<ModuleName, NativeRecord[]>(MODULES.map((module) => [module, []]));
  /** Deleted records by module, newest deletion first (deleted.ts). */
  readonly deleted = new Map<ModuleName, DeletedRecord[]>();
  users: NativeUser[] = [];
  /** Custom fields created through `POST settings/fields` (custom-fields.ts): org set-up, kept by reset(). */
  readonly customFields = new Map<ModuleName, FieldMeta[]>();
  /** Pipeline names; Zoho's default org has one, "Standard" (§1.10). */
  pipelines: string[] = ['Standard'];
  /** Neutral id ↔ native id, for records seeded with ids that are no valid Zoho ids (service.md §7). */
  readonly toNative = new Map<string, string>();
  readonly toNeutral = new Map<string, string>();
  /** access token → expiry (epoch ms); a token absent here is invalid. */
  readonly accessTokens = new Map<string, number>();
  readonly credentials: Credentials;
  faults: Faults = { credentials: 'valid', fail: null, latencyMs: 0 };
  requestCounts = new Map<string, number>();
  /** Of those, the requests that carried If-Modified-Since, by route (extension, for tests of the index poll). */
  conditionalCounts = new Map<string, number>();
  /** page_token → what it continues (paging.ts). */
  readonly pageTokens = new Map<string, PageToken>();
  inFlight = 0;
  creditsUsed = 0;
  private sequence = 1000;

  constructor() {
    this.credentials = {
      clientId: `1000.${randomBytes(12).toString('hex').toUpperCase()}`,
      clientSecret: randomBytes(20).toString('hex'),
      refreshToken: `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`,
    };
  }

  nextId(): string {
    this.sequence += 1;
    return `${ID_PREFIX}${String(this.sequence).padStart(12, '0')}`;
  }

  list(module: ModuleName): NativeRecord[] {
    const list = this.records.get(module);
    if (!list) throw new Error(`no module ${module}`);
    return list;
  }

  find(module: ModuleName, id: string): NativeRecord | undefined {
    return this.list(module).find((record) => record.id === id);
  }

  deletedOf(module: ModuleName): DeletedRecord[] {
    let list = this.deleted.get(module);
    if (!list) this.deleted.set(module, (list = []));
    return list;
  }

  /** The module's field metadata: the standard fields and the custom ones created since. */
  fieldsOf(module: ModuleName): readonly FieldMeta[] {
    return [...FIELDS[module], ...(this.customFields.get(module) ?? [])];
  }

  fieldOf(module: ModuleName, apiName: string): FieldMeta | undefined {
    return this.fieldsOf(module).find((field) => field.api_name === apiName);
  }

  findUser(id: string): NativeUser | undefined {
    return this.users.find((user) => user.id === id);
  }

  /** The token's user: Zoho makes it the owner of a record written without one. */
  currentUser(): NativeUser | undefined {
    return this.users[0];
  }

  /** Empties the content, keeping credentials and tokens. */
  reset(): void {
    for (const module of MODULES) this.records.set(module, []);
    this.deleted.clear();
    this.users = [];
    this.pipelines = ['Standard'];
    this.toNative.clear();
    this.toNeutral.clear();
    this.pageTokens.clear();
  }

  issueToken(ttlSec: number, now: number): string {
    const token = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
    this.accessTokens.set(token, now + ttlSec * 1000);
    return token;
  }

  count(route: string, conditional = false): void {
    this.requestCounts.set(route, (this.requestCounts.get(route) ?? 0) + 1);
    if (conditional)
      this.conditionalCounts.set(route, (this.conditionalCounts.get(route) ?? 0) + 1);
  }
}
