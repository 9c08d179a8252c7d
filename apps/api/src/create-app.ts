import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { types } from 'pg';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { FastPath, FastPathReport } from './common/graphql/fast-path';
import { checkReadRows, readRowsThroughPg } from './common/sql/read-rows';
import { checkPoolTimeoutDetection, isDatabaseUnavailable } from './database/unavailable';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter';
import { createRootLogger, noteCaller, quietFramework, requestLogging } from './common/logging/logging';
import { FairAdmissionOptions } from './common/http/fair-admission';
import { graphqlGate } from './common/http/graphql-gate';
import { compressAnswers, webClient } from './common/http/web-client';
import { CallerRateLimiter } from './common/security/caller-limits';
import { AuthService } from './modules/auth/auth.service';
import { ArgsValidationPipe } from './common/validation/args-validation.pipe';
import { RefuseNulPipe } from './common/validation/refuse-nul.pipe';
import { parseTimestamptz } from './common/sql/timestamptz';
import { DigestRunnerService } from './modules/digests/digest-runner.service';
import { InFlightRequests } from './modules/ops/graceful-shutdown';
import { MeteredAdmission } from './modules/ops/metered';
import { metricsOnMainPort, startMetricsServer } from './modules/ops/metrics-endpoint';
import { MetricsService } from './modules/ops/metrics.service';
import { OpenSockets } from './modules/ops/open-sockets';
import { OpsState } from './modules/ops/ops-state';

// Dates without a time (due dates) stay 'YYYY-MM-DD' strings: parsing them into a local-time Date shifts days.
types.setTypeParser(types.builtins.DATE, (value) => value);
// The same Dates as pg's own parser, without its regular expressions for the common UTC form.
types.setTypeParser(types.builtins.TIMESTAMPTZ, parseTimestamptz);

export interface RunningApp {
  app: INestApplication;
  dataSource: DataSource;
  url: string;
  /** The METRICS_PORT server's address, when there is one. */
  metricsUrl?: string;
  /** The first half of a shutdown (SIGTERM): see drainApp. */
  drain(graceMs: number): Promise<void>;
  metricsServer?: Server;
  /** What of the GraphQL fast path this instance uses (settings and start-up self-checks). */
  fastPath: FastPath;
}

export interface CreateAppOptions {
  /** Where the log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/** Builds the HTTP app on an open database; used by main.ts and by the integration tests alike. */
export async function createApp(config: AppConfig, databaseUrl: string, options: CreateAppOptions = {}): Promise<RunningApp> {
  const rootLogger = createRootLogger(config, options.logDestination);
  // Pool timeouts are told apart by pg-pool's message text: check it still reads as expected.
  await checkPoolTimeoutDetection();
  const dataSource = createDataSource(databaseUrl, config.DATABASE_POOL_SIZE, config.DATABASE_POOL_ACQUIRE_TIMEOUT_MS);
  await dataSource.initialize();
  const fastPath = new FastPath(config.fastPathPieces, (message) => rootLogger.warn(message));
  // Before anything reads: rows built off the wire only if pg's Query is still as read-rows expects.
  if (!fastPath.wanted('read-rows') || !fastPath.check('read-rows', await checkReadRows(dataSource.manager))) readRowsThroughPg(dataSource);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(dataSource, config, rootLogger, fastPath), {
    bodyParser: false,
    // Nest's own lines wait for the JSON logger, then go through it.
    bufferLogs: true,
  });
  app.useLogger(quietFramework(app.get(Logger)));
  const inFlight = new InFlightRequests();
  // First of all: counts requests under way for shutdown, and refuses new ones once it has begun.
  app.use(inFlight.middleware);
  // Then the request id and the request's log line, refusals and static files included.
  app.use(requestLogging(rootLogger));
  // gzip or Brotli for every text answer the caller accepts compressed (GraphQL's JSON included).
  app.use(compressAnswers());
  app.disable('x-powered-by');
  // No ETag on API answers: GraphQL POSTs are never revalidated, and hashing every answer costs a
  // SHA-1 over its whole body (the static web client keeps serve-static's own ETags).
  app.set('etag', false);
  // Behind a proxy, req.ip (rate limits, sign-in throttling) is the caller's only if the proxy is trusted.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  // Browsers on these origins only, with cookies; others get no CORS headers at all, so their scripts cannot read answers.
  const corsOrigins = new Set(config.corsOrigins);
  app.enableCors((req: Request, done: (err: Error | null, options: CorsOptions) => void) =>
    done(null, corsOrigins.has(req.headers.origin ?? '') ? { origin: true, credentials: true, maxAge: 600 } : { origin: false }),
  );
  const metrics = app.get(MetricsService);
  app.use('/metrics', metricsOnMainPort(metrics, config.METRICS_TOKEN));
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.MAX_BODY_BYTES });
  if (existsSync(config.WEB_DIR)) app.use(...webClient(config.WEB_DIR));
  app.use(bodyTooLarge);
  // Who calls, their rate limit, then a few GraphQL requests at a time, shared fairly between callers.
  const heavy = new MeteredAdmission('heavy', admissionOptions(config), metrics);
  const light = new MeteredAdmission('light', admissionOptions(config), metrics);
  const state = app.get(OpsState);
  state.lanes = [heavy, light];
  metrics.admissionLoad = () => state.lanes.map((l) => ({ lane: l.lane, ...l.load }));
  app.use('/graphql', graphqlGate({
    authenticate: (req, res) =>
      app.get(AuthService).authenticate(req, res).then(
        (principal) => (noteCaller(req, principal), principal),
        (err: unknown) => {
          // Credentials not accepted; a database that could not be asked says nothing about them.
          if (!isDatabaseUnavailable(err)) noteCaller(req, 'refused');
          throw err;
        },
      ),
    rateLimiter: app.get(CallerRateLimiter),
    heavy,
    light,
  }));
  app.useGlobalFilters(new DomainExceptionFilter(app.getHttpAdapter()));
  app.useGlobalPipes(new RefuseNulPipe(), new ArgsValidationPipe());
  await app.listen(config.PORT, config.HOST);
  // Every piece wanted has engaged by now (jit when Apollo loaded its gateway), or is off.
  const fastPathReport = fastPath.settle();
  logFastPath(rootLogger, fastPathReport);
  for (const [piece, r] of Object.entries(fastPathReport)) metrics.fastPathEngaged.set({ piece }, r.state === 'engaged' ? 1 : 0);
  const address = app.getHttpServer().address() as { port: number };
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${address.port}`;
  // On a port chosen at start, links in emails point at the port actually taken.
  if (!config.PUBLIC_URL && config.PORT === 0) config.PUBLIC_URL = url;
  const metricsServer = config.METRICS_PORT === undefined ? undefined : await startMetricsServer(metrics, config.HOST, config.METRICS_PORT, config.METRICS_TOKEN);
  const metricsUrl = metricsServer && `http://${host}:${(metricsServer.address() as { port: number }).port}/metrics`;
  const drain = (graceMs: number) => drainApp(app, inFlight, graceMs);
  return { app, dataSource, url, metricsUrl, metricsServer, drain, fastPath };
}

function logFastPath(logger: { info(obj: object, msg: string): void }, report: FastPathReport): void {
  const engaged = Object.entries(report).filter(([, r]) => r.state === 'engaged').map(([piece]) => piece);
  logger.info({ fastPath: report }, `GraphQL fast path: ${engaged.length ? engaged.join(', ') : 'nothing'} engaged`);
}

/**
 * The first half of a shutdown: the instance is no longer ready (the proxy stops sending to it),
 * the listening socket closes (new connections are refused), live connections are closed with
 * 1012 (clients reconnect, elsewhere), the digest worker stops and hands back what it claimed, and
 * requests under way get up to `graceMs` to finish. closeApp (Nest's shutdown hooks, the pool)
 * comes next, and the embedded PostgreSQL last (main.ts).
 */
async function drainApp(app: INestApplication, inFlight: InFlightRequests, graceMs: number): Promise<void> {
  app.get(OpsState).draining = true;
  app.get(OpenSockets).closeAll();
  const [{ unfinished }] = await Promise.all([inFlight.drain(app.getHttpServer() as Server, graceMs), app.get(DigestRunnerService).stop()]);
  if (unfinished) new NestLogger('Shutdown').warn(`${unfinished} request(s) still running after ${graceMs} ms were cut off`);
}

function admissionOptions(config: AppConfig): FairAdmissionOptions {
  return {
    slots: config.GRAPHQL_CONCURRENCY,
    perCaller: config.callerConcurrency,
    queueMax: config.GRAPHQL_QUEUE_MAX,
    timeoutMs: config.GRAPHQL_QUEUE_TIMEOUT_MS,
  };
}

/**
 * helmet's defaults (nosniff, framing by the same origin only, no referrer, HSTS, no X-Powered-By)
 * with its default Content-Security-Policy, which suits the API's JSON and the static web client. upgrade-insecure-requests only when the
 * public address is https: over plain http it would break the client's own assets.
 */
function securityHeaders(config: AppConfig) {
  const https = config.publicUrl.startsWith('https:');
  return helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } } });
}

/** A body over the limit still gets a GraphQL-shaped answer with a code, not an HTML page. */
function bodyTooLarge(err: { type?: string; status?: number; limit?: number } | undefined, _req: Request, res: Response, next: NextFunction) {
  if (!err) return next();
  const tooLarge = err.type === 'entity.too.large';
  res.status(err.status ?? 400).json({
    errors: [{
      message: tooLarge ? `The request body is larger than the ${err.limit} byte limit` : 'The request body is not valid JSON',
      extensions: { code: 'BAD_USER_INPUT' },
    }],
  });
}

export async function closeApp(running: RunningApp): Promise<void> {
  running.metricsServer?.close();
  running.metricsServer?.closeAllConnections();
  await running.app.close();
  if (running.dataSource.isInitialized) await running.dataSource.destroy();
}
