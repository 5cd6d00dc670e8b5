import type { Schemas } from '../api';

// The CRM requests of each hour (GET …/stats `crmRequests`), a line over the events' bars with
// an axis of its own on the right: a project sends several requests per event, so on the
// events' axis its bars would be flattened.

type Hour = Schemas['Stats']['hours'][number];

export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Hours that carry `crmRequests`, or null when the service does not count them. */
export function requestCounts(hours: readonly Hour[]): number[] | null {
  if (hours.length === 0 || hours.some((h) => h.crmRequests === undefined)) return null;
  return hours.map((h) => h.crmRequests ?? 0);
}

/** An axis top whose half is a whole number (5 → 6), so the middle label is exact. */
export const evenMax = (max: number): number => (max % 2 === 0 ? max : max + 1);

/** The line's points, one at the middle of each hour's bar. */
export function linePoints(counts: readonly number[], max: number, plot: PlotArea): string {
  const step = plot.width / Math.max(counts.length, 1);
  return counts
    .map((n, i) => {
      const x = plot.left + i * step + step / 2;
      const y = plot.top + plot.height - (n / max) * plot.height;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function RequestsLine(props: {
  counts: readonly number[];
  max: number;
  plot: PlotArea;
  /** Each point's tooltip: its hour and count. */
  titleOf: (i: number) => string;
}) {
  const { counts, max, plot } = props;
  const step = plot.width / Math.max(counts.length, 1);
  const right = plot.left + plot.width;
  const y = (value: number) => plot.top + plot.height - (value / max) * plot.height;
  return (
    <g class="requests">
      {[0, 0.5, 1].map((f) => (
        <text key={f} x={right + 4} y={y(max * f) + 4} class="axis axis-requests">
          {Math.round(max * f)}
        </text>
      ))}
      <polyline class="line-requests" points={linePoints(counts, max, plot)} />
      {counts.map((n, i) =>
        n > 0 ? (
          <circle
            key={i}
            class="point-requests"
            cx={plot.left + i * step + step / 2}
            cy={y(n)}
            r={counts.length > 48 ? 1.5 : 3}
          >
            <title>{props.titleOf(i)}</title>
          </circle>
        ) : null,
      )}
    </g>
  );
}
