import { useEffect, useId, useRef } from 'react';
import { Anchor, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import type { CommitmentStatus } from '@pactwatch/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/use-format';
import { movesFrom } from '../board-columns';
import type { BoardCard } from '../hooks/use-board-column';
import classes from './board.module.css';

export interface BoardCardViewProps {
  card: BoardCard;
  /** Without the right to write, a card offers no move. */
  canMove: boolean;
  /** Focus its "Move to…" button once shown (the card a move just put in this column). */
  focusMove?: boolean;
  onFocused?: () => void;
  /** A move picked: the page opens the status dialog; nothing changes until it saves. */
  onMove: (card: BoardCard, to: CommitmentStatus, opener: HTMLElement) => void;
}

export function BoardCardView({ card, canMove, focusMove = false, onFocused, onMove }: BoardCardViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const moveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusMove || !moveButton.current) return;
    moveButton.current.focus();
    onFocused?.();
  }, [focusMove, onFocused]);

  return (
    <Paper component="li" withBorder p="xs" aria-labelledby={titleId} data-testid="board-card" data-commitment-id={card.id}>
      <Stack gap={4}>
        <Anchor component={Link} to={`/commitments/${card.id}`} id={titleId} fw={600} size="sm" className={classes.title}>
          {card.title}
        </Anchor>
        <Text size="xs" c="dimmed" className={classes.title}>
          {card.agreement.title}
        </Text>
        <Text size="xs" c={card.overdue ? 'red.9' : undefined} fw={card.overdue ? 600 : undefined}>
          {card.dueOn ? t('board.due', { date: format.date(card.dueOn) }) : t('board.noDue')}
          {card.overdue ? ` · ${t('commitment.overdue')}` : ''}
        </Text>
        {card.assignees.length > 0 && (
          <Text size="xs" className={classes.title}>
            {t('board.assignees', { names: card.assignees.map((a) => a.name).join(', ') })}
          </Text>
        )}
        {canMove && (
          <Group justify="flex-end">
            {/* returnFocus: after a pick the button has focus again, so the dialog gives it back on close. */}
            <Menu position="bottom-end" returnFocus>
              <Menu.Target>
                <Button ref={moveButton} size="compact-xs" variant="default" aria-describedby={titleId}>
                  {t('board.moveTo')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {movesFrom(card.status as CommitmentStatus).map((to) => (
                  <Menu.Item
                    key={to}
                    onClick={() => {
                      if (moveButton.current) onMove(card, to, moveButton.current);
                    }}
                  >
                    {t(`status.${to}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
