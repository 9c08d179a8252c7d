import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MyWorkList } from '../modules/assignees/components/my-work-list';
import { useMyWork } from '../modules/assignees/hooks/use-my-work';
import { useOnReconnected } from '../modules/live/hooks/use-on-reconnected';
import { useSession } from '../modules/session/hooks/use-session';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';
import { localToday } from '../modules/ui/local-today';

/** What is assigned to me: overdue, due in the next 14 days, and the rest. */
export default function MyWorkPage() {
  const { t } = useTranslation();
  const person = useSession().me.kind === 'USER';
  const { data, error, refresh } = useMyWork(person);
  useOnReconnected(refresh);
  const items = data?.commitments.edges.map((e) => e.node) ?? [];
  const total = data?.commitments.totalCount ?? 0;

  return (
    <Stack>
      <Title order={1}>{t('myWork.title')}</Title>
      <Text c="dimmed">{t('myWork.intro')}</Text>
      {!person && <Text>{t('myWork.personOnly')}</Text>}
      <ErrorAlert error={error} />
      {person && !data && !error && <Loading />}
      {data && total === 0 && <Text>{t('myWork.none')}</Text>}
      {data && total > 0 && <MyWorkList items={items} today={localToday()} />}
      {total > items.length && (
        <Anchor component={Link} to="/commitments?assignee=me&sort=DUE_ON">
          {t('myWork.more', { shown: items.length, total })}
        </Anchor>
      )}
    </Stack>
  );
}
