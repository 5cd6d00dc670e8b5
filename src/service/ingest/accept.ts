import type { Event } from '../../domain/events.js';
import type { InsertResult, Store } from '../../store/store.js';
import type { OrderingKeys } from '../../worker/ordering.js';
import type { ProjectView } from '../../worker/project.js';

/** What the ingest routes share once a request's events are known: choose their ordering keys (D7), store them in one commit. */
export interface Acceptor {
  accept(project: ProjectView, events: readonly Event[], now: Date): Promise<InsertResult>;
}

export function acceptor(
  store: Store,
  ordering: OrderingKeys,
  accepted: (projectId: string, result: InsertResult) => void,
): Acceptor {
  return {
    async accept(project, events, now) {
      const keys = await ordering.assign(project.id, events, project.settings.defaultCountry);
      const result = await store.insertEvents(
        project.id,
        events.map((event, i) => ({ event, orderingKey: keys[i] ?? `event:${event.eventId}` })),
        now,
      );
      accepted(project.id, result);
      return result;
    },
  };
}
