import { createHash } from 'node:crypto';
import { buildSchema, execute, ExecutionResult, getOperationAST, GraphQLEnumType, GraphQLError, GraphQLList, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { CompiledQueryExecutor } from './compiled-executor';

// A small schema with what the API's own has: nested lists resolved asynchronously, arguments with
// defaults, an input object whose non-null field has a default, errors with extensions, mutations.
const SDL = `
  enum Direction { ASC DESC }
  enum Kind { BOOK FILM }
  input Order { field: String! direction: Direction! = ASC }
  type Item {
    id: ID! name: String! tags(first: Int = 2): [String!]! broken: String required: String!
    kind: Kind! count: Int! score: Float active: Boolean! note: String
  }
  type Query {
    items(order: Order, first: Int! = 3): [Item!]!
    item(id: ID!): Item
    failing: String
  }
  type Mutation { add(name: String!): Int! }
`;

class NotFound extends Error {
  extensions = { code: 'NOT_FOUND', id: 'x' };
}

function schemaWithResolvers(log: string[]): GraphQLSchema {
  const schema = buildSchema(SDL);
  const items = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, name: `Item ${id}`, kind: i % 2 ? 'FILM' : 'BOOK', count: i, score: i ? i / 4 : null, active: i > 1, note: null }));
  const query = schema.getQueryType()!.getFields();
  query.items.resolve = async (_: unknown, args: { order?: { field: string; direction: string }; first: number }) => {
    const list = args.order?.direction === 'DESC' ? [...items].reverse() : items;
    return list.slice(0, args.first).map((item) => ({ ...item, order: args.order ?? null }));
  };
  query.item.resolve = (_: unknown, args: { id: string }) => {
    const item = items.find((i) => i.id === args.id);
    if (!item) throw new NotFound(`No item ${args.id}`);
    return item;
  };
  query.failing.resolve = () => Promise.reject(new Error('database is down'));
  const item = (schema.getType('Item') as import('graphql').GraphQLObjectType).getFields();
  item.tags.resolve = async (parent: { id: string }, args: { first: number }) => [`${parent.id}1`, `${parent.id}2`, `${parent.id}3`].slice(0, args.first);
  item.broken.resolve = () => {
    throw new NotFound('broken on purpose');
  };
  item.required.resolve = () => null;
  schema.getMutationType()!.getFields().add.resolve = (_: unknown, args: { name: string }) => {
    log.push(args.name);
    return log.length;
  };
  return schema;
}

async function runCompiled(executor: CompiledQueryExecutor, source: string, variables?: Record<string, unknown>): Promise<ExecutionResult> {
  const { executor: run } = await executor.load();
  const document = parse(source);
  const operation = getOperationAST(document)!;
  const rc = {
    request: { query: source, variables },
    document,
    operation,
    operationName: operation.name?.value ?? null,
    queryHash: createHash('sha256').update(source).digest('hex'),
    context: {},
  };
  return run!(rc as unknown as Parameters<NonNullable<typeof run>>[0]);
}

/** What a client sees of an answer: its JSON. */
const json = (result: ExecutionResult) => JSON.parse(JSON.stringify(result));

describe('CompiledQueryExecutor', () => {
  const compiledLog: string[] = [];
  const interpretedLog: string[] = [];
  const compiledSchema = schemaWithResolvers(compiledLog);
  const interpretedSchema = schemaWithResolvers(interpretedLog);
  const executor = new CompiledQueryExecutor(() => compiledSchema);
  const interpret = (source: string, variables?: Record<string, unknown>) =>
    execute({ schema: interpretedSchema, document: parse(source), variableValues: variables, contextValue: {} }) as Promise<ExecutionResult>;

  // Every row has all three (jest would take a missing one for a done callback).
  const CASES: [string, string, Record<string, unknown> | undefined][] = [
    ['nested lists with argument defaults', '{ items { id name tags } }', undefined],
    ['arguments given inline and by variable', 'query($n: Int!) { items(first: $n) { id t1: tags(first: 1) t3: tags(first: 3) } }', { n: 2 }],
    ['an input object variable whose non-null field is left to its default', 'query($o: Order) { items(order: $o) { id } }', { o: { field: 'name' } }],
    ['an input object variable given in full', 'query($o: Order) { items(order: $o) { id } }', { o: { field: 'name', direction: 'DESC' } }],
    ['an error with extensions, at its path', '{ item(id: "zz") { id } }', undefined],
    ['a nested error beside data', '{ items(first: 2) { id broken } }', undefined],
    ['a null in a non-null field, nulling its parent', '{ items(first: 1) { id required } }', undefined],
    ['a rejected promise', '{ failing }', undefined],
    ['a variable of the wrong type', 'query($n: Int!) { items(first: $n) { id } }', { n: 'many' }],
    ['a missing required variable', 'query($n: Int!) { items(first: $n) { id } }', {}],
    ['an unknown enum value in a variable', 'query($o: Order) { items(order: $o) { id } }', { o: { field: 'name', direction: 'SIDEWAYS' } }],
    ['enums, Int, Float, Boolean and nulls as resolved', '{ items(first: 4) { id kind count score active note } }', undefined],
    ['fragments and __typename', '{ items(first: 2) { ...F } } fragment F on Item { __typename id name }', undefined],
  ];

  it.each(CASES)('answers as graphql-js does: %s', async (_name, source, variables) => {
    // Twice: the first call compiles the document, the second runs the kept one.
    for (let i = 0; i < 2; i++) {
      expect(json(await runCompiled(executor, source, variables))).toEqual(json(await interpret(source, variables)));
    }
  });

  it('hands Apollo graphql-js errors: extensions always an object, the original error kept', async () => {
    const result = await runCompiled(executor, '{ item(id: "zz") { id } items(first: 1) { required } }');
    expect(result.errors).toHaveLength(2);
    for (const error of result.errors!) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect(typeof error.extensions).toBe('object');
    }
    expect(result.errors![0].originalError).toBeInstanceOf(NotFound);
    expect(result.errors![0].extensions).toEqual({ code: 'NOT_FOUND', id: 'x' });
    expect(result.errors![0].locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('runs mutations in order, as graphql-js does', async () => {
    const source = 'mutation { a: add(name: "a") b: add(name: "b") c: add(name: "c") }';
    expect(json(await runCompiled(executor, source))).toEqual({ data: { a: 1, b: 2, c: 3 } });
    expect(compiledLog).toEqual(['a', 'b', 'c']);
  });

  it('serializes enum values itself when an enum\'s values are not its names', async () => {
    const level = new GraphQLEnumType({ name: 'Level', values: { LOW: { value: 1 }, HIGH: { value: 2 } } });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { levels: { type: new GraphQLList(level), resolve: () => [2, 1] } } }),
    });
    expect(json(await runCompiled(new CompiledQueryExecutor(() => schema), '{ levels }'))).toEqual({ data: { levels: ['HIGH', 'LOW'] } });
  });

  it('refuses to start before the schema is built', async () => {
    await expect(new CompiledQueryExecutor(() => undefined).load()).rejects.toThrow('not built');
  });
});
