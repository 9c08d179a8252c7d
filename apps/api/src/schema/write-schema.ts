// npm run schema: writes apps/api/schema.gql from the code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl } from './build-schema';

export const SCHEMA_PATH = join(__dirname, '..', '..', 'schema.gql');

buildSchemaSdl()
  .then((sdl) => {
    writeFileSync(SCHEMA_PATH, sdl);
    console.log(`wrote ${SCHEMA_PATH}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
