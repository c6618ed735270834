import { buildWorld, World } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/** An officer sets up an intake from nothing through the API, and every refusal on the way names its field. */
let server: TestServer;
let world: World;
let officer: string;
const gql = (query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, officer);

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  officer = await server.tokenFor(world.officer.id);
});
afterAll(() => server.stop());

const LEVELS = ['poor', 'weak', 'adequate', 'strong', 'outstanding'];

test('programs, rubric and prerequisites: created, edited, and refused when invalid', async () => {
  const created = await gql(`mutation { createProgram(input: { code: "vacd2", name: "VACD", portfolioRequired: true, relevantBackgroundRequired: true }) { id code minAcademicReferences portfolioRequired } }`);
  expect(created.data.createProgram).toMatchObject({ code: 'VACD2', minAcademicReferences: 2, portfolioRequired: true });
  const programId = created.data.createProgram.id;

  const duplicate = await gql(`mutation { createProgram(input: { code: "VACD2", name: "Again" }) { id } }`);
  expect(refusal(duplicate)).toEqual({ code: 'CONFLICT', field: 'code' });

  const rubric = await gql(
    `mutation($id: ID!, $criteria: [RubricCriterionInput!]!) { setRubric(programId: $id, criteria: $criteria) { rubric { key weight position levels { score description } } } }`,
    {
      id: programId,
      criteria: [
        { key: 'portfolio', name: 'Portfolio', description: 'Quality of the creative work', weight: 0.5, levelDescriptions: LEVELS },
        { key: 'motivation', name: 'Motivation', description: 'Fit', weight: 0.5, levelDescriptions: LEVELS },
      ],
    },
  );
  expect(rubric.errors).toBeUndefined();
  expect(rubric.data.setRubric.rubric.map((c: any) => c.key)).toEqual(['portfolio', 'motivation']);
  expect(rubric.data.setRubric.rubric[0].levels[4]).toEqual({ score: 5, description: 'outstanding' });

  const fourLevels = await gql(`mutation($id: ID!) { setRubric(programId: $id, criteria: [{ key: "a", name: "A", description: "d", weight: 1, levelDescriptions: ["1","2","3","4"] }]) { id } }`, { id: programId });
  expect(refusal(fourLevels)).toEqual({ code: 'BAD_USER_INPUT', field: 'criteria[0].levelDescriptions' });

  const portfolioOnPlain = await gql(
    `mutation($id: ID!) { setRubric(programId: $id, criteria: [{ key: "portfolio_quality", name: "P", description: "d", weight: 1, levelDescriptions: ${JSON.stringify(LEVELS)} }]) { id } }`,
    { id: world.gid('Program', world.otherProgram.id) },
  );
  expect(refusal(portfolioOnPlain)).toEqual({ code: 'BAD_USER_INPUT', field: 'criteria[0].key' });

  const courses = await gql(
    `mutation($id: ID!) { setPrerequisiteCourses(programId: $id, courses: [{ code: "psy101", title: "Intro" }, { code: "PSY102", title: "Stats" }]) { prerequisites { code title } } }`,
    { id: programId },
  );
  expect(courses.data.setPrerequisiteCourses.prerequisites).toEqual([{ code: 'PSY101', title: 'Intro' }, { code: 'PSY102', title: 'Stats' }]);
  const twice = await gql(`mutation($id: ID!) { setPrerequisiteCourses(programId: $id, courses: [{ code: "A1", title: "x" }, { code: "a1", title: "y" }]) { id } }`, { id: programId });
  expect(refusal(twice)).toEqual({ code: 'BAD_USER_INPUT', field: 'courses[1].code' });
});

test('applicants: registered with their facts, refused with the field at fault', async () => {
  const input = {
    programId: world.gid('Program', world.program.id),
    intakeId: world.gid('Intake', world.intake.id),
    firstName: 'Amra',
    lastName: 'Hodžić',
    email: 'Amra.Hodzic@mail.example',
    nationality: 'ba',
    needsVisa: true,
    priorInstitution: 'University of Sarajevo',
    priorDegree: 'BA Psychology',
    ects: 180,
    grade: { value: 64, scale: 'HUNDRED_POINT' },
    englishCertificates: [{ test: 'IELTS_ACADEMIC', score: 5.5 }, { test: 'TOEFL_IBT', score: 79 }],
  };
  const CREATE = `mutation($input: CreateApplicantInput!) { createApplicant(input: $input) { id email nationality route status grade { value scale }
    englishCertificates { test score } bestEnglishCertificate { test score }
    eligibility { route minimumGradeMet englishPath referencesComplete complete allowedReviewWeekIds issues } } }`;
  const created = await gql(CREATE, { input });
  expect(created.errors).toBeUndefined();
  const applicant = created.data.createApplicant;
  expect(applicant).toMatchObject({ email: 'amra.hodzic@mail.example', nationality: 'BA', route: 'CONDITIONAL', status: 'INCOMPLETE', grade: { value: 64, scale: 'HUNDRED_POINT' } });
  expect(applicant.eligibility).toMatchObject({ route: 'CONDITIONAL', minimumGradeMet: false, englishPath: 'CERTIFICATE', referencesComplete: false, complete: false });
  // Several certificates: IELTS 5.5 is refused, TOEFL iBT 79 accepted, and the best counts.
  expect(applicant.englishCertificates).toEqual([{ test: 'IELTS_ACADEMIC', score: 5.5 }, { test: 'TOEFL_IBT', score: 79 }]);
  expect(applicant.bestEnglishCertificate).toEqual({ test: 'TOEFL_IBT', score: 79 });
  expect(applicant.eligibility.allowedReviewWeekIds).toEqual(world.weeks.slice(0, 3).map((w) => world.gid('ReviewWeek', w.id)));

  const again = await gql(CREATE, { input });
  expect(refusal(again)).toEqual({ code: 'CONFLICT', field: 'email' });
  const cases: [Record<string, unknown>, string][] = [
    [{ ects: -1 }, 'ects'],
    [{ grade: { value: 4.5, scale: 'FOUR_POINT' } }, 'grade.value'],
    [{ englishCertificates: [{ test: 'IELTS_ACADEMIC', score: 6.3 }] }, 'englishCertificates[0].score'],
    [{ englishCertificates: [{ test: 'TOEFL_IBT', score: 80 }, { test: 'TOEFL_IBT', score: 121 }] }, 'englishCertificates[1].score'],
    [{ nationality: 'Bosnia' }, 'nationality'],
    [{ email: 'not-an-email' }, 'email'],
    [{ firstName: '  ' }, 'firstName'],
    [{ programId: world.gid('Program', '00000000-0000-4000-8000-000000000000') }, 'programId'],
  ];
  for (const [change, field] of cases) {
    const response = await gql(CREATE, { input: { ...input, email: `x${field}@mail.example`, ...change } });
    expect(refusal(response)).toEqual({ code: field === 'programId' ? 'NOT_FOUND' : 'BAD_USER_INPUT', field });
  }

  // References: requested → received; completeness follows.
  const REQUEST = `mutation($input: RequestReferenceInput!) { requestReference(input: $input) { id status receivedAt } }`;
  const ref = (email: string) => ({ applicantId: applicant.id, refereeName: 'Prof. X', refereeEmail: email, refereeInstitution: 'UNSA', academic: true });
  const first = await gql(REQUEST, { input: ref('prof.x@unsa.example') });
  expect(first.data.requestReference).toMatchObject({ status: 'REQUESTED', receivedAt: null });
  expect(refusal(await gql(REQUEST, { input: ref('PROF.X@unsa.example') }))).toEqual({ code: 'CONFLICT', field: 'refereeEmail' });
  const second = await gql(REQUEST, { input: ref('prof.y@unsa.example') });
  for (const id of [first.data.requestReference.id, second.data.requestReference.id]) {
    const received = await gql(`mutation($id: ID!) { markReferenceReceived(id: $id) { status receivedAt } }`, { id });
    expect(received.data.markReferenceReceived.status).toBe('RECEIVED');
  }
  expect(refusal(await gql(`mutation($id: ID!) { markReferenceReceived(id: $id) { status } }`, { id: first.data.requestReference.id })).code).toBe('INVALID_STATE');

  const doc = await gql(`mutation($id: ID!) { addDocument(applicantId: $id, kind: TRANSCRIPT, fileName: "transcript.jpg", quality: PHOTOGRAPHED) { id quality } }`, { id: applicant.id });
  const READ = `query($id: ID!) { applicant(id: $id) { status documents { fileName quality } eligibility { complete documentsAcceptable photographedDocuments } } }`;
  const improper = await gql(READ, { id: applicant.id });
  expect(improper.data.applicant).toMatchObject({ status: 'IMPROPER', eligibility: { complete: false, documentsAcceptable: false, photographedDocuments: ['transcript.jpg'] } });
  await gql(`mutation($id: ID!) { setDocumentQuality(id: $id, quality: SCANNED) { id } }`, { id: doc.data.addDocument.id });
  const complete = await gql(READ, { id: applicant.id });
  expect(complete.data.applicant).toMatchObject({ status: 'COMPLETE', eligibility: { complete: true, documentsAcceptable: true } });

  // null for a field that cannot be empty, and NUL characters, are refused by name (not a 500)
  for (const field of ['email', 'nationality', 'grade', 'completedCourses', 'programId', 'needsVisa', 'englishCertificates']) {
    const response = await gql(`mutation($id: ID!, $input: UpdateApplicantInput!) { updateApplicant(id: $id, input: $input) { id } }`, { id: applicant.id, input: { [field]: null } });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field });
  }
  const nul = await gql(`mutation($id: ID!) { updateApplicant(id: $id, input: { firstName: "a\\u0000b" }) { id } }`, { id: applicant.id });
  expect(refusal(nul)).toEqual({ code: 'BAD_USER_INPUT', field: 'firstName' });

  const updated = await gql(`mutation($id: ID!) { updateApplicant(id: $id, input: { ects: 240, englishCertificates: [] }) { route englishCertificates { score } eligibility { englishPath } } }`, { id: applicant.id });
  expect(updated.data.updateApplicant).toEqual({ route: 'REGULAR', englishCertificates: [], eligibility: { englishPath: 'PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL' } });
});

test('portfolios: items then submission; an empty portfolio cannot be submitted', async () => {
  const id = world.gid('Applicant', world.notOnAgenda.id);
  expect(refusal(await gql(`mutation($id: ID!) { submitPortfolio(applicantId: $id) { id } }`, { id })).code).toBe('INVALID_STATE');
  const item = await gql(`mutation($id: ID!) { addPortfolioItem(applicantId: $id, input: { title: "Poster series", medium: "typography", year: 2020 }) { title position } }`, { id });
  expect(item.data.addPortfolioItem).toEqual({ title: 'Poster series', position: 0 });
  const badUrl = await gql(`mutation($id: ID!) { addPortfolioItem(applicantId: $id, input: { title: "x", medium: "y", url: "javascript:alert(1)" }) { id } }`, { id });
  expect(refusal(badUrl)).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
  const submitted = await gql(`mutation($id: ID!) { submitPortfolio(applicantId: $id) { submittedAt items { title } } }`, { id });
  expect(submitted.data.submitPortfolio.items).toEqual([{ title: 'Poster series' }]);
  expect(submitted.data.submitPortfolio.submittedAt).toEqual(expect.any(String));
});

describe('scheduling review sessions', () => {
  const SESSION = `mutation($input: CreateReviewSessionInput!) { createReviewSession(input: $input) { id title blind week { label } } }`;
  const sessionInput = (weekIndex: number, startsAt: string, endsAt: string) => ({
    committeeId: world.gid('Committee', world.committee.id),
    weekId: world.gid('ReviewWeek', world.weeks[weekIndex].id),
    title: 'Track B',
    startsAt,
    endsAt,
  });

  test('a session must fall inside its review week', async () => {
    const before = await gql(SESSION, { input: sessionInput(0, '2021-05-24T09:00:00Z', '2021-05-24T12:00:00Z') });
    expect(refusal(before)).toEqual({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    const overruns = await gql(SESSION, { input: sessionInput(0, '2021-05-31T20:00:00Z', '2021-06-01T02:00:00Z') });
    expect(refusal(overruns)).toEqual({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    const backwards = await gql(SESSION, { input: sessionInput(0, '2021-05-27T12:00:00Z', '2021-05-27T09:00:00Z') });
    expect(refusal(backwards)).toEqual({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    const ok = await gql(SESSION, { input: sessionInput(0, '2021-05-27T09:00:00Z', '2021-05-27T12:00:00Z') });
    expect(ok.data.createReviewSession).toMatchObject({ title: 'Track B', blind: true, week: { label: 'week 1' } });
  });

  test('the agenda refuses a visa-requiring applicant in the visa-free week, another program, another intake, and duplicates', async () => {
    const visaFree = await gql(SESSION, { input: sessionInput(3, '2021-09-02T09:00:00Z', '2021-09-02T12:00:00Z') });
    const sessionId = visaFree.data.createReviewSession.id;
    const em = server.orm.em.fork();
    const { buildCompleteApplicant, buildIntake } = await import('../support/factories');
    const needsVisa = buildCompleteApplicant(em, { program: world.program, intake: world.intake }, { needsVisa: true, nationality: 'TR' });
    const noVisa = buildCompleteApplicant(em, { program: world.program, intake: world.intake }, { needsVisa: false });
    const wrongProgram = buildCompleteApplicant(em, { program: world.otherProgram, intake: world.intake });
    const otherIntake = buildCompleteApplicant(em, { program: world.program, intake: buildIntake(em).intake });
    await em.flush();
    const ADD = `mutation($s: ID!, $a: ID!) { addToAgenda(sessionId: $s, applicantId: $a) { position applicant { lastName } } }`;
    const add = (a: { id: string }) => gql(ADD, { s: sessionId, a: world.gid('Applicant', a.id) });

    const visa = await add(needsVisa);
    expect(refusal(visa)).toEqual({ code: 'NOT_ELIGIBLE', field: 'applicantId' });
    expect(visa.errors?.[0].extensions?.problems).toEqual(['NEEDS_VISA_IN_VISA_FREE_WEEK']);
    expect(visa.errors?.[0].message).toMatch(/visa/);
    expect(refusal(await add(wrongProgram))).toEqual({ code: 'BAD_USER_INPUT', field: 'applicantId' });
    expect(refusal(await add(otherIntake))).toEqual({ code: 'BAD_USER_INPUT', field: 'applicantId' });
    expect((await add(noVisa)).data.addToAgenda.position).toBe(0);
    expect(refusal(await add(noVisa))).toEqual({ code: 'CONFLICT', field: 'applicantId' });
    const unknown = await gql(ADD, { s: sessionId, a: world.gid('Applicant', '00000000-0000-4000-8000-000000000000') });
    expect(refusal(unknown)).toEqual({ code: 'NOT_FOUND', field: 'applicantId' });

    // In an ordinary week the same applicant is welcome.
    const ordinary = await gql(ADD, { s: world.gid('ReviewSession', world.session.id), a: world.gid('Applicant', needsVisa.id) });
    expect(ordinary.errors).toBeUndefined();
  });

  test('committees: seats only for committee members, once each', async () => {
    const committee = await gql(`mutation($p: [ID!]!) { createCommittee(name: "Design", programIds: $p) { id programs { code } } }`, { p: [world.gid('Program', world.program.id)] });
    const id = committee.data.createCommittee.id;
    const seat = (userId: string) => gql(`mutation($c: ID!, $u: ID!) { addCommitteeMember(committeeId: $c, userId: $u, role: CHAIR) { role user { name } } }`, { c: id, u: world.gid('User', userId) });
    expect((await seat(world.members[0].id)).data.addCommitteeMember).toEqual({ role: 'CHAIR', user: { name: 'Member 1' } });
    expect(refusal(await seat(world.members[0].id))).toEqual({ code: 'CONFLICT', field: 'userId' });
    expect(refusal(await seat(world.officer.id))).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
    const none = await gql(`mutation { createCommittee(name: "Empty", programIds: []) { id } }`);
    expect(refusal(none)).toEqual({ code: 'BAD_USER_INPUT', field: 'programIds' });
  });
});
