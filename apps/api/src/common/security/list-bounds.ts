import { Extensions } from '@nestjs/graphql';
import { getNullableType, GraphQLField, GraphQLNamedType, isListType } from 'graphql';

const MAX_ITEMS = 'maxItems';

/**
 * The most items a plain list field (one without `first`) returns, for the node-cost rule
 * (QueryMeasurer): a list of parties under each of 100 commitments is up to 100 × this many nodes.
 * Where the list is filled from an input, the input's own maximum (ArrayMaxSize) keeps it true;
 * elsewhere it is the fan-out the cost rule assumes. Kept in the field's schema extensions, so the
 * schema walk in query-limits.spec.ts can refuse a list field that declares none.
 */
export const MaxItems = (n: number) => Extensions({ [MAX_ITEMS]: n });

/** Whether `field` of `parent` is the `edges` list of a Relay connection, bounded by the connection's `first`. */
function isConnectionEdges(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): boolean {
  return field.name === 'edges' && parent.name.endsWith('Connection');
}

export type ListBound =
  | { kind: 'not-a-list' }
  | { kind: 'page' }
  | { kind: 'edges' }
  | { kind: 'declared'; maxItems: number }
  | { kind: 'undeclared' };

/** How a field's list (if it is one) is bounded: by `first`, as a connection's edges, by a declared maximum, or not at all. */
export function listBound(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): ListBound {
  if (field.args.some((arg) => arg.name === 'first')) return { kind: 'page' };
  if (!isListType(getNullableType(field.type))) return { kind: 'not-a-list' };
  if (isConnectionEdges(parent, field)) return { kind: 'edges' };
  const declared = field.extensions?.[MAX_ITEMS];
  return typeof declared === 'number' && declared > 0 ? { kind: 'declared', maxItems: declared } : { kind: 'undeclared' };
}
