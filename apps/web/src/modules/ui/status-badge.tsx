import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommitmentStatus } from '@pactwatch/domain';

export const STATUS_COLORS: Record<CommitmentStatus, string> = {
  ANNOUNCED: 'gray',
  IN_PROGRESS: 'blue',
  STALLED: 'orange',
  PARTIALLY_FULFILLED: 'teal',
  FULFILLED: 'green',
  BROKEN: 'red',
};

export interface StatusBadgeProps {
  status: CommitmentStatus | `${CommitmentStatus}`;
}

export function StatusBadge({ status }: StatusBadgeProps) {
  const { t } = useTranslation();
  // Dark text on a light badge keeps the contrast readable for every status colour.
  return (
    <Badge color={STATUS_COLORS[status as CommitmentStatus]} variant="light" autoContrast style={{ flex: 'none' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
