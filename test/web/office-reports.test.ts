/// <reference lib="dom" />
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { User } from '../../src/auth/user.entity';
import { DEMO_USERS, seedDemoDataIfEmpty } from '../../src/demo/seed';
import { accessibilityViolations, launchBrowser, screenshot, signInPage } from '../support/browser';
import { startTestServer, TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * The office screen and the reporting dashboard in a real browser, on the demo data: each figure
 * the screen shows is the API's, each chart is drawn, the filter narrows them, the CSV export is
 * the API's, and the office takes an admission from recorded to letter issued.
 */
const DEADLINE = 20_000;
jest.setTimeout(120_000);

let server: TestServer;
let browser: Browser;
let base: string;
const demo = (role: string) => DEMO_USERS.find((u) => u.role === role)!;
let officerToken: Promise<string>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ auth: { demoSignIn: true } }), launchBrowser()]);
  base = server.url.replace(/\/graphql$/, '');
  expect(await seedDemoDataIfEmpty(server.orm)).toBe(true);
  const officer = await server.orm.em.fork().findOneOrFail(User, { email: demo('OFFICER').email });
  officerToken = server.tokenFor(officer.id);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CHARTS = ['funnel', 'mix-route', 'mix-english', 'mix-grade', 'scores', 'agreement', 'severity'];

/** How many pixels of the chart's canvas are painted: 0 for an empty or missing chart. */
const paintedPixels = (page: Page, chart: string) =>
  page.$eval(`[data-testid="chart-${chart}"] canvas`, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return painted;
  });

/** The funnel table as the screen shows it: registered and decided per program id. */
const funnelOnScreen = (page: Page) =>
  page.$$eval('[data-testid="funnel-table"] tbody tr', (rows) =>
    rows.map((row) => ({
      programId: row.getAttribute('data-program-id'),
      registered: Number(row.querySelector('[data-stage="registered"]')!.textContent),
      decided: Number(row.querySelector('[data-stage="decided"]')!.textContent),
    })),
  );

async function funnelOfApi(filter: Record<string, string>) {
  const response = await server.gql(`query($f: ReportFilter) { funnelReport(filter: $f, groupBy: [PROGRAM]) { programId registered decided } }`, { f: filter }, officerToken);
  expect(response.errors).toBeUndefined();
  return response.data.funnelReport;
}

async function dashboardLoaded(page: Page) {
  await page.waitForSelector('[data-testid="dashboard"][data-loading="false"]');
  for (const chart of CHARTS) await page.waitForFunction((selector) => document.querySelector(selector) !== null, {}, `[data-testid="chart-${chart}"] canvas`);
}

test('the reporting dashboard draws every chart from the demo data, narrows to a program, and exports the CSV', async () => {
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'conclave-downloads-'));
  const page = await signInPage(browser, base, demo('OFFICER').email, 'reports', { deadlineMs: DEADLINE, context: { downloadBehavior: { policy: 'allow', downloadPath: downloads } } });
  await dashboardLoaded(page);
  for (const chart of CHARTS) {
    await until(async () => (await paintedPixels(page, chart)) > 0, `the ${chart} chart to be drawn`, DEADLINE);
  }
  const all = await funnelOfApi({});
  expect(all.length).toBeGreaterThan(1);
  expect(await funnelOnScreen(page)).toEqual(all.map((row: any) => ({ programId: row.programId, registered: row.registered, decided: row.decided })));
  await screenshot(page, 'reporting-dashboard');
  expect(await accessibilityViolations(page)).toEqual([]);

  // One program: the screen shows that program's row only, with the API's figures for it.
  const program = all.find((row: any) => row.decided > 0);
  await page.waitForSelector(`[data-testid="filter-program"] option[value="${program.programId}"]`);
  await page.select('[data-testid="filter-program"]', program.programId);
  await until(async () => (await funnelOnScreen(page)).length === 1, 'the funnel to narrow to one program', DEADLINE);
  await dashboardLoaded(page);
  const narrowed = await funnelOfApi({ programId: program.programId });
  expect(await funnelOnScreen(page)).toEqual(narrowed.map((row: any) => ({ programId: row.programId, registered: row.registered, decided: row.decided })));

  // The export is the API's CSV for the same filter, saved as a file.
  await page.click('[data-testid="csv-export"]');
  await until(() => readdirSync(downloads).includes('scores.csv'), 'scores.csv to be downloaded', DEADLINE);
  const expected = (await server.gql(`query($f: ReportFilter) { scoresCsv(filter: $f) }`, { f: { programId: program.programId } }, officerToken)).data.scoresCsv as string;
  expect(expected.split('\n').filter(Boolean).length).toBeGreaterThan(1);
  expect(readFileSync(path.join(downloads, 'scores.csv'), 'utf8')).toBe(expected);
});

test('a reporter sees the charts but no applicant names and no export', async () => {
  const page = await signInPage(browser, base, demo('REPORTER').email, 'reports', { deadlineMs: DEADLINE });
  await dashboardLoaded(page);
  await until(async () => (await paintedPixels(page, 'funnel')) > 0, 'the funnel chart to be drawn', DEADLINE);
  expect(await page.$('[data-testid="csv-export"]')).toBeNull();
  const names = await page.$$eval('[data-testid="calibration-table"] tbody th', (cells) => cells.map((c) => c.textContent));
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names)).toEqual(new Set(['Not shown to reporters']));
});

const OFFICE_FILE = `query { applicants(filter: { status: DECIDED }, first: 100) { edges { node { id fullName decision {
  outcome publishedAt tuitionPaidAt letterIssuedAt officeSteps outstandingConditions { kind } } } } } }`;

test('the office publishes an admission, records its tuition and issues its letter; the conditions outstanding are listed', async () => {
  const before = (await server.gql(OFFICE_FILE, {}, officerToken)).data.applicants.edges.map((e: any) => e.node);
  const target = before.find((a: any) => a.decision.outcome === 'ADMIT' && !a.decision.publishedAt);
  expect(target).toBeDefined();
  expect(target.decision.officeSteps).toEqual(['PUBLISH']);
  // A waitlisted decision, once published, has no step left: no tuition, no letter.
  expect(before.filter((a: any) => a.decision.outcome === 'WAITLIST' && a.decision.publishedAt).map((a: any) => a.decision.officeSteps)).toEqual([[]]);
  const page = await signInPage(browser, base, demo('OFFICER').email, 'office', { deadlineMs: DEADLINE });
  await page.waitForSelector('[data-testid="office-decisions"]');
  // Each row offers exactly the step the API says is open.
  const offered = await page.$$eval('[data-testid="office-decisions"] tbody tr', (rows) =>
    Object.fromEntries(rows.map((row) => [row.getAttribute('data-applicant-id'), row.querySelector('button')?.getAttribute('data-testid') ?? null])),
  );
  const TEST_IDS: Record<string, string> = { PUBLISH: 'office-publish', RECORD_TUITION: 'office-tuition', ISSUE_LETTER: 'office-letter' };
  for (const a of before) expect(offered[a.id]).toBe(a.decision.officeSteps.length ? TEST_IDS[a.decision.officeSteps[0]] : null);

  // Every decided applicant, each with the conditions the API says are outstanding.
  const shown = await page.$$eval('[data-testid="office-decisions"] tbody tr', (rows) =>
    rows.map((row) => ({ id: row.getAttribute('data-applicant-id'), outstanding: Array.from(row.querySelectorAll('[data-testid="outstanding"] li')).map((li) => li.getAttribute('data-kind')) })),
  );
  expect(new Set(shown.map((r) => r.id))).toEqual(new Set(before.map((a: any) => a.id)));
  for (const applicant of before) {
    expect(shown.find((r) => r.id === applicant.id)!.outstanding).toEqual(applicant.decision.outstandingConditions.map((c: any) => c.kind));
  }
  expect(before.some((a: any) => a.decision.outstandingConditions.length > 0)).toBe(true);

  const row = `tr[data-applicant-id="${target.id}"]`;
  for (const [button, state] of [
    ['office-publish', 'data-published'],
    ['office-tuition', 'data-tuition'],
    ['office-letter', 'data-letter'],
  ]) {
    await page.click(`${row} [data-testid="${button}"]`);
    await page.waitForSelector(`${row}[${state}="true"]`);
  }
  await screenshot(page, 'office');
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await page.$(`${row} button`)).toBeNull();
  const after = (await server.gql(OFFICE_FILE, {}, officerToken)).data.applicants.edges.map((e: any) => e.node).find((a: any) => a.id === target.id);
  expect(after.decision.publishedAt).not.toBeNull();
  expect(after.decision.tuitionPaidAt).not.toBeNull();
  expect(after.decision.letterIssuedAt).not.toBeNull();
  expect(after.decision.officeSteps).toEqual([]);
});

test('a step a colleague already took is refused on the stale screen, which says why and shows where it stands', async () => {
  const decided = (await server.gql(OFFICE_FILE, {}, officerToken)).data.applicants.edges.map((e: any) => e.node);
  const target = decided.find((a: any) => a.decision.outcome === 'ADMIT_AS_TRANSFER' && a.decision.publishedAt && !a.decision.tuitionPaidAt);
  expect(target).toBeDefined();
  const page = await signInPage(browser, base, demo('OFFICER').email, 'office', { deadlineMs: DEADLINE });
  const row = `tr[data-applicant-id="${target.id}"]`;
  await page.waitForSelector(`${row} [data-testid="office-tuition"]`);
  // A colleague records the tuition while this screen still offers it.
  expect((await server.gql(`mutation($a: ID!) { recordTuitionPaid(applicantId: $a) { id } }`, { a: target.id }, officerToken)).errors).toBeUndefined();
  await page.click(`${row} [data-testid="office-tuition"]`);
  const alert = await page.waitForSelector('[role="alert"]');
  expect(await alert!.evaluate((e) => e.textContent)).toBe('Refused: This was already recorded.');
  await page.waitForSelector(`${row}[data-tuition="true"] [data-testid="office-letter"]`);
});

test("a member's first screen after signing in lists the sessions of their committees, each to join", async () => {
  const member = DEMO_USERS.find((u) => u.email.startsWith('member1@'))!;
  const user = await server.orm.em.fork().findOneOrFail(User, { email: member.email });
  const api = await server.gql(`{ reviewSessions(first: 50) { nodes { id title } } }`, {}, server.tokenFor(user.id));
  expect(api.data.reviewSessions.nodes.length).toBeGreaterThan(0);
  const page = await signInPage(browser, base, member.email, '', { deadlineMs: DEADLINE });
  await page.waitForSelector('[data-testid="sessions"] li');
  const links = await page.$$eval('[data-testid="sessions"] li a', (anchors) => anchors.map((a) => a.getAttribute('href')));
  expect(links.sort()).toEqual(api.data.reviewSessions.nodes.map((s: any) => `#/meeting/${s.id}`).sort());
  expect(await page.$('.error')).toBeNull();
  expect(await accessibilityViolations(page)).toEqual([]);
});
