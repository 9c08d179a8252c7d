import { Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DigestPreviewQuery } from '../../../gql/graphql';
import { useFormat } from '../../ui/use-format';
import classes from './digests.module.css';

export interface DigestPreviewProps {
  preview: DigestPreviewQuery['digestPreview'];
  onRefresh: () => void;
  refreshing: boolean;
}

/**
 * The digest as it would be sent now. Its HTML is an email's, built by the server from others'
 * words: it is shown in a sandboxed frame (sandbox="" — no scripts, no forms, no same-origin
 * access to this page) and never put into the page itself.
 */
export function DigestPreview({ preview, onRefresh, refreshing }: DigestPreviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="digest-preview-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="digest-preview-title">
              {t('digest.preview')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('digest.window', { start: format.dateTime(preview.windowStart), end: format.dateTime(preview.windowEnd) })}
            </Text>
          </div>
          <Button variant="default" size="xs" onClick={onRefresh} loading={refreshing}>
            {t('digest.refreshPreview')}
          </Button>
        </Group>
        <Text size="sm">
          <strong>{t('digest.subject')}</strong> <span data-testid="digest-subject">{preview.subject}</span>
        </Text>
        <Text size="sm" data-testid="digest-item-count">
          {t('digest.items', { count: preview.itemCount })}
        </Text>
        <Tabs defaultValue="html" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="html">{t('digest.asHtml')}</Tabs.Tab>
            <Tabs.Tab value="text">{t('digest.asText')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="html" pt="sm">
            <iframe className={classes.frame} title={t('digest.frameTitle')} sandbox="" srcDoc={preview.html} referrerPolicy="no-referrer" />
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="sm">
            <pre className={classes.raw} tabIndex={0} aria-label={t('digest.asText')}>
              {preview.text}
            </pre>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
