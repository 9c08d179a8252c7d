import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import pino from 'pino';
import { AppModule } from '../app.module';
import { FastPath } from '../common/graphql/fast-path';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source';

export const SCHEMA_HEADER = '# Generated from the code by `npm run schema`; do not edit. The contract for other systems.\n\n';

/** The schema the code defines, sorted, as committed in apps/api/schema.gql. No database is opened. */
export async function buildSchemaSdl(): Promise<string> {
  const unused = createDataSource('postgres://schema-build.invalid/none');
  const config = loadConfig({});
  const app = await NestFactory.create(AppModule.with(unused, config, pino({ level: 'silent' }), new FastPath(config.fastPathPieces, () => undefined)), { logger: false });
  await app.init();
  const { schema } = app.get(GraphQLSchemaHost);
  await app.close();
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
