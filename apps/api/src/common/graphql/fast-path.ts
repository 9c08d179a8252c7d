/**
 * The pieces of the GraphQL read fast path, each of which leans on something its library does not
 * promise (see the README's "GraphQL fast path"):
 * - jit: queries executed by graphql-jit through Apollo's gateway hook (compiled-executor.ts);
 * - plain-fields: Nest's per-field resolvers of plain @Fields removed (plain-fields.ts);
 * - direct-resolvers: @ResolveField methods called without Nest's per-call pipeline (direct-field-resolvers.ts);
 * - preload: relations resolved ahead, and columns chosen by the selection, both through graphql-js's
 *   collectSubfields (preload.ts, selection.ts);
 * - read-rows: rows built off the wire by a subclass of pg's Query (common/sql/read-rows.ts).
 * Each can be turned off by setting (GRAPHQL_FAST_PATH, GRAPHQL_FAST_PATH_OFF), and each is turned
 * off at start-up when its self-check finds an assumption broken (fast-path-checks.ts).
 */
export const FAST_PATH_PIECES = ['jit', 'plain-fields', 'direct-resolvers', 'preload', 'read-rows'] as const;

export type FastPathPiece = (typeof FAST_PATH_PIECES)[number];

/**
 * off: turned off by setting; engaged: its self-check passed and it is in use; failed: a self-check
 * failed (or it never engaged), so the stock path serves instead; pending: not checked yet.
 */
export type PieceState = 'off' | 'engaged' | 'failed' | 'pending';

export interface PieceReport {
  state: PieceState;
  /** Why it is not engaged. */
  reason?: string;
}

export type FastPathReport = Record<FastPathPiece, PieceReport>;

/**
 * What of the fast path this instance uses: one per app, built from the settings, told the
 * self-checks' results at start-up. A failed check is logged once (warn) and leaves that piece off.
 */
export class FastPath {
  private readonly states = new Map<FastPathPiece, PieceReport>();
  /** Queries executed by graphql-jit (compiled-executor.ts): tests see that it is really used. */
  compiledExecutions = 0;
  /** Plain fields whose Nest resolver was removed (plain-fields). */
  plainFields = 0;
  /** @ResolveField methods called directly (direct-resolvers). */
  directFields = 0;

  constructor(
    wanted: ReadonlySet<FastPathPiece>,
    private readonly warn: (message: string) => void,
  ) {
    for (const piece of FAST_PATH_PIECES) this.states.set(piece, wanted.has(piece) ? { state: 'pending' } : { state: 'off', reason: 'turned off by GRAPHQL_FAST_PATH / GRAPHQL_FAST_PATH_OFF' });
  }

  /** Whether the piece is to be used: not turned off by setting nor by a failed check. */
  wanted(piece: FastPathPiece): boolean {
    const { state } = this.states.get(piece) as PieceReport;
    return state === 'pending' || state === 'engaged';
  }

  engaged(piece: FastPathPiece): boolean {
    return this.states.get(piece)?.state === 'engaged';
  }

  /**
   * A self-check's result: null (passed) engages the piece, a reason turns it off. Returns whether
   * the piece is to be used.
   */
  check(piece: FastPathPiece, failure: string | null): boolean {
    if (!this.wanted(piece)) return false;
    if (failure === null) {
      this.states.set(piece, { state: 'engaged' });
      return true;
    }
    this.fail(piece, failure);
    return false;
  }

  /** Turns a piece off after a failed check, saying so once. */
  fail(piece: FastPathPiece, reason: string): void {
    const current = this.states.get(piece) as PieceReport;
    if (current.state === 'off' || current.state === 'failed') return;
    this.states.set(piece, { state: 'failed', reason });
    this.warn(`GraphQL fast path: ${piece} is off, the stock path serves instead: ${reason}`);
  }

  /** Turns a piece off because another it needs is off (that one said why): reported, not logged again. */
  offWith(piece: FastPathPiece, reason: string): void {
    if (this.wanted(piece)) this.states.set(piece, { state: 'off', reason });
  }

  /** At the end of start-up: a piece still not engaged did not engage, and is reported as failed. */
  settle(): FastPathReport {
    for (const [piece, report] of this.states) if (report.state === 'pending') this.fail(piece, 'it never engaged during start-up');
    return this.report();
  }

  report(): FastPathReport {
    return Object.fromEntries(FAST_PATH_PIECES.map((p) => [p, { ...(this.states.get(p) as PieceReport) }])) as FastPathReport;
  }
}

/**
 * The pieces wanted by the settings: all of them with GRAPHQL_FAST_PATH=on (the default), none
 * with off, less those named in GRAPHQL_FAST_PATH_OFF (comma-separated).
 */
export function wantedPieces(fastPath: 'on' | 'off', off: string): Set<FastPathPiece> {
  if (fastPath === 'off') return new Set();
  const names = new Set(off.split(',').map((s) => s.trim()).filter(Boolean));
  return new Set(FAST_PATH_PIECES.filter((p) => !names.has(p)));
}
