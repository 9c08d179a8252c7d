/** Where a notification leads: the commitment or agreement the comment is on. */
export function notificationHref(comment: { subjectType: string; subjectId: string }): string {
  return comment.subjectType === 'AGREEMENT' ? `/agreements/${comment.subjectId}` : `/commitments/${comment.subjectId}`;
}
