import { EligibilityProblemCode } from '../applicants/applicant.enums';
import { CAPS, capRefusal } from '../common/caps';
import { AppError, badInput, conflict, ErrorCode } from '../common/errors';

/**
 * The rules of an intake's review schedule (DOMAIN.md, "Intakes and review weeks"), as pure
 * predicates over plain dates, with the one SQL fragment that must judge in a query beside them.
 *
 * - A review week is whole UTC days, `startsOn` to `endsOn` inclusive, at most 14 days.
 * - The weeks of one intake do not overlap, and each ends before the intake starts.
 * - The intake's last week (the latest `startsOn`) is only for applicants who need no visa: a
 *   type-D visa takes up to three months. Derived from the dates, never a flag of its own.
 * - "Last week of a month" is the month's last seven days; "first week" its first seven (so a
 *   week never spills into the next month). `monthWeek` is the one definition.
 */

export const MAX_WEEK_DAYS = 14;

export interface WeekDates {
  id: string;
  startsOn: string;
  endsOn: string;
  label?: string;
}

/** Dates are `YYYY-MM-DD`, compared as text (the same order as the calendar). */
const DAY_MS = 86_400_000;

export function weekLength(startsOn: string, endsOn: string): number {
  return (Date.parse(endsOn) - Date.parse(startsOn)) / DAY_MS + 1;
}

/** Why these dates cannot make a review week, or null. */
export function weekDatesRefusal(startsOn: string, endsOn: string): AppError | null {
  if (endsOn < startsOn) return badInput('endsOn', 'A review week cannot end before it starts.');
  if (weekLength(startsOn, endsOn) > MAX_WEEK_DAYS) return badInput('endsOn', `A review week spans at most ${MAX_WEEK_DAYS} days.`);
  return null;
}

export function weeksOverlap(a: WeekDates, b: WeekDates): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/** Every week must end before the intake starts: the committee decides before students arrive. */
export function endsBeforeIntake(week: WeekDates, intakeStartsOn: string): boolean {
  return week.endsOn < intakeStartsOn;
}

/**
 * Why this set of weeks cannot be the intake's schedule, or null. `changed` is the week being
 * written (its refusal names its own fields); the others are the intake's stored weeks.
 */
export function scheduleRefusal(weeks: readonly WeekDates[], intakeStartsOn: string, changed?: WeekDates): AppError | null {
  const tooMany = capRefusal(CAPS.weeksPerIntake, weeks.length);
  if (tooMany) return tooMany;
  for (const week of changed ? [changed] : weeks) {
    const dates = weekDatesRefusal(week.startsOn, week.endsOn);
    if (dates) return dates;
    if (!endsBeforeIntake(week, intakeStartsOn)) {
      return badInput('endsOn', `${describe(week)} ends on ${week.endsOn}, not before the intake starts (${intakeStartsOn}).`);
    }
  }
  const sorted = [...weeks].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  for (let i = 1; i < sorted.length; i++) {
    if (weeksOverlap(sorted[i - 1], sorted[i])) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      return conflict(`${describe(a)} (${a.startsOn} to ${a.endsOn}) overlaps ${describe(b)} (${b.startsOn} to ${b.endsOn}).`, 'startsOn');
    }
  }
  return null;
}

/** The intake's visa-free week: its last one. Null for an intake without weeks. */
export function visaFreeWeekId(weeks: readonly WeekDates[]): string | null {
  let last: WeekDates | null = null;
  for (const week of weeks) if (!last || week.startsOn > last.startsOn) last = week;
  return last?.id ?? null;
}

export function isVisaFreeWeek(week: WeekDates, intakeWeeks: readonly WeekDates[]): boolean {
  return visaFreeWeekId(intakeWeeks) === week.id;
}

/**
 * SQL twin of `isVisaFreeWeek` for a `review_week` row aliased `w`: no week of the same intake
 * starts later. (test/intakes/schedule-parity.test.ts runs both on the same weeks.)
 */
export function visaFreeWeekSql(w: string): string {
  return `not exists (select 1 from review_week later where later.intake_id = ${w}.intake_id and later.starts_on > ${w}.starts_on)`;
}

// ---------------------------------------------------------------------------------------
// The published rule: "last week of October, November, December and January"
// ---------------------------------------------------------------------------------------

export enum WeekOfMonth {
  /** Days 1 to 7. */
  FIRST = 'FIRST',
  /** The month's last seven days. */
  LAST = 'LAST',
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The one definition of "first/last week of <month> <year>": its dates and its label. */
export function monthWeek(which: WeekOfMonth, year: number, month: number): { startsOn: string; endsOn: string; label: string } {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'year must be an integer from 2000 to 2100.');
  if (!Number.isInteger(month) || month < 1 || month > 12) throw badInput('month', 'month must be an integer from 1 to 12.');
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = which === WeekOfMonth.FIRST ? 1 : daysInMonth - 6;
  const day = (d: number) => `${year}-${pad(month)}-${pad(d)}`;
  return {
    startsOn: day(first),
    endsOn: day(first + 6),
    label: `${which === WeekOfMonth.FIRST ? 'First' : 'Last'} week of ${MONTHS[month - 1]} ${year}`,
  };
}

/** A visa applicant on the agenda of the visa-free week: the same refusal wherever it is met. */
export function visaWeekRefusal(weekLabel: string, applicantName?: string): AppError {
  const who = applicantName ? `${applicantName} needs` : 'The applicant needs';
  return new AppError(
    ErrorCode.NOT_ELIGIBLE,
    `${weekLabel} is the intake's last review week, only for applicants who need no visa; ${who} a type-D visa (up to three months).`,
    { field: 'applicantId', problems: [EligibilityProblemCode.NEEDS_VISA_IN_VISA_FREE_WEEK] },
  );
}

function describe(week: WeekDates): string {
  return week.label ? `"${week.label}"` : 'The review week';
}
