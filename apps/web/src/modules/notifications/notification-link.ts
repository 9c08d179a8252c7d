/** Where a notification leads: the commitment or agreement the comment is on, or the commitment assigned. */
export function notificationHref(n: { comment?: { subjectType: string; subjectId: string } | null; commitment?: { id: string } | null }): string {
  if (n.comment) return n.comment.subjectType === 'AGREEMENT' ? `/agreements/${n.comment.subjectId}` : `/commitments/${n.comment.subjectId}`;
  return n.commitment ? `/commitments/${n.commitment.id}` : '/notifications';
}
