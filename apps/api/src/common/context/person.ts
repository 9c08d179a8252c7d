import { DomainError, ErrorCode } from '@pactwatch/domain';
import { Caller } from './gql-context';

/** The user id of a caller that must be a signed-in person; an API key is refused with `what` in the message. */
export function personOf(caller: Caller, what: string): string {
  if (caller.principal.kind !== 'USER') throw new DomainError(ErrorCode.FORBIDDEN, `${what} are for signed-in people, not API keys`);
  return caller.principal.userId;
}
