import type { OperationBody, Operation, SkippedAction } from '../domain/plan.js';
import { refTo } from '../domain/plan.js';
import type { ClientRecords, Contact, Deal, Lead, Organization } from '../domain/snapshot.js';

interface WorkingClient {
  contacts: Contact[];
  leads: Lead[];
  deals: Deal[];
  organizations: Organization[];
}

/**
 * Collects one event's operations. It keeps a working copy of the client so a
 * later action sees what an earlier one planned (D6: "a later moment sees the
 * records an earlier one created"). Pure: nothing leaves it but the plan.
 */
export class PlanBuilder {
  readonly operations: Operation[] = [];
  readonly skipped: SkippedAction[] = [];
  readonly client: WorkingClient;
  private counter = 0;

  constructor(
    private readonly eventId: string,
    client: ClientRecords,
  ) {
    this.client = {
      contacts: [...client.contacts],
      leads: [...client.leads],
      deals: [...client.deals],
      organizations: [...client.organizations],
    };
  }

  /** Adds an operation; returns the reference its record will be known by. */
  add(body: OperationBody, position?: number): string {
    const key = `${this.eventId}#${this.counter++}`;
    const operation = { ...body, key } as Operation;
    if (position === undefined) this.operations.push(operation);
    else this.operations.splice(position, 0, operation);
    const id = refTo(key);
    switch (body.op) {
      case 'create_contact':
        this.client.contacts.push({ ...body.record, id });
        break;
      case 'create_lead':
        this.client.leads.push({ ...body.record, id });
        break;
      case 'create_deal':
        this.client.deals.push({ ...body.record, id });
        break;
      case 'create_organization':
        this.client.organizations.push({ ...body.record, id });
        break;
      default:
        break;
    }
    return id;
  }

  /** The plan position of the operation that creates the record, if this plan creates it. */
  positionOf(id: string): number {
    return this.operations.findIndex((operation) => refTo(operation.key) === id);
  }

  /** Changes a record this plan creates, before it is sent (no extra update call). */
  amendCreated<T extends 'contacts' | 'deals'>(
    collection: T,
    id: string,
    change: Partial<WorkingClient[T][number]>,
  ): boolean {
    const position = this.positionOf(id);
    const operation = this.operations[position];
    if (!operation || (operation.op !== 'create_contact' && operation.op !== 'create_deal'))
      return false;
    this.operations[position] = {
      ...operation,
      record: { ...operation.record, ...change },
    } as Operation;
    const list = this.client[collection] as Array<{ id: string }>;
    const index = list.findIndex((record) => record.id === id);
    if (index >= 0) list[index] = { ...list[index], ...change } as { id: string };
    return true;
  }

  /** Applies a planned update to the working copy too. */
  patchWorking(collection: keyof WorkingClient, id: string, change: object): void {
    const list = this.client[collection] as Array<{ id: string }>;
    const index = list.findIndex((record) => record.id === id);
    if (index >= 0) list[index] = { ...list[index], ...change } as { id: string };
  }

  skip(action: SkippedAction['action'], reason: string): void {
    this.skipped.push({ action, reason });
  }
}
