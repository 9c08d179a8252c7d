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
    // A limit is lifted when enough of its own misses leave the window to bring the count under it:
    // retryAfter says when, per limit (an older miss of another account from the address does not count).
    const [row] = await this.dataSource.query(
      `WITH f AS (
         SELECT email = $1 AS by_account, ip = $2 AS by_address, created_at
         FROM sign_in_failures WHERE (email = $1 OR ip = $2) AND created_at > now() - make_interval(mins => $3)
       ), r AS (
         SELECT count(*) FILTER (WHERE by_account)::int AS account, count(*) FILTER (WHERE by_address)::int AS address,
                array_agg(created_at ORDER BY created_at) FILTER (WHERE by_account) AS account_times,
                array_agg(created_at ORDER BY created_at) FILTER (WHERE by_address) AS address_times
         FROM f
       )
       SELECT account, address,
              ceil(extract(epoch FROM account_times[greatest(account - $4 + 1, 1)] + make_interval(mins => $3) - now()))::int AS "accountRetryAfter",
              ceil(extract(epoch FROM address_times[greatest(address - $5 + 1, 1)] + make_interval(mins => $3) - now()))::int AS "addressRetryAfter"
       FROM r`,
      [email, ip, WINDOW_MINUTES, PER_ACCOUNT, PER_ADDRESS],
    );
    const waits: number[] = [];
    if (row.account >= PER_ACCOUNT) waits.push(row.accountRetryAfter ?? WINDOW_MINUTES * 60);
    if (row.address >= PER_ADDRESS) waits.push(row.addressRetryAfter ?? WINDOW_MINUTES * 60);
    if (waits.length) {
      const retryAfter = Math.max(1, ...waits);
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
