import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents come from the committed contract, never from a running server.
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**/*'],
  ignoreNoDocuments: false,
  hooks: {
    // The preset marks every file eslint-disable; only gql.ts needs it, and an unused one fails the lint.
    beforeOneFileWrite: (path: string, content: string) =>
      path.endsWith('gql.ts') ? content : content.replace(/^\/\* eslint-disable \*\/\n/, ''),
  },
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: { DateTime: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
