import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/hooks/use-session';
import { usePresence } from '../hooks/use-presence';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/** "Also here: …" — the other people looking at this commitment now, on any API instance. */
export function PresenceList({ commitmentId }: { commitmentId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const viewers = usePresence(commitmentId);
  // One person may have it open in several tabs; each shows once, and you are not listed to yourself.
  const others = [...new Map((viewers ?? []).filter((v) => v.user.id !== me.user?.id).map((v) => [v.user.id, v.user])).values()];
  const names = others.map((u) => u.name).join(', ');
  // The live region is there from the start, so arrivals and departures are announced.
  return (
    <div aria-live="polite" data-testid="presence">
      {others.length > 0 && (
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('presence.alsoHere', { count: others.length, names })}
          </Text>
          <Avatar.Group spacing="xs" aria-hidden="true">
            {others.slice(0, 5).map((u) => (
              <Tooltip key={u.id} label={u.name} withArrow>
                <Avatar size="sm" radius="xl" color="blue">
                  {initials(u.name)}
                </Avatar>
              </Tooltip>
            ))}
          </Avatar.Group>
        </Group>
      )}
    </div>
  );
}
