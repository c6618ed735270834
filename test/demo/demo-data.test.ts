import { seedDemoDataIfEmpty } from '../../src/demo/seed';
import {
  ApplicantEligibilityDocument,
  ApplicantPageDocument,
  IntakesDocument,
  MeDocument,
  ProgramsDocument,
  SessionAgendaDocument,
} from '../../src/generated/graphql';
import { startTestServer, TestServer } from '../support/test-server';

/** The demo data set is the first thing a newcomer sees: it must load once and exercise every rule. */
let server: TestServer;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  expect(await seedDemoDataIfEmpty(server.orm)).toBe(true);
  const row = await server.orm.em.getKnex()('app_user').where({ email: 'officer@conclave.example' }).first('id');
  officer = await server.tokenFor(row.id);
});
afterAll(() => server.stop());

test('without demo sign-in the demo users get no password: a real database seeded by mistake hands out none', async () => {
  expect(await server.orm.em.getKnex()('user_password').count({ n: '*' })).toEqual([{ n: '0' }]);
});

test('seeding twice keeps the data', async () => {
  expect(await seedDemoDataIfEmpty(server.orm)).toBe(false);
  const page = await server.gql(ApplicantPageDocument, { first: 1 }, officer);
  expect(page.data!.applicants.totalCount).toBe(40);
});

test('the three programs of DOMAIN.md with their rubrics and the 19 Clinical Psychology prerequisites', async () => {
  const { data } = await server.gql(ProgramsDocument, {}, officer);
  const byCode = Object.fromEntries(data!.programs.map((p) => [p.code, p]));
  expect(Object.keys(byCode).sort()).toEqual(['MCP', 'MSCS', 'VACD']);
  expect(byCode.MCP.prerequisites).toHaveLength(19);
  expect(byCode.VACD.portfolioRequired).toBe(true);
  expect(byCode.VACD.rubric.map((c) => c.key)).toContain('portfolio');
  expect(byCode.MSCS.rubric.some((c) => c.key.includes('portfolio'))).toBe(false);
});

test('two intakes with four review weeks each, only the last visa-free', async () => {
  const { data } = await server.gql(IntakesDocument, {}, officer);
  expect(data!.intakes).toHaveLength(2);
  for (const intake of data!.intakes) {
    expect(intake.reviewWeeks.map((w) => w.visaFreeOnly)).toEqual([false, false, false, true]);
  }
});

test('applicants exercise every route, status and eligibility rule, and SQL status agrees with eligibility', async () => {
  const { data, errors } = await server.gql(ApplicantPageDocument, { first: 100 }, officer);
  expect(errors).toBeUndefined();
  const applicants = data!.applicants.nodes;
  expect(new Set(applicants.map((a) => a.route))).toEqual(new Set(['TRANSFER', 'CONDITIONAL', 'REGULAR']));
  for (const status of ['INCOMPLETE', 'COMPLETE', 'SCHEDULED', 'DECIDED', 'WITHDRAWN']) {
    expect(applicants.some((a) => a.status === status)).toBe(true);
  }
  for (const a of applicants) {
    expect(a.eligibility.route).toBe(a.route);
    if (a.status === 'COMPLETE') expect(a.eligibility.complete).toBe(true);
    if (a.status === 'INCOMPLETE') expect(a.eligibility.complete).toBe(false);
  }
  const issues = applicants.flatMap((a) => a.eligibility.issues).join('\n');
  for (const rule of [/transfer student/, /scientific preparation/, /below the minimum/, /No English certificate/, /below 6/, /Photographed/, /academic reference letters received/, /prerequisite course/, /type-D visa/, /creative portfolio/]) {
    expect(issues).toMatch(rule);
  }
  const visaAndGrades = await Promise.all(
    applicants.slice(0, 5).map((a) => server.gql(ApplicantEligibilityDocument, { id: a.id }, officer)),
  );
  for (const response of visaAndGrades) expect(response.errors).toBeUndefined();
});

test('the demo users can sign in: a member sees their sessions only, a reporter no files', async () => {
  const knex = server.orm.em.getKnex();
  const member = await knex('app_user').where({ email: 'member1@conclave.example' }).first('id');
  const token = server.tokenFor(member.id);
  expect((await server.gql(MeDocument, {}, token)).data!.me.role).toBe('COMMITTEE_MEMBER');
  const visible = await server.gql(ApplicantPageDocument, { first: 100 }, token);
  expect(visible.data!.applicants.totalCount).toBeGreaterThan(0);
  expect(visible.data!.applicants.totalCount).toBeLessThan(40);

  const session = await knex('review_session').where({ status: 'CLOSED' }).first('id');
  const { toGlobalId } = await import('../../src/common/global-id');
  const agenda = await server.gql(SessionAgendaDocument, { id: toGlobalId('ReviewSession', session.id) }, officer);
  expect(agenda.data!.reviewSession.agenda.every((item) => item.votingStatus === 'CLOSED')).toBe(true);
  expect(agenda.data!.reviewSession.agenda.some((item) => (item.tally?.voteCount ?? 0) > 0)).toBe(true);
});
