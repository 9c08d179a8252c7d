import { registerEnumType } from '@nestjs/graphql';
import { checkOutboundUrl, OutboundPolicy, OutboundUrlError, requestChecked } from '../../common/security/outbound-url';

export enum LinkState {
  OK = 'OK',
  REDIRECTED = 'REDIRECTED',
  BROKEN = 'BROKEN',
  UNREACHABLE = 'UNREACHABLE',
}

registerEnumType(LinkState, {
  name: 'LinkState',
  description: 'What the last check of a source address found.',
  valuesMap: {
    OK: { description: 'Answered 2xx at its own address.' },
    REDIRECTED: { description: 'Answered 2xx after one or more redirects; finalUrl is where.' },
    BROKEN: { description: 'Answered 4xx or 5xx (statusCode), at its own address or after redirects.' },
    UNREACHABLE: {
      description: 'No answer: the host did not resolve, refused or cut the connection, did not answer in time, redirected too often, or led to an address the SSRF guard refuses.',
    },
  },
});

/** Redirects followed at most; one more is UNREACHABLE. */
export const MAX_REDIRECTS = 5;

/** Named in every request, so a site's owner can tell who is asking. */
export const LINK_CHECK_USER_AGENT = 'Pactwatch-LinkCheck/1.0 (evidence link checker; +https://github.com/pactwatch)';

export interface LinkResult {
  state: LinkState;
  /** The last status answered (the 4xx/5xx of a BROKEN one); null when nothing answered. */
  statusCode: number | null;
  /** Where the redirects ended; null when none was followed. */
  finalUrl: string | null;
  /** Why it is UNREACHABLE (or the redirect chain's trouble); null otherwise. */
  error: string | null;
}

/** Statuses that say "not with this method": the check asks again with GET. */
const HEAD_REFUSED = new Set([403, 405, 501]);

const isRedirect = (status: number) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

/**
 * Checks one address: HEAD, then GET when the server will not answer HEAD (403, 405, 501).
 * Redirects are followed by hand, at most MAX_REDIRECTS, and every hop's target goes through the
 * SSRF guard again (DNS resolved, every address public, the connection pinned to it): a redirect
 * to a refused address is UNREACHABLE and is never requested. Each request has `timeoutMs`.
 */
export async function checkLink(raw: string, policy: OutboundPolicy, timeoutMs: number): Promise<LinkResult> {
  const headers = { 'user-agent': LINK_CHECK_USER_AGENT, accept: '*/*' };
  let url = raw;
  let status: number | null = null;
  for (let hop = 0; ; hop++) {
    const finalUrl = hop > 0 ? url : null;
    let location: string | null;
    try {
      const target = await checkOutboundUrl(url, policy);
      let res = await requestChecked(target, { method: 'HEAD', headers, timeoutMs });
      if (HEAD_REFUSED.has(res.status)) res = await requestChecked(target, { method: 'GET', headers, timeoutMs });
      status = res.status;
      location = res.location;
    } catch (err) {
      const why = err instanceof OutboundUrlError ? `refused: ${err.message}` : err instanceof Error ? err.message : String(err);
      return { state: LinkState.UNREACHABLE, statusCode: null, finalUrl, error: hop > 0 ? `after a redirect to ${url}: ${why}` : why };
    }
    if (isRedirect(status) && location) {
      if (hop === MAX_REDIRECTS) return { state: LinkState.UNREACHABLE, statusCode: status, finalUrl, error: `more than ${MAX_REDIRECTS} redirects` };
      try {
        url = new URL(location, url).toString();
      } catch {
        return { state: LinkState.UNREACHABLE, statusCode: status, finalUrl, error: `redirected to an address that does not parse: ${location.slice(0, 200)}` };
      }
      continue;
    }
    if (status >= 200 && status < 300) return { state: finalUrl ? LinkState.REDIRECTED : LinkState.OK, statusCode: status, finalUrl, error: null };
    if (status >= 400) return { state: LinkState.BROKEN, statusCode: status, finalUrl, error: null };
    // 1xx, 304, a 3xx without a Location: an answer, but not the page.
    return { state: LinkState.BROKEN, statusCode: status, finalUrl, error: `answered ${status}` };
  }
}
