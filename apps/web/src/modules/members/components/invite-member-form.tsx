import { FormEvent, useState } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canGrantRole, checkEmail, Role } from '@pactwatch/domain';
import { ErrorAlert } from '../../ui/error-alert';
import { useInviteMember } from '../hooks/use-invite-member';

export interface InviteMemberFormProps {
  myRole: Role;
  onInvited: () => void;
}

export function InviteMemberForm({ myRole, onInvited }: InviteMemberFormProps) {
  const { t } = useTranslation();
  const { inviteMember, fetching, error } = useInviteMember();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(Role.ANALYST);
  const [attempted, setAttempted] = useState(false);
  const emailProblem = attempted && checkEmail(email) ? t('members.errors.email') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (checkEmail(email)) return;
    const result = await inviteMember({ email: email.trim(), role });
    if (!result.error) {
      setEmail('');
      setAttempted(false);
      onInvited();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('members.invite')}>
      <ErrorAlert error={error} />
      <Group align="flex-start" mt="xs">
        <TextInput label={t('members.email')} type="email" required value={email} error={emailProblem} onChange={(e) => setEmail(e.currentTarget.value)} w={300} />
        <NativeSelect
          label={t('members.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data={Object.values(Role)
            .filter((r) => canGrantRole(myRole, r))
            .map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <Button type="submit" loading={fetching} mt={25}>
          {t('members.inviteSubmit')}
        </Button>
      </Group>
    </form>
  );
}
