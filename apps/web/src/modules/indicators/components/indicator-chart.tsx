import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';

export interface IndicatorChartProps {
  name: string;
  unit: string;
  /** Current values only (revisions replaced), oldest first. */
  points: { asOf: string; value: number }[];
}

/** A small line of the figure over time, with the numbers as a table for screen readers. */
export function IndicatorChart({ name, unit, points }: IndicatorChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (points.length === 0) return <Text c="dimmed">{t('indicators.noValues')}</Text>;
  return (
    <>
      <LineOverTime points={points} formatValue={format.number} formatDate={format.date} />
      <VisuallyHidden>
        <Table>
          <caption>{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.asOf')}</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.asOf}>
                <td>{format.date(p.asOf)}</td>
                <td>{format.number(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}

const W = 600;
const H = 160;
const PAD = { left: 56, right: 12, top: 10, bottom: 24 };
const DAY_MS = 86_400_000;

/**
 * The figure as a line in SVG (no chart library in the page's JavaScript). Dates are spaced by
 * time, not evenly: a gap of a year looks like one. The lowest and highest values and the first and
 * last dates label the axes; the table beside it says every value to screen readers.
 */
function LineOverTime({ points, formatValue, formatDate }: {
  points: { asOf: string; value: number }[];
  formatValue: (v: number) => string;
  formatDate: (d: string) => string;
}) {
  const times = points.map((p) => Date.parse(`${p.asOf}T00:00:00Z`));
  const values = points.map((p) => p.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(0, ...values), Math.max(...values)];
  const x = (t: number) => PAD.left + (t1 === t0 ? (W - PAD.left - PAD.right) / 2 : ((t - t0) / Math.max(t1 - t0, DAY_MS)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (v1 === v0 ? (H - PAD.top - PAD.bottom) / 2 : (1 - (v - v0) / (v1 - v0)) * (H - PAD.top - PAD.bottom));
  const line = points.map((p, i) => `${x(times[i]).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} aria-hidden="true" data-testid="indicator-line" style={{ display: 'block', overflow: 'visible' }}>
      <g stroke="var(--mantine-color-gray-4)" strokeWidth={1}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(v0)} y2={y(v0)} />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(v1)} y2={y(v1)} strokeDasharray="4 4" />
      </g>
      <g fontSize={14} fill="var(--mantine-color-dimmed)">
        <text x={PAD.left - 6} y={y(v1)} textAnchor="end" dominantBaseline="middle">{formatValue(v1)}</text>
        <text x={PAD.left - 6} y={y(v0)} textAnchor="end" dominantBaseline="middle">{formatValue(v0)}</text>
        <text x={x(t0)} y={H - 6} textAnchor={t1 === t0 ? 'middle' : 'start'}>{formatDate(points[times.indexOf(t0)].asOf)}</text>
        {t1 !== t0 && <text x={x(t1)} y={H - 6} textAnchor="end">{formatDate(points[times.indexOf(t1)].asOf)}</text>}
      </g>
      <polyline points={line} fill="none" stroke="var(--mantine-color-blue-7)" strokeWidth={2} />
      {points.map((p, i) => (
        <circle key={p.asOf} cx={x(times[i])} cy={y(p.value)} r={3.5} fill="var(--mantine-color-blue-7)">
          <title>{`${formatDate(p.asOf)}: ${formatValue(p.value)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
