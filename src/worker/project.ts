import type { AlertSettings } from '../domain/alerts.js';
import type { CrmId } from '../domain/crm-id.js';
import type { Employee, ProjectSettings } from '../domain/project.js';
import type { ProjectContext } from '../engine/moment-context.js';

// A stored project as ingest, the workers and the CRM registry need it:
// settings, employees, connection and webhook secrets, parsed once per
// project version (by src/service/admin/project-store.ts, the one cache).

export interface ProjectView {
  readonly id: string;
  readonly version: number;
  readonly crm: CrmId;
  readonly settings: ProjectSettings;
  readonly employees: readonly Employee[];
  /** service.md §2 `connection`; null when the document has none (the integration stays inactive). */
  readonly connection: unknown;
  readonly webhook: {
    readonly token?: string | undefined;
    readonly signingSecret?: string | undefined;
  };
  /** Issue 11 item 6: the alert webhook (URL, signing secret) and the failed-events threshold. */
  readonly alerts?: AlertSettings | undefined;
  /** `sources.<name>` members, validated by each source when bound. */
  readonly sources: Readonly<Record<string, unknown>>;
  /** The engine's view of the project (decide's input). */
  readonly context: ProjectContext;
}

/** Where ingest and the workers read projects from (ProjectStore in the service). */
export interface ProjectSource {
  /** The current view of the project, or null when it does not exist. */
  get(projectId: string): Promise<ProjectView | null>;
}
