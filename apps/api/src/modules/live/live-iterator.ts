import { GqlContext } from '../../common/context/gql-context';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';

/*
 * Subscription iterators written by hand rather than as async generators: graphql-ws ends a
 * subscription (client completes, socket closes) by calling return(), and an async generator
 * suspended in an await answers return() only after its next value arrives — which, for a quiet
 * subscription, is never, leaving its listener (or presence row) behind. These answer at once.
 */

/** Maps a source, giving every value fresh DataLoaders (a subscription's context outlives one event); return() ends the source now. */
export function mapEach<T, U>(source: AsyncIterator<T>, ctx: GqlContext, map: (value: T) => Promise<U> | U): AsyncIterableIterator<U> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<U>> {
      const result = await source.next();
      if (result.done) return { value: undefined, done: true };
      ctx.loaders = new RequestLoaders();
      try {
        return { value: await map(result.value), done: false };
      } catch (err) {
        await source.return?.();
        throw err;
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(err?: unknown): Promise<IteratorResult<U>> {
      await source.return?.();
      throw err;
    },
  };
}

/** A push-fed iterator: `push` queues a value (or, with `latestOnly`, replaces what is unread); `end` finishes it. */
export class PushIterator<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private wake: (() => void) | null = null;
  private done = false;

  constructor(
    private readonly onEnd: () => void | Promise<void>,
    private readonly latestOnly = false,
  ) {}

  get ended(): boolean {
    return this.done;
  }

  push(value: T): void {
    if (this.done) return;
    if (this.latestOnly) this.queue.length = 0;
    this.queue.push(value);
    this.wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  async next(): Promise<IteratorResult<T>> {
    while (!this.queue.length && !this.done) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    if (this.queue.length) return { value: this.queue.shift() as T, done: false };
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<T>> {
    await this.end();
    return { value: undefined, done: true };
  }

  async end(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.wake?.();
    await this.onEnd();
  }
}
