import { FieldNode, getNamedType, GraphQLNamedType, GraphQLResolveInfo, isObjectType } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { directParamDecorator, hasFieldResolver } from './direct-field-resolvers';

/** The parts of `info` that say what is selected: the look-ahead (preload.ts) gives these. */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues' | 'fieldNodes' | 'returnType'>;

// Per field nodes (the same array for every parent of a list), per execution, per path.
const CACHE = new WeakMap<readonly FieldNode[], WeakMap<object, Map<string, ReadonlySet<string> | null>>>();

/**
 * The names of the fields selected at `path` below the field being resolved (fragments, aliases
 * and @skip/@include applied as execution applies them): `['edges', 'node']` of a connection gives
 * the fields asked of its nodes. null when that cannot be told (an interface or union on the way)
 * or when a selected field there has a resolver of its own, which may read any property: the
 * caller then loads everything, as without this.
 */
export function selectedFields(info: SelectionInfo, path: readonly string[]): ReadonlySet<string> | null {
  return cached(info, path, false);
}

/**
 * The names of the fields selected at `path`, those with resolvers of their own included: for a
 * service that knows which of its columns those resolvers read. null when that cannot be told.
 */
export function selectedNames(info: SelectionInfo, path: readonly string[]): ReadonlySet<string> | null {
  return cached(info, path, true);
}

function cached(info: SelectionInfo, path: readonly string[], withResolved: boolean): ReadonlySet<string> | null {
  let byExecution = CACHE.get(info.fieldNodes);
  if (!byExecution) CACHE.set(info.fieldNodes, (byExecution = new WeakMap()));
  let byPath = byExecution.get(info.variableValues);
  if (!byPath) byExecution.set(info.variableValues, (byPath = new Map()));
  const key = `${withResolved ? '+' : ''}${path.join('.')}`;
  if (byPath.has(key)) return byPath.get(key) ?? null;
  const names = collect(info, path, withResolved);
  byPath.set(key, names);
  return names;
}

function collect(info: SelectionInfo, path: readonly string[], withResolved: boolean): ReadonlySet<string> | null {
  const subfields = (type: GraphQLNamedType, nodes: readonly FieldNode[]) =>
    isObjectType(type) ? collectSubfields(info.schema, info.fragments, info.variableValues, type, nodes) : null;
  let type = getNamedType(info.returnType);
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) {
    const subs = subfields(type, nodes);
    if (!subs || !isObjectType(type)) return null;
    const field = type.getFields()[step];
    if (!field) return null;
    const merged: FieldNode[] = [];
    for (const sub of subs.values()) if (sub[0].name.value === step) merged.push(...sub);
    // Nothing selected there: nothing of it is read.
    if (!merged.length) return new Set();
    type = getNamedType(field.type);
    nodes = merged;
  }
  const subs = subfields(type, nodes);
  if (!subs) return null;
  const names = new Set<string>();
  for (const sub of subs.values()) {
    const name = sub[0].name.value;
    if (!withResolved && hasFieldResolver(type.name, name)) return null;
    names.add(name);
  }
  return names;
}

/**
 * The fields selected at a path below this field (see selectedFields), for a service that loads
 * only the columns asked for: `@Selected('edges.node') fields: ReadonlySet<string> | null`.
 */
export const Selected = (path: string) => directParamDecorator((ctx, data, info) => (ctx.selectionsOff ? null : selectedFields(info, String(data).split('.'))))(path);

/** The same with the fields that have resolvers of their own (see selectedNames): `@SelectedNames('edges.node')`, `@SelectedNames('')` for the field's own object. */
export const SelectedNames = (path: string) =>
  directParamDecorator((ctx, data, info) => (ctx.selectionsOff ? null : selectedNames(info, String(data) ? String(data).split('.') : [])))(path);

/** What a connection's selection reads beyond its nodes: the total (totalCount) and cursors (edges.cursor, pageInfo). */
export interface PageNeeds {
  count: boolean;
  cursors: boolean;
}

/**
 * Whether the connection being resolved has its totalCount or any cursor selected, so that the
 * SQL counts and returns sort keys only for pages that show them. When that cannot be told, both.
 */
export function pageNeeds(info: SelectionInfo): PageNeeds {
  const page = selectedFields(info, []);
  if (!page) return { count: true, cursors: true };
  const edges = page.has('edges') ? selectedFields(info, ['edges']) : new Set<string>();
  return { count: page.has('totalCount'), cursors: page.has('pageInfo') || !edges || edges.has('cursor') };
}

/** Everything: for callers that do not say. */
export const ALL: PageNeeds = { count: true, cursors: true };

/** The part of a DataLoader key that tells pages loaded with different needs apart. */
export const needsKey = (needs: PageNeeds) => `${needs.count ? 'c' : ''}${needs.cursors ? 'k' : ''}`;

/** `@Needs() needs: PageNeeds` on a connection field: see pageNeeds. */
export const Needs = () => directParamDecorator((ctx, _data, info) => (ctx.selectionsOff ? ALL : pageNeeds(info)))();
