import type { AccountState } from './state.js';
import type { Customer, Order } from './native.js';

/**
 * Free-text search of `filter[name]` (customers) and `filter[customer]`
 * (orders), UNVERIFIED (crm-apis.md §3.4): the name and email match by
 * case-insensitive substring; a stored phone matches when, reduced to its
 * digits, it ENDS WITH the query's digits (at least 5 of them). So
 * `067 123 4567`, `+380 67 123 4567`, `+38-067-123-4567` and `380671234567`
 * all answer the query `671234567`; a phone stored with anything after the
 * number (an extension: `067 123 4567 ext. 12`, `0671234567 (home)` with
 * digits after) does not: its digits end otherwise.
 */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

export function phoneMatches(stored: string, query: string): boolean {
  const q = digitsOf(query);
  return q.length >= 5 && digitsOf(stored).endsWith(q);
}

const contains = (value: string | undefined, query: string): boolean =>
  value !== undefined && value.toLowerCase().includes(query.toLowerCase());

export function customerMatches(customer: Customer, query: string): boolean {
  const name = [customer.firstName, customer.lastName]
    .filter((part) => part !== undefined)
    .join(' ');
  return (
    contains(name, query) ||
    contains(customer.email, query) ||
    customer.phones.some((phone) => phoneMatches(phone.number, query))
  );
}

/** `filter[customer]` of orders: the order's own name and phones, or its customer's. */
export function orderMatches(order: Order, query: string, state: AccountState): boolean {
  if (contains(order.firstName, query)) return true;
  if (
    [order.phone, order.additionalPhone].some(
      (phone) => phone !== undefined && phoneMatches(phone, query),
    )
  )
    return true;
  const customer = order.customer ? state.customers.get(order.customer.id) : undefined;
  return customer !== undefined && customerMatches(customer, query);
}

/**
 * The customer the CRM links an uploaded call to (UNVERIFIED): the oldest one
 * with a stored phone whose last 9 digits are the call number's last 9.
 */
export function customerForCall(state: AccountState, phone: string): number | undefined {
  const tail = digitsOf(phone).slice(-9);
  if (tail.length < 9) return undefined;
  for (const customer of state.customers.values()) {
    if (customer.phones.some((stored) => digitsOf(stored.number).slice(-9) === tail))
      return customer.id;
  }
  return undefined;
}
