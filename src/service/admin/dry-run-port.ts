import type { CrmId } from '../../domain/crm-id.js';
import type { Operation } from '../../domain/plan.js';
import type { ClientRecords, Snapshot, User } from '../../domain/snapshot.js';
import type { FitTexts } from '../../crm/capabilities.js';
import { MemoryCrm } from '../../crm/memory/adapter.js';
import type { ClientLookup, CrmPort, Result } from '../../crm/port.js';

/**
 * The CRM as a dry run sees it (service.md §5): reads go to the real CRM,
 * writes land in a throwaway in-memory CRM seeded with every record the real
 * one returned so far.
 *
 * Why an overlay rather than a MemoryCrm seeded from a full snapshot: a real
 * CRM holds far more than one request touches, and a snapshot would cost
 * pages of API calls. The overlay reads only what the pipeline looks up (the
 * same calls a real run makes), and because each lookup is answered by the
 * scratch CRM after merging, a later event of the request finds the records
 * an earlier one would have created, updated as they would be, while the real
 * records it has not seen yet still come from the CRM.
 */
export class DryRunPort implements CrmPort {
  private scratch: MemoryCrm;
  private readonly known = new Set<string>();

  constructor(
    private readonly real: CrmPort,
    private readonly crm: CrmId,
    private readonly options: {
      readonly defaultCountry?: string | undefined;
      readonly texts: FitTexts;
    },
  ) {
    this.scratch = new MemoryCrm(crm, emptySnapshot(), options);
  }

  async findClient(lookup: ClientLookup): Promise<Result<ClientRecords>> {
    const found = await this.real.findClient(lookup);
    if (!found.ok) return found;
    await this.merge(found.value);
    return this.scratch.findClient(lookup);
  }

  apply(operation: Operation): Promise<Result<string>> {
    return this.scratch.apply(operation);
  }

  listUsers(): Promise<Result<User[]>> {
    return this.real.listUsers();
  }

  /** Adds the real records not seen before; records already in the scratch CRM keep their would-be state. */
  private async merge(client: ClientRecords): Promise<void> {
    const fresh = {
      contacts: client.contacts.filter((record) => this.isNew('contacts', record.id)),
      leads: client.leads.filter((record) => this.isNew('leads', record.id)),
      deals: client.deals.filter((record) => this.isNew('deals', record.id)),
      organizations: client.organizations.filter((record) =>
        this.isNew('organizations', record.id),
      ),
    };
    if (
      fresh.contacts.length +
        fresh.leads.length +
        fresh.deals.length +
        fresh.organizations.length ===
      0
    )
      return;
    const current = await this.scratch.snapshot();
    if (!current.ok) return;
    const seed = current.value;
    seed.contacts.push(...fresh.contacts);
    seed.leads.push(...fresh.leads);
    seed.deals.push(...fresh.deals);
    seed.organizations.push(...fresh.organizations);
    // Operation keys need not survive the rebuild: a dry run carries each plan out once.
    this.scratch = new MemoryCrm(this.crm, seed, this.options);
  }

  private isNew(collection: string, id: string): boolean {
    const key = `${collection}:${id}`;
    if (this.known.has(key)) return false;
    this.known.add(key);
    return true;
  }
}

function emptySnapshot(): Snapshot {
  return {
    users: [],
    contacts: [],
    leads: [],
    deals: [],
    organizations: [],
    tasks: [],
    comments: [],
    calls: [],
    notifications: [],
  };
}
