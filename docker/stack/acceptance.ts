// The stack's acceptance script: everything a user does goes through the proxy (http://127.0.0.1:8080);
// only the final bookkeeping reads PostgreSQL and the mail sink directly. Run by `run.ts accept`.
import assert from 'node:assert/strict';
import pg from 'pg';
import WebSocket from 'ws';

const PROXY = process.env.STACK_PROXY_URL ?? 'http://127.0.0.1:8080';
const SINK = process.env.STACK_SINK_URL ?? 'http://127.0.0.1:8025';
const DATABASE_URL = process.env.STACK_DATABASE_URL ?? 'postgres://pactwatch:pactwatch@127.0.0.1:55432/pactwatch';
const RATE_LIMIT = Number(process.env.STACK_RATE_LIMIT ?? 600);
const REPLICAS: Record<string, string> = { '127.0.0.1:3001': 'api-1', '127.0.0.1:3002': 'api-2' };
// The demo accounts and seed of a trial stack (SEED_ON_START, SEED_DEMO_ACCOUNTS).
const PASSWORD = 'pactwatch-demo';
const EMAIL = { owner: 'owner@pactwatch.test', analyst: 'analyst@pactwatch.test', viewer: 'viewer@pactwatch.test' };
const COMMITMENT = '00000000-0000-4000-8000-000000000701';
const OTHER_COMMITMENT = '00000000-0000-4000-8000-000000000703';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const step = (what: string) => console.log(`  ✓ ${what}`);

interface Answer<T> {
  status: number;
  replica: string | null;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const res = await fetch(`${PROXY}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Answer<T>['errors'] };
  return { status: res.status, replica: REPLICAS[res.headers.get('x-pactwatch-replica') ?? ''] ?? null, ...body };
}

async function ok<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await gql<T>(token, query, variables);
  if (answer.errors || answer.status !== 200) throw new Error(`${query.slice(0, 70)} → ${answer.status} ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

const signIn = async (email: string) =>
  (await ok<{ signIn: { token: string } }>(null, 'mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { email, password: PASSWORD } })).signIn.token;

async function toggleStatus(token: string, commitmentId: string): Promise<void> {
  const { commitment } = await ok(token, 'query($id: ID!) { commitment(id: $id) { version status } }', { id: commitmentId });
  const status = commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
  await ok(token, 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id } } }', {
    input: { commitmentId, expectedVersion: commitment.version, status },
  });
}

/**
 * One graphql-ws connection through the proxy carrying activityAdded(since). (Caddy does not add
 * response headers to a WebSocket upgrade, so which replica holds it is not known here.)
 */
interface Live {
  ids: string[];
  closed: Promise<number>;
  close(): void;
}

function live(token: string, since: string, onId: (id: string) => void): Promise<Live> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${PROXY.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const ids: string[] = [];
    let closedWith: (code: number) => void = () => undefined;
    const closed = new Promise<number>((r) => (closedWith = r));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription($since: ID) { activityAdded(since: $since) { id } }', variables: { since } } }));
        // The subscription is served once the server has read it; a round trip later it surely has.
        socket.send(JSON.stringify({ type: 'ping' }));
      } else if (msg.type === 'pong') {
        resolve({ ids, closed, close: () => socket.close() });
      } else if (msg.type === 'next') {
        const id = msg.payload.data.activityAdded.id as string;
        ids.push(id);
        onId(id);
      } else if (msg.type === 'error') {
        reject(new Error(`subscription refused: ${JSON.stringify(msg.payload)}`));
      }
    });
    socket.on('error', reject);
    socket.on('close', (code) => closedWith(code));
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(500);
  }
}

export async function accept({ kill }: { kill: (service: string) => void }): Promise<void> {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    console.log(`acceptance through ${PROXY}`);

    // The web client, from the same image as the API.
    const index = await fetch(`${PROXY}/`);
    const html = await index.text();
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'index.html names its script');
    const js = await fetch(new URL(script!, PROXY));
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.equal((await fetch(`${PROXY}/commitments`)).status, 200);
    step(`the web client loads (${script})`);

    const owner = await signIn(EMAIL.owner);
    const analyst = await signIn(EMAIL.analyst);
    const read = await gql(analyst, 'query($id: ID!) { commitment(id: $id) { title status } }', { id: COMMITMENT });
    assert.ok(read.data?.commitment?.title, 'the analyst reads a commitment');
    step('signed in and read a commitment');

    // Changes made through either replica reach a subscriber, wherever its WebSocket landed.
    const [{ since }] = (await db.query<{ since: string }>('SELECT coalesce(max(id), 0)::text AS since FROM activity')).rows;
    const heard = new Set<string>();
    const first = await live(analyst, since, (id) => heard.add(id));
    const through = new Set<string>();
    for (let i = 0; i < 8 && through.size < 2; i++) {
      const { commitment } = await ok(owner, 'query($id: ID!) { commitment(id: $id) { version status } }', { id: OTHER_COMMITMENT });
      const status = commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
      const changed = await gql(owner, 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id } } }', {
        input: { commitmentId: OTHER_COMMITMENT, expectedVersion: commitment.version, status },
      });
      assert.equal(changed.errors, undefined);
      assert.ok(changed.replica, 'the proxy says which replica answered');
      through.add(changed.replica!);
      // A read and a write per round: one more request shifts the round robin to the other replica.
      await gql(owner, 'query { __typename }');
    }
    assert.equal(through.size, 2, 'changes went through both replicas');
    const written = (await db.query<{ id: string }>('SELECT id::text FROM activity WHERE id > $1 ORDER BY id', [since])).rows.map((r) => r.id);
    await until('the subscriber to hear every change', 15_000, async () => written.every((id) => heard.has(id)));
    assert.deepEqual(first.ids, written);
    step(`one subscriber heard all ${written.length} changes, made through ${[...through].sort().join(' and ')}`);
    first.close();

    // A digest reaches the mail sink.
    await ok(analyst, 'mutation($input: WatchInput!) { watch(input: $input) { watch { id } } }', { input: { subjectType: 'COMMITMENT', subjectId: COMMITMENT } });
    await ok(analyst, 'mutation($input: DigestScheduleInput!) { updateMyDigestSubscription(input: $input) { subscription { cadence } } }', { input: { cadence: 'INSTANT' } });
    await toggleStatus(owner, COMMITMENT);
    const digest = await until('a digest to the analyst at the mail sink', 150_000, async () => {
      await ok(owner, 'mutation { runDigests { sent } }');
      const messages = (await (await fetch(`${SINK}/messages`)).json()) as { to: string[]; subject: string | null }[];
      return messages.find((m) => m.to.includes(EMAIL.analyst));
    });
    step(`a digest arrived at the mail sink: "${digest.subject}"`);

    // The rate limit is one across replicas.
    const viewer = await signIn(EMAIL.viewer);
    const served = new Map<string, number>();
    let refused: Answer<unknown> | null = null;
    for (let i = 0; i < 2 * RATE_LIMIT && !refused; i++) {
      const answer = await gql(viewer, 'query { me { kind } }');
      if (answer.status === 200 && !answer.errors) served.set(answer.replica ?? '?', (served.get(answer.replica ?? '?') ?? 0) + 1);
      else refused = answer;
    }
    const total = [...served.values()].reduce((a, b) => a + b, 0);
    assert.equal(refused?.status, 429);
    assert.equal(refused?.errors?.[0]?.extensions?.code, 'RATE_LIMITED');
    assert.equal(total, RATE_LIMIT, `served ${total} before the first refusal, over ${JSON.stringify(Object.fromEntries(served))}`);
    assert.equal(served.size, 2, 'both replicas served the caller');
    step(`one caller over both replicas was refused after ${total} requests (${JSON.stringify(Object.fromEntries(served))}), the limit being ${RATE_LIMIT}`);

    // Kill a replica under a light load. Two subscribers opened back to back land on the two
    // replicas (round robin): the one on the killed replica must reconnect and catch up.
    const [{ before }] = (await db.query<{ before: string }>('SELECT max(id)::text AS before FROM activity')).rows;
    let closing = false;
    const subscribers = await Promise.all(
      [0, 1].map(async () => {
        const got: string[] = [];
        const first = await live(analyst, before, (id) => got.push(id));
        let reconnected = false;
        // Reconnect as a client does: through the proxy, asking for what came after the last id it saw.
        const current = first.closed.then(async () => {
          if (closing) return first;
          reconnected = true;
          return until('the subscription to reconnect', 20_000, () => live(analyst, got.at(-1) ?? before, (id) => got.push(id)).catch(() => null));
        });
        return { got, first, current, reconnected: () => reconnected };
      }),
    );
    let killedAt = Infinity;
    let stop = false;
    const outcomes: { startedAt: number; ok: boolean; what: string; replica?: string | null; error?: string }[] = [];
    const attempt = async (what: string, work: () => Promise<Answer<unknown>>) => {
      const startedAt = Date.now();
      try {
        const answer = await work();
        if (answer.errors || answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.errors)}`);
        outcomes.push({ startedAt, ok: true, what, replica: answer.replica });
      } catch (err) {
        outcomes.push({ startedAt, ok: false, what, error: (err as Error).message });
      }
    };
    const readers = (async () => {
      while (!stop) {
        await attempt('read', () => gql(analyst, 'query($id: ID!) { commitment(id: $id) { status version } }', { id: COMMITMENT }));
        await sleep(50);
      }
    })();
    const writers = (async () => {
      while (!stop) {
        await attempt('status change', async () => {
          const current = await gql(owner, 'query($id: ID!) { commitment(id: $id) { version status } }', { id: OTHER_COMMITMENT });
          if (current.errors || !current.data) return current;
          const { version, status } = (current.data as { commitment: { version: number; status: string } }).commitment;
          return gql(owner, 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id } } }', {
            input: { commitmentId: OTHER_COMMITMENT, expectedVersion: version, status: status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS' },
          });
        });
        await sleep(250);
      }
    })();
    await sleep(2000);
    killedAt = Date.now();
    kill('api-1');
    await sleep(5000);
    stop = true;
    await Promise.all([readers, writers]);

    const after = outcomes.filter((o) => o.startedAt > killedAt);
    assert.deepEqual(after.filter((o) => !o.ok), [], 'every request started after the kill succeeds');
    assert.ok(after.some((o) => o.replica === 'api-2'), 'after the kill the other replica answers');
    const all = (await db.query<{ id: string }>('SELECT id::text FROM activity WHERE id > $1 ORDER BY id', [before])).rows.map((r) => r.id);
    const acknowledged = outcomes.filter((o) => o.ok && o.what === 'status change').length;
    assert.ok(acknowledged > 0 && all.length >= acknowledged, `no acknowledged change is missing (${acknowledged} acknowledged, ${all.length} in the log)`);
    for (const s of subscribers) {
      await until('each subscriber to catch up', 20_000, async () => all.every((id) => s.got.includes(id)));
      assert.deepEqual(s.got, all, 'a subscriber got every change once, in order');
    }
    const moved = subscribers.filter((s) => s.reconnected()).length;
    assert.ok(moved >= 1, 'the subscriber on the killed replica reconnected');
    step(
      `killed api-1 under load: all ${after.length} requests after the kill succeeded through api-2 ` +
        `(${outcomes.filter((o) => !o.ok).length} in flight at the kill failed); ${moved} subscriber(s) reconnected, ` +
        `and both got all ${all.length} changes (${acknowledged} acknowledged) once, in order`,
    );
    closing = true;
    await Promise.all(subscribers.map(async (s) => (s.reconnected() ? (await s.current).close() : s.first.close())));
  } finally {
    await db.end();
  }
}
