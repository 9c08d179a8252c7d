import { useCallback, useState } from 'react';
import { Group, Stack, Title } from '@mantine/core';
import { type CommitmentStatus, Permission } from '@pactwatch/domain';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useClient } from 'urql';
import type { BoardMoveQuery as BoardMoveResult } from '../gql/graphql';
import { boardColumns } from '../modules/board/board-columns';
import { BoardColumn } from '../modules/board/components/board-column';
import classes from '../modules/board/components/board.module.css';
import { BoardMoveQuery } from '../modules/board/graphql/board.query';
import type { BoardCard } from '../modules/board/hooks/use-board-column';
import type { FocusCard } from '../modules/board/components/board-column';
import { useFollowBoard } from '../modules/board/hooks/use-follow-board';
import { fromSavedView, toCommitmentFilter, toCommitmentOrder, toSearchParams } from '../modules/commitments/commitment-query';
import { CommitmentFilters } from '../modules/commitments/components/commitment-filters';
import { CommitmentViewSwitch } from '../modules/commitments/components/commitment-view-switch';
import { useCommitmentFilterOptions } from '../modules/commitments/hooks/use-commitment-filter-options';
import { useCommitmentQueryState } from '../modules/commitments/hooks/use-commitment-query-state';
import { SavedViewsBar } from '../modules/saved-views/components/saved-views-bar';
import { useCan } from '../modules/session/hooks/use-can';
import { useSession } from '../modules/session/hooks/use-session';
import { StatusChangeDialog } from '../modules/status/components/status-change-dialog';
import { ErrorAlert } from '../modules/ui/error-alert';

type Moving = { commitment: NonNullable<BoardMoveResult['commitment']>; to: CommitmentStatus };

/**
 * The commitments of the list's filter as columns by status, in lifecycle order. A move only opens
 * the status dialog on the chosen status, with all its rules; nothing changes until it saves.
 */
export default function BoardPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [state, update] = useCommitmentQueryState();
  const { data: options } = useCommitmentFilterOptions();
  const person = useSession().me.kind === 'USER';
  const canMove = useCan(Permission.WRITE);
  const filter = toCommitmentFilter(state);
  const orderBy = toCommitmentOrder(state);
  const [generation, setGeneration] = useState(0);
  const [moving, setMoving] = useState<Moving | null>(null);
  const [moveError, setMoveError] = useState<CombinedError | null>(null);
  const [focusCard, setFocusCard] = useState<FocusCard | null>(null);
  const onFocused = useCallback(() => setFocusCard(null), []);
  useFollowBoard(useCallback(() => setGeneration((g) => g + 1), []));

  // The dialog needs the version to start from and the sources it may cite: read fresh, not the card's copy.
  const startMove = useCallback(
    async (card: BoardCard, to: CommitmentStatus, opener: HTMLElement) => {
      setMoveError(null);
      setFocusCard(null);
      const result = await client.query(BoardMoveQuery, { id: card.id }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error || !result.data?.commitment) {
        setMoveError(result.error ?? null);
        // Gone meanwhile (archived): the columns read again rather than offer it.
        setGeneration((g) => g + 1);
        return;
      }
      // The dialog gives focus back to whatever had it when it opened: the card's "Move to…" button.
      opener.focus();
      setMoving({ commitment: result.data.commitment, to });
    },
    [client],
  );

  const listHref = (status: CommitmentStatus) => `/commitments?${toSearchParams({ ...state, status: [status] }).toString()}`;
  const c = moving?.commitment;

  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('board.title')}</Title>
        <CommitmentViewSwitch view="board" />
      </Group>
      {person && <SavedViewsBar filter={filter} order={orderBy} onOpen={(f, o) => update(fromSavedView(f, o))} />}
      <CommitmentFilters state={state} onChange={update} options={options} person={person} />
      <ErrorAlert error={moveError} />
      <div className={classes.columns} role="region" aria-label={t('board.region')} tabIndex={0}>
        {boardColumns(state.status).map((status) => (
          <BoardColumn
            key={status}
            status={status}
            filter={filter}
            orderBy={orderBy}
            generation={generation}
            listHref={listHref(status)}
            canMove={canMove}
            focusCard={focusCard}
            onFocused={onFocused}
            onMove={(card, to, opener) => void startMove(card, to, opener)}
          />
        ))}
      </div>
      {moving && c && (
        <StatusChangeDialog
          commitment={{ id: c.id, version: c.version, status: c.status as CommitmentStatus, title: c.title, dueOn: c.dueOn ?? null, priority: c.priority }}
          existingEvidence={c.evidence.edges.map((e) => e.node)}
          initialTo={moving.to}
          onClose={() => setMoving(null)}
          onChanged={() => {
            // The card leaves its column for its new one; its move button there, on the newer version, takes focus.
            setFocusCard({ id: c.id, after: c.version });
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </Stack>
  );
}
