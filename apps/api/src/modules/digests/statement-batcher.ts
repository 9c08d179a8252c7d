/**
 * Group commit for per-row statements: what callers ask while no statement is in flight goes at
 * once (after the current tick, so that requests made together go together); what they ask while
 * one is in flight goes as one statement the moment it returns. Nothing waits on a timer, so no
 * row is written later than it would be on its own behind the statement before it. Each caller
 * gets its own row's answer; when the statement fails, every caller in it gets the error.
 */
export class StatementBatcher<In, Out> {
  private waiting: { input: In; resolve(out: Out): void; reject(err: unknown): void }[] = [];
  private busy = false;

  /** `run` answers one Out per input, in the order of the inputs. */
  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch = 500,
  ) {}

  add(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const outs = await this.run(batch.map((w) => w.input));
        batch.forEach((w, i) => w.resolve(outs[i]));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.busy = false;
  }
}
