/** Where a notification leads: the commitment or agreement the comment is on, or the commitment assigned; a disabled webhook leads home. */
export function notificationHref(n: { comment?: { subjectType: string; subjectId: string } | null; commitment?: { id: string } | null }): string {
  if (n.comment) return n.comment.subjectType === 'AGREEMENT' ? `/agreements/${n.comment.subjectId}` : `/commitments/${n.comment.subjectId}`;
  return n.commitment ? `/commitments/${n.commitment.id}` : '/';
}

/** The line a notification reads as: a mention, an assignment, or a webhook endpoint (its URL in subjectTitle) that was disabled. */
export function notificationKey(kind: string): 'notifications.mentioned' | 'notifications.assigned' | 'notifications.webhookDisabled' {
  if (kind === 'WEBHOOK_DISABLED') return 'notifications.webhookDisabled';
  return kind === 'ASSIGNED' ? 'notifications.assigned' : 'notifications.mentioned';
}
