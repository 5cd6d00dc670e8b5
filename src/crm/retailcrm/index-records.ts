import { z } from 'zod';
import { isoFromLocal, localDateTime } from '../../domain/zoned-time.js';
import type { IndexRecord, IndexRecordPage, IndexRemoval } from '../port.js';
import type { RetailcrmClient } from './client.js';
import { contactOf, CustomerSchema, dealOf, OrderSchema } from './mapping.js';

// G13: customers (contacts) and orders (deals) for the service's phone index,
// one page per call. The activation load reads both lists whole. A poll reads
// the change histories (`customers/history`, `orders/history`): the first page
// from `filter[startDate]`, the next ones after the last item's id
// (`filter[sinceId]`, ids rise with time), and each page's distinct records are
// then read as they are now (`filter[ids][]`): a history item only names what
// changed, not the phones and manager the index needs. A record deleted in the
// CRM (an item `deleted: true`) or merged into another (`combinedTo`) that the
// read no longer finds is named in the page's `removed`.

/** retailCRM's largest page on lists and histories (§3.3). */
const PAGE_LIMIT = 100;

type Phase = 'customers' | 'orders';
/** A list page (activation), or the history after an item id (poll; null = from `since`). */
type Cursor =
  | { readonly phase: Phase; readonly page: number }
  | { readonly phase: Phase; readonly afterId: number | null };

const CURSOR = /^(list|history):(customers|orders):(\d*)$/;

export function writeCursor(cursor: Cursor): string {
  return 'page' in cursor
    ? `list:${cursor.phase}:${cursor.page}`
    : `history:${cursor.phase}:${cursor.afterId ?? ''}`;
}

export function readCursor(text: string): Cursor {
  const match = CURSOR.exec(text);
  // Only this file writes cursors: anything else is a caller's bug.
  if (!match) throw new Error(`not a retailCRM index cursor: "${text}"`);
  const phase = match[2] as Phase;
  const number = match[3] === '' ? null : Number(match[3]);
  if (match[1] === 'list') return { phase, page: number ?? 1 };
  return { phase, afterId: number };
}

const PaginationSchema = z.looseObject({ currentPage: z.number(), totalPageCount: z.number() });
const ListReply = z.looseObject({
  customers: z.array(z.unknown()).optional(),
  orders: z.array(z.unknown()).optional(),
  pagination: PaginationSchema.optional(),
});
const Ref = z.looseObject({ id: z.number() });
const HistoryReply = z.looseObject({
  history: z.array(
    z.looseObject({
      id: z.number(),
      deleted: z.boolean().nullish(),
      combinedTo: Ref.nullish(),
      customer: Ref.optional(),
      order: Ref.optional(),
    }),
  ),
  pagination: PaginationSchema.optional(),
});

/** More pages after this one: by the pagination block, else by a full page. */
const more = (pagination: z.infer<typeof PaginationSchema> | undefined, count: number): boolean =>
  pagination ? pagination.currentPage < pagination.totalPageCount : count >= PAGE_LIMIT;

/** The account keeps local `Y-m-d H:i:s` times (§3.1). */
function localTime(value: string | undefined, timeZone: string): Date | null {
  const iso = value === undefined ? null : isoFromLocal(value, timeZone);
  return iso === null ? null : new Date(iso);
}

const NO_STATUS_GROUPS = new Map<string, string>();

/** Customers are contacts and orders deals (mapping.ts); an order carries phones of its own (`phone`, `additionalPhone`). */
function recordsOf(phase: Phase, items: readonly unknown[], timeZone: string): IndexRecord[] {
  if (phase === 'customers') {
    return items.map((item): IndexRecord => {
      const customer = CustomerSchema.parse(item);
      const contact = contactOf(customer, null);
      return {
        entity: 'contacts',
        id: contact.id,
        phones: contact.phones,
        ownerId: contact.ownerId ?? null,
        contactId: null,
        createdAt: localTime(customer.createdAt, timeZone),
      };
    });
  }
  return items.map((item): IndexRecord => {
    const order = OrderSchema.parse(item);
    // The status does not matter to the index: no status groups are read for it.
    const deal = dealOf(order, NO_STATUS_GROUPS);
    return {
      entity: 'deals',
      id: deal.id,
      phones: deal.phones ?? [],
      ownerId: deal.ownerId ?? null,
      contactId: deal.contactId ?? null,
      createdAt: localTime(order.createdAt, timeZone),
    };
  });
}

async function listPage(
  client: RetailcrmClient,
  phase: Phase,
  page: number,
  timeZone: string,
): Promise<IndexRecordPage> {
  const reply = ListReply.parse(await client.get(`/api/v5/${phase}`, { limit: PAGE_LIMIT, page }));
  const items = reply[phase] ?? [];
  const next: Cursor | null = more(reply.pagination, items.length)
    ? { phase, page: page + 1 }
    : phase === 'customers'
      ? { phase: 'orders', page: 1 }
      : null;
  return { records: recordsOf(phase, items, timeZone), next: next && writeCursor(next) };
}

async function historyPage(
  client: RetailcrmClient,
  phase: Phase,
  afterId: number | null,
  since: Date,
  timeZone: string,
): Promise<IndexRecordPage> {
  const from =
    afterId === null
      ? { 'filter[startDate]': localDateTime(since.getTime(), timeZone) }
      : { 'filter[sinceId]': afterId };
  const reply = HistoryReply.parse(
    await client.get(`/api/v5/${phase}/history`, { ...from, limit: PAGE_LIMIT, page: 1 }),
  );
  const member = phase === 'customers' ? 'customer' : 'order';
  const ids = [
    ...new Set(reply.history.flatMap((item) => (item[member] ? [item[member].id] : []))),
  ];
  // Deleted or merged away: said by the item, confirmed by the read not finding the record.
  const gone = new Set(
    reply.history.flatMap((item) =>
      item[member] && (item.deleted === true || item.combinedTo) ? [item[member].id] : [],
    ),
  );
  const items =
    ids.length > 0 ? await client.all(`/api/v5/${phase}`, phase, { 'filter[ids]': ids }) : [];
  const records = recordsOf(phase, items, timeZone);
  const found = new Set(records.map((record) => record.id));
  const entity = phase === 'customers' ? 'contacts' : 'deals';
  const removed = [...gone]
    .map(String)
    .filter((id) => !found.has(id))
    .map((id): IndexRemoval => ({ entity, id }));
  const lastId = reply.history.at(-1)?.id;
  const next: Cursor | null =
    lastId !== undefined && more(reply.pagination, reply.history.length)
      ? { phase, afterId: lastId }
      : phase === 'customers'
        ? { phase: 'orders', afterId: null }
        : null;
  return { records, removed, next: next && writeCursor(next) };
}

/**
 * One page of records for the index (port.ts `listRecordsSince`): all of them when
 * `since` is null, else those created or changed at or after it, and in `removed`
 * those deleted or merged away since. `timeZone` is
 * the account's: `since` is sent, and creation times are read, in it.
 */
export function recordsPage(
  client: RetailcrmClient,
  since: Date | null,
  cursor: string | null,
  timeZone: string,
): Promise<IndexRecordPage> {
  const at: Cursor =
    cursor !== null
      ? readCursor(cursor)
      : since === null
        ? { phase: 'customers', page: 1 }
        : { phase: 'customers', afterId: null };
  if ('page' in at) return listPage(client, at.phase, at.page, timeZone);
  if (since === null)
    throw new Error('a retailCRM history cursor needs the `since` it was started with');
  return historyPage(client, at.phase, at.afterId, since, timeZone);
}
