import { FAST_PATH_PIECES, FastPath, wantedPieces } from './fast-path';

describe('FastPath', () => {
  it('reads the settings: all pieces on, none, or all but some', () => {
    expect([...wantedPieces('on', '')]).toEqual([...FAST_PATH_PIECES]);
    expect([...wantedPieces('off', '')]).toEqual([]);
    expect([...wantedPieces('off', 'jit')]).toEqual([]);
    expect([...wantedPieces('on', ' jit , read-rows')]).toEqual(['plain-fields', 'direct-resolvers', 'preload']);
  });

  it('engages a piece whose check passes, and turns off one whose check fails, saying so once', () => {
    const warnings: string[] = [];
    const fastPath = new FastPath(wantedPieces('on', 'read-rows'), (m) => warnings.push(m));
    expect(fastPath.check('jit', null)).toBe(true);
    expect(fastPath.check('preload', 'collectSubfields no longer returns a Map')).toBe(false);
    expect(fastPath.wanted('preload')).toBe(false);
    fastPath.fail('preload', 'again');
    expect(fastPath.check('preload', null)).toBe(false);
    // Turned off by setting: never checked, never said.
    expect(fastPath.check('read-rows', 'whatever')).toBe(false);
    expect(warnings).toEqual(['GraphQL fast path: preload is off, the stock path serves instead: collectSubfields no longer returns a Map']);
    expect(fastPath.report()).toMatchObject({
      jit: { state: 'engaged' },
      preload: { state: 'failed', reason: 'collectSubfields no longer returns a Map' },
      'read-rows': { state: 'off' },
      'plain-fields': { state: 'pending' },
    });
  });

  it('turns off quietly a piece whose prerequisite is off', () => {
    const warnings: string[] = [];
    const fastPath = new FastPath(wantedPieces('on', 'direct-resolvers'), (m) => warnings.push(m));
    fastPath.offWith('preload', 'it calls the direct resolvers, which are off');
    expect(fastPath.wanted('preload')).toBe(false);
    expect(fastPath.settle().preload).toEqual({ state: 'off', reason: 'it calls the direct resolvers, which are off' });
    expect(warnings.some((w) => w.includes('preload'))).toBe(false);
  });

  it('counts a piece that never engaged during start-up as failed', () => {
    const warnings: string[] = [];
    const fastPath = new FastPath(wantedPieces('on', ''), (m) => warnings.push(m));
    for (const piece of ['plain-fields', 'direct-resolvers', 'preload', 'read-rows'] as const) fastPath.check(piece, null);
    const report = fastPath.settle();
    expect(report.jit).toEqual({ state: 'failed', reason: 'it never engaged during start-up' });
    expect(fastPath.wanted('jit')).toBe(false);
    expect(warnings).toEqual(['GraphQL fast path: jit is off, the stock path serves instead: it never engaged during start-up']);
  });
});
