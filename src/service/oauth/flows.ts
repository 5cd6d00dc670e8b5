import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CrmId } from '../../domain/crm-id.js';
import type { Principal } from '../auth/access.js';

// The OAuth flows under way in this process. A flow is started by a signed-in
// request (a bearer key that may act for the project) and finished by the
// browser's redirect back from the CRM, which carries no key: the `state` is
// what ties the two together. It names the flow and is signed with a key that
// never leaves the process; the flow itself (its project, its CRM, who
// started it, its PKCE verifier) stays here, is taken once, and expires.

export const FLOW_TTL_MS = 10 * 60_000;
/** Flows held at once: the oldest go first beyond it (a flood of starts cannot exhaust memory). */
const MAX_FLOWS = 10_000;

export interface Flow {
  readonly id: string;
  readonly crm: CrmId;
  readonly projectId: string;
  readonly startedBy: Principal;
  /** The OAuth server the authorize page was on (the token endpoint's default). */
  readonly server: string;
  readonly redirectUri: string;
  /** Where in the admin app the browser returns (a `#/…` route). */
  readonly returnTo: string;
  /** PKCE's secret half (RFC 7636), sent with the code; null for CRMs without PKCE. */
  readonly codeVerifier: string | null;
  readonly expiresAt: number;
}

export type Taken =
  { readonly ok: true; readonly flow: Flow } | { readonly ok: false; readonly reason: string };

export class OAuthFlows {
  private readonly key = randomBytes(32);
  private readonly flows = new Map<string, Flow>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Starts a flow; answers it with its state (for the authorize URL) and its PKCE challenge. */
  start(input: Omit<Flow, 'id' | 'expiresAt' | 'codeVerifier'> & { readonly pkce: boolean }): {
    flow: Flow;
    state: string;
    codeChallenge: string | null;
  } {
    this.sweep();
    const { pkce, ...rest } = input;
    const codeVerifier = pkce ? randomBytes(32).toString('base64url') : null;
    const flow: Flow = {
      ...rest,
      id: randomBytes(16).toString('base64url'),
      codeVerifier,
      expiresAt: this.clock() + FLOW_TTL_MS,
    };
    if (this.flows.size >= MAX_FLOWS) this.flows.delete(this.flows.keys().next().value ?? '');
    this.flows.set(flow.id, flow);
    const codeChallenge =
      codeVerifier === null ? null : createHash('sha256').update(codeVerifier).digest('base64url');
    return { flow, state: `${flow.id}.${this.sign(flow)}`, codeChallenge };
  }

  /**
   * The flow a callback's state names, taken out (a state is good once), for
   * this CRM; refused when the signature, the CRM or the time do not match.
   */
  take(state: string, crm: CrmId): Taken {
    const [id = '', signature = '', ...rest] = state.split('.');
    const flow = this.flows.get(id);
    if (!flow || rest.length > 0) return { ok: false, reason: 'unknown or already used state' };
    if (!same(signature, this.sign(flow)) || flow.crm !== crm)
      return { ok: false, reason: 'the state does not match its flow' };
    this.flows.delete(id);
    if (flow.expiresAt <= this.clock())
      return { ok: false, reason: 'the state expired: start again' };
    return { ok: true, flow };
  }

  private sign(flow: Flow): string {
    const who =
      flow.startedBy.kind === 'operator' ? 'operator' : `project:${flow.startedBy.projectId}`;
    return createHmac('sha256', this.key)
      .update([flow.id, flow.crm, flow.projectId, who, flow.redirectUri].join('\n'))
      .digest('base64url');
  }

  private sweep(): void {
    const now = this.clock();
    for (const [id, flow] of this.flows) if (flow.expiresAt <= now) this.flows.delete(id);
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
