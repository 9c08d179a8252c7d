import { isIPv6 } from 'node:net';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
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

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export type RateVerdict = { allowed: true; remaining: number; limit: number } | { allowed: false; retryAfter: number; limit: number };

/**
 * RATE_LIMIT_PER_MINUTE operations in any 60 seconds per caller, over HTTP and WebSocket alike:
 * every request counts, including those refused before they run (a document that does not parse,
 * one over the cost limits). rate-limiter-flexible's memory store: the counts are this instance's.
 */
export class CallerRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perMinute: number) {
    this.limiter = new RateLimiterMemory({ keyPrefix: 'graphql', points: perMinute, duration: 60 });
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
