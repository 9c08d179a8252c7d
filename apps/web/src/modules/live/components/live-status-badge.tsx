import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../hooks/use-live-status';
import classes from './live-status-badge.module.css';

const COLORS = { idle: 'gray', connecting: 'gray', connected: 'green', reconnecting: 'orange', denied: 'red' } as const;

/** Says whether others' changes arrive as they happen, or the page may be behind until the connection is back. */
export function LiveStatusBadge() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  if (!status) return null;
  return (
    <Badge
      variant="dot"
      color={COLORS[status]}
      size="sm"
      role="status"
      title={t(`live.hint.${status}`)}
      data-testid="live-status"
      data-state={status}
      className={status === 'connected' || status === 'idle' ? classes.quiet : undefined}
      style={{ flex: 'none' }}
    >
      <span className={classes.label}>{t(`live.status.${status}`)}</span>
    </Badge>
  );
}
