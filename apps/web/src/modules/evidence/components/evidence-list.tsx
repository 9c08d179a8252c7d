import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkEvidenceUrl, EvidenceStance } from '@pactwatch/domain';
import { useFormat } from '../../ui/use-format';

export interface EvidenceItem {
  id: string;
  title: string;
  url?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
  kind: string;
  stance: string;
  addedBy: string;
}

export interface EvidenceListProps {
  items: EvidenceItem[];
}

const STANCE_COLORS: Record<EvidenceStance, string> = { SUPPORTS: 'green', CONTRADICTS: 'red', CONTEXT: 'gray' };

export function EvidenceList({ items }: EvidenceListProps) {
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
            </div>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
