import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Table, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommitmentStatus } from '@pactwatch/domain';
import { ErrorAlert } from '../../ui/error-alert';
import { Loading } from '../../ui/loading';
import { STATUS_COLORS } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';
import { BreakdownGroup, useStatusBreakdown } from '../hooks/use-status-breakdown';

const STATUSES = Object.values(CommitmentStatus);

export interface StatusBreakdownProps {
  title: string;
  groups: BreakdownGroup[];
  /** Counted again each time this changes (others changed statuses). */
  revision?: number;
}

/** A stacked bar per group, and the same numbers as a table for screen readers. */
export function StatusBreakdown({ title, groups, revision = 0 }: StatusBreakdownProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { rows, error } = useStatusBreakdown(groups, revision);
  const data = (rows ?? []).map((r) => ({ group: r.group.label, ...r.counts }));

  return (
    <Paper withBorder p="md" radius="md" data-testid="status-breakdown" data-ready={!!rows}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <ErrorAlert error={error} />
      {!rows && !error && <Loading />}
      {rows && (
        <>
          <div aria-hidden="true">
            <BarChart
              h={Math.max(140, rows.length * 48 + 60)}
              data={data}
              dataKey="group"
              type="stacked"
              orientation="vertical"
              yAxisProps={{ width: 140 }}
              xAxisProps={{ allowDecimals: false }}
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              barChartProps={{ accessibilityLayer: false }}
              valueFormatter={(v) => format.number(v)}
              series={STATUSES.map((s) => ({ name: s, label: t(`status.${s}`), color: `${STATUS_COLORS[s]}.6` }))}
            />
          </div>
          <VisuallyHidden>
            <Table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.group')}</th>
                  {STATUSES.map((s) => (
                    <th key={s} scope="col">
                      {t(`status.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.group.key}>
                    <th scope="row">{r.group.label}</th>
                    {STATUSES.map((s) => (
                      <td key={s}>{format.number(r.counts[s])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Paper>
  );
}
