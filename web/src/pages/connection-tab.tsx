import { ConnectForm } from '../components/connect-form';
import { useI18n } from '../i18n';
import { href } from '../router';
import type { ProjectContext } from './project';

// The project's CRM connection: where the broken banner's "reconnect" leads, and where the OAuth
// flow returns by default (#/projects/{project}/connection).

export function ConnectionTab(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="connection-title">
      <h2 id="connection-title">{t('tab.connection')}</h2>
      <ConnectForm
        api={ctx.api}
        project={ctx.project}
        crm={ctx.document.crm}
        returnTo={href({ page: 'project', project: ctx.project, tab: 'connection' })}
        onConnected={() => void ctx.refresh()}
      />
      {ctx.status.integration.state !== 'active' && (
        <p class="hint">
          {t('connect.thenActivate')}{' '}
          <a href={href({ page: 'project', project: ctx.project, tab: 'overview' })}>
            {t('connect.toActivation')}
          </a>
        </p>
      )}
    </section>
  );
}
