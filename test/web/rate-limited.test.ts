/// <reference lib="dom" />
import type { Knex } from '@mikro-orm/postgresql';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, signInPage } from '../support/browser';
import { buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * The web client under the product's at-once limit (RATE_LIMIT_QUERY_COST_AT_ONCE), here at its
 * tightest: one operation of a user at a time. While the officer's own costly read is held
 * running (the test locks the applicant table of its own database), the office screen's reads
 * are refused 429 — and the client sends them again after the second the server asked for, so
 * the screen fills in once the read is done instead of showing an error.
 */
const DEADLINE = 30_000;
jest.setTimeout(120_000);

let server: TestServer;
let browser: Browser;
let world: World;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ auth: { demoSignIn: true }, abuse: { queryCostAtOnce: 1 } }), launchBrowser()]);
  world = await buildWorld(server.orm);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const waitingOnTheLock = async () =>
  Number((await server.orm.em.getKnex().raw(`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].n);

test('a read refused because the same user has another running is sent again, and the screen fills in', async () => {
  const base = server.url.replace(/\/graphql$/, '');
  const page = await signInPage(browser, base, world.officer.email, '', { deadlineMs: DEADLINE });
  await page.waitForSelector('[data-testid="sessions"]');
  const refusals: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/graphql') && response.status() === 429) refusals.push(Date.now());
  });

  const lock: Knex.Transaction = await server.orm.em.getKnex().transaction();
  let held: Promise<unknown>;
  try {
    await lock.raw('lock table applicant in access exclusive mode');
    held = server.gql(`{ applicants(first: 50) { nodes { id fullName } } }`, {}, server.tokenFor(world.officer.id));
    await until(async () => (await waitingOnTheLock()) === 1, 'the officer’s read running (waiting on the lock)', DEADLINE);
    await page.evaluate(() => (location.hash = '#/office'));
    await until(() => refusals.length > 0, 'the office screen’s read refused (429)', DEADLINE);
  } finally {
    await lock.commit();
  }
  await held!;
  await page.waitForSelector('[data-testid="office-decisions"], [data-testid="no-decisions"]');
  expect(await page.$('.error')).toBeNull();
  expect(await page.$eval('#decisions-title', (e) => e.textContent)).toBe('Decided applicants');
  expect(refusals.length).toBeGreaterThan(0);
});
