import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, ApplicationConfig, ModulesContainer } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from './config/app-config';
import { AuthedRequest, GqlContext } from './common/context/gql-context';
import { graphqlWsOptions, WsExtra } from './modules/live/ws-connection';
import { RequestLoaders } from './common/dataloaders/request-loaders';
import { formatGraphQLError } from './common/errors/graphql-error-formatter';
import { directFieldResolvers } from './common/graphql/direct-field-resolvers';
import { withCompiledQueries } from './common/graphql/compiled-executor';
import { plainFieldsReadDirectly } from './common/graphql/plain-fields';
import { preloadingQueries } from './common/graphql/preload';
import { CallerThrottlerGuard } from './common/security/caller-throttler.guard';
import { queryLimitsPlugin } from './common/security/query-limits.plugin';
import { schemaAccessPlugin } from './common/security/schema-access.plugin';
import { FEATURE_MODULES } from './graphql-modules';
import { HealthController } from './health.controller';
import { AuthGuard } from './modules/auth/auth.guard';
import { AuthModule } from './modules/auth/auth.module';
import { AuthService } from './modules/auth/auth.service';
import { LiveConnections } from './modules/live/live-connections';
import { LiveModule } from './modules/live/live.module';

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
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, LiveModule],
          inject: [AuthService, ModulesContainer, ApplicationConfig, GraphQLSchemaHost, LiveConnections],
          // Queries executed by graphql-jit: see CompiledQueryExecutor.
          useFactory: (auth: AuthService, modules: ModulesContainer, appConfig: ApplicationConfig, schemaHost: GraphQLSchemaHost, connections: LiveConnections): ApolloDriverConfig => withCompiledQueries({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: false,
            playground: false,
            // On, but only for signed-in people and API keys: see schemaAccessPlugin. (graphql 16's
            // MaxIntrospectionDepthRule, among the standard rules, stops __type → fields → type loops.)
            introspection: true,
            includeStacktraceInErrorResponses: false,
            // Refuses GET and "simple" POST requests (text/plain, forms) without a preflight-forcing header.
            csrfPrevention: true,
            // Bounds validation's own work on fragments spread into fragments (Apollo's default, 10 million selections).
            maxRecursiveSelections: true,
            plugins: [
              // Cache hints are unused, and the plugin wraps every field resolver to collect them.
              ApolloServerPluginCacheControlDisabled(),
              schemaAccessPlugin((req, res) => auth.authenticate(req, res)),
              queryLimitsPlugin({ maxDepth: config.GRAPHQL_MAX_DEPTH, maxNodes: config.GRAPHQL_MAX_NODES }),
            ],
            formatError: formatGraphQLError,
            // Plain fields read as properties rather than through Nest's per-field resolver
            // (plainFieldsReadDirectly), @ResolveField methods called directly rather than through
            // Nest's per-call pipeline (directFieldResolvers), and the relations under a query's
            // root fields resolved ahead, a level at a time (preloadingQueries).
            transformSchema: (schema) => {
              plainFieldsReadDirectly(schema);
              const { direct, resolved } = directFieldResolvers(modules, appConfig, schema);
              preloadingQueries(schema, direct, resolved);
              return schema;
            },
            subscriptions: { 'graphql-ws': graphqlWsOptions(auth, config, connections) },
            // HTTP requests carry req/res; a WebSocket operation carries the connection, authenticated at connect.
            context: (arg: { req: Request; res: Response } | { extra: WsExtra }): GqlContext =>
              'extra' in arg
                ? { req: arg.extra.authed as AuthedRequest, res: undefined as unknown as Response, loaders: new RequestLoaders() }
                : { req: arg.req, res: arg.res, loaders: new RequestLoaders() },
          }, schemaHost),
        }),
        // In-memory counts, per instance: see CallerThrottlerGuard.
        ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE, blockDuration: 0 }] }),
        AuthModule,
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [
        // Global guards run in this order. First authentication, workspace and access rule...
        { provide: APP_GUARD, useExisting: AuthGuard },
        // ...then the rate limit, which counts by the caller the auth guard found.
        { provide: APP_GUARD, useClass: CallerThrottlerGuard },
      ],
    };
  }
}
