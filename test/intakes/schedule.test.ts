import { fromGlobalId } from '../../src/common/global-id';
import { Intake } from '../../src/intakes/intake.entity';
import { ReviewSession } from '../../src/reviews/review-session.entity';
import { buildCompleteApplicant, buildWorld } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/**
 * An intake's review schedule through the API (intakes/policy.ts): weeks from the published rule,
 * no overlap, all before the intake starts, and the visa-free week derived as the last.
 */
let server: TestServer;
let counter = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const WEEKS = `query($id: ID!) { intake(id: $id) { reviewWeeks { label startsOn endsOn visaFreeOnly } } }`;

async function officerWithIntake(startsOn: string) {
  const world = await buildWorld(server.orm);
  const gql = (query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, server.tokenFor(world.officer.id));
  const created = await gql(`mutation($c: String!, $s: LocalDate!) { createIntake(input: { code: $c, name: "Intake", startsOn: $s }) { id } }`, { c: `T-${++counter}-${Date.now()}`, s: startsOn });
  return { world, gql, intakeId: created.data.createIntake.id as string };
}

const SCHEDULE = `mutation($input: ScheduleReviewWeeksInput!) { scheduleReviewWeeks(input: $input) { reviewWeeks { label startsOn endsOn visaFreeOnly } } }`;

test.each([
  [
    'February 2021',
    '2021-02-15',
    [['LAST', 2020, 10], ['LAST', 2020, 11], ['LAST', 2020, 12], ['LAST', 2021, 1]],
    [
      ['Last week of October 2020', '2020-10-25', '2020-10-31', false],
      ['Last week of November 2020', '2020-11-24', '2020-11-30', false],
      ['Last week of December 2020', '2020-12-25', '2020-12-31', false],
      ['Last week of January 2021', '2021-01-25', '2021-01-31', true],
    ],
  ],
  [
    'October 2021',
    '2021-10-01',
    [['LAST', 2021, 5], ['LAST', 2021, 6], ['LAST', 2021, 7], ['FIRST', 2021, 9]],
    [
      ['Last week of May 2021', '2021-05-25', '2021-05-31', false],
      ['Last week of June 2021', '2021-06-24', '2021-06-30', false],
      ['Last week of July 2021', '2021-07-25', '2021-07-31', false],
      ['First week of September 2021', '2021-09-01', '2021-09-07', true],
    ],
  ],
] as [string, string, [string, number, number][], [string, string, string, boolean][]][])('the published %s schedule, created from the rule', async (_name, startsOn, rule, expected) => {
  const { gql, intakeId } = await officerWithIntake(startsOn);
  const response = await gql(SCHEDULE, { input: { intakeId, weeks: rule.map(([week, year, month]) => ({ week, year, month })) } });
  expect(response.errors).toBeUndefined();
  expect(response.data.scheduleReviewWeeks.reviewWeeks.map((w: any) => [w.label, w.startsOn, w.endsOn, w.visaFreeOnly])).toEqual(expected);
});

test('no two weeks overlap, none ends on or after the intake starts, whatever writes them', async () => {
  const { gql, intakeId } = await officerWithIntake('2021-02-15');
  expect((await gql(SCHEDULE, { input: { intakeId, weeks: [{ week: 'LAST', year: 2020, month: 10 }] } })).errors).toBeUndefined();
  // "Last week of October 2020" twice, by the rule or by hand, even overlapping by one day.
  expect(refusal(await gql(SCHEDULE, { input: { intakeId, weeks: [{ week: 'LAST', year: 2020, month: 10 }] } }))).toEqual({ code: 'CONFLICT', field: 'startsOn' });
  const WEEK = `mutation($i: ID!, $s: LocalDate!, $e: LocalDate!) { createReviewWeek(input: { intakeId: $i, label: "By hand", startsOn: $s, endsOn: $e }) { id visaFreeOnly } }`;
  expect(refusal(await gql(WEEK, { i: intakeId, s: '2020-10-31', e: '2020-11-06' }))).toEqual({ code: 'CONFLICT', field: 'startsOn' });
  // A week ending the day before the intake starts is the latest possible.
  expect(refusal(await gql(WEEK, { i: intakeId, s: '2021-02-10', e: '2021-02-15' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'endsOn' });
  expect(refusal(await gql(SCHEDULE, { input: { intakeId, weeks: [{ week: 'LAST', year: 2021, month: 2 }] } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'endsOn' });
  const lastPossible = await gql(WEEK, { i: intakeId, s: '2021-02-08', e: '2021-02-14' });
  expect(lastPossible.data.createReviewWeek.visaFreeOnly).toBe(true);
  expect(refusal(await gql(SCHEDULE, { input: { intakeId, weeks: [{ week: 'LAST', year: 2020, month: 13 }] } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'month' });

  const weeks = (await gql(WEEKS, { id: intakeId })).data.intake.reviewWeeks;
  expect(weeks.map((w: any) => [w.label, w.visaFreeOnly])).toEqual([['Last week of October 2020', false], ['By hand', true]]);
  // The intake cannot move to start before one of its weeks ends.
  const UPDATE = `mutation($id: ID!, $s: LocalDate!) { updateIntake(id: $id, input: { startsOn: $s }) { startsOn } }`;
  expect(refusal(await gql(UPDATE, { id: intakeId, s: '2021-02-14' }))).toEqual({ code: 'CONFLICT', field: 'startsOn' });
  expect((await gql(UPDATE, { id: intakeId, s: '2021-02-16' })).data.updateIntake.startsOn).toBe('2021-02-16');
});

test('the visa-free week follows the dates: moving a week so another becomes the last is refused while a visa applicant stands on its agenda', async () => {
  const { world, gql, intakeId } = await officerWithIntake('2021-10-01');
  await gql(SCHEDULE, { input: { intakeId, weeks: [{ week: 'LAST', year: 2021, month: 6 }, { week: 'LAST', year: 2021, month: 7 }] } });
  const weeks = (await gql(`query($id: ID!) { intake(id: $id) { reviewWeeks { id label visaFreeOnly } } }`, { id: intakeId })).data.intake.reviewWeeks;
  expect(weeks.map((w: any) => w.visaFreeOnly)).toEqual([false, true]);

  const em = server.orm.em.fork();
  const intake = await em.findOneOrFail(Intake, fromGlobalId('Intake', intakeId));
  const june = fromGlobalId('ReviewWeek', weeks[0].id);
  const session = em.create(ReviewSession, { committee: world.committee.id, week: june, title: 'June review', startsAt: new Date('2021-06-25T09:00:00Z'), endsAt: new Date('2021-06-25T12:00:00Z') });
  const visa = buildCompleteApplicant(em, { program: world.program, intake }, { needsVisa: true });
  await em.flush();
  const added = await gql(`mutation($s: ID!, $a: ID!) { addToAgenda(sessionId: $s, applicantId: $a) { id } }`, { s: world.gid('ReviewSession', session.id), a: world.gid('Applicant', visa.id) });
  expect(added.errors).toBeUndefined();

  // July moved before June: June would become the last, visa-free week, with a visa applicant on its agenda.
  const MOVE = `mutation($id: ID!, $s: LocalDate!, $e: LocalDate!) { updateReviewWeek(id: $id, input: { startsOn: $s, endsOn: $e }) { startsOn visaFreeOnly } }`;
  const moved = await gql(MOVE, { id: weeks[1].id, s: '2021-05-25', e: '2021-05-31' });
  expect(refusal(moved)).toEqual({ code: 'NOT_ELIGIBLE', field: 'startsOn' });
  expect(moved.errors?.[0].extensions?.problems).toEqual(['NEEDS_VISA_IN_VISA_FREE_WEEK']);
  // Moving July later keeps it the last: fine.
  expect((await gql(MOVE, { id: weeks[1].id, s: '2021-08-01', e: '2021-08-07' })).data.updateReviewWeek).toEqual({ startsOn: '2021-08-01', visaFreeOnly: true });
  // A new, later week takes the visa-free rule over: July is open to visa applicants again.
  await gql(SCHEDULE, { input: { intakeId, weeks: [{ week: 'FIRST', year: 2021, month: 9 }] } });
  const after = (await gql(WEEKS, { id: intakeId })).data.intake.reviewWeeks;
  expect(after.map((w: any) => [w.label, w.visaFreeOnly])).toEqual([
    ['Last week of June 2021', false],
    ['Last week of July 2021', false],
    ['First week of September 2021', true],
  ]);
});
