import { EnglishTest } from '../../src/applicants/applicant.enums';
import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';
import { ApplicantDocument, DocumentKind, DocumentQuality } from '../../src/documents/document.entity';
import { PrerequisiteCourse } from '../../src/programs/prerequisite-course.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { ApplicantExtras, buildApplicant, buildCompleteApplicant, buildProgram, buildUser, buildWorld, World } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/**
 * The decision rules of DOMAIN.md through the API: the outcomes open to each applicant, the
 * conditions each admission must (and may) carry, improper and incomplete applications, the
 * office's steps after the decision, and the conflicted chair. Every test builds its own world.
 */
let server: TestServer;
const token = (user: { id: string }) => server.tokenFor(user.id);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { outcome conditions rejectionReason reason scholarshipPercent session { id } } }`;
const DRAFT = `query($s: ID!, $a: ID!) { decisionDraft(sessionId: $s, applicantId: $a) {
  votingClosed applicant { id }
  options { outcome allowed problems { code } requiredConditions { anyOf reason } optionalConditions proposedConditions rejectionReasons } } }`;

/** An applicant on the world's session with voting on them closed: ready for a decision. */
async function closed(world: World, overrides: Parameters<typeof buildApplicant>[2] = {}, extras: ApplicantExtras = {}, program = world.program) {
  const em = server.orm.em.fork();
  const applicant = buildCompleteApplicant(em, { program, intake: world.intake }, overrides, extras);
  em.create(AgendaItem, { session: world.session.id, applicant, position: 50, votingStatus: VotingStatus.CLOSED });
  await em.flush();
  return { dbId: applicant.id, id: world.gid('Applicant', applicant.id) };
}

function chair(world: World) {
  const sessionId = world.gid('ReviewSession', world.session.id);
  return {
    sessionId,
    decide: (applicantId: string, rest: Record<string, unknown>) => server.gql(DECIDE, { input: { sessionId, applicantId, ...rest } }, token(world.chair)),
    draft: async (applicantId: string) => {
      const response = await server.gql(DRAFT, { s: sessionId, a: applicantId }, token(world.chair));
      expect(response.errors).toBeUndefined();
      return Object.fromEntries(response.data.decisionDraft.options.map((o: any) => [o.outcome, o]));
    },
  };
}

test('a transfer-route applicant is admitted only as a transfer; a regular one never as a transfer', async () => {
  const world = await buildWorld(server.orm);
  const { decide } = chair(world);
  const transfer = await closed(world, { ects: 179 });
  expect(refusal(await decide(transfer.id, { outcome: 'ADMIT' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'outcome' });
  const offer = await decide(transfer.id, { outcome: 'ADMIT_AS_TRANSFER' });
  expect(offer.data.recordDecision).toMatchObject({ outcome: 'ADMIT_AS_TRANSFER', conditions: ['RECOGNITION_OF_PRIOR_EDUCATION'] });

  const regular = await closed(world, { ects: 180 });
  expect(refusal(await decide(regular.id, { outcome: 'ADMIT_AS_TRANSFER' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'outcome' });
});

test.each([
  ['179 ECTS (transfer)', { ects: 179 }, {}, null],
  ['180 ECTS', { ects: 180 }, {}, ['PREPARATORY_COURSES', 'RECOGNITION_OF_PRIOR_EDUCATION']],
  ['239 ECTS', { ects: 239 }, {}, ['PREPARATORY_COURSES', 'RECOGNITION_OF_PRIOR_EDUCATION']],
  ['240 ECTS', { ects: 240 }, {}, ['RECOGNITION_OF_PRIOR_EDUCATION']],
  ['IELTS 5.5', {}, { certificates: [{ test: EnglishTest.IELTS_ACADEMIC, score: 5.5 }] }, ['ENGLISH_EXAM', 'RECOGNITION_OF_PRIOR_EDUCATION']],
  ['IELTS 6.0', {}, { certificates: [{ test: EnglishTest.IELTS_ACADEMIC, score: 6 }] }, ['RECOGNITION_OF_PRIOR_EDUCATION']],
  ['TOEFL 78', {}, { certificates: [{ test: EnglishTest.TOEFL_IBT, score: 78 }] }, ['ENGLISH_EXAM', 'RECOGNITION_OF_PRIOR_EDUCATION']],
  ['TOEFL 79', {}, { certificates: [{ test: EnglishTest.TOEFL_IBT, score: 79 }] }, ['RECOGNITION_OF_PRIOR_EDUCATION']],
  ['IELTS 5.5 and TOEFL 80', {}, { certificates: [{ test: EnglishTest.IELTS_ACADEMIC, score: 5.5 }, { test: EnglishTest.TOEFL_IBT, score: 80 }] }, ['RECOGNITION_OF_PRIOR_EDUCATION']],
  ['no certificate', {}, { certificates: [] }, ['ENGLISH_EXAM', 'RECOGNITION_OF_PRIOR_EDUCATION']],
] as [string, object, ApplicantExtras, string[] | null][])('%s: the draft proposes exactly the conditions the facts require, and leaving them out takes them', async (_what, overrides, extras, expected) => {
  const world = await buildWorld(server.orm);
  const { decide, draft } = chair(world);
  const applicant = await closed(world, overrides, extras);
  const options = await draft(applicant.id);
  expect(options.ADMIT.allowed).toBe(expected !== null);
  // A member reading the file sees what an admission would carry: the draft's, outcome by outcome.
  const file = await server.gql(`query($id: ID!) { applicant(id: $id) { eligibility { admissionOffers { outcome requiredConditions { anyOf reason } } } } }`, { id: applicant.id }, token(world.members[0]));
  expect(file.data.applicant.eligibility.admissionOffers).toEqual(
    ['ADMIT', 'ADMIT_AS_TRANSFER'].filter((o) => options[o].allowed).map((o) => ({ outcome: o, requiredConditions: options[o].requiredConditions })),
  );
  expect(file.data.applicant.eligibility.admissionOffers.length).toBe(1);
  if (expected === null) return;
  expect([...options.ADMIT.proposedConditions].sort()).toEqual(expected);
  expect((await decide(applicant.id, { outcome: 'ADMIT' })).data.recordDecision.conditions.sort()).toEqual(expected);
});

test('missing prerequisites are a required condition, never a reason to reject', async () => {
  const world = await buildWorld(server.orm);
  const { decide, draft } = chair(world);
  const em = server.orm.em.fork();
  const program = buildProgram(em, { code: `MCP${Date.now() % 100000}` });
  for (const code of ['PSY101', 'PSY102']) em.create(PrerequisiteCourse, { program, code, title: code });
  (await em.findOneOrFail('Committee', world.committee.id) as any).programs.add(program);
  await em.flush();
  const applicant = await closed(world, { completedCourses: ['PSY101'] }, {}, program);
  const options = await draft(applicant.id);
  expect(options.ADMIT.requiredConditions).toEqual(
    expect.arrayContaining([{ anyOf: ['MISSING_PREREQUISITES'], reason: expect.stringMatching(/PSY102/) }]),
  );
  expect(options.REJECT.rejectionReasons).toEqual(['COMMITTEE_JUDGEMENT']);
  const dropped = await decide(applicant.id, { outcome: 'ADMIT', conditions: ['RECOGNITION_OF_PRIOR_EDUCATION'] });
  expect(refusal(dropped)).toEqual({ code: 'BAD_USER_INPUT', field: 'conditions' });
  expect(dropped.errors?.[0].extensions?.missing).toEqual([['MISSING_PREREQUISITES']]);
  const admitted = await decide(applicant.id, { outcome: 'ADMIT' });
  expect(admitted.data.recordDecision.conditions.sort()).toEqual(['MISSING_PREREQUISITES', 'RECOGNITION_OF_PRIOR_EDUCATION']);
  const tracked = await server.gql(`query($id: ID!) { applicant(id: $id) { decision { trackedConditions { kind required prerequisites { courses { code } remaining { code } } } } } }`, { id: applicant.id }, token(world.officer));
  expect(tracked.data.applicant.decision.trackedConditions.find((c: any) => c.kind === 'MISSING_PREREQUISITES')).toEqual({
    kind: 'MISSING_PREREQUISITES', required: true, prerequisites: { courses: [{ code: 'PSY102' }], remaining: [{ code: 'PSY102' }] },
  });
});

test('the chair may add what applies, never drop a requirement, never add what cannot apply', async () => {
  const world = await buildWorld(server.orm);
  const { decide, draft } = chair(world);
  const holder = await closed(world); // IELTS 7, regular route
  expect(refusal(await decide(holder.id, { outcome: 'ADMIT', conditions: [] }))).toEqual({ code: 'BAD_USER_INPUT', field: 'conditions' });
  for (const inapplicable of ['ENGLISH_LANGUAGE_SCHOOL', 'ENGLISH_EXAM', 'PREPARATORY_COURSES', 'MISSING_PREREQUISITES']) {
    const response = await decide(holder.id, { outcome: 'ADMIT', conditions: ['RECOGNITION_OF_PRIOR_EDUCATION', inapplicable] });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'conditions' });
    expect(response.errors?.[0].message).toMatch(`${inapplicable} cannot apply`);
  }
  const withRequirement = await decide(holder.id, { outcome: 'ADMIT', committeeRequirements: ['Final transcript with the thesis grade'] });
  expect(withRequirement.data.recordDecision.conditions).toEqual(['RECOGNITION_OF_PRIOR_EDUCATION', 'COMMITTEE_REQUIREMENT']);

  const noEnglish = await closed(world, { ects: 200 }, { certificates: [] });
  const options = await draft(noEnglish.id);
  expect(options.ADMIT.requiredConditions.map((r: any) => r.anyOf)).toEqual([['RECOGNITION_OF_PRIOR_EDUCATION'], ['PREPARATORY_COURSES'], ['ENGLISH_EXAM', 'ENGLISH_LANGUAGE_SCHOOL']]);
  expect(options.ADMIT_AS_TRANSFER).toMatchObject({ allowed: false, problems: [{ code: 'NOT_TRANSFER_ROUTE' }] });
  // The English Language School instead of the exam meets the requirement; both together too.
  const school = await decide(noEnglish.id, { outcome: 'ADMIT', conditions: ['RECOGNITION_OF_PRIOR_EDUCATION', 'PREPARATORY_COURSES', 'ENGLISH_LANGUAGE_SCHOOL', 'ENGLISH_EXAM'] });
  expect(school.data.recordDecision.conditions.sort()).toEqual(['ENGLISH_EXAM', 'ENGLISH_LANGUAGE_SCHOOL', 'PREPARATORY_COURSES', 'RECOGNITION_OF_PRIOR_EDUCATION']);
});

test('rejections say why, with a reason the file bears out; conditions and scholarships go with admissions', async () => {
  const world = await buildWorld(server.orm);
  const { decide } = chair(world);
  const regular = await closed(world);
  expect(refusal(await decide(regular.id, { outcome: 'REJECT' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'rejectionReason' });
  expect(refusal(await decide(regular.id, { outcome: 'REJECT', rejectionReason: 'IMPROPER_DOCUMENTS' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'rejectionReason' });
  expect(refusal(await decide(regular.id, { outcome: 'REJECT', rejectionReason: 'MINIMUM_GRADE_NOT_MET' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'rejectionReason' });
  expect(refusal(await decide(regular.id, { outcome: 'REJECT', rejectionReason: 'COMMITTEE_JUDGEMENT', scholarshipPercent: 10 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'scholarshipPercent' });
  expect(refusal(await decide(regular.id, { outcome: 'WAITLIST', conditions: ['RECOGNITION_OF_PRIOR_EDUCATION'] }))).toEqual({ code: 'BAD_USER_INPUT', field: 'conditions' });
  expect(refusal(await decide(regular.id, { outcome: 'WAITLIST', rejectionReason: 'COMMITTEE_JUDGEMENT' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'rejectionReason' });
  expect(refusal(await decide(regular.id, { outcome: 'ADMIT', scholarshipPercent: 120 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'scholarshipPercent' });

  const low = await closed(world, { gradeValue: 2.49 });
  const rejected = await decide(low.id, { outcome: 'REJECT', rejectionReason: 'MINIMUM_GRADE_NOT_MET', reason: '2.49 of 4' });
  expect(rejected.data.recordDecision).toMatchObject({ outcome: 'REJECT', rejectionReason: 'MINIMUM_GRADE_NOT_MET', reason: '2.49 of 4', conditions: [] });
  const admitted = await decide(regular.id, { outcome: 'ADMIT', scholarshipPercent: 50 });
  expect(admitted.data.recordDecision).toMatchObject({ outcome: 'ADMIT', rejectionReason: null, scholarshipPercent: 50, conditions: ['RECOGNITION_OF_PRIOR_EDUCATION'] });
  expect(refusal(await decide(regular.id, { outcome: 'ADMIT' }))).toEqual({ code: 'CONFLICT', field: 'applicantId' });

  // The office publishes, records payment, then issues the letter, in that order.
  const step = (name: string) => server.gql(`mutation($a: ID!) { ${name}(applicantId: $a) { publishedAt tuitionPaidAt letterIssuedAt } }`, { a: regular.id }, token(world.officer));
  expect(refusal(await step('issueAcceptanceLetter')).code).toBe('INVALID_STATE');
  expect(refusal(await step('recordTuitionPaid')).code).toBe('INVALID_STATE');
  expect((await step('publishDecision')).data.publishDecision.publishedAt).toEqual(expect.any(String));
  expect((await step('recordTuitionPaid')).data.recordTuitionPaid.tuitionPaidAt).toEqual(expect.any(String));
  expect((await step('issueAcceptanceLetter')).data.issueAcceptanceLetter.letterIssuedAt).toEqual(expect.any(String));
  expect(refusal(await step('issueAcceptanceLetter')).code).toBe('INVALID_STATE');
  expect(refusal(await server.gql(`mutation($a: ID!) { publishDecision(applicantId: $a) { id } }`, { a: regular.id }, token(world.chair))).code).toBe('FORBIDDEN');
});

describe('improper and incomplete applications', () => {
  test('an improper application can only be rejected, for improper documents', async () => {
    const world = await buildWorld(server.orm);
    const { decide, draft } = chair(world);
    // Scheduled before its documents were checked (written straight into the tables).
    const applicant = await closed(world);
    const em = server.orm.em.fork();
    em.create(ApplicantDocument, { applicant: applicant.dbId, kind: DocumentKind.DIPLOMA, fileName: 'IMG_2041.jpg', quality: DocumentQuality.PHOTOGRAPHED });
    await em.flush();
    const options = await draft(applicant.id);
    expect(Object.values(options).filter((o: any) => o.allowed).map((o: any) => o.outcome)).toEqual(['REJECT']);
    expect(options.REJECT.rejectionReasons).toEqual(['IMPROPER_DOCUMENTS']);
    const admit = await decide(applicant.id, { outcome: 'ADMIT' });
    expect(refusal(admit)).toEqual({ code: 'NOT_ELIGIBLE', field: 'outcome' });
    expect(admit.errors?.[0].extensions?.problems).toEqual(['IMPROPER_DOCUMENTS']);
    expect(refusal(await decide(applicant.id, { outcome: 'WAITLIST' })).code).toBe('NOT_ELIGIBLE');
    expect(refusal(await decide(applicant.id, { outcome: 'REJECT', rejectionReason: 'COMMITTEE_JUDGEMENT' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'rejectionReason' });
    const rejected = await decide(applicant.id, { outcome: 'REJECT', rejectionReason: 'IMPROPER_DOCUMENTS' });
    expect(rejected.data.recordDecision).toMatchObject({ outcome: 'REJECT', rejectionReason: 'IMPROPER_DOCUMENTS' });
  });

  test('the office rejects an improper application that was never scheduled; only an improper one', async () => {
    const world = await buildWorld(server.orm);
    const em = server.orm.em.fork();
    const improper = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
    em.create(ApplicantDocument, { applicant: improper, kind: DocumentKind.PASSPORT, fileName: 'IMG_0001.jpg', quality: DocumentQuality.PHOTOGRAPHED });
    const proper = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
    await em.flush();
    const REJECT = `mutation($a: ID!) { rejectImproperApplication(applicantId: $a) { outcome rejectionReason reason session { id } applicant { status } } }`;
    expect(refusal(await server.gql(REJECT, { a: world.gid('Applicant', improper.id) }, token(world.chair))).code).toBe('FORBIDDEN');
    const rejected = await server.gql(REJECT, { a: world.gid('Applicant', improper.id) }, token(world.officer));
    expect(rejected.data.rejectImproperApplication).toEqual({
      outcome: 'REJECT', rejectionReason: 'IMPROPER_DOCUMENTS', reason: 'Improper documents: IMG_0001.jpg photographed instead of scanned.', session: null, applicant: { status: 'DECIDED' },
    });
    expect(refusal(await server.gql(REJECT, { a: world.gid('Applicant', improper.id) }, token(world.officer)))).toEqual({ code: 'CONFLICT', field: 'applicantId' });
    expect(refusal(await server.gql(REJECT, { a: world.gid('Applicant', proper.id) }, token(world.officer)))).toEqual({ code: 'INVALID_STATE', field: 'applicantId' });
  });

  test.each([
    ['1 of 2 references', { references: 1 }, 'MISSING_REFERENCES', false],
    ['a VACD applicant without a portfolio', {}, 'MISSING_PORTFOLIO', true],
    ['a VACD applicant without a design background', {}, 'NO_RELEVANT_BACKGROUND', true],
  ] as [string, ApplicantExtras, string, boolean][])('%s cannot be admitted, and the refusal says what is missing', async (_what, extras, problem, vacd) => {
    const world = await buildWorld(server.orm);
    const { decide, draft } = chair(world);
    const em = server.orm.em.fork();
    const program = vacd
      ? buildProgram(em, { portfolioRequired: problem === 'MISSING_PORTFOLIO', relevantBackgroundRequired: problem === 'NO_RELEVANT_BACKGROUND' })
      : world.program;
    if (vacd) (await em.findOneOrFail('Committee', world.committee.id) as any).programs.add(program);
    await em.flush();
    const applicant = await closed(world, { relevantBackground: false }, extras, program);
    const admit = await decide(applicant.id, { outcome: 'ADMIT' });
    expect(refusal(admit)).toEqual({ code: 'NOT_ELIGIBLE', field: 'outcome' });
    expect(admit.errors?.[0].extensions?.problems).toEqual([problem]);
    const options = await draft(applicant.id);
    expect(options.WAITLIST.allowed).toBe(true);
    expect(options.REJECT.rejectionReasons[0]).toBe(problem);
    expect((await decide(applicant.id, { outcome: 'REJECT', rejectionReason: problem })).data.recordDecision.rejectionReason).toBe(problem);
  });
});

test('the draft is the chair’s: a member is refused, and a conflicted chair hands the applicant to a co-chair', async () => {
  const world = await buildWorld(server.orm);
  const applicant = await closed(world);
  const em = server.orm.em.fork();
  const coChair = buildUser(em, { name: 'Co-chair' });
  em.create(CommitteeMember, { committee: world.committee.id, user: coChair, role: SeatRole.CHAIR });
  em.create(ConflictOfInterest, { user: world.chair.id, applicant: applicant.dbId, source: ConflictSource.DECLARED, reason: 'Cousin' });
  await em.flush();
  const { sessionId } = chair(world);

  expect(refusal(await server.gql(DRAFT, { s: sessionId, a: applicant.id }, token(world.members[0]))).code).toBe('FORBIDDEN');
  const input = { sessionId, applicantId: applicant.id, outcome: 'WAITLIST' };
  for (const refused of [await server.gql(DECIDE, { input }, token(world.chair)), await server.gql(DRAFT, { s: sessionId, a: applicant.id }, token(world.chair))]) {
    expect(refusal(refused)).toEqual({ code: 'CONFLICT_OF_INTEREST', field: 'applicantId' });
  }
  const draft = await server.gql(DRAFT, { s: sessionId, a: applicant.id }, server.tokenFor(coChair.id));
  expect(draft.data.decisionDraft).toMatchObject({ votingClosed: true, applicant: { id: applicant.id } });
  expect((await server.gql(DECIDE, { input }, server.tokenFor(coChair.id))).data.recordDecision.outcome).toBe('WAITLIST');
});
