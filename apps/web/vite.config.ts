import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The API the dev server forwards /graphql to; the default is where `npm start` runs it.
const apiOrigin = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
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
