import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** What a subscription received, and how it ended. */
export interface Recording<T> {
  values: T[];
  errors: unknown[];
  completed: boolean;
  /** The close event of the socket, once it closed (code 4401: the session or key went; 4403: refused at connect). */
  closed: { code: number; reason: string } | null;
  /** Resolves once `predicate` holds for the values (checked on each new value), or fails after `ms`. */
  until(predicate: (values: T[]) => boolean, ms?: number, what?: string): Promise<T[]>;
  /** Resolves once the socket closed or the subscription ended with an error. */
  ended(ms?: number): Promise<void>;
  client: Client;
  /** Resolves once the socket is open and acknowledged; then waits `settleMs` for the subscription to start on the server. */
  ready(settleMs?: number): Promise<void>;
  /** Ends the subscription and closes the socket (as a closed tab does). */
  close(): Promise<void>;
}

export interface LiveOptions {
  /** 'Bearer …' is added; null connects without credentials. */
  token: string | null;
  /** Reconnect attempts after a dropped socket (0: none, the default for these tests). */
  retryAttempts?: number;
  retryWaitMs?: number;
  /** Extra connection params. */
  params?: Record<string, unknown>;
}

export const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/graphql`;

/**
 * One graphql-ws client (one socket) carrying one subscription. `variables` is the object sent on
 * every (re)subscribe, so changing it (a `since` cursor) changes what a reconnect asks for.
 */
export function subscribe<T = Record<string, any>>(
  httpUrl: string,
  opts: LiveOptions,
  query: string,
  variables: Record<string, unknown> = {},
  onValue?: (value: T) => void,
): Recording<T> {
  const waiters = new Set<() => void>();
  const poke = () => waiters.forEach((w) => w());
  const client = createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.params },
    retryAttempts: opts.retryAttempts ?? 0,
    retryWait: async () => new Promise((resolve) => setTimeout(resolve, opts.retryWaitMs ?? 300)),
    shouldRetry: () => true,
    lazy: true,
  });
  let connected = false;
  const recording: Recording<T> = {
    values: [],
    errors: [],
    completed: false,
    closed: null,
    client,
    until(predicate, ms = 10_000, what = 'the expected values') {
      return new Promise<T[]>((resolve, reject) => {
        const check = () => {
          if (predicate(recording.values)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(recording.values);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${ms} ms waiting for ${what}; got ${JSON.stringify(recording.values).slice(0, 2000)}; errors ${JSON.stringify(recording.errors)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    ended(ms = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (recording.errors.length || recording.completed) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the subscription did not end within ${ms} ms`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    ready(settleMs = 400) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (connected) {
            waiters.delete(check);
            clearTimeout(timer);
            setTimeout(resolve, settleMs);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`not connected within 10 s (closed: ${JSON.stringify(recording.closed)})`));
        }, 10_000);
        waiters.add(check);
        check();
      });
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
  client.on('connected', () => {
    connected = true;
    poke();
  });
  client.on('closed', (event) => {
    const e = event as { code?: number; reason?: string };
    recording.closed = { code: e.code ?? 0, reason: String(e.reason ?? '') };
    poke();
  });
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) recording.errors.push(value.errors);
        if (value.data) {
          const data = value.data as T;
          recording.values.push(data);
          onValue?.(data);
        }
        poke();
      },
      error: (err) => {
        recording.errors.push(err);
        poke();
      },
      complete: () => {
        recording.completed = true;
        poke();
      },
    },
  );
  return recording;
}

/** Waits until the server has the subscription running: a first value, or a short pause for those that send none at first. */
export const settle = (ms = 300) => new Promise<void>((resolve) => setTimeout(resolve, ms));
