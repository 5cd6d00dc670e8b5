import { describe, expect, it } from 'vitest';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import { PipedriveAdapter } from '../../src/crm/pipedrive/adapter.js';
import { CrmRegistry, RemoteMemoryCrm } from '../../src/service/crm-registry.js';
import { ProjectSettingsSchema } from '../../src/domain/project.js';
import { projectContext } from '../../src/engine/decide.js';
import type { ProjectView } from '../../src/worker/project.js';

// style §2.2: the registry keyed by CrmId builds the port of a project's connection.

function view(connection: unknown, version = 1): ProjectView {
  const settings = ProjectSettingsSchema.parse({ defaultCountry: 'UA' });
  return {
    id: 'acme',
    version,
    crm: 'pipedrive',
    settings,
    employees: [],
    connection,
    webhook: {},
    sources: {},
    context: projectContext('pipedrive', settings, []),
  };
}

describe('CRM registry', () => {
  it('a memory connection (or none) is one in-memory CRM per project, kept across versions', () => {
    const registry = new CrmRegistry(['127.0.0.1']);
    const first = registry.portFor(view({ kind: 'memory' }));
    expect(first).toBeInstanceOf(MemoryCrm);
    expect(registry.portFor(view(null, 2))).toBe(first);
  });

  it('a memory connection with a baseUrl speaks to a CRM in another process', () => {
    expect(
      new CrmRegistry(['127.0.0.1']).portFor(
        view({ kind: 'memory', baseUrl: 'http://127.0.0.1:9' }),
      ),
    ).toBeInstanceOf(RemoteMemoryCrm);
  });

  it('a real connection gets its CRM adapter, one per project version; an unusable one fails permanently', async () => {
    const registry = new CrmRegistry(['127.0.0.1']);
    const connection = {
      baseUrl: 'https://acme.pipedrive.com',
      credentials: { apiToken: 'secret' },
    };
    const port = registry.portFor(view(connection));
    expect(port).toBeInstanceOf(PipedriveAdapter);
    expect(registry.portFor(view(connection))).toBe(port);
    expect(registry.portFor(view(connection, 2))).not.toBe(port);
    const broken = registry.portFor(view({ baseUrl: 'x' }, 3));
    const result = await broken.findClient({ phone: null, created: null });
    expect(result.ok ? null : result.error.kind).toBe('permanent');
  });
});
