import { Client as WsClient, createClient, type SubscribePayload } from 'graphql-ws';
import type { SubscriptionForwarder } from 'urql';

export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'denied';

/** Set on a subscription's context: variables worked out again each time it is (re)sent, such as a `since` cursor. */
export interface LiveContext {
  liveVariables?: () => Record<string, unknown>;
}

export interface LiveConnection {
  /** For urql's subscriptionExchange. */
  forward: SubscriptionForwarder;
  status: () => LiveStatus;
  /** Told of every status change; returns the way to stop listening. */
  onStatus: (listener: (status: LiveStatus) => void) => () => void;
  /** Told when a lost connection is back: subscriptions without a cursor may have missed something. */
  onReconnected: (listener: () => void) => () => void;
  dispose: () => void;
}

/** Closed by the API when the session or key is not (or no longer) valid; retrying cannot help. */
const DENIED = new Set([4401, 4403]);
function isDenied(event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'code' in event && DENIED.has((event as CloseEvent).code);
}

const PING_EVERY_MS = 12_000;
const PONG_WITHIN_MS = 6_000;

/** ws(s)://<this host>/graphql: the browser sends the session cookie with the upgrade, as with any request. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location, path = '/graphql'): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/** Waits 0.5 s, 1 s, 2 s … up to 10 s between attempts, with jitter so a restarted server is not hit all at once. */
export function retryDelay(retries: number, random = Math.random()): number {
  return Math.min(500 * 2 ** retries, 10_000) + Math.floor(random * 500);
}

/**
 * One graphql-ws connection per session, opened on the first subscription and kept while any is
 * open. A lost connection is retried for ever; a refused one (session over) is not. On each
 * (re)subscription the payload's variables are read again, so a `since` cursor resumes where the
 * client left off rather than where it started.
 */
export function createLiveConnection(url: string, onDenied: () => void = () => undefined): LiveConnection {
  let status: LiveStatus = 'idle';
  let everConnected = false;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const statusListeners = new Set<(s: LiveStatus) => void>();
  const reconnectListeners = new Set<() => void>();
  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    statusListeners.forEach((l) => l(next));
  };

  let ws: WsClient | null = null;
  let generation = 0;
  const socket = (): WsClient => {
    if (ws) return ws;
    // A disposed client may still report its closing; only the current one speaks.
    const mine = ++generation;
    const current = () => mine === generation;
    ws = createClient({
      url,
      lazy: true,
      lazyCloseTimeout: 3_000,
      keepAlive: PING_EVERY_MS,
      retryAttempts: Infinity,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
      shouldRetry: (event) => !isDenied(event),
      on: {
        connecting: (isRetry) => {
          if (current()) setStatus(isRetry || everConnected ? 'reconnecting' : 'connecting');
        },
        connected: (_socket, _payload, wasRetry) => {
          if (!current()) return;
          const again = wasRetry || everConnected;
          everConnected = true;
          setStatus('connected');
          if (again) reconnectListeners.forEach((l) => l());
        },
        ping: (received) => {
          // A socket to a vanished server can stay "open" for minutes; no pong in time, start over.
          if (received || !current()) return;
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => ws?.terminate(), PONG_WITHIN_MS);
        },
        pong: (received) => {
          if (received && current()) clearTimeout(pongTimer);
        },
        closed: (event) => {
          if (!current()) return;
          clearTimeout(pongTimer);
          if (isDenied(event)) {
            setStatus('denied');
            onDenied();
          } else setStatus((event as CloseEvent | undefined)?.code === 1000 ? 'idle' : 'reconnecting');
        },
      },
    });
    return ws;
  };

  return {
    forward(request, operation) {
      const live = (operation.context as LiveContext).liveVariables;
      const payload: SubscribePayload = { ...request, query: request.query ?? '' };
      if (live) {
        // JSON.stringify reads the getter each time graphql-ws sends the subscription, retries included.
        const fixed = request.variables as Record<string, unknown> | undefined;
        Object.defineProperty(payload, 'variables', { enumerable: true, get: () => ({ ...fixed, ...live() }) });
      }
      return { subscribe: (sink) => ({ unsubscribe: socket().subscribe(payload, sink as never) }) };
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    /** Closes the socket; a later subscription (React's strict mode re-runs effects) opens a new one. */
    dispose() {
      clearTimeout(pongTimer);
      const closing = ws;
      ws = null;
      generation += 1;
      everConnected = false;
      void closing?.dispose();
      setStatus('idle');
    },
  };
}
