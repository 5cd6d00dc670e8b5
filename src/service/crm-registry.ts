import { z } from 'zod';
import { fitTexts } from '../crm/capabilities.js';
import type { AdapterOptions } from '../crm/descriptor.js';
import { MemoryConnectionSchema, MemoryCrm, isMemoryConnection } from '../crm/memory/index.js';
import { CrmError, err, type CrmPort, type Result } from '../crm/port.js';
import { CRMS } from '../crm/registry.js';
import { hostRule, type HostRule } from '../crm/http/hosts.js';
import type { RequestCounter, RequestTally } from '../crm/http/request-tally.js';
import type { SandboxCrm } from '../crm/snapshotting.js';
import type { CrmId } from '../domain/crm-id.js';
import type { ProjectSettings } from '../domain/project.js';
import { SnapshotSchema } from '../domain/snapshot.js';
import type { ProjectView } from '../worker/project.js';
import { connectionUrlProblems } from './admin/connection.js';

// The CRM port of each project's connection (service.md §2), from a registry
// keyed by CrmId that the compiler checks complete (style §2.2).

export interface AdapterInput {
  readonly projectId: string;
  readonly crm: CrmId;
  readonly connection: unknown;
  readonly settings: ProjectSettings;
  /** Where this project's requests may go, checked when each is made (docs/security.md). */
  readonly hosts: HostRule;
  /** Counts the project's CRM requests (GET …/stats); absent: not counted. */
  readonly requests?: RequestCounter | undefined;
}

export type AdapterFactory = (input: AdapterInput) => CrmPort;

/** What every adapter takes from the project: texts in its language (D12), its country (G1) and zone (D4). */
const common = ({ settings, hosts, requests }: AdapterInput): AdapterOptions => ({
  texts: fitTexts(settings.language),
  defaultCountry: settings.defaultCountry,
  timezone: settings.timezone,
  hosts,
  ...(requests && { requests }),
});

/** The adapter of a project's connection, from its CRM's descriptor (crm/registry.ts). */
const fromDescriptor: AdapterFactory = (input) =>
  CRMS[input.crm].createAdapter(input.connection, common(input));

/**
 * An adapter that cannot be built (a connection the schema refuses): every call
 * fails permanently, visible in the dead letter. A connection whose hosts are
 * no longer allowed fails as `reauth`: the integration turns broken with the
 * reason and holds the events until a person acts (G10).
 */
function refusing(message: string, kind: 'permanent' | 'reauth' = 'permanent'): CrmPort {
  const refuse = <T>(): Promise<Result<T>> => Promise.resolve(err<T>(new CrmError(kind, message)));
  return { findClient: refuse, apply: refuse, listUsers: refuse };
}

export class CrmRegistry {
  private readonly memories = new Map<string, { crm: CrmId; port: MemoryCrm }>();
  // One adapter per project version: it holds the token, the pacing and the keys it carried out.
  private readonly real = new Map<string, { version: number; port: CrmPort }>();

  /**
   * `allowCrmHosts`: CALLMATRIX_ALLOW_CRM_HOSTS as this process was started,
   * applied to saved connections too: one saved under a wider list is refused.
   * `tally`: where each project's CRM requests are counted (none: not counted).
   */
  constructor(
    private readonly allowCrmHosts: readonly string[] = [],
    private readonly adapterFor: AdapterFactory = fromDescriptor,
    private readonly tally?: RequestTally,
  ) {}

  portFor(project: ProjectView): CrmPort {
    const { id, crm, connection, settings } = project;
    const refused = this.hostProblems(crm, connection);
    if (!isMemoryConnection(connection)) {
      const kept = this.real.get(id);
      if (kept && kept.version === project.version) return kept.port;
      const hosts = hostRule({ crm, domains: CRMS[crm].domains, allowHosts: this.allowCrmHosts });
      let port: CrmPort;
      try {
        const requests = this.tally?.counterFor(id);
        port = this.adapterFor({ projectId: id, crm, connection, settings, hosts, requests });
        if (refused) port = refusing(refused, 'reauth');
      } catch (error) {
        port = refusing(`the ${crm} connection cannot be used: ${(error as Error).message}`);
      }
      this.real.set(id, { version: project.version, port });
      return port;
    }
    const memory =
      connection === null ? { kind: 'memory' as const } : MemoryConnectionSchema.parse(connection);
    if (memory.baseUrl !== undefined)
      return refused ? refusing(refused, 'reauth') : new RemoteMemoryCrm(memory.baseUrl);
    const kept = this.memories.get(id);
    if (kept && kept.crm === crm) return kept.port;
    const port = new MemoryCrm(crm, memory.state ?? SnapshotSchema.parse({}), {
      defaultCountry: settings.defaultCountry,
      texts: fitTexts(settings.language),
    });
    this.memories.set(id, { crm, port });
    return port;
  }

  /** Why the saved connection's URLs may not be called under today's CALLMATRIX_ALLOW_CRM_HOSTS, or null. */
  private hostProblems(crm: CrmId, connection: unknown): string | null {
    if (typeof connection !== 'object' || connection === null) return null;
    const problems = connectionUrlProblems(crm, connection, this.allowCrmHosts);
    if (problems.length === 0) return null;
    const list = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
    return `the saved connection may not be used under CALLMATRIX_ALLOW_CRM_HOSTS as set now (${list}); change the connection or the setting, then activate`;
  }

  /** The in-process memory CRM of a project, when it has one (tests read its snapshot). */
  memoryOf(projectId: string): SandboxCrm | null {
    return this.memories.get(projectId)?.port ?? null;
  }
}

const ResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      kind: z.enum(['retryable', 'permanent', 'reauth']),
      message: z.string(),
      retryAfterMs: z.number().optional(),
    }),
  }),
]);

/**
 * The port spoken over loopback HTTP to an in-memory CRM in another process
 * (`POST {baseUrl}/port/{method}`, the arguments as JSON, a Result back).
 * Its values are the MemoryCrm's own, trusted as the in-process port's are.
 */
export class RemoteMemoryCrm implements SandboxCrm {
  constructor(private readonly baseUrl: string) {}

  findClient(lookup: Parameters<CrmPort['findClient']>[0]): ReturnType<CrmPort['findClient']> {
    return this.call('findClient', lookup);
  }
  apply(operation: Parameters<CrmPort['apply']>[0]): ReturnType<CrmPort['apply']> {
    return this.call('apply', operation);
  }
  listUsers(): ReturnType<CrmPort['listUsers']> {
    return this.call('listUsers', null);
  }
  snapshot(): ReturnType<SandboxCrm['snapshot']> {
    return this.call('snapshot', null);
  }

  private async call<T>(method: string, body: unknown): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/port/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      return err(new CrmError('retryable', `CRM unreachable: ${(error as Error).message}`));
    }
    if (response.status >= 500)
      return err(new CrmError('retryable', `CRM answered ${response.status}`));
    const parsed = ResultSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success)
      return err(new CrmError('retryable', 'CRM answered with an unreadable body'));
    if (parsed.data.ok) return { ok: true, value: parsed.data.value as T };
    const { kind, message, retryAfterMs } = parsed.data.error;
    return err(new CrmError(kind, message, retryAfterMs));
  }
}
