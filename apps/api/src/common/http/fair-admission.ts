import type { NextFunction, Request, Response } from 'express';

/**
 * At most `limit` requests worked on at once; the others wait, in the order they came, before any
 * of their work starts. Under load every request in flight holds its rows and half-built answer:
 * with 50 nested reads at once each lived five times longer, survived every young-generation GC
 * and took turns at the pool in no fair order, so the slowest waited twice as long as the median.
 * In arrival order with a few at a time, the wait is the queue's and the same for all.
 *
 * A waiting request whose client goes away is dropped from the queue; a slot is given back when
 * its answer is sent or its connection closes, whichever comes first.
 */
export function admission(limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`admission needs a limit of at least 1, got ${limit}`);
  let active = 0;
  const waiting: (() => void)[] = [];

  const start = (res: Response, next: NextFunction) => {
    active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      active--;
      waiting.shift()?.();
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };

  return (_req: Request, res: Response, next: NextFunction) => {
    if (active < limit) return start(res, next);
    const admit = () => {
      res.off('close', drop);
      start(res, next);
    };
    const drop = () => {
      const i = waiting.indexOf(admit);
      if (i >= 0) waiting.splice(i, 1);
    };
    res.once('close', drop);
    waiting.push(admit);
  };
}
