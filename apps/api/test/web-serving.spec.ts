import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { Recording, subscribe } from './support/live';
import { startTestApp, TestApp } from './support/test-app';

/*
 * How the API serves the web client's files and its own answers: caching of hashed assets and of
 * index.html, precompressed assets chosen by Accept-Encoding, gzip/Brotli for GraphQL answers, and
 * that compression leaves the rate-limit headers and the live WebSocket alone. Raw HTTP (node:http),
 * so the bytes on the wire are seen as sent, not as fetch decodes them.
 */

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent. */
  body: Buffer;
  /** The body decoded according to Content-Encoding. */
  decoded: Buffer;
}

function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, decoded });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

// A client build as Vite writes it: index.html, hashed assets with their .br/.gz twins, a favicon.
const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;
const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Pactwatch</title>
<script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script>
<!-- ${'padding so that the page is over the 1 KB compression threshold '.repeat(30)} -->
</head><body><div id="root"></div></body></html>`;
const STYLE = `.row { color: #123; }\n`.repeat(200);

function writeClientBuild(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  writeFileSync(join(dir, 'assets/index-Ab12Cd34.js'), SCRIPT);
  writeFileSync(join(dir, 'assets/index-Ab12Cd34.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dir, 'assets/index-Ab12Cd34.js.gz'), gzipSync(SCRIPT));
  // A hashed asset without twins (as a file under 1 KB is left by the build).
  writeFileSync(join(dir, 'assets/index-Ef56Gh78.css'), STYLE);
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const QUERY = JSON.stringify({ query: '{ commitments(first: 20) { totalCount edges { node { id title status description } } } }' });

describe('serving the web client and compressed answers', () => {
  let app: TestApp;
  let webDir: string;
  const open: Recording<any>[] = [];

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'pactwatch-web-'));
    writeClientBuild(webDir);
    app = await startTestApp({ WEB_DIR: webDir, RATE_LIMIT_PER_MINUTE: '20' });
  });
  afterAll(async () => {
    await Promise.all(open.map((r) => r.close()));
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  describe('hashed assets', () => {
    it('sends the Brotli twin to a caller that accepts br, cached for a year as immutable', async () => {
      const res = await raw(`${app.url}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(res.body.length).toBeLessThan(SCRIPT.length / 3);
      expect(res.decoded.toString()).toBe(SCRIPT);
    });

    it('sends the gzip twin to a caller that accepts only gzip (a browser over plain http)', async () => {
      const res = await raw(`${app.url}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'gzip, deflate' } });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.decoded.toString()).toBe(SCRIPT);
    });

    it('sends the file as it is to a caller that accepts no encoding', async () => {
      const res = await raw(`${app.url}/assets/index-Ab12Cd34.js`);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.body.toString()).toBe(SCRIPT);
    });

    it('compresses a hashed asset that has no twin as it is sent, with the same caching', async () => {
      const res = await raw(`${app.url}/assets/index-Ef56Gh78.css`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.decoded.toString()).toBe(STYLE);
    });

    it('answers 404 for an asset that does not exist, not index.html', async () => {
      const res = await raw(`${app.url}/assets/index-Zz99Zz99.js`, { headers: { 'accept-encoding': 'br', accept: '*/*' } });
      expect(res.status).toBe(404);
      expect(res.decoded.toString()).not.toContain('<div id="root">');
    });
  });

  describe('index.html and the client routes', () => {
    it.each(['/', '/commitments/00000000-0000-4000-8000-000000000701', '/commitments/not-a-uuid'])(
      'serves index.html at %s with no-cache, gzip-compressed when accepted',
      async (path) => {
        const res = await raw(`${app.url}${path}`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
        expect(res.status).toBe(200);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['content-encoding']).toBe('gzip');
        expect(res.decoded.toString()).toBe(INDEX);
      },
    );

    it('revalidates the favicon (no-cache) instead of caching it for a year', async () => {
      const res = await raw(`${app.url}/favicon.svg`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    });
  });

  describe('GraphQL answers', () => {
    const post = (headers: Record<string, string>, token = app.tokens.analyst) =>
      raw(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: QUERY,
      });

    it('are Brotli-compressed when the caller accepts br, and keep the rate-limit headers', async () => {
      const res = await post({ 'accept-encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['x-ratelimit-limit']).toBe('20');
      expect(res.headers['x-ratelimit-remaining']).toMatch(/^\d+$/);
      expect(res.body.length).toBeLessThan(res.decoded.length);
      const body = JSON.parse(res.decoded.toString());
      expect(body.errors).toBeUndefined();
      expect(body.data.commitments.totalCount).toBeGreaterThan(0);
    });

    it('are sent as plain JSON to a caller that accepts no encoding', async () => {
      const res = await post({});
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(res.body.toString()).data.commitments.totalCount).toBeGreaterThan(0);
    });

    it('a refusal for the rate limit keeps Retry-After and the limit headers under compression', async () => {
      let res: Raw | undefined;
      for (let i = 0; i < 25 && res?.status !== 429; i++) res = await post({ 'accept-encoding': 'gzip, br' }, app.tokens.viewer);
      expect(res!.status).toBe(429);
      expect(res!.headers['retry-after']).toMatch(/^\d+$/);
      expect(res!.headers['x-ratelimit-limit']).toBe('20');
      expect(res!.headers['x-ratelimit-remaining']).toBe('0');
      expect(JSON.parse(res!.decoded.toString()).errors[0].extensions.code).toBe('RATE_LIMITED');
    });
  });

  it('delivers a live subscription over the WebSocket with compression in place', async () => {
    const commitmentId = SEED_IDS.commitments.mxSmuggling;
    const sub = subscribe<{ commitmentChanged: { id: string; status: string } }>(
      app.url,
      { token: app.tokens.owner },
      'subscription($id: ID!) { commitmentChanged(id: $id) { id status version } }',
      { id: commitmentId },
    );
    open.push(sub);
    await sub.ready();
    const read = await app.request<any>({ query: 'query($id: ID!) { commitment(id: $id) { version } }', variables: { id: commitmentId }, token: app.tokens.owner });
    const moved = await app.request<any>({
      query: 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { status } } }',
      variables: { input: { commitmentId, expectedVersion: read.data.commitment.version, status: 'IN_PROGRESS', note: 'Under way' } },
      token: app.tokens.owner,
    });
    expect(moved.errors).toBeUndefined();
    const [event] = await sub.until((v) => v.length >= 1);
    expect(event.commitmentChanged).toMatchObject({ id: commitmentId, status: 'IN_PROGRESS' });
  });
});
