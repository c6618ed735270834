import type { EntityManager } from '@mikro-orm/postgresql';
import { Applicant } from '../../src/applicants/applicant.entity';
import { EnglishCertificate } from '../../src/applicants/english-certificate.entity';
import { EnglishTest, GradeScale } from '../../src/applicants/applicant.enums';
import { User, UserRole } from '../../src/auth/user.entity';
import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';
import { Committee } from '../../src/committees/committee.entity';
import { toGlobalId } from '../../src/common/global-id';
import { Orm } from '../../src/db/orm';
import { Intake } from '../../src/intakes/intake.entity';
import { ReviewWeek } from '../../src/intakes/review-week.entity';
import { Program } from '../../src/programs/program.entity';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { ReferenceLetter, ReferenceStatus } from '../../src/references/reference.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { ReviewSession, SessionStatus } from '../../src/reviews/review-session.entity';
import { VoteScore } from '../../src/reviews/vote-score.entity';
import { Recommendation, Vote } from '../../src/reviews/vote.entity';

/**
 * Factories in the style of Outline's test/factories: each builds the parents it needs, so a
 * test states only what matters to it. They write through the ORM; the behaviour under test
 * goes through the real server.
 */

let counter = 0;
const next = () => ++counter;

const LEVELS = ['1 – poor', '2 – weak', '3 – adequate', '4 – strong', '5 – outstanding'];

export function buildUser(em: EntityManager, overrides: Partial<User> = {}): User {
  const n = next();
  return em.create(User, { email: `user${n}@test.example`, name: `User ${n}`, role: UserRole.COMMITTEE_MEMBER, ...overrides });
}

export function buildProgram(em: EntityManager, overrides: Partial<Program> = {}, rubricKeys = ['academic_record', 'references', 'motivation']): Program {
  const n = next();
  const program = em.create(Program, { code: `P${n}`, name: `Program ${n}`, ...overrides });
  rubricKeys.forEach((key, position) =>
    em.create(RubricCriterion, { program, key, name: key, description: `How good the ${key} is`, weight: position + 1, position, levelDescriptions: LEVELS }),
  );
  return program;
}

/** The October 2021 intake's published weeks; the fourth (the last) is the visa-free one. */
export function buildIntake(em: EntityManager): { intake: Intake; weeks: ReviewWeek[] } {
  const n = next();
  const intake = em.create(Intake, { code: `I${n}`, name: `Intake ${n}`, startsOn: '2021-10-01' });
  const weeks = [
    ['2021-05-25', '2021-05-31'],
    ['2021-06-24', '2021-06-30'],
    ['2021-07-25', '2021-07-31'],
    ['2021-09-01', '2021-09-07'],
  ].map(([startsOn, endsOn], i) => em.create(ReviewWeek, { intake, label: `week ${i + 1}`, startsOn, endsOn }));
  return { intake, weeks };
}

export interface ApplicantExtras {
  /** Default: one IELTS Academic 7. */
  certificates?: { test: EnglishTest; score: number }[];
  /** Received academic reference letters to file (default none: the application is incomplete). */
  references?: number;
}

/**
 * An applicant on the regular route with an accepted IELTS 7, no references yet (incomplete)
 * unless `extras.references` says how many received academic letters to file.
 */
export function buildApplicant(em: EntityManager, parents: { program: Program; intake: Intake }, overrides: Partial<Applicant> = {}, extras: ApplicantExtras = {}): Applicant {
  const n = next();
  const applicant = em.create(Applicant, {
    ...parents,
    firstName: `First${n}`,
    lastName: `Last${String(n).padStart(4, '0')}`,
    email: `applicant${n}@mail.example`,
    nationality: 'BA',
    needsVisa: false,
    priorInstitution: 'University of Tuzla',
    priorDegree: 'BSc Computer Science',
    ects: 240,
    gradeValue: 3.1,
    gradeScale: GradeScale.FOUR_POINT,
    ...overrides,
  });
  (extras.certificates ?? [{ test: EnglishTest.IELTS_ACADEMIC, score: 7 }]).forEach((certificate, position) => em.create(EnglishCertificate, { applicant, ...certificate, position }));
  for (let i = 0; i < (extras.references ?? 0); i++) buildReference(em, applicant);
  return applicant;
}

/** An applicant whose file is complete (two received academic letters): one that may be scheduled and admitted. */
export function buildCompleteApplicant(em: EntityManager, parents: { program: Program; intake: Intake }, overrides: Partial<Applicant> = {}, extras: ApplicantExtras = {}): Applicant {
  return buildApplicant(em, parents, overrides, { references: 2, ...extras });
}

export function buildReference(em: EntityManager, applicant: Applicant, overrides: Partial<ReferenceLetter> = {}): ReferenceLetter {
  const n = next();
  const received = (overrides.status ?? ReferenceStatus.RECEIVED) === ReferenceStatus.RECEIVED;
  return em.create(ReferenceLetter, {
    applicant,
    refereeName: `Prof. Referee ${n}`,
    refereeEmail: `referee${n}@uni.example`,
    refereeInstitution: 'University of Tuzla',
    academic: true,
    status: received ? ReferenceStatus.RECEIVED : ReferenceStatus.REQUESTED,
    receivedAt: received ? new Date() : null,
    ...overrides,
  });
}

/** The usual scene: an officer, a reporter, a committee (chair + 3 members) reviewing one program, a session in week 1. */
export async function buildWorld(orm: Orm) {
  const em = orm.em.fork() as EntityManager;
  const officer = buildUser(em, { role: UserRole.OFFICER, name: 'Officer' });
  const reporter = buildUser(em, { role: UserRole.REPORTER, name: 'Reporter' });
  const chair = buildUser(em, { name: 'Chair', institution: 'University of Belgrade' });
  // Institutions unique to this world, so a conflict detected here says nothing of another test's world.
  const members = [1, 2, 3].map((i) => buildUser(em, { name: `Member ${i}`, institution: `Institute ${i}.${next()}` }));
  const outsider = buildUser(em, { name: 'Outsider' });
  const program = buildProgram(em);
  const otherProgram = buildProgram(em);
  const { intake, weeks } = buildIntake(em);
  const committee = em.create(Committee, { name: 'Graduate Committee' });
  committee.programs.add(program);
  em.create(CommitteeMember, { committee, user: chair, role: SeatRole.CHAIR });
  for (const user of members) em.create(CommitteeMember, { committee, user, role: SeatRole.MEMBER });
  const otherCommittee = em.create(Committee, { name: 'Other Committee' });
  otherCommittee.programs.add(program);
  em.create(CommitteeMember, { committee: otherCommittee, user: outsider, role: SeatRole.CHAIR });
  const session = em.create(ReviewSession, {
    committee,
    week: weeks[0],
    title: 'Week 1 review',
    startsAt: new Date('2021-05-26T09:00:00Z'),
    endsAt: new Date('2021-05-26T17:00:00Z'),
    status: SessionStatus.OPEN,
  });
  // Voting is open on every applicant of the agenda: most tests vote; the session-flow tests build their own.
  const onAgenda = [0, 1, 2].map(() => buildApplicant(em, { program, intake }));
  onAgenda.forEach((applicant, position) => em.create(AgendaItem, { session, applicant, position, votingStatus: VotingStatus.OPEN }));
  const notOnAgenda = buildApplicant(em, { program, intake });
  await em.flush();
  return {
    em,
    officer,
    reporter,
    chair,
    members,
    outsider,
    program,
    otherProgram,
    intake,
    weeks,
    committee,
    otherCommittee,
    session,
    onAgenda,
    notOnAgenda,
    gid: toGlobalId,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A vote with one score per criterion (in rubric order) and its first revision. */
export function buildVote(
  em: EntityManager,
  parents: { session: { id: string }; applicant: { id: string }; member: { id: string } },
  criteria: { id: string }[],
  scores: number[],
  recommendation: Recommendation = Recommendation.ADMIT,
): Vote {
  const vote = em.create(Vote, { session: parents.session.id, applicant: parents.applicant.id, member: parents.member.id, recommendation, confidence: 2 });
  criteria.forEach((criterion, i) => em.create(VoteScore, { vote, criterion: criterion.id, score: scores[i] }));
  return vote;
}
