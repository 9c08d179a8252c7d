import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxQuery } from '../../../gql/graphql';
import { useFormat } from '../../ui/use-format';
import classes from './digests.module.css';

export interface OutboxListProps {
  messages: OutboxQuery['outbox'];
}

/** Mail held in the local outbox, newest first; each message whole, as text, on request. */
export function OutboxList({ messages }: OutboxListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!messages.length) return <Text c="dimmed">{t('digestAdmin.noMail')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('digestAdmin.subject')}</Table.Th>
            <Table.Th scope="col">{t('digestAdmin.to')}</Table.Th>
            <Table.Th scope="col">{t('digestAdmin.date')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((m) => (
            <Table.Tr key={m.file} data-testid="outbox-message">
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm">{m.subject}</Text>
                  <details>
                    <summary>
                      <Text span size="xs">
                        {t('digestAdmin.raw')}
                      </Text>
                    </summary>
                    <pre className={classes.raw}>{m.raw}</pre>
                  </details>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {m.to}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(m.date)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
