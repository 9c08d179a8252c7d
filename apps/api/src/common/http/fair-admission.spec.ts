import { once } from 'node:events';
import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { admission } from './admission';

/** An app whose handler answers only when the test says so, recording who is being worked on. */
function gatedApp(limit: number) {
  const working: string[] = [];
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const app = express();
  app.use(admission(limit));
  app.get('/:name', (req, res) => {
    const name = String(req.params.name);
    working.push(name);
    started.push(name);
    gates.set(name, () => {
      working.splice(working.indexOf(name), 1);
      res.send(name);
    });
  });
  return { app, working, started, open: (name: string) => gates.get(name)!() };
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
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('admission', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('works on at most `limit` requests at once and lets the others in by order of arrival', async () => {
    const g = gatedApp(2);
    const s = await listen(g.app);
    server = s.server;
    const answers: Promise<string>[] = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      answers.push(get(s.port, name).done);
      await until(() => g.started.length >= Math.min(2, answers.length));
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(g.working).toEqual(['a', 'b']);
    g.open('b');
    await until(() => g.working.includes('c'));
    expect(g.working).toEqual(['a', 'c']);
    g.open('a');
    await until(() => g.working.includes('d'));
    g.open('c');
    g.open('d');
    expect(await Promise.all(answers)).toEqual(['a', 'b', 'c', 'd']);
    expect(g.started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops a waiting request whose client went away, and a closed connection gives its slot back', async () => {
    const g = gatedApp(1);
    const s = await listen(g.app);
    server = s.server;
    const a = get(s.port, 'a');
    await until(() => g.working.includes('a'));
    const gone = get(s.port, 'gone');
    gone.done.catch(() => undefined);
    const c = get(s.port, 'c');
    await new Promise((r) => setTimeout(r, 50));
    gone.abort();
    await new Promise((r) => setTimeout(r, 50));
    // The client of the request being worked on goes away too: its slot is free again.
    a.abort();
    a.done.catch(() => undefined);
    await until(() => g.started.includes('c'));
    expect(g.started).toEqual(['a', 'c']);
    g.open('c');
    expect(await c.done).toBe('c');
  });

  it('refuses a limit below one', () => {
    expect(() => admission(0)).toThrow(RangeError);
    expect(() => admission(1.5)).toThrow(RangeError);
  });
});
