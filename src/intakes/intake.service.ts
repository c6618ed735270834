import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { findByGlobalId } from '../common/entity-lookup';
import { conflict } from '../common/errors';
import { ConnectionArgs, Page, pageRequest } from '../common/pagination';
import { inTransaction } from '../common/transaction';
import { refuseNulls, requireIntegerBetween, requireText } from '../common/validation';
import { watchAgendas } from '../reviews/agenda.guard';
import { ReviewSession } from '../reviews/review-session.entity';
import { CreateIntakeInput, CreateReviewWeekInput, ScheduleReviewWeeksInput, UpdateIntakeInput, UpdateReviewWeekInput } from './intake.inputs';
import { Intake } from './intake.entity';
import { INTAKE_ORDERING, intakePage } from './intake.queries';
import { IntakeNode } from './intake.type';
import { endsBeforeIntake, monthWeek, scheduleRefusal, WeekDates } from './policy';
import { ReviewWeek } from './review-week.entity';

/** Every signed-in user reads the intakes (reference data, no personal data). */
export function listIntakes(ctx: Context, args: ConnectionArgs): Promise<Page<IntakeNode>> {
  return intakePage(ctx.db, pageRequest(args, INTAKE_ORDERING));
}

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

/** The intake's start may move, but never onto or before one of its review weeks. */
export async function updateIntake(ctx: Context, id: string, input: UpdateIntakeInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    refuseNulls(input, ['retentionMonths']);
    const intake = await lockIntake(em, await findByGlobalId(em, Intake, 'Intake', id, 'id'));
    if (input.name !== undefined) intake.name = requireText('name', input.name);
    if (input.startsOn !== undefined) {
      const late = (await weeksOf(em, intake)).filter((week) => !endsBeforeIntake(week, input.startsOn!));
      if (late.length > 0) {
        throw conflict(`${late.map((w) => `"${w.label}"`).join(', ')} would end on or after the intake starts (${input.startsOn}).`, 'startsOn');
      }
      intake.startsOn = input.startsOn;
    }
    if (input.retentionMonths !== undefined) intake.retentionMonths = checkRetention(input.retentionMonths);
    return intake.id;
  });
}

export async function createReviewWeek(ctx: Context, input: CreateReviewWeekInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const intake = await lockIntake(em, await findByGlobalId(em, Intake, 'Intake', input.intakeId, 'intakeId'));
    const week = { id: 'new', label: requireText('label', input.label), startsOn: input.startsOn, endsOn: input.endsOn };
    const refusal = scheduleRefusal([...(await weeksOf(em, intake)), week], intake.startsOn, week);
    if (refusal) throw refusal;
    // A week added after the last one takes over the visa-free rule from it: that only relaxes
    // the rule for the old last week, whose agendas keep what they have.
    return em.create(ReviewWeek, { intake, label: week.label, startsOn: week.startsOn, endsOn: week.endsOn }).id;
  });
}

/**
 * The weeks of the published rule ("last week of October, November, December and January; the
 * last for applicants needing no visa"), with "last week of a month" as intakes/policy.ts defines it.
 */
export async function scheduleReviewWeeks(ctx: Context, input: ScheduleReviewWeeksInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    const intake = await lockIntake(em, await findByGlobalId(em, Intake, 'Intake', input.intakeId, 'intakeId'));
    const planned = input.weeks.map((w, index) => ({ id: `new-${index}`, ...monthWeek(w.week, w.year, w.month) }));
    const refusal = scheduleRefusal([...(await weeksOf(em, intake)), ...planned], intake.startsOn);
    if (refusal) throw refusal;
    for (const week of planned) em.create(ReviewWeek, { intake, label: week.label, startsOn: week.startsOn, endsOn: week.endsOn });
    return intake.id;
  });
}

/**
 * Changing a week must not invalidate what is already scheduled: its sessions must still fit, the
 * intake's weeks still may not overlap or end after it starts, and if the move makes it (or
 * another week) the intake's last, visa applicants on that week's open agendas refuse it.
 */
export async function updateReviewWeek(ctx: Context, id: string, input: UpdateReviewWeekInput): Promise<string> {
  return inTransaction(ctx, async (em) => {
    refuseNulls(input);
    const week = await findByGlobalId(em, ReviewWeek, 'ReviewWeek', id, 'id');
    const intake = await lockIntake(em, await em.findOneOrFail(Intake, week.intake.id));
    const agendas = await watchAgendas(em, { intakeIds: [intake.id] });
    if (input.label !== undefined) week.label = requireText('label', input.label);
    const changed = { id: week.id, label: week.label, startsOn: input.startsOn ?? week.startsOn, endsOn: input.endsOn ?? week.endsOn };
    const others = (await weeksOf(em, intake)).filter((w) => w.id !== week.id);
    const refusal = scheduleRefusal([...others, changed], intake.startsOn, changed);
    if (refusal) throw refusal;
    const outside = await em.count(ReviewSession, {
      week,
      $or: [{ startsAt: { $lt: new Date(`${changed.startsOn}T00:00:00Z`) } }, { endsAt: { $gt: new Date(`${changed.endsOn}T23:59:59.999Z`) } }],
    });
    if (outside > 0) throw conflict(`${outside} session(s) of this week would fall outside the new dates.`, 'startsOn');
    week.startsOn = changed.startsOn;
    week.endsOn = changed.endsOn;
    await agendas.assertStillStand('startsOn');
    return week.id;
  });
}

/** One writer of an intake's schedule at a time: the overlap and last-week rules read all its weeks. */
async function lockIntake(em: EntityManager, intake: Intake): Promise<Intake> {
  await em.execute('select id from intake where id = ? for no key update', [intake.id]);
  return intake;
}

async function weeksOf(em: EntityManager, intake: Intake): Promise<(WeekDates & { label: string })[]> {
  return (await em.find(ReviewWeek, { intake })).map((w) => ({ id: w.id, label: w.label, startsOn: w.startsOn, endsOn: w.endsOn }));
}
