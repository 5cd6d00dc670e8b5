import { z } from 'zod';
import { entity, fail, invalid, ok, str } from './http.js';
import type { Route } from './router.js';
import { combineCustomer, combineOrder } from './removal.js';

// POST /api/v5/customers/combine and /api/v5/orders/combine, as the official
// client sends them (CustomersCombineRequest: `customers` = JSON list of `{id}`,
// `resultCustomer` = JSON `{id}`; OrdersCombineRequest: `order`, `resultOrder`
// = JSON `{id}`, `technique` = merge | ours | summ | theirs). The answers are
// the client's recorded ones (`{success: true}`; orders `{success: true,
// errors: []}`); the error messages for unknown or repeated records and the
// default technique (`ours`) are UNVERIFIED (README).

const reference = z.looseObject({ id: z.coerce.number().int().positive() });
const TECHNIQUES = new Set(['merge', 'ours', 'summ', 'theirs']);

export const combineRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/v5/customers/combine',
    handle: (req, _params, state) => {
      const merged = entity(req.form, 'customers', z.array(reference).min(1));
      if (!merged.ok) return merged.reply;
      const result = entity(req.form, 'resultCustomer', reference);
      if (!result.ok) return result.reply;
      const kept = state.customers.get(result.value.id);
      if (!kept) return invalid({ resultCustomer: 'Customer not found.' });
      const ids = [...new Set(merged.value.map((ref) => ref.id))];
      if (ids.includes(kept.id))
        return invalid({ customers: 'The result customer cannot be combined with itself.' });
      const customers = ids.map((id) => state.customers.get(id));
      if (customers.some((customer) => customer === undefined))
        return invalid({ customers: 'Customer not found.' });
      const stamp = { at: state.createdAt(), source: 'api' as const };
      for (const customer of customers) if (customer) combineCustomer(state, customer, kept, stamp);
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/orders/combine',
    handle: (req, _params, state) => {
      const technique = str(req.form, 'technique') ?? 'ours';
      if (!TECHNIQUES.has(technique))
        return invalid({ technique: 'The value you selected is not a valid choice.' });
      const merged = entity(req.form, 'order', reference);
      if (!merged.ok) return merged.reply;
      const result = entity(req.form, 'resultOrder', reference);
      if (!result.ok) return result.reply;
      const order = state.orders.get(merged.value.id);
      const kept = state.orders.get(result.value.id);
      if (!order) return invalid({ order: 'Order not found.' });
      if (!kept) return invalid({ resultOrder: 'Order not found.' });
      if (order.id === kept.id) return fail(400, 'The order cannot be combined with itself.');
      combineOrder(state, order, kept, { at: state.createdAt(), source: 'api' });
      return ok({ errors: [] });
    },
  },
];
