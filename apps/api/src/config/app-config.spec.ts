import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database with the seed, on port 3000', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.embedded).toBe(true);
    expect(config.seedOnStart).toBe(true);
  });

  it('uses DATABASE_URL and does not seed it unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/p' }).seedOnStart).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/p', SEED_ON_START: 'true' }).seedOnStart).toBe(true);
  });

  it('limits queries to 12 levels and 50,000 nodes, and trusts no proxy, unless told', () => {
    const config = loadConfig({});
    expect(config.GRAPHQL_MAX_DEPTH).toBe(12);
    expect(config.GRAPHQL_MAX_NODES).toBe(50000);
    expect(config.GRAPHQL_CONCURRENCY).toBe(4);
    expect(loadConfig({ GRAPHQL_CONCURRENCY: '16' }).GRAPHQL_CONCURRENCY).toBe(16);
    expect(config.trustProxy).toBe(false);
    expect(config.corsOrigins).toEqual([]);
    const tuned = loadConfig({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_NODES: '1000', RATE_LIMIT_PER_MINUTE: '60' });
    expect([tuned.GRAPHQL_MAX_DEPTH, tuned.GRAPHQL_MAX_NODES, tuned.RATE_LIMIT_PER_MINUTE]).toEqual([8, 1000, 60]);
  });

  it.each([
    ['1', 1],
    ['true', true],
    ['false', false],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 192.168.0.1', '10.0.0.0/8, 192.168.0.1'],
  ])('reads TRUST_PROXY=%s as Express does', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('reads CORS_ORIGINS as a list of exact origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.org/, http://localhost:4200' }).corsOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:4200',
    ]);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/p'],
    ['SEED_ON_START', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['MAX_BODY_BYTES', '10'],
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['GRAPHQL_MAX_DEPTH', 'deep'],
    ['GRAPHQL_MAX_NODES', '0'],
    ['GRAPHQL_CONCURRENCY', '0'],
    ['GRAPHQL_CONCURRENCY', 'many'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['TRUST_PROXY', 'yes please'],
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'app.example.org'],
  ])('stops start-up on %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}=`));
  });

  it('turns the GraphQL fast path off whole or piece by piece', () => {
    expect([...loadConfig({}).fastPathPieces]).toEqual(['jit', 'plain-fields', 'direct-resolvers', 'preload', 'read-rows']);
    expect([...loadConfig({ GRAPHQL_FAST_PATH: 'off' }).fastPathPieces]).toEqual([]);
    expect([...loadConfig({ GRAPHQL_FAST_PATH_OFF: 'jit,read-rows' }).fastPathPieces]).toEqual(['plain-fields', 'direct-resolvers', 'preload']);
    expect(() => loadConfig({ GRAPHQL_FAST_PATH: 'fast' })).toThrow(/GRAPHQL_FAST_PATH="fast": GRAPHQL_FAST_PATH must be on or off/);
    expect(() => loadConfig({ GRAPHQL_FAST_PATH_OFF: 'jit,warp' })).toThrow(
      /GRAPHQL_FAST_PATH_OFF="jit,warp": GRAPHQL_FAST_PATH_OFF must be a comma-separated list of jit, plain-fields, direct-resolvers, preload, read-rows/,
    );
  });

  it('refuses the test-only webhook loopback opening unless NODE_ENV is test', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS: 'true' })).toThrow(/WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS=true: only for tests/);
    expect(() => loadConfig({ WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS: 'true' })).toThrow(/WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS=true: only for tests/);
    expect(() => loadConfig({ NODE_ENV: 'development', WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'test', WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS: 'true' }).WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS).toBe(false);
  });
});
