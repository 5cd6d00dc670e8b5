import { useState } from 'preact/hooks';
import { problemText } from '../api';
import { HourlyChart } from '../components/hourly-chart';
import { ResendPreview } from '../components/resend-preview';
import { useI18n } from '../i18n';
import { formatTime } from '../lib/format';
import type { ProjectContext } from './project';

// The project's status, activation with the resend choice, and the picture of the day.

export function OverviewTab(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t, language } = useI18n();
  const { integration, events, index } = ctx.status;
  const [resend, setResend] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { project: ctx.project } } };

  const activate = async () => {
    const { error } = await ctx.api.POST('/v1/projects/{project}/integration/activate', {
      ...path,
      body: { resend },
    });
    setConfirming(false);
    setError(error ? problemText(error) : null);
    await ctx.refresh();
  };
  const deactivate = async () => {
    const { error } = await ctx.api.POST('/v1/projects/{project}/integration/deactivate', path);
    setError(error ? problemText(error) : null);
    await ctx.refresh();
  };

  return (
    <div class="grid-2">
      <section class="card" aria-labelledby="status-title" id="connect">
        <h2 id="status-title">{t('overview.status')}</h2>
        <dl class="facts">
          <dt>{t('projects.state')}</dt>
          <dd>
            <span class={`badge ${integration.state}`}>{t(`state.${integration.state}`)}</span>
          </dd>
          <dt>{t('overview.since')}</dt>
          <dd>{formatTime(integration.since, ctx.timeZone, language)}</dd>
          <dt>{t('overview.events')}</dt>
          <dd>
            {t('projects.pending')} {events.pending} · {t('outcome.applied')} {events.applied} ·{' '}
            {t('outcome.skipped')} {events.skipped} · {t('outcome.failed')} {events.failed}
          </dd>
          <dt>{t('projects.index')}</dt>
          <dd>
            {t(`index.${index.state}`)} · {t('overview.phones')} {index.phones}
          </dd>
        </dl>
        {integration.state === 'active' ? (
          <button type="button" onClick={() => void deactivate()}>
            {t('overview.deactivate')}
          </button>
        ) : (
          <div class="activate">
            <label class="check">
              <input
                type="checkbox"
                checked={resend}
                onChange={(e) => setResend(e.currentTarget.checked)}
              />
              {t('overview.resend')}
            </label>
            {!confirming ? (
              <button type="button" onClick={() => setConfirming(true)}>
                {t('overview.activate')}
              </button>
            ) : (
              <div class="confirm" role="group">
                <ResendPreview
                  api={ctx.api}
                  project={ctx.project}
                  resend={resend}
                  pending={events.pending}
                />
                <button type="button" onClick={() => void activate()}>
                  {t('overview.confirmActivate')}
                </button>
                <button type="button" class="link" onClick={() => setConfirming(false)}>
                  {t('app.cancel')}
                </button>
              </div>
            )}
          </div>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      <HourlyChart ctx={ctx} />
    </div>
  );
}
