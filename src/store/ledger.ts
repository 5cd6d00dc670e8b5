import { clientMemoryKey, type ClientMemory } from '../domain/client-memory.js';
import type { Decision, DecisionContext } from '../domain/decision.js';
import type { Event } from '../domain/events.js';
import type { KeptMemory, PlanLedger, Recalled } from '../domain/ledger.js';
import { memoryKey } from '../domain/memory.js';
import type { Completion, Store } from './store.js';

/**
 * The plan ledger kept durably in the store, for one project's claimed events:
 *
 *   const ledger = new StoreLedger(store, projectId);
 *   const run = await runEvent(event, { project, crm, ledger });
 *   // applied / skipped → store.complete(…, { outcome, journal, ...ledger.completion() })
 *   // failed → store.scheduleRetry(…) or store.fail(…): the plan and its recorded ids stay for the retry
 *
 * The plan is in the store before its first CRM call and each operation's CRM
 * id the moment it landed (D13, style §2.9). The memory of a finished run is
 * handed to `complete`, so that it lands in one transaction with the event's
 * state and journal entry (D6); `complete` deletes the plan in that transaction
 * too (deleting it earlier would lose the recorded ids if completing failed).
 */
export class StoreLedger implements PlanLedger {
  private kept: KeptMemory | null = null;
  private keptClient: ClientMemory | null = null;

  constructor(
    private readonly store: Store,
    private readonly projectId: string,
  ) {}

  async recall(event: Event): Promise<Recalled> {
    const { memory, plan } = await this.store.getWorkState(
      this.projectId,
      memoryKey(event),
      event.eventId,
    );
    // D6: the inbox drops a re-delivered event id before it is stored (service §4, D8),
    // so an event claimed from it has not run whole before.
    return {
      memory,
      ranBefore: false,
      plan: plan && {
        decision: plan.decision,
        landed: plan.ids,
        sending: plan.sending,
        context: plan.context,
        decideAgain: plan.decideAgain,
      },
    };
  }

  savePlan(eventId: string, decision: Decision, context: DecisionContext): Promise<void> {
    return this.store.savePlan(this.projectId, eventId, decision, context);
  }

  replacePlan(eventId: string, decision: Decision, context: DecisionContext): Promise<void> {
    return this.store.replacePlan(this.projectId, eventId, decision, context);
  }

  sending(eventId: string, operationKey: string): Promise<void> {
    return this.store.markSending(this.projectId, eventId, operationKey);
  }

  landed(eventId: string, operationKey: string, crmId: string): Promise<void> {
    return this.store.recordOperation(this.projectId, eventId, operationKey, crmId);
  }

  recallClient(key: string): Promise<ClientMemory | null> {
    return this.store.getClientMemory(this.projectId, key);
  }

  finished(_eventId: string, memory: KeptMemory | null, client?: ClientMemory): Promise<void> {
    this.kept = memory;
    this.keptClient = client ?? null;
    return Promise.resolve();
  }

  /** What `complete` stores with the event: the call's or dialog's new memory and its client's, when they changed. */
  completion(): Pick<Completion, 'memory' | 'clientMemory'> {
    const client = this.keptClient;
    return {
      ...(this.kept && { memory: this.kept }),
      ...(client && { clientMemory: { key: clientMemoryKey(client.phone), memory: client } }),
    };
  }
}
