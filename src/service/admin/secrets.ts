import { randomBytes } from 'node:crypto';
import type { Problem } from '../../domain/problems.js';
import { URL_MEMBERS } from './connection.js';
import { REDACTED, SOURCE_SETTINGS, type ProjectDocument } from './document.js';

// Secrets are write-only (service.md §2): the stored document carries
// "redacted" in their place, their values live apart, sealed with
// CALLMATRIX_SECRET_KEY. Paths are dotted (`connection.credentials.apiToken`).

export type SecretValues = Record<string, string>;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The secret members present in a (raw or parsed) document, as [holder, member, dotted path]. */
function secretSlots(doc: Json): Array<[Json, string, string]> {
  const slots: Array<[Json, string, string]> = [];
  const connection = doc['connection'];
  if (isObject(connection) && isObject(connection['credentials'])) {
    const credentials = connection['credentials'];
    for (const member of Object.keys(credentials))
      slots.push([credentials, member, `connection.credentials.${member}`]);
  }
  const webhook = doc['webhook'];
  if (isObject(webhook))
    for (const member of ['token', 'signingSecret'])
      if (member in webhook) slots.push([webhook, member, `webhook.${member}`]);
  const alerts = doc['alerts'];
  if (isObject(alerts) && 'signingSecret' in alerts)
    slots.push([alerts, 'signingSecret', 'alerts.signingSecret']);
  const sources = doc['sources'];
  if (isObject(sources)) {
    for (const [name, settings] of Object.entries(sources)) {
      const known = SOURCE_SETTINGS[name];
      if (!known || !isObject(settings)) continue;
      for (const member of known.secrets)
        if (member in settings) slots.push([settings, member, `sources.${name}.${member}`]);
    }
  }
  return slots;
}

export interface Prepared {
  /** The input with "redacted" swapped for stored values and absent webhook secrets filled in. */
  readonly document: unknown;
  /** Webhook secrets the service generated now: shown in clear in this one answer. */
  readonly generated: SecretValues;
  readonly problems: Problem[];
}

const originOf = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
};

/**
 * The servers (origins) the new connection names that the stored one did not:
 * a stored credential goes only where it went before (docs/security.md).
 */
function newOrigins(connection: unknown, storedConnection: unknown): string[] {
  if (!isObject(connection)) return [];
  const before = isObject(storedConnection) ? storedConnection : {};
  const known = new Set(URL_MEMBERS.map((member) => originOf(before[member])));
  return URL_MEMBERS.map((member) => originOf(connection[member])).filter(
    (origin): origin is string => origin !== null && !known.has(origin),
  );
}

/**
 * Before validation: a secret sent as "redacted" keeps its stored value (a
 * connection's credentials only while the connection names no new server); a
 * webhook token or signing secret that is absent keeps the stored one, or is
 * generated when there is none (so a PBX already configured keeps working
 * after a PUT that simply left the webhook out).
 */
export function prepareSecrets(
  input: unknown,
  stored: SecretValues,
  storedConnection: unknown = null,
): Prepared {
  if (!isObject(input)) return { document: input, generated: {}, problems: [] };
  const doc = structuredClone(input);
  const problems: Problem[] = [];
  const moved = newOrigins(doc['connection'], storedConnection);
  for (const [holder, member, path] of secretSlots(doc)) {
    if (holder[member] !== REDACTED) continue;
    const value = stored[path];
    if (path.startsWith('connection.') && moved.length > 0 && value !== undefined)
      problems.push({
        path,
        message: `the connection names a new server (${moved.join(', ')}): send the secret again, "${REDACTED}" keeps it only for the servers it was given for`,
      });
    else if (value === undefined)
      problems.push({
        path,
        message: `"${REDACTED}" keeps the stored secret, but none is stored: send the value`,
      });
    else holder[member] = value;
  }
  const generated: SecretValues = {};
  if (doc['webhook'] === undefined) doc['webhook'] = {};
  const webhook = doc['webhook'];
  if (isObject(webhook)) {
    const fresh = {
      token: () => randomBytes(32).toString('base64url'),
      signingSecret: () => `whsec_${randomBytes(24).toString('base64')}`,
    };
    for (const member of ['token', 'signingSecret'] as const) {
      if (webhook[member] !== undefined) continue;
      const kept = stored[`webhook.${member}`];
      if (kept !== undefined) webhook[member] = kept;
      else webhook[member] = generated[`webhook.${member}`] = fresh[member]();
    }
  }
  return { document: doc, generated, problems };
}

/** A parsed document split into its redacted form (to store and show) and its secret values (to seal). */
export function splitSecrets(document: ProjectDocument): { redacted: Json; secrets: SecretValues } {
  const redacted = structuredClone(document) as unknown as Json;
  const secrets: SecretValues = {};
  for (const [holder, member, path] of secretSlots(redacted)) {
    const value = holder[member];
    if (typeof value !== 'string') continue;
    secrets[path] = value;
    holder[member] = REDACTED;
  }
  return { redacted, secrets };
}

/** The stored redacted document with its secrets put back. */
export function joinSecrets(redacted: unknown, secrets: SecretValues): unknown {
  if (!isObject(redacted)) return redacted;
  const doc = structuredClone(redacted);
  for (const [holder, member, path] of secretSlots(doc)) {
    const value = secrets[path];
    if (value !== undefined) holder[member] = value;
  }
  return doc;
}

/** The redacted document with the secrets generated by this request shown in clear (service.md §2: this once). */
export function revealGenerated(redacted: Json, generated: SecretValues): Json {
  return joinSecrets(redacted, generated) as Json;
}
