import { EventEmitter } from 'node:events';
import { Pool, PoolConfig } from 'pg';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** Seconds a caller is told to wait (Retry-After) when the database could not be had. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/**
 * pg-pool (3.x) gives its timeouts no code, only these messages: waiting for a connection of a
 * full pool, and opening a new one. `checkPoolTimeoutDetection` proves at start-up that the pg
 * installed still says so.
 */
const POOL_TIMEOUT_MESSAGES = new Set(['timeout exceeded when trying to connect', 'Connection terminated due to connection timeout']);
/**
 * pg's own errors for a connection that went away (the server restarted or ended the backend) or
 * was closed, also without a code: a query under way, and one sent to a client already broken.
 */
const CONNECTION_LOST_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
]);
const NODE_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// SQLSTATE class 08 (connection exception); 57P01–57P03: the server shutting down, crashed, or not yet accepting connections.
const SERVER_GONE = /^(08...|57P0[123])$/;

/**
 * Whether the error means the database could not be had in time, refused or lost the connection,
 * or is going away (a restart, a backend ended): the request
 * can be tried again, and the caller is told so (UNAVAILABLE), not that the server is broken.
 * Looks through TypeORM's wrapping (driverError) and `cause`.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (POOL_TIMEOUT_MESSAGES.has(error.message) || CONNECTION_LOST_MESSAGES.has(error.message)) return true;
  if (typeof code === 'string' && (NODE_CONNECTION_CODES.has(code) || SERVER_GONE.test(code))) return true;
  // TypeORM releases a transaction's query runner as soon as its connection reports an error (the
  // server went away between two statements); the transaction's next statement then throws one of
  // these, depending on where it meets the released runner.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError || error instanceof QueryRunnerAlreadyReleasedError) return true;
  // Node's connect to a name with several addresses (localhost: ::1 and 127.0.0.1) fails with all of them.
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  const inner = (error as { driverError?: unknown }).driverError ?? error.cause;
  return inner !== error && isDatabaseUnavailable(inner, depth + 1);
}

/** A pg client that never finishes connecting, to make the pool time out without a database. */
class NeverConnects extends EventEmitter {
  private pending?: (err: Error) => void;
  connect(callback: (err: Error) => void): void {
    this.pending = callback;
  }
  end(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(new Error('ended while connecting'));
    return Promise.resolve();
  }
  isConnected(): boolean {
    return false;
  }
}

/**
 * Start-up self-check for the reliance above on pg-pool's message text: makes the installed pool
 * time out both ways (opening a connection, waiting for one) and throws if either error would
 * not be recognised, so an upgrade of pg that words them differently stops the start instead of
 * turning timeouts back into INTERNAL errors.
 */
export async function checkPoolTimeoutDetection(): Promise<void> {
  const pool = new Pool({ max: 1, connectionTimeoutMillis: 1, Client: NeverConnects } as unknown as PoolConfig);
  try {
    const opening = pool.connect().then(() => null, (err: unknown) => err);
    const waiting = pool.connect().then(() => null, (err: unknown) => err);
    const errors = await Promise.all([opening, waiting]);
    const messages = errors.map((e) => (e instanceof Error ? e.message : String(e)));
    if (!errors.every((e) => isDatabaseUnavailable(e)) || !messages.includes('timeout exceeded when trying to connect')) {
      throw new Error(`pg-pool's timeout errors are no longer recognised (got: ${messages.join(' / ')}); update isDatabaseUnavailable`);
    }
  } finally {
    await pool.end().catch(() => undefined);
  }
}
