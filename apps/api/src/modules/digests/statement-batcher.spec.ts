import { StatementBatcher } from './statement-batcher';

/** A statement that records each batch it is given and answers when told to. */
function recording() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const batcher = new StatementBatcher<number, string>(
    (inputs) =>
      new Promise((resolve) => {
        batches.push(inputs);
        pending.push(() => resolve(inputs.map((n) => `row ${n}`)));
      }),
  );
  const answerNext = () => pending.shift()?.();
  return { batcher, batches, answerNext };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('StatementBatcher', () => {
  it('sends what is asked together as one statement, each caller getting its own row', async () => {
    const { batcher, batches, answerNext } = recording();
    const answers = Promise.all([batcher.add(1), batcher.add(2), batcher.add(3)]);
    await settle();
    answerNext();
    expect(await answers).toEqual(['row 1', 'row 2', 'row 3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('sends what is asked while a statement is in flight as the next one, once it returns', async () => {
    const { batcher, batches, answerNext } = recording();
    const first = batcher.add(1);
    await settle();
    const second = batcher.add(2);
    const third = batcher.add(3);
    await settle();
    expect(batches).toEqual([[1]]);
    answerNext();
    expect(await first).toBe('row 1');
    await settle();
    expect(batches).toEqual([[1], [2, 3]]);
    answerNext();
    expect(await Promise.all([second, third])).toEqual(['row 2', 'row 3']);
  });

  it('gives a failed statement’s error to every caller in it, and sends later asks afresh', async () => {
    let calls = 0;
    const batcher = new StatementBatcher<number, number>(async (inputs) => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return inputs;
    });
    const failed = [batcher.add(1), batcher.add(2)].map((p) => p.catch((err: Error) => err.message));
    expect(await Promise.all(failed)).toEqual(['connection lost', 'connection lost']);
    expect(await batcher.add(3)).toBe(3);
  });
});
