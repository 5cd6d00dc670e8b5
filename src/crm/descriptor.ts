import { z } from 'zod';
import type { CrmId } from '../domain/crm-id.js';
import type { FieldEntity } from '../domain/project.js';
import type { Scenario } from '../domain/scenario.js';
import type { CrmProfile } from '../engine/profile.js';
import type { FitTexts, StorageCapabilities } from './capabilities.js';
import type { OAuthSupport } from './oauth.js';
import type { CrmField, CrmPipeline, CrmPort, Result } from './port.js';
import type { HostRule } from './http/hosts.js';
import type { RequestCounter } from './http/request-tally.js';

// What the rest of the code knows about one CRM, in one place: each CRM's
// folder exports its descriptor from index.ts, and registry.ts lists them.

/** What the admin API reads from a CRM beyond the port's users (service.md §2, G8). */
export interface CrmCatalog {
  listPipelines(): Promise<Result<CrmPipeline[]>>;
  listFields(entity: FieldEntity): Promise<Result<CrmField[]>>;
}

/** "Test connection": the CRM user the connection's credentials act as. */
export interface ConnectionProbe {
  currentUser(): Promise<Result<CrmIdentity>>;
}

/** A CRM user as "Test connection" shows it. */
export interface CrmIdentity {
  readonly id: string;
  readonly name: string;
  readonly email?: string | undefined;
}

/** A real CRM's adapter: the port the pipeline drives, and the catalogue the admin API reads. */
export type CrmAdapter = CrmPort & CrmCatalog;

/** What every adapter takes from the project: texts in its language (D12), its country (G1) and zone (D4). */
export interface AdapterOptions {
  readonly texts: FitTexts;
  readonly defaultCountry?: string | undefined;
  readonly timezone?: string | undefined;
  /** Requests per second; each client has its CRM's own default. */
  readonly ratePerSec?: number;
  /** Where the connection's requests may go, checked when each is made (docs/security.md); none: anywhere (tests, the sandbox). */
  readonly hosts?: HostRule;
  /** Counts each request the adapter sends, for the project's CRM requests per hour; none: not counted. */
  readonly requests?: RequestCounter;
}

/** Collections whose seeded records the emulators give native ids (service.md §7). */
export type SeededCollection = 'users' | 'contacts' | 'leads' | 'deals' | 'organizations';
/** Neutral id (as in `crm_state`) → native id, per collection, after `PUT /_emulator/state`. */
export type SeededIds = Partial<Record<SeededCollection, Readonly<Record<string, string>>>>;

/**
 * What the sandbox (src/sandbox) needs to run a scenario through this CRM's
 * adapter against its emulator (`simulate --via http`). The sandbox seeds the
 * emulator with `PUT /_emulator/state` and reads `GET /_emulator/ids`
 * (service.md §7); these say what differs per CRM.
 */
export interface SandboxSupport {
  /** Query parameters of `PUT /_emulator/state` (retailCRM: the zone its local times are seeded in). */
  readonly seedQuery?: (scenario: Scenario) => Readonly<Record<string, string>>;
  /** Set-up a user makes in the CRM's own UI, as `PUT /_emulator/{path}` bodies by path. */
  readonly emulatorSetup?: (scenario: Scenario) => Readonly<Record<string, unknown>>;
  /** The emulator's `GET /_emulator/ids` answer, as seeded ids by neutral collection. */
  readonly seededIds: (answer: unknown) => SeededIds;
  /** Adapter options a replay needs: it runs in milliseconds what real traffic spreads over minutes. */
  readonly replayOptions?: Pick<AdapterOptions, 'ratePerSec'>;
  /** What a user prepares in the account through the API before events flow (README, per CRM). */
  readonly prepareAccount?: (adapter: CrmAdapter, scenario: Scenario) => Promise<void>;
}

export interface CrmDescriptor {
  readonly id: CrmId;
  /** The CRM's own spelling of its name, for messages. */
  readonly name: string;
  /** The project's `connection` (service.md §2): the admin API validates it, the adapter reads it. */
  readonly connectionSchema: z.ZodType;
  /** The OAuth authorization-code flow, for CRMs that offer it ("Connect" in the admin app). */
  readonly oauth?: OAuthSupport;
  /** The CRM's own domains (crm-apis.md): a connection's URLs name one of these, or a sub-domain. */
  readonly domains: readonly string[];
  /** D12: what its records can hold. */
  readonly capabilities: StorageCapabilities;
  /** Its default matrix and entity semantics: engine data (engine/defaults), which decide reads. */
  readonly profile: CrmProfile;
  /** Builds the adapter from a project's connection; throws naming the bad fields. */
  createAdapter(connection: unknown, options: AdapterOptions): CrmAdapter;
  readonly sandbox: SandboxSupport;
}

const IdsByCollection = z.record(z.string(), z.record(z.string(), z.string()));

/** Emulators that answer `/_emulator/ids` by neutral collection names already (Zoho, Pipedrive, Salesforce). */
export const seededIdsByNeutralName = (answer: unknown): SeededIds => IdsByCollection.parse(answer);
