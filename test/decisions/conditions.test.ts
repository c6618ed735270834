import { PrerequisiteCourse } from '../../src/programs/prerequisite-course.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { ApplicantExtras, buildCompleteApplicant, buildProgram, buildWorld, World } from '../support/factories';
import { connect, LiveConnection, logHead } from '../support/live-client';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/**
 * After the decision: each condition of an admission recorded as met or failed with its
 * evidence, what is outstanding on the applicant's file, the admission final when every
 * condition is met — live on the session, and in the funnel.
 */
let server: TestServer;
const connections: LiveConnection[] = [];
const token = (user: { id: string }) => server.tokenFor(user.id);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.dispose().catch(() => {})));
  await server.stop();
});

const PREPARATORY = Array.from({ length: 10 }, (_, i) => ({ code: `PREP${i + 1}`, title: `Preparatory course ${i + 1}`, ects: 6 }));
const FILE = `query($id: ID!) { applicant(id: $id) { decision { id admissionStatus
  outstandingConditions { kind }
  trackedConditions { id kind required status description
    preparatoryCourses { acceptanceSignedOn courses { code ects } results { courseCode outcome gradePoints } cgpa remainingCourseCodes }
    englishExam { takenOn passed } languageSchool { placementLevel result on } recognition { decidedOn recognised reference }
    prerequisites { takenCourseCodes remaining { code } } } } } }`;
const EVIDENCE = `mutation($input: RecordConditionEvidenceInput!) { recordConditionEvidence(input: $input) {
  condition { kind status } decision { admissionStatus outstandingConditions { kind } } } }`;

/** An admitted applicant: the chair records the decision (with `conditions` or the proposed ones), the office may publish it. */
async function admitted(world: World, options: { overrides?: object; extras?: ApplicantExtras; conditions?: string[]; publish?: boolean; program?: any } = {}) {
  const em = server.orm.em.fork();
  const applicant = buildCompleteApplicant(em, { program: options.program ?? world.program, intake: world.intake }, options.overrides ?? {}, options.extras ?? {});
  em.create(AgendaItem, { session: world.session.id, applicant, position: 70, votingStatus: VotingStatus.CLOSED });
  await em.flush();
  const id = world.gid('Applicant', applicant.id);
  const recorded = await server.gql(
    `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
    { input: { sessionId: world.gid('ReviewSession', world.session.id), applicantId: id, outcome: 'ADMIT', conditions: options.conditions } },
    token(world.chair),
  );
  expect(recorded.errors).toBeUndefined();
  if (options.publish !== false) expect((await server.gql(`mutation($a: ID!) { publishDecision(applicantId: $a) { id } }`, { a: id }, token(world.officer))).errors).toBeUndefined();
  const file = async () => (await server.gql(FILE, { id }, token(world.officer))).data.applicant.decision;
  const conditionId = async (kind: string) => (await file()).trackedConditions.find((c: any) => c.kind === kind).id;
  const record = (input: Record<string, unknown>, user: { id: string } = world.officer) => server.gql(EVIDENCE, { input }, token(user));
  return { id, dbId: applicant.id, file, conditionId, record };
}

async function setPreparatoryCourses(world: World, courses = PREPARATORY) {
  return server.gql(
    `mutation($p: ID!, $c: [PreparatoryCourseInput!]!) { setPreparatoryCourses(programId: $p, courses: $c) { preparatoryCourses { code ects } } }`,
    { p: world.gid('Program', world.program.id), c: courses },
    token(world.officer),
  );
}

const graded = (points: number[]) => points.map((gradePoints, i) => ({ courseCode: `PREP${i + 1}`, outcome: 'GRADED', gradePoints }));

test('a conditional admission tracked to the end: preparatory courses, English, recognition; then it is final, live', async () => {
  const world = await buildWorld(server.orm);
  const a = await admitted(world, { overrides: { ects: 200 }, extras: { certificates: [] }, publish: false });
  const before = await a.file();
  expect(before.admissionStatus).toBe('CONDITIONS_OUTSTANDING');
  expect(before.outstandingConditions.map((c: any) => c.kind).sort()).toEqual(['ENGLISH_EXAM', 'PREPARATORY_COURSES', 'RECOGNITION_OF_PRIOR_EDUCATION']);
  expect(before.trackedConditions.every((c: any) => c.required && c.status === 'OUTSTANDING' && c.description.length > 10)).toBe(true);

  // Nothing is tracked before the applicant has the offer.
  const preparatory = await a.conditionId('PREPARATORY_COURSES');
  const unpublished = await a.record({ conditionId: preparatory, preparatoryCourses: { acceptanceSignedOn: '2021-06-10' } });
  expect(refusal(unpublished)).toEqual({ code: 'INVALID_STATE', field: 'conditionId' });
  await server.gql(`mutation($a: ID!) { publishDecision(applicantId: $a) { id } }`, { a: a.id }, token(world.officer));

  // A member of the committee follows the session: they will hear when the admission is final.
  const live = connect(server.url, token(world.members[0]));
  connections.push(live);
  const feed = live.subscribe(
    `subscription($s: ID!, $after: ID) { sessionEvents(sessionId: $s, after: $after) { type ... on ConditionRecordedEvent { condition { kind status } } ... on AdmissionFinalEvent { decision { admissionStatus } } } }`,
    { s: world.gid('ReviewSession', world.session.id), after: await logHead(server.orm.em.getKnex(), world.session.id) },
  );

  // The program has to have its list before anyone can sign it; the list is 10 courses / 60 ECTS.
  expect(refusal(await a.record({ conditionId: preparatory, preparatoryCourses: { acceptanceSignedOn: '2021-06-10' } }))).toEqual({
    code: 'INVALID_STATE', field: 'preparatoryCourses.acceptanceSignedOn',
  });
  expect(refusal(await setPreparatoryCourses(world, PREPARATORY.slice(0, 9)))).toEqual({ code: 'BAD_USER_INPUT', field: 'courses' });
  expect(refusal(await setPreparatoryCourses(world, [...PREPARATORY.slice(0, 9), { ...PREPARATORY[9], ects: 5 }]))).toEqual({ code: 'BAD_USER_INPUT', field: 'courses' });
  expect((await setPreparatoryCourses(world)).data.setPreparatoryCourses.preparatoryCourses).toHaveLength(10);

  // Results before the signature, and for a course not on the list, are refused.
  expect(refusal(await a.record({ conditionId: preparatory, preparatoryCourses: { results: graded([3]) } }))).toEqual({ code: 'INVALID_STATE', field: 'preparatoryCourses.results' });
  const signed = await a.record({ conditionId: preparatory, preparatoryCourses: { acceptanceSignedOn: '2021-06-10' } });
  expect(signed.data.recordConditionEvidence.condition).toEqual({ kind: 'PREPARATORY_COURSES', status: 'OUTSTANDING' });
  const unknown = await a.record({ conditionId: preparatory, preparatoryCourses: { results: [{ courseCode: 'CS999', outcome: 'GRADED', gradePoints: 3 }] } });
  expect(refusal(unknown)).toEqual({ code: 'BAD_USER_INPUT', field: 'preparatoryCourses.results[0].courseCode' });
  const noPoints = await a.record({ conditionId: preparatory, preparatoryCourses: { results: [{ courseCode: 'PREP1', outcome: 'GRADED' }] } });
  expect(refusal(noPoints)).toEqual({ code: 'BAD_USER_INPUT', field: 'preparatoryCourses.results[0].gradePoints' });
  // Five results now, five later: a CGPA of exactly 2.5 passes.
  await a.record({ conditionId: preparatory, preparatoryCourses: { results: graded([2, 3, 2, 3, 2.5]) } });
  const half = (await a.file()).trackedConditions.find((c: any) => c.kind === 'PREPARATORY_COURSES').preparatoryCourses;
  expect(half).toMatchObject({ acceptanceSignedOn: '2021-06-10', cgpa: 2.5, remainingCourseCodes: ['PREP6', 'PREP7', 'PREP8', 'PREP9', 'PREP10'] });
  expect(half.courses).toHaveLength(10);
  const passed = await a.record({ conditionId: preparatory, preparatoryCourses: { results: graded([2, 3, 2, 3, 2.5, 2, 3, 2, 3, 2.5]) } });
  expect(passed.data.recordConditionEvidence.condition).toEqual({ kind: 'PREPARATORY_COURSES', status: 'MET' });

  // The wrong kind of evidence, or two kinds at once, is refused.
  const english = await a.conditionId('ENGLISH_EXAM');
  expect(refusal(await a.record({ conditionId: english, recognition: { decidedOn: '2021-09-01', recognised: true, reference: 'R-1' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'evidence' });
  expect(refusal(await a.record({ conditionId: english, englishExam: { takenOn: '2021-09-20', passed: true }, recognition: { decidedOn: '2021-09-01', recognised: true, reference: 'R' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'evidence' });
  // Only the office records evidence.
  expect(refusal(await a.record({ conditionId: english, englishExam: { takenOn: '2021-09-20', passed: true } }, world.chair)).code).toBe('FORBIDDEN');
  await a.record({ conditionId: english, englishExam: { takenOn: '2021-09-20', passed: true } });
  expect((await a.file()).outstandingConditions).toEqual([{ kind: 'RECOGNITION_OF_PRIOR_EDUCATION' }]);

  const recognition = await a.conditionId('RECOGNITION_OF_PRIOR_EDUCATION');
  const final = await a.record({ conditionId: recognition, recognition: { decidedOn: '2021-10-05', recognised: true, reference: 'ENIC-2021/0001' } });
  expect(final.data.recordConditionEvidence).toEqual({ condition: { kind: 'RECOGNITION_OF_PRIOR_EDUCATION', status: 'MET' }, decision: { admissionStatus: 'FINAL', outstandingConditions: [] } });
  const events = (await feed.until((r) => r.some((e) => e.sessionEvents.type === 'ADMISSION_FINAL'))).filter((e) => e.sessionEvents.type !== 'MEMBER_JOINED');
  expect(events.map((e) => e.sessionEvents.type)).toEqual(['CONDITION_RECORDED', 'CONDITION_RECORDED', 'CONDITION_RECORDED', 'CONDITION_RECORDED', 'CONDITION_RECORDED', 'ADMISSION_FINAL']);
  expect(events[5].sessionEvents.decision).toEqual({ admissionStatus: 'FINAL' });
  // A final admission takes no more evidence.
  expect(refusal(await a.record({ conditionId: recognition, recognition: { decidedOn: '2021-10-06', recognised: false, reference: 'x' } }))).toEqual({ code: 'INVALID_STATE', field: 'conditionId' });
});

test('preparatory courses fail with an F, an N/A, or a CGPA under 2.5; a failed recognition fails the admission', async () => {
  const world = await buildWorld(server.orm);
  await setPreparatoryCourses(world);
  for (const [results, status] of [
    [[{ courseCode: 'PREP1', outcome: 'FAIL' }], 'FAILED'],
    [[{ courseCode: 'PREP1', outcome: 'NOT_AVAILABLE' }], 'FAILED'],
    [graded([2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.4]), 'FAILED'],
  ] as [object[], string][]) {
    const a = await admitted(world, { overrides: { ects: 180 } });
    const preparatory = await a.conditionId('PREPARATORY_COURSES');
    await a.record({ conditionId: preparatory, preparatoryCourses: { acceptanceSignedOn: '2021-06-10' } });
    const response = await a.record({ conditionId: preparatory, preparatoryCourses: { results } });
    expect(response.data.recordConditionEvidence).toEqual({ condition: { kind: 'PREPARATORY_COURSES', status }, decision: { admissionStatus: 'CONDITION_FAILED', outstandingConditions: [{ kind: 'RECOGNITION_OF_PRIOR_EDUCATION' }] } });
  }
  const refused = await admitted(world);
  const response = await refused.record({ conditionId: await refused.conditionId('RECOGNITION_OF_PRIOR_EDUCATION'), recognition: { decidedOn: '2021-10-05', recognised: false, reference: 'refused' } });
  expect(response.data.recordConditionEvidence.decision.admissionStatus).toBe('CONDITION_FAILED');
});

test('either English path meets the requirement: a failed exam, then the English Language School completed', async () => {
  const world = await buildWorld(server.orm);
  const a = await admitted(world, { extras: { certificates: [] }, conditions: ['RECOGNITION_OF_PRIOR_EDUCATION', 'ENGLISH_EXAM', 'ENGLISH_LANGUAGE_SCHOOL'] });
  await a.record({ conditionId: await a.conditionId('RECOGNITION_OF_PRIOR_EDUCATION'), recognition: { decidedOn: '2021-10-05', recognised: true, reference: 'R' } });
  await a.record({ conditionId: await a.conditionId('ENGLISH_EXAM'), englishExam: { takenOn: '2021-09-20', passed: false } });
  const school = await a.conditionId('ENGLISH_LANGUAGE_SCHOOL');
  for (const level of [0, 5]) {
    expect(refusal(await a.record({ conditionId: school, languageSchool: { placementLevel: level, on: '2021-09-25' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'languageSchool.placementLevel' });
  }
  const placed = await a.record({ conditionId: school, languageSchool: { placementLevel: 2, on: '2021-09-25' } });
  expect(placed.data.recordConditionEvidence).toEqual({ condition: { kind: 'ENGLISH_LANGUAGE_SCHOOL', status: 'OUTSTANDING' }, decision: { admissionStatus: 'CONDITIONS_OUTSTANDING', outstandingConditions: [{ kind: 'ENGLISH_LANGUAGE_SCHOOL' }] } });
  const done = await a.record({ conditionId: school, languageSchool: { placementLevel: 2, result: 'COMPLETED', on: '2022-01-30' } });
  expect(done.data.recordConditionEvidence.decision).toEqual({ admissionStatus: 'FINAL', outstandingConditions: [] });
  const school2 = (await a.file()).trackedConditions.find((c: any) => c.kind === 'ENGLISH_LANGUAGE_SCHOOL');
  expect(school2).toMatchObject({ status: 'MET', languageSchool: { placementLevel: 2, result: 'COMPLETED', on: '2022-01-30' }, englishExam: null, recognition: null });
});

test('prerequisites taken since the decision meet their condition; a course that was not missing is refused', async () => {
  const world = await buildWorld(server.orm);
  const em = server.orm.em.fork();
  const program = buildProgram(em);
  for (const code of ['PSY101', 'PSY102', 'PSY103']) em.create(PrerequisiteCourse, { program, code, title: code });
  (await em.findOneOrFail('Committee', world.committee.id) as any).programs.add(program);
  await em.flush();
  const a = await admitted(world, { overrides: { completedCourses: ['PSY101'] }, program });
  const condition = await a.conditionId('MISSING_PREREQUISITES');
  expect(refusal(await a.record({ conditionId: condition, prerequisites: { takenCourseCodes: ['PSY101'] } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'prerequisites.takenCourseCodes' });
  expect((await a.record({ conditionId: condition, prerequisites: { takenCourseCodes: ['psy102'] } })).data.recordConditionEvidence.condition.status).toBe('OUTSTANDING');
  expect((await a.record({ conditionId: condition, prerequisites: { takenCourseCodes: ['PSY103'] } })).data.recordConditionEvidence.condition.status).toBe('MET');
  expect((await a.file()).trackedConditions.find((c: any) => c.kind === 'MISSING_PREREQUISITES').prerequisites).toEqual({ takenCourseCodes: ['PSY102', 'PSY103'], remaining: [] });
});

test('the funnel counts admissions by where their conditions stand', async () => {
  const world = await buildWorld(server.orm);
  const finalOne = await admitted(world);
  await finalOne.record({ conditionId: await finalOne.conditionId('RECOGNITION_OF_PRIOR_EDUCATION'), recognition: { decidedOn: '2021-10-05', recognised: true, reference: 'R' } });
  await admitted(world, { extras: { certificates: [] } });
  const failed = await admitted(world);
  await failed.record({ conditionId: await failed.conditionId('RECOGNITION_OF_PRIOR_EDUCATION'), recognition: { decidedOn: '2021-10-05', recognised: false, reference: 'R' } });
  const { data, errors } = await server.gql(
    `query($f: ReportFilter) { funnelReport(filter: $f, groupBy: [PROGRAM]) { decided admitted admissionsFinal admissionsWithConditionsOutstanding admissionsWithConditionFailed
      conditionalAdmissions { condition count met outstanding failed } } }`,
    { f: { programId: world.gid('Program', world.program.id) } },
    token(world.officer),
  );
  expect(errors).toBeUndefined();
  const [row] = data.funnelReport;
  expect(row).toMatchObject({ decided: 3, admitted: 3, admissionsFinal: 1, admissionsWithConditionsOutstanding: 1, admissionsWithConditionFailed: 1 });
  const byKind = Object.fromEntries(row.conditionalAdmissions.map((c: any) => [c.condition, c]));
  expect(byKind.RECOGNITION_OF_PRIOR_EDUCATION).toEqual({ condition: 'RECOGNITION_OF_PRIOR_EDUCATION', count: 3, met: 1, outstanding: 1, failed: 1 });
  expect(byKind.ENGLISH_EXAM).toEqual({ condition: 'ENGLISH_EXAM', count: 1, met: 0, outstanding: 1, failed: 0 });
});
