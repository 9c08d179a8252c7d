import { existsSync, readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import compression from 'compression';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** Files whose names carry their content's hash (Vite's build output): they never change, so caches keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon): kept, but revalidated (ETag) on every use, so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

const ASSETS = '/assets/';

// Paths the API answers itself; every other page address belongs to the web client's router.
const API_PATHS = /^\/(graphql|health|metrics|unsubscribe|digests\/|export\/|import\/)/;

/**
 * gzip or Brotli (Brotli when the caller accepts both) for text answers over 1 KB: GraphQL's JSON,
 * index.html, the metrics text. Answers that are already encoded (the precompressed assets below)
 * and event streams, which must reach the reader as they are written, are left alone. WebSocket
 * upgrades (live updates) never pass through Express middleware, so they are untouched.
 */
export function compressAnswers(): RequestHandler {
  return compression({
    threshold: 1024,
    filter: (req, res) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (type.startsWith('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  });
}

/**
 * The web client's built files. Hashed assets are served from their `.br` or `.gz` twin written at
 * build time (apps/web/vite.config.ts), chosen by Accept-Encoding, with a year's immutable caching;
 * other files revalidate. Page addresses of the client's router (/commitments/…) get index.html.
 */
export function webClient(webDir: string): RequestHandler[] {
  const root = resolve(webDir);
  const indexFile = join(root, 'index.html');
  const statics = express.static(root, {
    index: 'index.html',
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', isHashedAsset(root, path) ? IMMUTABLE : REVALIDATE);
    },
  });
  return [precompressedAssets(root), statics, clientRoutes(indexFile)];
}

function isHashedAsset(root: string, path: string): boolean {
  return path.startsWith(join(root, 'assets') + '/');
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** The assets that have precompressed twins, read once at start (the build does not change under a running API). */
function precompressedAssets(root: string): RequestHandler {
  const dir = join(root, 'assets');
  const files = existsSync(dir) ? new Set(readdirSync(dir)) : new Set<string>();
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith(ASSETS)) return next();
    const name = req.path.slice(ASSETS.length);
    const type = TYPES[extname(name)];
    if (!type || name.includes('/') || !files.has(name)) return next();
    const offered = (['br', 'gzip'] as const).filter((encoding) => files.has(`${name}${encoding === 'br' ? '.br' : '.gz'}`));
    // Whatever is sent, caches must keep one copy per Accept-Encoding.
    res.vary('Accept-Encoding');
    // Brotli first whenever it is accepted (it is smaller), whatever order the caller listed them in.
    const encoding = offered.find((e) => req.acceptsEncodings(e) === e);
    if (!encoding) return next();
    res.sendFile(join(dir, `${name}${encoding === 'br' ? '.br' : '.gz'}`), {
      cacheControl: false,
      acceptRanges: false,
      headers: { 'Content-Type': type, 'Content-Encoding': encoding, 'Cache-Control': IMMUTABLE },
    }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  };
}

/**
 * The web client's routes (/commitments/…) load its index.html, so that links into it work. A missing
 * asset (a chunk of an older build) is a 404, never the page in its place.
 */
function clientRoutes(indexFile: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || req.path.startsWith(ASSETS) || !req.accepts('html') || !existsSync(indexFile)) return next();
    res.sendFile(indexFile, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } });
  };
}
