import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export interface CommitmentViewSwitchProps {
  view: 'list' | 'board';
}

/** List ↔ board: plain links that carry the address's filter along, so both show the same commitments. */
export function CommitmentViewSwitch({ view }: CommitmentViewSwitchProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const views = [
    ['list', '/commitments', t('board.viewList')],
    ['board', '/board', t('board.viewBoard')],
  ] as const;
  return (
    <nav aria-label={t('board.views')}>
      <Button.Group>
        {views.map(([name, path, label]) => (
          <Button
            key={name}
            component={Link}
            to={`${path}${search}`}
            size="xs"
            variant={view === name ? 'filled' : 'default'}
            aria-current={view === name ? 'page' : undefined}
          >
            {label}
          </Button>
        ))}
      </Button.Group>
    </nav>
  );
}
