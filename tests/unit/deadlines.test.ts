// The date rules, across month ends, leap years, weekends, holidays and 调休.
// The calendar below is test data made for these cases, not an official schedule.
import { describe, expect, it } from 'vitest';
import {
  calendarPeriodEnd,
  dueState,
  EMPTY_CALENDAR,
  extendedHandleDue,
  handleDue,
  isWorkingDay,
  objectionDue,
  recheckRequestDue,
  replyDue,
  reviewAnswerDue,
  workingPeriodEnd,
  type HolidayCalendar,
} from '@shared/domain/deadlines';

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};
const CAL: HolidayCalendar = {
  holidays: new Set([...days('2026-10-01', '2026-10-07'), ...days('2027-02-06', '2027-02-12')]),
  workdays: new Set(['2026-09-27', '2026-10-10', '2027-02-14']),
};

describe('deadlines', () => {
  it('counts calendar days from the day after, across month ends and leap years', () => {
    expect(replyDue('2026-11-24', EMPTY_CALENDAR)).toBe('2026-12-09');
    expect(replyDue('2027-12-20', EMPTY_CALENDAR)).toBe('2028-01-04');
    expect(handleDue('2028-01-15', EMPTY_CALENDAR)).toBe('2028-03-15'); // 2028 is a leap year: Feb has 29 days
    expect(handleDue('2027-01-15', EMPTY_CALENDAR)).toBe('2027-03-16');
    expect(calendarPeriodEnd('2024-02-14', 15, EMPTY_CALENDAR)).toBe('2024-02-29');
  });

  it('a last day on a rest day or public holiday moves to the next working day', () => {
    expect(replyDue('2026-11-13', EMPTY_CALENDAR)).toBe('2026-11-30'); // ends Sat 11-28 → Mon 11-30
    expect(replyDue('2026-09-16', CAL)).toBe('2026-10-08'); // ends 10-01 in the holiday → first working day 10-08
    expect(calendarPeriodEnd('2026-09-12', 15, CAL)).toBe('2026-09-27'); // Sunday 09-27 is a 调休 working day
  });

  it('working-day limits skip weekends and holidays and count 调休 days', () => {
    expect(objectionDue('2026-11-24', EMPTY_CALENDAR)).toBe('2026-12-01'); // Tue → next Tue
    expect(objectionDue('2026-09-29', CAL)).toBe('2026-10-12'); // 09-30, (holiday week), 10-08, 10-09, Sat 10-10 调休, Mon 10-12
    expect(workingPeriodEnd('2027-02-04', 2, CAL)).toBe('2027-02-14');
    expect(isWorkingDay('2026-10-10', CAL)).toBe(true);
    expect(isWorkingDay('2026-10-11', CAL)).toBe(false);
  });

  it('one extension of at most 30 days, counted on from the original period', () => {
    expect(extendedHandleDue('2026-11-24', 30, EMPTY_CALENDAR)).toBe('2027-02-22'); // 90 days: Sat 02-20 → Mon 02-22
    expect(() => extendedHandleDue('2026-11-24', 31, EMPTY_CALENDAR)).toThrow('1至30天');
    expect(() => extendedHandleDue('2026-11-24', 0, EMPTY_CALENDAR)).toThrow();
  });

  it('review and re-review: 30 days to ask, 30 days to answer', () => {
    expect(reviewAnswerDue('2026-12-31', EMPTY_CALENDAR)).toBe('2027-02-01'); // ends Sat 01-30 → Mon 02-01
    expect(recheckRequestDue('2027-01-05', CAL)).toBe('2027-02-04');
  });

  it('warns before a date falls due and marks it overdue after', () => {
    expect(dueState('2026-12-09', '2026-12-01')).toBe('ok');
    expect(dueState('2026-12-09', '2026-12-06')).toBe('due_soon');
    expect(dueState('2026-12-09', '2026-12-09')).toBe('due_today');
    expect(dueState('2026-12-09', '2026-12-10')).toBe('overdue');
  });
});
