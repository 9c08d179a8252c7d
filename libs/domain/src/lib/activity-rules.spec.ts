import { ApiKeyScope, Permission, permissionsOfRole, permissionsOfScope, Role } from './access-rules';
import { canSeeActivity, visibleActivityVerbs } from './activity-rules';

describe('activity rules', () => {
  const ADMIN_ONLY = ['member.invited', 'member.invitation_revoked', 'member.role_changed', 'member.removed', 'workspace.reminders_changed', 'api_key.created', 'api_key.revoked'];

  it('keeps invitations, role changes, removals, reminder settings and API keys from viewers, analysts and keys; who joined any reader sees', () => {
    for (const permissions of [permissionsOfRole(Role.VIEWER), permissionsOfRole(Role.ANALYST), permissionsOfScope(ApiKeyScope.READ), permissionsOfScope(ApiKeyScope.READ_WRITE)]) {
      for (const verb of ADMIN_ONLY) expect(canSeeActivity(permissions, verb)).toBe(false);
      expect(canSeeActivity(permissions, 'commitment.status_changed')).toBe(true);
      expect(canSeeActivity(permissions, 'member.joined')).toBe(true);
      expect(visibleActivityVerbs(permissions).filter((verb) => ADMIN_ONLY.includes(verb))).toEqual([]);
    }
  });

  it('keeps webhook, digest-recipient, digest-setting and watch rows from viewers, analysts and keys; admins see them', () => {
    const adminOnly = ['webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.deleted', 'webhook_endpoint.disabled', 'digest_recipient.added', 'digest_recipient.confirmed', 'digest_recipient.removed', 'digest_subscription.updated', 'digest_subscription.unsubscribed', 'watch.added', 'watch.removed'];
    for (const permissions of [permissionsOfRole(Role.VIEWER), permissionsOfRole(Role.ANALYST), permissionsOfScope(ApiKeyScope.READ), permissionsOfScope(ApiKeyScope.READ_WRITE)]) {
      expect(adminOnly.filter((verb) => canSeeActivity(permissions, verb))).toEqual([]);
    }
    for (const role of [Role.ADMIN, Role.OWNER]) expect(adminOnly.filter((verb) => !canSeeActivity(permissionsOfRole(role), verb))).toEqual([]);
  });

  it('shows admins and owners every verb', () => {
    for (const role of [Role.ADMIN, Role.OWNER]) {
      for (const verb of ADMIN_ONLY) expect(canSeeActivity(permissionsOfRole(role), verb)).toBe(true);
      expect(visibleActivityVerbs(permissionsOfRole(role))).toEqual(expect.arrayContaining(ADMIN_ONLY));
    }
  });

  it('shows a verb it does not know to nobody', () => {
    expect(canSeeActivity(Object.values(Permission), 'secret.leaked')).toBe(false);
  });

  it('lists for a reader exactly the verbs it may see', () => {
    const reader = permissionsOfRole(Role.VIEWER);
    const visible = visibleActivityVerbs(reader);
    expect(visible.every((verb) => canSeeActivity(reader, verb))).toBe(true);
    expect(visible).toContain('workspace.renamed');
    expect(visible.some((verb) => ADMIN_ONLY.includes(verb))).toBe(false);
  });
});
