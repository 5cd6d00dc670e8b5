import { z } from 'zod';
import { HttpClient } from './http/client.js';
import { CrmError } from './port.js';

// The OAuth 2.0 authorization-code grant (RFC 6749 §4.1) as each CRM that
// offers it documents it: where its authorize page and token endpoint live,
// whether it takes PKCE (RFC 7636), how the client authenticates, and how its
// token answer becomes the project's connection. The service (src/service/oauth)
// owns the flow: state, the browser's round trip and saving the connection.

/** The connection member that names the CRM's OAuth server. */
export type OAuthServerMember = 'accountsUrl' | 'loginUrl' | 'oauthUrl';

export interface OAuthClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface OAuthSupport {
  /** Where the authorize page and the token endpoint live, and the CRM's own default server. */
  readonly server: { readonly member: OAuthServerMember; readonly default: string };
  readonly authorizePath: string;
  readonly tokenPath: string;
  /** Whether the CRM documents PKCE for this flow: then a S256 challenge is sent and verified. */
  readonly pkce: boolean;
  /** `basic`: HTTP Basic client authentication (Pipedrive); `body`: client_id and client_secret in the form. */
  readonly clientAuth: 'basic' | 'body';
  /** The CRM's own authorize parameters (scope, offline access). */
  readonly authorizeParams: Readonly<Record<string, string>>;
  /** The server the code must be exchanged at when the redirect names one (Zoho's `accounts-server`). */
  readonly serverFromCallback?: (query: Readonly<Record<string, string>>) => string | undefined;
  /** The connection to save from the token answer; undefined members are left out. */
  connectionFrom(
    answer: TokenAnswer,
    server: string,
    client: OAuthClientCredentials,
  ): Record<string, unknown>;
}

/** What the token endpoints of Zoho, Salesforce and Pipedrive answer a code with. */
export const TokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  api_domain: z.string().optional(),
  instance_url: z.string().optional(),
});
export type TokenAnswer = z.infer<typeof TokenAnswerSchema>;

const Refusal = z.looseObject({
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export interface CodeExchange {
  readonly support: OAuthSupport;
  readonly server: string;
  readonly client: OAuthClientCredentials;
  readonly code: string;
  readonly redirectUri: string;
  readonly codeVerifier?: string | undefined;
  readonly timeoutMs?: number;
}

/**
 * Exchanges an authorization code at the CRM's token endpoint. Throws a
 * CrmError whose message is the CRM's refusal (its `error` and
 * `error_description`), never the answer's body otherwise.
 */
export async function exchangeCode(input: CodeExchange): Promise<TokenAnswer> {
  const { support, client } = input;
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
    ...(input.codeVerifier !== undefined && { code_verifier: input.codeVerifier }),
    ...(support.clientAuth === 'body' && {
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  };
  const headers: Record<string, string> =
    support.clientAuth === 'basic'
      ? {
          authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
        }
      : {};
  const http = new HttpClient({
    baseUrl: input.server,
    ...(input.timeoutMs !== undefined && { timeoutMs: input.timeoutMs }),
    // A refusal is read below, in the CRM's own words (OAuth error bodies come with 400 or 401).
    classify: () => null,
  });
  const response = await http.send({ method: 'POST', url: support.tokenPath, form, headers });
  const json = response.json;
  const answer = TokenAnswerSchema.safeParse(json);
  if (answer.success) return answer.data;
  const refusal = Refusal.safeParse(json);
  const words = refusal.success
    ? [refusal.data.error, refusal.data.error_description].filter(Boolean).join(': ')
    : '';
  if (words !== '') throw new CrmError('permanent', words);
  throw new CrmError(
    response.status >= 500 ? 'retryable' : 'permanent',
    response.status >= 300
      ? `the token endpoint answered HTTP ${response.status}`
      : 'the token answer carries no access and refresh token',
  );
}
