import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
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
  const data = points.map((p) => ({ date: format.date(p.asOf), value: p.value }));
  return (
    <>
      <div aria-hidden="true">
        <LineChart
          h={160}
          data={data}
          dataKey="date"
          series={[{ name: 'value', label: unit, color: 'blue.7' }]}
          valueFormatter={(v) => format.number(v)}
          withDots
          curveType="linear"
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
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
