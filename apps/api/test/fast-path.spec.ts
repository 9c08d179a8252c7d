import { AbstractGraphQLDriver, GraphQLSchemaHost } from '@nestjs/graphql';
import { CompiledQueriesApolloDriver } from '../src/common/graphql/compiled-queries.driver';
import { isObjectType } from 'graphql';
import { FAST_PATH_PIECES } from '../src/common/graphql/fast-path';
import { readsThroughPg } from '../src/common/sql/read-rows';
import { MetricsService } from '../src/modules/ops/metrics.service';
import { startTestApp, TestApp } from './support/test-app';

/** pactwatch_graphql_fast_path_engaged as an app's registry would serve it: piece → 0 or 1. */
async function engagedGauge(app: TestApp): Promise<Record<string, number>> {
  const { values } = await app.running.app.get(MetricsService).fastPathEngaged.get();
  return Object.fromEntries(values.map((v) => [String(v.labels.piece), v.value]));
}

// With the default settings every piece of the read fast path passes its start-up self-check and
// is really in use on the schema the API serves (see common/graphql/fast-path.ts).
describe('the GraphQL fast path after start-up', () => {
  let app: TestApp;
  const written: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: { write: (chunk: string) => void written.push(chunk) } });
  });
  afterAll(() => app.close());

  it('engages every piece with the default settings', () => {
    const report = app.running.fastPath.report();
    expect(Object.keys(report).sort()).toEqual([...FAST_PATH_PIECES].sort());
    for (const piece of FAST_PATH_PIECES) expect({ piece, ...report[piece] }).toEqual({ piece, state: 'engaged' });
  });

  it('shows each piece engaged in the metrics', async () => {
    expect(await engagedGauge(app)).toEqual(Object.fromEntries(FAST_PATH_PIECES.map((p) => [p, 1])));
  });

  it('says once at start-up what is engaged, and warns of nothing', () => {
    const lines = written.flatMap((chunk) => chunk.split('\n')).filter(Boolean).map((line) => JSON.parse(line) as { level: number; msg: string; fastPath?: object });
    const said = lines.filter((l) => l.msg.startsWith('GraphQL fast path'));
    expect(said.map((l) => l.msg)).toEqual(['GraphQL fast path: jit, plain-fields, direct-resolvers, preload, read-rows engaged']);
    expect(said[0].fastPath).toEqual(app.running.fastPath.report());
  });

  it('serves plain fields without resolvers and resolved fields directly', () => {
    const { schema } = app.running.app.get(GraphQLSchemaHost);
    const commitment = schema.getType('Commitment');
    if (!isObjectType(commitment)) throw new Error('Commitment is not an object type');
    expect(commitment.getFields().title.resolve).toBeUndefined();
    expect(app.running.fastPath.plainFields).toBeGreaterThan(50);
    expect(app.running.fastPath.directFields).toBeGreaterThan(10);
    // Every plain field of the served schema reads its property (none kept Nest's resolver).
    const kept = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).filter((f) => f.resolve?.name === 'rootFieldResolver').map((f) => `${type.name}.${f.name}`));
    expect(kept).toEqual([]);
  });

  it('executes queries with graphql-jit and reads rows off the wire', async () => {
    expect(readsThroughPg(app.running.dataSource)).toBe(false);
    const before = app.running.fastPath.compiledExecutions;
    const res = await app.gql('{ commitments(first: 2) { edges { node { id title } } } }');
    expect(res.errors).toBeUndefined();
    expect(app.running.fastPath.compiledExecutions).toBe(before + 1);
  });

  it('hands Apollo Server the compiled executor as a gateway alone, with no schema, typeDefs or resolvers beside it', () => {
    const driver = app.running.app.get(AbstractGraphQLDriver, { strict: false });
    expect(driver).toBeInstanceOf(CompiledQueriesApolloDriver);
    expect((driver as CompiledQueriesApolloDriver).handedToApollo).toEqual({ gateway: true, schema: false, typeDefs: false, resolvers: false });
  });

  it('turns pieces off by setting, each on its own', async () => {
    const twin = await app.twin({ GRAPHQL_FAST_PATH_OFF: 'jit,read-rows' });
    try {
      const report = twin.running.fastPath.report();
      expect(Object.fromEntries(FAST_PATH_PIECES.map((p) => [p, report[p].state]))).toEqual({
        jit: 'off',
        'plain-fields': 'engaged',
        'direct-resolvers': 'engaged',
        preload: 'engaged',
        'read-rows': 'off',
      });
      expect(await engagedGauge(twin)).toEqual({ jit: 0, 'plain-fields': 1, 'direct-resolvers': 1, preload: 1, 'read-rows': 0 });
      expect(readsThroughPg(twin.running.dataSource)).toBe(true);
      const res = await twin.gql('{ commitments(first: 2) { edges { node { id title } } } }');
      expect(res.errors).toBeUndefined();
      expect(twin.running.fastPath.compiledExecutions).toBe(0);
      // Without the jit piece Apollo Server gets Nest's schema, as with the stock driver.
      const driver = twin.running.app.get(AbstractGraphQLDriver, { strict: false }) as CompiledQueriesApolloDriver;
      expect(driver.handedToApollo).toEqual({ gateway: false, schema: true, typeDefs: false, resolvers: false });
    } finally {
      await twin.close();
    }
  });
});
