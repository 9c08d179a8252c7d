import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@pactwatch/domain';
import { DataSource } from 'typeorm';

const WINDOW_MINUTES = 15;
const PER_ACCOUNT = 5;
const PER_ADDRESS = 20;

/**
 * Failed sign-ins are counted in PostgreSQL, so guessing is throttled per account and per
 * address across every instance: five misses on one account, or twenty from one address, in
 * fifteen minutes, and sign-in waits.
 */
@Injectable()
export class SignInThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS account, count(*) FILTER (WHERE ip = $2)::int AS address,
              ceil(extract(epoch FROM min(created_at) + make_interval(mins => $3) - now()))::int AS "retryAfter"
       FROM sign_in_failures WHERE (email = $1 OR ip = $2) AND created_at > now() - make_interval(mins => $3)`,
      [email, ip, WINDOW_MINUTES],
    );
    if (row.account >= PER_ACCOUNT || row.address >= PER_ADDRESS) {
      const retryAfter = Math.max(1, row.retryAfter ?? WINDOW_MINUTES * 60);
      throw new DomainError(ErrorCode.RATE_LIMITED, `Too many failed sign-ins; try again in ${retryAfter} seconds`, { retryAfter });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.query('INSERT INTO sign_in_failures (email, ip) VALUES ($1, $2)', [email, ip]);
  }

  async clear(email: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sign_in_failures WHERE email = $1 OR created_at < now() - make_interval(mins => $2)`,
      [email, WINDOW_MINUTES],
    );
  }
}
