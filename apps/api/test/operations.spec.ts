import { randomUUID } from 'node:crypto';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { DIGEST_QUEUE, DigestRunnerService } from '../src/modules/digests/digest-runner.service';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { MetricsService } from '../src/modules/ops/metrics.service';
import { subscribe } from './support/live';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

/*
 * What an operator sees: /health/live and /health/ready (with the live listener's connection
 * terminated in PostgreSQL), and the Prometheus metrics behind their token or on their own port.
 */

const C = SEED_IDS.commitments;
const TOKEN = 'metrics-token-for-the-tests-0123';
const Q = {
  me: 'query Me { me { kind } }',
  version: 'query Version($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: 'mutation ChangeStatus($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id status version } } }',
  activity: 'subscription Feed { activityAdded { id verb } }',
};

async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a text answer
  }
  return { status: res.status, body };
}

/** The sum of a series' samples whose labels include `labels`, from the Prometheus text. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let found: number | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{([^}]*)\})?\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) found = (found ?? 0) + Number(m[4]);
  }
  return found;
}

async function toggle(app: TestApp, commitmentId: string): Promise<void> {
  const { data } = await app.gql<any>(Q.version, { id: commitmentId });
  const status = data.commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
  const res = await app.gql(Q.changeStatus, { input: { commitmentId, expectedVersion: data.commitment.version, status } });
  expect(res.errors).toBeUndefined();
}

describe('health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(() => app?.close());

  it('is live and ready on a normal start, with each check up; /health is readiness', async () => {
    const live = await getJson(`${app.url}/health/live`);
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    for (const path of ['/health/ready', '/health']) {
      const ready = await getJson(`${app.url}${path}`);
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('ok');
      for (const check of ['database', 'liveListener', 'digestScheduler', 'admission', 'shutdown']) expect(ready.body.info[check].status).toBe('up');
    }
  });

  it('is not ready while the LISTEN connection is down (its backend terminated), stays live, and is ready again once it reconnects', async () => {
    const [{ terminated }] = await app.sql<{ terminated: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
    );
    expect(terminated).toBeGreaterThanOrEqual(1);
    let notReady: { status: number; body: any } | undefined;
    let liveMeanwhile: number | undefined;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await getJson(`${app.url}/health/ready`);
      if (ready.status !== 200 && !notReady) {
        notReady = ready;
        liveMeanwhile = (await fetch(`${app.url}/health/live`)).status;
      }
      if (ready.status === 200 && notReady) break;
      if (Date.now() > deadline) throw new Error(`readiness never went down and up again (saw 503: ${!!notReady})`);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(notReady?.status).toBe(503);
    expect(notReady?.body.error.liveListener.status).toBe('down');
    expect(notReady?.body.details.database.status).toBe('up');
    expect(liveMeanwhile).toBe(200);
  });
});

describe('metrics on the main port', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ METRICS_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '30', GRAPHQL_MAX_DEPTH: '4' });
  }, 60_000);
  afterAll(() => app?.close());

  it('refuses a scrape without the token or with another one (401)', async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
  });

  it('counts requests by operation and outcome, admission waits, refusals, the pool, live connections and delivered events', async () => {
    const scrape = async () => {
      const res = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return res.text();
    };
    const before = await scrape();
    const count = (text: string, name: string, labels?: Record<string, string>) => sample(text, name, labels) ?? 0;

    const feed = subscribe(app.url, { token: app.tokens.viewer }, Q.activity);
    await feed.ready();
    for (let i = 0; i < 3; i++) expect((await app.gql(Q.me)).errors).toBeUndefined();
    await toggle(app, C.usRepatriationFlights);
    await feed.until((values) => values.length >= 1);
    const deep = await app.gql(`query Deep($id: ID!) { commitment(id: $id) { agreement { commitments(first: 2) { edges { node { agreement { commitments(first: 2) { edges { node { id } } } } } } } } } }`, { id: C.usRepatriationFlights });
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxDepth: 4 });
    const during = await scrape();
    // The viewer's own limit of 30 a minute, spent: the next request is refused.
    let refused = 0;
    for (let i = 0; i < 31 && !refused; i++) if ((await app.request({ query: Q.me, token: app.tokens.viewer })).status === 429) refused++;
    expect(refused).toBe(1);
    const after = await scrape();
    await feed.close();

    expect(count(during, 'pactwatch_graphql_request_duration_seconds_count', { operation: 'Me', outcome: 'ok' }) - count(before, 'pactwatch_graphql_request_duration_seconds_count', { operation: 'Me', outcome: 'ok' })).toBe(3);
    expect(count(during, 'pactwatch_graphql_request_duration_seconds_count', { operation: 'ChangeStatus', outcome: 'ok' })).toBe(1);
    expect(count(during, 'pactwatch_graphql_request_duration_seconds_count', { operation: 'Deep', outcome: 'BAD_USER_INPUT' })).toBe(1);
    expect(count(during, 'pactwatch_query_limit_refusals_total', { limit: 'depth' }) - count(before, 'pactwatch_query_limit_refusals_total', { limit: 'depth' })).toBe(1);
    expect(count(during, 'pactwatch_admission_wait_seconds_count', { lane: 'heavy' })).toBeGreaterThan(count(before, 'pactwatch_admission_wait_seconds_count', { lane: 'heavy' }));
    expect(sample(during, 'pactwatch_admission_queue_length', { lane: 'heavy' })).toBe(0);
    expect(count(during, 'pactwatch_live_connections')).toBe(1);
    expect(count(during, 'pactwatch_live_subscriptions')).toBe(1);
    expect(count(during, 'pactwatch_live_events_delivered_total') - count(before, 'pactwatch_live_events_delivered_total')).toBeGreaterThanOrEqual(1);
    expect(count(during, 'pactwatch_db_pool_connections')).toBeGreaterThan(0);
    expect(sample(during, 'pactwatch_db_pool_waiting')).toBe(0);
    expect(count(after, 'pactwatch_rate_limit_refusals_total') - count(before, 'pactwatch_rate_limit_refusals_total')).toBe(1);
    for (const name of ['pactwatch_digests_sent_total', 'pactwatch_digests_failed_total', 'pactwatch_digests_retried_total', 'pactwatch_digest_lag_seconds', 'pactwatch_process_resident_memory_bytes']) {
      expect(sample(after, name)).toBeDefined();
    }
  });
});

describe('metrics on their own port', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ METRICS_PORT: '0' });
  }, 60_000);
  afterAll(() => app?.close());

  it('serves /metrics on METRICS_PORT, and nothing at /metrics on the API port without METRICS_TOKEN (404)', async () => {
    expect(app.running.metricsUrl).toBeDefined();
    const res = await fetch(app.running.metricsUrl as string);
    expect(res.status).toBe(200);
    expect(sample(await res.text(), 'pactwatch_db_pool_connections')).toBeGreaterThan(0);
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${app.url}/metrics`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});

describe('the digest worker at shutdown', () => {
  const SUBSCRIBERS = 20;
  let app: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startTestApp({ SMTP_URL: sink.url, DIGEST_POLL_SECONDS: '0' });
    const now = Date.now();
    const ids = Array.from({ length: SUBSCRIBERS }, () => randomUUID());
    await app.sql(`INSERT INTO users (id, email, name, password_hash) SELECT id, 'stop.' || id || '@example.org', 'Subscriber', 'not-a-password' FROM unnest($1::uuid[]) AS id`, [ids]);
    await app.sql(`INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, id, 'VIEWER' FROM unnest($2::uuid[]) AS id`, [SEED_IDS.workspace, ids]);
    await app.sql(
      `INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id) SELECT gen_random_uuid(), $1, id, 'COMMITMENT', $3 FROM unnest($2::uuid[]) AS id`,
      [SEED_IDS.workspace, ids, C.usRepatriationFlights],
    );
    await app.sql(
      `INSERT INTO digest_subscriptions (id, workspace_id, user_id, cadence, covered_until) SELECT gen_random_uuid(), $1, id, 'INSTANT', $3 FROM unnest($2::uuid[]) AS id`,
      [SEED_IDS.workspace, ids, new Date(now - 5 * 60_000)],
    );
    await app.sql(
      `INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id)
       VALUES ($1, 'SYSTEM', 'system', 'commitment.status_changed', 'Commitment', $2, '{"status":"ANNOUNCED"}', $3, $4, $2, (SELECT agreement_id FROM commitments WHERE id = $2))`,
      [SEED_IDS.workspace, C.usRepatriationFlights, { status: 'IN_PROGRESS', note: 'Moved', evidenceIds: [] }, new Date(now - 2 * 60_000)],
    );
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  it('stops taking jobs, sends the messages it has started, hands the rest of its batch back to the job engine for a retry, and counts what it sent', async () => {
    const runner = app.running.app.get(DigestRunnerService);
    sink.holdAfter = 1;
    const run = runner.runOnce();
    const deadline = Date.now() + 20_000;
    while (!sink.waiting().length) {
      if (Date.now() > deadline) throw new Error('no message reached the SMTP server');
      await new Promise((r) => setTimeout(r, 20));
    }
    const stopped = runner.stop();
    expect(runner.schedulerState()).toBe('stopped');
    sink.holdAfter = null;
    sink.release();
    await run;
    await stopped;

    const rows = await app.sql<{ id: string; status: string; attempts: number; lastError: string | null }>(
      `SELECT id, status, attempts, last_error AS "lastError" FROM digest_deliveries`,
    );
    expect(rows).toHaveLength(SUBSCRIBERS);
    const sent = rows.filter((r) => r.status === 'SENT');
    const back = rows.filter((r) => r.status === 'PENDING');
    expect(sent.length).toBe(sink.accepted);
    expect(sent.length + back.length).toBe(SUBSCRIBERS);
    expect(back.length).toBeGreaterThan(0);
    const boss = app.running.app.get(JobsService).boss;
    for (const row of back) {
      expect(row).toEqual({ id: row.id, status: 'PENDING', attempts: 1, lastError: 'the instance stopped before sending it' });
      expect(await boss.getJobById(DIGEST_QUEUE, row.id)).toMatchObject({ state: 'retry', retryCount: 0 });
    }
    const metrics = await app.running.app.get(MetricsService).scrape();
    expect(sample(metrics.body, 'pactwatch_digests_sent_total')).toBe(sent.length);
    expect(sample(metrics.body, 'pactwatch_digest_lag_seconds')).toBeGreaterThanOrEqual(0);
  });
});
