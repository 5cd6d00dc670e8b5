import { useEffect, useState } from 'preact/hooks';
import { problemText, type ApiClient, type Schemas } from '../api';
import { useI18n } from '../i18n';
import { formatAge, formatTime } from '../lib/format';
import { href } from '../router';

// Every project with its health at a glance (GET /v1/projects, a page at a time).

export function ProjectsPage(props: { api: ApiClient }) {
  const { t, language } = useI18n();
  const [projects, setProjects] = useState<Schemas['ProjectSummary'][] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (cursor: string | null) => {
    const { data, error } = await props.api.GET('/v1/projects', {
      params: { query: { limit: 50, ...(cursor && { cursor }) } },
    });
    if (!data) return setError(problemText(error));
    setProjects((old) => [...(cursor ? (old ?? []) : []), ...data.projects]);
    setNext(data.next);
  };
  useEffect(() => void load(null), [props.api]);

  return (
    <section aria-labelledby="projects-title">
      <div class="bar">
        <h1 id="projects-title">{t('projects.title')}</h1>
        <a class="button" href={href({ page: 'new', project: null, step: 'crm' })}>
          {t('projects.new')}
        </a>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {projects === null && !error && <p>{t('app.loading')}</p>}
      {projects?.length === 0 && <p>{t('projects.empty')}</p>}
      {projects && projects.length > 0 && (
        <div class="scroll">
          <table class="projects stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t('projects.project')}</th>
                <th scope="col">{t('projects.crm')}</th>
                <th scope="col">{t('projects.state')}</th>
                <th scope="col">{t('projects.pending')}</th>
                <th scope="col">{t('projects.failed')}</th>
                <th scope="col">{t('projects.held')}</th>
                <th scope="col">{t('projects.oldest')}</th>
                <th scope="col">{t('projects.index')}</th>
                <th scope="col">{t('projects.lastEvent')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} data-project={p.id}>
                  <th scope="row">
                    <a href={href({ page: 'project', project: p.id, tab: 'overview' })}>{p.id}</a>
                  </th>
                  <td data-label={t('projects.crm')}>{p.crm}</td>
                  <td data-label={t('projects.state')}>
                    <span class={`badge ${p.integration.state}`} title={p.integration.reason ?? ''}>
                      {t(`state.${p.integration.state}`)}
                    </span>
                  </td>
                  <td class="num" data-label={t('projects.pending')}>
                    {p.events.pending}
                  </td>
                  <td
                    class={`num ${p.events.failed > 0 ? 'warn' : ''}`}
                    data-label={t('projects.failed')}
                  >
                    {p.events.failed}
                  </td>
                  <td class="num" data-label={t('projects.held')}>
                    {p.events.held}
                  </td>
                  <td data-label={t('projects.oldest')}>{formatAge(p.oldestPendingAgeSec, t)}</td>
                  <td data-label={t('projects.index')}>{t(`index.${p.index.state}`)}</td>
                  <td data-label={t('projects.lastEvent')}>
                    {formatTime(p.lastEventAt, 'UTC', language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('projects.more')}
        </button>
      )}
    </section>
  );
}
