import type { z } from 'zod';
import { nationalDigits, normalisePhone } from '../../domain/phone.js';
import type { ClientRecords } from '../../domain/snapshot.js';
import type { ClientLookup } from '../port.js';
import type { RetailcrmClient } from './client.js';
import {
  contactOf,
  CorporateSchema,
  CustomerSchema,
  dealOf,
  organizationOf,
  OrderSchema,
  type NativeCorporate,
  type NativeCustomer,
  type NativeOrder,
  type StatusGroups,
} from './mapping.js';

// findClient (G1): the customers and orders carrying the phone in any stored
// format, the orders of those customers, and their corporate customers.

/**
 * The query sent to the free-text search: the national significant number's
 * digits. retailCRM's search (as emulated, UNVERIFIED) matches a stored phone
 * whose digits END with the query's, so this one query reaches every usual
 * stored variant (E.164, without '+', national with trunk prefix, national
 * digits); each hit is then confirmed by normalising its stored phones.
 */
export const searchQuery = nationalDigits;

const byAge = <T extends { id: number; createdAt?: string | undefined }>(list: readonly T[]): T[] =>
  [...new Map(list.map((item) => [item.id, item])).values()].sort(
    (a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id - b.id,
  );

const ids = (list: readonly string[]): number[] =>
  list.filter((id) => /^\d+$/.test(id)).map(Number);

export async function findClientRecords(
  client: RetailcrmClient,
  lookup: ClientLookup,
  groups: () => Promise<StatusGroups>,
  defaultCountry: string | undefined,
): Promise<ClientRecords> {
  const e164 = lookup.phone?.e164 ?? null;
  const created = lookup.created;
  const carries = (raw: string | undefined): boolean =>
    raw !== undefined && e164 !== null && normalisePhone(raw, defaultCountry).e164 === e164;
  const parse =
    <T>(schema: z.ZodType<T>) =>
    (items: unknown[]): T[] =>
      items.map((item) => schema.parse(item));

  const createdContacts = ids(created?.contacts ?? []);
  const createdDeals = ids(created?.deals ?? []);
  const [searchedCustomers, searchedOrders, pickedCustomers, pickedOrders, ordersOfCreated] =
    await Promise.all([
      e164
        ? client
            .all('/api/v5/customers', 'customers', { 'filter[name]': searchQuery(e164) })
            .then(parse(CustomerSchema))
        : [],
      e164
        ? client
            .all('/api/v5/orders', 'orders', { 'filter[customer]': searchQuery(e164) })
            .then(parse(OrderSchema))
        : [],
      createdContacts.length > 0
        ? client
            .all('/api/v5/customers', 'customers', { 'filter[ids]': createdContacts })
            .then(parse(CustomerSchema))
        : [],
      createdDeals.length > 0
        ? client
            .all('/api/v5/orders', 'orders', { 'filter[ids]': createdDeals })
            .then(parse(OrderSchema))
        : [],
      Promise.all(
        createdContacts.map((id) =>
          client
            .all('/api/v5/orders', 'orders', { 'filter[customerId]': id })
            .then(parse(OrderSchema)),
        ),
      ).then((lists) => lists.flat()),
    ]);
  const customers: NativeCustomer[] = byAge([
    ...searchedCustomers.filter((c) => c.phones.some((p) => carries(p.number))),
    ...pickedCustomers,
  ]);
  const customerIds = new Set(customers.map((c) => c.id));
  const orders: NativeOrder[] = byAge([
    ...searchedOrders.filter(
      (o) =>
        carries(o.phone) ||
        carries(o.additionalPhone) ||
        (o.customer !== undefined && customerIds.has(o.customer.id)),
    ),
    ...pickedOrders,
    ...ordersOfCreated,
  ]);
  if (customers.length === 0 && orders.length === 0 && (created?.organizations.length ?? 0) === 0)
    return { contacts: [], leads: [], deals: [], organizations: [] };

  const corporates: NativeCorporate[] =
    customers.length > 0
      ? (
          await client.all('/api/v5/customers-corporate', 'customersCorporate', {
            'filter[contactIds]': [...customerIds],
          })
        ).map((item) => CorporateSchema.parse(item))
      : [];
  const wanted = new Set([
    ...orders.flatMap((o) => (o.company ? [o.company.id] : [])),
    ...ids(created?.organizations ?? []),
  ]);
  for (const corporate of corporates) wanted.delete(corporate.id);
  if (wanted.size > 0) {
    corporates.push(
      ...(
        await client.all('/api/v5/customers-corporate', 'customersCorporate', {
          'filter[ids]': [...wanted],
        })
      ).map((item) => CorporateSchema.parse(item)),
    );
  }
  const statusGroups = orders.length > 0 ? await groups() : new Map<string, string>();
  /** A contact's organization: the newest corporate customer listing it (README). */
  const organizationFor = (customerId: number): string | null => {
    const ids = corporates
      .filter((c) => c.customerContacts.some((link) => link.customer.id === customerId))
      .map((c) => c.id);
    return ids.length > 0 ? String(Math.max(...ids)) : null;
  };
  const contacts = customers.map((c) => contactOf(c, organizationFor(c.id)));
  const deals = orders.map((o) => dealOf(o, statusGroups));
  const organizationIds = new Set([
    ...contacts.map((c) => c.organizationId),
    ...deals.map((d) => d.organizationId),
    ...(created?.organizations ?? []),
  ]);
  const organizations = byAge(corporates)
    .filter((c) => organizationIds.has(String(c.id)))
    .map(organizationOf);
  return { contacts, leads: [], deals, organizations };
}
