import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'puppeteer-core';
import { repoRoot } from '../../src/db/postgres-server';

/**
 * A headless Chromium from npm (@sparticuz/chromium ships the binary inside the package), driven by
 * puppeteer-core. Both are ES modules, which jest's module loader cannot load: Node's own require
 * (which loads ES modules since 20.19) does, and the browser's path is asked of a child Node.
 */
// process.getBuiltinModule reaches Node's module loader past jest's own (which would parse them itself).
const nodeRequire = (process as unknown as { getBuiltinModule(id: 'node:module'): typeof import('node:module') }).getBuiltinModule('node:module').createRequire(__filename);

let chromium: { executablePath: string; args: string[] } | undefined;
function chromiumBinary() {
  chromium ??= JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; console.log(JSON.stringify({ executablePath: await c.executablePath(), args: c.args }))"], {
      cwd: repoRoot(),
      encoding: 'utf8',
    }),
  ) as { executablePath: string; args: string[] };
  return chromium;
}

// One process per browser context (several contexts share one browser); no insecure shortcuts.
const DROPPED_ARGS = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = chromiumBinary();
  const puppeteer = nodeRequire('puppeteer-core') as typeof import('puppeteer-core');
  return puppeteer.launch({ executablePath, headless: true, args: args.filter((a) => !DROPPED_ARGS.has(a)), defaultViewport: { width: 1280, height: 900 } });
}

export const ARTIFACTS = path.join(repoRoot(), 'test-artifacts', 'web');

/** A PNG of the page under test-artifacts/web/ (ignored by git), kept for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`) as `${string}.png`;
  // The whole page, as one viewport that tall: a full-page capture resizes the page under the
  // charts (Chart.js redraws on resize) and caught them blank. Two frames let them redraw first.
  const viewport = page.viewport()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewport({ ...viewport, height: Math.max(viewport.height, height) });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: file });
  await page.setViewport(viewport);
  return file;
}

/**
 * A new browser context (its own cookies) at `base/#/route`, signed in as `email` through the
 * demo list; resolves once the client shows who is signed in. `beforeLoad` runs in the page before
 * the client does (a test's handle on browser objects, such as its sockets).
 */
export async function signInPage(
  browser: Browser,
  base: string,
  email: string,
  route: string,
  options: { deadlineMs: number; context?: BrowserContextOptions; beforeLoad?: () => void },
): Promise<Page> {
  const context = await browser.createBrowserContext(options.context);
  const page = await context.newPage();
  page.setDefaultTimeout(options.deadlineMs);
  if (options.beforeLoad) await page.evaluateOnNewDocument(options.beforeLoad);
  await page.goto(`${base}/#/${route}`);
  await (await page.waitForSelector(`button[data-email="${email}"]`))!.click();
  await page.waitForSelector('[data-testid="viewer"]');
  return page;
}

/**
 * What axe-core (the engine behind Lighthouse's accessibility audit) finds against WCAG 2.x A and
 * AA on the page as it stands — contrast, labels, names, roles — one line per rule and element.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const axe = nodeRequire('axe-core') as { source: string };
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
  return violations;
}
