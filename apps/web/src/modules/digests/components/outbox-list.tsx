import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxQuery } from '../../../gql/graphql';
import { DataTable } from '../../ui/data-table';
import { useFormat } from '../../ui/use-format';
import classes from './digests.module.css';

export interface OutboxListProps {
  messages: OutboxQuery['outbox'];
}

/** Mail held in the local outbox, newest first; each message whole, as text, on request. */
export function OutboxList({ messages }: OutboxListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      verticalSpacing="xs"
      rows={messages}
      rowKey={(m) => m.file}
      rowTestId="outbox-message"
      minWidth={640}
      empty={t('digestAdmin.noMail')}
      columns={[
        {
          header: t('digestAdmin.subject'),
          cell: (m) => (
            <Stack gap={4}>
              <Text size="sm">{m.subject}</Text>
              <details>
                <summary>
                  <Text span size="xs">
                    {t('digestAdmin.raw')}
                  </Text>
                </summary>
                {/* Focusable, so a keyboard can scroll a long line into view. */}
                <pre className={classes.raw} tabIndex={0} aria-label={t('digestAdmin.raw')}>
                  {m.raw}
                </pre>
              </details>
            </Stack>
          ),
        },
        {
          header: t('digestAdmin.to'),
          cell: (m) => (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {m.to}
            </Text>
          ),
        },
        {
          header: t('digestAdmin.date'),
          cell: (m) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {format.dateTime(m.date)}
            </Text>
          ),
        },
      ]}
    />
  );
}
