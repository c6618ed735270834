import { ErrorCode } from '../common/errors';
import { isVisaFreeWeek, monthWeek, scheduleRefusal, visaFreeWeekId, weekDatesRefusal, WeekOfMonth } from './policy';

/** DOMAIN.md's published schedule, in the words of the rule. */
const PUBLISHED = {
  '2021-02': {
    startsOn: '2021-02-15',
    weeks: [
      [WeekOfMonth.LAST, 2020, 10],
      [WeekOfMonth.LAST, 2020, 11],
      [WeekOfMonth.LAST, 2020, 12],
      [WeekOfMonth.LAST, 2021, 1],
    ],
  },
  '2021-10': {
    startsOn: '2021-10-01',
    weeks: [
      [WeekOfMonth.LAST, 2021, 5],
      [WeekOfMonth.LAST, 2021, 6],
      [WeekOfMonth.LAST, 2021, 7],
      [WeekOfMonth.FIRST, 2021, 9],
    ],
  },
} as const;

describe('"last week of a month": its last seven days; "first week": days 1 to 7', () => {
  it('gives the published 2020–2021 schedule', () => {
    const dates = (code: keyof typeof PUBLISHED) => PUBLISHED[code].weeks.map(([which, year, month]) => monthWeek(which, year, month));
    expect(dates('2021-02')).toEqual([
      { startsOn: '2020-10-25', endsOn: '2020-10-31', label: 'Last week of October 2020' },
      { startsOn: '2020-11-24', endsOn: '2020-11-30', label: 'Last week of November 2020' },
      { startsOn: '2020-12-25', endsOn: '2020-12-31', label: 'Last week of December 2020' },
      { startsOn: '2021-01-25', endsOn: '2021-01-31', label: 'Last week of January 2021' },
    ]);
    expect(dates('2021-10')).toEqual([
      { startsOn: '2021-05-25', endsOn: '2021-05-31', label: 'Last week of May 2021' },
      { startsOn: '2021-06-24', endsOn: '2021-06-30', label: 'Last week of June 2021' },
      { startsOn: '2021-07-25', endsOn: '2021-07-31', label: 'Last week of July 2021' },
      { startsOn: '2021-09-01', endsOn: '2021-09-07', label: 'First week of September 2021' },
    ]);
  });

  it('follows the length of the month, leap years included', () => {
    expect(monthWeek(WeekOfMonth.LAST, 2021, 2)).toMatchObject({ startsOn: '2021-02-22', endsOn: '2021-02-28' });
    expect(monthWeek(WeekOfMonth.LAST, 2024, 2)).toMatchObject({ startsOn: '2024-02-23', endsOn: '2024-02-29' });
    expect(monthWeek(WeekOfMonth.LAST, 2021, 4)).toMatchObject({ startsOn: '2021-04-24', endsOn: '2021-04-30' });
  });

  it('refuses a month or year that is not one', () => {
    expect(() => monthWeek(WeekOfMonth.LAST, 2021, 13)).toThrow(/month/);
    expect(() => monthWeek(WeekOfMonth.FIRST, 2021, 0)).toThrow(/month/);
    expect(() => monthWeek(WeekOfMonth.FIRST, 1999, 1)).toThrow(/year/);
  });
});

describe('the schedule of an intake', () => {
  const weeks = (code: keyof typeof PUBLISHED) =>
    PUBLISHED[code].weeks.map(([which, year, month], i) => ({ id: `w${i + 1}`, ...monthWeek(which, year, month) }));

  it.each(Object.keys(PUBLISHED) as (keyof typeof PUBLISHED)[])('the published %s weeks do not overlap, end before the intake, and the last is visa-free', (code) => {
    const schedule = weeks(code);
    expect(scheduleRefusal(schedule, PUBLISHED[code].startsOn)).toBeNull();
    expect(visaFreeWeekId(schedule)).toBe('w4');
    expect(schedule.map((w) => isVisaFreeWeek(w, schedule))).toEqual([false, false, false, true]);
  });

  it('the visa-free week is whichever starts last, in any order of creation', () => {
    const schedule = weeks('2021-10');
    expect(visaFreeWeekId([schedule[3], schedule[0], schedule[2], schedule[1]])).toBe('w4');
    expect(visaFreeWeekId(schedule.slice(0, 2))).toBe('w2');
    expect(visaFreeWeekId([])).toBeNull();
  });

  it('refuses two "last weeks of October 2020", even one day of overlap', () => {
    const october = { id: 'a', ...monthWeek(WeekOfMonth.LAST, 2020, 10) };
    expect(scheduleRefusal([october, { ...october, id: 'b' }], '2021-02-15')?.extensions).toMatchObject({ code: ErrorCode.CONFLICT, field: 'startsOn' });
    const touching = { id: 'c', label: 'next', startsOn: '2020-10-31', endsOn: '2020-11-06' };
    expect(scheduleRefusal([october, touching], '2021-02-15')?.extensions.code).toBe(ErrorCode.CONFLICT);
    const after = { id: 'd', label: 'next', startsOn: '2020-11-01', endsOn: '2020-11-07' };
    expect(scheduleRefusal([october, after], '2021-02-15')).toBeNull();
  });

  it('refuses a week that does not end before the intake starts: the day before is the last possible', () => {
    const lastDay = { id: 'a', label: 'late', startsOn: '2021-09-24', endsOn: '2021-09-30' };
    expect(scheduleRefusal([lastDay], '2021-10-01')).toBeNull();
    expect(scheduleRefusal([{ ...lastDay, endsOn: '2021-10-01' }], '2021-10-01')?.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'endsOn' });
  });

  it('a week is 1 to 14 days, never backwards', () => {
    expect(weekDatesRefusal('2021-05-25', '2021-05-25')).toBeNull();
    expect(weekDatesRefusal('2021-05-01', '2021-05-14')).toBeNull();
    expect(weekDatesRefusal('2021-05-01', '2021-05-15')?.extensions.field).toBe('endsOn');
    expect(weekDatesRefusal('2021-05-25', '2021-05-24')?.extensions.field).toBe('endsOn');
  });
});
