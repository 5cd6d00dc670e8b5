import type { z } from 'zod';
import type { CorporateCustomer, Customer, Note } from './native.js';
import {
  entity,
  fail,
  invalid,
  list,
  notFound,
  obj,
  ok,
  paginate,
  str,
  type ApiReply,
  type ApiRequest,
} from './http.js';
import type { Route } from './router.js';
import { ContactLinkInput, CorporateInput, CustomerInput, NoteInput } from './schemas.js';
import { customerMatches } from './search.js';
import type { AccountState } from './state.js';
import { sourceFrom } from './native.js';
import { recordCustomer } from './history.js';
import { mergedInto } from './removal.js';

// Customers (individual), their notes, and corporate customers (§3.4).

type CustomerData = z.infer<typeof CustomerInput>;

export function knownUser(state: AccountState, id: number | undefined): boolean {
  return id === undefined || state.users.has(id) || state.ids.users.seededName(id) !== undefined;
}

/** `by=id|externalId` from the query or the form. */
export function lookup<T extends { id: number; externalId?: string }>(
  records: Map<number, T>,
  key: string,
  req: ApiRequest,
): T | undefined {
  const by = str(req.query, 'by') ?? str(req.form, 'by') ?? 'id';
  if (by === 'externalId') return [...records.values()].find((record) => record.externalId === key);
  return records.get(Number(key));
}

export function findRef<T extends { id: number; externalId?: string }>(
  records: Map<number, T>,
  ref: { id?: number | undefined; externalId?: string | undefined },
): T | undefined {
  if (ref.id !== undefined) return records.get(ref.id);
  if (ref.externalId !== undefined)
    return [...records.values()].find((record) => record.externalId === ref.externalId);
  return undefined;
}

function applyCustomer(state: AccountState, target: Customer, input: CustomerData): void {
  if (input.firstName !== undefined) target.firstName = input.firstName;
  if (input.lastName !== undefined) target.lastName = input.lastName;
  if (input.email !== undefined) target.email = input.email;
  if (input.phones !== undefined)
    target.phones = input.phones.map((phone) => ({ number: phone.number }));
  if (input.managerId !== undefined) target.managerId = input.managerId;
  if (input.source !== undefined) target.source = sourceFrom(input.source);
  if (input.customFields !== undefined) {
    Object.assign(target.customFields, input.customFields);
    state.noteCustomFields('customer', input.customFields);
  }
}

const duplicate = (what: string): ApiReply =>
  invalid({ externalId: `${what} with the same externalId already exists.` });

export const customerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v5/customers/notes',
    handle: (req, _params, state) => {
      const filter = obj(req.query, 'filter');
      const customerIds = new Set(list(filter, 'customerIds').map(Number));
      const notes = [...state.notes.values()].filter(
        (note) => customerIds.size === 0 || customerIds.has(note.customer.id),
      );
      const page = paginate(notes, req.query);
      if (!page.ok) return page.reply;
      return ok({
        pagination: page.pagination,
        notes: page.page.map((note) => ({
          ...note,
          customer: {
            id: note.customer.id,
            externalId: state.customers.get(note.customer.id)?.externalId,
            site: 'main',
            type: 'customer',
          },
        })),
      });
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/customers/notes/create',
    handle: (req, _params, state) => {
      const input = entity(req.form, 'note', NoteInput);
      if (!input.ok) return input.reply;
      const customer = findRef(state.customers, input.value.customer);
      if (!customer) return invalid({ customer: 'Customer not found.' });
      if (!knownUser(state, input.value.managerId))
        return invalid({ managerId: 'Manager not found.' });
      const id = state.ids.notes.allocate();
      const note: Note = {
        id,
        createdAt: state.createdAt(),
        text: input.value.text,
        customer: { id: customer.id },
        ...(input.value.managerId !== undefined && { managerId: input.value.managerId }),
      };
      state.notes.set(id, note);
      return ok({ id }, 201);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/customers',
    handle: (req, _params, state) => {
      const filter = obj(req.query, 'filter');
      const name = str(filter, 'name');
      const ids = new Set(list(filter, 'ids').map(Number));
      const externalIds = new Set(list(filter, 'externalIds'));
      const managers = new Set(list(filter, 'managers').map(Number));
      const found = [...state.customers.values()].filter(
        (c) =>
          (name === undefined || name === '' || customerMatches(c, name)) &&
          (ids.size === 0 || ids.has(c.id)) &&
          (externalIds.size === 0 ||
            (c.externalId !== undefined && externalIds.has(c.externalId))) &&
          (managers.size === 0 || (c.managerId !== undefined && managers.has(c.managerId))),
      );
      const page = paginate(found, req.query);
      return page.ok ? ok({ pagination: page.pagination, customers: page.page }) : page.reply;
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/customers/create',
    handle: (req, _params, state) => {
      const input = entity(req.form, 'customer', CustomerInput);
      if (!input.ok) return input.reply;
      const data = input.value;
      if (
        data.externalId !== undefined &&
        [...state.customers.values()].some((c) => c.externalId === data.externalId)
      )
        return duplicate('Customer');
      if (!knownUser(state, data.managerId)) return invalid({ managerId: 'Manager not found.' });
      const id = state.ids.customers.allocate();
      const customer: Customer = {
        type: 'customer',
        id,
        createdAt: state.createdAt(),
        site: str(req.form, 'site') ?? 'main',
        phones: [],
        customFields: {},
        ...(data.externalId !== undefined && { externalId: data.externalId }),
      };
      applyCustomer(state, customer, data);
      state.customers.set(id, customer);
      recordCustomer(state.customerHistory, null, customer, {
        at: customer.createdAt,
        source: 'api',
      });
      return ok({ id }, 201);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/customers/{id}',
    handle: (req, params, state) => {
      const customer = lookup(state.customers, params['id'] ?? '', req);
      if (customer) return ok({ customer });
      // A customer merged away: 404 naming the one it went into (the client's ErrorResponse.combinedTo).
      const into =
        (str(req.query, 'by') ?? 'id') === 'id'
          ? mergedInto(state.customers, state.combinedInto.customers, Number(params['id']))
          : undefined;
      return into ? fail(404, 'Not found', undefined, { combinedTo: into }) : notFound();
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/customers/{id}/edit',
    handle: (req, params, state) => {
      const customer = lookup(state.customers, params['id'] ?? '', req);
      if (!customer) return notFound();
      const input = entity(req.form, 'customer', CustomerInput);
      if (!input.ok) return input.reply;
      if (!knownUser(state, input.value.managerId))
        return invalid({ managerId: 'Manager not found.' });
      const before = structuredClone(customer);
      applyCustomer(state, customer, input.value);
      recordCustomer(state.customerHistory, before, customer, {
        at: state.createdAt(),
        source: 'api',
      });
      return ok({ id: customer.id });
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/customers-corporate',
    handle: (req, _params, state) => {
      const filter = obj(req.query, 'filter');
      const ids = new Set(list(filter, 'ids').map(Number));
      const contactIds = new Set(list(filter, 'contactIds').map(Number));
      const externalIds = new Set(list(filter, 'externalIds'));
      const found = [...state.corporates.values()].filter(
        (c) =>
          (ids.size === 0 || ids.has(c.id)) &&
          (externalIds.size === 0 ||
            (c.externalId !== undefined && externalIds.has(c.externalId))) &&
          (contactIds.size === 0 ||
            c.customerContacts.some((link) => contactIds.has(link.customer.id))),
      );
      const page = paginate(found, req.query);
      return page.ok
        ? ok({ pagination: page.pagination, customersCorporate: page.page })
        : page.reply;
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/customers-corporate/create',
    handle: (req, _params, state) => {
      const input = entity(req.form, 'customerCorporate', CorporateInput);
      if (!input.ok) return input.reply;
      const data = input.value;
      if (
        data.externalId !== undefined &&
        [...state.corporates.values()].some((c) => c.externalId === data.externalId)
      )
        return duplicate('Corporate customer');
      if (!knownUser(state, data.managerId)) return invalid({ managerId: 'Manager not found.' });
      const id = state.ids.corporates.allocate();
      const corporate: CorporateCustomer = {
        type: 'customer_corporate',
        id,
        createdAt: state.createdAt(),
        site: str(req.form, 'site') ?? 'main',
        customFields: {},
        customerContacts: [],
        ...(data.externalId !== undefined && { externalId: data.externalId }),
      };
      applyCorporate(state, corporate, data);
      state.corporates.set(id, corporate);
      return ok({ id }, 201);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/customers-corporate/{id}',
    handle: (req, params, state) => {
      const customerCorporate = lookup(state.corporates, params['id'] ?? '', req);
      return customerCorporate ? ok({ customerCorporate }) : notFound();
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/customers-corporate/{id}/edit',
    handle: (req, params, state) => {
      const corporate = lookup(state.corporates, params['id'] ?? '', req);
      if (!corporate) return notFound();
      const input = entity(req.form, 'customerCorporate', CorporateInput);
      if (!input.ok) return input.reply;
      if (!knownUser(state, input.value.managerId))
        return invalid({ managerId: 'Manager not found.' });
      applyCorporate(state, corporate, input.value);
      return ok({ id: corporate.id });
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/customers-corporate/{id}/contacts/create',
    handle: (req, params, state) => {
      const corporate = lookup(state.corporates, params['id'] ?? '', req);
      if (!corporate) return notFound();
      const input = entity(req.form, 'contact', ContactLinkInput);
      if (!input.ok) return input.reply;
      const customer = findRef(state.customers, input.value.customer);
      if (!customer) return invalid({ customer: 'Customer not found.' });
      // UNVERIFIED: linking a contact already linked is answered as a success and changes nothing.
      if (corporate.customerContacts.some((link) => link.customer.id === customer.id))
        return ok({ id: customer.id });
      corporate.customerContacts.push({
        isMain: input.value.isMain ?? false,
        customer: { id: customer.id },
      });
      return ok({ id: customer.id }, 201);
    },
  },
];

function applyCorporate(
  state: AccountState,
  target: CorporateCustomer,
  input: z.infer<typeof CorporateInput>,
): void {
  if (input.nickName !== undefined) target.nickName = input.nickName;
  if (input.managerId !== undefined) target.managerId = input.managerId;
  if (input.source !== undefined) target.source = sourceFrom(input.source);
  if (input.customFields !== undefined) {
    Object.assign(target.customFields, input.customFields);
    state.noteCustomFields('customer_corporate', input.customFields);
  }
}
