/** Where a notification leads: the commitment or agreement the comment is on, or the commitment assigned; a disabled webhook leads home. */
export function notificationHref(n: { comment?: { subjectType: string; subjectId: string } | null; commitment?: { id: string } | null }): string {
  if (n.comment) return n.comment.subjectType === 'AGREEMENT' ? `/agreements/${n.comment.subjectId}` : `/commitments/${n.comment.subjectId}`;
  return n.commitment ? `/commitments/${n.commitment.id}` : '/';
}

type NotificationKey = 'notifications.mentioned' | 'notifications.assigned' | 'notifications.webhookDisabled' | 'notifications.dueSoon' | 'notifications.overdue';

/**
 * The line a notification reads as: a mention, an assignment, a webhook endpoint (its URL in
 * subjectTitle) that was disabled, or a reminder that a commitment is due soon or overdue.
 */
export function notificationKey(kind: string): NotificationKey {
  if (kind === 'WEBHOOK_DISABLED') return 'notifications.webhookDisabled';
  if (kind === 'DUE_SOON') return 'notifications.dueSoon';
  if (kind === 'OVERDUE') return 'notifications.overdue';
  return kind === 'ASSIGNED' ? 'notifications.assigned' : 'notifications.mentioned';
}

/** The values a notification's line reads: who, what, and for a reminder the due date as the reader's format shows it. */
export function notificationValues(
  n: { actorLabel: string; subjectTitle: string; dueOn?: string | null },
  formatDate: (iso: string | null | undefined) => string,
): { actor: string; title: string; dueOn: string } {
  return { actor: n.actorLabel, title: n.subjectTitle, dueOn: formatDate(n.dueOn) };
}
