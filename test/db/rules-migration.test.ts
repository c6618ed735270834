import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openOrm, Orm } from '../../src/db/orm';
import { withDatabase } from '../../src/db/postgres-server';

/**
 * The stored data of before issue 11, migrated: a database at the schema just before the data
 * migration, filled with rows the old API allowed, then migrated to the end.
 */
let orm: Orm;
let db: Client;

const EXPAND = 'Migration20261202054337';

beforeAll(async () => {
  const adminUrl = process.env.CONCLAVE_TEST_ADMIN_URL!;
  const name = `${process.env.CONCLAVE_TEST_TEMPLATE}_legacy_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  orm = await openOrm(withDatabase(adminUrl, name), { poolMax: 2 });
  await orm.getMigrator().up({ to: EXPAND });
  db = new Client({ connectionString: withDatabase(adminUrl, name) });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await orm.close();
});

test('certificates, rejection reasons, conditions and abstentions come through the migration', async () => {
  const id = () => randomUUID();
  const [program, intake, session, week, committee, member, criterion] = [id(), id(), id(), id(), id(), id(), id()];
  await db.query(`insert into program (id, code, name) values ($1, 'MCP', 'Clinical Psychology')`, [program]);
  await db.query(`insert into prerequisite_course (id, program_id, code, title) values ($1, $2, 'PSY101', 'Intro'), ($3, $2, 'PSY102', 'History')`, [id(), program, id()]);
  await db.query(`insert into intake (id, code, name, starts_on) values ($1, '2021-10', 'October 2021', '2021-10-01')`, [intake]);
  await db.query(`insert into review_week (id, intake_id, label, starts_on, ends_on, visa_free_only) values ($1, $2, 'May', '2021-05-25', '2021-05-31', false)`, [week, intake]);
  await db.query(`insert into committee (id, name) values ($1, 'Committee')`, [committee]);
  await db.query(`insert into app_user (id, email, name, role) values ($1, 'm@x.example', 'M', 'COMMITTEE_MEMBER')`, [member]);
  await db.query(`insert into review_session (id, committee_id, week_id, title, starts_at, ends_at) values ($1, $2, $3, 'S', '2021-05-26T09:00Z', '2021-05-26T10:00Z')`, [session, committee, week]);
  await db.query(`insert into rubric_criterion (id, program_id, key, name, description, weight, position, level_descriptions) values ($1, $2, 'k', 'k', 'k', 1, 0, array['1','2','3','4','5'])`, [criterion, program]);
  const applicant = async (last: string, ects: number, test: string | null, score: number | null, courses: string[] = []) => {
    const applicantId = id();
    await db.query(
      `insert into applicant (id, program_id, intake_id, first_name, last_name, email, nationality, needs_visa, prior_institution, prior_degree, ects, grade_value, grade_scale, english_test, english_score, completed_courses)
       values ($1, $2, $3, 'A', $4, $5, 'BA', false, 'U', 'BA', $6, 3, 'FOUR_POINT', $7, $8, $9)`,
      [applicantId, program, intake, last, `${last}@x.example`, ects, test, score, courses],
    );
    return applicantId;
  };
  const decide = async (applicantId: string, outcome: string, conditions: string[], reason: string | null = null) => {
    const decisionId = id();
    await db.query(`insert into decision (id, applicant_id, session_id, outcome, conditions, reason) values ($1, $2, $3, $4, $5, $6)`, [decisionId, applicantId, session, outcome, conditions, reason]);
    return decisionId;
  };
  // An IELTS 7 holder admitted "with" the English Language School (it cannot apply) and no recognition.
  const certified = await applicant('Certified', 240, 'IELTS_ACADEMIC', 7, ['PSY101', 'PSY102']);
  const certifiedDecision = await decide(certified, 'ADMIT', ['ENGLISH_LANGUAGE_SCHOOL']);
  // A 3-year degree without a certificate, one prerequisite missing, admitted with conditions: [].
  const conditional = await applicant('Conditional', 200, null, null, ['psy101']);
  const conditionalDecision = await decide(conditional, 'ADMIT', []);
  const rejected = await applicant('Rejected', 240, 'TOEFL_IBT', 90);
  const rejectedDecision = await decide(rejected, 'REJECT', [], 'Improper documents: the transcript is a photograph.');
  const judged = await applicant('Judged', 240, null, null);
  const judgedDecision = await decide(judged, 'REJECT', [], 'Weak motivation.');
  // An abstention the old API made score 1 everywhere.
  const vote = id();
  await db.query(`insert into vote (id, session_id, applicant_id, member_id, recommendation, confidence) values ($1, $2, $3, $4, 'ABSTAIN', 1)`, [vote, session, certified, member]);
  await db.query(`insert into vote_score (vote_id, criterion_id, score) values ($1, $2, 1)`, [vote, criterion]);

  await orm.getMigrator().up();

  const certificates = (await db.query(`select a.last_name, c.test, c.score::float, c.position from english_certificate c join applicant a on a.id = c.applicant_id order by a.last_name`)).rows;
  expect(certificates).toEqual([
    { last_name: 'Certified', test: 'IELTS_ACADEMIC', score: 7, position: 0 },
    { last_name: 'Rejected', test: 'TOEFL_IBT', score: 90, position: 0 },
  ]);
  const conditions = async (decisionId: string) =>
    (await db.query(`select kind, required, status, courses from decision_condition where decision_id = $1 order by kind`, [decisionId])).rows;
  expect(await conditions(certifiedDecision)).toEqual([{ kind: 'RECOGNITION_OF_PRIOR_EDUCATION', required: true, status: 'OUTSTANDING', courses: null }]);
  expect(await conditions(conditionalDecision)).toEqual([
    { kind: 'ENGLISH_EXAM', required: true, status: 'OUTSTANDING', courses: null },
    { kind: 'MISSING_PREREQUISITES', required: true, status: 'OUTSTANDING', courses: [{ code: 'PSY102', title: 'History' }] },
    { kind: 'PREPARATORY_COURSES', required: true, status: 'OUTSTANDING', courses: null },
    { kind: 'RECOGNITION_OF_PRIOR_EDUCATION', required: true, status: 'OUTSTANDING', courses: null },
  ]);
  const reasons = (await db.query(`select id, rejection_reason from decision where outcome = 'REJECT'`)).rows;
  expect(Object.fromEntries(reasons.map((r) => [r.id, r.rejection_reason]))).toEqual({ [rejectedDecision]: 'IMPROPER_DOCUMENTS', [judgedDecision]: 'COMMITTEE_JUDGEMENT' });
  expect((await db.query(`select count(*)::int as n from vote_score where vote_id = $1`, [vote])).rows[0].n).toBe(0);
  // The old columns are gone, and the new check holds for every stored decision.
  const columns = (await db.query(`select table_name, column_name from information_schema.columns where (table_name, column_name) in (('applicant', 'english_test'), ('review_week', 'visa_free_only'), ('decision', 'conditions'))`)).rows;
  expect(columns).toEqual([]);
});
