import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkEvidenceUrl } from '@pactwatch/domain';
import { useFormat } from '../../ui/use-format';

export interface LinkCheckFacts {
  state: string;
  statusCode?: number | null;
  checkedAt: string;
}

export interface LinkCheckBadgeProps {
  linkCheck?: LinkCheckFacts | null;
  /** An archived copy an analyst gave, offered beside a failing address. */
  archiveUrl?: string | null;
}

/** Whether the last check found the address gone: answered 4xx/5xx, or not at all. */
export const isFailing = (check: LinkCheckFacts | null | undefined): boolean => check?.state === 'BROKEN' || check?.state === 'UNREACHABLE';

/**
 * Flags a source whose address the last link check found broken (with the status) or unreachable,
 * with when it was checked, and a link to the archived copy when there is one. Nothing for a
 * working, redirected or unchecked address.
 */
export function LinkCheckBadge({ linkCheck, archiveUrl }: LinkCheckBadgeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!linkCheck || !isFailing(linkCheck)) return null;
  const label = linkCheck.state === 'BROKEN' ? t('evidence.link.broken', { code: linkCheck.statusCode ?? '?' }) : t('evidence.link.unreachable');
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color="red" variant="light" autoContrast>
        {label}
      </Badge>
      <Text size="xs" c="dimmed">
        {t('evidence.link.checkedOn', { date: format.date(linkCheck.checkedAt) })}
      </Text>
      {archiveUrl && !checkEvidenceUrl(archiveUrl) && (
        <Anchor size="xs" href={archiveUrl} target="_blank" rel="noopener noreferrer">
          {t('evidence.link.archivedCopy')}
        </Anchor>
      )}
    </Group>
  );
}
