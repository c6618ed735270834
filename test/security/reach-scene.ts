import type { EntityManager } from '@mikro-orm/postgresql';
import { UserRole } from '../../src/auth/user.entity';
import { CommitteeMember, SeatRole } from '../../src/committees/committee-member.entity';
import { Committee } from '../../src/committees/committee.entity';
import { ConflictOfInterest, ConflictSource } from '../../src/conflicts/conflict.entity';
import { ApplicantDocument, DocumentKind, DocumentQuality } from '../../src/documents/document.entity';
import { toGlobalId } from '../../src/common/global-id';
import type { Orm } from '../../src/db/orm';
import { Intake } from '../../src/intakes/intake.entity';
import { PortfolioItem } from '../../src/portfolios/portfolio-item.entity';
import { Portfolio } from '../../src/portfolios/portfolio.entity';
import { RubricCriterion } from '../../src/programs/rubric-criterion.entity';
import { ReferenceStatus } from '../../src/references/reference.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { ReviewSession, SessionStatus } from '../../src/reviews/review-session.entity';
import { buildApplicant, buildCompleteApplicant, buildIntake, buildProgram, buildReference, buildUser, buildVote } from '../support/factories';

/** The seven viewers of the reach matrix. */
export const ROLES = ['unauthenticated', 'reporter', 'outsider', 'conflicted', 'member', 'chair', 'officer'] as const;
export type Role = (typeof ROLES)[number];

let counter = 0;

/**
 * One committee's world for one row of the matrix, built fresh so that what one role's call
 * changes (a closed session, a revoked sign-in, an erased applicant) never decides another's.
 *
 * The committee (chair, member, conflicted member) reviews `program` in an open, sighted
 * session whose agenda is A (voting open), B (pending), C (voting closed), E (pending). The
 * conflicted member has declared conflicts with A, C and E, so every per-applicant step aims at
 * an applicant they are conflicted with; B is the one applicant they may see in full. D stands
 * on no agenda (the office's writes aim at it: documents, references, portfolio). The chair, the
 * member and a third member have voted on C. The outsider
 * chairs another committee reviewing the same program.
 */
export async function buildReachScene(orm: Orm) {
  const em = orm.em.fork() as EntityManager;
  const n = ++counter;
  const officer = buildUser(em, { role: UserRole.OFFICER, name: 'Officer' });
  const reporter = buildUser(em, { role: UserRole.REPORTER, name: 'Reporter' });
  const chair = buildUser(em, { name: 'Chair' });
  const member = buildUser(em, { name: 'Member' });
  const conflicted = buildUser(em, { name: 'Conflicted member' });
  const outsider = buildUser(em, { name: 'Outsider' });
  // Seated on the committee but never an actor: the target of seat and password changes.
  const bystander = buildUser(em, { name: 'Bystander' });
  // On no committee yet: the one an officer seats.
  const newcomer = buildUser(em, { name: 'Newcomer' });
  // The third vote on C, so that a reporter's aggregates have a row.
  const voter = buildUser(em, { name: 'Voter' });
  const program = buildProgram(em);
  const spareProgram = buildProgram(em);
  const { intake, weeks } = buildIntake(em);
  const emptyIntake = em.create(Intake, { code: `RE${n}-${Date.now() % 100000}`, name: `Empty intake ${n}`, startsOn: '2022-02-01' });

  const committee = em.create(Committee, { name: `Reach committee ${n}` });
  committee.programs.add(program);
  em.create(CommitteeMember, { committee, user: chair, role: SeatRole.CHAIR });
  for (const user of [member, conflicted, bystander, voter]) em.create(CommitteeMember, { committee, user, role: SeatRole.MEMBER });
  const otherCommittee = em.create(Committee, { name: `Other committee ${n}` });
  otherCommittee.programs.add(program);
  em.create(CommitteeMember, { committee: otherCommittee, user: outsider, role: SeatRole.CHAIR });

  const times = { startsAt: new Date('2021-05-26T09:00:00Z'), endsAt: new Date('2021-05-26T17:00:00Z') };
  const session = em.create(ReviewSession, { committee, week: weeks[0], title: 'Open session', blind: false, status: SessionStatus.OPEN, openedAt: new Date(), ...times });
  const blindSession = em.create(ReviewSession, { committee, week: weeks[0], title: 'Blind session', blind: true, status: SessionStatus.OPEN, openedAt: new Date(), ...times });
  const scheduled = em.create(ReviewSession, { committee, week: weeks[1], title: 'Scheduled session', blind: false, status: SessionStatus.SCHEDULED, startsAt: new Date('2021-06-25T09:00:00Z'), endsAt: new Date('2021-06-25T17:00:00Z') });

  const parents = { program, intake };
  const [a, b, c, e] = [0, 1, 2, 3].map(() => buildCompleteApplicant(em, parents));
  const d = buildCompleteApplicant(em, parents);
  const improper = buildApplicant(em, parents);
  const statuses = [VotingStatus.OPEN, VotingStatus.PENDING, VotingStatus.CLOSED, VotingStatus.PENDING];
  [a, b, c, e].forEach((applicant, position) =>
    em.create(AgendaItem, { session, applicant, position, votingStatus: statuses[position], votingOpenedAt: statuses[position] === VotingStatus.PENDING ? null : new Date() }),
  );
  em.create(AgendaItem, { session: blindSession, applicant: a, position: 0, votingStatus: VotingStatus.OPEN, votingOpenedAt: new Date() });
  for (const applicant of [a, c, e]) em.create(ConflictOfInterest, { user: conflicted, applicant, source: ConflictSource.DECLARED, reason: 'Supervised their thesis', declaredBy: conflicted });

  const document = em.create(ApplicantDocument, { applicant: d, kind: DocumentKind.TRANSCRIPT, fileName: 'transcript.pdf', quality: DocumentQuality.SCANNED });
  em.create(ApplicantDocument, { applicant: improper, kind: DocumentKind.DIPLOMA, fileName: 'diploma.jpg', quality: DocumentQuality.PHOTOGRAPHED });
  const requested = buildReference(em, d, { status: ReferenceStatus.REQUESTED });
  const extraReference = buildReference(em, d);
  const portfolio = em.create(Portfolio, { applicant: d, statement: 'My work' });
  const portfolioItem = em.create(PortfolioItem, { portfolio, title: 'Poster', medium: 'print', position: 0 });
  await em.flush();
  const criteria = await em.find(RubricCriterion, { program: program.id }, { orderBy: { position: 'asc' } });
  // Three votes on C, whose voting is closed: enough for every report to have a row, even a reporter's (k = 3).
  [chair, member, voter].forEach((user, i) => buildVote(em, { session, applicant: c, member: user }, criteria, criteria.map(() => 3 + (i % 2))));
  await em.flush();

  const users: Record<Exclude<Role, 'unauthenticated'>, { id: string }> = { reporter, outsider, conflicted, member, chair, officer };
  const g = toGlobalId;
  const userIds = Object.fromEntries(Object.entries(users).map(([role, user]) => [role, g('User', user.id)])) as Record<keyof typeof users, string>;
  return {
    n,
    users,
    userIds,
    bystander,
    criteria,
    weeks,
    ids: {
      officer: g('User', officer.id),
      member: g('User', member.id),
      conflicted: g('User', conflicted.id),
      bystander: g('User', bystander.id),
      newcomer: g('User', newcomer.id),
      program: g('Program', program.id),
      spareProgram: g('Program', spareProgram.id),
      intake: g('Intake', intake.id),
      emptyIntake: g('Intake', emptyIntake.id),
      week: g('ReviewWeek', weeks[0].id),
      week2: g('ReviewWeek', weeks[1].id),
      committee: g('Committee', committee.id),
      session: g('ReviewSession', session.id),
      blindSession: g('ReviewSession', blindSession.id),
      scheduled: g('ReviewSession', scheduled.id),
      a: g('Applicant', a.id),
      b: g('Applicant', b.id),
      c: g('Applicant', c.id),
      d: g('Applicant', d.id),
      e: g('Applicant', e.id),
      improper: g('Applicant', improper.id),
      document: g('Document', document.id),
      requestedReference: g('Reference', requested.id),
      extraReference: g('Reference', extraReference.id),
      portfolioItem: g('PortfolioItem', portfolioItem.id),
      criteria: criteria.map((criterion) => g('RubricCriterion', criterion.id)),
    },
    dbIds: { session: session.id },
  };
}

export type ReachScene = Awaited<ReturnType<typeof buildReachScene>>;
