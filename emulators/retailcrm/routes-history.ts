import { isoFromLocal, localDateTime } from '../../src/domain/zoned-time.js';
import type { HistoryItem, HistoryLog } from './history.js';
import { invalid, obj, ok, paginate, str, type ApiReply, type ApiRequest } from './http.js';
import type { Route } from './router.js';
import type { AccountState } from './state.js';

// GET /api/v5/customers/history and /orders/history. The filters are those of
// the official client's CustomerHistoryFilter / OrderHistoryFilterV4Type:
// sinceId (items with a greater id), startDate / endDate (`Y-m-d H:i:s`, read in
// the account's timezone: UNVERIFIED, as are inclusive bounds), and the record's
// id or externalId. `page` / `limit` and the `pagination` block as on lists (§3.3).

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

interface Kind {
  readonly pattern: string;
  /** The member naming the record (`customer`, `order`), and the filter names that pick one. */
  readonly member: 'customer' | 'order';
  readonly log: (state: AccountState) => HistoryLog;
}

function instant(
  value: string | undefined,
  field: string,
  state: AccountState,
): number | ApiReply | undefined {
  if (value === undefined || value === '') return undefined;
  const iso = DATE_TIME.test(value) ? isoFromLocal(value, state.timeZone) : null;
  return iso === null
    ? invalid({ [field]: 'This value is not a valid datetime.' })
    : Date.parse(iso);
}

function history(kind: Kind, req: ApiRequest, state: AccountState): ApiReply {
  const filter = obj(req.query, 'filter');
  const sinceText = str(filter, 'sinceId');
  if (sinceText !== undefined && !/^\d+$/.test(sinceText))
    return invalid({ 'filter[sinceId]': 'This value should be of type int.' });
  const from = instant(str(filter, 'startDate'), 'filter[startDate]', state);
  if (typeof from === 'object') return from;
  const to = instant(str(filter, 'endDate'), 'filter[endDate]', state);
  if (typeof to === 'object') return to;
  const recordId = str(filter, `${kind.member}Id`);
  const externalId = str(filter, `${kind.member}ExternalId`);
  const about = (item: HistoryItem): Record<string, unknown> => item[kind.member] ?? {};
  const found = kind
    .log(state)
    .select(
      (item) =>
        (recordId === undefined || String(about(item)['id']) === recordId) &&
        (externalId === undefined || about(item)['externalId'] === externalId),
      Number(sinceText ?? 0),
      from ?? -Infinity,
      to ?? Infinity,
    );
  const page = paginate(found, req.query);
  if (!page.ok) return page.reply;
  return ok({
    generatedAt: localDateTime(Date.now(), state.timeZone),
    history: page.page,
    pagination: page.pagination,
  });
}

const KINDS: readonly Kind[] = [
  {
    pattern: '/api/v5/customers/history',
    member: 'customer',
    log: (state) => state.customerHistory,
  },
  { pattern: '/api/v5/orders/history', member: 'order', log: (state) => state.orderHistory },
];

/** Listed before the record routes: `/customers/history` must not be read as `/customers/{id}`. */
export const historyRoutes: Route[] = KINDS.map((kind): Route => ({
  method: 'GET',
  pattern: kind.pattern,
  handle: (req, _params, state) => history(kind, req, state),
}));
