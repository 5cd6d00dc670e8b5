import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CRM_IDS, type CrmId } from '../../domain/crm-id.js';
import { exchangeCode, type OAuthSupport } from '../../crm/oauth.js';
import { CrmError } from '../../crm/port.js';
import { CRMS } from '../../crm/registry.js';
import { authorize } from '../auth/access.js';
import { connectionUrlProblems } from '../admin/connection.js';
import { parseOr, sendProblem, type AdminContext } from '../admin/context.js';
import { saveDocument } from '../admin/save.js';
import { joinSecrets } from '../admin/secrets.js';
import type { OAuthApp, OAuthApps } from './apps.js';
import {
  OAuthCallbackQuerySchema,
  OAuthStartSchema,
  type OAuthStart,
  type OAuthStarted,
} from './contracts.js';
import { OAuthFlows, type Flow } from './flows.js';
import { consentRefusal } from './refusal.js';

// "Connect" (docs/oauth.md): POST or GET /v1/oauth/{crm}/start answers the
// CRM's authorize URL for a project; the CRM sends the browser back to
// GET /v1/oauth/{crm}/callback, which exchanges the code, saves the connection
// (its refresh token sealed with the other secrets) and sends the browser back
// to the admin app.

type CrmParams = { crm: string };
type Json = Record<string, unknown>;

function oauthCrm(crm: string, reply: FastifyReply): { crm: CrmId; support: OAuthSupport } | null {
  const known = (CRM_IDS as readonly string[]).includes(crm);
  const support = known ? CRMS[crm as CrmId].oauth : undefined;
  if (support) return { crm: crm as CrmId, support };
  const offered = CRM_IDS.filter((id) => CRMS[id].oauth !== undefined).join(', ');
  void sendProblem(reply, 'not-found', {
    detail: `no OAuth flow for "${crm}": expected one of ${offered}`,
  });
  return null;
}

/** Why this OAuth server may not be called for the CRM (the connection's host rule), or null. */
function serverRefusal(
  ctx: AdminContext,
  crm: CrmId,
  support: OAuthSupport,
  server: string,
): string | null {
  const problems = connectionUrlProblems(
    crm,
    { [support.server.member]: server },
    ctx.allowCrmHosts,
  );
  return problems[0]
    ? `${problems[0].path.replace(/^connection\./, '')}: ${problems[0].message}`
    : null;
}

function publicBase(apps: OAuthApps, request: FastifyRequest): string {
  return (apps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

export function registerOAuthRoutes(
  app: FastifyInstance,
  ctx: AdminContext,
  apps: OAuthApps,
  flows = new OAuthFlows(),
): void {
  const start = async (
    request: FastifyRequest<{ Params: CrmParams }>,
    reply: FastifyReply,
    input: unknown,
    where: 'query' | 'body',
  ): Promise<FastifyReply> => {
    const found = oauthCrm(request.params.crm, reply);
    if (!found) return reply;
    const body = parseOr(OAuthStartSchema, input, reply, where);
    if (!body.ok) return reply;
    const principal = request.principal ?? null;
    const denial = authorize(principal, 'project', body.value.project);
    const project = denial ? null : await ctx.projects.load(body.value.project);
    if (!principal || !project)
      return sendProblem(reply, 'not-found', { detail: 'no such project' });
    if (project.document.crm !== found.crm)
      return sendProblem(reply, 'conflict', {
        detail: `the project's CRM is ${project.document.crm}, not ${found.crm}`,
      });
    const client = apps.apps[found.crm];
    if (!client)
      return sendProblem(reply, 'not-implemented', {
        detail: `Connect with ${CRMS[found.crm].name} is not set up on this service: set its OAuth client id and secret (docs/oauth.md)`,
      });
    const server = (body.value.server ?? client.server).replace(/\/+$/, '');
    const refused = serverRefusal(ctx, found.crm, found.support, server);
    if (refused)
      return sendProblem(reply, 'invalid-request', {
        problems: [{ path: `${where}.server`, message: refused }],
      });
    const answer = authorizeAnswer(found.crm, found.support, client, body.value, server, {
      flows,
      principal,
      redirectUri: `${publicBase(apps, request)}/v1/oauth/${found.crm}/callback`,
    });
    return reply.send(answer);
  };

  app.post<{ Params: CrmParams }>(
    '/v1/oauth/:crm/start',
    { config: { access: 'any' } },
    (request, reply) => start(request, reply, request.body, 'body'),
  );
  app.get<{ Params: CrmParams }>(
    '/v1/oauth/:crm/start',
    { config: { access: 'any' } },
    (request, reply) => start(request, reply, request.query, 'query'),
  );

  // The browser arrives here from the CRM, without a key: the state is its only credential.
  app.get<{ Params: CrmParams }>(
    '/v1/oauth/:crm/callback',
    { config: { access: 'public' } },
    async (request, reply) => {
      const found = oauthCrm(request.params.crm, reply);
      if (!found) return reply;
      const query = parseOr(OAuthCallbackQuerySchema, request.query, reply, 'query');
      if (!query.ok) return reply;
      const taken = flows.take(query.value.state, found.crm);
      if (!taken.ok)
        return sendProblem(reply, 'invalid-request', {
          problems: [{ path: 'query.state', message: taken.reason }],
        });
      const { flow } = taken;
      const back = (outcome: Record<string, string>): FastifyReply => {
        const params = new URLSearchParams({ ...outcome, crm: found.crm, flow: flow.id });
        const join = flow.returnTo.includes('?') ? '&' : '?';
        return reply.redirect(`/${flow.returnTo}${join}${params.toString()}`, 303);
      };
      const failed = (reason: string) => back({ oauth: 'error', reason: reason.slice(0, 300) });
      if (query.value.error !== undefined)
        return failed(
          consentRefusal(CRMS[found.crm].name, query.value.error, query.value.error_description),
        );
      if (!query.value.code) return failed('the CRM sent no code');
      const client = apps.apps[found.crm];
      if (!client) return failed('Connect is no longer set up for this CRM');
      const saved = await finish(ctx, found.crm, found.support, client, flow, {
        code: query.value.code,
        callback: Object.fromEntries(
          Object.entries(request.query as Json).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        ),
      });
      return saved === null ? back({ oauth: 'connected' }) : failed(saved);
    },
  );
}

function authorizeAnswer(
  crm: CrmId,
  support: OAuthSupport,
  client: OAuthApp,
  body: OAuthStart,
  server: string,
  context: {
    flows: OAuthFlows;
    principal: NonNullable<FastifyRequest['principal']>;
    redirectUri: string;
  },
): OAuthStarted {
  const started = context.flows.start({
    crm,
    projectId: body.project,
    startedBy: context.principal,
    server,
    redirectUri: context.redirectUri,
    returnTo: body.returnTo ?? `#/projects/${encodeURIComponent(body.project)}/connection`,
    pkce: support.pkce,
  });
  const url = new URL(`${server}${support.authorizePath}`);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: context.redirectUri,
    state: started.state,
    ...support.authorizeParams,
    ...(started.codeChallenge !== null && {
      code_challenge: started.codeChallenge,
      code_challenge_method: 'S256',
    }),
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return {
    authorizeUrl: url.toString(),
    state: started.state,
    flow: started.flow.id,
    redirectUri: context.redirectUri,
    expiresAt: new Date(started.flow.expiresAt).toISOString(),
  };
}

/** Exchanges the code and saves the connection; null when saved, else why not in words. */
async function finish(
  ctx: AdminContext,
  crm: CrmId,
  support: OAuthSupport,
  client: OAuthApp,
  flow: Flow,
  input: { code: string; callback: Readonly<Record<string, string>> },
): Promise<string | null> {
  // Zoho names the data centre's accounts server the code belongs to; it must pass the same host rule.
  const server = (support.serverFromCallback?.(input.callback) ?? flow.server).replace(/\/+$/, '');
  const refused = serverRefusal(ctx, crm, support, server);
  if (refused) return refused;
  let connection: Json;
  try {
    const answer = await exchangeCode({
      support,
      server,
      client,
      code: input.code,
      redirectUri: flow.redirectUri,
      codeVerifier: flow.codeVerifier ?? undefined,
    });
    connection = support.connectionFrom(answer, server, {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
    });
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    return `${CRMS[crm].name} refused the code: ${error.message}`;
  }
  const project = await ctx.projects.load(flow.projectId);
  if (!project) return 'the project no longer exists';
  if (project.document.crm !== crm) return `the project's CRM is now ${project.document.crm}`;
  const whole = { ...(joinSecrets(project.redacted, project.secrets) as Json), connection };
  const outcome = await saveDocument(ctx, flow.projectId, whole, project);
  if (outcome.kind === 'saved') return null;
  if (outcome.kind === 'conflict') return outcome.detail;
  return outcome.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
}
