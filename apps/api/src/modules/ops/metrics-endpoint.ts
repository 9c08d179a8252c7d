import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { MetricsService } from './metrics.service';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return !!match && timingSafeEqual(digest(match[1]), digest(token));
}

async function answer(metrics: MetricsService, res: ServerResponse): Promise<void> {
  try {
    const { contentType, body } = await metrics.scrape();
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body);
  } catch {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics could not be collected\n');
  }
}

/**
 * /metrics on the API's own port: only with METRICS_TOKEN set and sent as a bearer token (401
 * otherwise); without METRICS_TOKEN it does not exist (404). Never public by default.
 */
export function metricsOnMainPort(metrics: MetricsService, token: string | undefined) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!token) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found\n');
      return;
    }
    if (!bearerMatches(req, token)) {
      res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer realm="metrics"' }).end('Unauthorized\n');
      return;
    }
    void answer(metrics, res);
  };
}

/**
 * A server of its own for METRICS_PORT (on HOST), for a scraper on a private network: GET /metrics
 * only (METRICS_TOKEN, when set, is asked here too).
 */
export async function startMetricsServer(metrics: MetricsService, host: string, port: number, token: string | undefined): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found\n');
      return;
    }
    if (token && !bearerMatches(req, token)) {
      res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer realm="metrics"' }).end('Unauthorized\n');
      return;
    }
    void answer(metrics, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
