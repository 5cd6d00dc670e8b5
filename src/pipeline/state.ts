import type { Event } from '../domain/events.js';
import type { Memory } from '../engine/memory.js';
import type { Decision } from '../engine/decision.js';

/** A decided plan waiting to be (re)executed, with the keys already carried out. */
export interface PendingPlan {
  readonly decision: Decision;
  readonly ids: Map<string, string>;
}

/**
 * What the pipeline keeps between events: call / dialog memory, seen event
 * ids, and plans under way. The service stores it durably; `simulate` keeps
 * it in memory.
 */
export interface PipelineState {
  memory(key: string): Memory | null;
  saveMemory(key: string, memory: Memory): void;
  seen(event: Event): boolean;
  markSeen(event: Event): void;
  pending(eventId: string): PendingPlan | null;
  savePending(eventId: string, plan: PendingPlan): void;
  clearPending(eventId: string): void;
}

export class InMemoryState implements PipelineState {
  private readonly memories = new Map<string, Memory>();
  private readonly seenIds = new Set<string>();
  private readonly plans = new Map<string, PendingPlan>();

  memory(key: string): Memory | null {
    return this.memories.get(key) ?? null;
  }
  saveMemory(key: string, memory: Memory): void {
    this.memories.set(key, memory);
  }
  seen(event: Event): boolean {
    return this.seenIds.has(event.eventId);
  }
  markSeen(event: Event): void {
    this.seenIds.add(event.eventId);
  }
  pending(eventId: string): PendingPlan | null {
    return this.plans.get(eventId) ?? null;
  }
  savePending(eventId: string, plan: PendingPlan): void {
    this.plans.set(eventId, plan);
  }
  clearPending(eventId: string): void {
    this.plans.delete(eventId);
  }
}
