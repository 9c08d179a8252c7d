import { Injectable, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import { Args, Context, FIELD_RESOLVER_MIDDLEWARE_METADATA, Info, PARAM_ARGS_METADATA, Parent } from '@nestjs/graphql';
import { buildSchema, FieldNode, FragmentDefinitionNode, GraphQLObjectType, GraphQLSchema, isObjectType, Kind, OperationDefinitionNode, parse } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { DirectFields, directParamDecorator, enhanced, GQL_PARAMTYPES, isDirectParamFactory, NEST_METADATA } from './direct-field-resolvers';

/*
 * The start-up self-checks of the GraphQL fast path (see fast-path.ts): each returns null when
 * the assumption its piece makes about a library holds, or says what broke. They take the keys,
 * numbers and functions they check as parameters (the real ones by default), so that tests can
 * show each check failing without touching the libraries themselves.
 */

// Probes, decorated as the API's resolvers are: what Nest records for them is what is checked.
@Injectable()
class ProbeGuard {
  canActivate(): boolean {
    return true;
  }
}
@Injectable()
class ProbeInterceptor {
  intercept(_context: unknown, next: { handle(): unknown }): unknown {
    return next.handle();
  }
}
@Injectable()
class ProbePipe {
  transform(value: unknown): unknown {
    return value;
  }
}
class ProbeFilter {
  catch(): void {
    // A probe: only its decorator matters.
  }
}
const ProbeParam = (data: string) => directParamDecorator((_ctx, d) => d)(data);

class ProbePlain {
  field(@Parent() _parent: unknown, @Context('req') _req: unknown, @Info() _info: unknown, @Args('n') _n: string, @ProbeParam('d') _d: unknown): void {
    // A probe: only its decorators matter.
  }
  bare(): void {
    // A probe: only its decorators matter.
  }
}

@UseGuards(ProbeGuard)
@UseInterceptors(ProbeInterceptor)
@UsePipes(ProbePipe)
@UseFilters(ProbeFilter)
class ProbeEnhancedClass {
  bare(): void {
    // A probe: only its decorators matter.
  }
}

class ProbeEnhancedMethods {
  @UseGuards(ProbeGuard) guarded(): void {
    // A probe: only its decorators matter.
  }
  @UseInterceptors(ProbeInterceptor) intercepted(): void {
    // A probe: only its decorators matter.
  }
  @UsePipes(ProbePipe) piped(): void {
    // A probe: only its decorators matter.
  }
  @UseFilters(ProbeFilter) filtered(): void {
    // A probe: only its decorators matter.
  }
}

/**
 * direct-resolvers: Nest still records @UsePipes, @UseGuards, @UseInterceptors, @UseFilters and
 * custom param decorators under the keys makeDirect reads, and @Parent, @Context, @Info, @Args
 * with the GqlParamtype numbers it reads; and `enhanced` sees every kind of enhancer on a method
 * and on a class.
 */
export function checkNestMetadata(keys: typeof NEST_METADATA = NEST_METADATA, paramtypes: typeof GQL_PARAMTYPES = GQL_PARAMTYPES): string | null {
  for (const [kind, key] of [['pipes', keys.pipes], ['guards', keys.guards], ['interceptors', keys.interceptors], ['filters', keys.filters]] as const) {
    const onClass = Reflect.getMetadata(key, ProbeEnhancedClass) as unknown[] | undefined;
    if (!Array.isArray(onClass) || onClass.length !== 1) return `a class's ${kind} are not recorded under '${key}'`;
  }
  const methods = ProbeEnhancedMethods.prototype;
  for (const [kind, key, method] of [
    ['pipes', keys.pipes, methods.piped],
    ['guards', keys.guards, methods.guarded],
    ['interceptors', keys.interceptors, methods.intercepted],
    ['filters', keys.filters, methods.filtered],
  ] as const) {
    const onMethod = Reflect.getMetadata(key, method) as unknown[] | undefined;
    if (!Array.isArray(onMethod) || onMethod.length !== 1) return `a method's ${kind} are not recorded under '${key}'`;
    if (!enhanced(method, ProbeEnhancedMethods)) return `a method with ${kind} is not seen as enhanced`;
  }
  if (!enhanced(ProbeEnhancedClass.prototype.bare, ProbeEnhancedClass)) return 'a method of a class with enhancers is not seen as enhanced';
  if (enhanced(ProbePlain.prototype.bare, ProbePlain)) return 'a method without enhancers is seen as enhanced';
  if (FIELD_RESOLVER_MIDDLEWARE_METADATA === undefined) return '@nestjs/graphql no longer exports FIELD_RESOLVER_MIDDLEWARE_METADATA';

  const params = (Reflect.getMetadata(PARAM_ARGS_METADATA, ProbePlain, 'field') ?? {}) as Record<string, { index: number; data?: unknown; factory?: unknown }>;
  const expected: [string, number, unknown][] = [
    ['@Parent()', paramtypes.root, undefined],
    ["@Context('req')", paramtypes.context, 'req'],
    ['@Info()', paramtypes.info, undefined],
    ["@Args('n')", paramtypes.args, 'n'],
  ];
  for (const [index, [decorator, paramtype, data]] of expected.entries()) {
    const p = params[`${paramtype}:${index}`];
    if (!p || p.index !== index || p.data !== data) return `${decorator} is not recorded as parameter type ${paramtype} with its data`;
  }
  const custom = Object.entries(params).find(([key]) => key.includes(keys.customArgs) && key.endsWith(':4'));
  if (!custom) return `a custom param decorator is not recorded under a key with '${keys.customArgs}'`;
  if (!isDirectParamFactory(custom[1].factory) || custom[1].data !== 'd') return "a custom param decorator's factory or data is not recorded as given";
  if (Object.keys(params).length !== 5) return 'the parameters recorded are not the five decorated';
  return null;
}

/**
 * direct-resolvers: Nest runs no guards, interceptors or filters for field resolvers only while
 * the GraphQL module's `fieldResolverEnhancers` is empty; with any, direct resolvers would skip them.
 */
export function checkFieldResolverEnhancers(enhancers: unknown): string | null {
  if (enhancers === undefined || (Array.isArray(enhancers) && enhancers.length === 0)) return null;
  return `the GraphQL module's fieldResolverEnhancers is set (${JSON.stringify(enhancers)}): field resolvers must run through Nest`;
}

/** direct-resolvers: no field made direct carries an enhancer or middleware (on its method or its class). */
export function checkDirectFields(direct: DirectFields): string | null {
  let count = 0;
  for (const [typeName, fields] of direct) {
    for (const [fieldName, made] of fields) {
      if (enhanced(made.method, made.ctor)) return `${typeName}.${fieldName} carries pipes, guards, interceptors, filters or middleware`;
      count++;
    }
  }
  return count > 0 ? null : 'no @ResolveField method could be made direct';
}

/** A plain @Field of the API's schema: Nest's resolver must be gone from it after plainFieldsReadDirectly. */
export const PLAIN_PROBE: readonly [string, string] = ['Commitment', 'title'];

/** plain-fields: plain fields really lost Nest's resolvers (Nest names it rootFieldResolver and it reads the property). */
export function checkPlainFields(schema: GraphQLSchema, removed: number, [typeName, fieldName]: readonly [string, string] = PLAIN_PROBE): string | null {
  if (removed === 0) return "no plain field lost Nest's resolver (is it still named rootFieldResolver, reading the property?)";
  const type = schema.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  if (!field) return `${typeName}.${fieldName}, the plain field checked, is not in the schema`;
  if (field.resolve) return `${typeName}.${fieldName}, a plain field, kept a resolver (${field.resolve.name || 'anonymous'})`;
  return null;
}

type CollectSubfields = (
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  variableValues: Record<string, unknown>,
  returnType: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
) => unknown;

/**
 * preload: graphql-js's collectSubfields (an internal module) is there and gives a Map from
 * response name to field nodes, applying fragments, aliases and @skip as execution does.
 */
export function checkCollectSubfields(collect: CollectSubfields = collectSubfields as unknown as CollectSubfields): string | null {
  try {
    if (typeof collect !== 'function') return "graphql/execution/collectFields no longer exports collectSubfields";
    const schema = buildSchema('type Query { a: A } type A { x: Int y: Int b: A }');
    const document = parse('query($no: Boolean = true) { a { x ...F z: y @skip(if: $no) b { x } alias: y } } fragment F on A { y x }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const fragment = document.definitions[1] as FragmentDefinitionNode;
    const a = operation.selectionSet.selections[0] as FieldNode;
    const result = collect(schema, { F: fragment }, { no: true }, schema.getType('A') as GraphQLObjectType, [a]);
    if (!(result instanceof Map)) return 'collectSubfields no longer returns a Map';
    const shape = [...(result as Map<unknown, unknown>)].map(([key, nodes]) =>
      Array.isArray(nodes) && nodes.every((n: FieldNode) => n?.kind === Kind.FIELD) ? `${String(key)}:${nodes.map((n: FieldNode) => n.name.value).join('+')}` : '?',
    );
    const expected = ['x:x+x', 'y:y', 'b:b', 'alias:y'];
    if (shape.join(',') !== expected.join(',')) return `collectSubfields gives ${JSON.stringify(shape)} on the probe document, not ${JSON.stringify(expected)}`;
    return null;
  } catch (err) {
    return `collectSubfields failed on the probe document: ${(err as Error).message}`;
  }
}
