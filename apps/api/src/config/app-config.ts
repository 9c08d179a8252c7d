import { plainToInstance, Transform } from 'class-transformer';
import { FAST_PATH_PIECES, FastPathPiece, wantedPieces } from '../common/graphql/fast-path';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** The environment, validated once at start-up: a bad variable stops the process with its name. */
export class AppConfig {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString()
  HOST = '127.0.0.1';

  /** A real PostgreSQL (15+). Without it the API runs an embedded PostgreSQL under DATA_DIR. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  DATA_DIR = '.data';

  /** Port of the embedded PostgreSQL; a free one is chosen when unset. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT?: number;

  /** Load the US–Mexico seed when the database holds no workspace yet. Defaults to on for the embedded database only. */
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'SEED_ON_START must be true or false' })
  SEED_ON_START?: boolean;

  /** Largest accepted request body, in bytes. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024)
  MAX_BODY_BYTES = 12 * 1024 * 1024;

  /** Static files served at / (the web client); skipped when the folder does not exist. */
  @IsOptional() @IsString()
  WEB_DIR = 'dist/apps/web';

  /** Signs the session tokens; when unset a random key is made once and kept in the database, shared by every instance. */
  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Lifetime of a session token; the web client's cookie is renewed while in use. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  JWT_TTL_SECONDS = 3600;

  /** How long a sign-in lasts at most, renewals included. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(90)
  SESSION_TTL_DAYS = 14;

  /** The address people open, for links in emails; defaults to http://HOST:PORT. */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  /**
   * Origins other than the API's own that browsers may call it from (with cookies), comma-separated,
   * such as https://app.example.org. Each is matched exactly; there is no wildcard.
   */
  @IsOptional() @Matches(/^\s*(https?:\/\/[^\s/,]+\/?\s*(,\s*https?:\/\/[^\s/,]+\/?\s*)*)?$/, {
    message: 'CORS_ORIGINS must be comma-separated origins such as https://app.example.org',
  })
  CORS_ORIGINS = '';

  /** Requests per minute per user, API key or (anonymous) address, per instance. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Which proxies in front of the API to believe about the caller's address (X-Forwarded-For):
   * a hop count such as 1 (one load balancer), addresses or subnets (comma-separated, or
   * loopback / linklocal / uniquelocal), true for any (only when the proxy overwrites the header),
   * or false. Off by default; behind a proxy every anonymous caller would otherwise share its
   * address for rate limits and sign-in throttling.
   */
  @IsOptional() @Matches(/^(true|false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, { message: 'TRUST_PROXY must be true, false, a hop count or a list of addresses' })
  TRUST_PROXY = 'false';

  /** Deepest selection a query may make (introspection fields aside). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  GRAPHQL_MAX_DEPTH = 12;

  /**
   * Most nodes a query may ask for, counted before it runs as GitHub does: each connection's
   * `first` multiplied by the `first` of the connections it is nested in, summed.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  GRAPHQL_MAX_NODES = 50000;

  /** Most nodes one event of a subscription may carry (the selection re-read for every event, for every subscriber). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  GRAPHQL_MAX_SUBSCRIPTION_NODES = 10000;

  /** Most aliases in one document (GraphQL Armor's max-aliases rule). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  GRAPHQL_MAX_ALIASES = 30;

  /** Most directives in one document (GraphQL Armor's max-directives rule). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  GRAPHQL_MAX_DIRECTIVES = 50;

  /** Most tokens in one document: parsing stops there (graphql-js's own maxTokens). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(1_000_000)
  GRAPHQL_MAX_TOKENS = 5000;

  /**
   * The GraphQL read fast path (see the README's "GraphQL fast path"): on, or off for the stock
   * Nest + Apollo + graphql-js + pg path throughout.
   */
  @IsOptional() @IsIn(['on', 'off'], { message: 'GRAPHQL_FAST_PATH must be on or off' })
  GRAPHQL_FAST_PATH: 'on' | 'off' = 'on';

  /** Pieces of the fast path turned off one by one, comma-separated: jit, plain-fields, direct-resolvers, preload, read-rows. */
  @IsOptional()
  @Matches(new RegExp(`^\\s*((${FAST_PATH_PIECES.join('|')})\\s*(,\\s*(${FAST_PATH_PIECES.join('|')})\\s*)*)?$`), {
    message: `GRAPHQL_FAST_PATH_OFF must be a comma-separated list of ${FAST_PATH_PIECES.join(', ')}`,
  })
  GRAPHQL_FAST_PATH_OFF = '';

  get fastPathPieces(): Set<FastPathPiece> {
    return wantedPieces(this.GRAPHQL_FAST_PATH, this.GRAPHQL_FAST_PATH_OFF);
  }

  /** GraphQL requests over HTTP worked on at once per instance, for heavy operations and, apart, for light ones (see fairAdmission). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  GRAPHQL_CONCURRENCY = 4;

  /** Most of those slots one caller (person, key or address) may hold at once; defaults to half of GRAPHQL_CONCURRENCY. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  GRAPHQL_CALLER_CONCURRENCY?: number;

  /** Requests waiting for a slot per instance; past it a request is refused at once with 503 and Retry-After. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100_000)
  GRAPHQL_QUEUE_MAX = 200;

  /** Longest wait for a slot, in milliseconds; past it the request gets 503 RATE_LIMITED with Retry-After. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600_000)
  GRAPHQL_QUEUE_TIMEOUT_MS = 10_000;

  /** Live subscriptions one WebSocket connection may hold at once. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  GRAPHQL_WS_MAX_SUBSCRIPTIONS = 20;

  /** Demo owner, analyst and viewer accounts and a read-only key. Defaults to on for the embedded database only. */
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'SEED_DEMO_ACCOUNTS must be true or false' })
  SEED_DEMO_ACCOUNTS?: boolean;

  /** Where mail goes (smtp://host:port); without it, .eml files land in DATA_DIR/outbox. */
  @IsOptional() @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @IsString()
  MAIL_FROM = 'Pactwatch <no-reply@pactwatch.test>';

  /** SMTP connections each instance keeps open to SMTP_URL (the pool's size); a message waits for a free one. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  SMTP_POOL_SIZE = 5;

  /** How often each instance looks for digests that are due; 0 turns the scheduler off (runDigests still works). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  DIGEST_POLL_SECONDS = 15;

  /**
   * The digest job's heartbeat: the worker sending a batch beats every half of this (however slow
   * the SMTP server), and the job engine hands a job to another worker only once its worker has not
   * beaten for this long (died, or lost the database). At least 10 (pg-boss's floor).
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(3600)
  DIGEST_LEASE_SECONDS = 120;

  /** A period is built this long after it ends, so that changes committing at the edge are in it. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600)
  DIGEST_GRACE_SECONDS = 5;

  /** Attempts at a delivery, a takeover after a dead worker included; then it is FAILED. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(20)
  DIGEST_MAX_ATTEMPTS = 5;

  /** The first retry's least delay after a temporary failure (the job engine waits up to twice it); each next one doubles. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  DIGEST_RETRY_SECONDS = 30;

  /** How often the job engine fails over jobs whose worker stopped beating (and expires overdue ones). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  JOBS_SUPERVISE_SECONDS = 30;

  /** How often an idle instance asks the job engine for work, in seconds (at least 0.5). */
  @IsOptional() @Transform(toInt) @IsNumber() @Min(0.5) @Max(60)
  JOBS_POLL_SECONDS = 2;

  /** Digests each instance builds and sends at once; more than SMTP_POOL_SIZE lets building overlap sending. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(256)
  DIGEST_SEND_CONCURRENCY = 16;

  /** How often each instance looks for commitments due for a reminder or newly overdue; 0 turns the check off. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86400)
  REMINDER_POLL_SECONDS = 300;

  /** How often each instance looks for webhook endpoints with new changes; 0 turns the background delivery off. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  WEBHOOK_POLL_SECONDS = 5;

  /** Longest a webhook request may take (connect, send, read the answer), in milliseconds. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /**
   * A failed delivery's first retry waits between this and twice it; each next one doubles, up to
   * WEBHOOK_RETRY_MAX_SECONDS (pg-boss's backoff with its jitter). 0: retry at once (tests).
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86400)
  WEBHOOK_RETRY_SECONDS = 60;

  /** The longest wait between two retries. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  WEBHOOK_RETRY_MAX_SECONDS = 3600;

  /**
   * Retries after the first failure; then the endpoint is disabled and its admins told. With the
   * defaults the k-th retry waits 60 × 2^(k-1) to 60 × 2^k s, capped at an hour: the first six
   * take 63 to 122 min, the other 23 an hour each, so 29 span 24.05 to 25.0 hours.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(200)
  WEBHOOK_RETRY_LIMIT = 29;

  /** How often each instance looks for evidence links due a check; 0 turns link checking off. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86400)
  LINK_CHECK_POLL_SECONDS = 300;

  /** A source's address is checked again once its last check is this many hours old. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(8760)
  LINK_CHECK_INTERVAL_HOURS = 168;

  /** The pause between two link checks on the same host, in milliseconds (one host is checked one address at a time). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  LINK_CHECK_HOST_DELAY_MS = 2000;

  /** Longest one link-check request may take (each HEAD, GET or redirect hop), in milliseconds. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60_000)
  LINK_CHECK_TIMEOUT_MS = 10_000;

  /**
   * Lets webhook endpoints and evidence link checks reach 127.0.0.1 and ::1 (and nothing else
   * private), for tests that run their servers locally. Refused at start unless NODE_ENV is test.
   */
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS must be true or false' })
  WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS = false;

  /** How often a live (WebSocket) connection re-checks that its token and session or key still hold. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(300)
  LIVE_AUTH_CHECK_SECONDS = 15;

  /** Database connections per instance (the pool's size). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  DATABASE_POOL_SIZE = 10;

  /**
   * Longest wait for a database connection from the pool, in milliseconds (also the limit for
   * opening one); past it the request gets UNAVAILABLE (HTTP 503 with Retry-After), never a hang.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(600_000)
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS = 5000;

  /** pino's levels; `log` and `verbose` (Nest's words, accepted as before) mean info and trace. */
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', 'log', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' | 'log' | 'verbose' = 'info';

  /** Human-readable, coloured log lines (pino-pretty, a development dependency) instead of JSON. */
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'LOG_PRETTY must be 1, 0, true or false' })
  LOG_PRETTY = false;

  get logLevel(): 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' {
    return this.LOG_LEVEL === 'log' ? 'info' : this.LOG_LEVEL === 'verbose' ? 'trace' : this.LOG_LEVEL;
  }

  /** Readiness (/health/ready) counts the database down when `SELECT 1` takes longer than this. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(50) @Max(60_000)
  HEALTH_DB_TIMEOUT_MS = 2000;

  /** Serves /metrics (Prometheus) on this port of HOST, apart from the API. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  METRICS_PORT?: number;

  /** Serves /metrics on the API's own port to `Authorization: Bearer <METRICS_TOKEN>` only. Without it or METRICS_PORT there are no metrics. */
  @IsOptional() @IsString() @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** At SIGTERM, how long requests under way may take to finish before their connections are closed. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_GRACE_MS = 10_000;

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  get seedOnStart(): boolean {
    return this.SEED_ON_START ?? this.embedded;
  }

  get seedDemoAccounts(): boolean {
    return this.SEED_DEMO_ACCOUNTS ?? this.embedded;
  }

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://${this.HOST === '0.0.0.0' ? '127.0.0.1' : this.HOST}:${this.PORT}`).replace(/\/$/, '');
  }

  /** TRUST_PROXY as Express's `trust proxy` setting. */
  get trustProxy(): boolean | number | string {
    const value = this.TRUST_PROXY.trim();
    if (value === 'true' || value === 'false') return value === 'true';
    return /^\d+$/.test(value) ? Number(value) : value;
  }

  get callerConcurrency(): number {
    return Math.min(this.GRAPHQL_CONCURRENCY, this.GRAPHQL_CALLER_CONCURRENCY ?? Math.max(1, Math.floor(this.GRAPHQL_CONCURRENCY / 2)));
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
  }
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'EMBEDDED_PG_PORT', 'SEED_ON_START', 'JWT_SECRET', 'PUBLIC_URL', 'SEED_DEMO_ACCOUNTS', 'SMTP_URL', 'GRAPHQL_CALLER_CONCURRENCY', 'METRICS_PORT', 'METRICS_TOKEN']);
  const picked = Object.fromEntries(known.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
  const config = plainToInstance(AppConfig, picked);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  // A test-only opening in the SSRF guard: never where NODE_ENV is not test (unset means production).
  if (config.WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS && env.NODE_ENV !== 'test') {
    throw new ConfigError(`Invalid configuration:\n  WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS=true: only for tests (NODE_ENV=test), not with NODE_ENV=${env.NODE_ENV ?? '(unset: production)'}`);
  }
  return config;
}
