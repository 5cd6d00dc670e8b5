import type { IntegrationModule } from './native.js';
import { entity, fail, invalid, notFound, ok, str, type ApiReply, type Params } from './http.js';
import type { Route } from './router.js';
import { CallEventInput, CallInput, CallUpdateInput, ModuleInput } from './schemas.js';
import { customerForCall } from './search.js';
import type { AccountState } from './state.js';
import { knownUser } from './routes-customers.js';

// The telephony integration API (§3.8): module registration, call events
// (pop-ups), call history upload, the responsible-manager lookup.

function telephonyModule(state: AccountState): IntegrationModule | undefined {
  return [...state.modules.values()].find(
    (module) => module.active && module.integrations?.telephony !== undefined,
  );
}

// UNVERIFIED: the exact text of the refusal when no telephony module is active.
const NO_MODULE = (): ApiReply => fail(400, 'Telephony integration is not enabled');

function uploadOne(
  state: AccountState,
  raw: unknown,
  duplicates: string[],
): Record<string, string> | null {
  const externalId =
    typeof raw === 'object' && raw !== null && 'externalId' in raw ? raw.externalId : undefined;
  const existing =
    typeof externalId === 'string'
      ? [...state.calls.values()].find((call) => call.externalId === externalId)
      : undefined;
  if (existing) {
    // UNVERIFIED: a known externalId is reported in duplicateCalls; what it brings is merged into the stored call (README).
    const update = CallUpdateInput.safeParse(raw);
    if (!update.success) return { externalId: 'This value is not valid.' };
    const {
      date,
      type,
      phone,
      code,
      userId,
      result,
      duration,
      durationWaiting,
      recordUrl,
      externalPhone,
    } = update.data;
    if (!knownUser(state, userId)) return { userId: 'User not found.' };
    Object.assign(existing, {
      ...(date !== undefined && { date }),
      ...(type !== undefined && { type }),
      ...(phone !== undefined && { phone }),
      ...(code !== undefined && { code }),
      ...(userId !== undefined && { userId }),
      ...(result !== undefined && { result }),
      ...(duration !== undefined && { duration }),
      ...(durationWaiting !== undefined && { durationWaiting }),
      ...(recordUrl !== undefined && { recordUrl }),
      ...(externalPhone !== undefined && { externalPhone }),
    });
    duplicates.push(existing.externalId ?? '');
    return null;
  }
  const parsed = CallInput.safeParse(raw);
  if (!parsed.success)
    return Object.fromEntries(
      parsed.error.issues.map((issue) => [
        issue.path.map(String).join('.'),
        'This value is not valid.',
      ]),
    );
  const call = parsed.data;
  if (!knownUser(state, call.userId)) return { userId: 'User not found.' };
  const id = state.ids.calls.allocate();
  const customerId = customerForCall(state, call.phone);
  state.calls.set(id, {
    id,
    date: call.date,
    type: call.type,
    phone: call.phone,
    result: call.result,
    ...(call.externalId !== undefined && { externalId: call.externalId }),
    ...(call.externalPhone !== undefined && { externalPhone: call.externalPhone }),
    ...(call.code !== undefined && { code: call.code }),
    ...(call.userId !== undefined && { userId: call.userId }),
    ...(call.duration !== undefined && { duration: call.duration }),
    ...(call.durationWaiting !== undefined && { durationWaiting: call.durationWaiting }),
    ...(call.recordUrl !== undefined && { recordUrl: call.recordUrl }),
    ...(customerId !== undefined && { customerId }),
  });
  return null;
}

function parseCalls(form: Params): unknown[] | null {
  const raw = str(form, 'calls');
  if (raw === undefined) return null;
  try {
    const json: unknown = JSON.parse(raw);
    return Array.isArray(json) ? json : null;
  } catch {
    return null;
  }
}

export const telephonyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v5/integration-modules/{code}',
    handle: (_req, params, state) => {
      const integrationModule = state.modules.get(params['code'] ?? '');
      return integrationModule ? ok({ integrationModule }) : notFound();
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/integration-modules/{code}/edit',
    handle: (req, params, state) => {
      const input = entity(req.form, 'integrationModule', ModuleInput);
      if (!input.ok) return input.reply;
      if (input.value.code !== params['code'])
        return invalid({ code: 'The code in the path and in the module differ.' });
      const known = state.modules.has(input.value.code);
      state.modules.set(input.value.code, {
        ...input.value,
        active: input.value.active ?? true,
      } as IntegrationModule);
      return ok({ info: {} }, known ? 200 : 201);
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/telephony/call/event',
    handle: (req, _params, state) => {
      const input = entity(req.form, 'event', CallEventInput);
      if (!input.ok) return input.reply;
      const telephony = telephonyModule(state)?.integrations?.telephony;
      if (!telephony) return NO_MODULE();
      const event = input.value;
      const supported =
        event.type === 'in'
          ? telephony.inputEventSupported
          : event.type === 'out'
            ? telephony.outputEventSupported
            : telephony.hangupEventSupported;
      if (supported !== true)
        return fail(400, `The "${event.type}" event is not supported by the integration`);
      const userIds = event.userIds ?? [];
      if (userIds.some((id) => !knownUser(state, id)))
        return invalid({ userIds: 'User not found.' });
      if ((event.codes ?? []).length === 0 && userIds.length === 0)
        return invalid({ codes: 'Either codes or userIds must be given.' });
      state.callEvents.push({
        phone: event.phone,
        type: event.type,
        codes: event.codes ?? [],
        userIds,
        ...(event.callExternalId !== undefined && { callExternalId: event.callExternalId }),
        ...(event.externalPhone !== undefined && { externalPhone: event.externalPhone }),
        ...(event.hangupStatus !== undefined && { hangupStatus: event.hangupStatus }),
      });
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: '/api/v5/telephony/calls/upload',
    handle: (req, _params, state) => {
      const calls = parseCalls(req.form);
      if (!calls) return fail(400, "Parameter 'calls' is missing");
      if (!telephonyModule(state)) return NO_MODULE();
      const duplicates: string[] = [];
      const errors: Record<string, string> = {};
      let processed = 0;
      calls.forEach((raw, index) => {
        const wrong = uploadOne(state, raw, duplicates);
        if (wrong)
          for (const [field, message] of Object.entries(wrong))
            errors[`calls[${index}][${field}]`] = message;
        else processed += 1;
      });
      if (Object.keys(errors).length > 0 && processed === 0) return invalid(errors);
      return ok({ processedCallsCount: processed - duplicates.length, duplicateCalls: duplicates });
    },
  },
  {
    method: 'GET',
    pattern: '/api/v5/telephony/manager',
    handle: (req, _params, state) => {
      const phone = str(req.query, 'phone');
      if (!phone) return fail(400, "Parameter 'phone' is missing");
      const details = str(req.query, 'details') === '1';
      // UNVERIFIED: the lookup matches the number as an uploaded call is linked (its last 9 digits).
      const customerId = customerForCall(state, phone);
      const customer = customerId === undefined ? undefined : state.customers.get(customerId);
      if (!customer) return ok({});
      const user =
        customer.managerId !== undefined ? state.users.get(customer.managerId) : undefined;
      const code = [...state.modules.values()]
        .flatMap((m) => m.integrations?.telephony?.additionalCodes ?? [])
        .find((c) => c.userId === user?.id)?.code;
      return ok({
        ...(user && {
          manager: {
            id: user.id,
            firstName: user.firstName,
            lastName: user.lastName,
            email: user.email,
            ...(code !== undefined && { code }),
          },
        }),
        ...(details && {
          customer: {
            id: customer.id,
            externalId: customer.externalId,
            firstName: customer.firstName,
            lastName: customer.lastName,
            email: customer.email,
            phones: customer.phones,
          },
          links: {
            newOrderLink: `/orders/add?phone=${encodeURIComponent(phone)}`,
            newCustomerLink: `/customers/add?phone=${encodeURIComponent(phone)}`,
            customerLink: `/customers/${customer.id}`,
          },
        }),
      });
    },
  },
];
