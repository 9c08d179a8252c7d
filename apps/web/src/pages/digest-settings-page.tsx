import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Permission } from '@pactwatch/domain';
import { DigestPreview } from '../modules/digests/components/digest-preview';
import { DigestSettingsForm } from '../modules/digests/components/digest-settings-form';
import { useDigestPreview } from '../modules/digests/hooks/use-digest-preview';
import { useMyDigestSubscription } from '../modules/digests/hooks/use-my-digest-subscription';
import { useCan } from '../modules/session/hooks/use-can';
import { useSession } from '../modules/session/hooks/use-session';
import { ErrorAlert } from '../modules/ui/error-alert';
import { Loading } from '../modules/ui/loading';
import { Panel } from '../modules/ui/panel';
import { useMyWatches } from '../modules/watches/hooks/use-my-watches';

export default function DigestSettingsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const canAdmin = useCan(Permission.MANAGE_MEMBERS);
  const { subscription, error } = useMyDigestSubscription();
  const preview = useDigestPreview();
  const { watches } = useMyWatches();
  const counts = (watches ?? []).reduce<Record<string, number>>((all, w) => ({ ...all, [w.subjectType]: (all[w.subjectType] ?? 0) + 1 }), {});
  const following = Object.entries(counts).map(([type, count]) => t(`digest.following.${type}`, { count }));

  if (me.kind !== 'USER') return <Text>{t('errors.FORBIDDEN')}</Text>;
  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('digest.title')}</Title>
        {canAdmin && (
          <Anchor component={Link} to="/admin/digests" size="sm">
            {t('digest.admin')}
          </Anchor>
        )}
      </Group>
      <Text c="dimmed">{t('digest.intro')}</Text>
      <Panel title={t('digest.settings')}>
        <ErrorAlert error={error} />
        {!subscription && !error && <Loading />}
        {subscription && <DigestSettingsForm key={subscription.id ?? 'new'} subscription={subscription} onSaved={preview.refresh} />}
        <Text size="sm" mt="md" data-testid="following">
          {watches && (following.length ? t('digest.followingList', { list: following.join(', ') }) : t('digest.followingNothing'))}
        </Text>
      </Panel>
      <ErrorAlert error={preview.error} />
      {!preview.preview && !preview.error && <Loading />}
      {preview.preview && <DigestPreview preview={preview.preview} onRefresh={preview.refresh} refreshing={preview.fetching} />}
    </Stack>
  );
}
