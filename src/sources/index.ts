import type { Parsed } from '../domain/problems.js';
import { bindSource, type BoundSource, type Source } from './common/source.js';
import { twilio } from './twilio/index.js';
import type { TwilioSettings } from './twilio/schema.js';
import { zadarma } from './zadarma/index.js';
import type { ZadarmaSettings } from './zadarma/schema.js';

// Every telephony format the service mounts at /v1/projects/{project}/sources/{name} (service.md §4).
// Adding a source means adding it here; the compiler then checks the route's table too.

export interface SourceSettings {
  twilio: TwilioSettings;
  zadarma: ZadarmaSettings;
}
export type SourceName = keyof SourceSettings;

export const sources: { readonly [Name in SourceName]: Source<SourceSettings[Name]> } = {
  twilio,
  zadarma,
};
export const SOURCE_NAMES = Object.keys(sources) as SourceName[];

// Per name, so a route holding only a name (a union) gets a BoundSource without casts.
const binders: { readonly [Name in SourceName]: (settings: unknown) => Parsed<BoundSource> } = {
  twilio: (settings) => bindSource(sources.twilio, settings),
  zadarma: (settings) => bindSource(sources.zadarma, settings),
};

/** Validates the project's `sources.<name>` member and binds that source to it. */
export function bindSourceNamed(name: SourceName, settings: unknown): Parsed<BoundSource> {
  return binders[name](settings);
}

export function isSourceName(name: string): name is SourceName {
  return Object.hasOwn(sources, name);
}

export {
  bindSource,
  type BoundSource,
  type ParseContext,
  type Verdict,
  type Refusal,
  type Acknowledgement,
} from './common/source.js';
export { zadarmaEcho } from './zadarma/echo.js';
export {
  verifyWebhook,
  verifyBearer,
  verifySignature,
  sign as signWebhook,
  type WebhookCredentials,
} from './standard-webhooks/verify.js';
export {
  problemBody,
  problemStatus,
  PROBLEM_CONTENT_TYPE,
  type ProblemKind,
  type ProblemBody,
} from './common/problem.js';
