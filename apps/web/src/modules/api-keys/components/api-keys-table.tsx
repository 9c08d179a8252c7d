import { useState } from 'react';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { ApiKeysQuery } from '../../../gql/graphql';
import { RowActionButton } from '../../ui/confirm-button';
import { DataTable } from '../../ui/data-table';
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

  return (
    <>
      <ErrorAlert error={error} />
      <DataTable
        rows={apiKeys}
        rowKey={(k) => k.id}
        minWidth={720}
        empty={t('apiKeys.none')}
        columns={[
          { header: t('apiKeys.name'), cell: (k) => k.name },
          { header: t('apiKeys.prefix'), cell: (k) => <code>{k.prefix}…</code> },
          { header: t('apiKeys.scope'), cell: (k) => t(`apiKeys.scopes.${k.scope}`) },
          { header: t('apiKeys.createdAt'), cell: (k) => format.dateTime(k.createdAt) },
          { header: t('apiKeys.lastUsed'), cell: (k) => (k.lastUsedAt ? format.dateTime(k.lastUsedAt) : t('apiKeys.never')) },
        ]}
        actions={(k) =>
          k.revokedAt ? (
            <Badge color="gray" variant="light" autoContrast>
              {t('apiKeys.revokedOn', { date: format.date(k.revokedAt) })}
            </Badge>
          ) : (
            <RowActionButton
              label={t('apiKeys.revoke')}
              aria-label={t('apiKeys.revokeOf', { name: k.name })}
              question={t('apiKeys.revokeQuestion', { name: k.name })}
              onConfirm={async () => {
                const result = await revokeApiKey({ apiKeyId: k.id });
                setError(result.error ?? null);
                onChanged();
              }}
            />
          )
        }
      />
    </>
  );
}
