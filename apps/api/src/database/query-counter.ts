import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * Counts every SQL statement the data source sends. The N+1 test reads it; it also logs failing
 * statements server-side, since clients only ever see a generic error.
 */
export class QueryCounter extends AbstractLogger {
  count = 0;

  override logQuery(): void {
    this.count += 1;
  }

  override logQueryError(error: string | Error, query: string): void {
    this.count += 1;
    if (process.env.LOG_SQL_ERRORS !== 'false') console.error(`SQL failed: ${String(error)}\n  ${query.slice(0, 500)}`);
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[], _queryRunner?: QueryRunner): void {
    // statements are counted, not printed
  }
}
