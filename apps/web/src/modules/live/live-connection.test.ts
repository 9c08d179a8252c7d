import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Client, subscriptionExchange } from 'urql';
import { ActivityAddedSubscription as Feed } from './graphql/activity-added.subscription';
import { createLiveConnection, liveUrl, retryDelay } from './live-connection';
import { FakeSocket } from '../../test/fake-socket';

const waitFor = async (check: () => boolean, ms = 4_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the live connection', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('addresses the API on this host, ws or wss as the page', () => {
    expect(liveUrl({ protocol: 'https:', host: 'pactwatch.example' })).toBe('wss://pactwatch.example/graphql');
    expect(liveUrl({ protocol: 'http:', host: 'localhost:4200' })).toBe('ws://localhost:4200/graphql');
    expect(retryDelay(0, 0)).toBe(500);
    expect(retryDelay(10, 0)).toBe(10_000);
  });

  it('resubscribes after a dropped connection with the cursor as it is then, and says it reconnected', async () => {
    const live = createLiveConnection('ws://test/graphql');
    const client = new Client({ url: 'http://test/graphql', exchanges: [subscriptionExchange({ forwardSubscription: live.forward })] });
    const statuses: string[] = [];
    live.onStatus((s) => statuses.push(s));
    const reconnected = vi.fn();
    live.onReconnected(reconnected);
    let cursor = '41';
    const seen: string[] = [];
    const subscription = client.subscription(Feed, { since: cursor }, { liveVariables: () => ({ since: cursor }) }).subscribe((r) => {
      if (r.data) seen.push(r.data.activityAdded.id);
    });

    await waitFor(() => FakeSocket.all[0]?.subscribes().length === 1);
    const first = FakeSocket.all[0];
    const id = first.sent.find((m) => m.type === 'subscribe')?.id;
    expect(first.subscribes()[0].payload.variables).toEqual({ since: '41' });
    first.onmessage?.({ data: JSON.stringify({ id, type: 'next', payload: { data: { activityAdded: { __typename: 'Activity', id: '42', verb: 'commitment.updated', subjectType: 'Commitment', subjectId: 'c1', subjectTitle: null, actorLabel: 'Ana', commitmentId: 'c1', agreementId: null, createdAt: '2026-01-01T00:00:00Z', change: { __typename: 'RecordChange', title: null, version: 2 } } } } }) });
    await waitFor(() => seen.length === 1);
    cursor = '42';

    first.drop(1006, 'gone');
    await waitFor(() => FakeSocket.all[1]?.subscribes().length === 1);
    expect(FakeSocket.all[1].subscribes()[0].payload.variables).toEqual({ since: '42' });
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);

    subscription.unsubscribe();
    live.dispose();
  });

  it('does not retry a refused connection, and reports it', async () => {
    const denied = vi.fn();
    const live = createLiveConnection('ws://test/graphql', denied);
    const client = new Client({ url: 'http://test/graphql', exchanges: [subscriptionExchange({ forwardSubscription: live.forward })] });
    const subscription = client.subscription(Feed, { since: null }).subscribe(() => undefined);
    await waitFor(() => FakeSocket.all[0]?.subscribes().length === 1);
    FakeSocket.all[0].drop(4403, 'Forbidden');
    await waitFor(() => live.status() === 'denied');
    expect(denied).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(FakeSocket.all).toHaveLength(1);
    subscription.unsubscribe();
    live.dispose();
  });

  it('reconnects and resubscribes with its cursor, reporting no refusal, when the API closes it because the role changed (4205)', async () => {
    const denied = vi.fn();
    const live = createLiveConnection('ws://test/graphql', denied);
    const client = new Client({ url: 'http://test/graphql', exchanges: [subscriptionExchange({ forwardSubscription: live.forward })] });
    const subscription = client.subscription(Feed, { since: '7' }, { liveVariables: () => ({ since: '7' }) }).subscribe(() => undefined);
    await waitFor(() => FakeSocket.all[0]?.subscribes().length === 1);
    FakeSocket.all[0].drop(4205, 'Reconnect: your role in this workspace changed');
    await waitFor(() => FakeSocket.all[1]?.subscribes().length === 1);
    expect(FakeSocket.all[1].subscribes()[0].payload.variables).toEqual({ since: '7' });
    expect(denied).not.toHaveBeenCalled();
    expect(live.status()).toBe('connected');
    subscription.unsubscribe();
    live.dispose();
  });
});
