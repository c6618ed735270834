import { eligibilityOf } from '../../src/applicants/eligibility.facts';
import { applicationStatus, COMPLETE_SQL, ENGLISH_ACCEPTED_SQL, IMPROPER_SQL, ROUTE_SQL, statusSql } from '../../src/applicants/policy';
import { seedDemoDataIfEmpty } from '../../src/demo/seed';
import { createLoaders } from '../../src/loaders';
import { VotingStatus } from '../../src/reviews/agenda-item.entity';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The SQL twins of applicants/policy.ts (route, accepted English certificate, completeness,
 * improper documents, status — as the committee and as a conflicted member see it) against the
 * predicates, on the same rows: the demo data set, which exercises every rule at its boundaries.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemoDataIfEmpty(server.orm);
});
afterAll(() => server.stop());

test('every applicant: the SQL judges as the predicates do', async () => {
  const db = server.orm.em.getKnex();
  const { rows } = await db.raw(`select a.id, ${ROUTE_SQL} as route, ${ENGLISH_ACCEPTED_SQL} as english, ${COMPLETE_SQL} as complete, ${IMPROPER_SQL} as improper,
      ${statusSql('true')} as status, ${statusSql('d.published_at is not null')} as status_published from applicant a`);
  expect(rows.length).toBe(40);
  const loaders = createLoaders(db);
  const seen = { routes: new Set(), statuses: new Set(), english: new Set(), complete: new Set(), improper: new Set(), hidden: 0 };
  for (const row of rows) {
    const applicant = (await loaders.applicant.load(row.id))!;
    const e = await eligibilityOf(loaders, applicant);
    const [agenda, decision] = await Promise.all([loaders.agendaByApplicant.load(row.id), loaders.decisionByApplicant.load(row.id)]);
    const facts = {
      withdrawn: applicant.withdrawnAt !== null,
      reviewed: agenda.some((i) => i.votingStatus === VotingStatus.CLOSED),
      scheduled: agenda.length > 0,
      improper: !e.documentsAcceptable,
      complete: e.complete,
    };
    const judged = {
      route: e.route,
      english: e.englishCertificateAccepted,
      complete: e.complete,
      improper: !e.documentsAcceptable,
      status: applicationStatus({ ...facts, decisionVisible: decision !== null }),
      status_published: applicationStatus({ ...facts, decisionVisible: decision?.publishedAt != null }),
    };
    expect({ applicant: applicant.fullName, ...judged }).toEqual({ applicant: applicant.fullName, ...Object.fromEntries(Object.keys(judged).map((k) => [k, row[k]])) });
    seen.routes.add(row.route);
    seen.statuses.add(row.status);
    seen.english.add(row.english);
    seen.complete.add(row.complete);
    seen.improper.add(row.improper);
    if (row.status !== row.status_published) seen.hidden++;
  }
  // The data set reaches every branch, so the agreement means something.
  expect(seen.routes.size).toBe(3);
  expect([...seen.statuses].sort()).toEqual(['COMPLETE', 'DECIDED', 'IMPROPER', 'INCOMPLETE', 'SCHEDULED', 'WITHDRAWN']);
  expect(seen.english.size).toBe(2);
  expect(seen.complete.size).toBe(2);
  expect(seen.improper.size).toBe(2);
  expect(seen.hidden).toBeGreaterThan(0);
});
