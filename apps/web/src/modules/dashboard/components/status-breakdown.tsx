import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Table, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommitmentStatus } from '@pactwatch/domain';
import type { StatusCountGroupFieldsFragment } from '../../../gql/graphql';
import { Loading } from '../../ui/loading';
import { STATUS_COLORS } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';
import { BreakdownGroup, breakdownRows } from '../hooks/use-status-breakdown';

const STATUSES = Object.values(CommitmentStatus);

export interface StatusBreakdownProps {
  title: string;
  groups: BreakdownGroup[];
  /** The server's counts by status for the groups (commitmentStatusCounts); null while they load. */
  counted: readonly StatusCountGroupFieldsFragment[] | null;
}

/** A stacked bar per group, and the same numbers as a table for screen readers. */
export function StatusBreakdown({ title, groups, counted }: StatusBreakdownProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = counted ? breakdownRows(groups, counted) : null;
  const data = (rows ?? []).map((r) => ({ group: r.group.label, ...r.counts }));

  return (
    <Paper withBorder p="md" radius="md" data-testid="status-breakdown" data-ready={!!rows}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {!rows && <Loading />}
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
