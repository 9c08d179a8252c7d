import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, ApplicationConfig, ModulesContainer } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import type { Pool } from 'pg';
import type { Logger as PinoRootLogger } from 'pino';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppConfig } from './config/app-config';
import { AuthedRequest, GqlContext } from './common/context/gql-context';
import { graphqlWsOptions, WsExtra } from './modules/live/ws-connection';
import { RequestLoaders } from './common/dataloaders/request-loaders';
import { formatGraphQLError } from './common/errors/graphql-error-formatter';
import { unavailablePlugin } from './common/errors/unavailable.plugin';
import { operationLogPlugin } from './common/logging/operation-log.plugin';
import { directFieldResolvers, restoreNestResolvers } from './common/graphql/direct-field-resolvers';
import { FastPath } from './common/graphql/fast-path';
import { checkCollectSubfields, checkDirectFields, checkFieldResolverEnhancers, checkNestMetadata, checkPlainFields } from './common/graphql/fast-path-checks';
import { withCompiledQueries } from './common/graphql/compiled-executor';
import { CompiledQueriesApolloDriver } from './common/graphql/compiled-queries.driver';
import { plainFieldsReadDirectly } from './common/graphql/plain-fields';
import { preloadingQueries } from './common/graphql/preload';
import { CallerRateLimiter } from './common/security/caller-limits';
import { documentLimitRules, queryLimitsPlugin, QueryLimits } from './common/security/query-limits.plugin';
import { schemaAccessPlugin } from './common/security/schema-access.plugin';
import { FEATURE_MODULES } from './graphql-modules';
import { AuthGuard } from './modules/auth/auth.guard';
import { AuthModule } from './modules/auth/auth.module';
import { AuthService } from './modules/auth/auth.service';
import { LiveConnections } from './modules/live/live-connections';
import { LiveModule } from './modules/live/live.module';
import { countLimitRefusals, MeteredRateLimiter, requestMetricsPlugin } from './modules/ops/metered';
import { MetricsService } from './modules/ops/metrics.service';
import { OpenSockets } from './modules/ops/open-sockets';
import { OpsModule } from './modules/ops/ops.module';
import { ExportsModule } from './modules/exports/exports.module';
import { ImportsModule } from './modules/imports/imports.module';
import { JobsModule } from './modules/jobs/jobs.service';

@Global()
@Module({})
class DatabaseModule {
  static with(dataSource: DataSource, config: AppConfig, fastPath: FastPath): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: AppConfig, useValue: config },
        { provide: FastPath, useValue: fastPath },
        // One count per caller for HTTP and WebSocket operations alike (see graphqlGate, gateWsOperation).
        // Counted in PostgreSQL, so the limit holds across instances (the pool's statements are not the request's).
        {
          provide: CallerRateLimiter,
          useFactory: (metrics: MetricsService) => new MeteredRateLimiter(config.RATE_LIMIT_PER_MINUTE, metrics, (dataSource.driver as PostgresDriver).master as Pool),
          inject: [MetricsService],
        },
      ],
      exports: [DataSource, AppConfig, FastPath, CallerRateLimiter],
    };
  }
}

/** Selections are read (see selection.ts) only while the preload piece is engaged. */
function selections(fastPath: FastPath): Pick<GqlContext, 'selectionsOff'> {
  return fastPath.engaged('preload') ? {} : { selectionsOff: true };
}

function queryLimits(config: AppConfig): QueryLimits {
  return { maxDepth: config.GRAPHQL_MAX_DEPTH, maxNodes: config.GRAPHQL_MAX_NODES, maxSubscriptionNodes: config.GRAPHQL_MAX_SUBSCRIPTION_NODES };
}

@Module({})
export class AppModule {
  static with(dataSource: DataSource, config: AppConfig, rootLogger: PinoRootLogger, fastPath: FastPath): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Nest's logger over the app's pino logger; requests' lines come from requestLogging (create-app).
        LoggerModule.forRoot({ pinoHttp: { logger: rootLogger }, useExisting: true }),
        DatabaseModule.with(dataSource, config, fastPath),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: CompiledQueriesApolloDriver,
          imports: [AuthModule, LiveModule],
          inject: [AuthService, ModulesContainer, ApplicationConfig, GraphQLSchemaHost, CallerRateLimiter, LiveConnections, MetricsService, OpenSockets],
          // Queries executed by graphql-jit (see CompiledQueryExecutor) unless the fast path's jit piece is off.
          useFactory: (
            auth: AuthService,
            modules: ModulesContainer,
            appConfig: ApplicationConfig,
            schemaHost: GraphQLSchemaHost,
            rateLimiter: CallerRateLimiter,
            connections: LiveConnections,
            metrics: MetricsService,
            sockets: OpenSockets,
          ): ApolloDriverConfig => {
            const options: ApolloDriverConfig = {
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
            // The same document limits as over WebSocket (graphqlWsOptions): parsing stops at the token
            // limit, validation counts aliases and directives.
            parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
            validationRules: documentLimitRules({ maxAliases: config.GRAPHQL_MAX_ALIASES, maxDirectives: config.GRAPHQL_MAX_DIRECTIVES }),
            plugins: [
              // Cache hints are unused, and the plugin wraps every field resolver to collect them.
              ApolloServerPluginCacheControlDisabled(),
              schemaAccessPlugin((req, res) => auth.authenticate(req, res)),
              queryLimitsPlugin(queryLimits(config)),
              unavailablePlugin(),
              operationLogPlugin(),
              requestMetricsPlugin(metrics),
            ],
            formatError: formatGraphQLError,
            // Nest's driver would reset every answer with data to 200, undoing unavailablePlugin's 503.
            // Its other statuses are set before execution (requestRefusal), which this does not touch.
            preserveHttpStatusForExecutionErrors: false,
            // Plain fields read as properties rather than through Nest's per-field resolver
            // (plainFieldsReadDirectly), @ResolveField methods called directly rather than through
            // Nest's per-call pipeline (directFieldResolvers), and the relations under a query's
            // root fields resolved ahead, a level at a time (preloadingQueries).
            // Each piece only when wanted (GRAPHQL_FAST_PATH) and its self-check passes: see FastPath.
            transformSchema: (schema) => {
              if (fastPath.wanted('plain-fields')) {
                fastPath.plainFields = plainFieldsReadDirectly(schema);
                fastPath.check('plain-fields', checkPlainFields(schema, fastPath.plainFields));
              }
              const makeDirect =
                fastPath.wanted('direct-resolvers') &&
                fastPath.check('direct-resolvers', checkNestMetadata() ?? checkFieldResolverEnhancers(options.fieldResolverEnhancers));
              const { direct, resolved } = directFieldResolvers(modules, appConfig, schema, makeDirect);
              if (makeDirect) {
                const failure = checkDirectFields(direct);
                if (failure) {
                  restoreNestResolvers(schema, direct);
                  fastPath.fail('direct-resolvers', failure);
                }
                for (const fields of direct.values()) fastPath.directFields += fields.size;
              }
              // Looking ahead calls the direct resolvers: without them it has nothing to do.
              if (fastPath.wanted('preload') && !fastPath.engaged('direct-resolvers')) fastPath.offWith('preload', 'it calls the direct resolvers, which are off');
              if (fastPath.wanted('preload') && fastPath.check('preload', checkCollectSubfields())) preloadingQueries(schema, direct, resolved);
              return schema;
            },
            subscriptions: {
              // Tracked for the live gauges and for shutdown (OpenSockets).
              'graphql-ws': sockets.track(
                graphqlWsOptions(auth, config, connections, {
                  schema: () => schemaHost.schema,
                  rateLimiter,
                  limits: queryLimits(config),
                  rules: documentLimitRules({ maxAliases: config.GRAPHQL_MAX_ALIASES, maxDirectives: config.GRAPHQL_MAX_DIRECTIVES }),
                  maxTokens: config.GRAPHQL_MAX_TOKENS,
                  maxSubscriptions: config.GRAPHQL_WS_MAX_SUBSCRIPTIONS,
                }),
                { delivered: () => metrics.eventsDelivered.inc(), refused: (errors) => countLimitRefusals(metrics, errors) },
              ),
            },
            // HTTP requests carry req/res; a WebSocket operation carries the connection, authenticated at connect.
            context: (arg: { req: Request; res: Response } | { extra: WsExtra }): GqlContext =>
              'extra' in arg
                ? { req: arg.extra.authed as AuthedRequest, res: undefined as unknown as Response, loaders: new RequestLoaders(), ...selections(fastPath) }
                : { req: arg.req, res: arg.res, loaders: new RequestLoaders(), ...selections(fastPath) },
            };
            return fastPath.wanted('jit') ? withCompiledQueries(options, schemaHost, fastPath) : options;
          },
        }),
        AuthModule,
        JobsModule,
        ...FEATURE_MODULES,
        ExportsModule,
        ImportsModule,
        OpsModule,
      ],
      providers: [
        // Authentication, workspace and access rule; the rate limit is counted before, per request (graphqlGate).
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
    };
  }
}
