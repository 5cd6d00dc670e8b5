import { localDateTime } from '../../src/domain/zoned-time.js';
import { HistoryLog } from './history.js';
import { TRACKING_FIELDS } from './native.js';
import type {
  Call,
  CallEvent,
  CorporateCustomer,
  Customer,
  IntegrationModule,
  Note,
  Order,
  Task,
  User,
} from './native.js';

export type Kind = 'users' | 'customers' | 'corporates' | 'orders' | 'tasks' | 'notes' | 'calls';

/**
 * Neutral ids ↔ native integer ids for one kind (service.md §7): a seeded id
 * that is a valid native id keeps its number; any other is given a free one.
 * Records the API creates are named by their native id.
 */
export class IdMap {
  private readonly toNativeMap = new Map<string, number>();
  private readonly toNeutralMap = new Map<number, string>();
  private next = 1;

  /** Reserve the numeric seeded ids first, so the others never take them. */
  reserve(neutral: string): void {
    if (!/^[1-9]\d{0,8}$/.test(neutral)) return;
    const native = Number(neutral);
    this.toNativeMap.set(neutral, native);
    this.toNeutralMap.set(native, neutral);
    this.next = Math.max(this.next, native + 1);
  }

  native(neutral: string): number {
    let native = this.toNativeMap.get(neutral);
    if (native === undefined) {
      native = this.allocate();
      this.toNativeMap.set(neutral, native);
      this.toNeutralMap.set(native, neutral);
    }
    return native;
  }

  neutral(native: number): string {
    return this.toNeutralMap.get(native) ?? String(native);
  }

  /** The neutral id a seed gave this native id, if any. */
  seededName(native: number): string | undefined {
    return this.toNeutralMap.get(native);
  }

  allocate(): number {
    while (this.toNeutralMap.has(this.next)) this.next += 1;
    return this.next++;
  }

  seeded(): Record<string, number> {
    return Object.fromEntries(this.toNativeMap);
  }
}

/** The emulated account: its records in creation order, and its settings. */
export class AccountState {
  readonly ids: Record<Kind, IdMap> = {
    users: new IdMap(),
    customers: new IdMap(),
    corporates: new IdMap(),
    orders: new IdMap(),
    tasks: new IdMap(),
    notes: new IdMap(),
    calls: new IdMap(),
  };
  readonly users = new Map<number, User>();
  readonly customers = new Map<number, Customer>();
  readonly corporates = new Map<number, CorporateCustomer>();
  readonly orders = new Map<number, Order>();
  readonly tasks = new Map<number, Task>();
  readonly notes = new Map<number, Note>();
  readonly calls = new Map<number, Call>();
  readonly callEvents: CallEvent[] = [];
  /** The change histories behind `customers/history` and `orders/history`. */
  readonly customerHistory = new HistoryLog(() => this.timeZone);
  readonly orderHistory = new HistoryLog(() => this.timeZone);
  /** Records merged away (`customers/combine`, `orders/combine`): merged id → the id it went into. */
  readonly combinedInto = {
    customers: new Map<number, number>(),
    orders: new Map<number, number>(),
  };
  /** Custom fields per entity: code → type. Values written to an unknown code create a string field. */
  readonly customFields = {
    customer: new Map<string, string>(
      Object.values(TRACKING_FIELDS).map((code) => [code, 'string']),
    ),
    order: new Map<string, string>([
      ...Object.values(TRACKING_FIELDS).map((code): [string, string] => [code, 'string']),
      ['discount_card', 'integer'],
    ]),
    customer_corporate: new Map<string, string>(
      Object.values(TRACKING_FIELDS).map((code) => [code, 'string']),
    ),
  };
  /** Order types ("pipelines" of G9): code → name. */
  readonly orderTypes = new Map<string, string>([['main', 'Main']]);
  private lastCreatedMs = 0;
  /** Seeded records are dated in the past, one second apart, so "oldest first" keeps the seed's order. */
  private seedClock = Date.UTC(2000, 0, 1);

  constructor(
    readonly modules: Map<string, IntegrationModule> = new Map(),
    /** The account's timezone: every `Y-m-d H:i:s` it keeps or answers is local to it (§3.1). */
    readonly timeZone = 'UTC',
  ) {}

  /** A creation time that never goes backwards, `Y-m-d H:i:s` in the account's timezone. */
  createdAt(seeding = false): string {
    if (seeding) {
      this.seedClock += 1000;
      return localDateTime(this.seedClock, this.timeZone);
    }
    this.lastCreatedMs = Math.max(Date.now(), this.lastCreatedMs);
    return localDateTime(this.lastCreatedMs, this.timeZone);
  }

  noteCustomFields(
    entity: keyof AccountState['customFields'],
    fields: Record<string, string>,
  ): void {
    const known = this.customFields[entity];
    for (const code of Object.keys(fields)) if (!known.has(code)) known.set(code, 'string');
  }
}
