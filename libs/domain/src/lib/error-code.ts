/** Stable error codes shared by the API (GraphQL `extensions.code`) and the web client. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
  /** The server cannot serve the request now (no database connection in time); try again after `retryAfter` seconds. */
  UNAVAILABLE = 'UNAVAILABLE',
}
