import { Permission } from '@pactwatch/domain';
import { useSession } from './use-session';

/** Whether the signed-in person may do this here; edit controls render only when true. */
export function useCan(permission: Permission | `${Permission}`): boolean {
  const { me } = useSession();
  return (me.permissions as string[]).includes(permission);
}
