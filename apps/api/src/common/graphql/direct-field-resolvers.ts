import { createParamDecorator, ExecutionContext, PipeTransform } from '@nestjs/common';
import { ApplicationConfig, MetadataScanner, ModulesContainer } from '@nestjs/core';
import {
  FIELD_RESOLVER_MIDDLEWARE_METADATA,
  GqlExecutionContext,
  PARAM_ARGS_METADATA,
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_REFERENCE_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql';
import { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';
import { isObservable, lastValueFrom } from 'rxjs';
import { ArgsValidationPipe } from '../validation/args-validation.pipe';
import { RefuseNulPipe } from '../validation/refuse-nul.pipe';
import { GqlContext } from '../context/gql-context';
import { MISS, preloaded } from './preload';
import type { SelectionInfo } from './selection';

/**
 * Keys of @nestjs/common's metadata (its constants are internal): @UsePipes, custom param
 * decorators, @UseGuards, @UseInterceptors, @UseFilters. checkNestMetadata (fast-path-checks.ts)
 * confirms them at start-up on decorated probe classes.
 */
export const NEST_METADATA = {
  pipes: '__pipes__',
  customArgs: '__customRouteArgs__',
  guards: '__guards__',
  interceptors: '__interceptors__',
  filters: '__exceptionFilters__',
} as const;
const CUSTOM_ROUTE_ARGS_METADATA = NEST_METADATA.customArgs;
/** GqlParamtype of @nestjs/graphql (not exported): @Parent(), @Context(), @Info(), @Args(); confirmed by checkNestMetadata. */
export const GQL_PARAMTYPES = { root: 0, context: 1, info: 2, args: 3 } as const;
const ROOT = GQL_PARAMTYPES.root;
const CONTEXT = GQL_PARAMTYPES.context;
const INFO = GQL_PARAMTYPES.info;
const ARGS = GQL_PARAMTYPES.args;

type Resolve = GraphQLFieldResolver<unknown, GqlContext>;
type Extract = (parent: unknown, args: Record<string, unknown>, ctx: GqlContext, info: GraphQLResolveInfo) => unknown;

/**
 * What a direct param decorator may read: the GraphQL context, its data, and of `info` only what
 * says what is selected (the look-ahead in preload.ts has no path to give).
 */
type FromContext<T> = (ctx: GqlContext, data: unknown, info: SelectionInfo) => T;

/** Custom param decorators whose value is read straight from the GraphQL context (see directParamDecorator). */
const DIRECT_PARAMS = new Map<unknown, FromContext<unknown>>();

/**
 * A param decorator that reads its value from the GraphQL context (and the selection). Through
 * Nest it works as any createParamDecorator; field resolvers made direct (below) call
 * `fromContext` themselves.
 */
export function directParamDecorator<T>(fromContext: FromContext<T>) {
  const factory = (data: unknown, ctx: ExecutionContext): T => {
    const gql = GqlExecutionContext.create(ctx);
    return fromContext(gql.getContext<GqlContext>(), data, gql.getInfo<GraphQLResolveInfo>());
  };
  DIRECT_PARAMS.set(factory, fromContext as FromContext<unknown>);
  return createParamDecorator(factory);
}

/** Whether createParamDecorator kept this factory as directParamDecorator registered it (checkNestMetadata). */
export function isDirectParamFactory(factory: unknown): boolean {
  return DIRECT_PARAMS.has(factory);
}

// "Type.field" of every field with a @ResolveField method, filled by directFieldResolvers.
const RESOLVED = new Set<string>();

/** Whether this field of this type has a resolver of its own (a @ResolveField method). */
export function hasFieldResolver(typeName: string, fieldName: string): boolean {
  return RESOLVED.has(`${typeName}.${fieldName}`);
}

/** A field resolver made direct: what the planner (see preload.ts) needs to call it early. */
export interface DirectField {
  resolve: Resolve;
  /** It reads all of `info` (@Info()): the planner, which has only its selection to give, leaves it to execution. */
  needsInfo: boolean;
  /** The method and its class, for the start-up check that none carries an enhancer (checkDirectFields). */
  method: object;
  ctor: object;
  /** Nest's resolver it replaced: put back if that check fails. */
  replaced?: Resolve;
}

/** Direct field resolvers by type name, then field name; filled by directFieldResolvers. */
export type DirectFields = Map<string, Map<string, DirectField>>;

export interface FieldResolvers {
  /** Empty when `makeDirect` was false: every field keeps Nest's resolver. */
  direct: DirectFields;
  /** Every field with a @ResolveField method ("Type.field"), direct or not. */
  resolved: Set<string>;
}

// Parameter types ValidationPipe never validates (its own list, and none at all): for a GraphQL
// argument it hands such a value back as it came (transformPrimitive changes only HTTP params and queries).
const UNVALIDATED: ReadonlySet<unknown> = new Set([String, Boolean, Number, Array, Object, Buffer, Date, undefined]);

/**
 * Nest runs every @ResolveField call through its context machinery: each parameter decorator,
 * each global pipe (awaited), a promise per step. On a nested read that is thousands of calls and
 * a large share of the CPU and garbage. This replaces, in the built schema, the resolver of every
 * @ResolveField method whose parameters it can supply itself with a direct call of the method:
 * - @Parent(), @Context(), @Info(), and decorators made with directParamDecorator;
 * - named @Args() whose TypeScript type is one ValidationPipe does not validate (string, number,
 *   boolean, a union such as `string | null`…), given to the global pipes as Nest would:
 *   RefuseNulPipe's check runs as is; ArgsValidationPipe hands such values back untouched.
 * Anything else (pipes, middleware, guards, interceptors or filters on the method or its class, a
 * whole-args class, another kind of global pipe, request-scoped resolvers) keeps Nest's own
 * resolver. Field resolvers run neither guards, interceptors nor filters in Nest while
 * `fieldResolverEnhancers` is unset (checked at start-up: checkFieldResolverEnhancers), so none
 * is skipped here.
 * The @ResolveField declarations stay the source of the schema: only `resolve` changes.
 */
export function directFieldResolvers(modules: ModulesContainer, config: ApplicationConfig, schema: GraphQLSchema, makeDirectResolvers = true): FieldResolvers {
  const pipes = config.getGlobalPipes();
  const known = makeDirectResolvers && pipes.every((p) => p instanceof RefuseNulPipe || p instanceof ArgsValidationPipe);
  // Only RefuseNulPipe changes anything for a scalar argument; it is synchronous.
  const argPipes = pipes.filter((p): p is RefuseNulPipe => p instanceof RefuseNulPipe);
  const direct: DirectFields = new Map();
  const resolved = new Set<string>();
  const scanner = new MetadataScanner();
  const seen = new Set<object>();
  for (const moduleRef of modules.values()) {
    for (const wrapper of moduleRef.providers.values()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      // A request-scoped resolver gets a new instance per request from Nest: its fields stay Nest's.
      const singleton = wrapper.isDependencyTreeStatic();
      const ctor = instance.constructor as new (...args: unknown[]) => unknown;
      const classType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, ctor) as unknown;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of scanner.getAllMethodNames(prototype)) {
        const method = (prototype as Record<string, unknown>)[methodName] as (...args: unknown[]) => unknown;
        if (!Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method) || Reflect.getMetadata(RESOLVER_REFERENCE_METADATA, method)) continue;
        const typeName = (Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as unknown) ?? classType;
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? methodName;
        if (typeof typeName !== 'string') continue;
        const type = schema.getType(typeName);
        const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
        if (!field) continue;
        resolved.add(`${typeName}.${fieldName}`);
        RESOLVED.add(`${typeName}.${fieldName}`);
        const made = known && singleton ? makeDirect(instance, ctor, methodName, method, argPipes) : null;
        if (!made) continue;
        made.replaced = field.resolve as Resolve | undefined;
        field.resolve = made.resolve;
        let ofType = direct.get(typeName);
        if (!ofType) direct.set(typeName, (ofType = new Map()));
        ofType.set(fieldName, made);
      }
    }
  }
  return { direct, resolved };
}

interface ParamMetadata {
  index: number;
  data?: unknown;
  pipes?: unknown[];
  factory?: unknown;
  schema?: unknown;
}

function makeDirect(
  instance: object,
  ctor: new (...args: unknown[]) => unknown,
  methodName: string,
  method: (...args: unknown[]) => unknown,
  argPipes: PipeTransform[],
): DirectField | null {
  if (enhanced(method, ctor)) return null;
  const params = (Reflect.getMetadata(PARAM_ARGS_METADATA, ctor, methodName) ?? {}) as Record<string, ParamMetadata>;
  // Without parameter decorators Nest already binds the method as the resolver, called with (parent, args, context, info).
  if (Object.keys(params).length === 0) return null;
  const paramtypes = (Reflect.getMetadata('design:paramtypes', Object.getPrototypeOf(instance), methodName) ?? []) as unknown[];
  const extractors: Extract[] = [];
  let needsInfo = false;
  for (const [key, p] of Object.entries(params)) {
    if (p.pipes?.length || p.schema !== undefined) return null;
    let extract: Extract;
    if (key.includes(CUSTOM_ROUTE_ARGS_METADATA)) {
      const fromContext = DIRECT_PARAMS.get(p.factory);
      if (!fromContext) return null;
      const data = p.data;
      extract = (_parent, _args, ctx, info) => fromContext(ctx, data, info);
    } else {
      const paramtype = Number(key.slice(0, key.indexOf(':')));
      if (paramtype === ROOT) extract = (parent) => parent;
      else if (paramtype === CONTEXT) {
        const data = p.data as string | undefined;
        extract = data ? (_parent, _args, ctx) => (ctx as unknown as Record<string, unknown>)[data] : (_parent, _args, ctx) => ctx;
      } else if (paramtype === INFO) {
        needsInfo = true;
        extract = (_parent, _args, _ctx, info) => info;
      } else if (paramtype === ARGS) {
        const name = p.data;
        const metatype = paramtypes[p.index];
        if (typeof name !== 'string' || !UNVALIDATED.has(metatype)) return null;
        const metadata = { type: ARGS as unknown as 'custom', data: name, metatype: metatype as never };
        extract = argPipes.length
          ? (_parent, args) => {
              let value = args[name];
              for (const pipe of argPipes) value = pipe.transform(value, metadata);
              return value;
            }
          : (_parent, args) => args[name];
      } else return null;
    }
    extractors[p.index] = extract;
  }
  for (let i = 0; i < extractors.length; i++) if (!extractors[i]) return null;
  const n = extractors.length;
  const resolve: Resolve = (parent, args, ctx, info) => {
    // Already resolved by looking ahead (preload.ts)?
    const value = preloaded(info, parent);
    if (value !== MISS) return value;
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) values[i] = extractors[i](parent, args, ctx, info);
    const result = method.apply(instance, values);
    return isObservable(result) ? lastValueFrom(result) : result;
  };
  return { resolve, needsInfo, method, ctor };
}

/**
 * Whether the method or its class carries field middleware, pipes, guards, interceptors or
 * filters: Nest's pipeline would apply them (pipes, middleware) or would if field resolver
 * enhancers were ever turned on (the others), so such a field keeps Nest's resolver.
 */
export function enhanced(method: object, ctor: object): boolean {
  const has = (key: string, target: object) => ((Reflect.getMetadata(key, target) as unknown[] | undefined)?.length ?? 0) > 0;
  if (has(FIELD_RESOLVER_MIDDLEWARE_METADATA, method)) return true;
  return [NEST_METADATA.pipes, NEST_METADATA.guards, NEST_METADATA.interceptors, NEST_METADATA.filters].some((key) => has(key, method) || has(key, ctor));
}

/** Puts Nest's resolvers back on the fields made direct (a start-up check failed). */
export function restoreNestResolvers(schema: GraphQLSchema, direct: DirectFields): void {
  for (const [typeName, fields] of direct) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const [fieldName, made] of fields) {
      const field = type.getFields()[fieldName];
      if (field && field.resolve === made.resolve) field.resolve = made.replaced;
    }
  }
  direct.clear();
}
