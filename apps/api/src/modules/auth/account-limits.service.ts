import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@pactwatch/domain';
import type { Pool, QueryConfig } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { addressKey } from '../../common/security/caller-limits';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The numbers the README states: keep them in step. */
export const ACCOUNT_LIMITS = {
  /** Wrong passwords in a row from one address on one account (or on changePassword) before the first wait. */
  freeFailures: 5,
  /** The first wait, doubled at each further miss, up to the longest. */
  firstBlockSeconds: 1,
  maxBlockSeconds: 15 * 60,
  /** How long misses in a row are remembered without a success. */
  failureMemorySeconds: 24 * 3600,
  /** Sign-in attempts from one address across accounts, and on one account from every address. */
  perAddress: { points: 20, seconds: 15 * 60 },
  perAccount: { points: 100, seconds: 24 * 3600 },
  /** Sign-up and reset mails to one email address, and asked from one caller's address. */
  mailPerEmail: { points: 3, seconds: 3600 },
  mailPerAddress: { points: 10, seconds: 3600 },
} as const;

/** Keys are hashed: the table keeps no email or address in clear, and none overflows the key column. */
export function keyOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

function refused(what: string, msBeforeNext: number): DomainError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError(ErrorCode.RATE_LIMITED, `Too many ${what}; try again in ${retryAfter} seconds`, { retryAfter });
}

/** Whether a limiter refused (it rejects with its result) rather than failed (it rejects with an Error). */
function isRefusal(err: unknown): err is RateLimiterRes {
  return err instanceof RateLimiterRes;
}

/**
 * Misses in a row on one key, with a doubling wait: `freeFailures` attempts, then one attempt per
 * wait of 1 s, 2 s, 4 s … up to 15 minutes. An attempt is claimed (counted) before the secret is
 * checked, in one upsert, so a concurrent burst gets no more checks than the limit allows.
 */
class ConsecutiveFailures {
  private readonly tries: RateLimiterPostgres;
  private readonly level: RateLimiterPostgres;

  constructor(store: (prefix: string, points: number, seconds: number) => RateLimiterPostgres, prefix: string) {
    this.tries = store(`${prefix}_tries`, ACCOUNT_LIMITS.freeFailures, ACCOUNT_LIMITS.failureMemorySeconds);
    this.level = store(`${prefix}_level`, 1_000_000, ACCOUNT_LIMITS.failureMemorySeconds);
  }

  /** The attempt's number in the current run (to pass to `failed`), or the wait in ms when it is refused. */
  async claim(key: string): Promise<{ attempt: number; level: number } | { waitMs: number }> {
    const level = (await this.level.get(key))?.consumedPoints ?? 0;
    // After a wait, one attempt: a run of free attempts is only the first.
    const allowed = level === 0 ? ACCOUNT_LIMITS.freeFailures : 1;
    const res = await this.tries.penalty(key, 1);
    if (res.consumedPoints <= allowed) return { attempt: res.consumedPoints, level };
    // Blocked: the block's own end. Claimed by a burst before the block was set: the wait it is about to get.
    return { waitMs: Math.min(res.msBeforeNext, this.blockSeconds(level + 1) * 1000) };
  }

  /** A miss: the last allowed attempt of a run starts the next, longer wait. */
  async failed(key: string, claim: { attempt: number; level: number }): Promise<void> {
    const allowed = claim.level === 0 ? ACCOUNT_LIMITS.freeFailures : 1;
    if (claim.attempt < allowed) return;
    const level = (await this.level.penalty(key, 1)).consumedPoints;
    await this.tries.block(key, this.blockSeconds(level));
  }

  /** A success ends the run. */
  async succeeded(key: string): Promise<void> {
    await Promise.all([this.tries.delete(key), this.level.delete(key)]);
  }

  /** Hands back an attempt that was refused by another limit before its secret was checked. */
  async unclaim(key: string): Promise<void> {
    await this.tries.reward(key, 1);
  }

  private blockSeconds(level: number): number {
    return Math.min(ACCOUNT_LIMITS.firstBlockSeconds * 2 ** Math.max(0, level - 1), ACCOUNT_LIMITS.maxBlockSeconds);
  }
}

/** What a sign-in or password check reports once the password is known to be right or wrong. */
export interface PasswordAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

/**
 * Limits on what an anonymous caller can try against accounts, counted with rate-limiter-flexible
 * in PostgreSQL (the `rate_limits` table, made by a migration), so every instance counts together.
 * Refusals are RATE_LIMITED with `retryAfter` in seconds.
 */
@Injectable()
export class AccountLimitsService {
  private readonly signInPair: ConsecutiveFailures;
  private readonly passwordChange: ConsecutiveFailures;
  private readonly signInPerAddress: RateLimiterPostgres;
  private readonly signInPerAccount: RateLimiterPostgres;
  private readonly mailPerEmail: RateLimiterPostgres;
  private readonly mailPerAddress: RateLimiterPostgres;

  constructor(dataSource: DataSource) {
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    // The app's own pool; each statement is counted with the data source's, as the tests count them.
    const storeClient = {
      query: (q: QueryConfig) => {
        dataSource.logger.logQuery(q.text, q.values);
        return pool.query(q);
      },
    };
    let first = true;
    const store = (keyPrefix: string, points: number, duration: number) => {
      const limiter = new RateLimiterPostgres({
        storeClient,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        // One limiter sweeps expired rows of the shared table, not each.
        clearExpiredByTimeout: first,
        keyPrefix,
        points,
        duration,
      });
      first = false;
      return limiter;
    };
    this.signInPair = new ConsecutiveFailures(store, 'signin_pair');
    this.passwordChange = new ConsecutiveFailures(store, 'password_change');
    this.signInPerAddress = store('signin_address', ACCOUNT_LIMITS.perAddress.points, ACCOUNT_LIMITS.perAddress.seconds);
    this.signInPerAccount = store('signin_account', ACCOUNT_LIMITS.perAccount.points, ACCOUNT_LIMITS.perAccount.seconds);
    this.mailPerEmail = store('mail_email', ACCOUNT_LIMITS.mailPerEmail.points, ACCOUNT_LIMITS.mailPerEmail.seconds);
    this.mailPerAddress = store('mail_address', ACCOUNT_LIMITS.mailPerAddress.points, ACCOUNT_LIMITS.mailPerAddress.seconds);
  }

  /**
   * Claims a sign-in attempt before the password is checked, or refuses it: misses in a row on this
   * account from this address (with a doubling wait), attempts from this address on any account,
   * attempts on this account from anywhere. The owner elsewhere is not held up by an attacker's misses.
   */
  async signIn(email: string, ip: string): Promise<PasswordAttempt> {
    const pairKey = keyOf(email, addressKey(ip));
    const addressKeyed = keyOf(addressKey(ip));
    const accountKey = keyOf(email);
    const claim = await this.signInPair.claim(pairKey);
    if ('waitMs' in claim) throw refused('failed sign-ins', claim.waitMs);
    const [byAddress, byAccount] = await Promise.allSettled([this.signInPerAddress.consume(addressKeyed), this.signInPerAccount.consume(accountKey)]);
    const refusals = [byAddress, byAccount].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (refusals.length) {
      await Promise.all([
        this.signInPair.unclaim(pairKey),
        byAddress.status === 'fulfilled' ? this.signInPerAddress.reward(addressKeyed, 1) : null,
        byAccount.status === 'fulfilled' ? this.signInPerAccount.reward(accountKey, 1) : null,
      ]);
      const failure = refusals.find((r) => !isRefusal(r.reason));
      if (failure) throw failure.reason;
      throw refused('sign-ins', Math.max(...refusals.map((r) => (r.reason as RateLimiterRes).msBeforeNext)));
    }
    return {
      failed: () => this.signInPair.failed(pairKey, claim),
      // A success costs the address and the account nothing, and ends the run of misses.
      succeeded: async () => {
        await Promise.all([this.signInPair.succeeded(pairKey), this.signInPerAddress.reward(addressKeyed, 1), this.signInPerAccount.reward(accountKey, 1)]);
      },
    };
  }

  /** Claims a check of a signed-in person's current password, or refuses it: misses in a row, with a doubling wait. */
  async passwordCheck(userId: string): Promise<PasswordAttempt> {
    const key = keyOf(userId);
    const claim = await this.passwordChange.claim(key);
    if ('waitMs' in claim) throw refused('wrong passwords', claim.waitMs);
    return { failed: () => this.passwordChange.failed(key, claim), succeeded: () => this.passwordChange.succeeded(key) };
  }

  /**
   * Whether a sign-up or reset mail may go to this email address at the request of this caller's
   * address. Both counts are taken every time, so the work is the same whatever the answer.
   */
  async mayMail(email: string, ip: string): Promise<boolean> {
    const results = await Promise.allSettled([this.mailPerEmail.consume(keyOf(email)), this.mailPerAddress.consume(keyOf(addressKey(ip)))]);
    const failure = results.find((r) => r.status === 'rejected' && !isRefusal(r.reason)) as PromiseRejectedResult | undefined;
    if (failure) throw failure.reason;
    return results.every((r) => r.status === 'fulfilled');
  }
}
