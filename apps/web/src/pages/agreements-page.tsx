import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Permission } from '@pactwatch/domain';
import { AgreementFormDialog } from '../modules/agreements/components/agreement-form-dialog';
import { useCan } from '../modules/session/hooks/use-can';
import { useFindAgreements } from '../modules/agreements/hooks/use-find-agreements';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';
import { useFormat } from '../modules/ui/use-format';

export default function AgreementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [text, setText] = useState(search);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const { page, error } = useFindAgreements(search, null);
  const canWrite = useCan(Permission.WRITE);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (debounced !== search) setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced]); // only a settled change of the text counts

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('agreements.title')}</Title>
        {canWrite && <Button onClick={() => setCreating(true)}>{t('dataEntry.agreement.create')}</Button>}
      </Group>
      {creating && <AgreementFormDialog onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/agreements/${id}`)} />}
      <TextInput type="search" label={t('agreements.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={420} />
      <ErrorAlert error={error} />
      {!page && !error && <Loading />}
      {page && page.totalCount === 0 && <Text>{t('agreements.none')}</Text>}
      {page && page.totalCount > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.title')}</Table.Th>
                <Table.Th scope="col">{t('agreements.kind')}</Table.Th>
                <Table.Th scope="col">{t('fields.parties')}</Table.Th>
                <Table.Th scope="col">{t('agreements.heldOn')}</Table.Th>
                <Table.Th scope="col">{t('agreements.place')}</Table.Th>
                <Table.Th scope="col">{t('nav.commitments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.edges.map(({ node: a }) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/agreements/${a.id}`}>
                      {a.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`agreementKind.${a.kind}`)}</Table.Td>
                  <Table.Td>{a.parties.map((p) => p.code).join(', ')}</Table.Td>
                  <Table.Td>{format.date(a.heldOn ?? a.signedOn)}</Table.Td>
                  <Table.Td>{a.place ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/commitments?agreement=${a.id}`} aria-label={t('agreements.commitmentsOf', { count: a.commitments.totalCount, title: a.title })}>
                      {format.number(a.commitments.totalCount)}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
