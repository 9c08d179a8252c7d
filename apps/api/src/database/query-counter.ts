import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { currentRequestId, loggableError, statementName } from '../common/logging/logging';

const sqlLog = new Logger('SQL');

const background = new AsyncLocalStorage<true>();

/**
 * Runs work of the server's own timers (presence refresh, digest polls): their statements belong to
 * no request, so the counter leaves them out, and a request measured while one fires counts true.
 */
export function inBackground<T>(work: () => T): T {
  return background.run(true, work);
}

/**
 * Counts every SQL statement the data source sends. The N+1 test reads it; it also logs failing
 * statements server-side (at error level, through the app's logger), since clients only ever see
 * a generic error: the statement's name and the driver's complaint, never its parameters.
 */
export class QueryCounter extends AbstractLogger {
  count = 0;

  override logQuery(): void {
    if (!background.getStore()) this.count += 1;
  }

  override logQueryError(error: string | Error, query: string): void {
    this.count += 1;
    const requestId = currentRequestId();
    sqlLog.error({ statement: statementName(query), err: loggableError(error), ...(requestId && { requestId }) }, 'SQL statement failed');
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[], _queryRunner?: QueryRunner): void {
    // statements are counted, not printed
  }
}
