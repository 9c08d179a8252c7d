import { isIPv6 } from 'node:net';
import type { Pool } from 'pg';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { Principal } from '../context/principal';

/**
 * Who a request is for rate limits and fair admission: a person (by user id, whichever session),
 * an API key (by key id), or else its address (IPv6 by /64, which one subscriber usually holds).
 */
export function callerKey(principal: Principal | null | undefined, address: string | undefined): string {
  if (principal?.kind === 'USER') return `user:${principal.userId}`;
  if (principal?.kind === 'API_KEY') return `key:${principal.keyId}`;
  return `address:${addressKey(address ?? 'unknown')}`;
}

/** An IPv4 address as it is; an IPv6 one by its /64, which one subscriber usually holds whole. */
export function addressKey(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail] = ip.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

export type RateVerdict = { allowed: true; remaining: number; limit: number } | { allowed: false; retryAfter: number; limit: number };

/**
 * RATE_LIMIT_PER_MINUTE operations in any 60 seconds per caller, over HTTP and WebSocket alike:
 * every request counts, including those refused before they run (a document that does not parse,
 * one over the cost limits). Given the app's pool, the counts live in PostgreSQL (rate-limiter-flexible's
 * PostgreSQL store, table request_counts), so a caller who spreads requests over several instances
 * gets the one limit; a caller past it is then refused from memory until its window ends, without a
 * statement. Should PostgreSQL not answer, the memory store counts meanwhile (per instance).
 * Without a pool (unit tests), only the memory store.
 */
export class CallerRateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    readonly perMinute: number,
    pool?: Pool,
  ) {
    const memory = new RateLimiterMemory({ keyPrefix: 'graphql', points: perMinute, duration: 60 });
    this.limiter = pool
      ? new RateLimiterPostgres({
          storeClient: pool,
          storeType: 'pool',
          // UNLOGGED (migration 1765100000000): a count written on every request, lost only in a crash.
          tableName: 'request_counts',
          tableCreated: true,
          clearExpiredByTimeout: true,
          keyPrefix: 'graphql',
          points: perMinute,
          duration: 60,
          inMemoryBlockOnConsumed: perMinute,
          insuranceLimiter: memory,
        })
      : memory;
  }

  async consume(key: string): Promise<RateVerdict> {
    try {
      const res = await this.limiter.consume(key);
      return { allowed: true, remaining: res.remainingPoints, limit: this.perMinute };
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      return { allowed: false, retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)), limit: this.perMinute };
    }
  }
}
