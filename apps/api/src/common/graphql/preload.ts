import {
  FieldNode,
  getArgumentValues,
  getNamedType,
  GraphQLFieldResolver,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import type { DirectField, DirectFields } from './direct-field-resolvers';

/**
 * Looking ahead on a query's selection: once a root field has its value, the relation fields
 * selected below it are resolved a level at a time, all parents of a level at once (each level is
 * the same batched SQL the DataLoaders would issue during execution), and their values are kept
 * for the request. graphql-js then finds every relation already resolved, so the whole tree below
 * the root completes synchronously: no promise per field, per object and per list, which on a
 * nested read of thousands of objects was much of the execution's time and garbage.
 *
 * It calls the same resolvers as execution (the direct ones of directFieldResolvers), with the
 * same arguments, so there is no second description of any relation. It only reads ahead: a
 * resolver that fails or throws here is simply left to execution, which calls it again and
 * reports its error at its own path. Queries only; mutations and subscriptions run as before.
 */

/** What a resolver returns when nothing was kept for it. */
export const MISS: unique symbol = Symbol('not preloaded');

// Per execution of an operation, per field node of the document, per parent object: the value.
// An execution is known by its variable values, an object graphql-js makes for each execution and
// hands every resolver in `info`: not by the context, which batched operations may share.
const PRELOADED = new WeakMap<object, Map<FieldNode, Map<unknown, unknown>>>();

/** The value preloaded for this field of this parent, or MISS. */
export function preloaded(info: GraphQLResolveInfo, parent: unknown): unknown {
  const byParent = PRELOADED.get(info.variableValues)?.get(info.fieldNodes[0]);
  if (!byParent) return MISS;
  const value = byParent.get(parent);
  return value === undefined && !byParent.has(parent) ? MISS : value;
}

interface Load {
  node: FieldNode;
  field: DirectField;
  args: Record<string, unknown>;
  type: GraphQLOutputType;
  nodes: readonly FieldNode[];
  /** What the resolver is given as `info`: the selection of the field (see SelectionInfo), no path. */
  info: GraphQLResolveInfo;
}

interface Plan {
  loads: Load[];
  /** Plain properties of an object type (edges, node…) to look through for more relations. */
  props: { name: string; type: GraphQLOutputType; nodes: readonly FieldNode[] }[];
}

const EMPTY: Plan = { loads: [], props: [] };

type Resolve = GraphQLFieldResolver<unknown, object>;

/**
 * Wraps every Query field's resolver so that its value is preloaded before graphql-js completes
 * it. `resolved` names the fields ("Type.field") that have a resolver of their own: only the others
 * are looked through as plain properties.
 */
export function preloadingQueries(schema: GraphQLSchema, direct: DirectFields, resolved: ReadonlySet<string>): void {
  const query = schema.getQueryType();
  if (!query) return;
  for (const field of Object.values(query.getFields())) {
    const resolve = field.resolve as Resolve | undefined;
    if (!resolve) continue;
    field.resolve = (source, args, ctx, info) => {
      const result = resolve(source, args, ctx, info);
      if (info.operation.operation !== 'query') return result;
      return isThenable(result)
        ? result.then((value) => preload(value, info, ctx, direct, resolved))
        : preload(result, info, ctx, direct, resolved);
    };
  }
}

/** Whether a resolver's value is a promise (or any thenable). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

async function preload(value: unknown, info: GraphQLResolveInfo, ctx: object, direct: DirectFields, resolved: ReadonlySet<string>): Promise<unknown> {
  try {
    await new Preloader(info, ctx, direct, resolved).run(value, info.returnType, info.fieldNodes);
  } catch {
    // Looking ahead is only a shortcut: execution resolves whatever was not preloaded.
  }
  return value;
}

class Preloader {
  private readonly plans = new Map<readonly FieldNode[], Map<GraphQLObjectType, Plan>>();
  private readonly kept: Map<FieldNode, Map<unknown, unknown>>;
  private groups = new Map<Load, unknown[]>();

  constructor(
    private readonly info: GraphQLResolveInfo,
    private readonly ctx: object,
    private readonly direct: DirectFields,
    private readonly resolved: ReadonlySet<string>,
  ) {
    let kept = PRELOADED.get(info.variableValues);
    if (!kept) PRELOADED.set(info.variableValues, (kept = new Map()));
    this.kept = kept;
  }

  async run(value: unknown, type: GraphQLOutputType, nodes: readonly FieldNode[]): Promise<void> {
    let level: { value: unknown; type: GraphQLOutputType; nodes: readonly FieldNode[] }[] = [{ value, type, nodes }];
    while (level.length) {
      this.groups = new Map();
      for (const item of level) this.walk(item.value, item.type, item.nodes);
      const next: typeof level = [];
      const pending: PromiseLike<void>[] = [];
      // Every parent of the level is asked before any answer is awaited: one DataLoader batch each.
      for (const [load, parents] of this.groups) {
        let byParent = this.kept.get(load.node);
        if (!byParent) this.kept.set(load.node, (byParent = new Map()));
        const keep = byParent;
        for (const parent of parents) {
          let result: unknown;
          try {
            result = (load.field.resolve as unknown as Resolve)(parent, load.args, this.ctx, load.info);
          } catch {
            continue;
          }
          const store = (v: unknown) => {
            keep.set(parent, v);
            next.push({ value: v, type: load.type, nodes: load.nodes });
          };
          if (isThenable(result)) pending.push(result.then(store, () => undefined));
          else store(result);
        }
      }
      await Promise.all(pending);
      level = next;
    }
  }

  private walk(value: unknown, type: GraphQLOutputType, nodes: readonly FieldNode[]): void {
    if (value === null || value === undefined) return;
    if (isNonNullType(type)) return this.walk(value, type.ofType, nodes);
    if (isListType(type)) {
      if (!Array.isArray(value)) return;
      const item = type.ofType as GraphQLOutputType;
      const named = getNamedType(item);
      if (!isObjectType(named) || this.plan(named, nodes) === EMPTY) return;
      for (const v of value) this.walk(v, item, nodes);
      return;
    }
    // Leaves, and interfaces and unions (whose runtime type only execution knows), are left as they are.
    if (!isObjectType(type) || typeof value !== 'object' || isThenable(value)) return;
    const plan = this.plan(type, nodes);
    for (const load of plan.loads) {
      const parents = this.groups.get(load);
      if (parents) parents.push(value);
      else this.groups.set(load, [value]);
    }
    for (const prop of plan.props) this.walk((value as Record<string, unknown>)[prop.name], prop.type, prop.nodes);
  }

  /** What to preload and look through on objects of `type` selected by `nodes`. */
  private plan(type: GraphQLObjectType, nodes: readonly FieldNode[]): Plan {
    let byType = this.plans.get(nodes);
    if (!byType) this.plans.set(nodes, (byType = new Map()));
    let plan = byType.get(type);
    if (plan) return plan;
    plan = { loads: [], props: [] };
    byType.set(type, plan);
    const fields = type.getFields();
    const directOfType = this.direct.get(type.name);
    const subfields = collectSubfields(this.info.schema, this.info.fragments, this.info.variableValues, type, nodes);
    for (const sub of subfields.values()) {
      const name = sub[0].name.value;
      const def = fields[name];
      if (!def) continue;
      const field = directOfType?.get(name);
      // Resolved fields are asked ahead whatever they return (a flag from a loader too); plain leaves are just read.
      if (!field && isLeafType(getNamedType(def.type))) continue;
      if (field && !field.needsInfo) {
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(def, sub[0], this.info.variableValues);
        } catch {
          continue;
        }
        const { schema, fragments, variableValues, rootValue, operation } = this.info;
        const info = { fieldName: name, fieldNodes: sub, returnType: def.type, parentType: type, schema, fragments, variableValues, rootValue, operation };
        plan.loads.push({ node: sub[0], field, args, type: def.type, nodes: sub, info: info as unknown as GraphQLResolveInfo });
      } else if (!field && !this.resolved.has(`${type.name}.${name}`)) {
        // Looked through only if something below it is to be preloaded.
        const named = getNamedType(def.type);
        if (isObjectType(named) && this.plan(named, sub) !== EMPTY) plan.props.push({ name, type: def.type, nodes: sub });
      }
    }
    if (!plan.loads.length && !plan.props.length) byType.set(type, (plan = EMPTY));
    return plan;
  }
}
