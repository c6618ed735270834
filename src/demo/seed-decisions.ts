import type { Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Applicant } from '../applicants/applicant.entity';
import type { User } from '../auth/user.entity';
import { effectiveConflicts } from '../conflicts/conflict.queries';
import { conflictRefusal } from '../conflicts/policy';
import { transactionKnex } from '../db/transaction-knex';
import { applyEvidence, evidenceOf } from '../decisions/condition.evidence';
import { createDecision, eligibilityIn } from '../decisions/decision.service';
import type { Decision } from '../decisions/decision.entity';
import { AdmissionCondition, DecisionOutcome, RejectionReason } from '../decisions/decision.enums';
import { admissionStatus, conditionStatus, evidenceRefusal, judgeDecision, Milestone, milestoneRefusal, officeRejectionRefusal } from '../decisions/policy';
import { transactionLoaders } from '../loaders';
import { agendaFacts } from '../reviews/agenda.guard';
import { agendaStandingRefusal } from '../reviews/policy';
import type { Program } from '../programs/program.entity';
import type { ReviewSession } from '../reviews/review-session.entity';
import { type DemoDecision, type DemoEvidence, OFFICE_REJECTIONS, PROGRAMS } from './demo-data';
import { get, invariant, ruleHolds } from './seed-helpers';

/**
 * The demo's decisions, recorded as the API records them: judged by decisions/policy.ts (so an
 * admission carries exactly the conditions the facts require, a rejection a reason they bear
 * out), with each condition's evidence applied and its status judged from it. Before that, the
 * agenda and vote rules judge the flushed tables, so the demo cannot contradict DOMAIN.md.
 */

export interface PendingDecision {
  applicant: Applicant;
  session: ReviewSession;
  chair: User;
  decision: DemoDecision;
  at: Date;
}

/** Every agenda item stands where the agenda rules allow it; no conflicted member voted or spoke. */
export async function checkAgendasAndVotes(em: EntityManager, applicantIds: string[]): Promise<void> {
  const db = transactionKnex(em);
  const loaders = transactionLoaders(em);
  const items: { session_id: string; applicant_id: string }[] = await db('agenda_item').select('session_id', 'applicant_id');
  for (const item of items) {
    const [session, applicant] = await Promise.all([loaders.session.load(item.session_id), loaders.applicant.load(item.applicant_id)]);
    ruleHolds(agendaStandingRefusal(await agendaFacts(loaders, session!, applicant!)), `${applicant!.fullName} on "${session!.title}"`);
  }
  const conflicts = await effectiveConflicts(db, { applicantIds });
  // Neither a vote nor a comment by a member conflicted with the applicant.
  const voices: { member_id: string; applicant_id: string }[] = await db.raw(
    `select member_id, applicant_id from vote union all select author_id, applicant_id from session_comment`,
  ).then((r: { rows: { member_id: string; applicant_id: string }[] }) => r.rows);
  for (const voice of voices) {
    const own = conflicts.filter((c) => c.userId === voice.member_id && c.applicantId === voice.applicant_id);
    ruleHolds(conflictRefusal({ isOfficer: false, conflicts: own }), `the vote or comment of ${voice.member_id} on ${voice.applicant_id}`);
  }
}

export async function recordDecisions(em: EntityManager, pending: PendingDecision[], officer: User, applicants: ReadonlyMap<string, Applicant>): Promise<void> {
  for (const { applicant, session, chair, decision: row, at } of pending) {
    const eligibility = await eligibilityIn(em, applicant.id);
    const judged = judgeDecision(eligibility, {
      outcome: row.outcome,
      conditions: row.conditions ? [...row.conditions] : null,
      committeeRequirements: [],
      rejectionReason: row.rejectionReason ?? null,
      scholarshipPercent: row.scholarshipPercent ?? null,
    });
    if ('refusal' in judged) throw new Error(`Demo data: the decision on ${applicant.firstName} ${applicant.lastName}: ${judged.refusal.message}`);
    const { decision, conditions } = createDecision(em, applicant, eligibility, {
      session,
      outcome: row.outcome,
      rejectionReason: row.rejectionReason ?? null,
      reason: row.reason ?? null,
      scholarshipPercent: row.scholarshipPercent ?? null,
      decidedBy: chair.id,
      conditions: judged.conditions,
    });
    decision.createdAt = at;
    recordMilestones(decision, row, applicant.lastName);

    const program = PROGRAMS.find((p) => p.code === (applicant.program as Ref<Program>).getEntity().code)!;
    for (const evidence of row.evidence ?? []) {
      const condition = conditions.find((c) => c.kind === evidence.kind);
      invariant(condition, `${applicant.lastName}: evidence for ${evidence.kind}, which the decision does not carry`);
      ruleHolds(
        evidenceRefusal({ published: !!decision.publishedAt, admissionStatus: admissionStatus(decision.outcome, conditions), kind: condition.kind, evidenceKind: evidence.kind }),
        `${applicant.lastName}'s ${evidence.kind}`,
      );
      await applyEvidence(condition, asInput(evidence), async () => [...program.preparatoryCourses]);
      condition.status = conditionStatus(evidenceOf(condition));
      condition.recordedAt = decision.publishedAt ?? at;
      condition.recordedBy = officer as never;
    }
  }
  await recordOfficeRejections(em, officer, applicants);
}

/** Improper applications the office rejected, never scheduled. */
async function recordOfficeRejections(em: EntityManager, officer: User, applicants: ReadonlyMap<string, Applicant>): Promise<void> {
  for (const row of OFFICE_REJECTIONS) {
    const applicant = get(applicants, row.applicant);
    const eligibility = await eligibilityIn(em, applicant.id);
    ruleHolds(officeRejectionRefusal(eligibility), `the office's rejection of ${row.applicant}`);
    const judged = judgeDecision(eligibility, { outcome: DecisionOutcome.REJECT, conditions: null, committeeRequirements: [], rejectionReason: RejectionReason.IMPROPER_DOCUMENTS, scholarshipPercent: null });
    if ('refusal' in judged) throw new Error(`Demo data: the office's rejection of ${row.applicant}: ${judged.refusal.message}`);
    const { decision } = createDecision(em, applicant, eligibility, {
      session: null,
      outcome: DecisionOutcome.REJECT,
      rejectionReason: RejectionReason.IMPROPER_DOCUMENTS,
      reason: `Improper documents: ${eligibility.photographedDocuments.join(', ')} photographed instead of scanned.`,
      scholarshipPercent: null,
      decidedBy: officer.id,
      conditions: [],
    });
    decision.createdAt = new Date(row.at);
    recordMilestones(decision, row, row.applicant);
  }
}

const MILESTONES: readonly Milestone[] = ['publishedAt', 'tuitionPaidAt', 'letterIssuedAt'];

/** The office's steps the demo row took, in their order, each judged as the API judges it. */
function recordMilestones(decision: Decision, row: Partial<Record<Milestone, string>>, who: string): void {
  for (const milestone of MILESTONES) {
    if (!row[milestone]) continue;
    ruleHolds(milestoneRefusal(decision, milestone), `${who}: ${milestone}`);
    decision[milestone] = date(row[milestone]);
  }
}

/** The demo's evidence as recordConditionEvidence's input. */
function asInput(evidence: DemoEvidence): Parameters<typeof applyEvidence>[1] {
  switch (evidence.kind) {
    case AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION:
      return { recognition: { decidedOn: evidence.decidedOn, recognised: evidence.recognised, reference: evidence.reference } };
    case AdmissionCondition.ENGLISH_EXAM:
      return { englishExam: { takenOn: evidence.takenOn, passed: evidence.passed } };
    case AdmissionCondition.MISSING_PREREQUISITES:
      return { prerequisites: { takenCourseCodes: [...evidence.takenCourseCodes] } };
    case AdmissionCondition.PREPARATORY_COURSES:
      return { preparatoryCourses: { acceptanceSignedOn: evidence.acceptanceSignedOn, results: evidence.results.map((r) => ({ ...r })) } };
  }
}

function date(iso: string | undefined): Date | null {
  return iso ? new Date(iso) : null;
}
