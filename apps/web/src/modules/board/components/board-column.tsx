import { useId } from 'react';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { CommitmentStatus } from '@pactwatch/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentFilter, CommitmentOrder } from '../../../gql/graphql';
import { ErrorAlert } from '../../ui/error-alert';
import { Loading } from '../../ui/loading';
import { useFormat } from '../../ui/use-format';
import { type BoardCard, useBoardColumn } from '../hooks/use-board-column';
import { BoardCardView } from './board-card-view';
import classes from './board.module.css';

/** A card to give focus to once it shows with a version newer than `after` (the move just saved). */
export interface FocusCard {
  id: string;
  after: number;
}

export interface BoardColumnProps {
  status: CommitmentStatus;
  filter: CommitmentFilter;
  orderBy: CommitmentOrder | null;
  /** Changes after a move: the column reads again. */
  generation: number;
  /** The list of this column's commitments (the same filter and this status), for "N more". */
  listHref: string;
  canMove: boolean;
  /** The card whose move button takes focus when it appears here, moved. */
  focusCard: FocusCard | null;
  /** That card's button has taken focus: later re-reads leave focus alone. */
  onFocused: () => void;
  onMove: (card: BoardCard, to: CommitmentStatus, opener: HTMLElement) => void;
}

export function BoardColumn({ status, filter, orderBy, generation, listHref, canMove, focusCard, onFocused, onMove }: BoardColumnProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { cards, totalCount, error } = useBoardColumn(filter, orderBy, status, generation);
  const more = totalCount === null ? 0 : totalCount - cards.length;

  return (
    <section className={classes.column} aria-labelledby={headingId} data-testid="board-column" data-status={status}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5" id={headingId}>
            {t(`status.${status}`)}
            {totalCount !== null && (
              <Text span c="dimmed" size="sm" fw={400} data-testid="column-count">
                {` · ${format.number(totalCount)}`}
              </Text>
            )}
          </Title>
        </Group>
        <ErrorAlert error={error} />
        {totalCount === null && !error && <Loading />}
        {totalCount === 0 && (
          <Text size="sm" c="dimmed">
            {t('board.empty')}
          </Text>
        )}
        {cards.length > 0 && (
          <Stack component="ul" gap="xs" className={classes.cards}>
            {cards.map((card) => (
              <BoardCardView key={card.id} card={card} canMove={canMove} focusMove={!!focusCard && card.id === focusCard.id && card.version > focusCard.after} onFocused={onFocused} onMove={onMove} />
            ))}
          </Stack>
        )}
        {more > 0 && (
          <Anchor component={Link} to={listHref} size="sm">
            {t('board.more', { count: more, formatted: format.number(more) })}
          </Anchor>
        )}
      </Stack>
    </section>
  );
}
