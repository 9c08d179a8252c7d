import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DomainError, ErrorCode, PAGE_SIZE_MAX } from '@pactwatch/domain';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
  GraphQLError,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { requestRefusal } from '../errors/request-refusal';
import { listBound } from './list-bounds';

export interface QueryLimits {
  /** Deepest field nesting, the root fields being at depth 1. */
  maxDepth: number;
  /** Most nodes the lists of one operation may return together. */
  maxNodes: number;
  /** The same for one event of a subscription. */
  maxSubscriptionNodes: number;
}

export interface DocumentLimits {
  maxAliases: number;
  maxDirectives: number;
}

/** What one selection set costs: how deep it goes and how many nodes it may return once. */
export interface QueryMeasure {
  depth: number;
  nodes: number;
}

const NOTHING: QueryMeasure = { depth: 0, nodes: 0 };

/**
 * Measures an operation before it runs, with its variables. Depth counts nested fields; fields of
 * introspection (`__schema`, `__type`, `__typename`) count for nothing, since clients generating
 * code from the schema need deep introspection queries.
 *
 * Nodes are counted as GitHub's GraphQL API does: a field with a `first` argument (a connection)
 * returns up to `first` nodes for each node of the connections it is nested in, and the operation
 * costs the sum over its connections. `agreements(first: 100) { … commitments(first: 100) { …
 * evidence(first: 100) } }` is 100 + 100·100 + 100·100·100 = 1,010,100 nodes. Plain lists
 * without `first` count the same way with the maximum they declare (MaxItems): `commitments(first:
 * 100) { parties }` is 100 + 100·20. A connection's `edges` are its `first`, counted once. A cost is
 * linear in the `first` above it, so each named fragment is measured once, however often it is spread.
 */
export class QueryMeasurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, QueryMeasure>();
  private readonly measuring = new Set<string>();
  private variables?: Record<string, unknown>;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly operation: OperationDefinitionNode,
    private readonly rawVariables: Record<string, unknown> | undefined,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  measure(): QueryMeasure {
    const root = this.schema.getRootType(this.operation.operation);
    return root ? this.selectionSet(this.operation.selectionSet, root) : NOTHING;
  }

  private selectionSet(set: SelectionSetNode, parent: GraphQLNamedType): QueryMeasure {
    let depth = 0;
    let nodes = 0;
    for (const selection of set.selections) {
      const m =
        selection.kind === Kind.FIELD
          ? this.field(selection, parent)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? this.selectionSet(selection.selectionSet, (selection.typeCondition && this.schema.getType(selection.typeCondition.name.value)) || parent)
            : this.fragment(selection.name.value);
      depth = Math.max(depth, m.depth);
      nodes += m.nodes;
    }
    return { depth, nodes };
  }

  private field(node: FieldNode, parent: GraphQLNamedType): QueryMeasure {
    if (node.name.value.startsWith('__')) return NOTHING;
    const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    // Validation has refused unknown fields already.
    if (!def) return NOTHING;
    const below = node.selectionSet ? this.selectionSet(node.selectionSet, getNamedType(def.type)) : NOTHING;
    const items = this.items(parent, def, node);
    if (items === undefined) return { depth: below.depth + 1, nodes: below.nodes };
    return { depth: below.depth + 1, nodes: items + items * below.nodes };
  }

  /** How many items the field may return for each of its parents; undefined when it is not a list of its own. */
  private items(parent: GraphQLNamedType, def: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
    const bound = listBound(parent, def);
    switch (bound.kind) {
      case 'page':
        return this.first(def, node);
      case 'declared':
        return bound.maxItems;
      case 'undeclared':
        // The schema test refuses such a field; should one slip through, it costs a full page.
        return PAGE_SIZE_MAX;
      default:
        // Not a list, or a connection's edges: counted by the connection's `first` above.
        return undefined;
    }
  }

  private fragment(name: string): QueryMeasure {
    const known = this.measured.get(name);
    if (known) return known;
    const def = this.fragments.get(name);
    // Validation refuses unknown and cyclic fragments; this only keeps a bad document from looping.
    if (!def || this.measuring.has(name)) return NOTHING;
    this.measuring.add(name);
    const type = this.schema.getType(def.typeCondition.name.value);
    const m = type ? this.selectionSet(def.selectionSet, type) : NOTHING;
    this.measuring.delete(name);
    this.measured.set(name, m);
    return m;
  }

  /** `first` as the resolver will see it, from a literal or a variable; the page maximum when unknown. */
  private first(def: GraphQLField<unknown, unknown>, node: FieldNode): number {
    try {
      const value = getArgumentValues(def, node, this.coercedVariables())['first'];
      return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : PAGE_SIZE_MAX;
    } catch {
      // A variable of the wrong type: execution refuses it before any resolver runs.
      return PAGE_SIZE_MAX;
    }
  }

  private coercedVariables(): Record<string, unknown> {
    if (!this.variables) {
      const result = getVariableValues(this.schema, this.operation.variableDefinitions ?? [], this.rawVariables ?? {}, { maxErrors: 1 });
      this.variables = result.coerced ?? {};
    }
    return this.variables;
  }
}

/**
 * Refuses an operation deeper than `maxDepth`, or that may return more than `maxNodes` nodes
 * (`maxSubscriptionNodes` for a subscription, whose selection is read anew for every event and
 * every subscriber). Throws the refusal (HTTP 400); the same check for HTTP and WebSocket.
 */
export function assertWithinLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): void {
  const { depth, nodes } = new QueryMeasurer(schema, document, operation, variables).measure();
  if (depth > limits.maxDepth) {
    throw requestRefusal(
      new DomainError(ErrorCode.BAD_USER_INPUT, `The query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`, { depth, maxDepth: limits.maxDepth }),
      400,
    );
  }
  const subscription = operation.operation === OperationTypeNode.SUBSCRIPTION;
  const maxNodes = subscription ? Math.min(limits.maxNodes, limits.maxSubscriptionNodes) : limits.maxNodes;
  if (nodes > maxNodes) {
    const what = subscription ? 'Each event of the subscription' : 'The query';
    throw requestRefusal(
      new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `${what} could return ${nodes} nodes, over the limit of ${maxNodes}: ask for smaller pages (first) or nest fewer connections`,
        { nodes, maxNodes },
      ),
      400,
    );
  }
}

/** Document-level limits, as validation rules for Apollo and graphql-ws alike (GraphQL Armor's). */
export function documentLimitRules(limits: DocumentLimits): ValidationRule[] {
  // Reported as validation errors (BAD_USER_INPUT), not thrown (Apollo would answer a thrown one as a
  // server fault), and without Armor's "Syntax Error:" prefix: the document parsed.
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))] };
  return [
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...report }),
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true, ...report }),
  ];
}

/** The operation limits over HTTP, once the document is valid and the variables are known. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw requestRefusal(
              new DomainError(ErrorCode.BAD_USER_INPUT, 'Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP', { field: 'query' }),
              400,
            );
          }
          assertWithinLimits(schema, document, operation, request.variables, limits);
        },
      };
    },
  };
}
