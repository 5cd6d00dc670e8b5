import { useCallback, useEffect, useState } from 'preact/hooks';
import { problemText, type ApiClient, type Schemas } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { href } from '../router';
import { ConnectionTab } from './connection-tab';
import { EmployeesTab } from './employees-tab';
import { JournalTab } from './journal-tab';
import { MatrixTab } from './matrix-tab';
import { OverviewTab } from './overview';
import { SettingsTab } from './settings-tab';

// One project: the broken banner on every tab, then the tab asked for.

export interface ProjectContext {
  readonly api: ApiClient;
  readonly project: string;
  readonly document: Schemas['ProjectDocument'];
  readonly status: Schemas['Status'];
  readonly timeZone: string;
  /** Reload the document and the status after a change. */
  refresh(): Promise<void>;
}

const TABS: ReadonlyArray<{ id: string; label: MessageKey }> = [
  { id: 'overview', label: 'tab.overview' },
  { id: 'employees', label: 'tab.employees' },
  { id: 'matrix', label: 'tab.matrix' },
  { id: 'settings', label: 'tab.settings' },
  { id: 'journal', label: 'tab.journal' },
  { id: 'connection', label: 'tab.connection' },
];

export function ProjectPage(props: {
  api: ApiClient;
  project: string;
  tab: string;
  section?: string | undefined;
  operator: boolean;
}) {
  const { t } = useI18n();
  const { api, project } = props;
  const [document, setDocument] = useState<Schemas['ProjectDocument'] | null>(null);
  const [status, setStatus] = useState<Schemas['Status'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const path = { params: { path: { project } } };
    const [doc, st] = await Promise.all([
      api.GET('/v1/projects/{project}', path),
      api.GET('/v1/projects/{project}/status', path),
    ]);
    if (!doc.data) return setError(problemText(doc.error));
    if (!st.data) return setError(problemText(st.error));
    setError(null);
    setDocument(doc.data);
    setStatus(st.data);
  }, [api, project]);
  useEffect(() => void refresh(), [refresh]);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!document || !status) return <p>{t('app.loading')}</p>;
  const ctx: ProjectContext = {
    api,
    project,
    document,
    status,
    timeZone: document.project?.timezone ?? 'UTC',
    refresh,
  };
  const tab = TABS.find((candidate) => candidate.id === props.tab) ?? TABS[0]!;

  return (
    <section aria-labelledby="project-title">
      <h1 id="project-title">
        {project} <small class="muted">{document.crm}</small>
      </h1>
      {status.integration.state === 'broken' && (
        <div class="banner broken" role="alert">
          <strong>{t('broken.title')}</strong>
          <span class="reason">{status.integration.reason}</span>
          <a class="button" href={href({ page: 'project', project, tab: 'connection' })}>
            {t('broken.reconnect')}
          </a>
        </div>
      )}
      <nav class="tabs" aria-label={project}>
        {TABS.map((candidate) => (
          <a
            key={candidate.id}
            href={href({ page: 'project', project, tab: candidate.id })}
            aria-current={candidate.id === tab.id ? 'page' : undefined}
          >
            {t(candidate.label)}
          </a>
        ))}
      </nav>
      {tab.id === 'overview' && <OverviewTab ctx={ctx} />}
      {tab.id === 'matrix' && <MatrixTab ctx={ctx} />}
      {tab.id === 'settings' && <SettingsTab ctx={ctx} section={props.section} />}
      {tab.id === 'journal' && <JournalTab ctx={ctx} />}
      {tab.id === 'employees' && <EmployeesTab ctx={ctx} />}
      {tab.id === 'connection' && <ConnectionTab ctx={ctx} />}
    </section>
  );
}
