import type { Response } from 'express';

export interface FairAdmissionOptions {
  /** Requests worked on at once. */
  slots: number;
  /** Most of those one caller may hold. */
  perCaller: number;
  /** Requests waiting, all callers together; past it a request is refused at once. */
  queueMax: number;
  /** Longest wait, in milliseconds; past it the request is refused. */
  timeoutMs: number;
}

/** Why a request was not admitted, for the caller's answer (503 with Retry-After). */
export interface Refusal {
  reason: 'queue-full' | 'caller-queue-full' | 'timeout';
  retryAfter: number;
}

interface Waiter {
  admit: () => void;
  refuse: (refusal: Refusal) => void;
  timer: NodeJS.Timeout;
}

interface CallerState {
  active: number;
  waiting: Waiter[];
}

/** Whether the response's connection has closed already (its client went away). */
function gone(res: Response): boolean {
  return res.destroyed || res.closed;
}

/**
 * At most `slots` requests worked on at once, and at most `perCaller` of them for one caller
 * (person, API key or address). The others wait in one queue per caller; a freed slot goes to the
 * next caller in turn (round robin) that is under its share, so one caller's flood waits behind
 * itself, not in front of everyone else. Waiting is bounded in count (`queueMax` in all, a quarter
 * of it per caller) and in time (`timeoutMs`); a request past either is refused at once.
 *
 * Under load every request in flight holds its rows and half-built answer, so a few at a time
 * finish sooner than many at once (see docs/benchmarks.md). A waiting request whose client goes
 * away leaves the queue; a slot is given back when its answer is sent or its connection closes.
 */
export class FairAdmission {
  private active = 0;
  private queued = 0;
  private readonly callers = new Map<string, CallerState>();
  /** Callers with requests waiting, in the order they get their turn. */
  private readonly turns: string[] = [];
  private readonly perCallerQueue: number;

  constructor(private readonly options: FairAdmissionOptions) {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isInteger(value) || value < (name === 'queueMax' ? 0 : 1)) throw new RangeError(`FairAdmission: ${name} must be a positive integer, got ${value}`);
    }
    this.perCallerQueue = Math.max(1, Math.ceil(options.queueMax / 4));
  }

  /** Requests being worked on and waiting, for health and metrics. */
  get load(): { active: number; queued: number } {
    return { active: this.active, queued: this.queued };
  }

  /**
   * Runs `start` when the caller's turn comes and a slot is free; the slot is held until `res`
   * finishes or closes. `refuse` is called instead when the request may not wait.
   */
  admit(caller: string, res: Response, start: () => void, refuse: (refusal: Refusal) => void): void {
    // Its client left while it was being authenticated: 'close' has been and gone, and neither it
    // nor 'finish' would ever come to give a slot back.
    if (gone(res)) return;
    const state = this.state(caller);
    if (state.active < this.options.perCaller && this.active < this.options.slots && !this.queued) {
      this.begin(caller, state, res, start);
      return;
    }
    if (this.queued >= this.options.queueMax) return refuse({ reason: 'queue-full', retryAfter: this.retryAfter() });
    if (state.waiting.length >= this.perCallerQueue) return refuse({ reason: 'caller-queue-full', retryAfter: this.retryAfter() });
    const leave = () => {
      const i = state.waiting.indexOf(waiter);
      if (i < 0) return;
      state.waiting.splice(i, 1);
      this.queued--;
      clearTimeout(waiter.timer);
      if (!state.waiting.length) this.dropTurn(caller);
      this.forget(caller, state);
    };
    const waiter: Waiter = {
      admit: () => {
        res.off('close', leave);
        this.begin(caller, state, res, start);
      },
      refuse,
      timer: setTimeout(() => {
        leave();
        refuse({ reason: 'timeout', retryAfter: this.retryAfter() });
      }, this.options.timeoutMs),
    };
    res.once('close', leave);
    state.waiting.push(waiter);
    this.queued++;
    if (state.waiting.length === 1) this.turns.push(caller);
    this.pump();
  }

  private begin(caller: string, state: CallerState, res: Response, start: () => void): void {
    if (gone(res)) {
      this.forget(caller, state);
      return;
    }
    this.active++;
    state.active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.active--;
      state.active--;
      this.forget(caller, state);
      this.pump();
    };
    res.once('finish', release);
    res.once('close', release);
    start();
  }

  /** Gives free slots to waiting callers in turn, skipping those at their share. */
  private pump(): void {
    let skipped = 0;
    while (this.active < this.options.slots && this.turns.length && skipped < this.turns.length) {
      const caller = this.turns.shift() as string;
      const state = this.callers.get(caller);
      if (!state || !state.waiting.length) continue;
      if (state.active >= this.options.perCaller) {
        this.turns.push(caller);
        skipped++;
        continue;
      }
      skipped = 0;
      const waiter = state.waiting.shift() as Waiter;
      this.queued--;
      clearTimeout(waiter.timer);
      if (state.waiting.length) this.turns.push(caller);
      waiter.admit();
    }
  }

  private state(caller: string): CallerState {
    let state = this.callers.get(caller);
    if (!state) {
      state = { active: 0, waiting: [] };
      this.callers.set(caller, state);
    }
    return state;
  }

  private forget(caller: string, state: CallerState): void {
    if (!state.active && !state.waiting.length) {
      this.callers.delete(caller);
      this.dropTurn(caller);
    }
  }

  private dropTurn(caller: string): void {
    const i = this.turns.indexOf(caller);
    if (i >= 0) this.turns.splice(i, 1);
  }

  private retryAfter(): number {
    return Math.max(1, Math.ceil(this.options.timeoutMs / 2000));
  }
}
