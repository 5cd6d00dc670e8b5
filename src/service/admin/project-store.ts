import { z } from 'zod';
import type { PutProjectResult, Store } from '../../store/store.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { projectContext } from '../../engine/decide.js';
import type { ProjectSource, ProjectView } from '../../worker/project.js';
import { parseDocument, type ProjectDocument } from './document.js';
import { joinSecrets, splitSecrets, type SecretValues } from './secrets.js';

// Projects as the service uses them: the stored redacted document joined with
// its opened secrets and parsed again. The one project cache of a process:
// the admin API, ingest and the workers all load projects here.

export interface LoadedProject {
  readonly id: string;
  readonly version: number;
  readonly document: ProjectDocument;
  /** The stored document, secrets redacted: what GET shows. */
  readonly redacted: Record<string, unknown>;
  readonly secrets: SecretValues;
  /** The project as ingest, the workers and the CRM adapter registry take it. */
  readonly view: ProjectView;
}

export function loadedProject(
  id: string,
  version: number,
  document: ProjectDocument,
  redacted: Record<string, unknown>,
  secrets: SecretValues,
): LoadedProject {
  const view: ProjectView = {
    id,
    version,
    crm: document.crm,
    settings: document.project,
    employees: document.employees,
    connection: document.connection ?? null,
    webhook: document.webhook,
    alerts: document.alerts,
    sources: document.sources,
    context: projectContext(document.crm, document.project, document.employees),
  };
  return { id, version, document, redacted, secrets, view };
}

// Stored as the secret members at their document paths (`{ "connection": { "credentials": { … } } }`).
const SealedSchema = z.record(z.string(), z.unknown());

function flatten(value: unknown, prefix: string, out: SecretValues): SecretValues {
  if (typeof value === 'string') out[prefix] = value;
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value))
      flatten(item, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

function nest(values: SecretValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let holder = out;
    for (const key of keys.slice(0, -1)) holder = (holder[key] ??= {}) as Record<string, unknown>;
    holder[keys[keys.length - 1] ?? ''] = value;
  }
  return out;
}

/**
 * Loads and caches projects by id and version: the routing answer (G13) and
 * ingest authentication read a project on every request, and opening the
 * secrets and parsing the document once per version keeps that cheap.
 */
export class ProjectStore implements ProjectSource {
  private readonly cache = new Map<string, LoadedProject>();
  /** When each cached project's version was last checked against the store. */
  private readonly checkedAt = new Map<string, number>();

  /**
   * `trustMs`: how long a checked version is taken as current without asking
   * the store again. 0 (the default) checks on every load; serve's HTTP side
   * trusts a second, since every change to a project goes through its own
   * save() (which drops the entry at once) — only another `serve` process on
   * the same database could change one behind it.
   */
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    private readonly cacheLimit = 1000,
    private readonly trustMs = 0,
    private readonly clock: () => number = Date.now,
  ) {}

  async load(id: string): Promise<LoadedProject | null> {
    // The version alone decides whether the cached parse still holds (issue 10: reading and
    // parsing the whole row on every request was 13 % of ingest's CPU).
    const known = this.cache.get(id);
    if (known) {
      const now = this.clock();
      if (this.trustMs > 0 && now - (this.checkedAt.get(id) ?? -Infinity) < this.trustMs)
        return known;
      const version = await this.store.getProjectVersion(id);
      if (version === known.version) {
        this.checkedAt.set(id, now);
        return known;
      }
    }
    const record = await this.store.getProject(id);
    if (!record) {
      this.cache.delete(id);
      return null;
    }
    const cached = this.cache.get(id);
    if (cached && cached.version === record.version) return cached;
    const secrets =
      record.secrets === ''
        ? {}
        : flatten(SealedSchema.parse(JSON.parse(this.box.open(record.secrets, id))), '', {});
    const parsed = parseDocument(joinSecrets(record.document, secrets));
    // A stored document was valid when saved; failing now means the schemas changed under it.
    if (!parsed.ok)
      throw new Error(
        `project ${id}: the stored document no longer validates: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      );
    const loaded = loadedProject(
      id,
      record.version,
      parsed.value,
      record.document as Record<string, unknown>,
      secrets,
    );
    if (this.cache.size >= this.cacheLimit) this.cache.delete(this.cache.keys().next().value ?? '');
    this.cache.set(id, loaded);
    this.checkedAt.set(id, this.clock());
    return loaded;
  }

  /** The project's view (ProjectSource), or null when it does not exist. */
  async get(id: string): Promise<ProjectView | null> {
    return (await this.load(id))?.view ?? null;
  }

  /** Seals the secrets and stores the redacted document; `expectedVersion` guards a read-modify-write (0: must not exist). */
  async save(
    id: string,
    document: ProjectDocument,
    now: Date,
    expectedVersion?: number,
  ): Promise<PutProjectResult & { redacted: Record<string, unknown> }> {
    const { redacted, secrets } = splitSecrets(document);
    const result = await this.store.putProject({
      id,
      crm: document.crm,
      document: redacted,
      secrets: this.box.seal(JSON.stringify(nest(secrets)), id),
      now,
      ...(expectedVersion !== undefined && { expectedVersion }),
    });
    this.cache.delete(id);
    this.checkedAt.delete(id);
    return { ...result, redacted };
  }

  async delete(id: string): Promise<boolean> {
    this.cache.delete(id);
    this.checkedAt.delete(id);
    return this.store.deleteProject(id);
  }
}
