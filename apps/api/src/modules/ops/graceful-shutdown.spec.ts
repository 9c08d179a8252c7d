import express from 'express';
import { Server } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import { InFlightRequests } from './graceful-shutdown';

/** A raw connection, so that a request can be half sent before draining starts and finished after. */
function open(port: number): Promise<{ socket: Socket; answer: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      let text = '';
      socket.on('data', (d) => (text += d));
      const answer = new Promise<string>((done) => socket.on('close', () => done(text)));
      resolve({ socket, answer });
    });
    socket.on('error', reject);
  });
}

describe('InFlightRequests: draining at shutdown', () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  it('answers a request that arrives on an open connection while draining with 503 UNAVAILABLE, Retry-After and Connection: close, and lets the one under way finish', async () => {
    const inFlight = new InFlightRequests();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const app = express();
    app.use(inFlight.middleware);
    app.get('/slow', (_req, res) => void held.then(() => res.json({ done: true })));
    app.get('/fast', (_req, res) => res.json({ done: true }));
    const listening = app.listen(0, '127.0.0.1');
    server = listening;
    await new Promise((resolve) => listening.once('listening', resolve));
    const { port } = listening.address() as AddressInfo;

    // One request under way; another connection has sent half of its request (so it is not idle).
    const slow = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
    while (inFlight.size === 0) await new Promise((r) => setTimeout(r, 10));
    const late = await open(port);
    late.socket.write('GET /fast HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Given time to arrive: a connection with nothing received would be closed as idle by server.close().
    await new Promise((r) => setTimeout(r, 200));

    const drained = inFlight.drain(listening, 10_000);
    late.socket.write('\r\n');
    const raw = await late.answer;
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head).toMatch(/\r\nRetry-After: 1\r\n/i);
    expect(head).toMatch(/\r\nConnection: close\r\n/i);
    expect(JSON.parse(body)).toEqual({ errors: [{ message: 'The server is shutting down; try again', extensions: { code: 'UNAVAILABLE', retryAfter: 1 } }] });

    release();
    expect(await slow).toEqual({ done: true });
    await expect(drained).resolves.toEqual({ unfinished: 0 });
  });
});
