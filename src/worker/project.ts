import { z } from 'zod';
import type { CrmId } from '../domain/crm-id.js';
import { EmployeesSchema, ProjectSettingsSchema, type Employee, type ProjectSettings } from '../domain/project.js';
import { projectContext } from '../engine/decide.js';
import type { ProjectContext } from '../engine/moment-context.js';
import type { ProjectRecord, Store } from '../store/store.js';

// A stored project as the ingest route and the workers need it: settings,
// employees, connection and webhook secrets, parsed once per project version.

export interface ProjectView {
  readonly id: string;
  readonly version: number;
  readonly crm: CrmId;
  readonly settings: ProjectSettings;
  readonly employees: readonly Employee[];
  /** service.md §2 `connection`; null when the document has none (the integration stays inactive). */
  readonly connection: unknown;
  readonly webhook: { readonly token?: string | undefined; readonly signingSecret?: string | undefined };
  /** `sources.<name>` members, validated by each source when bound. */
  readonly sources: Readonly<Record<string, unknown>>;
  /** The engine's view of the project (decide's input). */
  readonly context: ProjectContext;
}

/**
 * Turns a stored record into the whole document with its secrets opened.
 * The admin API decides how it splits secrets out; the service is wired with
 * the matching opener (see secrets.ts for the default).
 */
export type OpenProject = (record: ProjectRecord) => unknown;

const DocumentSchema = z.looseObject({
  project: ProjectSettingsSchema.default(ProjectSettingsSchema.parse({})),
  employees: EmployeesSchema.default([]),
  connection: z.unknown().optional(),
  webhook: z
    .looseObject({ token: z.string().min(1).optional(), signingSecret: z.string().min(1).optional() })
    .optional(),
  sources: z.record(z.string(), z.unknown()).optional(),
});

export function projectView(record: ProjectRecord, open: OpenProject): ProjectView {
  const document = DocumentSchema.parse(open(record));
  return {
    id: record.id,
    version: record.version,
    crm: record.crm,
    settings: document.project,
    employees: document.employees,
    connection: document.connection ?? null,
    webhook: { token: document.webhook?.token, signingSecret: document.webhook?.signingSecret },
    sources: document.sources ?? {},
    context: projectContext(record.crm, document.project, document.employees),
  };
}

/** Where ingest and the workers read projects from (the admin API's ProjectStore in `serve`, ProjectCache otherwise). */
export interface ProjectSource {
  /** The current view of the project, or null when it does not exist. */
  get(projectId: string): Promise<ProjectView | null>;
}

/** Parsed projects by id, rebuilt when the stored version moves on. */
export class ProjectCache implements ProjectSource {
  private readonly views = new Map<string, ProjectView>();

  constructor(
    private readonly store: Store,
    private readonly open: OpenProject,
  ) {}

  /** The current view of the project, or null when it does not exist. */
  async get(projectId: string): Promise<ProjectView | null> {
    const record = await this.store.getProject(projectId);
    if (!record) {
      this.views.delete(projectId);
      return null;
    }
    const cached = this.views.get(projectId);
    if (cached && cached.version === record.version) return cached;
    const view = projectView(record, this.open);
    this.views.set(projectId, view);
    return view;
  }
}
