import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import type { CommitmentRow } from '../hooks/use-find-commitments';
import classes from './commitment-table.module.css';
import { CommitmentTableRow } from './commitment-table-row';

const ROW_HEIGHT = 52;
/** Start the next page this many rows before the loaded ones run out. */
const PREFETCH_ROWS = 30;

export interface CommitmentTableProps {
  rows: CommitmentRow[];
  totalCount: number;
  hasNextPage: boolean;
  onLoadMore: () => void;
}

/**
 * Only the rows in view are in the DOM, so ten thousand scroll as smoothly as ten. The scroll height
 * covers every match; rows not fetched yet show as placeholders until their page arrives.
 */
export function CommitmentTable({ rows, totalCount, hasNextPage, onLoadMore }: CommitmentTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = hasNextPage ? Math.max(totalCount, rows.length) : rows.length;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : 0;

  useEffect(() => {
    if (hasNextPage && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasNextPage, lastIndex, rows.length, onLoadMore]);

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      tabIndex={0}
      role="region"
      aria-label={t('commitments.results', { count: totalCount, formatted: format.number(totalCount) })}
    >
      <div role="table" aria-rowcount={count + 1} aria-label={t('commitments.title')} className={classes.table}>
        <div role="rowgroup" className={classes.head}>
          <div role="row" aria-rowindex={1} className={classes.row}>
            <div role="columnheader">{t('commitments.columns.title')}</div>
            <div role="columnheader">{t('commitments.columns.status')}</div>
            <div role="columnheader">{t('commitments.columns.parties')}</div>
            <div role="columnheader">{t('commitments.columns.owner')}</div>
            <div role="columnheader">{t('commitments.columns.due')}</div>
            <div role="columnheader">{t('commitments.columns.priority')}</div>
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <CommitmentTableRow key={item.key} row={rows[item.index]} index={item.index} start={item.start} height={ROW_HEIGHT} />
          ))}
        </div>
      </div>
    </div>
  );
}
