import { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';

const PROBE = Symbol('probe');

/**
 * Nest gives every plain @Field of an object type a resolver of its own ("rootFieldResolver":
 * read the property, or the field's default when it is undefined). It does what reading the
 * property does, but as a resolver it is called as one: an info object, a call and a result check
 * per field of every object, thousands on a nested read, where graphql-jit (and graphql-js) would
 * otherwise read the property inline. Each such resolver that is seen to behave exactly as reading
 * the property of the field's name (the value when there is one, undefined when there is none: no
 * renamed property, no default) is removed, so the property is read directly. Fields with a
 * resolver of the application's own (@ResolveField) are not touched.
 */
export function plainFieldsReadDirectly(schema: GraphQLSchema): number {
  let removed = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<Record<string, unknown>, unknown> | undefined;
      if (!resolve || resolve.name !== 'rootFieldResolver') continue;
      const info = {} as GraphQLResolveInfo;
      if (resolve({ [field.name]: PROBE }, {}, {}, info) === PROBE && resolve({}, {}, {}, info) === undefined) {
        field.resolve = undefined;
        removed++;
      }
    }
  }
  return removed;
}
