/// <reference lib="dom" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';
import { DEMO_USERS } from '../src/demo/seed';
import { launchBrowser } from '../test/support/browser';
import { argNumber, fixed, hasFlag, machineLine, median, percentile, root, scratchDatabase, startConclave } from './support/bench-kit';

/**
 * `npm run bench:web`: how soon the web client's screens are up and usable, in the headless
 * Chromium the browser tests use, against the built server (`dist/src/main.js`, demo data, the
 * built client in web/dist). Each round is a new browser context (no cache, no cookies) and goes
 * the way a member's first visit goes:
 *   1. first screen: navigation → the demo users' buttons rendered (React mounted: they respond);
 *   2. sign in: click → the session list, from the API;
 *   3. join: click a session → its title and the live socket connected;
 *   4. return: reload that page (assets cached, refresh cookie) → title and socket again.
 * The target is the first screen (and the return) under 1 s. Writes bench/RESULTS-web.md.
 */

const STEPS = ['firstScreen', 'signIn', 'join', 'returning'] as const;
type Step = (typeof STEPS)[number];
type Round = Record<Step, number> & { firstContentfulPaint: number };
const DEADLINE = 30_000;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const live = (page: Page) => page.waitForSelector('[data-testid="session-title"]').then(() => page.waitForSelector('[data-testid="live-status"][data-status="connected"]'));

async function round(browser: Browser, base: string, email: string): Promise<Round> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(DEADLINE);
    const firstScreen = await timed(async () => {
      await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector(`button[data-email="${email}"]`);
    });
    const firstContentfulPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    const signIn = await timed(async () => {
      await page.click(`button[data-email="${email}"]`);
      await page.waitForSelector('[data-testid="sessions"] a[href^="#/meeting/"]');
    });
    const join = await timed(async () => {
      await page.click('[data-testid="sessions"] a[href^="#/meeting/"]');
      await live(page);
    });
    const returning = await timed(async () => {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await live(page);
    });
    return { firstScreen, signIn, join, returning, firstContentfulPaint };
  } finally {
    await context.close();
  }
}

/** The initial JavaScript (what index.html loads), gzipped: the bundle-size target. */
function initialJavaScriptGzipped(): { bytes: number; files: string[] } {
  const dist = path.join(root, 'web', 'dist');
  const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...index.matchAll(/src="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return { bytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length, 0), files };
}

export interface WebResult {
  rounds: Round[];
  initialJs: { bytes: number; files: string[] };
  lazyChunks: number;
}

export async function runWebFirstScreen(rounds: number): Promise<WebResult> {
  if (!existsSync(path.join(root, 'web', 'dist', 'index.html'))) throw new Error('web/dist is not built: run `npm run web:build` first.');
  const database = await scratchDatabase('conclave_bench_web');
  const [server, browser] = await Promise.all([startConclave(database.url, { SEED_DEMO_DATA: 'true', DEMO_SIGN_IN: 'true' }), launchBrowser()]);
  try {
    const base = server.url.replace(/\/graphql$/, '');
    const email = DEMO_USERS.find((u) => u.email.startsWith('member1@'))!.email; // a member (not a chair): the meeting view
    await round(browser, base, email); // warm-up: the server's first requests, Chromium's first context
    const results: Round[] = [];
    for (let i = 0; i < rounds; i++) results.push(await round(browser, base, email));
    const lazyChunks = readdirSync(path.join(root, 'web', 'dist', 'assets')).filter((f) => f.endsWith('.js')).length - initialJavaScriptGzipped().files.length;
    return { rounds: results, initialJs: initialJavaScriptGzipped(), lazyChunks };
  } finally {
    await browser.close();
    await server.stop();
    await database.drop();
  }
}

const LABELS: Record<Step | 'firstContentfulPaint', string> = {
  firstScreen: 'first screen: navigation → sign-in buttons rendered (cold cache)',
  firstContentfulPaint: 'first contentful paint (cold cache)',
  signIn: 'sign in: click → session list',
  join: 'join: click → meeting title and live socket connected',
  returning: 'return: reload → meeting title and live socket (cached assets, refresh cookie)',
};

export function webSection(result: WebResult): string {
  const row = (key: keyof typeof LABELS) => {
    const sorted = result.rounds.map((r) => r[key]).sort((a, b) => a - b);
    return `| ${LABELS[key]} | ${fixed(median(sorted), 0)} | ${fixed(percentile(sorted, 95), 0)} | ${fixed(sorted[sorted.length - 1], 0)} |`;
  };
  return [
    '## Web client: first screen',
    '',
    `Headless Chromium (@sparticuz/chromium) on the same machine as the server and PostgreSQL, ${result.rounds.length} rounds, each a new browser context; ` +
      `target: first screen under 1 s. Initial JavaScript: ${result.initialJs.files.join(', ')}, **${result.initialJs.bytes.toLocaleString('en')} bytes gzipped** (target under 200 KB); ` +
      `${result.lazyChunks} more chunks load only with the office and reports screens.`,
    '',
    '| step | median ms | p95 ms | max ms |',
    '|---|---:|---:|---:|',
    row('firstScreen'),
    row('firstContentfulPaint'),
    row('signIn'),
    row('join'),
    row('returning'),
    '',
  ].join('\n');
}

async function main() {
  const rounds = argNumber('rounds', 20);
  const result = await runWebFirstScreen(rounds);
  for (const key of [...STEPS, 'firstContentfulPaint'] as const) {
    console.log(`${key}: median ${median(result.rounds.map((r) => r[key])).toFixed(0)} ms over ${result.rounds.length} rounds`);
  }
  console.log(`initial JavaScript: ${result.initialJs.bytes} bytes gzipped in ${result.initialJs.files.length} file(s)`);
  if (!hasFlag('no-write')) writeFileSync(path.join(root, 'bench', 'RESULTS-web.md'), `# Web client\n\n${machineLine()}\n\n${webSection(result)}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
