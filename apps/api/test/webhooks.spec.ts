import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { WebhookRunnerService } from '../src/modules/webhooks/webhook-runner.service';
import { startTestApp, TestApp } from './support/test-app';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A receiver on 127.0.0.1 that answers each request as `answer` says (by default 204). */
async function receiver(answer: (req: IncomingMessage, res: ServerResponse, n: number) => void = (_q, res) => res.writeHead(204).end()) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      answer(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url kinds enabled version lastActivityId filter { agreementIds partyIds themeIds } } } }`;
const DELIVERIES = `query ($id: ID!) { webhookDeliveries(endpointId: $id, first: 50) { id activityId status responseCode error attempts durationMs deliveredAt } }`;
const ENDPOINTS = `{ webhookEndpoints { id enabled disabledReason version } }`;

describe('webhooks', () => {
  let app: TestApp;
  let runner: WebhookRunnerService;
  let slug = 0;
  const as = (token: string) => <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => app.request<T>({ query, variables, token });
  let owner: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await startTestApp({
      NODE_ENV: 'test',
      WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS: 'true',
      WEBHOOK_POLL_SECONDS: '0',
      DIGEST_POLL_SECONDS: '0',
      WEBHOOK_RETRY_SECONDS: '0',
      WEBHOOK_RETRY_LIMIT: '2',
      WEBHOOK_TIMEOUT_MS: '500',
    });
    runner = app.running.app.get(WebhookRunnerService);
    owner = as(app.tokens.owner);
  });
  afterAll(() => app?.close());

  async function register(url: string, kinds = ['theme.created']): Promise<{ id: string; secret: string }> {
    const res = await owner(CREATE, { input: { url, kinds } });
    expect(res.errors).toBeUndefined();
    return { id: res.data!.createWebhookEndpoint.endpoint.id, secret: res.data!.createWebhookEndpoint.secret };
  }

  /** A change of kind theme.created; its activity id. */
  async function change(): Promise<string> {
    slug += 1;
    const res = await owner(`mutation ($input: CreateThemeInput!) { createTheme(input: $input) { theme { id } } }`, {
      input: { slug: `webhook-theme-${slug}`, name: `Webhook theme ${slug}`, nameEs: `Tema ${slug}` },
    });
    expect(res.errors).toBeUndefined();
    const [row] = await app.sql<{ id: string }>(`SELECT id::text FROM activity WHERE verb = 'theme.created' ORDER BY id DESC LIMIT 1`);
    return row.id;
  }

  /** Deletes an endpoint at the end of its test, so later changes do not go to its closed receiver. */
  async function retire(id: string): Promise<void> {
    const { version } = (await owner(ENDPOINTS)).data!.webhookEndpoints.find((e: { id: string }) => e.id === id);
    const res = await owner(`mutation ($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { removedEndpointId } }`, { input: { id, expectedVersion: version } });
    expect(res.data!.deleteWebhookEndpoint.removedEndpointId).toBe(id);
  }

  const count = async (table: string) => (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  it.each([
    ['ftp://example.org/hook', /must be http or https/],
    ['http://user:pw@example.org/hook', /user name or password/],
    ['http://10.1.2.3/hook', /private address/],
    ['http://192.168.0.10/hook', /private address/],
    ['http://169.254.169.254/latest/meta-data', /linkLocal address/],
    ['http://100.100.100.200/hook', /carrierGradeNat address/],
    ['http://0.0.0.0/hook', /unspecified address/],
    ['http://224.0.0.1/hook', /multicast address/],
    ['http://127.0.0.2/hook', /loopback address/],
    ['http://[fe80::1]/hook', /linkLocal address/],
    ['http://[fd00:ec2::254]/hook', /uniqueLocal address/],
    ['http://[::ffff:10.0.0.1]/hook', /10\.0\.0\.1 is a private address/],
    ['http://[ff02::1]/hook', /multicast address/],
  ])('refuses %s at registration with BAD_USER_INPUT naming url, writing nothing', async (url, why) => {
    const before = await count('webhook_endpoints');
    const res = await owner(CREATE, { input: { url, kinds: ['theme.created'] } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(res.errors?.[0].message).toMatch(why);
    expect(await count('webhook_endpoints')).toBe(before);
  });

  it('refuses an unknown kind and none (BAD_USER_INPUT), and an unknown theme in the filter (NOT_FOUND), naming the field and writing nothing', async () => {
    const before = await count('webhook_endpoints');
    const unknown = await owner(CREATE, { input: { url: 'http://127.0.0.1:9/hook', kinds: ['theme.created', 'theme.exploded'] } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
    expect(unknown.errors?.[0].message).toContain('"theme.exploded" is not a change kind');
    const none = await owner(CREATE, { input: { url: 'http://127.0.0.1:9/hook', kinds: [] } });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
    const theme = await owner(CREATE, { input: { url: 'http://127.0.0.1:9/hook', kinds: ['theme.created'], filter: { themeIds: ['00000000-0000-4000-8000-000000000999'] } } });
    expect(theme.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'themeIds' });
    expect(await count('webhook_endpoints')).toBe(before);
  });

  it('shows the secret once, in the Standard Webhooks whsec_ form', async () => {
    const res = await owner(CREATE, { input: { url: 'http://127.0.0.1:9/hook', kinds: ['theme.created'] } });
    expect(res.data!.createWebhookEndpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = await owner(`{ webhookEndpoints { id url kinds enabled } }`);
    expect(JSON.stringify(list.data)).not.toContain('whsec_');
    await owner(`mutation ($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { removedEndpointId } }`, {
      input: { id: res.data!.createWebhookEndpoint.endpoint.id, expectedVersion: 1 },
    });
  });

  it('sends each change of its kinds in order, signed so that standardwebhooks verifies it, with webhook-id the activity id', async () => {
    const hook = await receiver();
    const { id, secret } = await register(hook.url);
    const made = [await change(), await change(), await change()];
    await runner.runOnce();
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual(made);
    const verifier = new Webhook(secret);
    for (const [i, r] of hook.received.entries()) {
      const payload = verifier.verify(r.body, r.headers) as { type: string; data: { activityId: string; verb: string; subjectType: string; after: { slug?: string; name?: string } } };
      expect(payload.type).toBe('theme.created');
      // The typed change rides beside the stored JSON, as GraphQL's Activity.change has it.
      expect(payload.data).toMatchObject({
        activityId: made[i], verb: 'theme.created', subjectType: 'Theme', commitmentId: null, agreementId: null,
        change: { __typename: 'RecordChange', title: payload.data.after.name, version: null, previousVersion: null, archived: null },
      });
    }
    expect(() => new Webhook(secret).verify(hook.received[0].body.replace('theme.created', 'theme.updated'), hook.received[0].headers)).toThrow();
    const log = await owner(DELIVERIES, { id });
    expect(log.data!.webhookDeliveries.map((d: { activityId: string }) => d.activityId)).toEqual([...made].reverse());
    expect(log.data!.webhookDeliveries.every((d: { status: string; responseCode: number; attempts: number }) => d.status === 'SUCCEEDED' && d.responseCode === 204 && d.attempts === 1)).toBe(true);
    await runner.runOnce();
    expect(hook.received).toHaveLength(3);
    await retire(id);
    await hook.close();
  });

  it('schedules one job for an endpoint with changes to send, and no second while that one is queued', async () => {
    const hook = await receiver();
    const { id } = await register(hook.url);
    await change();
    expect(await runner.schedule()).toBe(1);
    expect(await runner.schedule()).toBe(0);
    await runner.runOnce();
    expect(hook.received).toHaveLength(1);
    await retire(id);
    await hook.close();
  });

  it('retries a failing receiver from the failed change on: order kept, none skipped, each sent until it got a 2xx', async () => {
    let failing = true;
    const hook = await receiver((_q, res) => res.writeHead(failing ? 500 : 200).end('ok'));
    const { id } = await register(hook.url);
    const made = [await change(), await change()];
    await runner.runOnce();
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([made[0]]);
    const failed = (await owner(DELIVERIES, { id })).data!.webhookDeliveries;
    expect(failed).toEqual([expect.objectContaining({ activityId: made[0], status: 'FAILED', responseCode: 500, attempts: 1, error: 'answered 500' })]);
    failing = false;
    made.push(await change());
    await runner.runOnce();
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([made[0], ...made]);
    const log = (await owner(DELIVERIES, { id })).data!.webhookDeliveries;
    expect(log.map((d: { activityId: string; status: string; attempts: number }) => [d.activityId, d.status, d.attempts])).toEqual([
      [made[2], 'SUCCEEDED', 1],
      [made[1], 'SUCCEEDED', 1],
      [made[0], 'SUCCEEDED', 2],
    ]);
    await retire(id);
    await hook.close();
  });

  it('does not follow a redirect: a 3xx is a failure, the target never called', async () => {
    const target = await receiver();
    const hook = await receiver((_q, res) => res.writeHead(307, { location: target.url }).end());
    const { id } = await register(hook.url);
    const made = await change();
    await runner.runOnce();
    expect(target.received).toHaveLength(0);
    const [delivery] = (await owner(DELIVERIES, { id })).data!.webhookDeliveries;
    expect(delivery).toMatchObject({ activityId: made, status: 'FAILED', responseCode: 307, error: 'answered 307 (a redirect, not followed)' });
    await retire(id);
    await Promise.all([hook.close(), target.close()]);
  });

  it('gives up on a receiver that does not answer within WEBHOOK_TIMEOUT_MS, recording why', async () => {
    const hook = await receiver(() => undefined);
    const { id } = await register(hook.url);
    await change();
    await runner.runOnce();
    const [delivery] = (await owner(DELIVERIES, { id })).data!.webhookDeliveries;
    expect(delivery).toMatchObject({ status: 'FAILED', responseCode: null, error: 'no answer within 500 ms' });
    await retire(id);
    await hook.close();
  });

  it('disables the endpoint when its retries are spent and notifies the owner; re-enabled, it resumes from the change it stopped at', async () => {
    let failing = true;
    const hook = await receiver((_q, res) => res.writeHead(failing ? 503 : 200).end());
    const { id } = await register(hook.url);
    const made = await change();
    // The first attempt and WEBHOOK_RETRY_LIMIT (2) retries, one per run.
    await runner.runOnce();
    await runner.runOnce();
    expect((await owner(ENDPOINTS)).data!.webhookEndpoints.find((e: { id: string }) => e.id === id).enabled).toBe(true);
    await runner.runOnce();
    expect(hook.received).toHaveLength(3);
    const endpoint = (await owner(ENDPOINTS)).data!.webhookEndpoints.find((e: { id: string }) => e.id === id);
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: 'deliveries kept failing through 2 retries; last: answered 503' });
    const notes = await owner(`{ notifications(first: 10) { edges { node { kind webhookEndpointId subjectTitle comment { id } } } } }`);
    expect(notes.data!.notifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ kind: 'WEBHOOK_DISABLED', webhookEndpointId: id, subjectTitle: hook.url, comment: null });
    await runner.runOnce();
    expect(hook.received).toHaveLength(3);

    failing = false;
    const resumed = await owner(`mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { enabled disabledReason } } }`, {
      input: { id, expectedVersion: endpoint.version, enabled: true },
    });
    expect(resumed.data!.updateWebhookEndpoint.endpoint).toEqual({ enabled: true, disabledReason: null });
    await runner.runOnce();
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([made, made, made, made]);
    await retire(id);
    await hook.close();
  });

  it('redelivers one recorded delivery: sent again, the attempt counted', async () => {
    const hook = await receiver();
    const { id } = await register(hook.url);
    const made = await change();
    await runner.runOnce();
    const [delivery] = (await owner(DELIVERIES, { id })).data!.webhookDeliveries;
    const res = await owner(`mutation ($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { id activityId status attempts responseCode } } }`, {
      input: { deliveryId: delivery.id },
    });
    expect(res.data!.redeliverWebhook.delivery).toEqual({ id: delivery.id, activityId: made, status: 'SUCCEEDED', attempts: 2, responseCode: 204 });
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([made, made]);
    const missing = await owner(`mutation ($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { id } } }`, {
      input: { deliveryId: '00000000-0000-4000-8000-000000000999' },
    });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'deliveryId' });
    await retire(id);
    await hook.close();
  });

  it('with a filter, sends only the changes about its themes; the others move its cursor on without a delivery', async () => {
    const hook = await receiver();
    const theme = async () => {
      slug += 1;
      const res = await owner(`mutation ($input: CreateThemeInput!) { createTheme(input: $input) { theme { id } } }`, {
        input: { slug: `webhook-filter-${slug}`, name: `Filter theme ${slug}`, nameEs: `Tema filtro ${slug}` },
      });
      return res.data!.createTheme.theme.id as string;
    };
    const [wanted, other] = [await theme(), await theme()];
    const res = await owner(CREATE, { input: { url: hook.url, kinds: ['theme.updated'], filter: { themeIds: [wanted] } } });
    const id = res.data!.createWebhookEndpoint.endpoint.id;
    expect(res.data!.createWebhookEndpoint.endpoint.filter).toEqual({ agreementIds: [], partyIds: [], themeIds: [wanted] });
    const rename = (themeId: string, name: string) =>
      owner(`mutation ($input: UpdateThemeInput!) { updateTheme(input: $input) { theme { id } } }`, { input: { id: themeId, expectedVersion: 1, name } });
    expect((await rename(other, 'Not wanted')).errors).toBeUndefined();
    expect((await rename(wanted, 'Wanted')).errors).toBeUndefined();
    await runner.runOnce();
    const [row] = await app.sql<{ id: string }>(`SELECT id::text FROM activity WHERE verb = 'theme.updated' AND subject_id = $1`, [wanted]);
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([row.id]);
    expect((await owner(DELIVERIES, { id })).data!.webhookDeliveries).toHaveLength(1);
    const [{ last }] = await app.sql<{ last: string }>('SELECT max(id)::text AS last FROM activity');
    expect((await owner(`{ webhookEndpoints { id lastActivityId } }`)).data!.webhookEndpoints.find((e: { id: string }) => e.id === id).lastActivityId).toBe(last);
    await retire(id);
    await hook.close();
  });

  it.each(['analyst', 'viewer', 'readKey'] as const)('refuses the %s: FORBIDDEN, nothing written', async (who) => {
    const before = await count('webhook_endpoints');
    const created = await as(app.tokens[who])(CREATE, { input: { url: 'http://127.0.0.1:9/hook', kinds: ['theme.created'] } });
    expect(created.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const listed = await as(app.tokens[who])(ENDPOINTS);
    expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count('webhook_endpoints')).toBe(before);
  });
});
