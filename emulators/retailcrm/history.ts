import { isoFromLocal } from '../../src/domain/zoned-time.js';
import type { Customer, Order } from './native.js';

// retailCRM's change history (GET /api/v5/customers/history, /orders/history):
// one item per changed field, ids rising across the account; the item of a
// record's creation says `created: true` and carries the whole record, the
// others a short reference. Shapes read off retailcrm/api-client-php
// (Model/Entity/{Customers/CustomerHistory,Orders/OrderHistory}.php and the
// recorded answers in tests/src/ResourceGroup/{Customers,Orders}Test.php).
// Field names other than id, external_id, email, phones, manager, status,
// customer and custom_{code} are UNVERIFIED (README). A record deleted (in the
// UI: the API has no delete for customers or orders) is one item `deleted: true`,
// field `id`, oldValue the id, newValue null, with the whole record, as in the
// client's recorded answer; a record merged away (`customers/combine`,
// `orders/combine`) is such an item with `combinedTo` naming the record it went
// into (UNVERIFIED: the client's models have `combinedTo`, no recorded answer does).

/** Who made the change: `api` (a key), `user` (someone in the CRM's UI), `code` (the CRM's triggers). */
export type HistorySource = 'api' | 'user' | 'code';

export interface HistoryItem {
  id: number;
  /** `Y-m-d H:i:s` in the account's timezone. */
  createdAt: string;
  created?: true;
  deleted?: true;
  source: HistorySource;
  /** The CRM user who made a change in the UI. */
  user?: { id: number };
  apiKey?: { current: boolean };
  field: string;
  oldValue: unknown;
  newValue: unknown;
  customer?: Record<string, unknown>;
  order?: Record<string, unknown>;
  /** A record merged away: the one it was merged into (a short reference, UNVERIFIED). */
  combinedTo?: Record<string, unknown>;
}

/** One entity's history; `atMs` is kept beside each item for the date filters and never sent. */
export class HistoryLog {
  private readonly entries: Array<{ item: HistoryItem; atMs: number }> = [];
  private lastId = 0;

  constructor(private readonly timeZone: () => string) {}

  add(item: Omit<HistoryItem, 'id'>): void {
    const iso = isoFromLocal(item.createdAt, this.timeZone());
    this.lastId += 1;
    this.entries.push({
      item: { id: this.lastId, ...item },
      atMs: iso === null ? 0 : Date.parse(iso),
    });
  }

  /** Items in id order that pass the test; `from`/`to` are instants (ms), inclusive. */
  select(
    test: (item: HistoryItem) => boolean,
    sinceId: number,
    fromMs: number,
    toMs: number,
  ): HistoryItem[] {
    return this.entries
      .filter(({ item, atMs }) => item.id > sinceId && atMs >= fromMs && atMs <= toMs && test(item))
      .map(({ item }) => item);
  }
}

type Fields<T> = ReadonlyArray<readonly [string, (record: T) => unknown]>;

const ref = (id: number | undefined): { id: number } | null => (id === undefined ? null : { id });
const code = (value: string | undefined): { code: string } | null =>
  value === undefined ? null : { code: value };

const CUSTOMER_FIELDS: Fields<Customer> = [
  ['external_id', (c) => c.externalId ?? null],
  ['first_name', (c) => c.firstName ?? null],
  ['last_name', (c) => c.lastName ?? null],
  ['email', (c) => c.email ?? null],
  ['manager', (c) => ref(c.managerId)],
];

const ORDER_FIELDS: Fields<Order> = [
  ['external_id', (o) => o.externalId ?? null],
  ['status', (o) => code(o.status)],
  ['order_type', (o) => code(o.orderType)],
  ['order_method', (o) => code(o.orderMethod)],
  ['manager', (o) => ref(o.managerId)],
  ['customer', (o) => (o.customer ? { id: o.customer.id, site: o.site } : null)],
  ['company', (o) => ref(o.company?.id)],
  ['first_name', (o) => o.firstName ?? null],
  ['phone', (o) => o.phone ?? null],
  ['additional_phone', (o) => o.additionalPhone ?? null],
];

interface Change {
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges<T>(fields: Fields<T>, before: T, after: T): Change[] {
  return fields.flatMap(([field, read]) => {
    const oldValue = read(before);
    const newValue = read(after);
    return same(oldValue, newValue) ? [] : [{ field, oldValue, newValue }];
  });
}

/** The UTM block (`source.*`, UNVERIFIED) and custom fields (`custom_{code}`), one item per member. */
function mapChanges(
  prefix: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): Change[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].flatMap((key) => {
    const oldValue = before?.[key] ?? null;
    const newValue = after?.[key] ?? null;
    return same(oldValue, newValue) ? [] : [{ field: `${prefix}${key}`, oldValue, newValue }];
  });
}

/** A phone added is an item with it as `newValue`, a phone removed one with it as `oldValue`. */
function phoneChanges(before: Customer, after: Customer): Change[] {
  const was = before.phones.map((p) => p.number);
  const is = after.phones.map((p) => p.number);
  return [
    ...was
      .filter((n) => !is.includes(n))
      .map((n): Change => ({ field: 'phones', oldValue: n, newValue: null })),
    ...is
      .filter((n) => !was.includes(n))
      .map((n): Change => ({ field: 'phones', oldValue: null, newValue: n })),
  ];
}

export interface Stamp {
  /** When, in the account's local time. */
  readonly at: string;
  readonly source: HistorySource;
  /** The CRM user, for a change made in the UI. */
  readonly userId?: number;
}

const by = (stamp: Stamp): Pick<HistoryItem, 'createdAt' | 'source' | 'apiKey' | 'user'> => ({
  createdAt: stamp.at,
  source: stamp.source,
  ...(stamp.source === 'api' && { apiKey: { current: true } }),
  ...(stamp.userId !== undefined && { user: { id: stamp.userId } }),
});

/** A short reference to a record, as later history items name it. */
const shortRef = (record: {
  id: number;
  externalId?: string;
  site: string;
}): Record<string, unknown> => ({
  id: record.id,
  ...(record.externalId !== undefined && { externalId: record.externalId }),
  site: record.site,
});

/** A customer or order deleted, or merged into `into`: one item carrying the whole record as it was. */
function recordRemoved(
  log: HistoryLog,
  member: 'customer' | 'order',
  record: Customer | Order,
  stamp: Stamp,
  into?: Customer | Order,
): void {
  log.add({
    ...by(stamp),
    deleted: true,
    field: 'id',
    oldValue: record.id,
    newValue: null,
    [member]: structuredClone(record) as unknown as Record<string, unknown>,
    ...(into && { combinedTo: shortRef(into) }),
  });
}

export function recordCustomerRemoved(
  log: HistoryLog,
  customer: Customer,
  stamp: Stamp,
  into?: Customer,
): void {
  recordRemoved(log, 'customer', customer, stamp, into);
}

export function recordOrderRemoved(
  log: HistoryLog,
  order: Order,
  stamp: Stamp,
  into?: Order,
): void {
  recordRemoved(log, 'order', order, stamp, into);
}

/** A customer created (`before` null) or changed: the items retailCRM would list for it. */
export function recordCustomer(
  log: HistoryLog,
  before: Customer | null,
  after: Customer,
  stamp: Stamp,
): void {
  if (before === null) {
    log.add({
      ...by({ ...stamp, at: after.createdAt }),
      created: true,
      field: 'id',
      oldValue: null,
      newValue: after.id,
      customer: structuredClone(after) as unknown as Record<string, unknown>,
    });
    return;
  }
  const customer = {
    id: after.id,
    ...(after.externalId !== undefined && { externalId: after.externalId }),
    site: after.site,
  };
  const changes = [
    ...fieldChanges(CUSTOMER_FIELDS, before, after),
    ...phoneChanges(before, after),
    ...mapChanges('source.', { ...before.source }, { ...after.source }),
    ...mapChanges('custom_', before.customFields, after.customFields),
  ];
  for (const change of changes) log.add({ ...by(stamp), ...change, customer });
}

/** An order created (`before` null) or changed. The creation item names the first status, as in the client's recorded answer. */
export function recordOrder(
  log: HistoryLog,
  before: Order | null,
  after: Order,
  stamp: Stamp,
): void {
  if (before === null) {
    log.add({
      ...by({ ...stamp, at: after.createdAt }),
      created: true,
      field: 'status',
      oldValue: null,
      newValue: { code: after.status },
      order: structuredClone(after) as unknown as Record<string, unknown>,
    });
    return;
  }
  const order = {
    id: after.id,
    ...(after.managerId !== undefined && { managerId: after.managerId }),
    site: after.site,
    status: after.status,
  };
  const changes = [
    ...fieldChanges(ORDER_FIELDS, before, after),
    ...mapChanges('source.', { ...before.source }, { ...after.source }),
    ...mapChanges('custom_', before.customFields, after.customFields),
  ];
  for (const change of changes) log.add({ ...by(stamp), ...change, order });
}
