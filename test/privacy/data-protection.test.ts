import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { DecisionCondition } from '../../src/decisions/decision-condition.entity';
import { Decision } from '../../src/decisions/decision.entity';
import { AdmissionCondition, DecisionOutcome, RejectionReason } from '../../src/decisions/decision.enums';
import { ApplicantDocument, DocumentKind, DocumentQuality } from '../../src/documents/document.entity';
import { Intake } from '../../src/intakes/intake.entity';
import { createLogger } from '../../src/logger';
import { PortfolioItem } from '../../src/portfolios/portfolio-item.entity';
import { Portfolio } from '../../src/portfolios/portfolio.entity';
import { APPLICANT_TABLES, NOT_APPLICANT_DATA } from '../../src/privacy/applicant-data';
import { scheduleRetentionSweep } from '../../src/privacy/retention';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { CommentVisibility, SessionComment } from '../../src/reviews/comment.entity';
import { ReviewSession, SessionStatus } from '../../src/reviews/review-session.entity';
import { VoteRevision } from '../../src/reviews/vote-revision.entity';
import { Recommendation } from '../../src/reviews/vote.entity';
import { buildApplicant, buildReference, buildVote, buildWorld, World } from '../support/factories';
import { until } from '../support/until';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/** Subject access (the export), erasure keeping the statistics, and the retention sweep. */
let server: TestServer;
let world: World;
/** A full file on a closed session's agenda, voted on, decided, commented, with a detected and a declared conflict. */
let subject: { dbId: string; id: string };
let other: { dbId: string; id: string };
const NAME = 'Zübeyde';

const as = (user: { id: string }) => (query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, server.tokenFor(user.id));
const db = () => server.orm.em.getKnex();

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  const em = world.em;
  const criteria = await em.find(RubricCriterion, { program: world.program.id }, { orderBy: { position: 'asc' } });
  const closed = em.create(ReviewSession, {
    committee: world.committee.id, week: world.weeks[1].id, title: 'Week 2 review', status: SessionStatus.CLOSED,
    startsAt: new Date('2021-06-25T09:00:00Z'), endsAt: new Date('2021-06-25T17:00:00Z'), openedAt: new Date('2021-06-25T09:00:00Z'),
  });
  const [a, b] = [
    buildApplicant(em, { program: world.program, intake: world.intake }, { firstName: NAME, lastName: 'Kaya', nationality: 'TR', needsVisa: true, priorInstitution: 'Ege University', completedCourses: ['PSY101'] }),
    buildApplicant(em, { program: world.program, intake: world.intake }, { nationality: 'RS' }),
  ];
  // member 3 wrote one of Zübeyde's references: a detected conflict; member 2 declared one.
  const [m1, m2, m3] = world.members;
  buildReference(em, a, { refereeName: 'Prof. Aydın', refereeEmail: 'aydin@ege.example' });
  buildReference(em, a, { refereeName: m3.name, refereeEmail: m3.email, refereeInstitution: 'Institute 3' });
  em.create(ApplicantDocument, { applicant: a, kind: DocumentKind.PASSPORT, fileName: 'kaya-passport.pdf', quality: DocumentQuality.SCANNED });
  const portfolio = em.create(Portfolio, { applicant: a, statement: `${NAME}'s statement`, submittedAt: new Date('2021-05-01T00:00:00Z') });
  em.create(PortfolioItem, { portfolio, title: 'Self-portrait of Zübeyde', medium: 'oil', url: 'https://kaya.example/1', year: 2020, position: 0 });
  em.create(ConflictOfInterest, { user: m2, applicant: a, source: ConflictSource.DECLARED, reason: `Knows ${NAME} from school` });
  for (const [applicant, scores] of [[a, [5, 4, 3]], [b, [2, 3, 4]]] as const) {
    em.create(AgendaItem, { session: closed, applicant, position: applicant === a ? 0 : 1, votingStatus: VotingStatus.CLOSED });
    const v1 = buildVote(em, { session: closed, applicant, member: world.chair }, criteria, [...scores], Recommendation.ADMIT);
    const v2 = buildVote(em, { session: closed, applicant, member: m1 }, criteria, scores.map((s) => 6 - s), Recommendation.REJECT);
    v1.comment = `Mentions ${applicant.firstName} by name`;
    for (const vote of [v1, v2]) em.create(VoteRevision, { vote, version: 1, recommendation: vote.recommendation, confidence: 2, comment: vote.comment, scores: {} });
    em.create(SessionComment, { session: closed, applicant, author: m1, visibility: CommentVisibility.COMMITTEE, body: `${applicant.firstName} interviewed well` });
  }
  em.create(Decision, { applicant: a, session: closed, outcome: DecisionOutcome.REJECT, rejectionReason: RejectionReason.COMMITTEE_JUDGEMENT, reason: `${NAME} did not convince the committee`, createdAt: new Date('2021-06-25T10:00:00Z') });
  const admitted = em.create(Decision, { applicant: b, session: closed, outcome: DecisionOutcome.ADMIT, scholarshipPercent: 30, createdAt: new Date('2021-06-25T11:00:00Z') });
  for (const kind of [AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION, AdmissionCondition.ENGLISH_EXAM]) em.create(DecisionCondition, { decision: admitted, kind, required: true, description: kind });
  await em.flush();
  subject = { dbId: a.id, id: world.gid('Applicant', a.id) };
  other = { dbId: b.id, id: world.gid('Applicant', b.id) };
});
afterAll(() => server.stop());

const EXPORT = 'query($a: ID!) { applicantDataExport(applicantId: $a) }';
const ERASE = 'mutation($a: ID!) { eraseApplicant(applicantId: $a) { fullName email priorInstitution nationality ects anonymisedAt grade { value scale } } }';

describe('subject access', () => {
  test('the export holds every row about the applicant, without the committee members who are third parties', async () => {
    const response = await as(world.officer)(EXPORT, { a: subject.id });
    expect(response.errors).toBeUndefined();
    const data = response.data.applicantDataExport;
    expect(data).toMatchObject({ format: 'conclave-subject-access/1', applicantId: subject.id, exportedAt: expect.any(String) });
    expect(Object.keys(data.tables).sort()).toEqual(APPLICANT_TABLES.map((t) => t.table).sort());
    const t = data.tables;
    expect(t.applicant).toMatchObject({ id: subject.dbId, first_name: NAME, last_name: 'Kaya', prior_institution: 'Ege University' });
    expect(t.reference_letter.map((r: any) => r.referee_name).sort()).toEqual(['Member 3', 'Prof. Aydın']);
    expect(t.applicant_document).toEqual([expect.objectContaining({ file_name: 'kaya-passport.pdf', kind: 'PASSPORT' })]);
    expect(t.portfolio_item).toEqual([expect.objectContaining({ title: 'Self-portrait of Zübeyde' })]);
    expect(t.decision).toEqual([expect.objectContaining({ outcome: 'REJECT', rejection_reason: 'COMMITTEE_JUDGEMENT', reason: `${NAME} did not convince the committee` })]);
    expect(t.vote).toHaveLength(2);
    expect(t.vote_score).toHaveLength(6);
    expect(t.session_comment).toEqual([expect.objectContaining({ body: `${NAME} interviewed well` })]);
    for (const [table, omitted] of [['vote', 'member_id'], ['session_comment', 'author_id'], ['conflict_of_interest', 'user_id'], ['decision', 'decided_by_id']]) {
      for (const row of t[table]) expect(row).not.toHaveProperty(omitted);
    }
    expect(JSON.stringify(data)).not.toContain(world.members[1].id);
    expect(data.auditSummary).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'CHANGE', action: 'database' })]));
  });

  test('each export is in the audit trail; members may not export, and an unknown applicant is not found', async () => {
    const before = await db()('audit_event').where({ kind: 'EXPORT', actor_id: world.officer.id }).whereRaw('applicant_ids @> array[?]::uuid[]', [other.dbId]).count({ n: '*' });
    await as(world.officer)(EXPORT, { a: other.id });
    const after = await db()('audit_event').where({ kind: 'EXPORT', actor_id: world.officer.id }).whereRaw('applicant_ids @> array[?]::uuid[]', [other.dbId]).count({ n: '*' });
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
    expect(refusal(await as(world.members[0])(EXPORT, { a: other.id })).code).toBe('FORBIDDEN');
    expect(refusal(await as(world.officer)(EXPORT, { a: world.gid('Applicant', '00000000-0000-4000-8000-000000000000') }))).toEqual({ code: 'NOT_FOUND', field: 'applicantId' });
  });
});

const REPORTS = `{
  funnelReport(groupBy: [INTAKE, PROGRAM, WEEK]) { registered complete scheduled reviewed decided admitRate meanScholarshipPercent decisions { outcome count } conditionalAdmissions { condition count } }
  nationality: applicantMixReport(dimension: NATIONALITY) { value count share }
  route: applicantMixReport(dimension: ROUTE) { value count share }
  visa: applicantMixReport(dimension: VISA) { value count share }
  grades: applicantMixReport(dimension: GRADE_BAND) { value count share }
  scoringReport(by: SESSION) { groupLabel votes alpha criteria { criterionKey count mean median stdDev alpha } overallDistribution { score count } }
  calibrationReport { reviewers { label meanScore severity stdDev } applicants { applicantId disagreement } }
  decisionsPerDay(filter: { from: "2021-06-01", to: "2021-06-30" }) { day total decisions { outcome count } }
}`;

describe('erasure', () => {
  test('removes the personal data and keeps every report and vote statistic, for officers, reporters and members alike', async () => {
    const readers = [world.officer, world.reporter, world.members[2], world.chair];
    const before = await Promise.all(readers.map((reader) => as(reader)(REPORTS)));
    for (const report of before) expect(report.errors).toBeUndefined();
    const tallyBefore = await db()('vote_score as s').join('vote as v', 'v.id', 's.vote_id').where('v.applicant_id', subject.dbId).orderBy(['s.vote_id', 's.criterion_id']).select('s.score', 'v.recommendation');

    const erased = await as(world.officer)(ERASE, { a: subject.id });
    expect(erased.errors).toBeUndefined();
    expect(erased.data.eraseApplicant).toMatchObject({
      fullName: 'Erased applicant', email: `erased-${subject.dbId}@erased.invalid`, priorInstitution: '(erased)',
      nationality: 'TR', ects: 240, grade: { value: 3.1, scale: 'FOUR_POINT' }, anonymisedAt: expect.any(String),
    });

    const after = await Promise.all(readers.map((reader) => as(reader)(REPORTS)));
    expect(after).toEqual(before);
    const tallyAfter = await db()('vote_score as s').join('vote as v', 'v.id', 's.vote_id').where('v.applicant_id', subject.dbId).orderBy(['s.vote_id', 's.criterion_id']).select('s.score', 'v.recommendation');
    expect(tallyAfter).toEqual(tallyBefore);
  });

  test('what is left of the file: no name, email, text or link, and the facts the rules need', async () => {
    const { tables: t } = (await as(world.officer)(EXPORT, { a: subject.id })).data.applicantDataExport;
    expect(t.applicant).toMatchObject({ first_name: 'Erased', last_name: 'applicant', prior_degree: '(erased)', nationality: 'TR', needs_visa: true, completed_courses: ['PSY101'] });
    expect(t.reference_letter.map((r: any) => [r.referee_name, r.referee_institution, r.academic, r.status])).toEqual([
      ['(erased)', '(erased)', true, 'RECEIVED'],
      ['(erased)', '(erased)', true, 'RECEIVED'],
    ]);
    expect(t.applicant_document).toEqual([expect.objectContaining({ file_name: '(erased)', kind: 'PASSPORT', quality: 'SCANNED' })]);
    expect(t.portfolio).toEqual([expect.objectContaining({ statement: null, submitted_at: expect.any(String) })]);
    expect(t.portfolio_item).toEqual([expect.objectContaining({ title: '(erased)', url: null, medium: 'oil', year: 2020 })]);
    expect(t.decision).toEqual([expect.objectContaining({ outcome: 'REJECT', reason: '(erased)' })]);
    expect(t.session_comment.map((c: any) => c.body)).toEqual(['(erased)']);
    expect(t.vote.map((v: any) => v.comment)).toEqual([null, null]);
    expect(t.vote_revision.map((v: any) => v.comment)).toEqual([null, null]);
    expect(t.conflict_of_interest.every((c: any) => c.reason === '(erased)')).toBe(true);
    // Nothing anywhere in the database still carries her name, the audit trail included.
    const dump = await db().raw(`select string_agg(x::text, ' ') as text from (
      select to_jsonb(a) as x from applicant a union all select to_jsonb(r) from reference_letter r union all select to_jsonb(c) from session_comment c
      union all select to_jsonb(d) from decision d union all select to_jsonb(p) from portfolio p union all select to_jsonb(i) from portfolio_item i
      union all select to_jsonb(v) from vote v union all select to_jsonb(c) from conflict_of_interest c union all select to_jsonb(e) from audit_event e) all_rows`);
    expect(dump.rows[0].text).not.toContain(NAME);
    expect(dump.rows[0].text).not.toContain('Ege University');
  });

  test('the audit trail keeps who did what and when about her, blanked of her data, with the erasure itself', async () => {
    const rows = await db()('audit_event').whereRaw('applicant_ids @> array[?]::uuid[]', [subject.dbId]).orderBy('id');
    const withData = rows.filter((r: any) => r.before || r.after || r.details);
    expect(withData.map((r: any) => r.kind)).toEqual(expect.arrayContaining(['ERASURE']));
    expect(withData.every((r: any) => r.kind === 'ERASURE' || (r.kind === 'MUTATION' && r.action === 'eraseApplicant'))).toBe(true);
    expect(rows.filter((r: any) => r.redacted_at).length).toBeGreaterThan(5);
    const erasure = rows.find((r: any) => r.kind === 'ERASURE');
    expect(erasure).toMatchObject({ action: 'eraseApplicant', actor_id: world.officer.id, details: { count: 1 } });
  });

  test('a conflict detected from the erased data (her referee) still hides her votes from that member', async () => {
    const m3 = world.members[2];
    const conflicts = await db()('conflict_of_interest').where({ applicant_id: subject.dbId, user_id: m3.id }).select('source', 'cleared_at');
    expect(conflicts).toEqual([{ source: 'DECLARED', cleared_at: null }]);
    const seen = await as(m3)('query($a: ID!) { applicant(id: $a) { votes { id } } }', { a: subject.id });
    expect(seen.data.applicant.votes).toEqual([]);
  });

  test('is refused twice, for an applicant an open session is reviewing, and for members', async () => {
    expect(refusal(await as(world.officer)(ERASE, { a: subject.id }))).toEqual({ code: 'INVALID_STATE', field: 'applicantId' });
    const onOpenAgenda = world.gid('Applicant', world.onAgenda[0].id);
    expect(refusal(await as(world.officer)(ERASE, { a: onOpenAgenda }))).toEqual({ code: 'INVALID_STATE', field: 'applicantId' });
    expect(refusal(await as(world.chair)(ERASE, { a: other.id })).code).toBe('FORBIDDEN');
  });
});

describe('retention', () => {
  const SWEEP = 'mutation($dry: Boolean) { eraseExpiredApplicants(dryRun: $dry) { due erased waiting } }';

  /** Its own server and data: a sweep erases everything due in the database. */
  async function retentionWorld() {
    const own = await startTestServer();
    const w = await buildWorld(own.orm);
    const em = w.em;
    const year = new Date().getUTCFullYear();
    // world.intake started in 2021 with no retention of its own: RETENTION_MONTHS (24) has passed.
    const kept = em.create(Intake, { code: 'KEPT', name: 'Kept', startsOn: `${year + 1}-10-01` });
    const longKept = em.create(Intake, { code: 'LONG', name: 'Long', startsOn: '2021-10-01', retentionMonths: 1200 });
    const due = buildApplicant(em, { program: w.program, intake: w.intake });
    const notYet = [buildApplicant(em, { program: w.program, intake: kept }), buildApplicant(em, { program: w.program, intake: longKept })];
    await em.flush();
    return { own, w, due, notYet };
  }

  test('applicants past their intake’s retention are erased; those an open session reviews wait; a dry run only counts', async () => {
    const { own, w, due, notYet } = await retentionWorld();
    try {
      const officer = own.tokenFor(w.officer.id);
      // Due: `due`, the agenda's three (on an open session: they wait) and the one not on it.
      expect((await own.gql(SWEEP, { dry: true }, officer)).data.eraseExpiredApplicants).toEqual({ due: 5, erased: 0, waiting: 3 });
      expect(await own.orm.em.getKnex()('applicant').whereNotNull('anonymised_at').count({ n: '*' })).toEqual([{ n: '0' }]);
      expect((await own.gql(SWEEP, {}, officer)).data.eraseExpiredApplicants).toEqual({ due: 5, erased: 2, waiting: 3 });
      const anonymised = await own.orm.em.getKnex()('applicant').whereNotNull('anonymised_at').pluck('id');
      expect(anonymised.sort()).toEqual([due.id, w.notOnAgenda.id].sort());
      for (const applicant of notYet) expect(anonymised).not.toContain(applicant.id);
      const [entry] = await own.orm.em.getKnex()('audit_event').where({ kind: 'ERASURE', action: 'retentionSweep' }).select('actor_id', 'applicant_ids');
      expect(entry.actor_id).toBe(w.officer.id);
      expect([...entry.applicant_ids].sort()).toEqual(anonymised.sort());

      // Once the session closes, the rest goes too.
      await own.orm.em.getKnex()('review_session').where('id', w.session.id).update({ status: 'CLOSED' });
      expect((await own.gql(SWEEP, {}, officer)).data.eraseExpiredApplicants).toEqual({ due: 3, erased: 3, waiting: 0 });
      expect(refusal(await own.gql(SWEEP, {}, own.tokenFor(w.members[0].id))).code).toBe('FORBIDDEN');
    } finally {
      await own.stop();
    }
  });

  test('the server sweeps on its own, as itself', async () => {
    const { own, due } = await retentionWorld();
    const stop = scheduleRetentionSweep(own.orm.em.getKnex(), { everyHours: 1, defaultMonths: 24, logger: createLogger('silent'), firstRunInMs: 0 });
    try {
      await until(async () => Boolean((await own.orm.em.getKnex()('applicant').where('id', due.id).first('anonymised_at')).anonymised_at), 'the scheduled sweep to run', 10_000);
      const entry = await own.orm.em.getKnex()('audit_event').where({ kind: 'ERASURE', action: 'retentionSweep' }).first('actor_id');
      expect(entry.actor_id).toBeNull();
    } finally {
      stop();
      await own.stop();
    }
  });

  test('an intake’s retention is set and reset through the API, within 1 to 1200 months', async () => {
    const create = await as(world.officer)('mutation { createIntake(input: { code: "2031-10", name: "October 2031", startsOn: "2031-10-01", retentionMonths: 36 }) { id retentionMonths } }');
    expect(create.data.createIntake.retentionMonths).toBe(36);
    const id = create.data.createIntake.id;
    const reset = await as(world.officer)('mutation($id: ID!) { updateIntake(id: $id, input: { retentionMonths: null }) { retentionMonths } }', { id });
    expect(reset.data.updateIntake.retentionMonths).toBeNull();
    expect(refusal(await as(world.officer)('mutation($id: ID!) { updateIntake(id: $id, input: { retentionMonths: 0 }) { id } }', { id }))).toEqual({ code: 'BAD_USER_INPUT', field: 'retentionMonths' });
  });
});

test('the applicant data map covers every table that refers to an applicant or to a table in it', async () => {
  const listed = new Set([...APPLICANT_TABLES.map((t) => t.table), ...Object.keys(NOT_APPLICANT_DATA)]);
  const mapped = APPLICANT_TABLES.map((t) => t.table);
  const { rows } = await db().raw(
    `select distinct c.conrelid::regclass::text as referring
       from pg_constraint c
      where c.contype = 'f' and c.confrelid::regclass::text = any(?)
     union
     select distinct table_name from information_schema.columns
      where table_schema = 'public' and column_name in ('applicant_id', 'applicant_ids')`,
    [mapped],
  );
  const missing = rows.map((r: any) => r.referring).filter((table: string) => !listed.has(table));
  expect(missing).toEqual([]);
});
