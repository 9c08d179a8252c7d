import { useState } from 'react';
import { Button, ButtonProps, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { WatchSubject } from '../../../gql/graphql';
import { describeError } from '../../ui/describe-error';
import { useMyWatches } from '../hooks/use-my-watches';
import { useUnwatch } from '../hooks/use-unwatch';
import { useWatch } from '../hooks/use-watch';

export interface WatchButtonProps extends Omit<ButtonProps, 'children'> {
  subjectType: WatchSubject;
  subjectId: string;
  /** What is watched, for the button's name when it is not obvious from the page (a party, a theme). */
  name?: string;
  /** What the page already knows (Commitment.watched), until the list of watches has loaded. */
  watched?: boolean;
}

/** A toggle button (the same name either way, pressed while watching): follow this in your digests, or stop. */
export function WatchButton({ subjectType, subjectId, name, watched, ...button }: WatchButtonProps) {
  const { t } = useTranslation();
  const { watches } = useMyWatches();
  const { watch, fetching: watching } = useWatch();
  const { unwatch, fetching: unwatching } = useUnwatch();
  const [error, setError] = useState<CombinedError | null>(null);
  const current = watches?.find((w) => w.subjectType === subjectType && w.subjectId === subjectId);
  const on = watches ? !!current : !!watched;

  const toggle = async () => {
    setError(null);
    const result = current ? await unwatch(current.id) : await watch({ subjectType, subjectId });
    setError(result.error ?? null);
  };

  return (
    <Group gap={6} wrap="nowrap">
      <Button
        variant={on ? 'filled' : 'default'}
        aria-pressed={on}
        leftSection={<span aria-hidden="true">{on ? '✓' : '+'}</span>}
        loading={watching || unwatching}
        // Until the list has loaded, the page's word can show the state, but only watching can be
        // done: unwatching needs the watch's id (a click would otherwise watch it again).
        disabled={!watches && watched !== false}
        onClick={() => void toggle()}
        title={t(`watch.hint.${subjectType}`)}
        {...button}
      >
        {name ? t('watch.watchName', { name }) : t('watch.watch')}
      </Button>
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {describeError(error, t)}
        </Text>
      )}
    </Group>
  );
}
