// Shared Jest settings: SWC compiles TypeScript with decorator metadata (GraphQL code-first
// needs it) and the ESM-only @nestjs packages and pg-boss (with its ESM dependencies), which Jest would otherwise load untransformed.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@apollo|@as-integrations|pg-boss|serialize-error|non-error)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@pactwatch/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
  },
};
