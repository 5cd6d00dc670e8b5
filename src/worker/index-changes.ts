import { normalisePhone } from '../domain/phone.js';
import type { Operation } from '../domain/plan.js';
import type { ClientRecords } from '../domain/snapshot.js';
import { resolveRefs, type JournalOperation } from '../pipeline/execute.js';
import type { IndexChange, IndexEntity } from '../store/store.js';

// G13: what a carried-out plan changes in the phone index, worked out from the
// plan and the ids the CRM returned (never by reading the CRM again).

/** Phones as the index keeps them: E.164 where valid, else as given (G1); empty strings dropped. */
export function indexPhones(
  raw: readonly string[] | undefined,
  defaultCountry: string | undefined,
): string[] {
  const phones = new Set<string>();
  for (const phone of raw ?? []) {
    if (phone.trim() === '') continue;
    phones.add(normalisePhone(phone, defaultCountry).e164 ?? phone);
  }
  return [...phones];
}

export interface PlanIndexInput {
  readonly plan: readonly Operation[];
  /** The journal's operations: one per plan operation, in plan order, with the CRM's ids. */
  readonly operations: readonly JournalOperation[];
  /** What the client lookup returned for this event (null when the plan was resumed without a lookup). */
  readonly client: ClientRecords | null;
  readonly defaultCountry: string | undefined;
  /** "Newer" for the index: records created by this plan are ordered by plan position from here. */
  readonly createdOrder: number;
}

export function indexChangesOf(input: PlanIndexInput): IndexChange[] {
  const { plan, operations, client, defaultCountry } = input;
  if (operations.length !== plan.length) return [];
  const ids = new Map(plan.map((operation, i) => [operation.key, operations[i]?.id ?? '']));
  /** Contact id → phones, from this plan's creations and the lookup: a deal's phones are its contact's. */
  const contactPhones = new Map<string, string[]>();
  for (const contact of client?.contacts ?? [])
    contactPhones.set(contact.id, indexPhones(contact.phones, defaultCountry));

  const changes: IndexChange[] = [];
  plan.forEach((planned, position) => {
    const operation = resolveRefs(planned, ids);
    const recordId = operations[position]?.id ?? '';
    const createdOrder = input.createdOrder + position;
    const created = (
      entity: IndexEntity,
      phones: string[],
      ownerId: string | null | undefined,
      contactId: string | null | undefined,
    ): void => {
      const record = { entity, recordId, phones, ownerUserId: ownerId ?? null, createdOrder };
      const ofContact = contactId ? contactPhones.get(contactId) : undefined;
      if (phones.length > 0 || !contactId) changes.push({ kind: 'record', record });
      else if (ofContact)
        changes.push({ kind: 'record', record: { ...record, phones: ofContact } });
      else
        changes.push({
          kind: 'record',
          record,
          phonesOf: { entity: 'contacts', recordId: contactId },
        });
    };
    switch (operation.op) {
      case 'create_contact': {
        const phones = indexPhones(operation.record.phones, defaultCountry);
        contactPhones.set(recordId, phones);
        changes.push({
          kind: 'record',
          record: {
            entity: 'contacts',
            recordId,
            phones,
            ownerUserId: operation.record.ownerId ?? null,
            createdOrder,
          },
        });
        return;
      }
      case 'create_lead':
        return created(
          'leads',
          indexPhones(operation.record.phones, defaultCountry),
          operation.record.ownerId,
          operation.record.contactId,
        );
      case 'create_deal':
        return created(
          'deals',
          indexPhones(operation.record.phones, defaultCountry),
          operation.record.ownerId,
          operation.record.contactId,
        );
      case 'update_contact':
      case 'update_lead':
      case 'update_deal': {
        if (operation.patch.ownerId === undefined) return;
        const entity = ENTITY_OF_UPDATE[operation.op];
        changes.push({
          kind: 'owner',
          entity,
          recordId: operation.id,
          ownerUserId: operation.patch.ownerId,
          phones: knownPhones(entity, operation.id),
        });
        return;
      }
      default:
        return;
    }
  });
  return changes;

  /** The phones the lookup saw on a re-owned record, used only when the index does not hold it yet. */
  function knownPhones(entity: IndexEntity, id: string): string[] {
    if (entity === 'contacts') return contactPhones.get(id) ?? [];
    const record = (entity === 'leads' ? client?.leads : client?.deals)?.find(
      (candidate) => candidate.id === id,
    );
    if (!record) return [];
    const own = indexPhones(record.phones, defaultCountry);
    return own.length > 0 || !record.contactId ? own : (contactPhones.get(record.contactId) ?? []);
  }
}

const ENTITY_OF_UPDATE = {
  update_contact: 'contacts',
  update_lead: 'leads',
  update_deal: 'deals',
} as const satisfies Record<string, IndexEntity>;
