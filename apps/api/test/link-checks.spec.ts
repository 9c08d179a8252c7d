import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { checkLink, LinkState } from '../src/modules/evidence/link-check';
import { LINK_CHECK_QUEUE, LinkCheckRunnerService } from '../src/modules/evidence/link-check-runner.service';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { expectError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

interface Seen {
  method: string;
  path: string;
  userAgent: string;
  at: number;
}

/** An HTTP server on `address` that answers as `answer` says and records each request (method, path, user agent, when) and the most it had at once. */
async function server(answer: (req: IncomingMessage, res: ServerResponse) => void, address = '127.0.0.1') {
  const seen: Seen[] = [];
  let inFlight = 0;
  const stats = { maxInFlight: 0 };
  const s: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', userAgent: String(req.headers['user-agent'] ?? ''), at: Date.now() });
    inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    answer(req, res);
  });
  await new Promise<void>((resolve) => s.listen(0, address, resolve));
  const base = `http://${address}:${(s.address() as AddressInfo).port}`;
  return {
    base,
    seen,
    stats,
    close: () => new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    }),
  };
}

const ADD = `mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id version } } }`;
const READ = `query ($id: ID!) { commitment(id: $id) { evidence(first: 100) { edges { node { id url archiveUrl linkCheck { state statusCode finalUrl error checkedAt } } } } } }`;
const UPDATE = `mutation ($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { evidence { id url archiveUrl version linkCheck { state } } } }`;
const LIST = `query ($filter: CommitmentFilter) { commitments(first: 100, filter: $filter) { edges { node { id } } } }`;

const TIMEOUT_MS = 400;
const DELAY_MS = 150;

describe('evidence link checks', () => {
  let app: TestApp;
  let runner: LinkCheckRunnerService;
  const commitmentId: string = SEED_IDS.commitments.mxSmuggling;
  const servers: { close: () => Promise<void> }[] = [];
  const as = (token: string) => <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => app.request<T>({ query, variables, token });
  let analyst: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await startTestApp({
      NODE_ENV: 'test',
      WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS: 'true',
      WEBHOOK_POLL_SECONDS: '0',
      DIGEST_POLL_SECONDS: '0',
      LINK_CHECK_POLL_SECONDS: '0',
      LINK_CHECK_TIMEOUT_MS: String(TIMEOUT_MS),
      LINK_CHECK_HOST_DELAY_MS: String(DELAY_MS),
    });
    runner = app.running.app.get(LinkCheckRunnerService);
    analyst = as(app.tokens.analyst);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await app?.close();
  });

  async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void, address?: string) {
    const s = await server(answer, address);
    servers.push(s);
    return s;
  }

  async function addSource(url: string, on = commitmentId): Promise<{ id: string; version: number }> {
    const res = await analyst(ADD, { input: { commitmentId: on, url, title: `Source at ${url}` } });
    expect(res.errors).toBeUndefined();
    return res.data!.addEvidence.evidence;
  }

  async function linkCheckOf(id: string, on = commitmentId) {
    const res = await analyst(READ, { id: on });
    expect(res.errors).toBeUndefined();
    return res.data!.commitment.evidence.edges.map((e: { node: { id: string } }) => e.node).find((n: { id: string }) => n.id === id);
  }

  it('records 200 as OK, 301 as REDIRECTED with the final address, 404 and 500 as BROKEN with the code (also at the end of a redirect), each with when it was checked', async () => {
    const ok = await serve((_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>here</p>'));
    const moved = await serve((_q, res) => res.writeHead(301, { location: `${ok.base}/new-home` }).end());
    const missing = await serve((_q, res) => res.writeHead(404).end());
    const failing = await serve((_q, res) => res.writeHead(500).end());
    const movedAway = await serve((_q, res) => res.writeHead(308, { location: `${missing.base}/gone-too` }).end());
    const sources = {
      movedAway: await addSource(`${movedAway.base}/was-here`),
      ok: await addSource(`${ok.base}/page`),
      moved: await addSource(`${moved.base}/old-home`),
      missing: await addSource(`${missing.base}/gone`),
      failing: await addSource(`${failing.base}/error`),
    };
    expect((await linkCheckOf(sources.ok.id)).linkCheck).toBeNull();
    const before = Date.now();

    await runner.runOnce('127.0.0.1');

    const checks = Object.fromEntries(await Promise.all(Object.entries(sources).map(async ([k, s]) => [k, (await linkCheckOf(s.id)).linkCheck])));
    expect(checks.ok).toMatchObject({ state: LinkState.OK, statusCode: 200, finalUrl: null, error: null });
    expect(checks.moved).toMatchObject({ state: LinkState.REDIRECTED, statusCode: 200, finalUrl: `${ok.base}/new-home` });
    expect(checks.missing).toMatchObject({ state: LinkState.BROKEN, statusCode: 404, finalUrl: null });
    expect(checks.failing).toMatchObject({ state: LinkState.BROKEN, statusCode: 500 });
    expect(checks.movedAway).toMatchObject({ state: LinkState.BROKEN, statusCode: 404, finalUrl: `${missing.base}/gone-too` });
    for (const c of Object.values(checks) as { checkedAt: string }[]) expect(Date.parse(c.checkedAt)).toBeGreaterThanOrEqual(before - 1000);
    // HEAD is enough when the server answers it; the redirect was followed to the page it named.
    expect(ok.seen.map((s) => `${s.method} ${s.path}`).sort()).toEqual(['HEAD /new-home', 'HEAD /page']);
    expect(moved.seen.map((s) => s.method)).toEqual(['HEAD']);
  });

  it('records a server that never answers as UNREACHABLE once the timeout passes', async () => {
    const hanging = await serve(() => undefined);
    const source = await addSource(`${hanging.base}/slow`);
    const started = Date.now();
    await runner.runOnce('127.0.0.1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS);
    const { linkCheck } = await linkCheckOf(source.id);
    expect(linkCheck).toMatchObject({ state: LinkState.UNREACHABLE, statusCode: null });
    expect(linkCheck.error).toMatch(new RegExp(`no answer within ${TIMEOUT_MS} ms`));
    expect(hanging.seen).toHaveLength(1);
  });

  it('asks again with GET when HEAD is refused (403, 405, 501), and names Pactwatch in its user agent', async () => {
    for (const refusal of [403, 405, 501]) {
      const headless = await serve((req, res) => res.writeHead(req.method === 'HEAD' ? refusal : 200).end());
      const source = await addSource(`${headless.base}/no-head`);
      await runner.runOnce('127.0.0.1');
      expect((await linkCheckOf(source.id)).linkCheck).toMatchObject({ state: LinkState.OK, statusCode: 200 });
      expect(headless.seen.map((s) => s.method)).toEqual(['HEAD', 'GET']);
      for (const s of headless.seen) expect(s.userAgent).toMatch(/^Pactwatch-LinkCheck\//);
    }
  });

  it('checks an address cited by several sources once, and records it on each', async () => {
    const shared = await serve((_q, res) => res.writeHead(404).end());
    const url = `${shared.base}/cited-twice`;
    const first = await addSource(url);
    const second = await addSource(url, SEED_IDS.commitments.jointStatement);
    await runner.runOnce('127.0.0.1');
    expect(shared.seen).toHaveLength(1);
    expect((await linkCheckOf(first.id)).linkCheck).toMatchObject({ state: LinkState.BROKEN, statusCode: 404 });
    expect((await linkCheckOf(second.id, SEED_IDS.commitments.jointStatement)).linkCheck).toMatchObject({ state: LinkState.BROKEN, statusCode: 404 });
    // The filter test below starts from broken sources on commitmentId only.
    await app.sql(`UPDATE evidence SET link_state = 'OK', link_status_code = 200 WHERE id = $1`, [second.id]);
  });

  it('refuses a redirect to an address the guard does not allow, without requesting it', async () => {
    // Loopback is allowed for these tests on 127.0.0.1 and ::1 only: 127.0.0.2 is loopback all the same, and refused.
    const inside = await serve((_q, res) => res.writeHead(200).end('secret'), '127.0.0.2');
    const toInside = await serve((_q, res) => res.writeHead(302, { location: `${inside.base}/admin` }).end());
    const toMetadata = await serve((_q, res) => res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    const a = await addSource(`${toInside.base}/a`);
    const b = await addSource(`${toMetadata.base}/b`);
    await runner.runOnce('127.0.0.1');
    const [ca, cb] = [(await linkCheckOf(a.id)).linkCheck, (await linkCheckOf(b.id)).linkCheck];
    expect(ca).toMatchObject({ state: LinkState.UNREACHABLE, finalUrl: `${inside.base}/admin` });
    expect(ca.error).toMatch(/after a redirect to .*refused: must reach a public address: 127\.0\.0\.2 is a loopback address/);
    expect(cb).toMatchObject({ state: LinkState.UNREACHABLE, finalUrl: 'http://169.254.169.254/latest/meta-data/' });
    expect(cb.error).toMatch(/refused: .*169\.254\.169\.254 is a linkLocal address/);
    expect(inside.seen).toEqual([]);
  });

  it('with loopback not allowed (production), refuses 127.0.0.1 as a first address and as a redirect hop, and requests nothing there', async () => {
    const target = await serve((_q, res) => res.writeHead(200).end());
    const direct = await checkLink(`${target.base}/x`, { allowLoopback: false }, TIMEOUT_MS);
    expect(direct).toMatchObject({ state: LinkState.UNREACHABLE, statusCode: null, finalUrl: null });
    expect(direct.error).toMatch(/refused: must reach a public address: 127\.0\.0\.1 is a loopback address/);

    // A public first hop cannot be served here: this policy lets the first address through (the
    // test's stand-in for a public site) and is the production one for every hop after it.
    const redirector = await serve((_q, res) => res.writeHead(302, { location: `${target.base}/inside` }).end());
    let asked = 0;
    const firstHopOnly = { get allowLoopback() { return asked++ === 0; } };
    const hop = await checkLink(`${redirector.base}/outside`, firstHopOnly, TIMEOUT_MS);
    expect(redirector.seen.map((s) => s.path)).toEqual(['/outside']);
    expect(hop).toMatchObject({ state: LinkState.UNREACHABLE, statusCode: null, finalUrl: `${target.base}/inside` });
    expect(hop.error).toMatch(/after a redirect to .*: refused: must reach a public address: 127\.0\.0\.1 is a loopback address/);
    expect(target.seen).toEqual([]);
  });

  it('follows at most 5 redirects', async () => {
    const loop = await serve((req, res) => res.writeHead(302, { location: `/hop${Number((req.url ?? '').replace(/\D/g, '') || 0) + 1}` }).end());
    const result = await checkLink(`${loop.base}/hop0`, runner.policy, TIMEOUT_MS);
    expect(result).toMatchObject({ state: LinkState.UNREACHABLE, statusCode: 302, finalUrl: `${loop.base}/hop5`, error: 'more than 5 redirects' });
    expect(loop.seen).toHaveLength(6);
  });

  it('checks one host one address at a time, LINK_CHECK_HOST_DELAY_MS apart, with one job per host across runs', async () => {
    const polite = await serve((_q, res) => setTimeout(() => res.writeHead(200).end(), 50));
    for (let i = 0; i < 4; i++) await addSource(`${polite.base}/p${i}`);
    const jobs = app.running.app.get(JobsService);
    // Two passes (two instances) send one job for the host between them.
    const sent = (await Promise.all([runner.schedule('127.0.0.1'), runner.schedule('127.0.0.1')])).reduce((a, b) => a + b, 0);
    expect(sent).toBe(1);
    expect(await runner.schedule('127.0.0.1')).toBe(0);
    // Two runs at once (two instances' workers): one takes the host's job, the other finds none.
    await Promise.all([runner.runOnce('127.0.0.1'), runner.runOnce('127.0.0.1')]);
    expect(polite.seen.map((s) => s.path).sort()).toEqual(['/p0', '/p1', '/p2', '/p3']);
    expect(polite.stats.maxInFlight).toBe(1);
    const at = polite.seen.map((s) => s.at);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(DELAY_MS);
    expect(await jobs.boss.fetch(LINK_CHECK_QUEUE)).toEqual([]);
    // Checked now, so not due again within LINK_CHECK_INTERVAL_HOURS.
    expect(await runner.schedule('127.0.0.1')).toBe(0);
  });

  it('finds commitments with a broken source through the list filter, and forgets the state when the address changes', async () => {
    const other = SEED_IDS.commitments.jointStatement;
    const list = async (filter: Record<string, unknown>) => {
      const res = await analyst(LIST, { filter });
      expect(res.errors).toBeUndefined();
      return res.data!.commitments.edges.map((e: { node: { id: string } }) => e.node.id);
    };
    // The earlier tests left broken and unreachable sources on commitmentId only.
    expect(await list({ brokenSources: true })).toEqual([commitmentId]);
    expect(await list({ brokenSources: false })).not.toContain(commitmentId);

    const gone = await serve((_q, res) => res.writeHead(410).end());
    const source = await addSource(`${gone.base}/withdrawn`, other);
    expect(await list({ brokenSources: true })).toEqual([commitmentId]);
    await runner.runOnce('127.0.0.1');
    expect((await list({ brokenSources: true })).sort()).toEqual([commitmentId, other].sort());
    expect(await list({ brokenSources: false })).not.toContain(other);

    // A corrected address has not been checked: the flag goes until the next check.
    const fixed = await serve((_q, res) => res.writeHead(200).end());
    const res = await analyst(UPDATE, { input: { id: source.id, expectedVersion: source.version, url: `${fixed.base}/found` } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateEvidence.evidence.linkCheck).toBeNull();
    expect(await list({ brokenSources: true })).toEqual([commitmentId]);
  });

  it('takes an archived copy through updateEvidence, refuses one that is not an http(s) address naming archiveUrl, and removes it with null', async () => {
    const source = await addSource('https://example.org/archived-copy-test');
    const refused = await analyst(UPDATE, { input: { id: source.id, expectedVersion: source.version, archiveUrl: 'javascript:alert(1)' } });
    expectError(refused, 'BAD_USER_INPUT', 'archiveUrl');
    const unchanged = await app.sql(`SELECT archive_url, version FROM evidence WHERE id = $1`, [source.id]);
    expect(unchanged).toEqual([{ archive_url: null, version: source.version }]);

    const copy = 'https://web.archive.org/web/2026/https://example.org/archived-copy-test';
    const set = await analyst(UPDATE, { input: { id: source.id, expectedVersion: source.version, archiveUrl: copy } });
    expect(set.errors).toBeUndefined();
    expect(set.data!.updateEvidence.evidence).toMatchObject({ archiveUrl: copy, url: 'https://example.org/archived-copy-test' });
    expect((await linkCheckOf(source.id)).archiveUrl).toBe(copy);

    const cleared = await analyst(UPDATE, { input: { id: source.id, expectedVersion: source.version + 1, archiveUrl: null } });
    expect(cleared.data!.updateEvidence.evidence.archiveUrl).toBeNull();
    const viewer = await as(app.tokens.viewer)(UPDATE, { input: { id: source.id, expectedVersion: source.version + 2, archiveUrl: copy } });
    expectError(viewer, 'FORBIDDEN');
  });
});
