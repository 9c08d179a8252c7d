// `npm run bench:web`: the web client's speed, reported, never asserted on time.
//  1. initial JavaScript of the built client, gzip (budget: under 250 KB; routes are split);
//  2. time from navigation to a usable commitment list of 10,000 rows in headless Chromium, and
//     how smoothly that list scrolls.
// Builds nothing: run `npx nx run api:build && npm run build:web` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { launchBrowser, signIn, DEMO } from '../e2e/support/browser.ts';
import { ROOT, startApi } from '../e2e/support/start-api.ts';

const WEB = join(ROOT, 'dist/apps/web');
const BUDGET_KB = 250;
const ROWS = 10_000;
// Fixed ids of the seed (apps/api/src/database/seeds/us-mexico-migration-talks.seed-data.ts).
const WORKSPACE = '00000000-0000-4000-8000-000000000001';
const AGREEMENT = '00000000-0000-4000-8000-000000000601';

function initialJavaScript(): { files: { file: string; kb: number }[]; totalKb: number } {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  const files = urls.map((url) => ({ file: url, kb: gzipSync(readFileSync(join(WEB, url)), { level: 9 }).length / 1024 }));
  return { files, totalKb: files.reduce((sum, f) => sum + f.kb, 0) };
}

async function addCommitments(databaseUrl: string, count: number): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO commitments (id, workspace_id, agreement_id, title, description, status, due_on, priority, created_at, updated_at)
       SELECT gen_random_uuid(), $1, $2,
              'Bench commitment ' || n || ': ' || (ARRAY['border patrols','repatriation flights','anti-smuggling task force','asylum processing','joint statement'])[1 + n % 5],
              'Generated for the web benchmark.',
              (ARRAY['ANNOUNCED','IN_PROGRESS','STALLED','PARTIALLY_FULFILLED','FULFILLED','BROKEN'])[1 + n % 6],
              DATE '2024-01-01' + (n % 900),
              (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + n % 4],
              now() + n * interval '1 millisecond', now()
       FROM generate_series(1, $3::int) AS n`,
      [WORKSPACE, AGREEMENT, count],
    );
    await db.query(
      `INSERT INTO commitment_parties (commitment_id, party_id, workspace_id)
       SELECT c.id, p.id, c.workspace_id FROM commitments c
       JOIN parties p ON p.workspace_id = c.workspace_id AND p.code = CASE WHEN hashtext(c.id::text) % 2 = 0 THEN 'MX' ELSE 'US' END
       WHERE c.workspace_id = $1 AND c.title LIKE 'Bench commitment %'`,
      [WORKSPACE],
    );
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const js = initialJavaScript();
  console.log('Initial JavaScript (gzip -9):');
  for (const f of js.files) console.log(`  ${f.kb.toFixed(1).padStart(7)} KB  ${f.file}`);
  const withinBudget = js.totalKb < BUDGET_KB;
  console.log(`  ${js.totalKb.toFixed(1).padStart(7)} KB  total (budget ${BUDGET_KB} KB: ${withinBudget ? 'within' : 'OVER'})`);

  const api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000' });
  const browser = await launchBrowser();
  try {
    await addCommitments(api.databaseUrl, ROWS);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, api.url, DEMO.analyst);

    // Navigation to a usable list: the count is shown and the first rows can be opened.
    const started = Date.now();
    const response = await page.goto(`${api.url}/commitments`);
    let how = 'direct load of /commitments';
    if (response?.status() === 404) {
      // No SPA fallback on the server yet: load the app and follow the link, as a reader would.
      await page.goto(`${api.url}/`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
      how = 'load of / and a click on Commitments (the server has no SPA fallback yet)';
    }
    await page.getByTestId('result-count').filter({ hasText: /10,00\d commitments/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('row').nth(1).getByRole('link').waitFor();
    const usableMs = Date.now() - started;
    console.log(`\nUsable list of ${(await page.getByTestId('result-count').textContent())?.trim()}: ${usableMs} ms (${how})`);

    // Scrolling: frame times while sweeping through the loaded rows and beyond, then to the end.
    const sweep = await page.evaluate(async () => {
      const scroller = document.querySelector<HTMLElement>('[role="region"][tabindex="0"]');
      if (!scroller) throw new Error('no scroller');
      const frames: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 300; i++) {
        scroller.scrollTop += 120;
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      frames.sort((a, b) => a - b);
      return { p50: frames[Math.floor(frames.length * 0.5)], p95: frames[Math.floor(frames.length * 0.95)], max: frames[frames.length - 1], rows: document.querySelectorAll('[role="row"]').length };
    });
    console.log(`Scroll sweep (300 frames, 120 px each): p50 ${sweep.p50.toFixed(1)} ms, p95 ${sweep.p95.toFixed(1)} ms, max ${sweep.max.toFixed(1)} ms per frame; ${sweep.rows} rows in the DOM`);

    const endStarted = Date.now();
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('[role="region"][tabindex="0"]');
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
    await page.locator(`[role="row"][aria-rowindex="${ROWS + 1}"] a`).first().waitFor({ timeout: 120_000 }).catch(() => undefined);
    await page.waitForFunction(() => !document.querySelector('[role="row"] [aria-label="Loading…"]'), null, { timeout: 120_000 });
    console.log(`Jump to the end (every page of 100 fetched in turn): ${Date.now() - endStarted} ms`);
  } finally {
    await browser.close();
    await api.stop();
  }
  if (!withinBudget) process.exitCode = 1;
}

await main();
