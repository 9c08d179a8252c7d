import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  execute,
  ExecutionResult,
  getNamedType,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  parse,
  isInputObjectType,
  isNonNullType,
  OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { FastPath } from './fast-path';
import { isThenable } from './preload';

type Gateway = ApolloServerOptionsWithGateway<object>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type SchemaListener = Parameters<Gateway['onSchemaLoadOrUpdate']>[0];
type RequestContext = Parameters<Executor>[0];

/** Kept for a document graphql-js executes (see variablesCompilable). */
const INTERPRETED: unique symbol = Symbol('interpreted');

/** How many compiled documents are kept (least recently used dropped first). */
const COMPILED_KEPT = 500;

/**
 * Executes queries with graphql-jit instead of graphql-js. graphql-js interprets the document for
 * every object of the answer (collecting fields, looking up resolvers and types, a path object and
 * an arguments object per field); graphql-jit compiles each document once into a function that
 * does only the resolving and completing, so a nested read of thousands of objects costs a
 * fraction of the CPU and garbage. Same schema, same resolvers, same errors: only the executor
 * changes. Mutations keep graphql-js (they are one object deep and run in order); subscriptions
 * are graphql-ws's and never come here.
 *
 * Apollo Server takes a custom executor only from a "gateway": this one serves the schema Nest
 * built (transformed and sorted, as GraphQLSchemaHost holds it) and executes with it. Apollo still
 * parses, validates, runs its plugins and formats the errors as before. Each new document costs one
 * compilation (about as much as validating it); the last 500 are kept.
 */
export class CompiledQueryExecutor implements Gateway {
  private readonly listeners = new Set<SchemaListener>();
  private readonly compiled = new Map<string, CompiledQuery | typeof INTERPRETED>();
  private readonly leavesChecked = new WeakMap<GraphQLSchema, boolean>();

  /** Off when the start-up probe (see load) failed: graphql-js then executes everything. */
  private compiling = true;

  /**
   * `schema` gives the schema to serve once Nest has built it (GraphQLSchemaHost); `fastPath` is
   * told whether the executor engaged and counts the queries it compiled and ran.
   */
  constructor(
    private readonly schema: () => GraphQLSchema | undefined,
    private readonly fastPath?: FastPath,
  ) {}

  onSchemaLoadOrUpdate(listener: SchemaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(): Promise<{ executor: Executor }> {
    const schema = this.schema();
    if (!schema) throw new Error('CompiledQueryExecutor: the schema is not built yet');
    for (const listener of this.listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
    // Apollo loaded the gateway (its executor serves the API): graphql-jit still compiles and runs a probe query.
    const failure = await compilesProbe(schema);
    if (failure) this.compiling = false;
    this.fastPath?.check('jit', failure);
    return { executor: (rc) => Promise.resolve(this.execute(schema, rc)) };
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    this.compiled.clear();
  }

  private execute(schema: GraphQLSchema, rc: RequestContext): ExecutionResult | Promise<ExecutionResult> {
    const variables = rc.request.variables ?? {};
    const interpret = () => execute({ schema, document: rc.document, contextValue: rc.context, variableValues: variables, operationName: rc.operationName });
    const query = rc.operation.operation === 'query' ? this.compile(schema, rc) : INTERPRETED;
    if (query === INTERPRETED) return interpret();
    if (this.fastPath) this.fastPath.compiledExecutions++;
    const result = query.query(undefined, rc.context, variables);
    // No data at all: the variables were refused before any resolver ran. graphql-js refuses them
    // too, in its own words (graphql-jit's differ a little), which is what clients are told.
    if (!isThenable(result) && result.data === undefined) return interpret();
    return isThenable(result) ? result.then(withGraphQLErrors) : withGraphQLErrors(result);
  }

  /**
   * Whether enum and built-in scalar values can be written as the resolvers return them. graphql-jit
   * otherwise calls each leaf's serializer with the error's locations and path built beforehand, per
   * field of every object: most of the garbage of a nested read of thousands of objects. Written as
   * they are, the answer is the same when every enum's values are their own names (what resolvers
   * return is an enum value) and resolvers return strings for ID and String, integers for Int,
   * numbers for Float and booleans: the API's do (counts are cast ::int and numerics ::float8;
   * test/authorization-matrix.spec.ts checks every query's answer). Custom scalars (DateTime,
   * LocalDate) are serialized either way.
   */
  private leavesAsResolved(schema: GraphQLSchema): boolean {
    let ok = this.leavesChecked.get(schema);
    if (ok === undefined) {
      ok = Object.values(schema.getTypeMap()).every((type) => !isEnumType(type) || type.getValues().every((v) => v.value === v.name));
      this.leavesChecked.set(schema, ok);
    }
    return ok;
  }

  /** The document compiled (once, then kept), or INTERPRETED if graphql-js is to run it. */
  private compile(schema: GraphQLSchema, rc: RequestContext): CompiledQuery | typeof INTERPRETED {
    const key = `${rc.queryHash}\n${rc.operationName ?? ''}`;
    const kept = this.compiled.get(key);
    if (kept) {
      // Most recently used last: the Map's order is the eviction order.
      this.compiled.delete(key);
      this.compiled.set(key, kept);
      return kept;
    }
    let made: CompiledQuery | typeof INTERPRETED = INTERPRETED;
    if (this.compiling && variablesCompilable(schema, rc.operation)) {
      const compiled = compileQuery(schema, rc.document, rc.operationName ?? undefined, { disableLeafSerialization: this.leavesAsResolved(schema) });
      // What graphql-jit cannot compile, graphql-js runs (and reports on, if it is wrong).
      if (isCompiledQuery(compiled)) made = compiled;
    }
    this.compiled.set(key, made);
    if (this.compiled.size > COMPILED_KEPT) this.compiled.delete(this.compiled.keys().next().value as string);
    return made;
  }
}

/**
 * Apollo options that execute queries with a CompiledQueryExecutor on the schema Nest builds. Nest's
 * ApolloDriverConfig type leaves `gateway` out; CompiledQueriesApolloDriver hands it to Apollo Server
 * as Apollo's types ask: the gateway alone, no schema beside it.
 */
export function withCompiledQueries(options: ApolloDriverConfig, schemaHost: GraphQLSchemaHost, fastPath?: FastPath): ApolloDriverConfig {
  return Object.assign({}, options, { gateway: new CompiledQueryExecutor(() => schemaHost.schema, fastPath) });
}

/** jit's start-up self-check: graphql-jit compiles a probe query on the schema and answers as graphql-js does. */
export async function compilesProbe(schema: GraphQLSchema, compile: typeof compileQuery = compileQuery): Promise<string | null> {
  try {
    const document = parse('query Probe { __typename alias: __typename }');
    const compiled = compile(schema, document, 'Probe');
    if (!isCompiledQuery(compiled)) return `graphql-jit did not compile the probe query: ${JSON.stringify(compiled.errors ?? compiled)}`;
    const jit = JSON.stringify(await compiled.query(undefined, {}, {}));
    const js = JSON.stringify(await execute({ schema, document, operationName: 'Probe' }));
    return jit === js ? null : `graphql-jit answered the probe query ${jit} where graphql-js answers ${js}`;
  } catch (err) {
    return `graphql-jit failed on the probe query: ${(err as Error).message}`;
  }
}

/**
 * graphql-jit's errors are GraphQLErrors by prototype only: without extensions they have none at
 * all (graphql-js always has an object), which Apollo's error formatting does not survive. They
 * are made graphql-js errors again, with the same message, locations, path and original error.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError, extensions: e.extensions });
    (error as { locations?: GraphQLError['locations'] }).locations = e.locations;
    return error;
  });
  return { ...result, errors };
}

/**
 * Whether graphql-jit reads this operation's variables as graphql-js does. It does not give an
 * omitted non-null input field its default (`direction: OrderDirection! = ASC` left out of an
 * `orderBy` variable is an error there): operations whose variables can hold such a field are left
 * to graphql-js.
 */
function variablesCompilable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const seen = new Set<GraphQLInputObjectType>();
  const safe = (type: GraphQLInputType): boolean => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named)) return true;
    seen.add(named);
    return Object.values(named.getFields()).every((f) => !(isNonNullType(f.type) && f.defaultValue !== undefined) && safe(f.type));
  };
  return (operation.variableDefinitions ?? []).every((v) => {
    const type = typeFromAST(schema, v.type);
    return !type || safe(type as GraphQLInputType);
  });
}
