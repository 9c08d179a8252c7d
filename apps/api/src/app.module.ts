import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from './config/app-config';
import { ANONYMOUS_ACTOR } from './common/context/actor';
import { GqlContext } from './common/context/gql-context';
import { DEFAULT_WORKSPACE_ID } from './common/context/workspace';
import { RequestLoaders } from './common/dataloaders/request-loaders';
import { formatGraphQLError } from './common/errors/graphql-error-formatter';
import { FEATURE_MODULES } from './graphql-modules';
import { HealthController } from './health.controller';

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
          context: ({ req, res }: { req: Request; res: Response }): GqlContext => ({
            req,
            res,
            workspaceId: DEFAULT_WORKSPACE_ID,
            actor: ANONYMOUS_ACTOR,
            loaders: new RequestLoaders(),
          }),
        }),
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
    };
  }
}
