import { checkText } from '@pactwatch/domain';

/** The API's limit for a comment (AddCommentInput: 1–10000 characters). */
export const COMMENT_MAX_LENGTH = 10_000;

/** Why a comment cannot be sent as it is, or null: the server's own text rule, checked before sending. */
export function commentProblem(body: string): 'required' | 'tooLong' | null {
  const violation = checkText('body', body, { required: true, max: COMMENT_MAX_LENGTH });
  if (!violation) return null;
  return body.trim() === '' ? 'required' : 'tooLong';
}
