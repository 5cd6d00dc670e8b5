import { useEffect, useState } from 'preact/hooks';
import { problemText, problemsByPath, type ApiClient, type Schemas } from '../api';
import { useI18n } from '../i18n';
import { routeQuery } from '../router';

// Connecting a project to its CRM the way that CRM expects: an API token for retailCRM and
// Pipedrive, the OAuth "Connect" button for Zoho, Salesforce and Pipedrive (the browser goes to
// the CRM's consent page and comes back to `returnTo` with the outcome in the route), and
// "Test connection": the CRM user the credentials act as, or the CRM's refusal.

type Crm = Schemas['ProjectDocument']['crm'];
type OAuthCrm = Exclude<Crm, 'retailcrm'>;
type Test = Schemas['ConnectionTest'];

const TOKEN_CRMS: ReadonlySet<Crm> = new Set(['retailcrm', 'pipedrive']);
const ADDRESS_EXAMPLE: Record<Crm, string> = {
  retailcrm: 'https://yourcompany.retailcrm.ru',
  pipedrive: 'https://yourcompany.pipedrive.com',
  zoho: '',
  salesforce: '',
};
const isOAuthCrm = (crm: Crm): crm is OAuthCrm => crm !== 'retailcrm';

export function ConnectForm(props: {
  api: ApiClient;
  project: string;
  crm: Crm;
  /** The admin-app route the OAuth flow comes back to (this page). */
  returnTo: string;
  /** Called once the project has a connection (saved here or by the OAuth callback). */
  onConnected?: () => void;
}) {
  const { t } = useI18n();
  const { api, project, crm } = props;
  const path = { params: { path: { project } } };
  const [connection, setConnection] = useState<Schemas['Connection'] | null | undefined>();
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [saveError, setSaveError] = useState<string | null>(null);
  const [oauthError, setOauthError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [test, setTest] = useState<Test | null>(null);
  const [busy, setBusy] = useState(false);
  const credential = crm === 'retailcrm' ? 'apiKey' : 'apiToken';

  const runTest = async () => {
    setTest(null);
    const { data, error } = await api.POST('/v1/projects/{project}/connection/test', path);
    setTest(data ?? { ok: false, kind: 'permanent', reason: problemText(error) });
  };

  useEffect(() => {
    // Back from the CRM's consent page: the outcome is in the route (docs/oauth.md).
    const query = routeQuery(location.hash);
    const oauth = query.get('oauth');
    if (oauth === 'error') setOauthError(query.get('reason') ?? 'error');
    void api.GET('/v1/projects/{project}/connection', path).then(({ data, error }) => {
      if (error) return setSaveError(problemText(error));
      setConnection(data ?? null);
      if (data) setBaseUrl(data.baseUrl);
      if (oauth === 'connected' && data) {
        setNotice(t('connect.oauthDone'));
        props.onConnected?.();
        void runTest();
      }
    });
  }, [api, project]);

  const saveToken = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const body = {
        baseUrl: baseUrl.trim(),
        credentials: crm === 'retailcrm' ? { apiKey: token.trim() } : { apiToken: token.trim() },
      } as Schemas['Connection'];
      const { data, error } = await api.PUT('/v1/projects/{project}/connection', {
        ...path,
        body,
      });
      if (!data) {
        const found = problemsByPath(error);
        setProblems(found);
        setSaveError(found.size > 0 ? null : problemText(error));
        return;
      }
      setProblems(new Map());
      setSaveError(null);
      setConnection(data);
      setToken('');
      setNotice(t('connect.saved'));
      props.onConnected?.();
      await runTest();
    } finally {
      setBusy(false);
    }
  };

  const startOAuth = async () => {
    if (!isOAuthCrm(crm)) return;
    setOauthError(null);
    const { data, error } = await api.POST('/v1/oauth/{crm}/start', {
      params: { path: { crm } },
      body: { project, returnTo: props.returnTo },
    });
    if (!data) return setOauthError(problemText(error));
    // A full-page navigation: the CRM's consent page, then back to returnTo.
    location.assign(data.authorizeUrl);
  };

  const baseProblem = problems.get('baseUrl');
  const tokenProblem = problems.get(`credentials.${credential}`) ?? problems.get('credentials');

  return (
    <div class="connect">
      <p class="connected-to" role="status">
        {connection === undefined
          ? t('app.loading')
          : connection
            ? t('connect.connectedTo', { url: connection.baseUrl })
            : t('connect.notConnected')}
      </p>
      {isOAuthCrm(crm) && (
        <div class="oauth card inset">
          <h3>{t('connect.oauthTitle')}</h3>
          <p class="hint">{t('connect.oauthHint')}</p>
          <button type="button" onClick={() => void startOAuth()} aria-describedby="oauth-error">
            {t('connect.oauthButton')}
          </button>
          {oauthError && (
            <p id="oauth-error" class="error" role="alert">
              {oauthError}
            </p>
          )}
        </div>
      )}
      {TOKEN_CRMS.has(crm) && (
        <form class="token card inset" onSubmit={(e) => void saveToken(e)}>
          <h3>{t(crm === 'retailcrm' ? 'connect.keyTitle' : 'connect.tokenTitle')}</h3>
          <label for="crm-address">{t('connect.address')}</label>
          <input
            id="crm-address"
            type="url"
            required
            placeholder={ADDRESS_EXAMPLE[crm]}
            value={baseUrl}
            aria-invalid={!!baseProblem}
            aria-describedby="crm-address-error"
            onInput={(e) => setBaseUrl(e.currentTarget.value)}
          />
          {baseProblem && (
            <p id="crm-address-error" class="error" role="alert">
              {baseProblem}
            </p>
          )}
          <label for="crm-token">
            {t(crm === 'retailcrm' ? 'connect.apiKey' : 'connect.apiToken')}
          </label>
          <input
            id="crm-token"
            type="password"
            autoComplete="off"
            required
            value={token}
            aria-invalid={!!tokenProblem}
            aria-describedby="crm-token-error"
            onInput={(e) => setToken(e.currentTarget.value)}
          />
          {tokenProblem && (
            <p id="crm-token-error" class="error" role="alert">
              {tokenProblem}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t('connect.save')}
          </button>
        </form>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      <div class="test">
        <button
          type="button"
          class="secondary"
          disabled={!connection}
          onClick={() => void runTest()}
        >
          {t('connect.test')}
        </button>
        {test && (
          <p class={test.ok ? 'ok test-result' : 'error test-result'} role="status">
            {test.ok
              ? test.user
                ? t('connect.testUser', {
                    name: test.user.name,
                    email: test.user.email ?? test.user.id,
                  })
                : t('connect.testAccepted')
              : t('connect.testRefused', { reason: test.reason })}
          </p>
        )}
      </div>
    </div>
  );
}
