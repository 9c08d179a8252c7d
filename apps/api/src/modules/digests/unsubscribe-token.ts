import { createHmac } from 'node:crypto';
import { sameHash } from '../auth/tokens';

/** `<subscription id>.<HMAC>`: lets a recipient unsubscribe with one click, without signing in, and nobody else. */
export function signUnsubscribe(subscriptionId: string, secret: string): string {
  return `${subscriptionId}.${mac(subscriptionId, secret)}`;
}

export function verifyUnsubscribe(token: string, secret: string): string | null {
  const [id, signature] = token.split('.');
  if (!id || !signature || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return sameHash(Buffer.from(mac(id, secret)), Buffer.from(signature)) ? id : null;
}

function mac(id: string, secret: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${id}`).digest('base64url');
}
