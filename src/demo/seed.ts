import type { EntityManager } from '@mikro-orm/postgresql';
import { Applicant } from '../applicants/applicant.entity';
import { EnglishCertificate } from '../applicants/english-certificate.entity';
import { User, UserRole } from '../auth/user.entity';
import { CommitteeMember, SeatRole } from '../committees/committee-member.entity';
import { Committee } from '../committees/committee.entity';
import { ConflictOfInterest, ConflictSource } from '../conflicts/conflict.entity';
import type { Orm } from '../db/orm';
import { ApplicantDocument, DocumentKind, DocumentQuality } from '../documents/document.entity';
import { hashPassword } from '../auth/passwords';
import { UserPassword } from '../auth/user-password.entity';
import { Intake } from '../intakes/intake.entity';
import { monthWeek, scheduleRefusal } from '../intakes/policy';
import { ReviewWeek } from '../intakes/review-week.entity';
import { PortfolioItem } from '../portfolios/portfolio-item.entity';
import { Portfolio } from '../portfolios/portfolio.entity';
import { portfolioCriterionRefusal, preparatoryCoursesRefusal } from '../programs/policy';
import { PreparatoryCourse } from '../programs/preparatory-course.entity';
import { PrerequisiteCourse } from '../programs/prerequisite-course.entity';
import { Program } from '../programs/program.entity';
import { RubricCriterion } from '../programs/rubric-criterion.entity';
import { ReferenceLetter, ReferenceStatus } from '../references/reference.entity';
import { AgendaItem, VotingStatus } from '../reviews/agenda-item.entity';
import { SessionComment } from '../reviews/comment.entity';
import { isAbstention, sessionTimeRefusal } from '../reviews/policy';
import { ReviewSession, SessionStatus } from '../reviews/review-session.entity';
import { VoteScore } from '../reviews/vote-score.entity';
import { Vote } from '../reviews/vote.entity';
import {
  APPLICANTS,
  COMMITTEES,
  DECLARED_CONFLICTS,
  type DemoApplicant,
  type DemoReference,
  type DemoSession,
  type DemoWeek,
  INTAKES,
  PROGRAMS,
  REFEREE_POOL,
  SESSIONS,
  USERS,
  type CommitteeKey,
  type IntakeCode,
  type ProgramCode,
  type UserKey,
  VISA_REQUIRED,
} from './demo-data';
import { checkAgendasAndVotes, PendingDecision, recordDecisions } from './seed-decisions';
import { addMinutes, get, invariant, ruleHolds } from './seed-helpers';

/**
 * The demo data set (DOMAIN.md's three programs, two intakes and their eight review weeks,
 * two committees, ~40 applicants, one closed session with votes and decisions, three upcoming
 * sessions). Loaded on start when the database has no program yet, so a restart keeps
 * whatever the user changed. The raw tables are in `demo-data.ts`; this file turns them into
 * entities and checks the domain rules on the way, so a bad table fails loudly.
 */

const DOMAIN = 'conclave.example';

function userEmail(key: UserKey): string {
  return `${key}@${DOMAIN}`;
}

/** The demo users, so the README and tests can name them (tokens are issued by e-mail). */
export const DEMO_USERS: { email: string; name: string; role: UserRole }[] = USERS.map((user) => ({
  email: userEmail(user.key),
  name: user.name,
  role: user.role,
}));

/**
 * Every demo user's password for the built-in sign-in (printed by `npm start`, in the README),
 * set only where demo sign-in is on (DEMO_SIGN_IN): a server that loads the demo data into a
 * real database by mistake does not hand out a known officer's password.
 */
export const DEMO_PASSWORD = 'conclave-demo';

/**
 * The demo intakes (2020–2021) keep their applicants' data for 100 years, so the retention sweep
 * never erases a demo under someone's eyes; lower an intake's retentionMonths to watch it work.
 */
const DEMO_RETENTION_MONTHS = 1200;

/** Any fixed number: two servers starting on the same empty database seed it once. */
const SEED_LOCK_KEY = 7_310_842_021;

/** Seeds the demo data in one transaction when the `program` table is empty; true when it did. */
export async function seedDemoDataIfEmpty(orm: Orm, options: { passwords?: boolean } = {}): Promise<boolean> {
  const em = orm.em.fork();
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if ((await tx.count(Program, {})) > 0) return false;

    const programs = createPrograms(tx);
    const intakes = createIntakes(tx);
    const users = createUsers(tx);
    if (options.passwords) {
      // One hash for all (scrypt takes a good fraction of a second): they share the one documented password anyway.
      const hash = await hashPassword(DEMO_PASSWORD);
      for (const user of users.values()) tx.create(UserPassword, { user, hash });
    }
    const committees = createCommittees(tx, users, programs);
    const applicants = createApplicants(tx, programs, intakes);
    createDeclaredConflicts(tx, users, applicants);
    const decisions = SESSIONS.flatMap((session) => createSession(tx, session, { intakes, users, committees, applicants, programs }));
    // The rules themselves check what the tables say (agendas, conflicts), then record the
    // decisions as the API would (seed-decisions.ts): a bad table fails the seed loudly.
    await tx.flush();
    await checkAgendasAndVotes(tx, [...applicants.values()].map((a) => a.applicant.id));
    await recordDecisions(tx, decisions, get(users, 'officer'), new Map([...applicants].map(([key, seeded]) => [key, seeded.applicant])));
    return true; // transactional() flushes and commits
  });
}

// ---------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------

interface SeededProgram {
  program: Program;
  rubric: RubricCriterion[];
}

interface SeededIntake {
  intake: Intake;
  weeks: ReviewWeek[];
  applicationsOpen: string;
}

interface SeededCommittee {
  committee: Committee;
  programs: ProgramCode[];
  /** Seat order decides each member's score variation; the chair records decisions. */
  seats: { user: UserKey; role: SeatRole }[];
}

interface SeededApplicant {
  row: DemoApplicant;
  applicant: Applicant;
  needsVisa: boolean;
  refereeEmails: string[];
}

function createPrograms(em: EntityManager): Map<ProgramCode, SeededProgram> {
  const result = new Map<ProgramCode, SeededProgram>();
  for (const row of PROGRAMS) {
    const program = em.create(Program, {
      code: row.code,
      name: row.name,
      minAcademicReferences: row.minAcademicReferences,
      portfolioRequired: row.portfolioRequired,
      relevantBackgroundRequired: row.relevantBackgroundRequired,
    });
    for (const course of row.prerequisites) em.create(PrerequisiteCourse, { program, code: course.code, title: course.title });
    ruleHolds(preparatoryCoursesRefusal(row.preparatoryCourses), `${row.code}'s preparatory courses`);
    row.preparatoryCourses.forEach((course, position) => em.create(PreparatoryCourse, { program, ...course, position }));
    for (const criterion of row.rubric) ruleHolds(portfolioCriterionRefusal(criterion.key, row.portfolioRequired, 'key'), `${row.code}'s rubric`);
    const rubric = row.rubric.map((criterion, position) =>
      em.create(RubricCriterion, {
        program,
        key: criterion.key,
        name: criterion.name,
        description: criterion.description,
        weight: criterion.weight,
        position,
        levelDescriptions: [...criterion.levels],
      }),
    );
    result.set(row.code, { program, rubric });
  }
  return result;
}

/** The published schedule, by the one definition of "first/last week of a month" (intakes/policy.ts). */
function createIntakes(em: EntityManager): Map<IntakeCode, SeededIntake> {
  const result = new Map<IntakeCode, SeededIntake>();
  for (const row of INTAKES) {
    const intake = em.create(Intake, { code: row.code, name: row.name, startsOn: row.startsOn, retentionMonths: DEMO_RETENTION_MONTHS });
    const planned = row.weeks.map((week: DemoWeek, index) => ({ id: String(index), ...monthWeek(week.which, week.year, week.month) }));
    ruleHolds(scheduleRefusal(planned, row.startsOn), `${row.code}'s review weeks`);
    const weeks = planned.map((week) => em.create(ReviewWeek, { intake, label: week.label, startsOn: week.startsOn, endsOn: week.endsOn }));
    result.set(row.code, { intake, weeks, applicationsOpen: row.applicationsOpen });
  }
  return result;
}

function createUsers(em: EntityManager): Map<UserKey, User> {
  const result = new Map<UserKey, User>();
  for (const row of USERS) {
    result.set(row.key, em.create(User, { email: userEmail(row.key), name: row.name, role: row.role, institution: row.institution }));
  }
  return result;
}

function createCommittees(
  em: EntityManager,
  users: Map<UserKey, User>,
  programs: Map<ProgramCode, SeededProgram>,
): Map<CommitteeKey, SeededCommittee> {
  const result = new Map<CommitteeKey, SeededCommittee>();
  for (const row of COMMITTEES) {
    const committee = em.create(Committee, { name: row.name });
    committee.programs.set(row.programs.map((code) => get(programs, code).program));
    for (const seat of row.seats) {
      const user = get(users, seat.user);
      invariant(user.role === UserRole.COMMITTEE_MEMBER, `${seat.user} sits on ${row.key} but is not a committee member`);
      em.create(CommitteeMember, { committee, user, role: seat.role });
    }
    invariant(row.seats.filter((s) => s.role === SeatRole.CHAIR).length === 1, `${row.key} needs exactly one chair`);
    result.set(row.key, { committee, programs: [...row.programs], seats: [...row.seats] });
  }
  return result;
}

const BASE_DOCUMENTS = [DocumentKind.DIPLOMA, DocumentKind.TRANSCRIPT, DocumentKind.PASSPORT, DocumentKind.CV, DocumentKind.MOTIVATION_LETTER];

function createApplicants(
  em: EntityManager,
  programs: Map<ProgramCode, SeededProgram>,
  intakes: Map<IntakeCode, SeededIntake>,
): Map<string, SeededApplicant> {
  const result = new Map<string, SeededApplicant>();
  const emails = new Set<string>();
  const registered = new Map<IntakeCode, number>();
  const defaultReferences = defaultReferenceFactory();

  APPLICANTS.forEach((row, index) => {
    invariant(!result.has(row.key), `duplicate applicant key ${row.key}`);
    const { intake, applicationsOpen } = get(intakes, row.intake);
    // One registration a day from the intake's opening: distinct, stable creation times.
    const nth = registered.get(row.intake) ?? 0;
    registered.set(row.intake, nth + 1);
    const createdAt = addMinutes(new Date(applicationsOpen), nth * 24 * 60 + (index % 7) * 37);

    const email = `${fold(row.firstName)}.${fold(row.lastName)}@mail.example`;
    invariant(!emails.has(`${row.intake}/${email}`), `duplicate applicant e-mail ${email} in ${row.intake}`);
    emails.add(`${row.intake}/${email}`);
    const needsVisa = VISA_REQUIRED.has(row.nationality);
    const withdrawnAt = row.withdrawnAt ? new Date(row.withdrawnAt) : null;

    const applicant = em.create(Applicant, {
      program: get(programs, row.program).program,
      intake,
      firstName: row.firstName,
      lastName: row.lastName,
      email,
      nationality: row.nationality,
      needsVisa,
      priorInstitution: row.priorInstitution,
      priorDegree: row.priorDegree,
      ects: row.ects,
      gradeValue: row.grade.value,
      gradeScale: row.grade.scale,
      relevantBackground: row.relevantBackground ?? false,
      completedCourses: [...(row.completedCourses ?? [])],
      withdrawnAt,
      createdAt,
      updatedAt: withdrawnAt ?? createdAt,
    });

    const references = row.references ?? defaultReferences(row);
    references.forEach((reference, j) => {
      em.create(ReferenceLetter, {
        applicant,
        refereeName: reference.name,
        refereeEmail: refereeEmail(reference),
        refereeInstitution: reference.institution,
        academic: reference.academic,
        // The database insists: RECEIVED exactly when receivedAt is set.
        status: reference.received ? ReferenceStatus.RECEIVED : ReferenceStatus.REQUESTED,
        receivedAt: reference.received ? addMinutes(createdAt, (5 + 2 * j) * 24 * 60 + 95) : null,
        createdAt,
      });
    });

    row.english.forEach((certificate, position) => em.create(EnglishCertificate, { applicant, test: certificate.test, score: certificate.score, position, createdAt }));
    createDocuments(em, applicant, row, createdAt);
    if (row.portfolio) {
      const portfolio = em.create(Portfolio, {
        applicant,
        statement: row.portfolio.statement,
        submittedAt: row.portfolio.submitted ? addMinutes(createdAt, 10 * 24 * 60 + 210) : null,
        createdAt,
      });
      row.portfolio.items.forEach((item, position) =>
        em.create(PortfolioItem, { portfolio, title: item.title, medium: item.medium, url: item.url ?? null, year: item.year, position, createdAt }),
      );
    }

    result.set(row.key, { row, applicant, needsVisa, refereeEmails: references.map(refereeEmail) });
  });
  return result;
}

/**
 * Two received academic letters from referees at the prior institution. Each institution takes
 * the next two unused names of its country's pool, so applicants from one university share
 * referees and no referee appears at two universities.
 */
function defaultReferenceFactory(): (row: DemoApplicant) => DemoReference[] {
  const byInstitution = new Map<string, readonly string[]>();
  const nextInPool = new Map<string, number>();
  return (row) => {
    let names = byInstitution.get(row.priorInstitution);
    if (!names) {
      const pool = REFEREE_POOL[row.nationality] ?? [];
      const next = nextInPool.get(row.nationality) ?? 0;
      invariant(next + 2 <= pool.length, `referee pool for ${row.nationality} is too small (at ${row.key})`);
      names = pool.slice(next, next + 2);
      nextInPool.set(row.nationality, next + 2);
      byInstitution.set(row.priorInstitution, names);
    }
    return names.map((name) => ({ name, institution: row.priorInstitution, academic: true, received: true }));
  };
}

/** initial.surname@<institution>.example, lower-case as the database requires. */
function refereeEmail(reference: DemoReference): string {
  if (reference.email) return reference.email.toLowerCase();
  const words = reference.name.split(/\s+/).filter((word) => !word.endsWith('.')); // drop titles: "Prof.", "Doç.", "Univ.-Prof."
  const first = fold(words[0]);
  const last = fold(words.slice(1).join('-'));
  return `${first[0]}.${last}@${slug(reference.institution)}.example`;
}

function createDocuments(em: EntityManager, applicant: Applicant, row: DemoApplicant, createdAt: Date): void {
  const kinds = row.english.length > 0 ? [...BASE_DOCUMENTS, DocumentKind.ENGLISH_CERTIFICATE] : BASE_DOCUMENTS;
  kinds.forEach((kind, i) => {
    const photographed = row.photographed?.includes(kind) ?? false;
    const quality = photographed ? DocumentQuality.PHOTOGRAPHED : row.documentsUnchecked ? DocumentQuality.UNCHECKED : DocumentQuality.SCANNED;
    // A phone photo keeps the camera's name; a scan gets a descriptive PDF name.
    const fileName = photographed
      ? `IMG_${compactTimestamp(addMinutes(createdAt, -(i + 1) * 53))}.jpg`
      : `${slug(row.lastName)}-${slug(row.firstName)}-${slug(kind)}.pdf`;
    em.create(ApplicantDocument, { applicant, kind, fileName, quality, createdAt });
  });
  for (const kind of row.photographed ?? []) invariant(kinds.includes(kind), `${row.key}: photographed ${kind} is not among the documents`);
}

function createDeclaredConflicts(em: EntityManager, users: Map<UserKey, User>, applicants: Map<string, SeededApplicant>): void {
  for (const row of DECLARED_CONFLICTS) {
    em.create(ConflictOfInterest, {
      user: get(users, row.user),
      applicant: get(applicants, row.applicant).applicant,
      source: ConflictSource.DECLARED,
      reason: row.reason,
      declaredBy: get(users, row.declaredBy),
    });
  }
}

/** Per seat (chair first), per rubric position: how each member deviates from the committee's typical score. */
const SEAT_SCORE_DELTAS: readonly (readonly number[])[] = [
  [0, 0, 0, 0, 0],
  [1, 0, -1, 0, 0],
  [0, -1, 0, 1, 0],
  [-1, 0, 0, 0, 1],
  [0, 1, 0, -1, 0],
];

function createSession(
  em: EntityManager,
  row: DemoSession,
  ctx: {
    intakes: Map<IntakeCode, SeededIntake>;
    users: Map<UserKey, User>;
    committees: Map<CommitteeKey, SeededCommittee>;
    applicants: Map<string, SeededApplicant>;
    programs: Map<ProgramCode, SeededProgram>;
  },
): PendingDecision[] {
  const { committee, seats } = get(ctx.committees, row.committee);
  const week = get(ctx.intakes, row.intake).weeks[row.week];
  invariant(week !== undefined, `${row.title}: intake ${row.intake} has no week ${row.week}`);
  const startsAt = new Date(row.startsAt);
  const endsAt = new Date(row.endsAt);
  ruleHolds(sessionTimeRefusal(week, startsAt, endsAt), row.title);

  const closed = row.status === 'CLOSED';
  const session = em.create(ReviewSession, {
    committee,
    week,
    title: row.title,
    startsAt,
    endsAt,
    status: closed ? SessionStatus.CLOSED : SessionStatus.SCHEDULED,
    blind: row.blind,
    createdAt: addMinutes(startsAt, -21 * 24 * 60),
  });
  const chair = get(ctx.users, seats.find((seat) => seat.role === SeatRole.CHAIR)!.user);
  const decisions: PendingDecision[] = [];

  row.agenda.forEach((item, position) => {
    const seeded = get(ctx.applicants, item.applicant);
    const applicantRow = seeded.row;
    // The agenda rules themselves judge this item once it is flushed (checkAgendasAndVotes).
    em.create(AgendaItem, {
      session,
      applicant: seeded.applicant,
      position,
      // A closed session has closed voting on every applicant and revealed the scores.
      votingStatus: closed ? VotingStatus.CLOSED : VotingStatus.PENDING,
      scoresRevealed: closed,
      createdAt: session.createdAt,
    });
    // Each applicant gets a 50-minute slot; votes and the decision fall inside it.
    const slot = addMinutes(startsAt, position * 50);

    invariant(closed || (!item.votes && !item.decision), `${item.applicant}: votes and decisions only in a closed session`);
    const rubric = get(ctx.programs, applicantRow.program).rubric;
    for (const vote of item.votes ?? []) {
      const seatIndex = seats.findIndex((seat) => seat.user === vote.member);
      invariant(seatIndex >= 0, `${vote.member} votes on ${item.applicant} without a seat on ${row.committee}`);
      const castAt = addMinutes(slot, 10 + seatIndex * 4);
      const entity = em.create(Vote, {
        session,
        applicant: seeded.applicant,
        member: get(ctx.users, vote.member),
        recommendation: vote.recommendation,
        confidence: vote.confidence,
        comment: vote.comment ?? null,
        proposedScholarship: vote.proposedScholarship ?? null,
        version: 1,
        createdAt: castAt,
        updatedAt: castAt,
      });
      // One score per criterion of the applicant's program rubric; an abstention has none.
      if (isAbstention(vote.recommendation)) continue;
      for (const criterion of rubric) {
        const typical = item.scores?.[criterion.key];
        invariant(typical !== undefined, `${item.applicant}: no typical score for ${criterion.key}`);
        const delta = SEAT_SCORE_DELTAS[seatIndex % SEAT_SCORE_DELTAS.length][criterion.position] ?? 0;
        em.create(VoteScore, { vote: entity, criterion, score: clamp(typical + delta, 1, 5) });
      }
    }

    (item.discussion ?? []).forEach((comment, i) =>
      em.create(SessionComment, {
        session,
        applicant: seeded.applicant,
        author: get(ctx.users, comment.author),
        visibility: comment.visibility,
        body: comment.body,
        createdAt: addMinutes(slot, 5 + i * 7),
      }),
    );
    if (item.decision) decisions.push({ applicant: seeded.applicant, session, chair, decision: item.decision, at: addMinutes(slot, 40) });
  });
  return decisions;
}

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------


function compactTimestamp(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}_${iso.slice(11, 19).replace(/:/g, '')}`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** ASCII, lower-case: "Öztürk" → "ozturk", "Yıldız" → "yildiz", "Đorđević" → "djordjevic". */
function fold(text: string): string {
  return text
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .replace(/đ/g, 'dj')
    .replace(/Đ/g, 'Dj')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
