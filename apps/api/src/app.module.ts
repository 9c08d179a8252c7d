import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from './config/app-config';
import { GqlContext } from './common/context/gql-context';
import { RequestLoaders } from './common/dataloaders/request-loaders';
import { formatGraphQLError } from './common/errors/graphql-error-formatter';
import { FEATURE_MODULES } from './graphql-modules';
import { HealthController } from './health.controller';
import { AuthGuard } from './modules/auth/auth.guard';
import { AuthModule } from './modules/auth/auth.module';

@Global()
@Module({})
class DatabaseModule {
  static with(dataSource: DataSource, config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: AppConfig, useValue: config },
      ],
      exports: [DataSource, AppConfig],
    };
  }
}

@Module({})
export class AppModule {
  static with(dataSource: DataSource, config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.with(dataSource, config),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          formatError: formatGraphQLError,
          context: ({ req, res }: { req: Request; res: Response }): GqlContext => ({ req, res, loaders: new RequestLoaders() }),
        }),
        AuthModule,
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      // One guard before every operation: authentication, workspace, access rule.
      providers: [{ provide: APP_GUARD, useExisting: AuthGuard }],
    };
  }
}
