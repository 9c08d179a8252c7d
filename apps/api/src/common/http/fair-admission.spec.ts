import { once } from 'node:events';
import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { FairAdmission, FairAdmissionOptions, Refusal } from './fair-admission';

/**
 * An app whose handler answers only when the test says so, recording who is being worked on.
 * The caller is the part of the path before the dash: /a-1 is caller a's first request.
 */
function gatedApp(options: FairAdmissionOptions) {
  const admission = new FairAdmission(options);
  const working: string[] = [];
  const started: string[] = [];
  const refused: { name: string; refusal: Refusal }[] = [];
  const gates = new Map<string, () => void>();
  const app = express();
  app.use((req, res, next) => {
    const name = req.path.slice(1);
    admission.admit(name.split('-')[0], res, next, (refusal) => {
      refused.push({ name, refusal });
      res.status(503).setHeader('Retry-After', String(refusal.retryAfter)).send(`refused:${refusal.reason}`);
    });
  });
  app.get('/:name', (req, res) => {
    const name = String(req.params.name);
    working.push(name);
    started.push(name);
    gates.set(name, () => {
      working.splice(working.indexOf(name), 1);
      res.send(name);
    });
  });
  return { app, admission, working, started, refused, open: (name: string) => gates.get(name)!() };
}

async function listen(app: express.Express): Promise<{ server: Server; port: number }> {
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, name: string): { done: Promise<string>; abort: () => void } {
  const req = request({ host: '127.0.0.1', port, path: `/${name}`, agent: false });
  const done = new Promise<string>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
  req.end();
  return { done, abort: () => req.destroy() };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};
const settle = () => new Promise((r) => setTimeout(r, 50));
const roomy = { queueMax: 100, timeoutMs: 60_000 };

describe('FairAdmission', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('works on at most `slots` requests at once, one caller on at most its share, in arrival order within a caller', async () => {
    const g = gatedApp({ slots: 2, perCaller: 2, ...roomy });
    const s = await listen(g.app);
    server = s.server;
    const answers = ['a-1', 'a-2', 'a-3', 'a-4'].map((name) => get(s.port, name).done);
    await until(() => g.started.length === 2);
    await settle();
    expect(g.working).toEqual(['a-1', 'a-2']);
    expect(g.admission.load).toEqual({ active: 2, queued: 2 });
    g.open('a-2');
    await until(() => g.working.includes('a-3'));
    g.open('a-1');
    await until(() => g.working.includes('a-4'));
    g.open('a-3');
    g.open('a-4');
    expect(await Promise.all(answers)).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
    expect(g.started).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
  });

  it("lets another caller in ahead of one caller's queued flood, and keeps the flood within its share", async () => {
    const g = gatedApp({ slots: 4, perCaller: 2, ...roomy });
    const s = await listen(g.app);
    server = s.server;
    const flood = Array.from({ length: 10 }, (_, i) => get(s.port, `a-${i}`));
    await until(() => g.started.length === 2);
    await settle();
    // Two slots stay free: the flooder holds its share and no more.
    expect(g.working).toEqual(['a-0', 'a-1']);
    const b = get(s.port, 'b-1');
    await until(() => g.working.includes('b-1'));
    expect(g.admission.load.queued).toBe(8);
    g.open('b-1');
    expect(await b.done).toBe('b-1');
    // The flood then drains two at a time.
    for (let i = 0; i < 10; i++) {
      await until(() => g.working.includes(`a-${i}`));
      g.open(`a-${i}`);
    }
    await Promise.all(flood.map((f) => f.done));
    expect(g.started.filter((n) => n.startsWith('a-'))).toEqual(Array.from({ length: 10 }, (_, i) => `a-${i}`));
  });

  it('gives freed slots to waiting callers in turn', async () => {
    const g = gatedApp({ slots: 1, perCaller: 1, ...roomy });
    const s = await listen(g.app);
    server = s.server;
    const first = get(s.port, 'a-0');
    await until(() => g.working.includes('a-0'));
    const rest = [];
    for (const name of ['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'c-1']) {
      rest.push(get(s.port, name));
      await until(() => g.admission.load.queued === rest.length);
    }
    g.open('a-0');
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await until(() => g.working.length === 1);
      order.push(g.working[0]);
      g.open(g.working[0]);
      await until(() => g.working.length === 1 || g.started.length === 7);
    }
    await Promise.all([first.done, ...rest.map((r) => r.done)]);
    // a's backlog does not keep b and c waiting: one each, in turn.
    expect(order).toEqual(['a-1', 'b-1', 'c-1', 'a-2', 'b-2', 'a-3']);
  });

  it('refuses at once when the queue, or one caller’s part of it, is full', async () => {
    const g = gatedApp({ slots: 1, perCaller: 1, queueMax: 4, timeoutMs: 60_000 });
    const s = await listen(g.app);
    server = s.server;
    const a0 = get(s.port, 'a-0');
    await until(() => g.working.includes('a-0'));
    // A quarter of the queue per caller: one waiting request of a's, the second refused.
    const a1 = get(s.port, 'a-1');
    await until(() => g.admission.load.queued === 1);
    expect(await get(s.port, 'a-2').done).toBe('refused:caller-queue-full');
    const others = ['b-1', 'c-1', 'd-1'].map((name) => get(s.port, name));
    await until(() => g.admission.load.queued === 4);
    expect(await get(s.port, 'e-1').done).toBe('refused:queue-full');
    for (const name of ['a-0', 'a-1', 'b-1', 'c-1', 'd-1']) {
      await until(() => g.working.includes(name));
      g.open(name);
    }
    await Promise.all([a0.done, a1.done, ...others.map((o) => o.done)]);
    expect(g.refused.map((r) => r.name)).toEqual(['a-2', 'e-1']);
  });

  it('refuses a request that waited longer than timeoutMs, with a Retry-After, and serves the next', async () => {
    const g = gatedApp({ slots: 1, perCaller: 1, queueMax: 10, timeoutMs: 100 });
    const s = await listen(g.app);
    server = s.server;
    const a0 = get(s.port, 'a-0');
    await until(() => g.working.includes('a-0'));
    expect(await get(s.port, 'b-1').done).toBe('refused:timeout');
    expect(g.refused[0].refusal).toEqual({ reason: 'timeout', retryAfter: 1 });
    expect(g.admission.load).toEqual({ active: 1, queued: 0 });
    g.open('a-0');
    expect(await a0.done).toBe('a-0');
  });

  it('drops a waiting request whose client went away, and a closed connection gives its slot back', async () => {
    const g = gatedApp({ slots: 1, perCaller: 1, ...roomy });
    const s = await listen(g.app);
    server = s.server;
    const a = get(s.port, 'a-0');
    await until(() => g.working.includes('a-0'));
    const gone = get(s.port, 'b-gone');
    gone.done.catch(() => undefined);
    const c = get(s.port, 'c-1');
    await until(() => g.admission.load.queued === 2);
    gone.abort();
    await until(() => g.admission.load.queued === 1);
    // The client of the request being worked on goes away too: its slot is free again.
    a.abort();
    a.done.catch(() => undefined);
    await until(() => g.started.includes('c-1'));
    expect(g.started).toEqual(['a-0', 'c-1']);
    g.open('c-1');
    expect(await c.done).toBe('c-1');
    expect(g.admission.load).toEqual({ active: 0, queued: 0 });
  });

  it('gives no slot to a request whose client left before it was admitted, and keeps serving that caller', async () => {
    const admission = new FairAdmission({ slots: 1, perCaller: 1, ...roomy });
    const started: string[] = [];
    const app = express();
    // Admission comes only after a delay (as after authentication), by when the first client has gone.
    app.use((req, res, next) => setTimeout(() => admission.admit('a', res, next, () => res.status(503).end()), req.path === '/late' ? 150 : 0));
    app.get('/:name', (req, res) => {
      started.push(String(req.params.name));
      res.send(req.params.name);
    });
    const s = await listen(app);
    server = s.server;
    const late = get(s.port, 'late');
    late.done.catch(() => undefined);
    await settle();
    late.abort();
    await new Promise((r) => setTimeout(r, 200));
    expect(admission.load).toEqual({ active: 0, queued: 0 });
    expect(await get(s.port, 'next').done).toBe('next');
    expect(started).toEqual(['next']);
  });

  it('refuses settings below one', () => {
    expect(() => new FairAdmission({ slots: 0, perCaller: 1, ...roomy })).toThrow(RangeError);
    expect(() => new FairAdmission({ slots: 2, perCaller: 1.5, ...roomy })).toThrow(RangeError);
  });
});
