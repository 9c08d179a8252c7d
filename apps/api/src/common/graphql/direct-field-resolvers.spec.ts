import { UseGuards, UseInterceptors } from '@nestjs/common';
import { ApplicationConfig, ModulesContainer } from '@nestjs/core';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { directFieldResolvers } from './direct-field-resolvers';

class Guard {
  canActivate() {
    return true;
  }
}
class Interceptor {
  intercept(_c: unknown, next: { handle(): unknown }) {
    return next.handle();
  }
}

@Resolver('Item')
class ItemResolver {
  @ResolveField('plain', () => String)
  plain(@Parent() item: { name: string }): string {
    return `plain ${item.name}`;
  }

  @UseGuards(Guard)
  @ResolveField('guarded', () => String)
  guarded(@Parent() item: { name: string }): string {
    return `guarded ${item.name}`;
  }

  @UseInterceptors(Interceptor)
  @ResolveField('intercepted', () => String)
  intercepted(@Parent() item: { name: string }): string {
    return `intercepted ${item.name}`;
  }
}

@UseGuards(Guard)
@Resolver('Other')
class GuardedResolver {
  @ResolveField('plain', () => String)
  plain(@Parent() item: { name: string }): string {
    return item.name;
  }
}

describe('directFieldResolvers', () => {
  const nest = () => 'through Nest';
  const typeWith = (name: string, fields: string[]) =>
    new GraphQLObjectType({ name, fields: Object.fromEntries(fields.map((f) => [f, { type: GraphQLString, resolve: nest }])) });
  const schemaOf = () => {
    const Item = typeWith('Item', ['plain', 'guarded', 'intercepted']);
    const Other = typeWith('Other', ['plain']);
    return new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { item: { type: Item }, other: { type: Other } } }), types: [Item, Other] });
  };
  const wrapper = (instance: object) => ({ instance, isDependencyTreeStatic: () => true });
  const modules = new Map([['m', { providers: new Map([['a', wrapper(new ItemResolver())], ['b', wrapper(new GuardedResolver())]]) }]]) as unknown as ModulesContainer;
  const config = { getGlobalPipes: () => [] } as unknown as ApplicationConfig;
  const resolveOf = (schema: GraphQLSchema, type: string, field: string) => (schema.getType(type) as GraphQLObjectType).getFields()[field].resolve;

  it('calls a plain method directly, and leaves methods or classes with guards or interceptors to Nest', () => {
    const schema = schemaOf();
    const { direct, resolved } = directFieldResolvers(modules, config, schema);
    expect([...resolved].sort()).toEqual(['Item.guarded', 'Item.intercepted', 'Item.plain', 'Other.plain']);
    expect([...(direct.get('Item')?.keys() ?? [])]).toEqual(['plain']);
    expect(direct.has('Other')).toBe(false);
    expect(resolveOf(schema, 'Item', 'plain')).not.toBe(nest);
    for (const [type, field] of [['Item', 'guarded'], ['Item', 'intercepted'], ['Other', 'plain']]) expect(resolveOf(schema, type, field)).toBe(nest);
  });

  it('makes nothing direct when told not to, and still names the resolved fields', () => {
    const schema = schemaOf();
    const { direct, resolved } = directFieldResolvers(modules, config, schema, false);
    expect(direct.size).toBe(0);
    expect(resolved.size).toBe(4);
    expect(resolveOf(schema, 'Item', 'plain')).toBe(nest);
  });
});
