// `npm run test:faults`: fault tests (PostgreSQL restarted under load), kept out of `npm test`.
// They start their own embedded PostgreSQL; the global setup's database is used by nothing here.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api-faults',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts'],
  testTimeout: 240000,
};
