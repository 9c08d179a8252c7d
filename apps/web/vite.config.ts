import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The API the dev server forwards /graphql to; the default is where `npm start` runs it.
const apiOrigin = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@pactwatch/domain': here('../../libs/domain/src/index.ts') },
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 4200,
    // One origin in dev as in production, so the session cookie and CSRF rules behave the same.
    // ws: the live updates' WebSocket goes the same way (the session cookie rides on the upgrade).
    proxy: { '/graphql': { target: apiOrigin, changeOrigin: false, ws: true }, '/export': { target: apiOrigin, changeOrigin: false }, '/import': { target: apiOrigin, changeOrigin: false } },
  },
  preview: { port: 4300 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // Typing through user-event takes seconds on a busy machine; the default 5 s made runs flaky.
    testTimeout: 30_000,
  },
});

/**
 * Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) twin of every text file of the build
 * over 1 KB, once, so that the API sends them compressed at the best ratio without compressing on
 * each request (apps/api/src/common/http/web-client.ts). Source maps are left as they are.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'pactwatch-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = join(outDir, name);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
        }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}
