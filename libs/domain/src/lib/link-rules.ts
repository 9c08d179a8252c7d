import { FieldViolation } from './domain-error';

/** Most links one commitment may have, either end counted (Commitment.links declares the same bound). */
export const MAX_LINKS_PER_COMMITMENT = 50;

export interface DependencyEdge {
  from: string;
  to: string;
}

/**
 * The chain that a new "from depends on to" would close into a cycle: the existing dependencies
 * leading from `to` back to `from`, as [to, …, from]; null when the new link closes none. A
 * commitment that depends on itself is a cycle of one.
 */
export function dependencyCycle(edges: readonly DependencyEdge[], from: string, to: string): string[] | null {
  if (from === to) return [from];
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Breadth first, remembering how each commitment was reached, so the chain can be told.
  const cameFrom = new Map<string, string | null>([[to, null]]);
  const queue = [to];
  while (queue.length) {
    const at = queue.shift() as string;
    if (at === from) {
      const chain: string[] = [];
      for (let c: string | null = at; c !== null; c = cameFrom.get(c) ?? null) chain.unshift(c);
      return chain;
    }
    for (const n of next.get(at) ?? []) {
      if (!cameFrom.has(n)) {
        cameFrom.set(n, at);
        queue.push(n);
      }
    }
  }
  return null;
}

/** Refuses a link that would give either end more than MAX_LINKS_PER_COMMITMENT links. */
export function checkLinkCount(field: string, existingLinks: number): FieldViolation | null {
  return existingLinks >= MAX_LINKS_PER_COMMITMENT
    ? { field, message: `${field}: a commitment has at most ${MAX_LINKS_PER_COMMITMENT} links; unlink one first` }
    : null;
}
