import { recordCustomerRemoved, recordOrder, recordOrderRemoved, type Stamp } from './history.js';
import type { Customer, Order } from './native.js';
import type { AccountState } from './state.js';

// Records leaving the account: deleted by a manager in the UI (the API has no
// delete for customers or orders; `POST /_emulator/ui/...`), or merged away by
// `customers/combine` / `orders/combine`. Each leaves one history item
// (history.ts). What happens to the records that pointed at them is UNVERIFIED
// (README): a merge moves them to the record kept; a deletion drops the notes
// and contact-person links of a customer and unlinks its tasks, and a customer
// with orders is not deleted.

/** Why a customer cannot be deleted, or null once it is. */
export function deleteCustomer(
  state: AccountState,
  customer: Customer,
  stamp: Stamp,
): string | null {
  if ([...state.orders.values()].some((order) => order.customer?.id === customer.id))
    return 'the customer has orders';
  for (const [id, note] of state.notes)
    if (note.customer.id === customer.id) state.notes.delete(id);
  for (const corporate of state.corporates.values())
    corporate.customerContacts = corporate.customerContacts.filter(
      (link) => link.customer.id !== customer.id,
    );
  for (const task of state.tasks.values())
    if (task.customer?.id === customer.id) delete task.customer;
  state.customers.delete(customer.id);
  recordCustomerRemoved(state.customerHistory, customer, stamp);
  return null;
}

/** Merges `merged` into `kept`: its orders, notes, tasks and contact-person links move to `kept`, then it is gone. */
export function combineCustomer(
  state: AccountState,
  merged: Customer,
  kept: Customer,
  stamp: Stamp,
): void {
  for (const order of state.orders.values()) {
    if (order.customer?.id !== merged.id) continue;
    const before = structuredClone(order);
    order.customer = { id: kept.id, type: 'customer' };
    recordOrder(state.orderHistory, before, order, stamp);
  }
  for (const note of state.notes.values())
    if (note.customer.id === merged.id) note.customer = { id: kept.id };
  for (const task of state.tasks.values())
    if (task.customer?.id === merged.id) task.customer = { id: kept.id };
  for (const corporate of state.corporates.values()) {
    const linked = corporate.customerContacts.some((link) => link.customer.id === kept.id);
    corporate.customerContacts = corporate.customerContacts.flatMap((link) =>
      link.customer.id !== merged.id
        ? [link]
        : linked
          ? []
          : [{ ...link, customer: { id: kept.id } }],
    );
  }
  state.customers.delete(merged.id);
  state.combinedInto.customers.set(merged.id, kept.id);
  recordCustomerRemoved(state.customerHistory, merged, stamp, kept);
}

/** An order deleted: its tasks lose the link. */
export function deleteOrder(state: AccountState, order: Order, stamp: Stamp): void {
  for (const task of state.tasks.values()) if (task.order?.id === order.id) delete task.order;
  state.orders.delete(order.id);
  recordOrderRemoved(state.orderHistory, order, stamp);
}

/** Merges `merged` into `kept` (the products, which the emulator does not keep, by the technique): its tasks move to `kept`. */
export function combineOrder(state: AccountState, merged: Order, kept: Order, stamp: Stamp): void {
  for (const task of state.tasks.values())
    if (task.order?.id === merged.id) task.order = { id: kept.id };
  state.orders.delete(merged.id);
  state.combinedInto.orders.set(merged.id, kept.id);
  recordOrderRemoved(state.orderHistory, merged, stamp, kept);
}

/** Where a merged-away record went, following merges of merges; undefined for a record never merged. */
export function mergedInto<T>(
  records: Map<number, T>,
  merges: Map<number, number>,
  id: number,
): T | undefined {
  let at = merges.get(id);
  for (let hops = 0; at !== undefined && hops < 1000; hops++) {
    const found = records.get(at);
    if (found) return found;
    at = merges.get(at);
  }
  return undefined;
}
