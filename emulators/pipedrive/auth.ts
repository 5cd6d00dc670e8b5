import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Reply } from './http.js';

// Credentials (crm-apis.md §2.2): the API token (`x-api-token` header or
// `?api_token=`) and OAuth access tokens (`Authorization: Bearer`), issued by
// `POST /oauth/token` for the refresh-token grant with Basic client auth.

export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

const token = (): string => randomBytes(20).toString('hex');

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export class Credentials {
  readonly apiToken = token();
  readonly oauth: OAuthClient = {
    clientId: `client-${token().slice(0, 8)}`,
    clientSecret: token(),
    refreshToken: `${token()}:refresh`,
  };
  revoked = false;
  grants = 0;
  private readonly accessTokens = new Map<string, number>();

  constructor(
    private readonly accessTokenTtlSec: number,
    private readonly userId: () => number | null,
  ) {}

  /** The token a request carries, whichever of the three forms. */
  static presented(
    req: IncomingMessage,
    query: URLSearchParams,
  ): { kind: 'api' | 'bearer'; value: string } | null {
    const header = req.headers['x-api-token'];
    if (typeof header === 'string' && header) return { kind: 'api', value: header };
    const fromQuery = query.get('api_token');
    if (fromQuery) return { kind: 'api', value: fromQuery };
    const authorization = req.headers.authorization ?? '';
    if (authorization.startsWith('Bearer '))
      return { kind: 'bearer', value: authorization.slice(7).trim() };
    return null;
  }

  /** Who the request acts as, or null when the credentials are refused. */
  check(
    presented: { kind: 'api' | 'bearer'; value: string } | null,
    now = Date.now(),
  ): number | null | false {
    if (this.revoked || !presented) return false;
    if (presented.kind === 'api')
      return same(presented.value, this.apiToken) ? this.userId() : false;
    const expires = this.accessTokens.get(presented.value);
    return expires !== undefined && expires > now ? this.userId() : false;
  }

  /** Ends every access token now (tests: "the token expired"). */
  expireAll(): void {
    for (const key of this.accessTokens.keys()) this.accessTokens.set(key, 0);
  }

  /** `POST /oauth/token`. Error bodies follow RFC 6749 §5.2; Pipedrive's exact texts are UNVERIFIED. */
  grant(req: IncomingMessage, form: Record<string, unknown>, apiDomain: string): Reply {
    const basic = (req.headers.authorization ?? '').startsWith('Basic ')
      ? Buffer.from((req.headers.authorization ?? '').slice(6), 'base64').toString('utf8')
      : '';
    const [id, secret] = basic.split(':');
    const clientId = id ?? form['client_id'];
    const clientSecret = secret ?? form['client_secret'];
    if (clientId !== this.oauth.clientId || clientSecret !== this.oauth.clientSecret) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Invalid client credentials' },
      };
    }
    if (form['grant_type'] !== 'refresh_token')
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description: 'Only refresh_token is supported here',
        },
      };
    if (this.revoked || form['refresh_token'] !== this.oauth.refreshToken) {
      return {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Invalid refresh token' },
      };
    }
    return this.issue(apiDomain);
  }

  /** A fresh access token with the account's refresh token, as both grants answer. */
  issue(apiDomain: string): Reply {
    this.grants += 1;
    const access = `${token()}:access`;
    this.accessTokens.set(access, Date.now() + this.accessTokenTtlSec * 1000);
    return {
      status: 200,
      body: {
        access_token: access,
        refresh_token: this.oauth.refreshToken,
        token_type: 'Bearer',
        expires_in: this.accessTokenTtlSec,
        scope: 'base,deals:full,contacts:full,activities:full,leads:full,users:read',
        api_domain: apiDomain,
      },
    };
  }
}
