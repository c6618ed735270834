import type { ReachScene, Role } from './reach-scene';

/**
 * Who may do what: every root field of the schema, with the outcome each viewer gets.
 *
 * Outcomes, by column (ROLES in reach-scene.ts): unauthenticated, reporter, outsider (chairs
 * another committee), conflicted (a member of this committee with a declared conflict on the
 * applicant aimed at), member, chair, officer.
 * - 'ok': answered, and the answer holds the scene's data (or the write succeeded).
 * - 'empty': answered without refusing, but row-level scoping hides the scene's rows (null, an
 *   empty list, a zero count, a null live tally): the viewer learns nothing, not even that
 *   something is hidden.
 * - 'silent' (subscriptions): accepted, and nothing arrives while a member receives the event.
 * - an error code (src/common/errors.ts): refused with that `extensions.code`.
 *
 * A root field without a row here fails the test by name, and so does a row whose field is
 * gone: a new field cannot ship without someone deciding who reaches it.
 */
export type Outcome = 'ok' | 'empty' | 'silent' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT_OF_INTEREST' | 'BAD_USER_INPUT' | 'INVALID_STATE' | 'CONFLICT';

/** What a row's `prepare` may use: the scene, and the API as the scene's chair or officer. */
export interface Prepare {
  scene: ReachScene;
  actor: Role;
  /** Runs an operation as one of the scene's users; throws on errors, returns `data`. */
  as(role: 'chair' | 'officer' | 'member', query: string, variables?: Record<string, unknown>): Promise<any>;
  /** Gives the actor a built-in password (for changePassword). */
  passwordFor(role: Role, password: string): Promise<void>;
}

export interface ReachRow {
  /** The operation; its root field is the row's key. */
  document: string;
  variables: (scene: ReachScene, actor: Role) => Record<string, unknown>;
  /** State a row needs beyond the scene (a recorded decision); returns more variables. */
  prepare?: (p: Prepare) => Promise<Record<string, unknown>>;
  /** In column order: unauthenticated, reporter, outsider, conflicted, member, chair, officer. */
  expect: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
}

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const COI = 'CONFLICT_OF_INTEREST';
/** `@Authorized(OFFICER)`. */
const OFFICERS: ReachRow['expect'] = [U, F, F, F, F, F, 'ok'];
/** `@Authorized()` with nothing scoped: every signed-in user. */
const ANYONE: ReachRow['expect'] = [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];

const none = () => ({});
/** The actor's own user id; the member's for the unauthenticated caller, who has none. */
const self = (s: ReachScene, actor: Role) => (actor === 'unauthenticated' ? s.userIds.member : s.userIds[actor]);

/** The chair records the committee's admission of C (voting on C is closed). */
async function decided(p: Prepare) {
  const { ids } = p.scene;
  await p.as('chair', 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', { i: { sessionId: ids.session, applicantId: ids.c, outcome: 'ADMIT' } });
}
async function published(p: Prepare) {
  await decided(p);
  await p.as('officer', 'mutation($a: ID!) { publishDecision(applicantId: $a) { id } }', { a: p.scene.ids.c });
}

/** A report over the scene's program; a report answering one object (calibration, committee work) is 'ok' once answered. */
const report = (field: string, args = '(filter: $f)', selection = '{ __typename }') => ({
  document: `query($f: ReportFilter) { ${field}${args} ${selection} }`,
  variables: (s: ReachScene) => ({ f: { programId: s.ids.program } }),
});

export const QUERIES: Record<string, ReachRow> = {
  applicant: {
    document: 'query($id: ID!) { applicant(id: $id) { id lastName } }',
    variables: (s) => ({ id: s.ids.a }),
    expect: [U, F, F, 'ok', 'ok', 'ok', 'ok'],
  },
  applicantDataExport: { document: 'query($a: ID!) { applicantDataExport(applicantId: $a) }', variables: (s) => ({ a: s.ids.a }), expect: OFFICERS },
  // Reports: members' aggregates are over their own committees' sessions only (report-scope.ts), so the
  // outsider's are empty; the conflicted member's scores leave out C, the one applicant with votes.
  applicantMixReport: { ...report('applicantMixReport', '(dimension: ROUTE, filter: $f)'), expect: [U, 'ok', 'empty', 'ok', 'ok', 'ok', 'ok'] },
  applicants: {
    document: 'query($p: ID!) { applicants(first: 10, filter: { programId: $p }) { totalCount nodes { id } } }',
    variables: (s) => ({ p: s.ids.program }),
    expect: [U, F, 'empty', 'ok', 'ok', 'ok', 'ok'],
  },
  auditEvents: { document: 'query { auditEvents(first: 5) { totalCount } }', variables: none, expect: OFFICERS },
  calibrationReport: { ...report('calibrationReport'), expect: ANYONE },
  committee: { document: 'query($id: ID!) { committee(id: $id) { id name } }', variables: (s) => ({ id: s.ids.committee }), expect: [U, F, F, 'ok', 'ok', 'ok', 'ok'] },
  committeeWorkReport: { ...report('committeeWorkReport'), expect: ANYONE },
  committees: { document: 'query { committees { totalCount } }', variables: none, expect: [U, F, 'ok', 'ok', 'ok', 'ok', 'ok'] },
  decisionDraft: {
    document: 'query($s: ID!, $a: ID!) { decisionDraft(sessionId: $s, applicantId: $a) { votingClosed } }',
    variables: (s) => ({ s: s.ids.session, a: s.ids.c }),
    expect: [U, F, F, F, F, 'ok', 'ok'],
  },
  // No decision in the scene, so the default range (first to last decision) is empty for everyone: this row
  // says who is refused; test/reporting/reports.test.ts says what each reader counts.
  decisionsPerDay: { ...report('decisionsPerDay'), expect: [U, 'empty', 'empty', 'empty', 'empty', 'empty', 'empty'] },
  funnelReport: { ...report('funnelReport'), expect: [U, 'ok', 'empty', 'ok', 'ok', 'ok', 'ok'] },
  intake: { document: 'query($id: ID!) { intake(id: $id) { id } }', variables: (s) => ({ id: s.ids.intake }), expect: ANYONE },
  intakes: { document: 'query { intakes { totalCount } }', variables: none, expect: ANYONE },
  me: { document: 'query { me { id } }', variables: none, expect: ANYONE },
  node: { document: 'query($id: ID!) { node(id: $id) { id } }', variables: (s) => ({ id: s.ids.a }), expect: [U, F, F, 'ok', 'ok', 'ok', 'ok'] },
  // nodes(ids:) refuses per item like node(id:): the item is null and its error is at its path.
  nodes: { document: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: (s) => ({ ids: [s.ids.a] }), expect: [U, F, F, 'ok', 'ok', 'ok', 'ok'] },
  program: { document: 'query($id: ID!) { program(id: $id) { id } }', variables: (s) => ({ id: s.ids.program }), expect: ANYONE },
  programs: { document: 'query { programs { totalCount } }', variables: none, expect: ANYONE },
  reviewSession: { document: 'query($id: ID!) { reviewSession(id: $id) { id } }', variables: (s) => ({ id: s.ids.session }), expect: [U, F, F, 'ok', 'ok', 'ok', 'ok'] },
  reviewSessions: {
    document: 'query($c: ID!) { reviewSessions(filter: { committeeId: $c }) { totalCount } }',
    variables: (s) => ({ c: s.ids.committee }),
    expect: [U, F, 'empty', 'ok', 'ok', 'ok', 'ok'],
  },
  scoresCsv: { document: 'query($f: ReportFilter) { scoresCsv(filter: $f) }', variables: (s) => ({ f: { programId: s.ids.program } }), expect: OFFICERS },
  scoringReport: { ...report('scoringReport'), expect: [U, 'ok', 'empty', 'empty', 'ok', 'ok', 'ok'] },
  signInSessions: {
    document: 'query($u: ID) { signInSessions(userId: $u) { totalCount } }',
    variables: (s) => ({ u: s.ids.member }),
    // The member signs in first, so there is a session to list.
    prepare: async (p) => {
      await p.as('member', 'query { me { id } }');
      return {};
    },
    expect: [U, F, F, F, 'ok', F, 'ok'],
  },
  users: { document: 'query { users { totalCount } }', variables: none, expect: OFFICERS },
};

const applicantInput = (s: ReachScene) => ({
  firstName: 'Ada',
  lastName: `Reach${s.n}`,
  email: `reach${s.n}-${Date.now()}@mail.example`,
  nationality: 'BA',
  needsVisa: false,
  priorInstitution: 'University of Tuzla',
  priorDegree: 'BSc',
  ects: 240,
  grade: { value: 3.2, scale: 'FOUR_POINT' },
  programId: s.ids.program,
  intakeId: s.ids.intake,
});
const tenCourses = Array.from({ length: 10 }, (_, i) => ({ code: `PREP${i}`, title: `Preparatory ${i}`, ects: 6 }));
const unique = (s: ReachScene, prefix: string) => `${prefix}${s.n}X${Math.floor(Math.random() * 1e6)}`;

export const MUTATIONS: Record<string, ReachRow> = {
  addCommitteeMember: {
    document: 'mutation($c: ID!, $u: ID!) { addCommitteeMember(committeeId: $c, userId: $u) { role } }',
    variables: (s) => ({ c: s.ids.committee, u: s.ids.newcomer }),
    expect: OFFICERS,
  },
  addDocument: {
    document: 'mutation($a: ID!) { addDocument(applicantId: $a, fileName: "cv.pdf", kind: CV, quality: SCANNED) { id } }',
    variables: (s) => ({ a: s.ids.d }),
    expect: OFFICERS,
  },
  addPortfolioItem: {
    document: 'mutation($a: ID!) { addPortfolioItem(applicantId: $a, input: { title: "Film", medium: "video" }) { id } }',
    variables: (s) => ({ a: s.ids.d }),
    expect: OFFICERS,
  },
  addToAgenda: {
    document: 'mutation($a: ID!, $s: ID!) { addToAgenda(applicantId: $a, sessionId: $s) { id } }',
    variables: (s) => ({ a: s.ids.d, s: s.ids.session }),
    expect: OFFICERS,
  },
  castVote: {
    document: 'mutation($i: CastVoteInput!) { castVote(input: $i) { version } }',
    variables: (s) => ({
      i: { sessionId: s.ids.session, applicantId: s.ids.a, recommendation: 'ADMIT', confidence: 2, scores: s.ids.criteria.map((criterionId) => ({ criterionId, score: 4 })) },
    }),
    expect: [U, F, F, COI, 'ok', 'ok', F],
  },
  changePassword: {
    document: 'mutation($old: String!) { changePassword(currentPassword: $old, newPassword: "another long password") { id } }',
    variables: () => ({ old: 'the first long password' }),
    prepare: async (p) => {
      await p.passwordFor(p.actor, 'the first long password');
      return {};
    },
    expect: ANYONE,
  },
  clearConflict: {
    document: 'mutation($u: ID!, $a: ID!) { clearConflict(userId: $u, applicantId: $a, source: DECLARED, reason: "Another department") { id } }',
    variables: (s) => ({ u: s.ids.conflicted, a: s.ids.a }),
    expect: OFFICERS,
  },
  closeSession: { document: 'mutation($id: ID!) { closeSession(id: $id) { status } }', variables: (s) => ({ id: s.ids.session }), expect: [U, F, F, F, F, 'ok', 'ok'] },
  closeVoting: {
    document: 'mutation($s: ID!, $a: ID!) { closeVoting(sessionId: $s, applicantId: $a) { votingStatus } }',
    variables: (s) => ({ s: s.ids.session, a: s.ids.a }),
    expect: [U, F, F, F, F, 'ok', 'ok'],
  },
  createApplicant: { document: 'mutation($i: CreateApplicantInput!) { createApplicant(input: $i) { id } }', variables: (s) => ({ i: applicantInput(s) }), expect: OFFICERS },
  createCommittee: {
    document: 'mutation($n: String!, $p: [ID!]!) { createCommittee(name: $n, programIds: $p) { id } }',
    variables: (s) => ({ n: unique(s, 'Committee '), p: [s.ids.program] }),
    expect: OFFICERS,
  },
  createIntake: {
    document: 'mutation($i: CreateIntakeInput!) { createIntake(input: $i) { id } }',
    variables: (s) => ({ i: { code: unique(s, 'CI'), name: 'New intake', startsOn: '2023-02-01' } }),
    expect: OFFICERS,
  },
  createProgram: {
    document: 'mutation($i: CreateProgramInput!) { createProgram(input: $i) { id } }',
    variables: (s) => ({ i: { code: unique(s, 'CP'), name: 'New program' } }),
    expect: OFFICERS,
  },
  createReviewSession: {
    document: 'mutation($i: CreateReviewSessionInput!) { createReviewSession(input: $i) { id } }',
    variables: (s) => ({ i: { committeeId: s.ids.committee, weekId: s.ids.week, title: 'Another session', startsAt: '2021-05-27T09:00:00Z', endsAt: '2021-05-27T17:00:00Z' } }),
    expect: OFFICERS,
  },
  createReviewWeek: {
    document: 'mutation($i: CreateReviewWeekInput!) { createReviewWeek(input: $i) { id } }',
    variables: (s) => ({ i: { intakeId: s.ids.emptyIntake, label: 'Early week', startsOn: '2021-10-25', endsOn: '2021-10-31' } }),
    expect: OFFICERS,
  },
  createUser: {
    document: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    variables: (s) => ({ i: { email: `${unique(s, 'new')}@uni.example`, name: 'New user', role: 'COMMITTEE_MEMBER' } }),
    expect: OFFICERS,
  },
  // Members declare their own conflicts (on B, the one applicant the conflicted member is free on); officers declare for a member.
  declareConflict: {
    document: 'mutation($u: ID!, $a: ID!) { declareConflict(userId: $u, applicantId: $a, reason: "Relative") { conflict { source } } }',
    variables: (s, actor) => ({ u: actor === 'officer' ? s.userIds.member : self(s, actor), a: s.ids.b }),
    expect: [U, F, F, 'ok', 'ok', 'ok', 'ok'],
  },
  eraseApplicant: { document: 'mutation($a: ID!) { eraseApplicant(applicantId: $a) { id } }', variables: (s) => ({ a: s.ids.d }), expect: OFFICERS },
  eraseExpiredApplicants: { document: 'mutation { eraseExpiredApplicants(dryRun: true) { due } }', variables: none, expect: OFFICERS },
  issueAcceptanceLetter: {
    document: 'mutation($a: ID!) { issueAcceptanceLetter(applicantId: $a) { letterIssuedAt } }',
    variables: (s) => ({ a: s.ids.c }),
    prepare: async (p) => {
      await published(p);
      await p.as('officer', 'mutation($a: ID!) { recordTuitionPaid(applicantId: $a) { id } }', { a: p.scene.ids.c });
      return {};
    },
    expect: OFFICERS,
  },
  markReferenceReceived: { document: 'mutation($id: ID!) { markReferenceReceived(id: $id) { status } }', variables: (s) => ({ id: s.ids.requestedReference }), expect: OFFICERS },
  openSession: { document: 'mutation($id: ID!) { openSession(id: $id) { status } }', variables: (s) => ({ id: s.ids.scheduled }), expect: [U, F, F, F, F, 'ok', 'ok'] },
  postComment: {
    document: 'mutation($s: ID!, $a: ID!) { postComment(sessionId: $s, applicantId: $a, body: "Strong file") { id } }',
    variables: (s) => ({ s: s.ids.session, a: s.ids.a }),
    expect: [U, F, F, COI, 'ok', 'ok', 'ok'],
  },
  publishDecision: {
    document: 'mutation($a: ID!) { publishDecision(applicantId: $a) { publishedAt } }',
    variables: (s) => ({ a: s.ids.c }),
    prepare: async (p) => {
      await decided(p);
      return {};
    },
    expect: OFFICERS,
  },
  recordConditionEvidence: {
    document: 'mutation($i: RecordConditionEvidenceInput!) { recordConditionEvidence(input: $i) { condition { status } } }',
    variables: () => ({}),
    prepare: async (p) => {
      await published(p);
      const data = await p.as('officer', 'query($a: ID!) { applicant(id: $a) { decision { trackedConditions { id kind } } } }', { a: p.scene.ids.c });
      const recognition = data.applicant.decision.trackedConditions.find((c: any) => c.kind === 'RECOGNITION_OF_PRIOR_EDUCATION');
      return { i: { conditionId: recognition.id, recognition: { decidedOn: '2021-11-01', recognised: true, reference: 'ENIC 2021/17' } } };
    },
    expect: OFFICERS,
  },
  recordDecision: {
    document: 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { outcome } }',
    variables: (s) => ({ i: { sessionId: s.ids.session, applicantId: s.ids.c, outcome: 'ADMIT' } }),
    expect: [U, F, F, F, F, 'ok', 'ok'],
  },
  recordTuitionPaid: {
    document: 'mutation($a: ID!) { recordTuitionPaid(applicantId: $a) { tuitionPaidAt } }',
    variables: (s) => ({ a: s.ids.c }),
    prepare: async (p) => {
      await published(p);
      return {};
    },
    expect: OFFICERS,
  },
  rejectImproperApplication: { document: 'mutation($a: ID!) { rejectImproperApplication(applicantId: $a) { outcome } }', variables: (s) => ({ a: s.ids.improper }), expect: OFFICERS },
  removeCommitteeMember: {
    document: 'mutation($c: ID!, $u: ID!) { removeCommitteeMember(committeeId: $c, userId: $u) { id } }',
    variables: (s) => ({ c: s.ids.committee, u: s.ids.bystander }),
    expect: OFFICERS,
  },
  removeDocument: { document: 'mutation($id: ID!) { removeDocument(id: $id) { id } }', variables: (s) => ({ id: s.ids.document }), expect: OFFICERS },
  removeFromAgenda: { document: 'mutation($a: ID!, $s: ID!) { removeFromAgenda(applicantId: $a, sessionId: $s) { id } }', variables: (s) => ({ a: s.ids.b, s: s.ids.session }), expect: OFFICERS },
  removePortfolioItem: { document: 'mutation($id: ID!) { removePortfolioItem(id: $id) { id } }', variables: (s) => ({ id: s.ids.portfolioItem }), expect: OFFICERS },
  removeReference: { document: 'mutation($id: ID!) { removeReference(id: $id) { id } }', variables: (s) => ({ id: s.ids.extraReference }), expect: OFFICERS },
  requestReference: {
    document: 'mutation($i: RequestReferenceInput!) { requestReference(input: $i) { id } }',
    variables: (s) => ({ i: { applicantId: s.ids.d, refereeName: 'Prof. New', refereeEmail: `${unique(s, 'ref')}@uni.example`, refereeInstitution: 'University of Sarajevo', academic: true } }),
    expect: OFFICERS,
  },
  revealScores: {
    document: 'mutation($s: ID!, $a: ID!) { revealScores(sessionId: $s, applicantId: $a) { scoresRevealed } }',
    variables: (s) => ({ s: s.ids.blindSession, a: s.ids.a }),
    expect: [U, F, F, F, F, 'ok', 'ok'],
  },
  // Aimed at the member's sign-ins: the member may end their own, the officer anyone's.
  revokeAllSignInSessions: {
    document: 'mutation($u: ID!) { revokeAllSignInSessions(userId: $u) { revokedCount } }',
    variables: (s) => ({ u: s.ids.member }),
    expect: [U, F, F, F, 'ok', F, 'ok'],
  },
  revokeSignInSession: {
    document: 'mutation($id: ID!) { revokeSignInSession(id: $id) { id } }',
    variables: () => ({}),
    prepare: async (p) => {
      const data = await p.as('member', 'query($u: ID) { signInSessions(userId: $u) { nodes { id } } }', { u: p.scene.ids.member });
      return { id: data.signInSessions.nodes[0].id };
    },
    expect: [U, F, F, F, 'ok', F, 'ok'],
  },
  scheduleReviewWeeks: {
    document: 'mutation($i: ScheduleReviewWeeksInput!) { scheduleReviewWeeks(input: $i) { id } }',
    variables: (s) => ({ i: { intakeId: s.ids.emptyIntake, weeks: [{ week: 'LAST', year: 2021, month: 11 }] } }),
    expect: OFFICERS,
  },
  setCurrentApplicant: {
    document: 'mutation($s: ID!, $a: ID!) { setCurrentApplicant(sessionId: $s, applicantId: $a) { id } }',
    variables: (s) => ({ s: s.ids.session, a: s.ids.b }),
    expect: [U, F, F, F, F, 'ok', 'ok'],
  },
  setDocumentQuality: { document: 'mutation($id: ID!) { setDocumentQuality(id: $id, quality: SCANNED) { quality } }', variables: (s) => ({ id: s.ids.document }), expect: OFFICERS },
  setPortfolioStatement: { document: 'mutation($a: ID!) { setPortfolioStatement(applicantId: $a, statement: "New statement") { id } }', variables: (s) => ({ a: s.ids.d }), expect: OFFICERS },
  setPreparatoryCourses: {
    document: 'mutation($p: ID!, $c: [PreparatoryCourseInput!]!) { setPreparatoryCourses(programId: $p, courses: $c) { id } }',
    variables: (s) => ({ p: s.ids.spareProgram, c: tenCourses }),
    expect: OFFICERS,
  },
  setPrerequisiteCourses: {
    document: 'mutation($p: ID!) { setPrerequisiteCourses(programId: $p, courses: [{ code: "PSY101", title: "Introduction to psychology" }]) { id } }',
    variables: (s) => ({ p: s.ids.spareProgram }),
    expect: OFFICERS,
  },
  setRubric: {
    document: 'mutation($p: ID!, $c: [RubricCriterionInput!]!) { setRubric(programId: $p, criteria: $c) { id } }',
    variables: (s) => ({ p: s.ids.spareProgram, c: [{ key: 'academic_record', name: 'Academic record', description: 'Grades', weight: 1, levelDescriptions: ['1', '2', '3', '4', '5'] }] }),
    expect: OFFICERS,
  },
  setUserPassword: {
    document: 'mutation($u: ID!) { setUserPassword(userId: $u, password: "a long first password") { id } }',
    variables: (s) => ({ u: s.ids.bystander }),
    expect: OFFICERS,
  },
  submitPortfolio: { document: 'mutation($a: ID!) { submitPortfolio(applicantId: $a) { submittedAt } }', variables: (s) => ({ a: s.ids.d }), expect: OFFICERS },
  updateApplicant: { document: 'mutation($id: ID!) { updateApplicant(id: $id, input: { firstName: "Renamed" }) { id } }', variables: (s) => ({ id: s.ids.d }), expect: OFFICERS },
  updateCommittee: { document: 'mutation($id: ID!) { updateCommittee(id: $id, name: "Renamed committee") { id } }', variables: (s) => ({ id: s.ids.committee }), expect: OFFICERS },
  updateIntake: { document: 'mutation($id: ID!) { updateIntake(id: $id, input: { name: "Renamed intake" }) { id } }', variables: (s) => ({ id: s.ids.emptyIntake }), expect: OFFICERS },
  updateProgram: { document: 'mutation($id: ID!) { updateProgram(id: $id, input: { name: "Renamed program" }) { id } }', variables: (s) => ({ id: s.ids.spareProgram }), expect: OFFICERS },
  updateReviewSession: { document: 'mutation($id: ID!) { updateReviewSession(id: $id, input: { title: "Renamed session" }) { id } }', variables: (s) => ({ id: s.ids.scheduled }), expect: OFFICERS },
  updateReviewWeek: { document: 'mutation($id: ID!) { updateReviewWeek(id: $id, input: { label: "Renamed week" }) { id } }', variables: (s) => ({ id: s.ids.week2 }), expect: OFFICERS },
  withdrawApplicant: { document: 'mutation($id: ID!) { withdrawApplicant(id: $id) { status } }', variables: (s) => ({ id: s.ids.d }), expect: OFFICERS },
};

/**
 * Subscriptions: the actor subscribes (with `after` at the log's head, so nothing is missed),
 * a member of the committee subscribes the same way as the witness, then the officer moves the
 * session to B, which puts E (the conflicted member's applicant) up next.
 */
export const SUBSCRIPTIONS: Record<string, ReachRow> = {
  sessionEvents: {
    document: 'subscription($s: ID!, $after: ID) { sessionEvents(sessionId: $s, after: $after) { type } }',
    variables: (s) => ({ s: s.ids.session }),
    expect: [U, F, F, 'ok', 'ok', 'ok', 'ok'],
  },
  applicantTally: {
    document: 'subscription($s: ID!, $a: ID!) { applicantTally(sessionId: $s, applicantId: $a) { voteCount } }',
    variables: (s) => ({ s: s.ids.session, a: s.ids.a }),
    expect: [U, F, F, 'empty', 'ok', 'ok', 'ok'],
  },
  reviewerNotifications: {
    document: 'subscription($after: ID) { reviewerNotifications(after: $after) { type } }',
    variables: () => ({}),
    expect: [U, F, 'silent', 'silent', 'ok', 'ok', 'silent'],
  },
};
