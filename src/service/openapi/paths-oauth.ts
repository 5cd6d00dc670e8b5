import { CRM_IDS } from '../../domain/crm-id.js';
import { CRMS } from '../../crm/registry.js';
import type { Json } from './components.js';
import { jsonBody, ok, operation, problem, projectParam, query, ref } from './operations.js';

// "Connect" (the OAuth authorization-code flow, docs/oauth.md) and "Test
// connection": extensions for the admin web app.

const crmParam: Json = {
  name: 'crm',
  in: 'path',
  required: true,
  description: 'A CRM that offers OAuth',
  schema: { type: 'string', enum: CRM_IDS.filter((id) => CRMS[id].oauth !== undefined) },
};

const startResponses: Json = {
  '200': ok('Where to send the browser', ref('OAuthStarted')),
  '400': problem('Bad body or query; an OAuth server outside the allowed hosts'),
  '404': problem("Unknown project (or another project's), or a CRM without OAuth"),
  '409': problem("The project's CRM is another one"),
  '501': problem('This service has no OAuth client for the CRM (its settings are unset)'),
};

const startDescription =
  "Starts the OAuth authorization-code flow for a project and answers the CRM's authorize URL. The `state` in it is single use, expires in 10 minutes and is bound to the project, the CRM and the key that started it; PKCE (S256) is added where the CRM supports it (Salesforce).";

export function oauthPaths(): Json {
  return {
    '/v1/oauth/{crm}/start': {
      parameters: [crmParam],
      post: operation({
        id: 'startOAuth',
        tag: 'Connect',
        summary: "Start Connect: answer the CRM's authorize URL",
        description: startDescription,
        audience: 'any',
        requestBody: jsonBody(ref('OAuthStart'), { project: 'acme' }),
        responses: startResponses,
      }),
      get: operation({
        id: 'startOAuthByQuery',
        tag: 'Connect',
        summary: 'Start Connect, the project in the query',
        description: startDescription,
        audience: 'any',
        parameters: [
          query('project', { type: 'string' }, 'The project to connect', true),
          query('returnTo', { type: 'string' }, 'The admin-app route to come back to (`#/…`)'),
          query('server', { type: 'string', format: 'uri' }, "The CRM's OAuth server"),
        ],
        responses: startResponses,
      }),
    },
    '/v1/oauth/{crm}/callback': {
      parameters: [crmParam],
      get: operation({
        id: 'finishOAuth',
        tag: 'Connect',
        summary: 'Where the CRM sends the browser back',
        description:
          "Exchanges the code at the CRM's token endpoint, saves the project's connection (the refresh token sealed like every secret) and redirects to the admin app: `/#/projects/{project}/connection?oauth=connected&crm=…&flow=…`, or `oauth=error&reason=…` when the CRM refused. No key: the state is the credential.",
        audience: 'public',
        parameters: [
          query('state', { type: 'string' }, 'As given by start', true),
          query('code', { type: 'string' }, "The CRM's authorization code"),
          query('error', { type: 'string' }, "The CRM's refusal (access_denied, …)"),
        ],
        responses: {
          '303': { description: 'Back to the admin app, with the outcome in the route' },
          '400': problem('A missing, forged, used or expired state'),
          '404': problem('A CRM without OAuth'),
        },
      }),
    },
    '/v1/projects/{project}/unknown-employees': {
      parameters: [projectParam],
      get: operation({
        id: 'listUnknownEmployees',
        tag: 'Processing',
        summary: 'Extensions, SIP logins and phones on calls that name no employee',
        description:
          'From the stored events of the last `days` (default 30, at most 90; the newest 50 000 events naming an employee): each reference no employee matches, with its calls, events and last call.',
        audience: 'project',
        parameters: [
          query('days', { type: 'integer', minimum: 1, maximum: 90 }, 'How far back, days'),
        ],
        responses: {
          '200': ok('The unknown references, most calls first', ref('UnknownEmployees')),
          '400': problem('Bad query; each problem names its field'),
        },
      }),
    },
    '/v1/projects/{project}/connection/test': {
      parameters: [projectParam],
      post: operation({
        id: 'testConnection',
        tag: 'Connect',
        summary: 'Ask the CRM who the credentials belong to',
        description:
          "Answers the CRM user the token acts as, or the CRM's refusal in words (`ok: false`, still 200).",
        audience: 'project',
        responses: {
          '200': ok('The user, or the refusal', ref('ConnectionTest'), {
            ok: true,
            user: { id: '5725767000000001002', name: 'Olena Top', email: 'olena@example.com' },
          }),
          '409': problem('The project has no connection'),
        },
      }),
    },
  };
}
