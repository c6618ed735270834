import type { Context } from '../context';
import { Applicant } from '../applicants/applicant.entity';
import { AdmissionRoute } from '../applicants/applicant.enums';
import { admissionRoute } from '../applicants/eligibility';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput, conflict, invalidState } from '../common/errors';
import { inTransaction } from '../common/transaction';
import { optionalText, requireIntegerBetween } from '../common/validation';
import { SessionEventType } from '../events/session-event.entity';
import { VotingStatus } from '../reviews/agenda-item.entity';
import { agendaItemOf, assertChair, assertChairFree, lockSession } from '../reviews/session-flow.service';
import { SessionStatus } from '../reviews/review-session.entity';
import { AdmissionCondition, Decision, DecisionOutcome } from './decision.entity';

export interface RecordDecision {
  sessionId: string;
  applicantId: string;
  outcome: DecisionOutcome;
  conditions?: AdmissionCondition[] | null;
  reason?: string | null;
  scholarshipPercent?: number | null;
}

const ADMITTING = new Set([DecisionOutcome.ADMIT, DecisionOutcome.ADMIT_AS_TRANSFER]);

/**
 * The chair records the committee's decision once voting on the applicant is closed. The rules
 * of DOMAIN.md: a transfer-route applicant can only be admitted as a transfer student, a rejection
 * says why, conditions and scholarships go with admissions only.
 */
export async function recordDecision(ctx: Context, input: RecordDecision): Promise<string> {
  return inTransaction(ctx, async (em, events) => {
    const session = await lockSession(em, input.sessionId);
    await assertChair(ctx, em, session);
    if (session.status === SessionStatus.SCHEDULED) throw invalidState('The session has not been opened yet.', 'sessionId');
    const { item, applicant } = await agendaItemOf(em, session, input.applicantId);
    await assertChairFree(ctx, em, applicant);
    if (applicant.withdrawnAt) throw invalidState('The applicant has withdrawn.', 'applicantId');
    if (item.votingStatus !== VotingStatus.CLOSED) throw invalidState('Close voting on this applicant before recording the decision.', 'applicantId');
    if (await em.count(Decision, { applicant })) throw conflict('The applicant already has a decision.', 'applicantId');

    const transfer = admissionRoute(applicant.ects) === AdmissionRoute.TRANSFER;
    if (transfer && input.outcome === DecisionOutcome.ADMIT) {
      throw badInput('outcome', `With ${applicant.ects} ECTS the applicant can be admitted only as a transfer student (ADMIT_AS_TRANSFER).`);
    }
    if (!transfer && input.outcome === DecisionOutcome.ADMIT_AS_TRANSFER) {
      throw badInput('outcome', 'ADMIT_AS_TRANSFER is for applicants with under 180 ECTS.');
    }
    const conditions = [...new Set(input.conditions ?? [])];
    if (conditions.length > 0 && !ADMITTING.has(input.outcome)) throw badInput('conditions', 'Only an admission carries conditions.');
    const reason = optionalText('reason', input.reason, 2000);
    if (input.outcome === DecisionOutcome.REJECT && !reason) throw badInput('reason', 'A rejection states its reason.');
    let scholarshipPercent: number | null = null;
    if (input.scholarshipPercent !== undefined && input.scholarshipPercent !== null) {
      if (!ADMITTING.has(input.outcome)) throw badInput('scholarshipPercent', 'Only an admitted applicant can get a scholarship.');
      scholarshipPercent = requireIntegerBetween('scholarshipPercent', input.scholarshipPercent, 0, 100);
    }
    const decision = em.create(Decision, {
      applicant,
      session,
      outcome: input.outcome,
      conditions,
      reason,
      scholarshipPercent,
      decidedBy: ctx.user!.id,
    });
    events.record(session.id, SessionEventType.DECISION_RECORDED, { applicantId: applicant.id, data: { decisionId: decision.id } });
    return decision.id;
  });
}

type Milestone = 'publishedAt' | 'tuitionPaidAt' | 'letterIssuedAt';

/**
 * The office's steps after a decision: publish it, record the tuition payment, issue the
 * acceptance letter — the letter only after both others, and only for an admission.
 */
export async function recordMilestone(ctx: Context, applicantId: string, milestone: Milestone): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const applicant = await findByGlobalId(em, Applicant, 'Applicant', applicantId, 'applicantId');
    const decision = await em.findOne(Decision, { applicant });
    if (!decision) throw invalidState('The applicant has no decision yet.', 'applicantId');
    if (decision[milestone]) throw invalidState('This was already recorded.', 'applicantId');
    if (milestone !== 'publishedAt' && !ADMITTING.has(decision.outcome)) throw invalidState('Only an admission has tuition and an acceptance letter.', 'applicantId');
    if (milestone === 'tuitionPaidAt' && !decision.publishedAt) throw invalidState('Publish the decision first.', 'applicantId');
    if (milestone === 'letterIssuedAt' && !(decision.publishedAt && decision.tuitionPaidAt)) {
      throw invalidState('The acceptance letter is issued only after the decision is published and the tuition paid.', 'applicantId');
    }
    decision[milestone] = new Date();
    return decision.id;
  });
}
