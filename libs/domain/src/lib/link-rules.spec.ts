import { checkLinkCount, dependencyCycle, MAX_LINKS_PER_COMMITMENT } from './link-rules';

describe('dependencyCycle', () => {
  const edges = [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
    { from: 'x', to: 'y' },
  ];

  it('names the chain a new dependency would close: c depends on a, while a → b → c', () => {
    expect(dependencyCycle(edges, 'c', 'a')).toEqual(['a', 'b', 'c']);
  });

  it('finds the direct cycle of two', () => {
    expect(dependencyCycle(edges, 'b', 'a')).toEqual(['a', 'b']);
  });

  it('refuses a commitment depending on itself', () => {
    expect(dependencyCycle([], 'a', 'a')).toEqual(['a']);
  });

  it('lets a dependency through when nothing leads back', () => {
    expect(dependencyCycle(edges, 'a', 'c')).toBeNull();
    expect(dependencyCycle(edges, 'c', 'x')).toBeNull();
  });

  it('ends on graphs that already hold a cycle elsewhere', () => {
    expect(dependencyCycle([{ from: 'p', to: 'q' }, { from: 'q', to: 'p' }], 'z', 'p')).toBeNull();
  });
});

describe('checkLinkCount', () => {
  it('lets the 50th link through and refuses the 51st, naming the field', () => {
    expect(checkLinkCount('toCommitmentId', MAX_LINKS_PER_COMMITMENT - 1)).toBeNull();
    expect(checkLinkCount('toCommitmentId', MAX_LINKS_PER_COMMITMENT)).toEqual({
      field: 'toCommitmentId',
      message: 'toCommitmentId: a commitment has at most 50 links; unlink one first',
    });
  });
});
