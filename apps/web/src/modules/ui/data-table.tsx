import { Key, ReactNode } from 'react';
import { Table, TableProps, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface DataColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

export interface DataTableProps<T> extends Omit<TableProps, 'children' | 'data'> {
  rows: readonly T[];
  rowKey: (row: T) => Key | null | undefined;
  columns: DataColumn<T>[];
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  /** Said instead of the table when there are no rows; without it an empty table is shown. */
  empty?: string;
  /** A last column of per-row actions, its header for screen readers only. */
  actions?: (row: T) => ReactNode;
  /** data-testid of every row. */
  rowTestId?: string;
}

/** The admin pages' tables (keys, members, invitations, recipients, deliveries, mail): one layout. */
export function DataTable<T>({ rows, rowKey, columns, minWidth, empty, actions, rowTestId, ...table }: DataTableProps<T>) {
  const { t } = useTranslation();
  if (empty !== undefined && rows.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
            {actions && (
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((c) => (
                <Table.Td key={c.header}>{c.cell(row)}</Table.Td>
              ))}
              {actions && <Table.Td>{actions(row)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
