import { Applicant } from '../applicants/applicant.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { UserPassword } from '../auth/user-password.entity';
import { EnglishCertificate } from '../applicants/english-certificate.entity';
import { User } from '../auth/user.entity';
import { CommitteeMember } from '../committees/committee-member.entity';
import { Committee } from '../committees/committee.entity';
import { ConflictOfInterest } from '../conflicts/conflict.entity';
import { DecisionCondition } from '../decisions/decision-condition.entity';
import { Decision } from '../decisions/decision.entity';
import { ApplicantDocument } from '../documents/document.entity';
import { Intake } from '../intakes/intake.entity';
import { ReviewWeek } from '../intakes/review-week.entity';
import { PortfolioItem } from '../portfolios/portfolio-item.entity';
import { Portfolio } from '../portfolios/portfolio.entity';
import { PreparatoryCourse } from '../programs/preparatory-course.entity';
import { PrerequisiteCourse } from '../programs/prerequisite-course.entity';
import { Program } from '../programs/program.entity';
import { RubricCriterion } from '../programs/rubric-criterion.entity';
import { ReferenceLetter } from '../references/reference.entity';
import { AgendaItem } from '../reviews/agenda-item.entity';
import { ReviewSession } from '../reviews/review-session.entity';
import { VoteScore } from '../reviews/vote-score.entity';
import { Vote } from '../reviews/vote.entity';
import { VoteRevision } from '../reviews/vote-revision.entity';
import { SessionComment } from '../reviews/comment.entity';
import { SessionEvent } from '../events/session-event.entity';
import { ItemScoreSummary, ScoreUnit } from '../reporting/score-aggregates.entity';
import { RateLimitBucket } from '../server/rate-limit-bucket.entity';

/** Listed explicitly (no folder globbing) so the same list works from ts-jest and from dist/. */
export const entities = [
  User,
  Program,
  PrerequisiteCourse,
  PreparatoryCourse,
  RubricCriterion,
  Intake,
  ReviewWeek,
  Applicant,
  EnglishCertificate,
  ApplicantDocument,
  ReferenceLetter,
  Portfolio,
  PortfolioItem,
  Committee,
  CommitteeMember,
  ConflictOfInterest,
  ReviewSession,
  AgendaItem,
  Vote,
  VoteScore,
  VoteRevision,
  SessionComment,
  SessionEvent,
  Decision,
  AuthSession,
  UserPassword,
  AuditEvent,
  DecisionCondition,
  RateLimitBucket,
  ScoreUnit,
  ItemScoreSummary,
];
