// `npm run test:faults`: the fault tests, kept out of `npm test` — PostgreSQL restarted under load
// (on its own embedded PostgreSQL, or the server in DATABASE_URL with FAULTS_PG_STOP/START) — and,
// run again here so that this one command covers every fault the operability issue names, the
// listener's backend terminated on two instances and 50 concurrent creates at GRAPHQL_CONCURRENCY=50
// (both also in `npm test`). One at a time: the restart takes the server away from everything else.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api-faults',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts', '<rootDir>/test/live-listener-gap.spec.ts', '<rootDir>/test/connections.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 240000,
};
