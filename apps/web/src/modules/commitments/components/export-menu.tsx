import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommitmentFilter } from '../../../gql/graphql';

/** Where the API serves an export (see ExportsController); the list's filter goes along as JSON, none for the whole workspace. */
export function exportUrl(file: 'commitments.csv' | 'commitments.json' | 'status-history.csv' | 'status-history.json', filter: CommitmentFilter): string {
  const given = Object.keys(filter).length > 0;
  return `/export/${file}${given ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;
}

/**
 * Downloads of what the list shows (its filter; the whole workspace when there is none): plain
 * links, so the browser streams the file to disk with the session cookie, whatever its size.
 */
export function ExportMenu({ filter }: { filter: CommitmentFilter }) {
  const { t } = useTranslation();
  const files = [
    ['commitments.csv', t('commitments.export.commitmentsCsv')],
    ['commitments.json', t('commitments.export.commitmentsJson')],
    ['status-history.csv', t('commitments.export.historyCsv')],
    ['status-history.json', t('commitments.export.historyJson')],
  ] as const;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="default">
          {Object.keys(filter).length ? t('commitments.export.filtered') : t('commitments.export.all')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {files.map(([file, label]) => (
          <Menu.Item key={file} component="a" href={exportUrl(file, filter)} download>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
