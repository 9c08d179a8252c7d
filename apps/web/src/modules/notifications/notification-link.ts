/** Where a notification leads: the commitment or agreement the comment is on; a disabled webhook (no comment) leads home. */
export function notificationHref(comment: { subjectType: string; subjectId: string } | null): string {
  if (!comment) return '/';
  return comment.subjectType === 'AGREEMENT' ? `/agreements/${comment.subjectId}` : `/commitments/${comment.subjectId}`;
}

/** The line a notification reads as: a mention, or a webhook endpoint (its URL in subjectTitle) that was disabled. */
export function notificationKey(kind: string): 'notifications.mentioned' | 'notifications.webhookDisabled' {
  return kind === 'WEBHOOK_DISABLED' ? 'notifications.webhookDisabled' : 'notifications.mentioned';
}
