/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, RFC 3339 with an offset, e.g. `2021-05-24T09:00:00Z`. Years 1900 to 2200. */
  DateTime: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: any; output: any; }
  /** A calendar date, `YYYY-MM-DD` (no time zone), e.g. `2021-10-01`. Years 1900 to 2200. */
  LocalDate: { input: string; output: string; }
};

export type AdmissionCondition =
  | 'COMMITTEE_REQUIREMENT'
  | 'ENGLISH_EXAM'
  | 'ENGLISH_LANGUAGE_SCHOOL'
  | 'MISSING_PREREQUISITES'
  | 'PREPARATORY_COURSES'
  | 'RECOGNITION_OF_PRIOR_EDUCATION';

/** Every condition of an admission decided in this session is met: the admission is final. */
export type AdmissionFinalEvent = SessionEvent & {
  __typename?: 'AdmissionFinalEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  decision?: Maybe<Decision>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

/** An admitting outcome open to the applicant, and the conditions it would carry. */
export type AdmissionOffer = {
  __typename?: 'AdmissionOffer';
  outcome: DecisionOutcome;
  /** Conditions the admission would have to carry (a committee may add more). */
  requiredConditions: Array<ConditionRequirement>;
};

export type AdmissionRoute =
  | 'CONDITIONAL'
  | 'REGULAR'
  | 'TRANSFER';

export type AdmissionStatus =
  | 'CONDITIONS_OUTSTANDING'
  | 'CONDITION_FAILED'
  | 'FINAL';

export type AgendaItem = Node & {
  __typename?: 'AgendaItem';
  applicant: Applicant;
  /** The discussion of this applicant in this session that you may read. */
  comments: Array<Comment>;
  /** You have a conflict of interest with this applicant: you take no part in their review. */
  conflictOfInterest: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  position: Scalars['Int']['output'];
  scoresRevealed: Scalars['Boolean']['output'];
  session: ReviewSession;
  /** Null when you may not see the votes yet (blind mode before you vote, or a conflict of interest). */
  tally?: Maybe<Tally>;
  /** The votes on this applicant in this session that you may see. */
  votes: Array<Vote>;
  votingStatus: VotingStatus;
};

/** The distance Krippendorff's alpha uses between two scores. */
export type AgreementMetric =
  | 'INTERVAL'
  | 'NOMINAL'
  | 'ORDINAL';

export type Applicant = Node & {
  __typename?: 'Applicant';
  /** Where the applicant is on review agendas (sessions you may see). */
  agendaItems: Array<AgendaItem>;
  /** When the personal data was erased (names, emails, documents, texts); what statistics need is kept. */
  anonymisedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The certificate that counts: an accepted one first, then the furthest above its own minimum. */
  bestEnglishCertificate?: Maybe<EnglishCertificate>;
  /** Codes of the courses passed, matched against prerequisites. */
  completedCourses: Array<Scalars['String']['output']>;
  /** Conflicts of interest in force (declared or detected, not cleared): the first `first` by member (default 25, at most 100). */
  conflicts: Array<Conflict>;
  createdAt: Scalars['DateTime']['output'];
  /** Null until there is one; to a member conflicted with the applicant, null until it is published. */
  decision?: Maybe<Decision>;
  documents: Array<Document>;
  /** Completed bachelor-level ECTS credits. */
  ects: Scalars['Int']['output'];
  eligibility: Eligibility;
  email: Scalars['String']['output'];
  /** Every English certificate the applicant holds; see bestEnglishCertificate for the one that counts. */
  englishCertificates: Array<EnglishCertificate>;
  firstName: Scalars['String']['output'];
  fullName: Scalars['String']['output'];
  grade: Grade;
  id: Scalars['ID']['output'];
  intake: Intake;
  lastName: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code. */
  nationality: Scalars['String']['output'];
  /** Needs a type-D visa to enter the country (visa-regime nationality). */
  needsVisa: Scalars['Boolean']['output'];
  portfolio?: Maybe<Portfolio>;
  /** The items of the portfolio (empty without one). */
  portfolioItems: Array<PortfolioItem>;
  priorDegree: Scalars['String']['output'];
  priorInstitution: Scalars['String']['output'];
  program: Program;
  references: Array<Reference>;
  /** Design or arts studies (required by programs such as VACD). */
  relevantBackground: Scalars['Boolean']['output'];
  route: AdmissionRoute;
  /** The review sessions the applicant is scheduled in (that you may see). */
  sessions: Array<ReviewSession>;
  /** Derived from the facts; a member conflicted with the applicant sees no unpublished decision in it. */
  status: ApplicationStatus;
  /** Votes you may see: none with a conflict of interest; in blind mode only yours until you vote or scores are revealed. */
  votes: Array<Vote>;
  withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
};


export type ApplicantConflictsArgs = {
  first?: Scalars['Int']['input'];
};


export type ApplicantVotesArgs = {
  sessionId?: InputMaybe<Scalars['ID']['input']>;
};

export type ApplicantCalibration = {
  __typename?: 'ApplicantCalibration';
  applicantId: Scalars['ID']['output'];
  /** Null for reporters. */
  applicantName?: Maybe<Scalars['String']['output']>;
  /** Standard deviation between the reviewers’ overall scores: where the committee needs to talk. */
  disagreement?: Maybe<Scalars['Float']['output']>;
  /** Mean of the reviewers' z-scores (each reviewer's scores normalised to their own mean and spread). */
  normalizedMean?: Maybe<Scalars['Float']['output']>;
  normalizedRank?: Maybe<Scalars['Int']['output']>;
  rawMean?: Maybe<Scalars['Float']['output']>;
  /** Among the rows shown (a suppressed row has no rank and moves no other). */
  rawRank?: Maybe<Scalars['Int']['output']>;
  /** True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null. */
  suppressed: Scalars['Boolean']['output'];
  /** Scored votes (not abstentions). */
  votes?: Maybe<Scalars['Int']['output']>;
};

export type ApplicantConnection = {
  __typename?: 'ApplicantConnection';
  edges: Array<ApplicantEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Applicant>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ApplicantEdge = {
  __typename?: 'ApplicantEdge';
  cursor: Scalars['String']['output'];
  node: Applicant;
};

export type ApplicantFilter = {
  /** Applicants whose decision has this outcome. */
  decision?: InputMaybe<DecisionOutcome>;
  intakeId?: InputMaybe<Scalars['ID']['input']>;
  needsVisa?: InputMaybe<Scalars['Boolean']['input']>;
  programId?: InputMaybe<Scalars['ID']['input']>;
  /** Applicants on the agenda of a session in this review week. */
  reviewWeekId?: InputMaybe<Scalars['ID']['input']>;
  route?: InputMaybe<AdmissionRoute>;
  /** Case-insensitive match on first, last or full name. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ApplicationStatus>;
};

export type ApplicantOrder = {
  direction?: OrderDirection;
  field: ApplicantOrderField;
};

export type ApplicantOrderField =
  | 'CREATED_AT'
  | 'ECTS'
  | 'LAST_NAME';

/** This applicant is next on the agenda: time to read their file. */
export type ApplicantUpNextEvent = SessionEvent & {
  __typename?: 'ApplicantUpNextEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  agendaItem?: Maybe<AgendaItem>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type ApplicationStatus =
  | 'COMPLETE'
  | 'DECIDED'
  | 'IMPROPER'
  | 'INCOMPLETE'
  | 'REVIEWED'
  | 'SCHEDULED'
  | 'WITHDRAWN';

/** One entry of the audit trail; entries are never changed (erasure only blanks the personal data in them). */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** The mutation or query fields (`recordDecision`, `applicants,node`), or `signIn`, `signOut`, `retentionSweep`; `database` for a change made outside the API. */
  action: Scalars['String']['output'];
  /** Who acted; null for the server itself (the retention sweep, changes made outside the API). */
  actor?: Maybe<User>;
  /** CHANGE entries: the row after (null for a delete). */
  after?: Maybe<Scalars['JSONObject']['output']>;
  /** The applicants concerned (global IDs). */
  applicantIds: Array<Scalars['ID']['output']>;
  /** CHANGE entries: the row before (null for an insert). */
  before?: Maybe<Scalars['JSONObject']['output']>;
  /** A mutation's arguments (secrets left out), a sign-in's method, an erasure's counts. */
  details?: Maybe<Scalars['JSONObject']['output']>;
  id: Scalars['ID']['output'];
  kind: AuditKind;
  occurredAt: Scalars['DateTime']['output'];
  /** CHANGE entries: INSERT, UPDATE or DELETE. */
  operation?: Maybe<Scalars['String']['output']>;
  /** Shared by a mutation's entry and the changes it made. */
  operationId?: Maybe<Scalars['ID']['output']>;
  /** `OK`, or the code the mutation was refused with. */
  outcome?: Maybe<Scalars['String']['output']>;
  /** When an erasure blanked before, after and details. */
  redactedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The request id, as in the server log. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** CHANGE entries: the table changed. */
  table?: Maybe<Scalars['String']['output']>;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<AuditEvent>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

export type AuditFilter = {
  /** Entries about this applicant. */
  applicantId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  kinds?: InputMaybe<Array<AuditKind>>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entries of what this user did. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type AuditKind =
  | 'CHANGE'
  | 'ERASURE'
  | 'EXPORT'
  | 'MUTATION'
  | 'READ'
  | 'SIGN_IN'
  | 'SIGN_OUT';

export type Calibration = {
  __typename?: 'Calibration';
  /** Sorted by disagreement, largest first. */
  applicants: Array<ApplicantCalibration>;
  reviewers: Array<ReviewerCalibration>;
};

export type CastVoteInput = {
  applicantId: Scalars['ID']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  /** 1 (low) to 3 (high). */
  confidence: Scalars['Int']['input'];
  /** The version of your vote this change was made from; required when changing a vote. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Proposed tuition waiver, percent 0–100. */
  proposedScholarship?: InputMaybe<Scalars['Int']['input']>;
  /** ABSTAIN carries no scores: it counts among the recommendations, never in means, spreads or agreement. */
  recommendation: Recommendation;
  /** One score 1–5 for every criterion of the program rubric; none for an abstention. */
  scores?: InputMaybe<Array<CriterionScoreInput>>;
  sessionId: Scalars['ID']['input'];
};

export type Comment = Node & {
  __typename?: 'Comment';
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  visibility: CommentVisibility;
};

export type CommentPostedEvent = SessionEvent & {
  __typename?: 'CommentPostedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  comment?: Maybe<Comment>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type CommentVisibility =
  | 'CHAIR_AND_OFFICERS'
  | 'COMMITTEE'
  | 'PRIVATE';

export type Committee = Node & {
  __typename?: 'Committee';
  id: Scalars['ID']['output'];
  members: Array<CommitteeMember>;
  name: Scalars['String']['output'];
  /** The programs whose applicants this committee reviews. */
  programs: Array<Program>;
};

export type CommitteeConnection = {
  __typename?: 'CommitteeConnection';
  edges: Array<CommitteeEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Committee>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CommitteeEdge = {
  __typename?: 'CommitteeEdge';
  cursor: Scalars['String']['output'];
  node: Committee;
};

export type CommitteeMember = Node & {
  __typename?: 'CommitteeMember';
  committee: Committee;
  id: Scalars['ID']['output'];
  role: SeatRole;
  user: User;
};

export type CommitteeRequirementEvidence = {
  __typename?: 'CommitteeRequirementEvidence';
  checkedOn?: Maybe<Scalars['LocalDate']['output']>;
  met?: Maybe<Scalars['Boolean']['output']>;
};

export type CommitteeRequirementEvidenceInput = {
  checkedOn: Scalars['LocalDate']['input'];
  met: Scalars['Boolean']['input'];
};

export type CommitteeWork = {
  __typename?: 'CommitteeWork';
  members: Array<MemberActivity>;
  sessions: Array<SessionActivity>;
  weeks: Array<WeekActivity>;
};

/** Admissions carrying one condition, and where that condition stands. */
export type ConditionCount = {
  __typename?: 'ConditionCount';
  condition: AdmissionCondition;
  count: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  met: Scalars['Int']['output'];
  outstanding: Scalars['Int']['output'];
};

/** The office recorded evidence for a condition of an admission decided in this session. */
export type ConditionRecordedEvent = SessionEvent & {
  __typename?: 'ConditionRecordedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  condition?: Maybe<DecisionCondition>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

/** A condition the facts require: one of `anyOf` (two only for English). */
export type ConditionRequirement = {
  __typename?: 'ConditionRequirement';
  anyOf: Array<AdmissionCondition>;
  reason: Scalars['String']['output'];
};

export type ConditionStatus =
  | 'FAILED'
  | 'MET'
  | 'OUTSTANDING';

/** A conflict of interest in force between a committee member and an applicant. */
export type Conflict = {
  __typename?: 'Conflict';
  applicant: Applicant;
  member: User;
  reason: Scalars['String']['output'];
  source: ConflictSource;
};

export type ConflictSource =
  | 'DECLARED'
  | 'REFEREE'
  | 'SHARED_INSTITUTION';

export type CourseOutcome =
  | 'FAIL'
  | 'GRADED'
  | 'NOT_AVAILABLE';

export type CreateApplicantInput = {
  completedCourses?: InputMaybe<Array<Scalars['String']['input']>>;
  ects: Scalars['Int']['input'];
  email: Scalars['String']['input'];
  /** Every certificate the applicant holds; the best counts. */
  englishCertificates?: InputMaybe<Array<EnglishCertificateInput>>;
  firstName: Scalars['String']['input'];
  grade: GradeInput;
  intakeId: Scalars['ID']['input'];
  lastName: Scalars['String']['input'];
  nationality: Scalars['String']['input'];
  needsVisa: Scalars['Boolean']['input'];
  priorDegree: Scalars['String']['input'];
  priorInstitution: Scalars['String']['input'];
  programId: Scalars['ID']['input'];
  relevantBackground?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateIntakeInput = {
  /** e.g. `2021-10` */
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** Months its applicants' personal data is kept after it starts (1–1200); unset: the server's RETENTION_MONTHS. */
  retentionMonths?: InputMaybe<Scalars['Int']['input']>;
  startsOn: Scalars['LocalDate']['input'];
};

export type CreateProgramInput = {
  code: Scalars['String']['input'];
  minAcademicReferences?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  portfolioRequired?: InputMaybe<Scalars['Boolean']['input']>;
  relevantBackgroundRequired?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateReviewSessionInput = {
  blind?: InputMaybe<Scalars['Boolean']['input']>;
  committeeId: Scalars['ID']['input'];
  endsAt: Scalars['DateTime']['input'];
  startsAt: Scalars['DateTime']['input'];
  title: Scalars['String']['input'];
  weekId: Scalars['ID']['input'];
};

export type CreateReviewWeekInput = {
  endsOn: Scalars['LocalDate']['input'];
  intakeId: Scalars['ID']['input'];
  label: Scalars['String']['input'];
  startsOn: Scalars['LocalDate']['input'];
};

export type CreateUserInput = {
  email: Scalars['String']['input'];
  /** The member's institution; used to detect conflicts of interest. */
  institution?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  role: UserRole;
};

export type CriterionScore = {
  __typename?: 'CriterionScore';
  criterion: RubricCriterion;
  score: Scalars['Int']['output'];
};

export type CriterionScoreInput = {
  criterionId: Scalars['ID']['input'];
  score: Scalars['Int']['input'];
};

/** Statistics of one criterion; stdDev is the sample standard deviation (null under 2 scores). */
export type CriterionStatistics = {
  __typename?: 'CriterionStatistics';
  /** Krippendorff's alpha between reviewers on this criterion; null when undefined. */
  alpha?: Maybe<Scalars['Float']['output']>;
  count?: Maybe<Scalars['Int']['output']>;
  criterionKey: Scalars['String']['output'];
  mean?: Maybe<Scalars['Float']['output']>;
  median?: Maybe<Scalars['Float']['output']>;
  stdDev?: Maybe<Scalars['Float']['output']>;
  /** True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null. */
  suppressed: Scalars['Boolean']['output'];
};

export type CriterionTally = {
  __typename?: 'CriterionTally';
  count: Scalars['Int']['output'];
  criterion: RubricCriterion;
  max?: Maybe<Scalars['Float']['output']>;
  mean?: Maybe<Scalars['Float']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  stdDev?: Maybe<Scalars['Float']['output']>;
};

/** The committee now looks at this applicant, and voting on them is open. */
export type CurrentApplicantChangedEvent = SessionEvent & {
  __typename?: 'CurrentApplicantChangedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  agendaItem?: Maybe<AgendaItem>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type Decision = Node & {
  __typename?: 'Decision';
  /** Where an admission stands: FINAL once every condition is met. Null for other outcomes. */
  admissionStatus?: Maybe<AdmissionStatus>;
  applicant: Applicant;
  /** The kinds of condition the admission carries (see trackedConditions for where each stands). */
  conditions: Array<AdmissionCondition>;
  decidedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Issued only once the decision is published and tuition paid. */
  letterIssuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The office's steps the rules allow now: publishDecision, recordTuitionPaid, issueAcceptanceLetter (empty when none is left). */
  officeSteps: Array<OfficeStep>;
  outcome: DecisionOutcome;
  /** What is still to be met (an English path no longer counts once the other is met). */
  outstandingConditions: Array<DecisionCondition>;
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The committee's words: why, for a rejection; anything else the applicant should know. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Why, for a rejection (and only then). */
  rejectionReason?: Maybe<RejectionReason>;
  /** Tuition waiver, percent; never covers living costs. */
  scholarshipPercent?: Maybe<Scalars['Int']['output']>;
  /** Null for an improper application the office rejected. */
  session?: Maybe<ReviewSession>;
  /** Every condition with its status and evidence. */
  trackedConditions: Array<DecisionCondition>;
  tuitionPaidAt?: Maybe<Scalars['DateTime']['output']>;
};

/** One condition of an admission, tracked to the end: its status is judged from its evidence (decisions/policy.ts). */
export type DecisionCondition = Node & {
  __typename?: 'DecisionCondition';
  /** For COMMITTEE_REQUIREMENT. */
  committeeRequirement?: Maybe<CommitteeRequirementEvidence>;
  decision: Decision;
  /** Why it applies; for a committee requirement, what it asks. */
  description: Scalars['String']['output'];
  /** For ENGLISH_EXAM. */
  englishExam?: Maybe<EnglishExamEvidence>;
  id: Scalars['ID']['output'];
  kind: AdmissionCondition;
  /** For ENGLISH_LANGUAGE_SCHOOL. */
  languageSchool?: Maybe<LanguageSchoolEvidence>;
  note?: Maybe<Scalars['String']['output']>;
  /** For PREPARATORY_COURSES. */
  preparatoryCourses?: Maybe<PreparatoryCoursesEvidence>;
  /** For MISSING_PREREQUISITES. */
  prerequisites?: Maybe<PrerequisitesEvidence>;
  /** For RECOGNITION_OF_PRIOR_EDUCATION. */
  recognition?: Maybe<RecognitionEvidence>;
  /** When evidence was last recorded. */
  recordedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The officer who last recorded evidence (officers only). */
  recordedBy?: Maybe<User>;
  /** Required by the applicant's facts (the chair could not leave it out), or added by the committee. */
  required: Scalars['Boolean']['output'];
  status: ConditionStatus;
};

export type DecisionCount = {
  __typename?: 'DecisionCount';
  count: Scalars['Int']['output'];
  outcome: DecisionOutcome;
};

export type DecisionDay = {
  __typename?: 'DecisionDay';
  day: Scalars['LocalDate']['output'];
  decisions: Array<DecisionCount>;
  total: Scalars['Int']['output'];
};

/** What the chair sees before recording a decision: every outcome with its conditions, or why it is not open. */
export type DecisionDraft = {
  __typename?: 'DecisionDraft';
  applicant: Applicant;
  options: Array<DecisionOption>;
  session: ReviewSession;
  /** A decision is recorded once voting on the applicant has closed. */
  votingClosed: Scalars['Boolean']['output'];
};

/** One outcome the chair may record, and what it takes. */
export type DecisionOption = {
  __typename?: 'DecisionOption';
  /** Open to this applicant; when false, `problems` says why. */
  allowed: Scalars['Boolean']['output'];
  /** Conditions the chair may add (a committee requirement in words always may be, on an admission). */
  optionalConditions: Array<AdmissionCondition>;
  outcome: DecisionOutcome;
  problems: Array<EligibilityFinding>;
  /** What the API proposes: recordDecision takes these when `conditions` is left out. */
  proposedConditions: Array<AdmissionCondition>;
  /** For REJECT: the reasons the facts bear out. */
  rejectionReasons: Array<RejectionReason>;
  /** Conditions the decision must carry; they cannot be left out. */
  requiredConditions: Array<ConditionRequirement>;
};

export type DecisionOutcome =
  | 'ADMIT'
  | 'ADMIT_AS_TRANSFER'
  | 'REJECT'
  | 'WAITLIST';

export type DecisionRecordedEvent = SessionEvent & {
  __typename?: 'DecisionRecordedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  decision?: Maybe<Decision>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

/** The conflict just declared, and its applicant: what the declaring member may read back. */
export type DeclareConflictPayload = {
  __typename?: 'DeclareConflictPayload';
  applicant: Applicant;
  conflict: Conflict;
};

export type Document = Node & {
  __typename?: 'Document';
  applicant: Applicant;
  fileName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: DocumentKind;
  /** PHOTOGRAPHED makes the application improper: documents must be scanned. */
  quality: DocumentQuality;
  uploadedAt: Scalars['DateTime']['output'];
};

export type DocumentKind =
  | 'CV'
  | 'DIPLOMA'
  | 'ENGLISH_CERTIFICATE'
  | 'MOTIVATION_LETTER'
  | 'OTHER'
  | 'PASSPORT'
  | 'TRANSCRIPT';

export type DocumentQuality =
  | 'PHOTOGRAPHED'
  | 'SCANNED'
  | 'UNCHECKED';

/** Every admission rule of the program, computed from stored facts (applicants/policy.ts). */
export type Eligibility = {
  __typename?: 'Eligibility';
  academicReferencesReceived: Scalars['Int']['output'];
  academicReferencesRequired: Scalars['Int']['output'];
  /** The admitting outcomes open to the applicant, each with the conditions it would carry. */
  admissionOffers: Array<AdmissionOffer>;
  /** Review weeks of the intake the applicant may be scheduled in (the visa rule). */
  allowedReviewWeekIds: Array<Scalars['ID']['output']>;
  /** The certificate that counts, of all the applicant holds. */
  bestEnglishCertificate?: Maybe<EnglishCertificate>;
  /** References, portfolio (where required) and acceptable documents are all in. */
  complete: Scalars['Boolean']['output'];
  /** No document was photographed: false makes the application improper (it can only be rejected). */
  documentsAcceptable: Scalars['Boolean']['output'];
  /** Some certificate is at or above its minimum (IELTS Academic 6.0, TOEFL iBT 79). */
  englishCertificateAccepted: Scalars['Boolean']['output'];
  englishPath: EnglishPath;
  /** The problems in words, for the committee. */
  issues: Array<Scalars['String']['output']>;
  /** The minimum grade on the applicant's own scale (2.5 of 4, 65 of 100). */
  minimumGrade: Scalars['Float']['output'];
  /** Judged on the applicant’s own scale; binding on the regular route. */
  minimumGradeMet: Scalars['Boolean']['output'];
  /** To take before starting; never a reason to reject. */
  missingPrerequisites: Array<PrerequisiteCourse>;
  /** File names of documents photographed instead of scanned. */
  photographedDocuments: Array<Scalars['String']['output']>;
  portfolioRequired: Scalars['Boolean']['output'];
  portfolioSubmitted: Scalars['Boolean']['output'];
  /** What the rules find, with what each finding blocks. */
  problems: Array<EligibilityProblem>;
  referencesComplete: Scalars['Boolean']['output'];
  relevantBackgroundMet: Scalars['Boolean']['output'];
  route: AdmissionRoute;
  /** Proper, complete and considered by the program: may be put on a review agenda. */
  schedulable: Scalars['Boolean']['output'];
};

/** A rule that keeps an outcome from being open, by code. */
export type EligibilityFinding = {
  __typename?: 'EligibilityFinding';
  code: EligibilityProblemCode;
  message: Scalars['String']['output'];
};

/** One finding of the admission rules, by stable code, with what it blocks. */
export type EligibilityProblem = {
  __typename?: 'EligibilityProblem';
  /** The applicant cannot be admitted (nor as a transfer) while this holds. */
  blocksAdmission: Scalars['Boolean']['output'];
  /** The applicant cannot be put on a review agenda while this holds. */
  blocksScheduling: Scalars['Boolean']['output'];
  code: EligibilityProblemCode;
  message: Scalars['String']['output'];
};

export type EligibilityProblemCode =
  | 'CONDITIONAL_ROUTE'
  | 'IMPROPER_DOCUMENTS'
  | 'MINIMUM_GRADE_NOT_MET'
  | 'MISSING_PORTFOLIO'
  | 'MISSING_PREREQUISITES'
  | 'MISSING_REFERENCES'
  | 'NEEDS_VISA'
  | 'NEEDS_VISA_IN_VISA_FREE_WEEK'
  | 'NOT_TRANSFER_ROUTE'
  | 'NO_ACCEPTED_ENGLISH_CERTIFICATE'
  | 'NO_RELEVANT_BACKGROUND'
  | 'TRANSFER_ROUTE'
  | 'WITHDRAWN';

/** An IELTS Academic band or a TOEFL iBT score; accepted from 6.0 and 79. */
export type EnglishCertificate = {
  __typename?: 'EnglishCertificate';
  score: Scalars['Float']['output'];
  test: EnglishTest;
};

export type EnglishCertificateInput = {
  score: Scalars['Float']['input'];
  test: EnglishTest;
};

export type EnglishExamEvidence = {
  __typename?: 'EnglishExamEvidence';
  passed?: Maybe<Scalars['Boolean']['output']>;
  takenOn?: Maybe<Scalars['LocalDate']['output']>;
};

export type EnglishExamEvidenceInput = {
  passed: Scalars['Boolean']['input'];
  takenOn: Scalars['LocalDate']['input'];
};

export type EnglishPath =
  | 'CERTIFICATE'
  | 'PROFICIENCY_EXAM_OR_LANGUAGE_SCHOOL';

export type EnglishTest =
  | 'IELTS_ACADEMIC'
  | 'TOEFL_IBT';

export type FunnelDimension =
  | 'INTAKE'
  | 'PROGRAM'
  | 'WEEK';

/** One row of the funnel; a dimension not grouped by is null. */
export type FunnelRow = {
  __typename?: 'FunnelRow';
  /** Admissions with every condition met: final. */
  admissionsFinal: Scalars['Int']['output'];
  admissionsWithConditionFailed: Scalars['Int']['output'];
  admissionsWithConditionsOutstanding: Scalars['Int']['output'];
  /** (ADMIT + ADMIT_AS_TRANSFER) / decided; null with no decision. */
  admitRate?: Maybe<Scalars['Float']['output']>;
  /** ADMIT and ADMIT_AS_TRANSFER decisions. */
  admitted: Scalars['Int']['output'];
  complete: Scalars['Int']['output'];
  /** Admissions carrying each condition, and how many of those conditions are met, outstanding or failed. */
  conditionalAdmissions: Array<ConditionCount>;
  decided: Scalars['Int']['output'];
  decisions: Array<DecisionCount>;
  /** Applications with a photographed document: to be rejected, never scheduled. */
  improper: Scalars['Int']['output'];
  intakeCode?: Maybe<Scalars['String']['output']>;
  intakeId?: Maybe<Scalars['ID']['output']>;
  meanScholarshipPercent?: Maybe<Scalars['Float']['output']>;
  programCode?: Maybe<Scalars['String']['output']>;
  programId?: Maybe<Scalars['ID']['output']>;
  registered: Scalars['Int']['output'];
  reviewed: Scalars['Int']['output'];
  scheduled: Scalars['Int']['output'];
  scholarshipsGranted: Scalars['Int']['output'];
  /** The first week the applicant was scheduled in; null: not scheduled. */
  weekId?: Maybe<Scalars['ID']['output']>;
  weekLabel?: Maybe<Scalars['String']['output']>;
};

/** A grade with its scale; never compare values across scales. */
export type Grade = {
  __typename?: 'Grade';
  scale: GradeScale;
  value: Scalars['Float']['output'];
};

export type GradeInput = {
  scale: GradeScale;
  value: Scalars['Float']['input'];
};

export type GradeScale =
  | 'FOUR_POINT'
  | 'HUNDRED_POINT';

export type Intake = Node & {
  __typename?: 'Intake';
  /** e.g. `2021-10` */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Months after the intake starts that its applicants' personal data is kept; null: the server's RETENTION_MONTHS. */
  retentionMonths?: Maybe<Scalars['Int']['output']>;
  /** In date order; the last is only for applicants who need no visa. */
  reviewWeeks: Array<ReviewWeek>;
  startsOn: Scalars['LocalDate']['output'];
};

export type IntakeConnection = {
  __typename?: 'IntakeConnection';
  edges: Array<IntakeEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Intake>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type IntakeEdge = {
  __typename?: 'IntakeEdge';
  cursor: Scalars['String']['output'];
  node: Intake;
};

export type LanguageSchoolEvidence = {
  __typename?: 'LanguageSchoolEvidence';
  /** The day of the placement or of the result. */
  on?: Maybe<Scalars['LocalDate']['output']>;
  /** The level the placement test put the applicant in, 1–4. */
  placementLevel?: Maybe<Scalars['Int']['output']>;
  result?: Maybe<LanguageSchoolResult>;
};

export type LanguageSchoolEvidenceInput = {
  /** The day of the placement, or of the result. */
  on: Scalars['LocalDate']['input'];
  /** The level of the placement test, 1–4. */
  placementLevel: Scalars['Int']['input'];
  result?: LanguageSchoolResult;
};

export type LanguageSchoolResult =
  | 'ATTENDING'
  | 'COMPLETED'
  | 'NOT_COMPLETED';

export type MemberActivity = {
  __typename?: 'MemberActivity';
  label: Scalars['String']['output'];
  memberId?: Maybe<Scalars['ID']['output']>;
  /** True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null. */
  suppressed: Scalars['Boolean']['output'];
  /** Votes cast, abstentions included. */
  votesCast?: Maybe<Scalars['Int']['output']>;
};

/** A member opened the session (presence). */
export type MemberJoinedEvent = SessionEvent & {
  __typename?: 'MemberJoinedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

/** A member left the session (presence). */
export type MemberLeftEvent = SessionEvent & {
  __typename?: 'MemberLeftEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type MixDimension =
  | 'ENGLISH_PATH'
  | 'GRADE_BAND'
  | 'NATIONALITY'
  | 'ROUTE'
  | 'VISA';

export type MixRow = {
  __typename?: 'MixRow';
  count: Scalars['Int']['output'];
  share: Scalars['Float']['output'];
  value: Scalars['String']['output'];
};

/** One week of the published rule, e.g. the last week of October 2020. */
export type MonthWeekInput = {
  /** 1–12 */
  month: Scalars['Int']['input'];
  week: WeekOfMonth;
  year: Scalars['Int']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  addCommitteeMember: CommitteeMember;
  addDocument: Document;
  addPortfolioItem: PortfolioItem;
  addToAgenda: AgendaItem;
  /** Casts your vote, or changes it when you pass the expectedVersion you loaded. */
  castVote: Vote;
  /** Changes your password for the built-in sign-in; your other sessions end. */
  changePassword: User;
  /** Clears a declared or detected conflict of interest. */
  clearConflict: Applicant;
  /** Closes the session, and voting on any applicant still open. */
  closeSession: ReviewSession;
  closeVoting: AgendaItem;
  createApplicant: Applicant;
  createCommittee: Committee;
  createIntake: Intake;
  createProgram: Program;
  /** Schedules a session inside a review week. */
  createReviewSession: ReviewSession;
  createReviewWeek: ReviewWeek;
  createUser: User;
  /** Declares a conflict of interest, with a reason. Members declare their own. */
  declareConflict: DeclareConflictPayload;
  /** Erases an applicant's personal data now (a data subject's request), keeping what statistics need. */
  eraseApplicant: Applicant;
  /** Erases every applicant past their intake's retention (the server also does it every RETENTION_SWEEP_HOURS). */
  eraseExpiredApplicants: RetentionSweep;
  /** Only after the decision is published and the tuition paid. */
  issueAcceptanceLetter: Decision;
  markReferenceReceived: Reference;
  openSession: ReviewSession;
  /** Comments on an applicant in a session: for the committee, for the chairs and officers, or private. */
  postComment: Comment;
  publishDecision: Decision;
  /** Records evidence for one condition of a published admission; its status follows from the evidence. */
  recordConditionEvidence: RecordConditionEvidencePayload;
  /** The chair records the committee's decision after voting on the applicant closed. */
  recordDecision: Decision;
  recordTuitionPaid: Decision;
  /** Rejects an improper application (a photographed document) for improper documents, without a session. */
  rejectImproperApplication: Decision;
  removeCommitteeMember: Committee;
  /** Removes a document; returns its applicant. */
  removeDocument: Applicant;
  removeFromAgenda: ReviewSession;
  /** Removes an item; returns its portfolio. */
  removePortfolioItem: Portfolio;
  /** Removes a reference; returns its applicant. */
  removeReference: Applicant;
  /** Records that a reference letter was requested from a referee. */
  requestReference: Reference;
  /** Blind mode: shows everyone on the committee the scores on this applicant. */
  revealScores: AgendaItem;
  /** Signs a user out everywhere (yourself, or anyone for officers), identity-provider tokens included. */
  revokeAllSignInSessions: RevokedSignIns;
  /** Ends one of your sessions (officers: anyone's); its live sockets close with 4401. */
  revokeSignInSession: SignInSession;
  /** Creates review weeks from the published rule (first or last week of a month); the latest is the visa-free one. */
  scheduleReviewWeeks: Intake;
  /** Moves the committee to this applicant and opens voting on them. */
  setCurrentApplicant: ReviewSession;
  setDocumentQuality: Document;
  /** Sets the portfolio's statement, creating the portfolio if needed. */
  setPortfolioStatement: Portfolio;
  /** Replaces the preparatory courses of the conditional route: exactly 10 courses adding up to 60 ECTS. */
  setPreparatoryCourses: Program;
  /** Replaces the list of prerequisite courses. */
  setPrerequisiteCourses: Program;
  /** Replaces the rubric; criteria are matched by key so scored criteria keep their scores. */
  setRubric: Program;
  /** Sets a user's password for the built-in sign-in (a first one, or a reset); their sessions end. */
  setUserPassword: User;
  submitPortfolio: Portfolio;
  updateApplicant: Applicant;
  updateCommittee: Committee;
  updateIntake: Intake;
  updateProgram: Program;
  updateReviewSession: ReviewSession;
  updateReviewWeek: ReviewWeek;
  withdrawApplicant: Applicant;
};


export type MutationAddCommitteeMemberArgs = {
  committeeId: Scalars['ID']['input'];
  role?: SeatRole;
  userId: Scalars['ID']['input'];
};


export type MutationAddDocumentArgs = {
  applicantId: Scalars['ID']['input'];
  fileName: Scalars['String']['input'];
  kind: DocumentKind;
  quality?: DocumentQuality;
};


export type MutationAddPortfolioItemArgs = {
  applicantId: Scalars['ID']['input'];
  input: PortfolioItemInput;
};


export type MutationAddToAgendaArgs = {
  applicantId: Scalars['ID']['input'];
  position?: InputMaybe<Scalars['Int']['input']>;
  sessionId: Scalars['ID']['input'];
};


export type MutationCastVoteArgs = {
  input: CastVoteInput;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationClearConflictArgs = {
  applicantId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  source: ConflictSource;
  userId: Scalars['ID']['input'];
};


export type MutationCloseSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCloseVotingArgs = {
  applicantId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationCreateApplicantArgs = {
  input: CreateApplicantInput;
};


export type MutationCreateCommitteeArgs = {
  name: Scalars['String']['input'];
  programIds: Array<Scalars['ID']['input']>;
};


export type MutationCreateIntakeArgs = {
  input: CreateIntakeInput;
};


export type MutationCreateProgramArgs = {
  input: CreateProgramInput;
};


export type MutationCreateReviewSessionArgs = {
  input: CreateReviewSessionInput;
};


export type MutationCreateReviewWeekArgs = {
  input: CreateReviewWeekInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeclareConflictArgs = {
  applicantId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationEraseApplicantArgs = {
  applicantId: Scalars['ID']['input'];
};


export type MutationEraseExpiredApplicantsArgs = {
  dryRun?: Scalars['Boolean']['input'];
};


export type MutationIssueAcceptanceLetterArgs = {
  applicantId: Scalars['ID']['input'];
};


export type MutationMarkReferenceReceivedArgs = {
  id: Scalars['ID']['input'];
};


export type MutationOpenSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPostCommentArgs = {
  applicantId: Scalars['ID']['input'];
  body: Scalars['String']['input'];
  sessionId: Scalars['ID']['input'];
  visibility?: CommentVisibility;
};


export type MutationPublishDecisionArgs = {
  applicantId: Scalars['ID']['input'];
};


export type MutationRecordConditionEvidenceArgs = {
  input: RecordConditionEvidenceInput;
};


export type MutationRecordDecisionArgs = {
  input: RecordDecisionInput;
};


export type MutationRecordTuitionPaidArgs = {
  applicantId: Scalars['ID']['input'];
};


export type MutationRejectImproperApplicationArgs = {
  applicantId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveCommitteeMemberArgs = {
  committeeId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRemoveDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveFromAgendaArgs = {
  applicantId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationRemovePortfolioItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveReferenceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequestReferenceArgs = {
  input: RequestReferenceInput;
};


export type MutationRevealScoresArgs = {
  applicantId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationRevokeAllSignInSessionsArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationRevokeSignInSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationScheduleReviewWeeksArgs = {
  input: ScheduleReviewWeeksInput;
};


export type MutationSetCurrentApplicantArgs = {
  applicantId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type MutationSetDocumentQualityArgs = {
  id: Scalars['ID']['input'];
  quality: DocumentQuality;
};


export type MutationSetPortfolioStatementArgs = {
  applicantId: Scalars['ID']['input'];
  statement?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetPreparatoryCoursesArgs = {
  courses: Array<PreparatoryCourseInput>;
  programId: Scalars['ID']['input'];
};


export type MutationSetPrerequisiteCoursesArgs = {
  courses: Array<PrerequisiteCourseInput>;
  programId: Scalars['ID']['input'];
};


export type MutationSetRubricArgs = {
  criteria: Array<RubricCriterionInput>;
  programId: Scalars['ID']['input'];
};


export type MutationSetUserPasswordArgs = {
  password: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationSubmitPortfolioArgs = {
  applicantId: Scalars['ID']['input'];
};


export type MutationUpdateApplicantArgs = {
  id: Scalars['ID']['input'];
  input: UpdateApplicantInput;
};


export type MutationUpdateCommitteeArgs = {
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  programIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationUpdateIntakeArgs = {
  id: Scalars['ID']['input'];
  input: UpdateIntakeInput;
};


export type MutationUpdateProgramArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProgramInput;
};


export type MutationUpdateReviewSessionArgs = {
  id: Scalars['ID']['input'];
  input: UpdateReviewSessionInput;
};


export type MutationUpdateReviewWeekArgs = {
  id: Scalars['ID']['input'];
  input: UpdateReviewWeekInput;
};


export type MutationWithdrawApplicantArgs = {
  id: Scalars['ID']['input'];
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type OfficeStep =
  | 'ISSUE_LETTER'
  | 'PUBLISH'
  | 'RECORD_TUITION';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Portfolio = Node & {
  __typename?: 'Portfolio';
  applicant: Applicant;
  id: Scalars['ID']['output'];
  items: Array<PortfolioItem>;
  statement?: Maybe<Scalars['String']['output']>;
  /** Null while the applicant is still assembling it. */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type PortfolioItem = Node & {
  __typename?: 'PortfolioItem';
  id: Scalars['ID']['output'];
  medium: Scalars['String']['output'];
  position: Scalars['Int']['output'];
  title: Scalars['String']['output'];
  url?: Maybe<Scalars['String']['output']>;
  year?: Maybe<Scalars['Int']['output']>;
};

export type PortfolioItemInput = {
  /** e.g. illustration, typography, photography, motion. */
  medium: Scalars['String']['input'];
  title: Scalars['String']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** A bachelor-level course of the scientific preparation. */
export type PreparatoryCourse = {
  __typename?: 'PreparatoryCourse';
  code: Scalars['String']['output'];
  ects: Scalars['Int']['output'];
  title: Scalars['String']['output'];
};

export type PreparatoryCourseInput = {
  code: Scalars['String']['input'];
  /** Bachelor-level ECTS credits, 1–30; the ten courses add up to 60. */
  ects: Scalars['Int']['input'];
  title: Scalars['String']['input'];
};

export type PreparatoryCourseResult = {
  __typename?: 'PreparatoryCourseResult';
  courseCode: Scalars['String']['output'];
  /** On the 4-point scale, for a GRADED result. */
  gradePoints?: Maybe<Scalars['Float']['output']>;
  outcome: CourseOutcome;
};

export type PreparatoryCourseResultInput = {
  courseCode: Scalars['String']['input'];
  /** On the 4-point scale (0–4), for a GRADED result only. */
  gradePoints?: InputMaybe<Scalars['Float']['input']>;
  outcome: CourseOutcome;
};

/** The signed acceptance of the preparatory courses, the list signed, and the results so far. */
export type PreparatoryCoursesEvidence = {
  __typename?: 'PreparatoryCoursesEvidence';
  /** When the applicant signed the acceptance of the preparatory courses. */
  acceptanceSignedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** ECTS-weighted, on the 4-point scale, over the results so far (F and N/A count 0); 2.5 is needed. */
  cgpa?: Maybe<Scalars['Float']['output']>;
  /** The program's 10 courses / 60 ECTS as signed (empty before the signature). */
  courses: Array<PreparatoryCourse>;
  /** Codes of the courses without a result yet. */
  remainingCourseCodes: Array<Scalars['String']['output']>;
  results: Array<PreparatoryCourseResult>;
};

/** First the signed acceptance (which records the program’s list), then the results as they come; a result replaces an earlier one for the same course. */
export type PreparatoryCoursesEvidenceInput = {
  acceptanceSignedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  results?: InputMaybe<Array<PreparatoryCourseResultInput>>;
};

export type PrerequisiteCourse = {
  __typename?: 'PrerequisiteCourse';
  code: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type PrerequisiteCourseInput = {
  code: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type PrerequisitesEvidence = {
  __typename?: 'PrerequisitesEvidence';
  /** The prerequisite courses missing at the decision. */
  courses: Array<PrerequisiteCourse>;
  /** Still to take. */
  remaining: Array<PrerequisiteCourse>;
  /** Codes of those taken since. */
  takenCourseCodes: Array<Scalars['String']['output']>;
};

export type PrerequisitesEvidenceInput = {
  /** Codes of prerequisite courses now taken (added to those recorded before). */
  takenCourseCodes: Array<Scalars['String']['input']>;
};

export type Program = Node & {
  __typename?: 'Program';
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Academic reference letters required (2 by default). */
  minAcademicReferences: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Whether a creative portfolio is required for committee review. */
  portfolioRequired: Scalars['Boolean']['output'];
  /** The 10 courses / 60 ECTS of scientific preparation a conditional-route admission signs up for (empty until the program sets them). */
  preparatoryCourses: Array<PreparatoryCourse>;
  /** Courses to take before starting if missing; they never reject. */
  prerequisites: Array<PrerequisiteCourse>;
  /** Whether only applicants with a design or arts background are considered. */
  relevantBackgroundRequired: Scalars['Boolean']['output'];
  rubric: Array<RubricCriterion>;
};

export type ProgramConnection = {
  __typename?: 'ProgramConnection';
  edges: Array<ProgramEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Program>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProgramEdge = {
  __typename?: 'ProgramEdge';
  cursor: Scalars['String']['output'];
  node: Program;
};

export type Query = {
  __typename?: 'Query';
  applicant: Applicant;
  /** Everything held on one applicant (subject access), as JSON. Recorded in the audit trail. */
  applicantDataExport: Scalars['JSONObject']['output'];
  /** Applicants by route, grade band, English path, visa requirement or nationality. */
  applicantMixReport: Array<MixRow>;
  /** Officers see every applicant; members those on agendas of their sessions. */
  applicants: ApplicantConnection;
  /** The audit trail, newest first: by applicant, by user, by kind and time. */
  auditEvents: AuditEventConnection;
  /** Reviewer severity, normalised scores, and applicants by disagreement. */
  calibrationReport: Calibration;
  committee: Committee;
  committeeWorkReport: CommitteeWork;
  /** Officers see every committee; members the ones they sit on. By name, then id. */
  committees: CommitteeConnection;
  /** What the chair sees before recording the committee's decision: each outcome, whether it is open, the conditions it must carry and may carry. */
  decisionDraft: DecisionDraft;
  /** Decisions per day over the range (default: first to last decision), zeros included. */
  decisionsPerDay: Array<DecisionDay>;
  /** Registered → complete → scheduled → reviewed → decided → admitted → final (every condition met), with outcomes, admit rate, conditions and where they stand, scholarships. */
  funnelReport: Array<FunnelRow>;
  intake: Intake;
  /** Newest first: by `startsOn` descending, then id. */
  intakes: IntakeConnection;
  /** The user the bearer token was issued to. */
  me: User;
  node?: Maybe<Node>;
  nodes: Array<Maybe<Node>>;
  program: Program;
  /** By name, then id. */
  programs: ProgramConnection;
  reviewSession: ReviewSession;
  /** Officers see all sessions; members those of their committees. */
  reviewSessions: ReviewSessionConnection;
  /** Raw per-criterion scores as CSV (officers), built in memory. Large exports: GET /reports/scores.csv with the same filter, streamed. */
  scoresCsv: Scalars['String']['output'];
  /** Score statistics per program or session, with Krippendorff's alpha between reviewers. */
  scoringReport: Array<ScoringRow>;
  /** Live sessions: yours, or (officers) another user's. Newest first: by when it signed in, descending, then id. */
  signInSessions: SignInSessionConnection;
  /** By name, then id. */
  users: UserConnection;
};


export type QueryApplicantArgs = {
  id: Scalars['ID']['input'];
};


export type QueryApplicantDataExportArgs = {
  applicantId: Scalars['ID']['input'];
};


export type QueryApplicantMixReportArgs = {
  dimension: MixDimension;
  filter?: InputMaybe<ReportFilter>;
};


export type QueryApplicantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ApplicantFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ApplicantOrder>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCalibrationReportArgs = {
  filter?: InputMaybe<ReportFilter>;
};


export type QueryCommitteeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCommitteeWorkReportArgs = {
  filter?: InputMaybe<ReportFilter>;
};


export type QueryCommitteesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDecisionDraftArgs = {
  applicantId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type QueryDecisionsPerDayArgs = {
  filter?: InputMaybe<ReportFilter>;
};


export type QueryFunnelReportArgs = {
  filter?: InputMaybe<ReportFilter>;
  groupBy?: Array<FunnelDimension>;
};


export type QueryIntakeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIntakesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryProgramArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProgramsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReviewSessionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReviewSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReviewSessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryScoresCsvArgs = {
  filter?: InputMaybe<ReportFilter>;
};


export type QueryScoringReportArgs = {
  by?: ScoringGroup;
  filter?: InputMaybe<ReportFilter>;
  metric?: AgreementMetric;
};


export type QuerySignInSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type RecognitionEvidence = {
  __typename?: 'RecognitionEvidence';
  decidedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Whether the prior education was officially recognised. */
  recognised?: Maybe<Scalars['Boolean']['output']>;
  /** The recognition authority's reference. */
  reference?: Maybe<Scalars['String']['output']>;
};

export type RecognitionEvidenceInput = {
  decidedOn: Scalars['LocalDate']['input'];
  /** Whether the prior education was officially recognised. */
  recognised: Scalars['Boolean']['input'];
  /** The recognition authority's reference. */
  reference: Scalars['String']['input'];
};

export type Recommendation =
  | 'ABSTAIN'
  | 'ADMIT'
  | 'ADMIT_AS_TRANSFER'
  | 'REJECT'
  | 'WAITLIST';

export type RecommendationCount = {
  __typename?: 'RecommendationCount';
  count: Scalars['Int']['output'];
  recommendation: Recommendation;
};

/** Evidence for one condition: exactly one of the groups, the one of the condition’s kind. */
export type RecordConditionEvidenceInput = {
  committeeRequirement?: InputMaybe<CommitteeRequirementEvidenceInput>;
  conditionId: Scalars['ID']['input'];
  englishExam?: InputMaybe<EnglishExamEvidenceInput>;
  languageSchool?: InputMaybe<LanguageSchoolEvidenceInput>;
  note?: InputMaybe<Scalars['String']['input']>;
  preparatoryCourses?: InputMaybe<PreparatoryCoursesEvidenceInput>;
  prerequisites?: InputMaybe<PrerequisitesEvidenceInput>;
  recognition?: InputMaybe<RecognitionEvidenceInput>;
};

/** What recording evidence changed: the condition, and its decision (with where the admission stands now). */
export type RecordConditionEvidencePayload = {
  __typename?: 'RecordConditionEvidencePayload';
  condition: DecisionCondition;
  decision: Decision;
};

export type RecordDecisionInput = {
  applicantId: Scalars['ID']['input'];
  /** For an admission: conditions of the committee’s own, in words. */
  committeeRequirements?: InputMaybe<Array<Scalars['String']['input']>>;
  /** For an admission: every condition it carries. Leave out to take the draft's proposed conditions; a list must hold every required one. */
  conditions?: InputMaybe<Array<AdmissionCondition>>;
  outcome: DecisionOutcome;
  /** The committee's words to go with the decision. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** Required for a rejection: one the applicant's file bears out (see decisionDraft). */
  rejectionReason?: InputMaybe<RejectionReason>;
  /** Tuition waiver, percent 0–100, for an admission. */
  scholarshipPercent?: InputMaybe<Scalars['Int']['input']>;
  sessionId: Scalars['ID']['input'];
};

export type Reference = Node & {
  __typename?: 'Reference';
  /** Only academic letters count towards the program minimum. */
  academic: Scalars['Boolean']['output'];
  applicant: Applicant;
  id: Scalars['ID']['output'];
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  refereeEmail: Scalars['String']['output'];
  refereeInstitution: Scalars['String']['output'];
  refereeName: Scalars['String']['output'];
  requestedAt: Scalars['DateTime']['output'];
  status: ReferenceStatus;
};

export type ReferenceStatus =
  | 'RECEIVED'
  | 'REQUESTED';

export type RejectionReason =
  | 'COMMITTEE_JUDGEMENT'
  | 'IMPROPER_DOCUMENTS'
  | 'MINIMUM_GRADE_NOT_MET'
  | 'MISSING_PORTFOLIO'
  | 'MISSING_REFERENCES'
  | 'NO_RELEVANT_BACKGROUND';

/** Every aggregate takes these; dates are inclusive, in UTC. */
export type ReportFilter = {
  /** From this day (registration, vote or decision day, per report). */
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  intakeId?: InputMaybe<Scalars['ID']['input']>;
  programId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['LocalDate']['input']>;
  weekId?: InputMaybe<Scalars['ID']['input']>;
};

export type RequestReferenceInput = {
  /** Only academic letters count towards the program minimum. */
  academic: Scalars['Boolean']['input'];
  applicantId: Scalars['ID']['input'];
  refereeEmail: Scalars['String']['input'];
  refereeInstitution: Scalars['String']['input'];
  refereeName: Scalars['String']['input'];
};

export type RetentionSweep = {
  __typename?: 'RetentionSweep';
  /** Applicants past retention and not yet erased, before this sweep. */
  due: Scalars['Int']['output'];
  erased: Scalars['Int']['output'];
  /** Due, but on the agenda of a session still open: erased once it closes. */
  waiting: Scalars['Int']['output'];
};

export type ReviewSession = Node & {
  __typename?: 'ReviewSession';
  /** The applicants to review, in order. */
  agenda: Array<AgendaItem>;
  /** Blind mode: a member sees no one else's vote until they have voted or the chair reveals. */
  blind: Scalars['Boolean']['output'];
  committee: Committee;
  /** The applicant the committee is looking at now. */
  currentItem?: Maybe<AgendaItem>;
  endsAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The members who have the session open now, as its event log says (MEMBER_JOINED / MEMBER_LEFT); officers look in unannounced. */
  present: Array<User>;
  startsAt: Scalars['DateTime']['output'];
  status: SessionStatus;
  title: Scalars['String']['output'];
  week: ReviewWeek;
};

export type ReviewSessionConnection = {
  __typename?: 'ReviewSessionConnection';
  edges: Array<ReviewSessionEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<ReviewSession>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReviewSessionEdge = {
  __typename?: 'ReviewSessionEdge';
  cursor: Scalars['String']['output'];
  node: ReviewSession;
};

export type ReviewSessionFilter = {
  committeeId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<SessionStatus>;
  weekId?: InputMaybe<Scalars['ID']['input']>;
};

export type ReviewWeek = Node & {
  __typename?: 'ReviewWeek';
  endsOn: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  intake: Intake;
  label: Scalars['String']['output'];
  /** The sessions of this week that you may see. */
  sessions: Array<ReviewSession>;
  startsOn: Scalars['LocalDate']['output'];
  /** The intake's last week, only for applicants who need no visa (derived from the dates, never set). */
  visaFreeOnly: Scalars['Boolean']['output'];
};

export type ReviewerCalibration = {
  __typename?: 'ReviewerCalibration';
  /** The name, or "Reviewer N" for reporters. */
  label: Scalars['String']['output'];
  meanScore?: Maybe<Scalars['Float']['output']>;
  /** Null for reporters: reviewers are not personal data they may see. */
  reviewerId?: Maybe<Scalars['ID']['output']>;
  /** Mean of (own overall score − committee mean) on applicants others scored too: negative is severe. Null without such applicants. */
  severity?: Maybe<Scalars['Float']['output']>;
  stdDev?: Maybe<Scalars['Float']['output']>;
  /** True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null. */
  suppressed: Scalars['Boolean']['output'];
  /** Scored votes (not abstentions). */
  votes?: Maybe<Scalars['Int']['output']>;
};

export type RevokedSignIns = {
  __typename?: 'RevokedSignIns';
  /** Sessions revoked; bearer tokens of the identity provider issued before now are refused too. */
  revokedCount: Scalars['Int']['output'];
  user: User;
};

export type RubricCriterion = Node & {
  __typename?: 'RubricCriterion';
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Stable machine name, e.g. `academic_record`. */
  key: Scalars['String']['output'];
  /** What each score 1–5 means, so members score against the same anchors. */
  levels: Array<RubricLevel>;
  name: Scalars['String']['output'];
  position: Scalars['Int']['output'];
  weight: Scalars['Float']['output'];
};

export type RubricCriterionInput = {
  description: Scalars['String']['input'];
  /** Stable machine name; an existing key updates that criterion in place. */
  key: Scalars['String']['input'];
  /** Exactly five: what scores 1, 2, 3, 4 and 5 mean. */
  levelDescriptions: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  weight: Scalars['Float']['input'];
};

export type RubricLevel = {
  __typename?: 'RubricLevel';
  description: Scalars['String']['output'];
  score: Scalars['Int']['output'];
};

/** "Last week of October, November, December and January; the last for applicants needing no visa." */
export type ScheduleReviewWeeksInput = {
  intakeId: Scalars['ID']['input'];
  /** The weeks; the latest becomes the visa-free one. */
  weeks: Array<MonthWeekInput>;
};

export type ScoreBucket = {
  __typename?: 'ScoreBucket';
  /** Null when suppressed (and then one more bucket is too, so no count follows from the total). */
  count?: Maybe<Scalars['Int']['output']>;
  /** Overall (weighted) scores rounded to the nearest whole score. */
  score: Scalars['Int']['output'];
  /** True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null. */
  suppressed: Scalars['Boolean']['output'];
};

/** Spread is the population standard deviation (0 for a single vote). */
export type ScoreSummary = {
  __typename?: 'ScoreSummary';
  max?: Maybe<Scalars['Float']['output']>;
  mean?: Maybe<Scalars['Float']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  stdDev?: Maybe<Scalars['Float']['output']>;
};

/** The chair revealed the scores on this applicant (blind mode). */
export type ScoresRevealedEvent = SessionEvent & {
  __typename?: 'ScoresRevealedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  agendaItem?: Maybe<AgendaItem>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type ScoringGroup =
  | 'PROGRAM'
  | 'SESSION';

export type ScoringRow = {
  __typename?: 'ScoringRow';
  /** Krippendorff's alpha over every criterion's scores (units: applicant × criterion). */
  alpha?: Maybe<Scalars['Float']['output']>;
  criteria: Array<CriterionStatistics>;
  groupId: Scalars['ID']['output'];
  groupLabel: Scalars['String']['output'];
  overallDistribution: Array<ScoreBucket>;
  /** True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null. */
  suppressed: Scalars['Boolean']['output'];
  /** Scored votes (abstentions carry no scores and are not counted here). */
  votes?: Maybe<Scalars['Int']['output']>;
};

export type SeatRole =
  | 'CHAIR'
  | 'MEMBER';

export type SessionActivity = {
  __typename?: 'SessionActivity';
  /** Mean minutes from the session opening to each decision. */
  meanMinutesToDecision?: Maybe<Scalars['Float']['output']>;
  medianMinutesToDecision?: Maybe<Scalars['Float']['output']>;
  /** Votes cast / (seats × applicants on the agenda); null when suppressed for a reporter. */
  participationRate?: Maybe<Scalars['Float']['output']>;
  /** True when the participation rests on fewer votes than a reporter may see. */
  participationSuppressed: Scalars['Boolean']['output'];
  sessionId: Scalars['ID']['output'];
  title: Scalars['String']['output'];
};

/** The chair closed the session. */
export type SessionClosedEvent = SessionEvent & {
  __typename?: 'SessionClosedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type SessionEvent = {
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type SessionEventType =
  | 'ADMISSION_FINAL'
  | 'APPLICANT_UP_NEXT'
  | 'COMMENT_POSTED'
  | 'CONDITION_RECORDED'
  | 'CURRENT_APPLICANT_CHANGED'
  | 'DECISION_RECORDED'
  | 'MEMBER_JOINED'
  | 'MEMBER_LEFT'
  | 'SCORES_REVEALED'
  | 'SESSION_CLOSED'
  | 'SESSION_OPENED'
  | 'TALLY_CHANGED'
  | 'VOTE_CAST'
  | 'VOTE_CHANGED'
  | 'VOTING_CLOSED';

/** The chair opened the session. */
export type SessionOpenedEvent = SessionEvent & {
  __typename?: 'SessionOpenedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type SessionStatus =
  | 'CLOSED'
  | 'OPEN'
  | 'SCHEDULED';

export type SignInMethod =
  | 'CLI'
  | 'DEMO'
  | 'OIDC'
  | 'PASSWORD';

/** A sign-in: the access tokens it renews all stop working when it is revoked or expires. */
export type SignInSession = {
  __typename?: 'SignInSession';
  createdAt: Scalars['DateTime']['output'];
  /** The session of the token this request was made with. */
  current: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['String']['output'];
  /** When it last renewed an access token. */
  lastRefreshedAt?: Maybe<Scalars['DateTime']['output']>;
  method: SignInMethod;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  user: User;
  /** The browser or tool that signed in. */
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type SignInSessionConnection = {
  __typename?: 'SignInSessionConnection';
  edges: Array<SignInSessionEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<SignInSession>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SignInSessionEdge = {
  __typename?: 'SignInSessionEdge';
  cursor: Scalars['String']['output'];
  node: SignInSession;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The live tally of one applicant: now, then after every change. Null while you may not see it. */
  applicantTally?: Maybe<Tally>;
  /** Tells you when an applicant you are to review is next on the agenda, in any session you sit on. With `after` (the last eventId you saw), first what you missed. */
  reviewerNotifications: SessionEvent;
  /** Everything that happens in a session. With `after` (the last eventId you saw), first every event you missed, in order. */
  sessionEvents: SessionEvent;
};


export type SubscriptionApplicantTallyArgs = {
  applicantId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type SubscriptionReviewerNotificationsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSessionEventsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  sessionId: Scalars['ID']['input'];
};

/** Computed by PostgreSQL from the votes on one agenda item. */
export type Tally = {
  __typename?: 'Tally';
  criteria: Array<CriterionTally>;
  /** Of the scored votes only: an abstention never enters a mean or spread. */
  overall: ScoreSummary;
  recommendations: Array<RecommendationCount>;
  /** Votes with scores (not abstentions): what the means and spreads rest on. */
  scoredVoteCount: Scalars['Int']['output'];
  /** Every vote, abstentions included. */
  voteCount: Scalars['Int']['output'];
};

/** The applicant's tally moved: sent once per batch of votes. */
export type TallyChangedEvent = SessionEvent & {
  __typename?: 'TallyChangedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  /** Null while you may not see it (blind mode before you vote). */
  tally?: Maybe<Tally>;
  type: SessionEventType;
};

export type UpdateApplicantInput = {
  completedCourses?: InputMaybe<Array<Scalars['String']['input']>>;
  ects?: InputMaybe<Scalars['Int']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  englishCertificates?: InputMaybe<Array<EnglishCertificateInput>>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  grade?: InputMaybe<GradeInput>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  nationality?: InputMaybe<Scalars['String']['input']>;
  needsVisa?: InputMaybe<Scalars['Boolean']['input']>;
  priorDegree?: InputMaybe<Scalars['String']['input']>;
  priorInstitution?: InputMaybe<Scalars['String']['input']>;
  programId?: InputMaybe<Scalars['ID']['input']>;
  relevantBackground?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateIntakeInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  /** null: back to the server's RETENTION_MONTHS. */
  retentionMonths?: InputMaybe<Scalars['Int']['input']>;
  startsOn?: InputMaybe<Scalars['LocalDate']['input']>;
};

export type UpdateProgramInput = {
  minAcademicReferences?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  portfolioRequired?: InputMaybe<Scalars['Boolean']['input']>;
  relevantBackgroundRequired?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateReviewSessionInput = {
  blind?: InputMaybe<Scalars['Boolean']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateReviewWeekInput = {
  endsOn?: InputMaybe<Scalars['LocalDate']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  startsOn?: InputMaybe<Scalars['LocalDate']['input']>;
};

export type User = Node & {
  __typename?: 'User';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Used to detect conflicts with applicants from the same institution. */
  institution?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  role: UserRole;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<User>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

export type UserRole =
  | 'COMMITTEE_MEMBER'
  | 'OFFICER'
  | 'REPORTER';

export type Vote = Node & {
  __typename?: 'Vote';
  comment?: Maybe<Scalars['String']['output']>;
  /** 1 (low) to 3 (high). */
  confidence: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The latest `last` versions of this vote (default 20, at most 100), oldest first; `version` says how many there are. To whoever may see the vote itself (reviews/policy.ts); null otherwise. */
  history?: Maybe<Array<VoteRevision>>;
  id: Scalars['ID']['output'];
  member: User;
  /** Weighted by the program rubric's criterion weights; null for an abstention. */
  overallScore?: Maybe<Scalars['Float']['output']>;
  /** Proposed tuition waiver, percent. */
  proposedScholarship?: Maybe<Scalars['Int']['output']>;
  recommendation: Recommendation;
  scores: Array<CriterionScore>;
  session: ReviewSession;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass it back when changing the vote; a change from an older version is refused. */
  version: Scalars['Int']['output'];
};


export type VoteHistoryArgs = {
  last?: Scalars['Int']['input'];
};

/** A member cast or changed their vote. */
export type VoteCastEvent = SessionEvent & {
  __typename?: 'VoteCastEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** True when an earlier vote was changed. */
  changed: Scalars['Boolean']['output'];
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
  /** The version this event announces; `vote` shows the current one. */
  version: Scalars['Int']['output'];
  /** Null while blind mode hides it from you. */
  vote?: Maybe<Vote>;
};

/** One version of a vote, as it was cast. */
export type VoteRevision = {
  __typename?: 'VoteRevision';
  changedAt: Scalars['DateTime']['output'];
  comment?: Maybe<Scalars['String']['output']>;
  confidence: Scalars['Int']['output'];
  /** Who changed it (always the member who owns the vote). */
  member: User;
  proposedScholarship?: Maybe<Scalars['Int']['output']>;
  recommendation: Recommendation;
  scores: Array<CriterionScore>;
  version: Scalars['Int']['output'];
};

/** Voting on this applicant closed. */
export type VotingClosedEvent = SessionEvent & {
  __typename?: 'VotingClosedEvent';
  /** Who did it (the chair, the voter, the author...). */
  actor?: Maybe<User>;
  agendaItem?: Maybe<AgendaItem>;
  /** The applicant the event is about, if any. */
  applicant?: Maybe<Applicant>;
  /** Pass the last one you received as `after` when you reconnect. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  session: ReviewSession;
  type: SessionEventType;
};

export type VotingStatus =
  | 'CLOSED'
  | 'OPEN'
  | 'PENDING';

export type WeekActivity = {
  __typename?: 'WeekActivity';
  label: Scalars['String']['output'];
  /** Sessions opened (held) in the week. */
  sessionsHeld: Scalars['Int']['output'];
  weekId: Scalars['ID']['output'];
};

export type WeekOfMonth =
  | 'FIRST'
  | 'LAST';

export type ApplicantsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ApplicantFilter>;
  orderBy?: InputMaybe<ApplicantOrder>;
}>;


export type ApplicantsQuery = { __typename?: 'Query', applicants: { __typename?: 'ApplicantConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename?: 'ApplicantEdge', cursor: string, node: { __typename?: 'Applicant', id: string, fullName: string, status: ApplicationStatus, route: AdmissionRoute, nationality: string, needsVisa: boolean, program: { __typename?: 'Program', id: string, code: string }, decision?: { __typename?: 'Decision', outcome: DecisionOutcome } | null } }> } };

export type ApplicantDossierQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApplicantDossierQuery = { __typename?: 'Query', applicant: { __typename?: 'Applicant', id: string, fullName: string, email: string, nationality: string, needsVisa: boolean, priorInstitution: string, priorDegree: string, ects: number, route: AdmissionRoute, status: ApplicationStatus, grade: { __typename?: 'Grade', value: number, scale: GradeScale }, englishCertificates: Array<{ __typename?: 'EnglishCertificate', test: EnglishTest, score: number }>, bestEnglishCertificate?: { __typename?: 'EnglishCertificate', test: EnglishTest, score: number } | null, program: { __typename?: 'Program', id: string, code: string, name: string }, references: Array<{ __typename?: 'Reference', id: string, refereeName: string, refereeInstitution: string, academic: boolean, status: ReferenceStatus }>, portfolio?: { __typename?: 'Portfolio', statement?: string | null, submittedAt?: string | null, items: Array<{ __typename?: 'PortfolioItem', id: string, title: string, medium: string, url?: string | null, year?: number | null }> } | null, documents: Array<{ __typename?: 'Document', id: string, kind: DocumentKind, fileName: string, quality: DocumentQuality }>, eligibility: { __typename?: 'Eligibility', route: AdmissionRoute, complete: boolean, schedulable: boolean, minimumGradeMet: boolean, problems: Array<{ __typename?: 'EligibilityProblem', code: EligibilityProblemCode, message: string, blocksScheduling: boolean, blocksAdmission: boolean }> }, decision?: { __typename?: 'Decision', outcome: DecisionOutcome, rejectionReason?: RejectionReason | null, reason?: string | null, scholarshipPercent?: number | null, admissionStatus?: AdmissionStatus | null, outstandingConditions: Array<{ __typename?: 'DecisionCondition', id: string, kind: AdmissionCondition, description: string }> } | null } };

export type SessionEventsSubscriptionVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SessionEventsSubscription = { __typename?: 'Subscription', sessionEvents: { __typename: 'AdmissionFinalEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'ApplicantUpNextEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'CommentPostedEvent', eventId: string, type: SessionEventType, occurredAt: string, comment?: { __typename?: 'Comment', id: string, body: string, visibility: CommentVisibility } | null, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'ConditionRecordedEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'CurrentApplicantChangedEvent', eventId: string, type: SessionEventType, occurredAt: string, agendaItem?: { __typename?: 'AgendaItem', id: string, votingStatus: VotingStatus } | null, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'DecisionRecordedEvent', eventId: string, type: SessionEventType, occurredAt: string, decision?: { __typename?: 'Decision', outcome: DecisionOutcome } | null, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'MemberJoinedEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'MemberLeftEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'ScoresRevealedEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'SessionClosedEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'SessionOpenedEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'TallyChangedEvent', eventId: string, type: SessionEventType, occurredAt: string, tally?: { __typename?: 'Tally', voteCount: number, overall: { __typename?: 'ScoreSummary', mean?: number | null, stdDev?: number | null } } | null, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'VoteCastEvent', changed: boolean, version: number, eventId: string, type: SessionEventType, occurredAt: string, vote?: { __typename?: 'Vote', id: string, version: number, overallScore?: number | null, recommendation: Recommendation } | null, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } | { __typename: 'VotingClosedEvent', eventId: string, type: SessionEventType, occurredAt: string, actor?: { __typename?: 'User', id: string, name: string } | null, applicant?: { __typename?: 'Applicant', id: string } | null } };

export type ApplicantTallySubscriptionVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  applicantId: Scalars['ID']['input'];
}>;


export type ApplicantTallySubscription = { __typename?: 'Subscription', applicantTally?: { __typename?: 'Tally', voteCount: number, overall: { __typename?: 'ScoreSummary', mean?: number | null, stdDev?: number | null }, recommendations: Array<{ __typename?: 'RecommendationCount', recommendation: Recommendation, count: number }> } | null };

export type ReviewerNotificationsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReviewerNotificationsSubscription = { __typename?: 'Subscription', reviewerNotifications: { __typename?: 'AdmissionFinalEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'ApplicantUpNextEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'CommentPostedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'ConditionRecordedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'CurrentApplicantChangedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'DecisionRecordedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'MemberJoinedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'MemberLeftEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'ScoresRevealedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'SessionClosedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'SessionOpenedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'TallyChangedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'VoteCastEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } | { __typename?: 'VotingClosedEvent', eventId: string, type: SessionEventType, session: { __typename?: 'ReviewSession', id: string, title: string }, applicant?: { __typename?: 'Applicant', id: string, fullName: string } | null } };

export type CastVoteMutationVariables = Exact<{
  input: CastVoteInput;
}>;


export type CastVoteMutation = { __typename?: 'Mutation', castVote: { __typename?: 'Vote', id: string, version: number, overallScore?: number | null, recommendation: Recommendation } };

export type PostCommentMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  applicantId: Scalars['ID']['input'];
  body: Scalars['String']['input'];
  visibility: CommentVisibility;
}>;


export type PostCommentMutation = { __typename?: 'Mutation', postComment: { __typename?: 'Comment', id: string, body: string, visibility: CommentVisibility } };

export type OpenSessionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OpenSessionMutation = { __typename?: 'Mutation', openSession: { __typename?: 'ReviewSession', id: string, status: SessionStatus } };

export type SetCurrentApplicantMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  applicantId: Scalars['ID']['input'];
}>;


export type SetCurrentApplicantMutation = { __typename?: 'Mutation', setCurrentApplicant: { __typename?: 'ReviewSession', id: string, currentItem?: { __typename?: 'AgendaItem', id: string, votingStatus: VotingStatus } | null } };

export type CloseVotingMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  applicantId: Scalars['ID']['input'];
}>;


export type CloseVotingMutation = { __typename?: 'Mutation', closeVoting: { __typename?: 'AgendaItem', id: string, votingStatus: VotingStatus } };

export type RevealScoresMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  applicantId: Scalars['ID']['input'];
}>;


export type RevealScoresMutation = { __typename?: 'Mutation', revealScores: { __typename?: 'AgendaItem', id: string, scoresRevealed: boolean } };

export type DecisionDraftQueryVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  applicantId: Scalars['ID']['input'];
}>;


export type DecisionDraftQuery = { __typename?: 'Query', decisionDraft: { __typename?: 'DecisionDraft', votingClosed: boolean, options: Array<{ __typename?: 'DecisionOption', outcome: DecisionOutcome, allowed: boolean, optionalConditions: Array<AdmissionCondition>, proposedConditions: Array<AdmissionCondition>, rejectionReasons: Array<RejectionReason>, problems: Array<{ __typename?: 'EligibilityFinding', code: EligibilityProblemCode, message: string }>, requiredConditions: Array<{ __typename?: 'ConditionRequirement', anyOf: Array<AdmissionCondition>, reason: string }> }> } };

export type RecordDecisionMutationVariables = Exact<{
  input: RecordDecisionInput;
}>;


export type RecordDecisionMutation = { __typename?: 'Mutation', recordDecision: { __typename?: 'Decision', id: string, outcome: DecisionOutcome, rejectionReason?: RejectionReason | null, conditions: Array<AdmissionCondition>, admissionStatus?: AdmissionStatus | null, scholarshipPercent?: number | null } };

export type CloseSessionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CloseSessionMutation = { __typename?: 'Mutation', closeSession: { __typename?: 'ReviewSession', id: string, status: SessionStatus } };

export type PageInfoFieldsFragment = { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null };

export type ReviewSessionsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReviewSessionFilter>;
}>;


export type ReviewSessionsQuery = { __typename?: 'Query', reviewSessions: { __typename?: 'ReviewSessionConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename?: 'ReviewSessionEdge', cursor: string, node: { __typename?: 'ReviewSession', id: string, title: string, status: SessionStatus, blind: boolean, startsAt: string, endsAt: string } }> } };

export type ReviewSessionAgendaQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReviewSessionAgendaQuery = { __typename?: 'Query', reviewSession: { __typename?: 'ReviewSession', id: string, title: string, status: SessionStatus, blind: boolean, currentItem?: { __typename?: 'AgendaItem', id: string } | null, agenda: Array<{ __typename?: 'AgendaItem', id: string, position: number, votingStatus: VotingStatus, scoresRevealed: boolean, applicant: { __typename?: 'Applicant', id: string, fullName: string }, tally?: { __typename?: 'Tally', voteCount: number, overall: { __typename?: 'ScoreSummary', mean?: number | null, stdDev?: number | null } } | null }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, name: string, email: string, role: UserRole } };

export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const ApplicantsDocument = {"__meta__":{"hash":"13df89de08e225f85937d2e148e0c98d4ae0f2cc5170906c0a7a988476d07685"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Applicants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicantFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicantOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"needsVisa"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ApplicantsQuery, ApplicantsQueryVariables>;
export const ApplicantDossierDocument = {"__meta__":{"hash":"c9ce251f9f3b7c4799864ab10313fd2fd51303ca7c19cad2a2c17b396ee7fc9b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicantDossier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"needsVisa"}},{"kind":"Field","name":{"kind":"Name","value":"priorInstitution"}},{"kind":"Field","name":{"kind":"Name","value":"priorDegree"}},{"kind":"Field","name":{"kind":"Name","value":"ects"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"englishCertificates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bestEnglishCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"references"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"refereeName"}},{"kind":"Field","name":{"kind":"Name","value":"refereeInstitution"}},{"kind":"Field","name":{"kind":"Name","value":"academic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portfolio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"medium"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"schedulable"}},{"kind":"Field","name":{"kind":"Name","value":"minimumGradeMet"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"blocksScheduling"}},{"kind":"Field","name":{"kind":"Name","value":"blocksAdmission"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"scholarshipPercent"}},{"kind":"Field","name":{"kind":"Name","value":"admissionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingConditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicantDossierQuery, ApplicantDossierQueryVariables>;
export const SessionEventsDocument = {"__meta__":{"hash":"1f242b2dd28a77ad38e2ff97103bc31a5b65dc9faa760418e705f29206979cb1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SessionEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applicant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VoteCastEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"vote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"overallScore"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TallyChangedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tally"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteCount"}},{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"stdDev"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommentPostedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionRecordedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CurrentApplicantChangedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agendaItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"votingStatus"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SessionEventsSubscription, SessionEventsSubscriptionVariables>;
export const ApplicantTallyDocument = {"__meta__":{"hash":"3ca90789f98b0696e65dd30e6dfb5e1a5504fc18a9e6d13946aa5b5abf05ccfc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ApplicantTally"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicantTally"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteCount"}},{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"stdDev"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<ApplicantTallySubscription, ApplicantTallySubscriptionVariables>;
export const ReviewerNotificationsDocument = {"__meta__":{"hash":"8859299dbff03d3e8bf6b1e6c109e4e62986c1be19cf79b807841a96c1d8b8a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReviewerNotifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewerNotifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applicant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}}]}}]}}]} as unknown as DocumentNode<ReviewerNotificationsSubscription, ReviewerNotificationsSubscriptionVariables>;
export const CastVoteDocument = {"__meta__":{"hash":"b37c9a6ce7efa1afcb89211772e150b029c93a6a47b8761da737d11c90f7c3ad"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CastVote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CastVoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"castVote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"overallScore"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}}]}}]}}]} as unknown as DocumentNode<CastVoteMutation, CastVoteMutationVariables>;
export const PostCommentDocument = {"__meta__":{"hash":"105abcb8ff23d8c22fbb543fa24b402491eec6658f851e6e401627f1aff179ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visibility"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CommentVisibility"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}},{"kind":"Argument","name":{"kind":"Name","value":"visibility"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visibility"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]} as unknown as DocumentNode<PostCommentMutation, PostCommentMutationVariables>;
export const OpenSessionDocument = {"__meta__":{"hash":"ba4d8201be84fec3b53b93c61f32724600f1a099a30f255c448264d0b7f86266"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<OpenSessionMutation, OpenSessionMutationVariables>;
export const SetCurrentApplicantDocument = {"__meta__":{"hash":"c9d83a6b96f65cabd2600fd3235cb5d141ef48541688fb39cf83d0daec383510"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCurrentApplicant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCurrentApplicant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"votingStatus"}}]}}]}}]}}]} as unknown as DocumentNode<SetCurrentApplicantMutation, SetCurrentApplicantMutationVariables>;
export const CloseVotingDocument = {"__meta__":{"hash":"c1c2672efb48e7bca01fd74034c57a8e49e1461323e11c179431eb6b0f73ae54"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseVoting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeVoting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"votingStatus"}}]}}]}}]} as unknown as DocumentNode<CloseVotingMutation, CloseVotingMutationVariables>;
export const RevealScoresDocument = {"__meta__":{"hash":"5cf7e9c097c6d270f73fb7475e8fa4c02f9663d47dd5023e9f9c0a05d28ea6f7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevealScores"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revealScores"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scoresRevealed"}}]}}]}}]} as unknown as DocumentNode<RevealScoresMutation, RevealScoresMutationVariables>;
export const DecisionDraftDocument = {"__meta__":{"hash":"5e8dd1c4ac2d47779e837194384a121d8bc97f52b1b9430e276814780be01f3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"votingClosed"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredConditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"anyOf"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"optionalConditions"}},{"kind":"Field","name":{"kind":"Name","value":"proposedConditions"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReasons"}}]}}]}}]}}]} as unknown as DocumentNode<DecisionDraftQuery, DecisionDraftQueryVariables>;
export const RecordDecisionDocument = {"__meta__":{"hash":"82f262266f3edf370300cf55f4d880a48d8cecb68293a5bc0e47907d207ec303"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"admissionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"scholarshipPercent"}}]}}]}}]} as unknown as DocumentNode<RecordDecisionMutation, RecordDecisionMutationVariables>;
export const CloseSessionDocument = {"__meta__":{"hash":"f2070586137890fec081d8befe57110d13fa60121e6ceeec36d581b8436a3018"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CloseSessionMutation, CloseSessionMutationVariables>;
export const ReviewSessionsDocument = {"__meta__":{"hash":"11c4af00d8665eee848d12334d7abc79dac1930a8d39e43a2785b3b1e635bb3d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewSessionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"blind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ReviewSessionsQuery, ReviewSessionsQueryVariables>;
export const ReviewSessionAgendaDocument = {"__meta__":{"hash":"1e9a8e948e0611e533e8812ef990ee99bfe79b4975ed955104b8958bd3c182e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewSessionAgenda"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"blind"}},{"kind":"Field","name":{"kind":"Name","value":"currentItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agenda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"votingStatus"}},{"kind":"Field","name":{"kind":"Name","value":"scoresRevealed"}},{"kind":"Field","name":{"kind":"Name","value":"applicant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tally"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteCount"}},{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"stdDev"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewSessionAgendaQuery, ReviewSessionAgendaQueryVariables>;
export const ViewerDocument = {"__meta__":{"hash":"38a645348eb7603cb10fe4922b6ba35ea59141b83fc030e369e4d08b3134bfd7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;