import 'reflect-metadata';
import { Applicant } from '../../src/applicants/applicant.entity';
import { GradeScale } from '../../src/applicants/applicant.enums';
import { User, UserRole } from '../../src/auth/user.entity';
import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';
import { Committee } from '../../src/committees/committee.entity';
import { toGlobalId } from '../../src/common/global-id';
import { migrate, openOrm } from '../../src/db/orm';
import { Intake } from '../../src/intakes/intake.entity';
import { ReviewWeek } from '../../src/intakes/review-week.entity';
import { Program } from '../../src/programs/program.entity';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { ReviewSession, SessionStatus } from '../../src/reviews/review-session.entity';
import { benchTokens } from './bench-kit';

export interface BenchWorld {
  sessionId: string;
  applicantIds: string[];
  criterionIds: string[];
  /** Committee members' tokens; the first is the chair. */
  memberTokens: string[];
  officerTokens: string[];
}

/** An open review session with voting open on every applicant, for the live and vote benchmarks. */
export async function seedBenchWorld(url: string, options: { members: number; applicants: number; officers?: number; blind?: boolean }): Promise<BenchWorld> {
  const orm = await openOrm(url);
  await migrate(orm);
  const em = orm.em.fork();
  const program = em.create(Program, { code: 'MSCS', name: 'Computer Science' });
  const criteria = ['academic_record', 'references', 'motivation', 'english', 'fit'].map((key, position) =>
    em.create(RubricCriterion, { program, key, name: key, description: key, weight: 1 + (position % 2), position, levelDescriptions: ['1', '2', '3', '4', '5'] }),
  );
  const intake = em.create(Intake, { code: '2021-10', name: 'October 2021', startsOn: '2021-10-01' });
  const week = em.create(ReviewWeek, { intake, label: 'May', startsOn: '2021-05-25', endsOn: '2021-05-31' });
  const committee = em.create(Committee, { name: 'Bench committee' });
  committee.programs.add(program);
  const members = Array.from({ length: options.members }, (_, i) =>
    em.create(User, { email: `m${i}@bench.example`, name: `Member ${i}`, role: UserRole.COMMITTEE_MEMBER }),
  );
  const officers = Array.from({ length: options.officers ?? 0 }, (_, i) => em.create(User, { email: `o${i}@bench.example`, name: `Officer ${i}`, role: UserRole.OFFICER }));
  members.forEach((user, i) => em.create(CommitteeMember, { committee, user, role: i === 0 ? SeatRole.CHAIR : SeatRole.MEMBER }));
  const session = em.create(ReviewSession, {
    committee,
    week,
    title: 'Bench',
    startsAt: new Date('2021-05-26T09:00:00Z'),
    endsAt: new Date('2021-05-26T17:00:00Z'),
    status: SessionStatus.OPEN,
    blind: options.blind ?? false,
  });
  const applicants = Array.from({ length: options.applicants }, (_, i) =>
    em.create(Applicant, {
      program, intake, firstName: 'A', lastName: `${i}`, email: `a${i}@bench.example`, nationality: 'BA', needsVisa: false,
      priorInstitution: 'U', priorDegree: 'BSc', ects: 240, gradeValue: 3, gradeScale: GradeScale.FOUR_POINT,
    }),
  );
  applicants.forEach((applicant, position) => em.create(AgendaItem, { session, applicant, position, votingStatus: VotingStatus.OPEN }));
  await em.flush();
  await orm.close();
  const [memberTokens, officerTokens] = await Promise.all([benchTokens(url, members.map((m) => m.id)), benchTokens(url, officers.map((o) => o.id))]);
  return {
    sessionId: toGlobalId('ReviewSession', session.id),
    applicantIds: applicants.map((a) => toGlobalId('Applicant', a.id)),
    criterionIds: criteria.map((c) => toGlobalId('RubricCriterion', c.id)),
    memberTokens,
    officerTokens,
  };
}

export const CAST_VOTE = 'mutation($input: CastVoteInput!) { castVote(input: $input) { id version } }';

/** A castVote input: the scores vary with `round` so every change is a real change. */
export function voteInput(world: BenchWorld, applicantId: string, round: number, expectedVersion?: number) {
  return {
    sessionId: world.sessionId,
    applicantId,
    scores: world.criterionIds.map((criterionId, c) => ({ criterionId, score: 1 + ((round + c) % 5) })),
    recommendation: 'ADMIT',
    confidence: 2,
    expectedVersion,
  };
}
