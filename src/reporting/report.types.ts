import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { AdmissionCondition, DecisionOutcome } from '../decisions/decision.enums';

@InputType({ description: 'Every aggregate takes these; dates are inclusive, in UTC.' })
export class ReportFilter {
  @Field(() => ID, { nullable: true })
  intakeId?: string;

  @Field(() => ID, { nullable: true })
  programId?: string;

  @Field(() => ID, { nullable: true })
  weekId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'From this day (registration, vote or decision day, per report).' })
  from?: string;

  @Field(() => DateScalar, { nullable: true })
  to?: string;
}

export enum FunnelDimension {
  INTAKE = 'INTAKE',
  PROGRAM = 'PROGRAM',
  WEEK = 'WEEK',
}
registerEnumType(FunnelDimension, { name: 'FunnelDimension' });

export enum MixDimension {
  ROUTE = 'ROUTE',
  GRADE_BAND = 'GRADE_BAND',
  ENGLISH_PATH = 'ENGLISH_PATH',
  VISA = 'VISA',
  NATIONALITY = 'NATIONALITY',
}
registerEnumType(MixDimension, { name: 'MixDimension' });

export enum ScoringGroup {
  PROGRAM = 'PROGRAM',
  SESSION = 'SESSION',
}
registerEnumType(ScoringGroup, { name: 'ScoringGroup' });

export enum AgreementMetric {
  ORDINAL = 'ORDINAL',
  INTERVAL = 'INTERVAL',
  NOMINAL = 'NOMINAL',
}
registerEnumType(AgreementMetric, { name: 'AgreementMetric', description: "The distance Krippendorff's alpha uses between two scores." });

@ObjectType()
export class DecisionCount {
  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Admissions carrying one condition, and where that condition stands.' })
export class ConditionCount {
  @Field(() => AdmissionCondition)
  condition: AdmissionCondition;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  met: number;

  @Field(() => Int)
  outstanding: number;

  @Field(() => Int)
  failed: number;
}

@ObjectType({ description: 'One row of the funnel; a dimension not grouped by is null.' })
export class FunnelRow {
  @Field(() => ID, { nullable: true })
  intakeId: string | null;

  @Field(() => String, { nullable: true })
  intakeCode: string | null;

  @Field(() => ID, { nullable: true })
  programId: string | null;

  @Field(() => String, { nullable: true })
  programCode: string | null;

  @Field(() => ID, { nullable: true, description: 'The first week the applicant was scheduled in; null: not scheduled.' })
  weekId: string | null;

  @Field(() => String, { nullable: true })
  weekLabel: string | null;

  @Field(() => Int)
  registered: number;

  @Field(() => Int)
  complete: number;

  @Field(() => Int, { description: 'Applications with a photographed document: to be rejected, never scheduled.' })
  improper: number;

  @Field(() => Int)
  scheduled: number;

  @Field(() => Int)
  reviewed: number;

  @Field(() => Int)
  decided: number;

  @Field(() => [DecisionCount])
  decisions: DecisionCount[];

  @Field(() => Float, { nullable: true, description: '(ADMIT + ADMIT_AS_TRANSFER) / decided; null with no decision.' })
  admitRate: number | null;

  @Field(() => Int, { description: 'ADMIT and ADMIT_AS_TRANSFER decisions.' })
  admitted: number;

  @Field(() => Int, { description: 'Admissions with every condition met: final.' })
  admissionsFinal: number;

  @Field(() => Int)
  admissionsWithConditionsOutstanding: number;

  @Field(() => Int)
  admissionsWithConditionFailed: number;

  @Field(() => [ConditionCount], { description: 'Admissions carrying each condition, and how many of those conditions are met, outstanding or failed.' })
  conditionalAdmissions: ConditionCount[];

  @Field(() => Int)
  scholarshipsGranted: number;

  @Field(() => Float, { nullable: true })
  meanScholarshipPercent: number | null;
}

@ObjectType()
export class MixRow {
  @Field()
  value: string;

  @Field(() => Int)
  count: number;

  @Field(() => Float)
  share: number;
}

@ObjectType({ description: 'Statistics of one criterion; stdDev is the sample standard deviation (null under 2 scores).' })
export class CriterionStatistics {
  @Field()
  criterionKey: string;

  @Field({ description: 'True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null.' })
  suppressed: boolean;

  @Field(() => Int, { nullable: true })
  count: number | null;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Float, { nullable: true })
  median: number | null;

  @Field(() => Float, { nullable: true })
  stdDev: number | null;

  @Field(() => Float, { nullable: true, description: "Krippendorff's alpha between reviewers on this criterion; null when undefined." })
  alpha: number | null;
}

@ObjectType()
export class ScoreBucket {
  @Field(() => Int, { description: 'Overall (weighted) scores rounded to the nearest whole score.' })
  score: number;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed (and then one more bucket is too, so no count follows from the total).' })
  count: number | null;

  @Field({ description: 'True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null.' })
  suppressed: boolean;
}

@ObjectType()
export class ScoringRow {
  @Field(() => ID)
  groupId: string;

  @Field()
  groupLabel: string;

  @Field({ description: 'True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null.' })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Scored votes (abstentions carry no scores and are not counted here).' })
  votes: number | null;

  @Field(() => [CriterionStatistics])
  criteria: CriterionStatistics[];

  @Field(() => [ScoreBucket])
  overallDistribution: ScoreBucket[];

  @Field(() => Float, { nullable: true, description: "Krippendorff's alpha over every criterion's scores (units: applicant × criterion)." })
  alpha: number | null;
}

@ObjectType()
export class ReviewerCalibration {
  @Field(() => ID, { nullable: true, description: 'Null for reporters: reviewers are not personal data they may see.' })
  reviewerId: string | null;

  @Field({ description: 'The name, or "Reviewer N" for reporters.' })
  label: string;

  @Field({ description: 'True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null.' })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Scored votes (not abstentions).' })
  votes: number | null;

  @Field(() => Float, { nullable: true })
  meanScore: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean of (own overall score − committee mean) on applicants others scored too: negative is severe. Null without such applicants.',
  })
  severity: number | null;

  @Field(() => Float, { nullable: true })
  stdDev: number | null;
}

@ObjectType()
export class ApplicantCalibration {
  @Field(() => ID)
  applicantId: string;

  @Field(() => String, { nullable: true, description: 'Null for reporters.' })
  applicantName: string | null;

  @Field({ description: 'True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null.' })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Scored votes (not abstentions).' })
  votes: number | null;

  @Field(() => Float, { nullable: true })
  rawMean: number | null;

  @Field(() => Int, { nullable: true, description: 'Among the rows shown (a suppressed row has no rank and moves no other).' })
  rawRank: number | null;

  @Field(() => Float, { nullable: true, description: "Mean of the reviewers' z-scores (each reviewer's scores normalised to their own mean and spread)." })
  normalizedMean: number | null;

  @Field(() => Int, { nullable: true })
  normalizedRank: number | null;

  @Field(() => Float, { nullable: true, description: 'Standard deviation between the reviewers’ overall scores: where the committee needs to talk.' })
  disagreement: number | null;
}

@ObjectType()
export class Calibration {
  @Field(() => [ReviewerCalibration])
  reviewers: ReviewerCalibration[];

  @Field(() => [ApplicantCalibration], { description: 'Sorted by disagreement, largest first.' })
  applicants: ApplicantCalibration[];
}

@ObjectType()
export class MemberActivity {
  @Field(() => ID, { nullable: true })
  memberId: string | null;

  @Field()
  label: string;

  @Field({ description: 'True when this rests on fewer votes than a reporter may see (REPORT_MIN_VOTES): its figures are null.' })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Votes cast, abstentions included.' })
  votesCast: number | null;
}

@ObjectType()
export class SessionActivity {
  @Field(() => ID)
  sessionId: string;

  @Field()
  title: string;

  @Field(() => Float, { nullable: true, description: 'Votes cast / (seats × applicants on the agenda); null when suppressed for a reporter.' })
  participationRate: number | null;

  @Field({ description: 'True when the participation rests on fewer votes than a reporter may see.' })
  participationSuppressed: boolean;

  @Field(() => Float, { nullable: true, description: 'Mean minutes from the session opening to each decision.' })
  meanMinutesToDecision: number | null;

  @Field(() => Float, { nullable: true })
  medianMinutesToDecision: number | null;
}

@ObjectType()
export class WeekActivity {
  @Field(() => ID)
  weekId: string;

  @Field()
  label: string;

  @Field(() => Int, { description: 'Sessions opened (held) in the week.' })
  sessionsHeld: number;
}

@ObjectType()
export class CommitteeWork {
  @Field(() => [MemberActivity])
  members: MemberActivity[];

  @Field(() => [SessionActivity])
  sessions: SessionActivity[];

  @Field(() => [WeekActivity])
  weeks: WeekActivity[];
}

@ObjectType()
export class DecisionDay {
  @Field(() => DateScalar)
  day: string;

  @Field(() => Int)
  total: number;

  @Field(() => [DecisionCount])
  decisions: DecisionCount[];
}

