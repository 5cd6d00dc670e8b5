import { useEffect, useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api';
import { useI18n } from '../i18n';
import { formatDay, formatHour } from '../lib/format';
import type { ProjectContext } from '../pages/project';
import { evenMax, RequestsLine, requestCounts } from './requests-line';

// Events per hour by outcome, stacked bars drawn as SVG (GET …/stats), and the CRM requests of
// each hour as a line beside them (requests-line.tsx): no charting library for four colours and
// two axes.

const OUTCOMES = ['applied', 'skipped', 'failed'] as const;
const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 36, right: 36, top: 10, bottom: 28 };

/** The axis' top: 4 at least, else the next of 1, 2, 5 × 10ⁿ, so its half is a whole number. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((f) => f * power >= value) ?? 10;
  return step * power;
}

export function HourlyChart(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t, language } = useI18n();
  const [range, setRange] = useState<'24h' | '7d'>('24h');
  const [stats, setStats] = useState<Schemas['Stats'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void ctx.api
      .GET('/v1/projects/{project}/stats', {
        params: { path: { project: ctx.project }, query: { range } },
      })
      .then(({ data, error }) => {
        setStats(data ?? null);
        setError(data ? null : problemText(error));
      });
  }, [ctx.api, ctx.project, range, ctx.status]);

  const hours = stats?.hours ?? [];
  const max = niceMax(Math.max(...hours.map((h) => h.applied + h.skipped + h.failed), 0));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = hours.length > 0 ? plotW / hours.length : plotW;
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  // A week's 168 hours labelled by day: hour-and-date labels overlapped at every 21st hour.
  const labelEvery = range === '7d' ? 24 : Math.max(1, Math.ceil(hours.length / 8));
  const totals = OUTCOMES.map((o) => hours.reduce((sum, h) => sum + h[o], 0));
  const requests = requestCounts(hours);
  const requestsTotal = requests?.reduce((sum, n) => sum + n, 0) ?? 0;
  const plot = { left: PAD.left, top: PAD.top, width: plotW, height: plotH };

  return (
    <section class="card chart" aria-labelledby="chart-title">
      <div class="bar">
        <h2 id="chart-title">{t('chart.title')}</h2>
        <label>
          <span class="sr-only">{t('chart.range')}</span>
          <select value={range} onChange={(e) => setRange(e.currentTarget.value as '24h' | '7d')}>
            <option value="24h">{t('chart.24h')}</option>
            <option value="7d">{t('chart.7d')}</option>
          </select>
        </label>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-summary">
        <title id="chart-summary">
          {t('chart.total', { applied: totals[0]!, skipped: totals[1]!, failed: totals[2]! })}
          {requests && `; ${t('chart.crmRequests')}: ${requestsTotal}`}
        </title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(max * f)}
              y2={y(max * f)}
              class="gridline"
            />
            <text x={PAD.left - 4} y={y(max * f) + 4} text-anchor="end" class="axis">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {hours.map((h, i) => {
          let base = 0;
          return (
            <g key={h.hour}>
              {OUTCOMES.map((o) => {
                const value = h[o];
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect
                    key={o}
                    class={`bar-${o}`}
                    x={PAD.left + i * step + step * 0.1}
                    width={step * 0.8}
                    y={top}
                    height={height}
                  >
                    <title>{`${formatHour(h.hour, ctx.timeZone, language, true)} ${t(`outcome.${o}`)}: ${value}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text x={PAD.left + i * step} y={HEIGHT - 8} class="axis">
                  {range === '7d'
                    ? formatDay(h.hour, ctx.timeZone, language)
                    : formatHour(h.hour, ctx.timeZone, language, false)}
                </text>
              )}
            </g>
          );
        })}
        {requests && (
          <RequestsLine
            counts={requests}
            max={evenMax(niceMax(Math.max(...requests)))}
            plot={plot}
            titleOf={(i) =>
              `${formatHour(hours[i]!.hour, ctx.timeZone, language, true)} ${t('chart.crmRequests')}: ${requests[i]}`
            }
          />
        )}
      </svg>
      <ul class="legend">
        {OUTCOMES.map((o, i) => (
          <li key={o}>
            <span class={`swatch bar-${o}`} aria-hidden="true" /> {t(`outcome.${o}`)}: {totals[i]}
          </li>
        ))}
        {requests && (
          <li class="legend-requests">
            <span class="swatch line-requests" aria-hidden="true" /> {t('chart.crmRequests')}:{' '}
            {requestsTotal}
          </li>
        )}
      </ul>
    </section>
  );
}
