import { Injectable } from '@nestjs/common';
import type { ExecutionArgs, GraphQLError } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import type { WebSocket } from 'ws';

type WsContext = Context<Record<string, unknown> | undefined, unknown>;

/** What this file needs of graphql-ws's options (graphqlWsOptions). */
interface WsHooks {
  onConnect: (ctx: WsContext) => Promise<boolean> | boolean;
  onSubscribe: (ctx: WsContext, id: string, payload: SubscribePayload) => Promise<ExecutionArgs | readonly GraphQLError[]>;
  onNext?: (...args: never[]) => unknown;
}

/** What the metrics count of live traffic. */
export interface WsCounting {
  delivered(): void;
  refused(errors: readonly GraphQLError[]): void;
}

/**
 * The graphql-ws connections of this instance, accepted and not yet closed, with their running
 * subscriptions: for the live gauges and for shutdown, which closes them with a code that tells
 * clients to come back (to another instance) rather than give up.
 */
@Injectable()
export class OpenSockets {
  private readonly open = new Set<WsContext>();
  private draining = false;

  get connections(): number {
    return this.open.size;
  }

  get subscriptions(): number {
    let count = 0;
    for (const ctx of this.open) count += Object.keys(ctx.subscriptions).length;
    return count;
  }

  /**
   * The same options, tracking each accepted connection until it closes and counting what is sent
   * to subscribers and what is refused. Once draining, new connections are refused.
   */
  track<T extends WsHooks>(options: T, counting: WsCounting): T & { onClose: (ctx: WsContext) => void } {
    const { onConnect, onSubscribe, onNext } = options;
    return {
      ...options,
      onConnect: async (ctx: WsContext) => {
        if (this.draining) {
          // Not graphql-ws's refusal (4403, which clients do not retry): come back, elsewhere.
          (ctx.extra as { socket: WebSocket }).socket.close(1012, 'Service restart: reconnect');
          return false;
        }
        const accepted = await onConnect(ctx);
        if (accepted) this.open.add(ctx);
        return accepted;
      },
      onSubscribe: async (ctx: WsContext, id: string, payload: SubscribePayload) => {
        const admitted = await onSubscribe(ctx, id, payload);
        if (Array.isArray(admitted)) counting.refused(admitted as readonly GraphQLError[]);
        return admitted;
      },
      onNext: (...args: never[]) => {
        counting.delivered();
        return onNext?.(...args);
      },
      onClose: (ctx: WsContext) => {
        this.open.delete(ctx);
      },
    };
  }

  /**
   * Closes every connection with 1012 (service restart): graphql-ws clients retry on it, and a
   * client that resubscribes with its `since` cursor misses nothing.
   */
  closeAll(): void {
    this.draining = true;
    for (const ctx of this.open) (ctx.extra as { socket: WebSocket }).socket.close(1012, 'Service restart: reconnect');
  }
}
