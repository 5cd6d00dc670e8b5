import type { Settings } from '../../config/settings.js';
import type { CrmId } from '../../domain/crm-id.js';

// The OAuth apps this service is registered as, one per CRM, from the
// settings (docs/oauth.md): a CRM without a client id and secret cannot be
// connected with "Connect", only with credentials in the document.

export interface OAuthApp {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The CRM's OAuth server (accounts / login / oauth URL) where the flow starts. */
  readonly server: string;
}

export interface OAuthApps {
  /** CALLMATRIX_PUBLIC_URL: the service's address as browsers reach it. */
  readonly publicUrl?: string | undefined;
  readonly apps: Partial<Record<CrmId, OAuthApp>>;
}

type OAuthSettings = Pick<
  Settings,
  | 'publicUrl'
  | 'zohoClientId'
  | 'zohoClientSecret'
  | 'zohoAccountsUrl'
  | 'salesforceClientId'
  | 'salesforceClientSecret'
  | 'salesforceLoginUrl'
  | 'pipedriveClientId'
  | 'pipedriveClientSecret'
  | 'pipedriveOAuthUrl'
>;

export function oauthAppsFrom(settings: OAuthSettings): OAuthApps {
  const app = (
    clientId: string | undefined,
    clientSecret: string | undefined,
    server: string,
  ): OAuthApp | undefined =>
    clientId && clientSecret
      ? { clientId, clientSecret, server: server.replace(/\/+$/, '') }
      : undefined;
  const apps: Partial<Record<CrmId, OAuthApp>> = {};
  const zoho = app(settings.zohoClientId, settings.zohoClientSecret, settings.zohoAccountsUrl);
  const salesforce = app(
    settings.salesforceClientId,
    settings.salesforceClientSecret,
    settings.salesforceLoginUrl,
  );
  const pipedrive = app(
    settings.pipedriveClientId,
    settings.pipedriveClientSecret,
    settings.pipedriveOAuthUrl,
  );
  if (zoho) apps.zoho = zoho;
  if (salesforce) apps.salesforce = salesforce;
  if (pipedrive) apps.pipedrive = pipedrive;
  return { publicUrl: settings.publicUrl, apps };
}
