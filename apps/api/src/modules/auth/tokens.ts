import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a link or key, and the hash that is all the database keeps of it. */
export function newSecret(bytes = 32): { secret: string; hash: Buffer } {
  const secret = randomBytes(bytes).toString('base64url');
  return { secret, hash: sha256(secret) };
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares in time that does not depend on where the values differ. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export const API_KEY_PREFIX = 'pw_';
export const SESSION_COOKIE = 'pw_session';

/** `pw_<prefix>_<secret>`: the prefix finds the key (and is shown in lists), the secret proves it. */
export function newApiKey(): { token: string; prefix: string; hash: Buffer } {
  const prefix = randomBytes(6).toString('hex');
  const { secret } = newSecret(32);
  const token = `${API_KEY_PREFIX}${prefix}_${secret}`;
  return { token, prefix, hash: sha256(token) };
}

export function parseApiKey(token: string): { prefix: string } | null {
  const match = /^pw_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(token);
  return match ? { prefix: match[1] } : null;
}
