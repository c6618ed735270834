import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApplicantNode } from '../applicants/applicant.type';
import { EligibilityType } from '../applicants/eligibility.type';
import type { Eligibility } from '../applicants/policy';
import { OFFICER, REVIEWERS } from '../auth/roles';
import { UserNode } from '../committees/committee.type';
import { reload } from '../common/loader';
import type { Context } from '../context';
import { ReviewSessionNode } from '../reviews/review.type';
import { RecordConditionEvidenceInput } from './condition.inputs';
import * as conditions from './condition.service';
import { AdmissionCondition, AdmissionStatus, DecisionOutcome, OfficeStep, RejectionReason } from './decision.enums';
import * as decisions from './decision.service';
import {
  CommitteeRequirementEvidence,
  DecisionConditionNode,
  AdmissionOfferType,
  DecisionDraftType,
  DecisionNode,
  EnglishExamEvidence,
  LanguageSchoolEvidence,
  PreparatoryCoursesEvidence,
  PrerequisitesEvidence,
  RecognitionEvidence,
  preparatoryEvidence,
  prerequisitesEvidence,
} from './decision.type';
import { admissionOffers, admissionStatus, officeStepsOpen, outstandingConditions, preparatoryCgpa } from './policy';

@InputType()
class RecordDecisionInput implements decisions.RecordDecision {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  applicantId: string;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => [AdmissionCondition], {
    nullable: true,
    description: "For an admission: every condition it carries. Leave out to take the draft's proposed conditions; a list must hold every required one.",
  })
  conditions?: AdmissionCondition[] | null;

  @Field(() => [String], { nullable: true, description: 'For an admission: conditions of the committee’s own, in words.' })
  committeeRequirements?: string[] | null;

  @Field(() => RejectionReason, { nullable: true, description: "Required for a rejection: one the applicant's file bears out (see decisionDraft)." })
  rejectionReason?: RejectionReason | null;

  @Field(() => String, { nullable: true, description: "The committee's words to go with the decision." })
  reason?: string | null;

  @Field(() => Int, { nullable: true, description: 'Tuition waiver, percent 0–100, for an admission.' })
  scholarshipPercent?: number | null;
}

@ObjectType({ description: 'What recording evidence changed: the condition, and its decision (with where the admission stands now).' })
class RecordConditionEvidencePayload {
  @Field(() => DecisionConditionNode)
  condition: DecisionConditionNode;

  @Field(() => DecisionNode)
  decision: DecisionNode;
}

@Resolver(() => DecisionNode)
export class DecisionResolver {
  @Authorized(REVIEWERS)
  @Query(() => DecisionDraftType, {
    description: "What the chair sees before recording the committee's decision: each outcome, whether it is open, the conditions it must carry and may carry.",
  })
  async decisionDraft(@Arg('sessionId', () => ID) sessionId: string, @Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return Object.assign(new DecisionDraftType(), await decisions.decisionDraft(ctx, sessionId, applicantId));
  }

  @Authorized(REVIEWERS)
  @Mutation(() => DecisionNode, { description: "The chair records the committee's decision after voting on the applicant closed." })
  async recordDecision(@Arg('input') input: RecordDecisionInput, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.recordDecision(ctx, input));
  }

  @Authorized(OFFICER)
  @Mutation(() => DecisionNode, { description: 'Rejects an improper application (a photographed document) for improper documents, without a session.' })
  async rejectImproperApplication(@Arg('applicantId', () => ID) applicantId: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.rejectImproperApplication(ctx, applicantId, note));
  }

  @Authorized(OFFICER)
  @Mutation(() => DecisionNode)
  async publishDecision(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.recordMilestone(ctx, applicantId, 'publishedAt'));
  }

  @Authorized(OFFICER)
  @Mutation(() => DecisionNode)
  async recordTuitionPaid(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.recordMilestone(ctx, applicantId, 'tuitionPaidAt'));
  }

  @Authorized(OFFICER)
  @Mutation(() => DecisionNode, { description: 'Only after the decision is published and the tuition paid.' })
  async issueAcceptanceLetter(@Arg('applicantId', () => ID) applicantId: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.decision, await decisions.recordMilestone(ctx, applicantId, 'letterIssuedAt'));
  }

  @Authorized(OFFICER)
  @Mutation(() => RecordConditionEvidencePayload, { description: "Records evidence for one condition of a published admission; its status follows from the evidence." })
  async recordConditionEvidence(@Arg('input') input: RecordConditionEvidenceInput, @Ctx() ctx: Context): Promise<RecordConditionEvidencePayload> {
    const { conditionId, decisionId } = await conditions.recordConditionEvidence(ctx, input);
    ctx.loaders.conditionsByDecision.clear(decisionId);
    return { condition: await reload(ctx.loaders.condition, conditionId), decision: await reload(ctx.loaders.decision, decisionId) };
  }

  @FieldResolver(() => [AdmissionCondition], { description: 'The kinds of condition the admission carries (see trackedConditions for where each stands).' })
  async conditions(@Root() decision: DecisionNode, @Ctx() ctx: Context): Promise<AdmissionCondition[]> {
    return [...new Set((await ctx.loaders.conditionsByDecision.load(decision.dbId)).map((c) => c.kind))];
  }

  @FieldResolver(() => [DecisionConditionNode], { description: 'Every condition with its status and evidence.' })
  trackedConditions(@Root() decision: DecisionNode, @Ctx() ctx: Context) {
    return ctx.loaders.conditionsByDecision.load(decision.dbId);
  }

  @FieldResolver(() => [DecisionConditionNode], { description: 'What is still to be met (an English path no longer counts once the other is met).' })
  async outstandingConditions(@Root() decision: DecisionNode, @Ctx() ctx: Context) {
    return outstandingConditions(await ctx.loaders.conditionsByDecision.load(decision.dbId));
  }

  @FieldResolver(() => [OfficeStep], { description: "The office's steps the rules allow now: publishDecision, recordTuitionPaid, issueAcceptanceLetter (empty when none is left)." })
  officeSteps(@Root() decision: DecisionNode): OfficeStep[] {
    return officeStepsOpen(decision);
  }

  @FieldResolver(() => AdmissionStatus, { nullable: true, description: 'Where an admission stands: FINAL once every condition is met. Null for other outcomes.' })
  async admissionStatus(@Root() decision: DecisionNode, @Ctx() ctx: Context): Promise<AdmissionStatus | null> {
    return admissionStatus(decision.outcome, await ctx.loaders.conditionsByDecision.load(decision.dbId));
  }

  @FieldResolver(() => ApplicantNode)
  applicant(@Root() decision: DecisionNode, @Ctx() ctx: Context) {
    return ctx.loaders.applicant.load(decision.applicantId);
  }

  @FieldResolver(() => ReviewSessionNode, { nullable: true, description: 'Null for an improper application the office rejected.' })
  session(@Root() decision: DecisionNode, @Ctx() ctx: Context) {
    return decision.sessionId ? ctx.loaders.session.load(decision.sessionId) : null;
  }
}

@Resolver(() => DecisionConditionNode)
export class DecisionConditionResolver {
  @FieldResolver(() => DecisionNode)
  decision(@Root() condition: DecisionConditionNode, @Ctx() ctx: Context) {
    return ctx.loaders.decision.load(condition.decisionId);
  }

  @FieldResolver(() => PreparatoryCoursesEvidence, { nullable: true, description: 'For PREPARATORY_COURSES.' })
  preparatoryCourses(@Root() c: DecisionConditionNode) {
    return preparatoryEvidence(c, c.courses && c.courseResults ? preparatoryCgpa(c.courses, c.courseResults) : null);
  }

  @FieldResolver(() => PrerequisitesEvidence, { nullable: true, description: 'For MISSING_PREREQUISITES.' })
  prerequisites(@Root() c: DecisionConditionNode) {
    return prerequisitesEvidence(c);
  }

  @FieldResolver(() => EnglishExamEvidence, { nullable: true, description: 'For ENGLISH_EXAM.' })
  englishExam(@Root() c: DecisionConditionNode): EnglishExamEvidence | null {
    return c.kind === AdmissionCondition.ENGLISH_EXAM ? { takenOn: c.examTakenOn, passed: c.examPassed } : null;
  }

  @FieldResolver(() => LanguageSchoolEvidence, { nullable: true, description: 'For ENGLISH_LANGUAGE_SCHOOL.' })
  languageSchool(@Root() c: DecisionConditionNode): LanguageSchoolEvidence | null {
    return c.kind === AdmissionCondition.ENGLISH_LANGUAGE_SCHOOL ? { placementLevel: c.placementLevel, result: c.schoolResult, on: c.schoolResultOn } : null;
  }

  @FieldResolver(() => RecognitionEvidence, { nullable: true, description: 'For RECOGNITION_OF_PRIOR_EDUCATION.' })
  recognition(@Root() c: DecisionConditionNode): RecognitionEvidence | null {
    return c.kind === AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION
      ? { decidedOn: c.recognitionDecidedOn, recognised: c.recognised, reference: c.recognitionReference }
      : null;
  }

  @FieldResolver(() => CommitteeRequirementEvidence, { nullable: true, description: 'For COMMITTEE_REQUIREMENT.' })
  committeeRequirement(@Root() c: DecisionConditionNode): CommitteeRequirementEvidence | null {
    return c.kind === AdmissionCondition.COMMITTEE_REQUIREMENT ? { checkedOn: c.requirementCheckedOn, met: c.requirementMet } : null;
  }

  @Authorized(OFFICER)
  @FieldResolver(() => UserNode, { nullable: true, description: 'The officer who last recorded evidence (officers only).' })
  recordedBy(@Root() c: DecisionConditionNode, @Ctx() ctx: Context) {
    return c.recordedById ? ctx.loaders.user.load(c.recordedById) : null;
  }
}

@Resolver(() => DecisionDraftType)
export class DecisionDraftResolver {
  @FieldResolver(() => ApplicantNode)
  applicant(@Root() draft: DecisionDraftType, @Ctx() ctx: Context) {
    return ctx.loaders.applicant.load(draft.applicantId);
  }

  @FieldResolver(() => ReviewSessionNode)
  session(@Root() draft: DecisionDraftType, @Ctx() ctx: Context) {
    return ctx.loaders.session.load(draft.sessionId);
  }
}

/** The admission rules of decisions/policy.ts, on the file the committee reads before it votes. */
@Resolver(() => EligibilityType)
export class EligibilityOffersResolver {
  @FieldResolver(() => [AdmissionOfferType], { description: 'The admitting outcomes open to the applicant, each with the conditions it would carry.' })
  admissionOffers(@Root() eligibility: Eligibility) {
    return admissionOffers(eligibility);
  }
}
