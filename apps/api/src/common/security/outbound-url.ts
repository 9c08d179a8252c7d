import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard for requests the API makes to addresses its users give (webhooks): http(s) only,
 * no credentials in the URL, and only to public unicast addresses. A host name is resolved and
 * refused when ANY of its addresses is not public; the connection then goes to the address that
 * was checked (a `lookup` that answers with it), so a second DNS answer cannot rebind it to an
 * inside address. No redirect is followed here (link checks follow one by checking its target
 * again), the request has a deadline and at most
 * RESPONSE_CAP bytes of the answer are read (and thrown away).
 */

/** The answer's body read at most (then the connection is cut): only the status matters. */
export const RESPONSE_CAP = 64 * 1024;

export class OutboundUrlError extends Error {}

export interface OutboundPolicy {
  /** Also 127.0.0.1 and ::1 (and nothing else): WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS. */
  allowLoopback: boolean;
}

export interface CheckedTarget {
  url: URL;
  /** The addresses the host resolved to, all of them public (or the loopback the policy allows). */
  addresses: { address: string; family: 4 | 6 }[];
}

/** Why `address` may not be called, or null when it may (ipaddr.js's ranges, IPv4-mapped IPv6 read as IPv4). */
export function refusedAddress(address: string, policy: OutboundPolicy): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (policy.allowLoopback && range === 'loopback' && (ip.toString() === '127.0.0.1' || ip.toString() === '::1')) return null;
  if (range !== 'unicast') return `${ip.toString()} is a ${range} address, not a public one`;
  return null;
}

/** The URL checked as far as it can be without DNS: a string that parses, http(s), no user or password. */
export function parseOutboundUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundUrlError('must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundUrlError(`must be http or https, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new OutboundUrlError('must not carry a user name or password');
  if (!url.hostname) throw new OutboundUrlError('must name a host');
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Resolves the URL's host (every address) and refuses it unless each one may be called. */
export async function checkOutboundUrl(raw: string, policy: OutboundPolicy): Promise<CheckedTarget> {
  const url = parseOutboundUrl(raw);
  const host = hostOf(url);
  let addresses: LookupAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
      dnsLookup(host, { all: true, verbatim: true }, (err, found) => (err ? reject(new OutboundUrlError(`host ${host} could not be resolved (${err.code ?? err.message})`)) : resolve(found))),
    );
    if (!addresses.length) throw new OutboundUrlError(`host ${host} has no address`);
  }
  for (const a of addresses) {
    const why = refusedAddress(a.address, policy);
    if (why) throw new OutboundUrlError(`must reach a public address: ${host === a.address ? '' : `${host} resolves to `}${why}`);
  }
  return { url, addresses: addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })) };
}

export interface OutboundResponse {
  status: number;
  durationMs: number;
  /** The Location header, as sent (a redirect's target, never followed here). */
  location: string | null;
}

export interface OutboundRequest {
  method: 'POST' | 'HEAD' | 'GET';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/**
 * POSTs `body` to the checked target, connecting to its first checked address only. Resolves with
 * the status (a 3xx is returned as it is, never followed); rejects on a connection failure or
 * when `timeoutMs` passes before the answer's head and (capped) body have come.
 */
export function postChecked(target: CheckedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<OutboundResponse> {
  return requestChecked(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Pactwatch-Webhooks', ...headers },
    body,
    timeoutMs,
  });
}

/**
 * One request to the checked target, connecting to its first checked address only (POST, or HEAD
 * and GET for link checks). Resolves with the status and Location (a 3xx is never followed here:
 * a caller that follows one checks its target again); rejects on a connection failure or when
 * `timeoutMs` passes before the answer's head and (capped) body have come.
 */
export function requestChecked(target: CheckedTarget, request: OutboundRequest): Promise<OutboundResponse> {
  const pinned = target.addresses[0];
  // Node asks for one address or (autoSelectFamily) all of them: either way only the checked one.
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const started = Date.now();
  const client = target.url.protocol === 'https:' ? https : http;
  const { timeoutMs } = request;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = client.request(
      target.url,
      { method: request.method, lookup, agent: false, headers: request.headers, signal: AbortSignal.timeout(timeoutMs) },
      (res) => {
        let read = 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        const done = () => resolve({ status: res.statusCode ?? 0, durationMs: Date.now() - started, location });
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > RESPONSE_CAP) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', (err) => (read > RESPONSE_CAP ? done() : reject(err)));
      },
    );
    req.on('error', (err: Error) => reject(err.name === 'AbortError' || err.name === 'TimeoutError' ? new Error(`no answer within ${timeoutMs} ms`) : err));
    req.end(request.body);
  });
}
