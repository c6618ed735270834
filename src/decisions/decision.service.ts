import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { eligibilityOf } from '../applicants/eligibility.facts';
import type { Eligibility } from '../applicants/policy';
import { findByGlobalId } from '../common/entity-lookup';
import { invalidState } from '../common/errors';
import { inTransaction } from '../common/transaction';
import { transactionKnex } from '../db/transaction-knex';
import { optionalText, requireIntegerBetween } from '../common/validation';
import { SessionEventType } from '../events/session-event.entity';
import { transactionLoaders } from '../loaders';
import { lockApplicants } from '../reviews/agenda.guard';
import { VotingStatus } from '../reviews/agenda-item.entity';
import { ReviewSession } from '../reviews/review-session.entity';
import { agendaItemOf, assertChair, assertChairFree, assertOpened, lockSession } from '../reviews/session-flow.service';
import { DecisionCondition } from './decision-condition.entity';
import { Decision } from './decision.entity';
import { AdmissionCondition, DecisionOutcome, RejectionReason } from './decision.enums';
import { ConditionToRecord, decisionOptions, DecisionOption, judgeDecision, Milestone, milestoneRefusal, officeRejectionRefusal, recordingRefusal } from './policy';

export interface RecordDecision {
  sessionId: string;
  applicantId: string;
  outcome: DecisionOutcome;
  conditions?: AdmissionCondition[] | null;
  committeeRequirements?: string[] | null;
  rejectionReason?: RejectionReason | null;
  reason?: string | null;
  scholarshipPercent?: number | null;
}

/** The applicant's eligibility as the transaction sees it (after its own writes and locks). */
export async function eligibilityIn(em: EntityManager, applicantId: string): Promise<Eligibility> {
  const loaders = transactionLoaders(em);
  return eligibilityOf(loaders, (await loaders.applicant.load(applicantId))!);
}

/**
 * What the chair sees before recording: every outcome with the conditions it must carry, those
 * that may be added, and why an outcome is not open (decisions/policy.ts `decisionOptions`).
 * The same authority as recording it: the session's chair or an officer, not conflicted.
 */
export async function decisionDraft(ctx: Context, sessionId: string, applicantId: string): Promise<{ votingClosed: boolean; options: DecisionOption[]; sessionId: string; applicantId: string }> {
  return inTransaction(ctx, async (em) => {
    const session = await findByGlobalId(em, ReviewSession, 'ReviewSession', sessionId, 'sessionId');
    await assertChair(ctx, em, session);
    const { item, applicant } = await agendaItemOf(em, session, applicantId);
    await assertChairFree(ctx, em, applicant);
    return {
      sessionId: session.id,
      applicantId: applicant.id,
      votingClosed: item.votingStatus === VotingStatus.CLOSED,
      options: decisionOptions(await eligibilityIn(em, applicant.id)),
    };
  });
}

/**
 * The chair records the committee's decision once voting on the applicant is closed, carrying the
 * conditions the facts require (decisions/policy.ts `judgeDecision`).
 */
export async function recordDecision(ctx: Context, input: RecordDecision): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const session = await lockSession(em, input.sessionId);
    await assertChair(ctx, em, session);
    assertOpened(session);
    const { item, applicant } = await agendaItemOf(em, session, input.applicantId);
    await assertChairFree(ctx, em, applicant);
    // The facts the rules judge may not change under the decision (a document marked photographed...).
    await lockApplicants(transactionKnex(em), [applicant.id]);
    const refused = recordingRefusal({ withdrawn: !!applicant.withdrawnAt, votingStatus: item.votingStatus, decided: (await em.count(Decision, { applicant })) > 0 });
    if (refused) throw refused;
    const scholarshipPercent =
      input.scholarshipPercent === undefined || input.scholarshipPercent === null ? null : requireIntegerBetween('scholarshipPercent', input.scholarshipPercent, 0, 100);
    const eligibility = await eligibilityIn(em, applicant.id);
    const judged = judgeDecision(eligibility, {
      outcome: input.outcome,
      conditions: input.conditions ?? null,
      committeeRequirements: (input.committeeRequirements ?? []).map((text, i) => optionalText(`committeeRequirements[${i}]`, text, 1000) ?? ''),
      rejectionReason: input.rejectionReason ?? null,
      scholarshipPercent,
    });
    if ('refusal' in judged) throw judged.refusal;
    const { decision } = createDecision(em, applicant, eligibility, {
      session,
      outcome: input.outcome,
      rejectionReason: input.rejectionReason ?? null,
      reason: optionalText('reason', input.reason, 2000),
      scholarshipPercent,
      decidedBy: ctx.user!.id,
      conditions: judged.conditions,
    });
    events.record(session.id, SessionEventType.DECISION_RECORDED, { applicantId: applicant.id, data: { decisionId: decision.id } });
    return decision.id;
  });
}

/**
 * The office rejects an improper application (a photographed document) without a session: such
 * an application is never put on an agenda and can only be rejected, for improper documents.
 */
export async function rejectImproperApplication(ctx: Context, applicantId: string, note: string | null | undefined): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    await lockApplicants(transactionKnex(em), [applicant.id]);
    const refused = recordingRefusal({ withdrawn: !!applicant.withdrawnAt, votingStatus: null, decided: (await em.count(Decision, { applicant })) > 0 });
    if (refused) throw refused;
    const eligibility = await eligibilityIn(em, applicant.id);
    const refusal = officeRejectionRefusal(eligibility);
    if (refusal) throw refusal;
    const { decision } = createDecision(em, applicant, eligibility, {
      session: null,
      outcome: DecisionOutcome.REJECT,
      rejectionReason: RejectionReason.IMPROPER_DOCUMENTS,
      reason: optionalText('note', note, 2000) ?? `Improper documents: ${eligibility.photographedDocuments.join(', ')} photographed instead of scanned.`,
      scholarshipPercent: null,
      decidedBy: ctx.user!.id,
      conditions: [],
    });
    return decision.id;
  });
}

/** A decision and the conditions judgeDecision gave it (the seed records the demo's this way too). */
export function createDecision(
  em: EntityManager,
  applicant: Applicant,
  eligibility: Eligibility,
  values: Pick<Decision, 'outcome' | 'rejectionReason' | 'reason' | 'scholarshipPercent'> & {
    session: Decision['session'] | object | null;
    decidedBy: string;
    conditions: ConditionToRecord[];
  },
): { decision: Decision; conditions: DecisionCondition[] } {
  const decision = em.create(Decision, {
    applicant,
    session: values.session as never,
    outcome: values.outcome,
    rejectionReason: values.rejectionReason,
    reason: values.reason,
    scholarshipPercent: values.scholarshipPercent,
    decidedBy: values.decidedBy,
  });
  const conditions = values.conditions.map((condition) =>
    em.create(DecisionCondition, {
      decision,
      kind: condition.kind,
      required: condition.required,
      description: condition.description,
      // The courses to take are those missing now: later changes to the program do not move them.
      courses: condition.kind === AdmissionCondition.MISSING_PREREQUISITES ? eligibility.missingPrerequisites.map((c) => ({ code: c.code, title: c.title })) : null,
    }),
  );
  return { decision, conditions };
}

/** The office's steps after a decision (decisions/policy.ts `milestoneRefusal` says when each may be taken). */
export async function recordMilestone(ctx: Context, applicantId: string, milestone: Milestone): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    const decision = await em.findOne(Decision, { applicant });
    if (!decision) throw invalidState('The applicant has no decision yet.', 'applicantId');
    const refusal = milestoneRefusal(decision, milestone);
    if (refusal) throw refusal;
    decision[milestone] = new Date();
    return decision.id;
  });
}
