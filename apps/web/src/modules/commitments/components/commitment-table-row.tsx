import { memo } from 'react';
import { Anchor, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../ui/status-badge';
import { useFormat } from '../../ui/use-format';
import type { CommitmentRow } from '../hooks/use-find-commitments';
import classes from './commitment-table.module.css';

export interface CommitmentTableRowProps {
  row: CommitmentRow | undefined;
  index: number;
  start: number;
  height: number;
}

/** One row; memoised, so a page of new rows arriving does not re-render the rows already shown. */
export const CommitmentTableRow = memo(function CommitmentTableRow({ row, index, start, height }: CommitmentTableRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const style = { transform: `translateY(${start}px)`, height };
  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} className={`${classes.row} ${classes.body}`} style={style}>
        <div role="cell" className={classes.wide}>
          <Skeleton height={12} width="60%" aria-label={t('common.loading')} />
        </div>
      </div>
    );
  }
  return (
    <div role="row" aria-rowindex={index + 2} className={`${classes.row} ${classes.body}`} style={style}>
      <div role="cell" className={classes.title}>
        <Anchor component={Link} to={`/commitments/${row.id}`} title={row.title} className={classes.ellipsis}>
          {row.title}
        </Anchor>
      </div>
      <div role="cell">
        <StatusBadge status={row.status} />
      </div>
      <div role="cell">{row.parties.map((p) => p.code).join(', ')}</div>
      <div role="cell">{row.owner?.acronym ?? '—'}</div>
      <div role="cell">
        <Text size="sm" c={row.overdue ? 'red.9' : undefined} fw={row.overdue ? 600 : undefined}>
          {format.date(row.dueOn)}
          {row.overdue ? ` · ${t('commitment.overdue')}` : ''}
        </Text>
      </div>
      <div role="cell">{t(`priority.${row.priority}`)}</div>
    </div>
  );
});
