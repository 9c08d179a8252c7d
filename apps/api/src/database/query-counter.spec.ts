import { inBackground, QueryCounter } from './query-counter';

describe('QueryCounter', () => {
  it("counts the statements of requests, not those of the server's own timers, even when they interleave", async () => {
    const counter = new QueryCounter();
    const statement = () => counter.logQuery();
    const timer = inBackground(async () => {
      statement();
      await new Promise((r) => setTimeout(r, 5));
      statement();
    });
    statement();
    await new Promise((r) => setTimeout(r, 1));
    statement();
    await timer;
    expect(counter.count).toBe(2);
  });
});
