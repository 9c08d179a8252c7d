import { useState } from 'react';
import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { DigestSubscriptionFieldsFragment } from '../../../gql/graphql';
import { ConfirmButton } from '../../ui/confirm-button';
import { ErrorAlert } from '../../ui/error-alert';
import { useRemoveDigestRecipient } from '../hooks/use-remove-digest-recipient';

export interface DigestRecipientsTableProps {
  recipients: DigestSubscriptionFieldsFragment[];
}

export function DigestRecipientsTable({ recipients }: DigestRecipientsTableProps) {
  const { t } = useTranslation();
  const { removeDigestRecipient } = useRemoveDigestRecipient();
  const [error, setError] = useState<CombinedError | null>(null);
  if (!recipients.length) return <Text c="dimmed">{t('digestAdmin.noRecipients')}</Text>;
  return (
    <>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="digest-recipients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('digestAdmin.email')}</Table.Th>
              <Table.Th scope="col">{t('digest.cadence')}</Table.Th>
              <Table.Th scope="col">{t('digest.locale')}</Table.Th>
              <Table.Th scope="col">{t('digestAdmin.state')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recipients.map((r) => {
              const state = r.unsubscribed ? 'unsubscribed' : r.confirmed ? 'confirmed' : 'pending';
              return (
                <Table.Tr key={r.id ?? r.email}>
                  <Table.Td>{r.email}</Table.Td>
                  <Table.Td>{t(`digest.cadences.${r.cadence}`)}</Table.Td>
                  <Table.Td>{r.locale}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={state === 'confirmed' ? 'green' : state === 'pending' ? 'yellow' : 'gray'}>
                      {t(`digestAdmin.states.${state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.id && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('digestAdmin.removeOf', { email: r.email })}
                        question={t('digestAdmin.removeQuestion', { email: r.email })}
                        confirmLabel={t('digestAdmin.remove')}
                        onConfirm={async () => setError((await removeDigestRecipient(r.id as string)).error ?? null)}
                      >
                        {t('digestAdmin.remove')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
