import { clientMemoryKey, type ClientMemory } from '../domain/client-memory.js';
import type { Decision, DecisionContext } from '../domain/decision.js';
import type { Event } from '../domain/events.js';
import type { KeptMemory, PlanLedger, Recalled } from '../domain/ledger.js';
import { memoryKey, type Memory } from '../domain/memory.js';

/** The plan ledger in memory, for `simulate`, the dry run and the benchmark: it lasts as long as the run of one scenario. */
export class InMemoryLedger implements PlanLedger {
  private readonly memories: Map<string, Memory>;
  private readonly ran: Set<string>;
  private readonly clients = new Map<string, ClientMemory>();
  private readonly plans = new Map<
    string,
    {
      decision: Decision;
      landed: Map<string, string>;
      sending: Set<string>;
      context: DecisionContext;
      decideAgain: false;
    }
  >();

  /** `from`: what a dry run starts from (the memories of calls under way, events already applied). */
  constructor(from: { memories?: Iterable<KeptMemory>; ran?: Iterable<string> } = {}) {
    this.memories = new Map([...(from.memories ?? [])].map(({ key, memory }) => [key, memory]));
    this.ran = new Set(from.ran);
  }

  recall(event: Event): Promise<Recalled> {
    const key = memoryKey(event);
    return Promise.resolve({
      memory: key === null ? null : (this.memories.get(key) ?? null),
      ranBefore: this.ran.has(event.eventId),
      plan: this.plans.get(event.eventId) ?? null,
    });
  }

  savePlan(eventId: string, decision: Decision, context: DecisionContext): Promise<void> {
    if (!this.plans.has(eventId))
      this.plans.set(eventId, {
        decision,
        landed: new Map(),
        sending: new Set(),
        context,
        decideAgain: false,
      });
    return Promise.resolve();
  }

  /** Nobody retries by hand within one scenario's run; kept for the interface. */
  replacePlan(eventId: string, decision: Decision, context: DecisionContext): Promise<void> {
    const plan = this.plans.get(eventId);
    if (plan) Object.assign(plan, { decision, context });
    return Promise.resolve();
  }

  sending(eventId: string, operationKey: string): Promise<void> {
    this.plans.get(eventId)?.sending.add(operationKey);
    return Promise.resolve();
  }

  landed(eventId: string, operationKey: string, crmId: string): Promise<void> {
    const plan = this.plans.get(eventId);
    plan?.sending.delete(operationKey);
    plan?.landed.set(operationKey, crmId);
    return Promise.resolve();
  }

  recallClient(key: string): Promise<ClientMemory | null> {
    return Promise.resolve(this.clients.get(key) ?? null);
  }

  finished(eventId: string, memory: KeptMemory | null, client?: ClientMemory): Promise<void> {
    if (memory) this.memories.set(memory.key, memory.memory);
    if (client) this.clients.set(clientMemoryKey(client.phone), client);
    this.plans.delete(eventId);
    this.ran.add(eventId);
    return Promise.resolve();
  }
}
