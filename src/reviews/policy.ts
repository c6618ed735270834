import { EligibilityProblemCode } from '../applicants/applicant.enums';
import { Eligibility, EligibilityProblem, notEligible, schedulingProblems } from '../applicants/policy';
import type { AuthUser } from '../auth/access';
import { UserRole } from '../auth/user.entity';
import { SeatRole } from '../committees/committee-member.entity';
import { conflictOfInterest } from '../conflicts/policy';
import { AppError, badInput, ErrorCode, forbidden, invalidState, notFound } from '../common/errors';
import { visaWeekRefusal } from '../intakes/policy';
import { VotingStatus } from './agenda-item.entity';
import { CommentVisibility } from './comment.entity';
import { SessionStatus } from './review-session.entity';
import { Recommendation } from './vote.entity';

/**
 * The rules of a review session (DOMAIN.md: "Rubrics and votes", blind mode, conflicts,
 * discussion, the agenda), as pure predicates over plain facts. SQL gathers the facts; these
 * judge them. Where SQL must judge by itself — castVote's one statement, the report scopes — its
 * fragment is here beside the predicate, and test/reviews/policy-parity.test.ts runs both on the
 * same rows.
 */

// ---------------------------------------------------------------------------------------
// Who sees votes (blind mode, conflicts)
// ---------------------------------------------------------------------------------------

/**
 * Who may see the votes (and so the tallies and any aggregate) on one applicant in one session.
 * Officers see everything. A member must sit on the session's committee, must not be conflicted
 * with the applicant, and in blind mode must have voted or had the chair reveal. A member always
 * sees their own vote.
 */
export interface VoteVisibilityFacts {
  isOfficer: boolean;
  sitsOnSession: boolean;
  conflicted: boolean;
  blind: boolean;
  revealed: boolean;
  hasVoted: boolean;
}

export function mayViewVotes(f: VoteVisibilityFacts): boolean {
  if (f.isOfficer) return true;
  if (!f.sitsOnSession || f.conflicted) return false;
  return !f.blind || f.revealed || f.hasVoted;
}

/** SQL twin of `mayViewVotes`, over SQL boolean expressions for each fact. */
export function mayViewVotesSql(f: { [K in keyof VoteVisibilityFacts]: string }): string {
  return `(${f.isOfficer} or (${f.sitsOnSession} and not ${f.conflicted} and (not ${f.blind} or ${f.revealed} or ${f.hasVoted})))`;
}

// ---------------------------------------------------------------------------------------
// Discussion
// ---------------------------------------------------------------------------------------

/**
 * Comments: the author always; otherwise by visibility — the committee (members who sit on the
 * session and officers), the chairs and officers, or no one else. A conflicted member reads no
 * discussion of that applicant, not even their own earlier notes' neighbours.
 */
export function mayReadComment(
  viewer: AuthUser,
  f: { seat: SeatRole | undefined; conflicted: boolean },
  comment: { authorId: string; visibility: CommentVisibility },
): boolean {
  const officer = viewer.role === UserRole.OFFICER;
  if (!officer && (f.seat === undefined || f.conflicted)) return false;
  if (comment.authorId === viewer.id) return true;
  switch (comment.visibility) {
    case CommentVisibility.COMMITTEE:
      return true;
    case CommentVisibility.CHAIR_AND_OFFICERS:
      return officer || f.seat === SeatRole.CHAIR;
    default:
      return false;
  }
}

/** Members of the session's committee (and officers) discuss an applicant on an open session's agenda. */
export function commentRefusal(f: { isOfficer: boolean; sitsOnSession: boolean; sessionStatus: SessionStatus; onAgenda: boolean; conflictReason: string | null }): AppError | null {
  if (!f.isOfficer && !f.sitsOnSession) return forbidden('Only members of the committee of this session discuss its applicants.');
  if (f.sessionStatus !== SessionStatus.OPEN) return invalidState(`The session is ${f.sessionStatus.toLowerCase()}.`, 'sessionId');
  if (!f.onAgenda) return badInput('applicantId', 'The applicant is not on the agenda of this session.');
  if (!f.isOfficer && f.conflictReason !== null) return conflictOfInterest(f.conflictReason);
  return null;
}

// ---------------------------------------------------------------------------------------
// Chairing
// ---------------------------------------------------------------------------------------

/** Chairs of the session's committee and officers act as chair; checked before anything else is revealed. */
export function chairRefusal(f: { isOfficer: boolean; seat: SeatRole | null }): AppError | null {
  return f.isOfficer || f.seat === SeatRole.CHAIR ? null : forbidden('Only the chair of this committee (or an officer) does this.');
}

// ---------------------------------------------------------------------------------------
// Casting a vote: castVote's one statement judges with VOTE_ALLOWED_SQL, `voteRefusal` says why not
// ---------------------------------------------------------------------------------------

/** What castVote's statement reads (the `vote_facts` row), in its column names. */
export interface VoteFacts {
  session_found: boolean;
  applicant_found: boolean;
  member: boolean;
  session_status: SessionStatus | null;
  withdrawn: boolean;
  on_agenda: boolean;
  voting_status: VotingStatus | null;
  conflict_reason: string | null;
  /** The applicant's program rubric: criterion ids in uuid order. */
  rubric_ids: string[];
  current_version: number | null;
}

export interface VoteRequest {
  /** The global IDs as sent, for the not-found refusals. */
  ids: { session: string; applicant: string };
  /** The first problem with the input itself (a score out of range...), checked after the seat and the session. */
  inputProblem: AppError | null;
  abstain: boolean;
  /** Criterion ids as sent, in the order sent (lower-case uuids). */
  criterionIds: string[];
  expectedVersion: number | null;
}

/** Each criterion's key, for the messages. */
export type RubricKeys = ReadonlyMap<string, string>;

/**
 * Why this vote may not be written, in the order a member would expect (the ids, the seat, the
 * session, the applicant, the input, the agenda, voting, conflicts, scores, versions); null: it may.
 * The stale-version refusal needs the current version, which a concurrent change may have moved:
 * `stale` builds it from the version to name.
 */
export function voteRefusal(f: VoteFacts, r: VoteRequest, keys: RubricKeys = new Map()): AppError | null {
  if (!f.session_found) return notFound('ReviewSession', r.ids.session, 'sessionId');
  if (!f.applicant_found) return notFound('Applicant', r.ids.applicant, 'applicantId');
  if (!f.member) return forbidden('Only members of the committee of this session vote in it.');
  if (f.session_status !== SessionStatus.OPEN) return invalidState(`The session is ${String(f.session_status).toLowerCase()}.`, 'sessionId');
  if (f.withdrawn) return invalidState('The applicant has withdrawn.', 'applicantId');
  if (r.inputProblem) return r.inputProblem;
  if (!f.on_agenda) return badInput('applicantId', 'The applicant is not on the agenda of this session.');
  if (f.voting_status !== VotingStatus.OPEN) {
    return invalidState(f.voting_status === VotingStatus.CLOSED ? 'Voting on this applicant is closed.' : 'Voting on this applicant has not been opened.', 'applicantId');
  }
  if (f.conflict_reason !== null) return conflictOfInterest(f.conflict_reason);
  const scores = scoresRefusal(f.rubric_ids, r, keys);
  if (scores) return scores;
  if (r.expectedVersion === null ? f.current_version !== null : f.current_version !== r.expectedVersion) return stale(f.current_version ?? 0, r.expectedVersion);
  return null;
}

/** An abstention carries no scores; any other vote scores every criterion of the program rubric, once. */
function scoresRefusal(rubric: readonly string[], r: VoteRequest, keys: RubricKeys): AppError | null {
  if (r.abstain) return r.criterionIds.length > 0 ? badInput('scores', 'An abstention carries no scores: leave them out.') : null;
  if (rubric.length === 0) return invalidState("The applicant's program has no rubric yet.", 'applicantId');
  const index = r.criterionIds.findIndex((id) => !rubric.includes(id));
  if (index >= 0) return badInput(`scores[${index}].criterionId`, "This criterion is not part of the applicant's program rubric.");
  const missing = rubric.filter((id) => !r.criterionIds.includes(id));
  if (missing.length > 0) return badInput('scores', `Score every criterion; missing: ${missing.map((id) => keys.get(id) ?? id).join(', ')}.`);
  return null;
}

export function stale(current: number, expected: number | null): AppError {
  return new AppError(
    ErrorCode.STALE_VERSION,
    current === 0
      ? 'There is no vote to change: cast it without expectedVersion.'
      : `Your vote changed since you loaded it (now version ${current}, you sent ${expected ?? 'none'}). Reload it and try again.`,
    { field: 'expectedVersion', currentVersion: current },
  );
}

/**
 * SQL twin of `voteRefusal(...) === null` over the `vote_facts` row `vf` and the statement's
 * parameters (:inputValid, :abstain, :criterionIds sorted, :expectedVersion).
 */
export const VOTE_ALLOWED_SQL = `vf.session_found and vf.applicant_found and vf.member and vf.session_status = 'OPEN' and not vf.withdrawn
  and :inputValid::boolean and vf.on_agenda and vf.voting_status = 'OPEN' and vf.conflict_reason is null
  and (case when :abstain::boolean then cardinality(:criterionIds::uuid[]) = 0
            else cardinality(vf.rubric_ids) > 0 and vf.rubric_ids = :criterionIds::uuid[] end)
  and (case when :expectedVersion::int is null then vf.current_version is null else vf.current_version is not distinct from :expectedVersion::int end)`;

export function isAbstention(recommendation: Recommendation): boolean {
  return recommendation === Recommendation.ABSTAIN;
}

// ---------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------

/** A session happens inside its review week (whole days, UTC), and ends after it starts. */
export function sessionTimeRefusal(week: { startsOn: string; endsOn: string }, startsAt: Date, endsAt: Date): AppError | null {
  if (Number.isNaN(startsAt.getTime())) return badInput('startsAt', 'startsAt is not a valid time.');
  if (Number.isNaN(endsAt.getTime())) return badInput('endsAt', 'endsAt is not a valid time.');
  if (endsAt <= startsAt) return badInput('endsAt', 'A session must end after it starts.');
  const weekStart = new Date(`${week.startsOn}T00:00:00Z`);
  const weekEnd = new Date(`${week.endsOn}T23:59:59.999Z`);
  if (startsAt < weekStart || startsAt > weekEnd) return badInput('startsAt', `The session must start within its review week (${week.startsOn} to ${week.endsOn}).`);
  if (endsAt > weekEnd) return badInput('endsAt', `The session must end within its review week (by ${week.endsOn}).`);
  return null;
}

// ---------------------------------------------------------------------------------------
// The agenda
// ---------------------------------------------------------------------------------------

export interface AgendaFacts {
  sessionTitle: string;
  sessionStatus: SessionStatus;
  committeeName: string;
  committeeProgramIds: readonly string[];
  week: { id: string; label: string; intakeId: string };
  applicant: { name: string; programId: string; intakeId: string };
  eligibility: Eligibility;
}

/** One reason the applicant may not stand on an agenda: an eligibility problem's code, or the agenda's own. */
export interface AgendaBreach {
  code: EligibilityProblemCode | 'PROGRAM_NOT_REVIEWED' | 'OTHER_INTAKE';
  message: string;
}

/**
 * Why the applicant may not stand on this session's agenda — as a new item, or still, after a
 * writer changed a fact (a program's committee, the visa, a document, a week's dates...): another
 * program than the committee reviews, another intake, an improper or incomplete application or
 * one the program does not consider, a visa applicant in the visa-free week.
 */
export function agendaBreaches(f: AgendaFacts): AgendaBreach[] {
  const breaches: AgendaBreach[] = [];
  if (!f.committeeProgramIds.includes(f.applicant.programId)) {
    breaches.push({ code: 'PROGRAM_NOT_REVIEWED', message: `Committee "${f.committeeName}" does not review ${f.applicant.name}'s program.` });
  }
  if (f.week.intakeId !== f.applicant.intakeId) breaches.push({ code: 'OTHER_INTAKE', message: `${f.applicant.name} belongs to another intake than ${f.week.label}.` });
  breaches.push(...schedulingProblems(f.eligibility).filter((p) => p.code !== EligibilityProblemCode.WITHDRAWN));
  if (!f.eligibility.allowedReviewWeekIds.includes(f.week.id)) {
    breaches.push({ code: EligibilityProblemCode.NEEDS_VISA_IN_VISA_FREE_WEEK, message: `${f.applicant.name} needs a visa; ${f.week.label} is visa-free.` });
  }
  return breaches;
}

/** The refusal for these breaches: the first of the agenda's own, else what the file lacks, else the visa rule. */
export function agendaBreachRefusal(f: AgendaFacts, breaches: readonly AgendaBreach[]): AppError | null {
  const own = breaches.find((b) => b.code === 'PROGRAM_NOT_REVIEWED' || b.code === 'OTHER_INTAKE');
  if (own) return badInput('applicantId', own.message);
  const file = breaches.filter((b) => b.code !== EligibilityProblemCode.NEEDS_VISA_IN_VISA_FREE_WEEK) as Pick<EligibilityProblem, 'code' | 'message'>[];
  if (file.length > 0) return notEligible(`${f.applicant.name} cannot be on a review agenda`, file);
  return breaches.length > 0 ? visaWeekRefusal(f.week.label, f.applicant.name) : null;
}

export function agendaStandingRefusal(f: AgendaFacts): AppError | null {
  return agendaBreachRefusal(f, agendaBreaches(f));
}

/** Adding to an agenda: the session still takes applicants, the applicant is still in the running, and may stand there. */
export function agendaRefusal(f: AgendaFacts & { withdrawn: boolean; alreadyOnAgenda: boolean }): AppError | null {
  if (f.sessionStatus === SessionStatus.CLOSED) return invalidState('The session is closed.', 'sessionId');
  if (f.withdrawn) return invalidState('The applicant has withdrawn.', 'applicantId');
  const standing = agendaStandingRefusal(f);
  if (standing) return standing;
  if (f.alreadyOnAgenda) return new AppError(ErrorCode.CONFLICT, 'The applicant is already on this agenda.', { field: 'applicantId' });
  return null;
}
