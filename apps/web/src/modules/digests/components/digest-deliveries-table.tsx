import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, DigestDeliveriesQuery } from '../../../gql/graphql';
import { DataTable } from '../../ui/data-table';
import { useFormat } from '../../ui/use-format';

const STATUS_COLORS: Record<DeliveryStatus, string> = { SENT: 'green', EMPTY: 'gray', PENDING: 'blue', SENDING: 'blue', FAILED: 'red' };

export interface DigestDeliveriesTableProps {
  deliveries: DigestDeliveriesQuery['digestDeliveries'];
}

/** The delivery log: each digest claimed for a recipient and period, and what became of it. */
export function DigestDeliveriesTable({ deliveries }: DigestDeliveriesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      rows={deliveries}
      rowKey={(d) => d.id}
      rowTestId="delivery"
      minWidth={720}
      empty={t('digestAdmin.noDeliveries')}
      columns={[
        { header: t('digestAdmin.recipient'), cell: (d) => d.recipient },
        {
          header: t('digestAdmin.status'),
          cell: (d) => (
            <Badge variant="light" color={STATUS_COLORS[d.status]}>
              {t(`digestAdmin.statuses.${d.status}`)}
            </Badge>
          ),
        },
        {
          header: t('digestAdmin.period'),
          cell: (d) => (
            <Text size="sm">
              {format.dateTime(d.windowStart)} – {format.dateTime(d.periodEnd)}
            </Text>
          ),
        },
        { header: t('digestAdmin.itemCount'), cell: (d) => format.number(d.itemCount) },
        { header: t('digestAdmin.attempts'), cell: (d) => format.number(d.attempts) },
        {
          header: t('digestAdmin.lastError'),
          cell: (d) => (
            <Text size="sm" c={d.lastError ? 'red.9' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
              {d.lastError ?? '—'}
            </Text>
          ),
        },
      ]}
    />
  );
}
