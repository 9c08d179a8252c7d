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

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/p'],
    ['SEED_ON_START', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['MAX_BODY_BYTES', '10'],
  ])('stops start-up on %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}=`));
  });
});
