import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { QueryCounter } from './query-counter';

/**
 * `acquireTimeoutMs`: longest wait for a connection from the pool (and for opening one); past it
 * the query fails with pg-pool's timeout, which callers get as UNAVAILABLE (see unavailable.ts).
 */
export function createDataSource(url: string, poolSize = 10, acquireTimeoutMs = 5000): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Schema changes go through migrations only, in tests too.
    synchronize: false,
    migrationsRun: false,
    logger: new QueryCounter(),
    extra: { max: poolSize, connectionTimeoutMillis: acquireTimeoutMs, application_name: 'pactwatch-api' },
  });
}

export function queryCounter(dataSource: DataSource): QueryCounter {
  return dataSource.logger as QueryCounter;
}
