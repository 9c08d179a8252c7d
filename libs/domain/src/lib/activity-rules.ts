import { Permission } from './access-rules';

/**
 * Every verb the activity log holds, with the permission a caller needs to see its rows: the one
 * the queries of its subject ask for. Invitations (address and role) and API keys (name and
 * scope) are for those who may list them; who joined any reader sees. Admin events — a member given
 * another role or removed, the reminder days changed — are for those who manage members. Digest recipients (addresses), members' digest settings and watches are
 * for those who manage members, as the digest admin queries are.
 */
export const ACTIVITY_VERBS = {
  'agreement.created': Permission.READ,
  'agreement.updated': Permission.READ,
  'agreement.archived': Permission.READ,
  'agreement.restored': Permission.READ,
  'commitment.created': Permission.READ,
  'commitment.updated': Permission.READ,
  'commitment.status_changed': Permission.READ,
  'commitment.progress_recorded': Permission.READ,
  'commitment.linked': Permission.READ,
  'commitment.unlinked': Permission.READ,
  'commitment.archived': Permission.READ,
  'commitment.restored': Permission.READ,
  'commitment.assigned': Permission.READ,
  'commitment.unassigned': Permission.READ,
  'evidence.added': Permission.READ,
  'evidence.updated': Permission.READ,
  'evidence.detached': Permission.READ,
  'evidence.archived': Permission.READ,
  'indicator.created': Permission.READ,
  'indicator.observation_recorded': Permission.READ,
  'indicator.observation_revised': Permission.READ,
  'comment.added': Permission.READ,
  'comment.edited': Permission.READ,
  'comment.deleted': Permission.READ,
  'workspace.created': Permission.READ,
  'workspace.renamed': Permission.READ,
  'workspace.example_loaded': Permission.READ,
  // The reminder days are a setting only owners and admins change: so is its row seen.
  'workspace.reminders_changed': Permission.MANAGE_MEMBERS,
  'party.created': Permission.READ,
  'party.updated': Permission.READ,
  'party.archived': Permission.READ,
  'party.restored': Permission.READ,
  'organization.created': Permission.READ,
  'organization.updated': Permission.READ,
  'organization.archived': Permission.READ,
  'organization.restored': Permission.READ,
  'person.created': Permission.READ,
  'person.updated': Permission.READ,
  'person.archived': Permission.READ,
  'person.restored': Permission.READ,
  'theme.created': Permission.READ,
  'theme.updated': Permission.READ,
  'theme.archived': Permission.READ,
  'theme.restored': Permission.READ,
  'member.joined': Permission.READ,
  // Who was given another role or removed are admin events: seen by those who manage members.
  'member.role_changed': Permission.MANAGE_MEMBERS,
  'member.removed': Permission.MANAGE_MEMBERS,
  'member.invited': Permission.MANAGE_MEMBERS,
  'member.invitation_revoked': Permission.MANAGE_MEMBERS,
  'api_key.created': Permission.MANAGE_KEYS,
  'api_key.revoked': Permission.MANAGE_KEYS,
  // Digests: outside recipients (their addresses), what a member watches and when they get digests
  // are read only where digestRecipients and digestDeliveries are, by those who manage members.
  'digest_recipient.added': Permission.MANAGE_MEMBERS,
  'digest_recipient.confirmed': Permission.MANAGE_MEMBERS,
  'digest_recipient.removed': Permission.MANAGE_MEMBERS,
  'digest_subscription.updated': Permission.MANAGE_MEMBERS,
  'digest_subscription.unsubscribed': Permission.MANAGE_MEMBERS,
  'watch.added': Permission.MANAGE_MEMBERS,
  'watch.removed': Permission.MANAGE_MEMBERS,
  // Saved views: any reader sees that one changed; a private view's row holds only its id and
  // version (its name and filter are its owner's), a shared view's what everyone sees of it.
  'saved_view.created': Permission.READ,
  'saved_view.updated': Permission.READ,
  'saved_view.deleted': Permission.READ,
  // Webhooks: where the workspace's changes go is for those who manage keys (owners and admins).
  'webhook_endpoint.created': Permission.MANAGE_KEYS,
  'webhook_endpoint.updated': Permission.MANAGE_KEYS,
  'webhook_endpoint.deleted': Permission.MANAGE_KEYS,
  'webhook_endpoint.disabled': Permission.MANAGE_KEYS,
} as const satisfies Record<string, Permission>;

export type ActivityVerb = keyof typeof ACTIVITY_VERBS;

/** Whether a caller with these permissions may see rows of this verb; a verb not listed is shown to nobody. */
export function canSeeActivity(permissions: readonly Permission[], verb: string): boolean {
  const needed = (ACTIVITY_VERBS as Record<string, Permission | undefined>)[verb];
  return needed !== undefined && permissions.includes(needed);
}

/** The verbs a caller with these permissions may see, for a query's `verb = ANY(…)`. */
export function visibleActivityVerbs(permissions: readonly Permission[]): ActivityVerb[] {
  return (Object.keys(ACTIVITY_VERBS) as ActivityVerb[]).filter((verb) => permissions.includes(ACTIVITY_VERBS[verb]));
}
