import { Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PgListener } from './pg-listener';

/**
 * The instance's one LISTEN connection (application_name `pactwatch-live`), shared by live
 * updates, access signals and presence: they register their channels and reconnect hooks in their
 * constructors; it connects once the application has started (after every module's init).
 * `isListening()` says whether it is up now.
 */
@Injectable()
export class DatabaseListener extends PgListener implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly dataSource: DataSource) {
    super({ url: (dataSource.options as { url: string }).url, applicationName: 'pactwatch-live', log: new Logger('Listen') });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Building the schema file starts the app on a data source that never connects.
    if (this.dataSource.isInitialized) await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}

@Module({ providers: [DatabaseListener], exports: [DatabaseListener] })
export class DatabaseListenerModule {}
