import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, DigestDeliveriesQuery } from '../../../gql/graphql';
import { useFormat } from '../../ui/use-format';

const STATUS_COLORS: Record<DeliveryStatus, string> = { SENT: 'green', EMPTY: 'gray', PENDING: 'blue', SENDING: 'blue', FAILED: 'red' };

export interface DigestDeliveriesTableProps {
  deliveries: DigestDeliveriesQuery['digestDeliveries'];
}

/** The delivery log: each digest claimed for a recipient and period, and what became of it. */
export function DigestDeliveriesTable({ deliveries }: DigestDeliveriesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!deliveries.length) return <Text c="dimmed">{t('digestAdmin.noDeliveries')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('digestAdmin.recipient')}</Table.Th>
            <Table.Th scope="col">{t('digestAdmin.status')}</Table.Th>
            <Table.Th scope="col">{t('digestAdmin.period')}</Table.Th>
            <Table.Th scope="col">{t('digestAdmin.itemCount')}</Table.Th>
            <Table.Th scope="col">{t('digestAdmin.attempts')}</Table.Th>
            <Table.Th scope="col">{t('digestAdmin.lastError')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => (
            <Table.Tr key={d.id} data-testid="delivery">
              <Table.Td>{d.recipient}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLORS[d.status]}>
                  {t(`digestAdmin.statuses.${d.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {format.dateTime(d.windowStart)} – {format.dateTime(d.periodEnd)}
                </Text>
              </Table.Td>
              <Table.Td>{format.number(d.itemCount)}</Table.Td>
              <Table.Td>{format.number(d.attempts)}</Table.Td>
              <Table.Td>
                <Text size="sm" c={d.lastError ? 'red.9' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                  {d.lastError ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
