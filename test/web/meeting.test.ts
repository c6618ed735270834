/// <reference lib="dom" />
import type { Browser, Page } from 'puppeteer-core';
import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem } from '../../src/reviews/agenda-item.entity';
import { ReviewSession } from '../../src/reviews/review-session.entity';
import { accessibilityViolations, launchBrowser, screenshot, signInPage } from '../support/browser';
import { buildCompleteApplicant, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The web client in a real browser, against a real server serving the built client (npm test
 * builds it): a blind meeting with a chair and members in separate browser contexts (separate
 * cookies, separate sockets), a conflicted member, and a socket cut while others vote.
 */
const DEADLINE = 20_000;
jest.setTimeout(120_000);

let server: TestServer;
let world: World;
let browser: Browser;
let base: string;
let sessionId: string;
let applicants: { id: string; name: string }[];
let criteria: RubricCriterion[];
const pages: Record<'chair' | 'a' | 'b' | 'conflicted', Page> = {} as never;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ auth: { demoSignIn: true } }), launchBrowser()]);
  base = server.url.replace(/\/graphql$/, '');
  world = await buildWorld(server.orm);
  const em = world.em;
  criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const session = em.create(ReviewSession, {
    committee: world.committee,
    week: world.weeks[1],
    title: 'Browser meeting',
    startsAt: new Date('2021-06-25T09:00:00Z'),
    endsAt: new Date('2021-06-25T17:00:00Z'),
  });
  const people = [0, 1].map(() => buildCompleteApplicant(em, { program: world.program, intake: world.intake }));
  people.forEach((applicant, position) => em.create(AgendaItem, { session, applicant, position }));
  // Member 3 is conflicted with the first applicant.
  em.create(ConflictOfInterest, { user: world.members[2], applicant: people[0], source: ConflictSource.DECLARED, reason: 'Former student' });
  await em.flush();
  sessionId = world.gid('ReviewSession', session.id);
  applicants = people.map((p) => ({ id: world.gid('Applicant', p.id), name: `${p.firstName} ${p.lastName}` }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Signed in through the demo list at `#/route`, once the page's live socket is up. */
async function signIn(email: string, route: string): Promise<Page> {
  const page = await signInPage(browser, base, email, route, {
    deadlineMs: DEADLINE,
    // The test's handle on the page's sockets, to cut them (the client itself is unchanged).
    beforeLoad: () => {
      const sockets: WebSocket[] = ((window as unknown as { testSockets: WebSocket[] }).testSockets = []);
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          sockets.push(this);
        }
      };
    },
  });
  await page.waitForSelector('[data-testid="live-status"][data-status="connected"]');
  return page;
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
const eventIds = (page: Page) =>
  page.$$eval('[data-testid="events"] li', (items) => items.map((li) => ({ id: li.getAttribute('data-event-id')!, type: li.getAttribute('data-type')!, applicant: li.getAttribute('data-applicant-id') })));

async function vote(page: Page, score: number) {
  for (const c of criteria) await page.click(`input[data-criterion="${c.key}"][value="${score}"]`);
  await page.click('[data-testid="cast-vote"]');
  await page.waitForSelector('[data-testid="vote-message"]');
}

test('a blind meeting end to end: the chair and two members, each screen live', async () => {
  pages.chair = await signIn(world.chair.email, `console/${sessionId}`);
  await pages.chair.waitForSelector('[data-testid="open-session"]');
  pages.a = await signIn(world.members[0].email, `meeting/${sessionId}`);
  pages.b = await signIn(world.members[1].email, `meeting/${sessionId}`);
  // The chair sees both members arrive (presence), so their subscriptions are running.
  await pages.chair.waitForFunction(() => (document.querySelector('[data-testid="presence"]')?.textContent ?? '').match(/Member 1.*Member 2|Member 2.*Member 1/s));

  await pages.chair.click('[data-testid="open-session"]');
  await pages.chair.waitForSelector(`tr[data-applicant-id="${applicants[0].id}"] button:not([disabled])`);
  await pages.chair.click(`tr[data-applicant-id="${applicants[0].id}"] button`);
  // Both members are taken to the applicant, live.
  for (const page of [pages.a, pages.b]) await page.waitForSelector(`[data-testid="current-applicant"][data-applicant-id="${applicants[0].id}"]`);
  expect(await text(pages.a, '[data-testid="applicant-name"]')).toBe(applicants[0].name);

  // Before voting, the file says what an admission would carry: the API's, as the member may read it.
  const file = await server.gql(`query($id: ID!) { applicant(id: $id) { eligibility { admissionOffers { outcome requiredConditions { anyOf } } } } }`, { id: applicants[0].id }, server.tokenFor(world.members[0].id));
  const offers = file.data.applicant.eligibility.admissionOffers as { outcome: string; requiredConditions: { anyOf: string[] }[] }[];
  expect(offers.length).toBeGreaterThan(0);
  await pages.a.waitForSelector('[data-testid="admission-offers"]');
  expect(await pages.a.$$eval('[data-testid="admission-offers"] li', (items) => items.map((li) => li.getAttribute('data-outcome')))).toEqual(offers.map((o) => o.outcome));
  expect(await text(pages.a, '[data-testid="admission-offers"]')).toContain('Recognition of prior education');

  // A votes; B sees that a vote was cast, and no score.
  await vote(pages.a, 4);
  await pages.b.waitForSelector('[data-testid="events"] li[data-type="VOTE_CAST"]');
  expect(await text(pages.b, '[data-testid="events"] li[data-type="VOTE_CAST"]')).toContain('Member 1');
  expect(await pages.b.$eval('[data-testid="tally"]', (e) => e.getAttribute('data-hidden'))).toBe('true');
  expect(await pages.b.$('[data-testid="tally-mean"]')).toBeNull();
  expect(await pages.b.$('[data-testid="tally"] canvas')).toBeNull();
  await screenshot(pages.b, 'blind-member-before-voting');

  // B votes: both see the tally (two votes, mean 3) as a chart.
  await vote(pages.b, 2);
  for (const page of [pages.a, pages.b]) {
    await page.waitForFunction(() => document.querySelector('[data-testid="tally-count"]')?.textContent?.includes('2'));
    expect(await text(page, '[data-testid="tally-mean"]')).toContain('3.00');
    expect(await page.$('[data-testid="tally"] canvas')).not.toBeNull();
  }
  await screenshot(pages.a, 'meeting-view');
  expect(await accessibilityViolations(pages.a)).toEqual([]);

  // The chair closes voting, sees the conditions an admission must carry, and records it.
  await pages.chair.click('[data-testid="close-voting"]');
  await pages.chair.waitForSelector('[data-testid="required-conditions"] li[data-conditions~="RECOGNITION_OF_PRIOR_EDUCATION"]');
  await screenshot(pages.chair, 'chair-console');
  expect(await accessibilityViolations(pages.chair)).toEqual([]);
  await pages.chair.click('[data-testid="record-decision"]');
  await pages.chair.waitForSelector('[data-testid="decision"]');
  await pages.chair.waitForFunction((id) => document.querySelector(`tr[data-applicant-id="${id}"] [data-testid="agenda-decision"]`)?.textContent === 'Admit', {}, applicants[0].id);
  // Every screen updates.
  for (const page of [pages.a, pages.b]) {
    await page.waitForSelector('[data-testid="decision"]');
    expect(await text(page, '[data-testid="decision"]')).toContain('Recognition of prior education');
    expect(await text(page, '[data-testid="voting-status"]')).toBe('Voting closed');
  }
  await screenshot(pages.chair, 'chair-console-decided');
});

test("a conflicted member's screen shows nothing of that applicant", async () => {
  pages.conflicted = await signIn(world.members[2].email, `meeting/${sessionId}`);
  await pages.conflicted.waitForSelector('[data-testid="conflict"]');
  const body = await pages.conflicted.$eval('body', (e) => e.innerText);
  expect(body).not.toContain(applicants[0].name);
  for (const part of ['dossier', 'tally', 'current-applicant', 'decision']) expect(await pages.conflicted.$(`[data-testid="${part}"]`)).toBeNull();
  await screenshot(pages.conflicted, 'conflicted-member');

  // The chair moves on: the next applicant is theirs to review, and nothing of the first one ever reached them.
  await pages.chair.click(`tr[data-applicant-id="${applicants[1].id}"] button`);
  await pages.conflicted.waitForSelector(`[data-testid="current-applicant"][data-applicant-id="${applicants[1].id}"]`);
  expect((await eventIds(pages.conflicted)).filter((e) => e.applicant === applicants[0].id)).toEqual([]);
  expect(await pages.conflicted.$eval('body', (e) => e.innerText)).not.toContain(applicants[0].name);
});

test('a cut WebSocket: the screen says so, then catches up with every missed event in order', async () => {
  await pages.b.waitForSelector(`[data-testid="current-applicant"][data-applicant-id="${applicants[1].id}"]`);
  const before = (await eventIds(pages.b)).length;
  const cdp = await pages.b.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  // Offline emulation blocks new connections but leaves an open socket be: drop it as a network would.
  await pages.b.evaluate(() => (window as unknown as { testSockets: WebSocket[] }).testSockets.forEach((s) => s.close(3000, 'network cut')));
  await pages.b.waitForSelector('[data-testid="live-status"][data-status="reconnecting"]');
  await screenshot(pages.b, 'reconnecting');

  // Meanwhile the others vote (and the chair's screen, connected all along, sees it).
  const chairBefore = (await eventIds(pages.chair)).length;
  await vote(pages.a, 5);
  await vote(pages.conflicted, 3);
  await pages.chair.waitForFunction((id) => document.querySelectorAll(`[data-testid="events"] li[data-type="VOTE_CAST"][data-applicant-id="${id}"]`).length === 2, {}, applicants[1].id);

  // Still cut off when the votes were in: what B gets next, it gets by resuming.
  expect(await pages.b.$eval('[data-testid="live-status"]', (e) => e.getAttribute('data-status'))).toBe('reconnecting');
  expect((await eventIds(pages.b)).filter((e) => e.type === 'VOTE_CAST' && e.applicant === applicants[1].id)).toEqual([]);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await pages.b.waitForSelector('[data-testid="live-status"][data-status="connected"]');
  await pages.b.waitForFunction((id) => document.querySelectorAll(`[data-testid="events"] li[data-type="VOTE_CAST"][data-applicant-id="${id}"]`).length === 2, {}, applicants[1].id);
  await screenshot(pages.b, 'reconnected');

  // What B missed is what the chair saw, in the same order (presence aside: B's own leaving and return).
  const meeting = (events: { type: string }[]) => events.filter((e) => e.type !== 'MEMBER_JOINED' && e.type !== 'MEMBER_LEFT');
  const missed = meeting((await eventIds(pages.b)).slice(before));
  const chairSaw = meeting((await eventIds(pages.chair)).slice(chairBefore));
  expect(missed.map((e) => e.type)).toEqual(['VOTE_CAST', 'VOTE_CAST']);
  expect(missed).toEqual(chairSaw);
  const ids = (await eventIds(pages.b)).map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('two tabs of one member: the stale one is refused, shows the newer vote, and re-applies the input it kept', async () => {
  const first = pages.a;
  const second = await first.browserContext().newPage();
  second.setDefaultTimeout(DEADLINE);
  await second.goto(`${base}/#/meeting/${sessionId}`);
  await second.waitForSelector(`[data-testid="current-applicant"][data-applicant-id="${applicants[1].id}"]`);
  await second.waitForSelector('[data-testid="cast-vote"]');

  await vote(first, 3); // version 2, from the first tab
  await first.waitForFunction(() => document.querySelector('[data-testid="vote-message"]')?.textContent?.includes('version 2'));
  // The second tab still stands on version 1: its change is refused, and its input stays.
  for (const c of criteria) await second.click(`input[data-criterion="${c.key}"][value="1"]`);
  await second.click('[data-testid="cast-vote"]');
  await second.waitForSelector('[data-testid="stale"] [data-testid="newer-vote"]');
  expect(await text(second, '[data-testid="stale"]')).toContain('version 2');
  expect(await text(second, '[data-testid="newer-vote"]')).toContain('3, 3, 3');
  for (const c of criteria) expect(await second.$eval(`input[data-criterion="${c.key}"][value="1"]`, (e) => (e as HTMLInputElement).checked)).toBe(true);
  await screenshot(second, 'stale-vote');
  await second.click('[data-testid="stale"] button');
  await second.waitForFunction(() => document.querySelector('[data-testid="vote-message"]')?.textContent?.includes('version 3'));
  expect(await second.$('[data-testid="stale"]')).toBeNull();
});

/** A session of its own for a test (the world's committee, one applicant on the agenda), not yet open. */
async function sessionOfOne(title: string, day: string): Promise<{ sessionId: string; applicantId: string }> {
  const em = world.em.fork();
  const session = em.create(ReviewSession, { committee: world.committee.id, week: world.weeks[1].id, title, startsAt: new Date(`${day}T09:00:00Z`), endsAt: new Date(`${day}T17:00:00Z`) });
  const applicant = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
  em.create(AgendaItem, { session, applicant, position: 0 });
  await em.flush();
  return { sessionId: world.gid('ReviewSession', session.id), applicantId: world.gid('Applicant', applicant.id) };
}

test("in a background tab, the member's applicant coming up shows in the title and as a system notification", async () => {
  // One applicant, brought up by the chair while the member's tab is hidden.
  const ids = await sessionOfOne('Background tab', '2021-06-26');
  const chair = server.tokenFor(world.chair.id);
  expect((await server.gql(`mutation($id: ID!) { openSession(id: $id) { id } }`, { id: ids.sessionId }, chair)).errors).toBeUndefined();

  const page = await signInPage(browser, base, world.members[0].email, `meeting/${ids.sessionId}`, {
    deadlineMs: DEADLINE,
    // The test decides whether the tab is in the background, and sees each notification shown.
    beforeLoad: () => {
      const test = window as unknown as { testHidden: boolean; testNotifications: { title: string; body?: string }[] };
      test.testHidden = false;
      test.testNotifications = [];
      Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => test.testHidden });
      // The headless shell has no notification service and denies every permission, so the page
      // gets a Notification that records what the client shows, as allowed by the member.
      window.Notification = class {
        static permission: NotificationPermission = 'granted';
        static requestPermission = () => Promise.resolve('granted' as NotificationPermission);
        constructor(title: string, options?: NotificationOptions) {
          test.testNotifications.push({ title, body: options?.body });
        }
      } as unknown as typeof Notification;
    },
  });
  await page.waitForSelector('[data-testid="waiting"]');
  await page.waitForSelector('[data-testid="live-status"][data-status="connected"]');
  expect(await text(page, '[data-testid="notifications"]')).toBe('Notifications on');

  const title = await page.title();
  await page.evaluate(() => ((window as unknown as { testHidden: boolean }).testHidden = true));
  expect((await server.gql(`mutation($s: ID!, $a: ID!) { setCurrentApplicant(sessionId: $s, applicantId: $a) { id } }`, { s: ids.sessionId, a: ids.applicantId }, chair)).errors).toBeUndefined();
  await page.waitForFunction((expected) => document.title === expected, {}, `(!) Your applicant is up – ${title}`);
  expect(await page.evaluate(() => (window as unknown as { testNotifications: unknown[] }).testNotifications)).toEqual([
    { title: '(!) Your applicant is up', body: 'The chair brought up the next applicant: time to read the file.' },
  ]);
  // Back in front: the title is the page's own again.
  await page.evaluate(() => {
    (window as unknown as { testHidden: boolean }).testHidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForFunction((expected) => document.title === expected, {}, title);
});

/** Presses Tab until `selector` has the focus (at most `max` times): the way a keyboard user gets there. */
async function tabTo(page: Page, selector: string, max = 100): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} is not reached with Tab`);
}

test('keyboard only: the chair brings up an applicant, a member votes, the chair closes voting and records the decision', async () => {
  const ids = await sessionOfOne('Keyboard meeting', '2021-06-27');
  // The member is there first: the chair's console, opened after, shows them in the meeting.
  const memberPage = await signIn(world.members[1].email, `meeting/${ids.sessionId}`);
  const chairPage = await signIn(world.chair.email, `console/${ids.sessionId}`);
  await chairPage.waitForFunction((name) => document.querySelector('[data-testid="presence"]')?.textContent?.includes(name), {}, world.members[1].name);

  await tabTo(chairPage, '[data-testid="open-session"]');
  await chairPage.keyboard.press('Enter');
  const bringUp = `tr[data-applicant-id="${ids.applicantId}"] button:not([disabled])`;
  await chairPage.waitForSelector(bringUp);
  await tabTo(chairPage, bringUp);
  await chairPage.keyboard.press('Enter');
  await memberPage.waitForSelector(`[data-testid="current-applicant"][data-applicant-id="${ids.applicantId}"]`);

  // Each criterion: Tab into its radio group, Space takes the first anchor, arrows move to the fourth.
  for (const c of criteria) {
    await tabTo(memberPage, `input[data-criterion="${c.key}"]`);
    await memberPage.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await memberPage.keyboard.press('ArrowDown');
  }
  await tabTo(memberPage, '[data-testid="cast-vote"]');
  await memberPage.keyboard.press('Enter');
  await memberPage.waitForSelector('[data-testid="vote-message"]');
  const stored = await server.gql(`query($id: ID!, $s: ID!) { applicant(id: $id) { votes(sessionId: $s) { member { id } scores { score } } } }`, { id: ids.applicantId, s: ids.sessionId }, server.tokenFor(world.members[1].id));
  expect(stored.data.applicant.votes).toEqual([{ member: { id: world.gid('User', world.members[1].id) }, scores: criteria.map(() => ({ score: 4 })) }]);

  await tabTo(chairPage, '[data-testid="close-voting"]');
  await chairPage.keyboard.press('Enter');
  await chairPage.waitForSelector('[data-testid="record-decision"]');
  await tabTo(chairPage, '[data-testid="record-decision"]');
  await chairPage.keyboard.press('Enter');
  await chairPage.waitForFunction((id) => document.querySelector(`tr[data-applicant-id="${id}"] [data-testid="agenda-decision"]`)?.textContent !== '–', {}, ids.applicantId);
  const decided = await server.gql(`query($id: ID!) { applicant(id: $id) { decision { outcome } } }`, { id: ids.applicantId }, server.tokenFor(world.chair.id));
  expect(decided.data.applicant.decision).not.toBeNull();
});
