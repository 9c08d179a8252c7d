import { checkPageSize, decodeCursor, DomainError, encodeCursor, isIsoDate } from '@pactwatch/domain';
import { ConnectionShape, Edge } from './connection.model';
import { PageInfo } from './page-info.model';

export interface PageRequest {
  first: number;
  after?: string | null;
}

/** Refuses a page size outside 1..100 before any SQL runs. */
export function assertPageSize(first: number): void {
  const violation = checkPageSize(first);
  if (violation) throw DomainError.badInput([violation]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one part of a cursor must look like before it goes near SQL. */
export type CursorPart = 'uuid' | 'timestamp' | 'bigint' | 'text' | 'integer' | 'date';

// A calendar day PostgreSQL accepts: a real day (not 02-30), and no year zero.
const isPgDate = (v: string) => isIsoDate(v) && !v.startsWith('0000');
// timestamptz::text as PostgreSQL writes it: '2023-12-27 18:00:00.123456+00' (offset may carry minutes, seconds).
const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d){0,2}$/;
const BIGINT_MAX = BigInt('9223372036854775807');

// Every value that passes must also be accepted by PostgreSQL's cast: a forged cursor is bad input, not a crash.
const PART_CHECKS: Record<CursorPart, (v: unknown) => boolean> = {
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  timestamp: (v) => typeof v === 'string' && PG_TIMESTAMP.test(v) && isPgDate(v.slice(0, 10)),
  bigint: (v) => typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) <= BIGINT_MAX,
  text: (v) => typeof v === 'string' && !v.includes('\u0000'),
  integer: (v) => typeof v === 'string' && /^-?\d{1,9}$/.test(v),
  date: (v) => typeof v === 'string' && (isPgDate(v) || v === 'infinity' || v === '-infinity'),
};

/**
 * Decodes an `after` cursor made by `toConnection` with the same `kind` and part shapes: a cursor
 * from another list or order is refused rather than silently misread.
 */
export function readCursor(after: string | null | undefined, kind: string, parts: CursorPart[]): string[] | null {
  if (after === null || after === undefined) return null;
  const decoded = decodeCursor(after);
  const values = decoded.slice(1);
  if (decoded[0] !== kind || values.length !== parts.length || !parts.every((shape, i) => PART_CHECKS[shape](values[i]))) {
    throw DomainError.badInput([{ field: 'after', message: 'after is not a valid cursor for this list and order' }]);
  }
  return values as string[];
}

/**
 * An edge whose cursor is encoded only when someone reads it: most reads select `node` alone, and
 * encoding a cursor (JSON, then base64url) for each of thousands of nested edges was a large share
 * of a nested read's CPU and garbage. The value is the same as if encoded up front, and kept once made.
 */
class LazyEdge<R, T> {
  private encoded: string | undefined = undefined;

  constructor(
    readonly node: T,
    private readonly row: R,
    private readonly spec: CursorSpec<R>,
  ) {}

  get cursor(): string {
    const cursorOf = this.spec.cursorOf;
    // Not loaded because no cursor was selected (see pageNeeds): never a made-up one.
    if (!cursorOf) throw new Error(`${this.spec.kind}: cursors were not loaded for this page`);
    return (this.encoded ??= encodeCursor([this.spec.kind, ...cursorOf(this.row)]));
  }

  /** Serialised as the plain { cursor, node } it stands for. */
  toJSON(): { cursor: string; node: T } {
    return { cursor: this.cursor, node: this.node };
  }
}

interface CursorSpec<R> {
  kind: string;
  cursorOf: ((row: R) => unknown[]) | null;
}

/** pageInfo with the same lazy endCursor: the last edge's cursor, encoded when read. */
class LazyPageInfo {
  constructor(
    readonly hasNextPage: boolean,
    private readonly last: { cursor: string } | undefined,
  ) {}

  get endCursor(): string | null {
    return this.last ? this.last.cursor : null;
  }

  toJSON(): { hasNextPage: boolean; endCursor: string | null } {
    return { hasNextPage: this.hasNextPage, endCursor: this.endCursor };
  }
}

/**
 * Turns `first + 1` fetched rows into a connection: the extra row only says there is a next page.
 * Cursors are made on demand (see LazyEdge). `totalCount` null and `cursorOf` null when they were
 * not loaded because not selected (see pageNeeds): reading them then throws rather than answer wrong.
 */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  totalCount: number | null,
  cursorOf: ((row: R) => unknown[]) | null,
  kind: string,
  toNode: (row: R) => T,
): ConnectionShape<T> {
  const spec: CursorSpec<R> = { kind, cursorOf };
  const n = Math.min(rows.length, first);
  const edges: Edge<T>[] = new Array(n);
  for (let i = 0; i < n; i++) edges[i] = new LazyEdge(toNode(rows[i]), rows[i], spec);
  const pageInfo = new LazyPageInfo(rows.length > first, edges[n - 1]) as PageInfo;
  if (totalCount !== null) return { edges, pageInfo, totalCount };
  return Object.defineProperty({ edges, pageInfo } as ConnectionShape<T>, 'totalCount', {
    get: () => {
      throw new Error(`${kind}: totalCount was not loaded for this page`);
    },
    enumerable: false,
  });
}
