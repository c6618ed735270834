import type { Context } from '../context';
import { findByGlobalId } from '../common/entity-lookup';
import { badInput, conflict } from '../common/errors';
import { inTransaction } from '../common/transaction';
import { refuseNulls, requireIntegerBetween, requireText } from '../common/validation';
import { AgendaItem } from '../reviews/agenda-item.entity';
import { ReviewSession } from '../reviews/review-session.entity';
import { CreateIntakeInput, CreateReviewWeekInput, UpdateIntakeInput, UpdateReviewWeekInput } from './intake.inputs';
import { Intake } from './intake.entity';
import { ReviewWeek } from './review-week.entity';

/** Null or unset: the server's RETENTION_MONTHS. */
function checkRetention(months: number | null | undefined): number | null {
  return months === null || months === undefined ? null : requireIntegerBetween('retentionMonths', months, 1, 1200);
}

export async function createIntake(ctx: Context, input: CreateIntakeInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const intake = em.create(Intake, {
      code: requireText('code', input.code, 40),
      name: requireText('name', input.name),
      startsOn: input.startsOn,
      retentionMonths: checkRetention(input.retentionMonths),
    });
    return intake.id;
  });
}

export async function updateIntake(ctx: Context, id: string, input: UpdateIntakeInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    refuseNulls(input, ['retentionMonths']);
    const intake = await findByGlobalId(em, Intake, 'Intake', id, 'id');
    if (input.name !== undefined) intake.name = requireText('name', input.name);
    if (input.startsOn !== undefined) intake.startsOn = input.startsOn;
    if (input.retentionMonths !== undefined) intake.retentionMonths = checkRetention(input.retentionMonths);
    return intake.id;
  });
}

function checkWeekDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw badInput('endsOn', 'A review week cannot end before it starts.');
  const days = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000;
  if (days > 13) throw badInput('endsOn', 'A review week spans at most two weeks.');
}

export async function createReviewWeek(ctx: Context, input: CreateReviewWeekInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const intake = await findByGlobalId(em, Intake, 'Intake', input.intakeId, 'intakeId');
    checkWeekDates(input.startsOn, input.endsOn);
    const week = em.create(ReviewWeek, {
      intake,
      label: requireText('label', input.label),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      visaFreeOnly: input.visaFreeOnly,
    });
    return week.id;
  });
}

/**
 * Changing a week must not invalidate what is already scheduled in it: sessions must still fit,
 * and a week cannot turn visa-free while visa-requiring applicants are on its agendas.
 */
export async function updateReviewWeek(ctx: Context, id: string, input: UpdateReviewWeekInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    refuseNulls(input);
    const week = await findByGlobalId(em, ReviewWeek, 'ReviewWeek', id, 'id');
    if (input.label !== undefined) week.label = requireText('label', input.label);
    const startsOn = input.startsOn ?? week.startsOn;
    const endsOn = input.endsOn ?? week.endsOn;
    checkWeekDates(startsOn, endsOn);
    const outside = await em.count(ReviewSession, {
      week,
      $or: [{ startsAt: { $lt: new Date(`${startsOn}T00:00:00Z`) } }, { endsAt: { $gt: new Date(`${endsOn}T23:59:59.999Z`) } }],
    });
    if (outside > 0) throw conflict(`${outside} session(s) of this week would fall outside the new dates.`, 'startsOn');
    week.startsOn = startsOn;
    week.endsOn = endsOn;
    if (input.visaFreeOnly === true && !week.visaFreeOnly) {
      const needingVisa = await em.count(AgendaItem, { session: { week }, applicant: { needsVisa: true } });
      if (needingVisa > 0) throw conflict(`${needingVisa} applicant(s) needing a visa are on this week's agendas.`, 'visaFreeOnly');
    }
    if (input.visaFreeOnly !== undefined) week.visaFreeOnly = input.visaFreeOnly;
    return week.id;
  });
}
