import type { ProjectRecord } from '../store/store.js';
import type { OpenProject } from './project.js';

// The default layout of a stored project: `document` is the project document
// without its secrets; `secrets` is the secret members (same paths) as JSON,
// sealed with CALLMATRIX_SECRET_KEY and bound to the project id.

/** What opens and seals a project's secrets (the service's SecretBox). */
export interface Sealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored document with the secrets laid over it, member by member. */
export function withSecrets(document: unknown, secrets: unknown): unknown {
  if (!isObject(document) || !isObject(secrets)) return secrets === undefined ? document : secrets;
  const out: Record<string, unknown> = { ...document };
  for (const [name, value] of Object.entries(secrets)) out[name] = withSecrets(document[name], value);
  return out;
}

export function sealedProjectOpener(box: Sealer): OpenProject {
  return (record: ProjectRecord) => {
    const secrets = record.secrets === '' ? {} : (JSON.parse(box.open(record.secrets, record.id)) as unknown);
    return withSecrets(record.document, secrets);
  };
}

export function sealProjectSecrets(box: Sealer, projectId: string, secrets: unknown): string {
  return box.seal(JSON.stringify(secrets), projectId);
}
