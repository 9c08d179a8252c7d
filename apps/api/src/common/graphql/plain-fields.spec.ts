import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { plainFieldsReadDirectly } from './plain-fields';

// Nest's resolver for a plain @Field: the property of the field's name, or the field's default.
function nestResolver(property: string, defaultValue?: unknown) {
  const rootFieldResolver = (root: Record<string, unknown>) => {
    const value = root[property];
    return typeof value === 'undefined' ? defaultValue : value;
  };
  return rootFieldResolver;
}

describe('plainFieldsReadDirectly', () => {
  const own = () => 'own';
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      plain: { type: GraphQLString, resolve: nestResolver('plain') },
      renamed: { type: GraphQLString, resolve: nestResolver('storedAs') },
      defaulted: { type: GraphQLString, resolve: nestResolver('defaulted', 'fallback') },
      resolved: { type: GraphQLString, resolve: own },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { item: { type: Item, resolve: () => ({ plain: 'p', storedAs: 'r' }) } } }),
  });

  it('reads plain fields as properties, and keeps resolvers that do more', async () => {
    expect(plainFieldsReadDirectly(schema)).toBe(1);
    const fields = Item.getFields();
    expect(fields.plain.resolve).toBeUndefined();
    expect(fields.renamed.resolve).toBeDefined();
    expect(fields.defaulted.resolve).toBeDefined();
    expect(fields.resolved.resolve).toBe(own);
    // The answers are those the resolvers gave.
    const result = await graphql({ schema, source: '{ item { plain renamed defaulted resolved } }' });
    expect(result).toEqual({ data: { item: { plain: 'p', renamed: 'r', defaulted: 'fallback', resolved: 'own' } } });
  });
});
