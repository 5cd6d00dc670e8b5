import type { z } from 'zod';
import type { Order, Task } from './native.js';
import { STATUSES, STATUS_GROUPS } from './native.js';
import { entity, invalid, list, notFound, obj, ok, paginate, str } from './http.js';
import type { Route } from './router.js';
import { findRef, knownUser, lookup } from './routes-customers.js';
import { OrderInput, TaskEditInput, TaskInput } from './schemas.js';
import { orderMatches } from './search.js';
import type { AccountState } from './state.js';
import { sourceFrom } from './native.js';
import { recordOrder } from './history.js';

// Orders (§3.5), tasks (§3.6), users (§3.7), references and custom fields.

type OrderData = z.infer<typeof OrderInput>;

function applyOrder(state: AccountState, target: Order, input: OrderData): string | null {
  if (input.status !== undefined && !STATUSES.some((status) => status.code === input.status))
    return 'status';
  if (input.customer !== undefined) {
    const customer = findRef(state.customers, input.customer);
    if (!customer) return 'customer';
    target.customer = { id: customer.id, type: 'customer' };
  }
  if (input.company !== undefined) {
    if (!state.corporates.has(input.company.id)) return 'company';
    target.company = { id: input.company.id };
  }
  if (input.orderType !== undefined) {
    // UNVERIFIED: the real CRM refuses an unknown type; here it joins the reference list (README).
    if (!state.orderTypes.has(input.orderType))
      state.orderTypes.set(input.orderType, input.orderType);
    target.orderType = input.orderType;
  }
  if (input.orderMethod !== undefined) target.orderMethod = input.orderMethod;
  if (input.status !== undefined) target.status = input.status;
  if (input.managerId !== undefined) target.managerId = input.managerId;
  if (input.firstName !== undefined) target.firstName = input.firstName;
  if (input.phone !== undefined) target.phone = input.phone;
  if (input.additionalPhone !== undefined) target.additionalPhone = input.additionalPhone;
  if (input.source !== undefined) target.source = sourceFrom(input.source);
  if (input.customFields !== undefined) {
    Object.assign(target.customFields, input.customFields);
    state.noteCustomFields('order', input.customFields);
  }
  return null;
}

function applyTask(
  state: AccountState,
  target: Task,
  input: z.infer<typeof TaskEditInput>,
): string | null {
  if (input.order !== undefined) {
    const order =
      input.order.id !== undefined
        ? state.orders.get(input.order.id)
        : [...state.orders.values()].find((o) => o.number === input.order?.number);
    if (!order) return 'order';
    target.order = { id: order.id };
  }
  if (input.customer !== undefined) {
    const customer = findRef(state.customers, input.customer);
    if (!customer) return 'customer';
    target.customer = { id: customer.id };
  }
  if (!knownUser(state, input.performerId)) return 'performerId';
  if (input.text !== undefined) target.text = input.text;
  if (input.commentary !== undefined) target.commentary = input.commentary;
  if (input.datetime !== undefined) target.datetime = input.datetime;
  if (input.complete !== undefined) target.complete = input.complete;
  if (input.performerId !== undefined) target.performerId = input.performerId;
  if (input.phone !== undefined) target.phone = input.phone;
  return null;
}

export const orderRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v5/orders',
    handle: (req, _params, state) => {
      const filter = obj(req.query, 'filter');
      const customer = str(filter, 'customer');
      const customerId = str(filter, 'customerId');
      const ids = new Set(list(filter, 'ids').map(Number));
      const externalIds = new Set(list(filter, 'externalIds'));
      const found = [...state.orders.values()].filter(
        (o) =>
          (customer === undefined || customer === '' || orderMatches(o, customer, state)) &&
          (customerId === undefined || o.customer?.id === Number(customerId)) &&
          (ids.size === 0 || ids.has(o.id)) &&
          (externalIds.size === 0 || (o.externalId !== undefined && externalIds.has(o.externalId))),
      );
      const page = paginate(found, req.query);
      return page.ok ? ok({ pagination: page.pagination, orders: page.page }) : page.reply;
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/orders/create',
    handle: (req, _params, state) => {
      const input = entity(req.form, 'order', OrderInput);
      if (!input.ok) return input.reply;
      const data = input.value;
      if (
        data.externalId !== undefined &&
        [...state.orders.values()].some((o) => o.externalId === data.externalId)
      ) {
        return invalid({ externalId: 'Order with the same externalId already exists.' });
      }
      if (!knownUser(state, data.managerId)) return invalid({ managerId: 'Manager not found.' });
      const id = state.ids.orders.allocate();
      const order: Order = {
        id,
        number: data.number ?? `${id}A`,
        createdAt: state.createdAt(),
        site: str(req.form, 'site') ?? 'main',
        status: 'new',
        customFields: {},
        ...(data.externalId !== undefined && { externalId: data.externalId }),
      };
      const wrong = applyOrder(state, order, data);
      if (wrong) return invalid({ [wrong]: 'This value is not valid.' });
      state.orders.set(id, order);
      recordOrder(state.orderHistory, null, order, { at: order.createdAt, source: 'api' });
      return ok({ id, order }, 201);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/orders/{id}',
    handle: (req, params, state) => {
      const order = lookup(state.orders, params['id'] ?? '', req);
      return order ? ok({ order }) : notFound();
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/orders/{id}/edit',
    handle: (req, params, state) => {
      const order = lookup(state.orders, params['id'] ?? '', req);
      if (!order) return notFound();
      const input = entity(req.form, 'order', OrderInput);
      if (!input.ok) return input.reply;
      if (!knownUser(state, input.value.managerId))
        return invalid({ managerId: 'Manager not found.' });
      const draft = structuredClone(order);
      const wrong = applyOrder(state, draft, input.value);
      if (wrong) return invalid({ [wrong]: 'This value is not valid.' });
      const before = structuredClone(order);
      Object.assign(order, draft);
      recordOrder(state.orderHistory, before, order, { at: state.createdAt(), source: 'api' });
      return ok({ id: order.id, order });
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/tasks',
    handle: (req, _params, state) => {
      const filter = obj(req.query, 'filter');
      const text = str(filter, 'text');
      const performers = new Set(list(filter, 'performers').map(Number));
      const status = str(filter, 'status');
      const found = [...state.tasks.values()].filter(
        (t) =>
          (text === undefined || t.text.includes(text) || (t.commentary ?? '').includes(text)) &&
          (performers.size === 0 ||
            (t.performerId !== undefined && performers.has(t.performerId))) &&
          (status === undefined || (status === 'completed') === t.complete),
      );
      const page = paginate(found, req.query);
      return page.ok
        ? ok({
            pagination: page.pagination,
            tasks: page.page.map((t) => ({
              ...t,
              performer: t.performerId,
              performerType: 'user',
            })),
          })
        : page.reply;
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/tasks/create',
    handle: (req, _params, state) => {
      const input = entity(req.form, 'task', TaskInput);
      if (!input.ok) return input.reply;
      const id = state.ids.tasks.allocate();
      const task: Task = {
        id,
        createdAt: state.createdAt(),
        text: input.value.text,
        complete: false,
      };
      const wrong = applyTask(state, task, input.value);
      if (wrong) return invalid({ [wrong]: 'This value is not valid.' });
      state.tasks.set(id, task);
      return ok({ id }, 201);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/tasks/{id}',
    handle: (_req, params, state) => {
      const task = state.tasks.get(Number(params['id']));
      return task
        ? ok({ task: { ...task, performer: task.performerId, performerType: 'user' } })
        : notFound();
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/tasks/{id}/edit',
    handle: (req, params, state) => {
      const task = state.tasks.get(Number(params['id']));
      if (!task) return notFound();
      const input = entity(req.form, 'task', TaskEditInput);
      if (!input.ok) return input.reply;
      const draft = structuredClone(task);
      const wrong = applyTask(state, draft, input.value);
      if (wrong) return invalid({ [wrong]: 'This value is not valid.' });
      Object.assign(task, draft);
      return ok({ id: task.id });
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/users',
    handle: (req, _params, state) => {
      const filter = obj(req.query, 'filter');
      const active = str(filter, 'active');
      const email = str(filter, 'email');
      const found = [...state.users.values()].filter(
        (u) =>
          (active === undefined || (active === '1') === u.active) &&
          (email === undefined || u.email === email),
      );
      const page = paginate(found, req.query);
      return page.ok ? ok({ pagination: page.pagination, users: page.page }) : page.reply;
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/users/{id}',
    handle: (_req, params, state) => {
      const user = state.users.get(Number(params['id']));
      return user ? ok({ user }) : notFound();
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/reference/statuses',
    handle: () =>
      ok({ statuses: Object.fromEntries(STATUSES.map((s) => [s.code, { ...s, active: true }])) }),
  },
  {
    method: 'GET',
    pattern: '/api/v5/reference/status-groups',
    handle: () =>
      ok({
        statusGroups: Object.fromEntries(
          STATUS_GROUPS.map((code, index) => [
            code,
            {
              code,
              name: code,
              ordering: index,
              active: true,
              statuses: STATUSES.filter((s) => s.group === code).map((s) => s.code),
            },
          ]),
        ),
      }),
  },
  {
    method: 'GET',
    pattern: '/api/v5/reference/order-types',
    handle: (_req, _params, state) =>
      ok({
        orderTypes: Object.fromEntries(
          [...state.orderTypes].map(([code, name], index) => [
            code,
            { code, name, active: true, defaultForCrm: index === 0, ordering: index },
          ]),
        ),
      }),
  },
  {
    method: 'GET',
    pattern: '/api/v5/reference/order-methods',
    handle: () =>
      ok({
        orderMethods: {
          phone: { code: 'phone', name: 'Phone call', active: true, defaultForCrm: true },
        },
      }),
  },
  {
    method: 'GET',
    pattern: '/api/v5/custom-fields',
    handle: (req, _params, state) => {
      const entityName = str(obj(req.query, 'filter'), 'entity');
      const all = Object.entries(state.customFields).flatMap(([entityCode, codes]) =>
        [...codes].map(([code, type]) => ({
          code,
          name: code,
          entity: entityCode,
          type,
          required: false,
          inFilter: true,
          inList: true,
        })),
      );
      const found = all.filter((field) => entityName === undefined || field.entity === entityName);
      const page = paginate(found, req.query);
      return page.ok ? ok({ pagination: page.pagination, customFields: page.page }) : page.reply;
    },
  },
];
