// A plain SVG bar chart: one labelled bar per category, the number at its end.
// Screen readers get the same figures as a sentence.
import { t } from '../../lib/strings';

const WIDTH = 640;
const LABEL_WIDTH = 250;
const ROW = 28;

export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars, id }: { title: string; bars: Bar[]; id: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW + 4;
  const barSpace = WIDTH - LABEL_WIDTH - 50;
  const sentence = bars.length === 0 ? t('chartNone', { title }) : `${title}: ${bars.map((b) => `${b.label} ${b.value}`).join('; ')}.`;
  return (
    <figure class="chart" data-chart={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {bars.length === 0 ? (
        <p class="empty">{t('noneInPeriod')}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={sentence} preserveAspectRatio="xMinYMin meet">
          {bars.map((b, i) => {
            const y = i * ROW + 2;
            const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barSpace);
            return (
              <g key={b.label} data-bar={b.label} data-value={b.value}>
                <text x={LABEL_WIDTH - 8} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle" class="chart-label">
                  {b.label}
                </text>
                <rect x={LABEL_WIDTH} y={y + 4} width={w} height={ROW - 8} class="chart-bar" />
                <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2} dominant-baseline="middle" class="chart-value">
                  {b.value}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
