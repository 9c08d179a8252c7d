import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { RowActionButton } from '../../ui/confirm-button';
import { useTranslation } from 'react-i18next';
import { checkEvidenceUrl, EvidenceStance } from '@pactwatch/domain';
import { useFormat } from '../../ui/use-format';
import { LinkCheckBadge, LinkCheckFacts } from './link-check-badge';

export interface EvidenceItem {
  id: string;
  title: string;
  url?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
  kind: string;
  stance: string;
  addedBy: string;
  /** Where it can be archived: the version read. */
  version?: number;
  /** The last link check of its address, where it was read. */
  linkCheck?: LinkCheckFacts | null;
  archiveUrl?: string | null;
}

export interface EvidenceListProps {
  items: EvidenceItem[];
  /** Offered to those who may change sources: take it off this commitment or agreement, or archive it everywhere. */
  onDetach?: (item: EvidenceItem) => void;
  /** Offered to those who may correct a source. */
  onEdit?: (item: EvidenceItem) => void;
  onArchive?: (item: EvidenceItem) => void;
  /** What it is on, for the detach button's words. */
  on?: 'commitment' | 'agreement';
}

const STANCE_COLORS: Record<EvidenceStance, string> = { SUPPORTS: 'green', CONTRADICTS: 'red', CONTEXT: 'gray' };

export function EvidenceList({ items, onDetach, onEdit, onArchive, on = 'commitment' }: EvidenceListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <Text c="dimmed">{t('evidence.none')}</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((e) => (
        <li key={e.id}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge color={STANCE_COLORS[e.stance as EvidenceStance]} variant="light" autoContrast style={{ flex: 'none' }}>
              {t(`stance.${e.stance}`)}
            </Badge>
            <div>
              {/* Only plain http(s) addresses become links, and they open without access to this page. */}
              {e.url && !checkEvidenceUrl(e.url) ? (
                <Anchor href={e.url} target="_blank" rel="noopener noreferrer">
                  {e.title}
                </Anchor>
              ) : (
                <Text>{e.title}</Text>
              )}
              <Text size="xs" c="dimmed">
                {[e.publisher, e.publishedOn ? format.date(e.publishedOn) : null, t(`evidenceKind.${e.kind}`), t('evidence.addedBy', { name: e.addedBy })]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <LinkCheckBadge linkCheck={e.linkCheck} archiveUrl={e.archiveUrl} />
              {(onDetach || onEdit || onArchive) && (
                <Group gap={4}>
                  {onEdit && (
                    <Button size="xs" variant="subtle" onClick={() => onEdit(e)} aria-label={t('dataEntry.evidence.editNamed', { title: e.title })}>
                      {t('dataEntry.edit')}
                    </Button>
                  )}
                  {onDetach && (
                    <RowActionButton
                      label={t(on === 'agreement' ? 'dataEntry.evidence.detachFromAgreement' : 'dataEntry.evidence.detach')}
                      question={t(on === 'agreement' ? 'dataEntry.evidence.confirmDetachFromAgreement' : 'dataEntry.evidence.confirmDetach', { title: e.title })}
                      onConfirm={() => onDetach(e)}
                    />
                  )}
                  {onArchive && <RowActionButton label={t('dataEntry.evidence.archive')} question={t('dataEntry.evidence.confirmArchive', { title: e.title })} onConfirm={() => onArchive(e)} />}
                </Group>
              )}
            </div>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
