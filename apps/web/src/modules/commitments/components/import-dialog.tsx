import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../../ui/use-return-focus';

/** The API's answer to POST /import/commitments.csv (ImportReport in apps/api). */
export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  agreementsCreated: number;
  errors: { row: number; column: string | null; message: string }[];
  moreErrors: number;
}

type Outcome = { report: ImportReport } | { refused: string };

async function sendImport(file: File, dryRun: boolean): Promise<Outcome> {
  const res = await fetch(`/import/commitments.csv?dryRun=${dryRun}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  const body = (await res.json().catch(() => null)) as (ImportReport & { errors?: unknown }) | { errors: { message: string }[] } | null;
  if (body && 'rows' in body) return { report: body };
  const message = body && Array.isArray(body.errors) && body.errors[0] && 'message' in body.errors[0] ? String(body.errors[0].message) : `HTTP ${res.status}`;
  return { refused: message };
}

/**
 * Commitments from a CSV file (the export's columns): the file is checked first (a dry run that
 * writes nothing, its errors by line and column), and only a clean check can be imported.
 */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  useReturnFocus();
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const outcome = await sendImport(file, dryRun);
      if (dryRun) setChecked(outcome);
      else {
        setDone(outcome);
        if ('report' in outcome && outcome.report.applied) onImported();
      }
    } catch {
      (dryRun ? setChecked : setDone)({ refused: t('import.unreachable') });
    } finally {
      setBusy(false);
    }
  };
  const shown = done ?? checked;
  const clean = !!checked && 'report' in checked && checked.report.errors.length === 0;

  return (
    <Modal opened onClose={onClose} title={t('import.title')} size="lg">
      <Stack>
        <Text size="sm">{t('import.hint')}</Text>
        <FileInput
          label={t('import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setChecked(null);
            setDone(null);
          }}
        />
        {shown && 'refused' in shown && (
          <Alert color="red" role="alert">
            {shown.refused}
          </Alert>
        )}
        {shown && 'report' in shown && (
          <Stack gap="xs" data-testid="import-report">
            <Text size="sm">
              {t(shown.report.applied ? 'import.applied' : 'import.checked', {
                rows: shown.report.rows,
                created: shown.report.created,
                updated: shown.report.updated,
                unchanged: shown.report.unchanged,
                agreements: shown.report.agreementsCreated,
              })}
            </Text>
            {shown.report.errors.length > 0 && (
              <Table striped aria-label={t('import.errors')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.line')}</Table.Th>
                    <Table.Th>{t('import.column')}</Table.Th>
                    <Table.Th>{t('import.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.report.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.column ?? '—'}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {shown.report.moreErrors > 0 && <Text size="sm">{t('import.moreErrors', { count: shown.report.moreErrors })}</Text>}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('import.close')}
          </Button>
          <Button variant="light" disabled={!file || busy} loading={busy && !clean} onClick={() => void run(true)}>
            {t('import.check')}
          </Button>
          <Button disabled={!clean || busy || !!done} loading={busy && clean} onClick={() => void run(false)}>
            {t('import.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
