import { registerEnumType } from 'type-graphql';
import { AdmissionRoute, ApplicationStatus, EligibilityProblemCode, EnglishPath, EnglishTest, GradeScale } from './applicants/applicant.enums';
import { AuditKind } from './audit/audit-event.entity';
import { SignInMethod } from './auth/auth-session.entity';
import { UserRole } from './auth/user.entity';
import { SeatRole } from './committees/committee-member.entity';
import { ConflictSource } from './conflicts/conflict.entity';
import { AdmissionCondition, AdmissionStatus, ConditionStatus, CourseOutcome, DecisionOutcome, LanguageSchoolResult, OfficeStep, RejectionReason } from './decisions/decision.enums';
import { WeekOfMonth } from './intakes/policy';
import { DocumentKind, DocumentQuality } from './documents/document.entity';
import { ReferenceStatus } from './references/reference.entity';
import { VotingStatus } from './reviews/agenda-item.entity';
import { SessionStatus } from './reviews/review-session.entity';
import { Recommendation } from './reviews/vote.entity';
import { CommentVisibility } from './reviews/comment.entity';
import { SessionEventType } from './events/session-event.entity';

/** The domain enums live with their entities; this registers each once under its GraphQL name. */
const enums = {
  AdmissionRoute,
  ApplicationStatus,
  EnglishPath,
  EnglishTest,
  GradeScale,
  UserRole,
  SeatRole,
  ConflictSource,
  EligibilityProblemCode,
  AdmissionCondition,
  AdmissionStatus,
  ConditionStatus,
  CourseOutcome,
  DecisionOutcome,
  OfficeStep,
  LanguageSchoolResult,
  RejectionReason,
  WeekOfMonth,
  DocumentKind,
  DocumentQuality,
  ReferenceStatus,
  VotingStatus,
  SessionStatus,
  Recommendation,
  CommentVisibility,
  SessionEventType,
  SignInMethod,
  AuditKind,
};

for (const [name, values] of Object.entries(enums)) registerEnumType(values, { name });
