import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { RowActionButton } from '../../ui/confirm-button';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentQuery } from '../../../gql/graphql';
import { StatusBadge } from '../../ui/status-badge';

export interface CommitmentLinksProps {
  links: CommitmentQuery['commitment']['links'];
  /** Offered to those who may change links. */
  onUnlink?: (linkId: string) => void;
}

/** The reciprocal commitment of the other side first, then dependencies and supersessions. */
export function CommitmentLinks({ links, onUnlink }: CommitmentLinksProps) {
  const { t } = useTranslation();
  if (links.length === 0) return <Text c="dimmed">{t('links.none')}</Text>;
  const ordered = [...links].sort((a, b) => Number(b.kind === 'RECIPROCAL') - Number(a.kind === 'RECIPROCAL'));
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {ordered.map((link) => (
        <li key={link.id}>
          <Text size="xs" c="dimmed">
            {t(`links.${link.kind}_${link.kind === 'RECIPROCAL' ? 'BOTH' : link.direction}`)} · {link.commitment.parties.map((p) => p.name).join(', ')}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/commitments/${link.commitment.id}`}>
              {link.commitment.title}
            </Anchor>
            <StatusBadge status={link.commitment.status} />
            {link.commitment.archived && <Badge color="gray" variant="light">{t('dataEntry.archived')}</Badge>}
            {onUnlink && (
              <RowActionButton label={t('dataEntry.links.unlink')} question={t('dataEntry.links.confirmUnlink', { title: link.commitment.title })} onConfirm={() => onUnlink(link.id)} />
            )}
          </Group>
        </li>
      ))}
    </Stack>
  );
}
