import { useState } from 'react';
import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { ApiKeysQuery } from '../../../gql/graphql';
import { ConfirmButton } from '../../ui/confirm-button';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/use-format';
import { useRevokeApiKey } from '../hooks/use-revoke-api-key';

export interface ApiKeysTableProps {
  apiKeys: ApiKeysQuery['apiKeys'];
  onChanged: () => void;
}

export function ApiKeysTable({ apiKeys, onChanged }: ApiKeysTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { revokeApiKey } = useRevokeApiKey();
  const [error, setError] = useState<CombinedError | null>(null);
  if (apiKeys.length === 0) return <Text c="dimmed">{t('apiKeys.none')}</Text>;

  return (
    <>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('apiKeys.name')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.prefix')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.scope')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.lastUsed')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {apiKeys.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>
                  <code>{k.prefix}…</code>
                </Table.Td>
                <Table.Td>{t(`apiKeys.scopes.${k.scope}`)}</Table.Td>
                <Table.Td>{format.dateTime(k.createdAt)}</Table.Td>
                <Table.Td>{k.lastUsedAt ? format.dateTime(k.lastUsedAt) : t('apiKeys.never')}</Table.Td>
                <Table.Td>
                  {k.revokedAt ? (
                    <Badge color="gray" variant="light" autoContrast>
                      {t('apiKeys.revokedOn', { date: format.date(k.revokedAt) })}
                    </Badge>
                  ) : (
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('apiKeys.revokeOf', { name: k.name })}
                      question={t('apiKeys.revokeQuestion', { name: k.name })}
                      confirmLabel={t('apiKeys.revoke')}
                      onConfirm={async () => {
                        const result = await revokeApiKey({ apiKeyId: k.id });
                        setError(result.error ?? null);
                        onChanged();
                      }}
                    >
                      {t('apiKeys.revoke')}
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
