import type { Server } from 'node:http';
import { ErrorCode } from '@pactwatch/domain';
import type { NextFunction, Request, Response } from 'express';

/**
 * Counts the HTTP requests under way, so that shutdown can wait for them; once draining, a request
 * that still arrives on an open keep-alive connection is answered 503 UNAVAILABLE with Retry-After
 * and `Connection: close` (its client retries, on another instance behind the proxy).
 */
export class InFlightRequests {
  private readonly open = new Set<Response>();
  private draining = false;
  private emptied?: () => void;

  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '1');
      res.status(503).json({ errors: [{ message: 'The server is shutting down; try again', extensions: { code: ErrorCode.UNAVAILABLE, retryAfter: 1 } }] });
      return;
    }
    this.open.add(res);
    const done = () => {
      this.open.delete(res);
      if (!this.open.size) this.emptied?.();
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };

  get size(): number {
    return this.open.size;
  }

  /**
   * Stops taking requests and closes the listening socket (new connections are refused), then waits
   * until those under way have answered or `graceMs` has passed; then closes every connection left.
   * Answers sent meanwhile close their connection rather than keep it alive.
   */
  async drain(server: Server, graceMs: number): Promise<{ unfinished: number }> {
    this.draining = true;
    server.close();
    for (const res of this.open) if (!res.headersSent) res.shouldKeepAlive = false;
    if (this.open.size) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.emptied = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
    }
    const unfinished = this.open.size;
    server.closeAllConnections();
    return { unfinished };
  }
}
