import { UseGuards, UseInterceptors } from '@nestjs/common';
import { buildSchema, graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { compileQuery } from 'graphql-jit';
import { compilesProbe } from './compiled-executor';
import { DirectFields, enhanced, GQL_PARAMTYPES, NEST_METADATA, restoreNestResolvers } from './direct-field-resolvers';
import { checkCollectSubfields, checkDirectFields, checkFieldResolverEnhancers, checkNestMetadata, checkPlainFields } from './fast-path-checks';
import { plainFieldsReadDirectly } from './plain-fields';

// Each start-up self-check passes on the libraries as installed, and fails (turning its piece off)
// when the assumption it checks is broken: simulated by handing it another key, number or function,
// never by changing the libraries themselves.

describe('direct-resolvers: Nest metadata', () => {
  it("passes on Nest's own decorators", () => {
    expect(checkNestMetadata()).toBeNull();
  });

  it.each(Object.keys(NEST_METADATA) as (keyof typeof NEST_METADATA)[])('fails when Nest no longer records %s under the key read', (kind) => {
    expect(checkNestMetadata({ ...NEST_METADATA, [kind]: `__${kind}_renamed__` })).toMatch(/not recorded|not seen/);
  });

  it.each(Object.keys(GQL_PARAMTYPES) as (keyof typeof GQL_PARAMTYPES)[])('fails when the parameter type of %s changes number', (kind) => {
    expect(checkNestMetadata(NEST_METADATA, { ...GQL_PARAMTYPES, [kind]: 7 })).toMatch(/is not recorded as parameter type 7/);
  });
});

describe('direct-resolvers: no enhancer skipped', () => {
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
  class Plain {
    field(): string {
      return 'x';
    }
  }
  class WithGuardedMethod {
    @UseGuards(Guard) field(): string {
      return 'x';
    }
  }
  @UseInterceptors(Interceptor)
  class Intercepted {
    field(): string {
      return 'x';
    }
  }
  const directOf = (ctor: { prototype: { field(): string } }): DirectFields =>
    new Map([['Item', new Map([['field', { resolve: () => 'x', needsInfo: false, method: ctor.prototype.field, ctor }]])]]);

  it('sees guards and interceptors on a method or its class (makeDirect refuses those)', () => {
    expect(enhanced(Plain.prototype.field, Plain)).toBe(false);
    expect(enhanced(WithGuardedMethod.prototype.field, WithGuardedMethod)).toBe(true);
    expect(enhanced(Intercepted.prototype.field, Intercepted)).toBe(true);
  });

  it('fails on a direct field with a guard or an interceptor, or when none was made direct', () => {
    expect(checkDirectFields(directOf(Plain))).toBeNull();
    expect(checkDirectFields(directOf(WithGuardedMethod))).toMatch(/Item.field carries/);
    expect(checkDirectFields(directOf(Intercepted))).toMatch(/Item.field carries/);
    expect(checkDirectFields(new Map())).toMatch(/no @ResolveField method/);
  });

  it("puts Nest's resolvers back when the check fails", async () => {
    const nest = () => 'through Nest';
    const made = () => 'direct';
    const Item = new GraphQLObjectType({ name: 'Item', fields: { field: { type: GraphQLString, resolve: made } } });
    const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { item: { type: Item, resolve: () => ({}) } } }) });
    const direct: DirectFields = new Map([['Item', new Map([['field', { resolve: made, needsInfo: false, method: WithGuardedMethod.prototype.field, ctor: WithGuardedMethod, replaced: nest }]])]]);
    expect(checkDirectFields(direct)).toMatch(/carries/);
    restoreNestResolvers(schema, direct);
    expect(direct.size).toBe(0);
    expect(await graphql({ schema, source: '{ item { field } }' })).toEqual({ data: { item: { field: 'through Nest' } } });
  });

  it('fails when the GraphQL module runs enhancers on field resolvers', () => {
    expect(checkFieldResolverEnhancers(undefined)).toBeNull();
    expect(checkFieldResolverEnhancers([])).toBeNull();
    expect(checkFieldResolverEnhancers(['guards'])).toMatch(/fieldResolverEnhancers is set/);
    expect(checkFieldResolverEnhancers(['interceptors', 'filters'])).toMatch(/fieldResolverEnhancers is set/);
  });
});

describe('plain-fields', () => {
  // Nest's resolver for a plain @Field reads the property; `name` is the function's name.
  const resolverNamed = (name: string, property: string) =>
    ({ [name]: (root: Record<string, unknown>) => root[property] })[name] as (root: Record<string, unknown>) => unknown;
  const schemaWith = (name: string) =>
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { item: { type: new GraphQLObjectType({ name: 'Item', fields: { title: { type: GraphQLString, resolve: resolverNamed(name, 'title') } } }), resolve: () => ({ title: 't' }) } },
      }),
    });

  it('passes when plain fields lost their resolvers', async () => {
    const schema = schemaWith('rootFieldResolver');
    expect(checkPlainFields(schema, plainFieldsReadDirectly(schema), ['Item', 'title'])).toBeNull();
    expect(await graphql({ schema, source: '{ item { title } }' })).toEqual({ data: { item: { title: 't' } } });
  });

  it("fails when Nest's resolver is named otherwise (the fields keep it, and answer as before)", async () => {
    const schema = schemaWith('plainFieldResolver');
    expect(checkPlainFields(schema, plainFieldsReadDirectly(schema), ['Item', 'title'])).toMatch(/no plain field lost/);
    expect(await graphql({ schema, source: '{ item { title } }' })).toEqual({ data: { item: { title: 't' } } });
  });

  it('fails when the field checked kept a resolver or is not there', () => {
    const schema = schemaWith('rootFieldResolver');
    expect(checkPlainFields(schema, 3, ['Item', 'title'])).toMatch(/kept a resolver/);
    expect(checkPlainFields(schema, 3, ['Item', 'gone'])).toMatch(/is not in the schema/);
  });
});

describe('preload: collectSubfields', () => {
  it("passes on graphql-js's own", () => {
    expect(checkCollectSubfields()).toBeNull();
    expect(checkCollectSubfields(collectSubfields)).toBeNull();
  });

  it('fails when it is gone, returns another shape, or collects differently', () => {
    expect(checkCollectSubfields(null as never)).toMatch(/no longer exports/);
    // graphql 17's shape: an object holding the grouped field set.
    expect(checkCollectSubfields((...args) => ({ groupedFieldSet: collectSubfields(...args) }))).toMatch(/no longer returns a Map/);
    expect(checkCollectSubfields(() => new Map([['x', [{ kind: 'Field', name: { value: 'x' } }]]]))).toMatch(/gives \["x:x"\] on the probe document/);
    expect(
      checkCollectSubfields(() => {
        throw new TypeError('fieldNodes is not iterable');
      }),
    ).toMatch(/failed on the probe document: fieldNodes is not iterable/);
  });
});

describe('jit: graphql-jit on the probe query', () => {
  const schema = buildSchema('type Query { a: Int }');

  it('passes with graphql-jit as installed', async () => {
    expect(await compilesProbe(schema)).toBeNull();
  });

  it('fails when graphql-jit does not compile, answers otherwise, or throws', async () => {
    expect(await compilesProbe(schema, () => ({ errors: [{ message: 'nope' }] }) as never)).toMatch(/did not compile/);
    const wrong = ((...args: Parameters<typeof compileQuery>) => {
      const compiled = compileQuery(...args);
      return 'query' in compiled ? { ...compiled, query: () => ({ data: { __typename: 'Other', alias: 'Other' } }) } : compiled;
    }) as typeof compileQuery;
    expect(await compilesProbe(schema, wrong)).toMatch(/answered the probe query/);
    expect(
      await compilesProbe(schema, () => {
        throw new Error('boom');
      }),
    ).toMatch(/failed on the probe query: boom/);
  });
});
