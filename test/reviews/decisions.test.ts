import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { buildApplicant, buildUser, buildWorld, World } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/** The decision rules of DOMAIN.md, the office's steps after it, and the conflicted chair. */
let server: TestServer;
let world: World;
let sessionId: string;
const token = (user: { id: string }) => server.tokenFor(user.id);

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  sessionId = world.gid('ReviewSession', world.session.id);
});
afterAll(() => server.stop());

const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { outcome conditions reason scholarshipPercent } }`;

async function closedApplicant(overrides: Parameters<typeof buildApplicant>[2] = {}) {
  const em = server.orm.em.fork();
  const applicant = buildApplicant(em, { program: world.program, intake: world.intake }, overrides);
  em.create(AgendaItem, { session: world.session.id, applicant, position: 50, votingStatus: VotingStatus.CLOSED });
  await em.flush();
  return world.gid('Applicant', applicant.id);
}

async function closedApplicantWithId() {
  const em = server.orm.em.fork();
  const applicant = buildApplicant(em, { program: world.program, intake: world.intake });
  em.create(AgendaItem, { session: world.session.id, applicant, position: 60, votingStatus: VotingStatus.CLOSED });
  await em.flush();
  return { dbId: applicant.id, id: world.gid('Applicant', applicant.id) };
}

test('a transfer-route applicant is admitted only as a transfer; rejections say why; scholarships go with admissions', async () => {
  const transfer = await closedApplicant({ ects: 150 });
  const decide = (applicantId: string, rest: Record<string, unknown>) => server.gql(DECIDE, { input: { sessionId, applicantId, ...rest } }, token(world.chair));

  expect(refusal(await decide(transfer, { outcome: 'ADMIT' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'outcome' });
  expect((await decide(transfer, { outcome: 'ADMIT_AS_TRANSFER' })).data.recordDecision.outcome).toBe('ADMIT_AS_TRANSFER');

  const regular = await closedApplicant();
  expect(refusal(await decide(regular, { outcome: 'ADMIT_AS_TRANSFER' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'outcome' });
  expect(refusal(await decide(regular, { outcome: 'REJECT' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
  expect(refusal(await decide(regular, { outcome: 'REJECT', reason: 'x', scholarshipPercent: 10 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'scholarshipPercent' });
  expect(refusal(await decide(regular, { outcome: 'WAITLIST', conditions: ['ENGLISH_EXAM'] }))).toEqual({ code: 'BAD_USER_INPUT', field: 'conditions' });
  expect(refusal(await decide(regular, { outcome: 'ADMIT', scholarshipPercent: 120 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'scholarshipPercent' });
  const admitted = await decide(regular, { outcome: 'ADMIT', conditions: ['ENGLISH_EXAM', 'ENGLISH_EXAM'], scholarshipPercent: 50 });
  expect(admitted.data.recordDecision).toEqual({ outcome: 'ADMIT', conditions: ['ENGLISH_EXAM'], reason: null, scholarshipPercent: 50 });

  // The office publishes, records payment, then issues the letter, in that order.
  const step = (name: string) => server.gql(`mutation($a: ID!) { ${name}(applicantId: $a) { publishedAt tuitionPaidAt letterIssuedAt } }`, { a: regular }, token(world.officer));
  expect(refusal(await step('issueAcceptanceLetter')).code).toBe('INVALID_STATE');
  expect(refusal(await step('recordTuitionPaid')).code).toBe('INVALID_STATE');
  expect((await step('publishDecision')).data.publishDecision.publishedAt).toEqual(expect.any(String));
  expect((await step('recordTuitionPaid')).data.recordTuitionPaid.tuitionPaidAt).toEqual(expect.any(String));
  const letter = await step('issueAcceptanceLetter');
  expect(letter.data.issueAcceptanceLetter.letterIssuedAt).toEqual(expect.any(String));
  expect(refusal(await step('issueAcceptanceLetter')).code).toBe('INVALID_STATE');
  expect(refusal(await server.gql(`mutation($a: ID!) { publishDecision(applicantId: $a) { id } }`, { a: regular }, token(world.chair))).code).toBe('FORBIDDEN');
});

test('a conflicted chair hands the applicant to a co-chair or an officer', async () => {
  const applicant = await closedApplicantWithId();
  const em = server.orm.em.fork();
  const coChair = buildUser(em, { name: 'Co-chair' });
  em.create(CommitteeMember, { committee: world.committee.id, user: coChair, role: SeatRole.CHAIR });
  em.create(ConflictOfInterest, { user: world.chair.id, applicant: applicant.dbId, source: ConflictSource.DECLARED, reason: 'Cousin' });
  await em.flush();

  const input = { sessionId, applicantId: applicant.id, outcome: 'WAITLIST' };
  const refused = await server.gql(DECIDE, { input }, token(world.chair));
  expect(refusal(refused)).toEqual({ code: 'FORBIDDEN', field: 'applicantId' });
  expect(refused.errors?.[0].extensions?.reason).toBe('CONFLICT_OF_INTEREST');
  expect((await server.gql(DECIDE, { input }, server.tokenFor(coChair.id))).data.recordDecision.outcome).toBe('WAITLIST');
});
